"""Encryption at rest: a keyed SQLite file holds no readable record (WAL included),
does not open without its key, still searches; a plain file is encrypted in place
with every row kept; PostgreSQL refuses a remote server without TLS."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text

from ppa_tui.domain.clock import FixedClock
from ppa_tui.domain.kasus import buka_kasus, simpan_pihak
from ppa_tui.galat import PesanPetugas, pesan_galat
from ppa_tui.settings import PengaturanSalah, Settings
from ppa_tui.store.cari import cari
from ppa_tui.store.cipher import KEPALA_POLOS, pakai_kunci, terenkripsi
from ppa_tui.store.database import Database
from ppa_tui.store.engine import KunciSalah, make_engine
from ppa_tui.store.enkripsi import EnkripsiGagal, enkripsi_di_tempat, hitung_baris
from ppa_tui.store.kunci import kunci_acak

NAMA = "Zulaikha Qurratuaini Wibisono"
NIK = "1971015403110003"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _isi_korban(db: Database) -> None:
    with db.session() as s:
        kasus = buka_kasus(s, waktu_diterima=NOW, petugas="Rina")
        simpan_pihak(s, kasus.id, "korban", {"nama": NAMA, "nik": NIK, "jenis_kelamin": "p"})


def _berkas(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes()
            for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()}


def _tanpa_rahasia(isi: dict[str, bytes]) -> None:
    assert isi, "no file"
    for nama, b in isi.items():
        assert not b.startswith(KEPALA_POLOS), nama
        for rahasia in (NAMA, NAMA.split()[1], NIK, NIK[4:12]):
            assert rahasia.encode() not in b, (nama, rahasia)
            assert rahasia.encode("utf-16-le") not in b, (nama, rahasia)


@pytest.fixture
def terkunci(tmp_path: Path):
    path = tmp_path / "ppa.db"
    kunci = kunci_acak()
    db = Database.open(f"sqlite:///{path}", "desk-a", kunci=kunci)
    _isi_korban(db)
    yield path, kunci, db
    db.close()


def test_new_encrypted_file_holds_no_plain_record(terkunci) -> None:
    path, _, db = terkunci
    sebelum = _berkas(path)
    assert f"{path.name}-wal" in sebelum and len(sebelum[f"{path.name}-wal"]) > 0
    _tanpa_rahasia(sebelum)  # the WAL before a checkpoint
    raw = db.engine.raw_connection()  # outside a transaction, which BEGINs on SQLite
    try:
        assert raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
    finally:
        raw.close()
    _tanpa_rahasia(_berkas(path))  # and the file after it
    assert terenkripsi(path)
    # a new database file is made 0600, WAL too
    for p in (path, Path(f"{path}-wal")):
        assert stat.S_IMODE(p.stat().st_mode) == 0o600


def test_records_read_back_with_the_key(terkunci) -> None:
    path, kunci, db = terkunci
    db.close()
    db2 = Database.open(f"sqlite:///{path}", "desk-b", kunci=kunci)
    try:
        with db2.baca() as s:
            assert s.execute(text("SELECT nama, nik FROM pihak")).all() == [(NAMA, NIK)]
            assert s.execute(text("PRAGMA cache_size")).scalar() == -65536
    finally:
        db2.close()


def test_does_not_open_without_or_with_a_wrong_key(terkunci) -> None:
    path, _, db = terkunci
    db.close()
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()
    for kunci in (None, kunci_acak()):
        conn = sqlcipher.connect(str(path))
        if kunci is not None:
            pakai_kunci(conn, kunci)
        with pytest.raises(sqlcipher.DatabaseError, match="not a database"):
            conn.execute("SELECT count(*) FROM pihak").fetchone()
        conn.close()
    with pytest.raises(KunciSalah) as e:
        Database.open(f"sqlite:///{path}", kunci=kunci_acak())
    assert "tidak bisa dibuka dengan kunci ini" in pesan_galat(e.value)


def test_encrypted_file_without_a_key_asks_for_one(terkunci) -> None:
    from ppa_tui.store.engine import PerluKunci
    from ppa_tui.store.kunci import BerkasKunci, path_kunci

    path, kunci, db = terkunci
    db.close()
    BerkasKunci.buat(path_kunci(path), kunci)
    with pytest.raises(PerluKunci, match="terenkripsi"):
        Database.open(f"sqlite:///{path}")


def test_plain_file_with_a_key_says_to_encrypt(tmp_path: Path) -> None:
    path = tmp_path / "ppa.db"
    Database.open(f"sqlite:///{path}").close()
    with pytest.raises(KunciSalah, match="ppa enkripsi"):
        Database.open(f"sqlite:///{path}", kunci=kunci_acak())


def test_sqlcipher_prints_nothing(terkunci, capfd) -> None:
    path, _, db = terkunci
    db.close()
    capfd.readouterr()
    with pytest.raises(KunciSalah):
        Database.open(f"sqlite:///{path}", kunci=kunci_acak())
    keluar = capfd.readouterr()
    assert keluar.out == "" and keluar.err == ""


def test_search_works_encrypted(terkunci) -> None:
    _, _, db = terkunci
    with db.baca() as s:
        for q in ("qurratu", NIK[:8], "wibisono"):
            hasil = cari(s, q, now=NOW)
            assert [b.korban for b in hasil.baris] == [(NAMA,)], q
        assert list(cari(s, "tidakadanama", now=NOW).baris) == []


def test_connections_are_pooled(terkunci) -> None:
    _, _, db = terkunci
    dibuat = []
    from sqlalchemy import event

    event.listen(db.engine, "connect", lambda *_: dibuat.append(1))
    for _ in range(20):
        with db.baca() as s:
            s.execute(text("SELECT count(*) FROM pihak")).scalar()
    assert len(dibuat) <= 1


def test_home_fast_path_with_key(terkunci) -> None:
    from ppa_tui.store.beranda_cepat import baca_beranda

    path, kunci, db = terkunci
    url = f"sqlite:///{path}"
    sejak = datetime(2026, 1, 1, tzinfo=UTC)
    assert baca_beranda(url, sejak) is None  # no key: the ORM path decides
    assert baca_beranda(url, sejak, kunci=kunci_acak()) is None
    beranda = baca_beranda(url, sejak, kunci=kunci)
    assert beranda is not None
    assert NAMA in repr(beranda)


def test_backend_opens_with_its_key(tmp_path: Path, terkunci) -> None:
    from ppa_tui.backend import Backend

    path, kunci, db = terkunci
    db.close()
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{path}", petugas="Rina",
                        device_id="desk-c")
    backend = Backend(settings, FixedClock(NOW), kunci_db=kunci)
    try:
        with backend.database.baca() as s:
            assert s.execute(text("SELECT nama FROM pihak")).scalar() == NAMA
    finally:
        backend.close()


# ---- in place ------------------------------------------------------------------------


@pytest.fixture
def polos(tmp_path: Path) -> Path:
    from ppa_tui.domain.clock import SystemClock
    from ppa_tui.store.demo import isi_demo

    path = tmp_path / "ppa.db"
    db = Database.open(f"sqlite:///{path}", "desk-a")
    isi_demo(db, 30, SystemClock())
    _isi_korban(db)
    db.close()
    return path


def test_encrypt_in_place_keeps_every_row(polos: Path, umask_022) -> None:
    path = polos
    with closing(sqlite3.connect(path)) as conn:
        sebelum = hitung_baris(conn)
        versi = conn.execute("PRAGMA user_version").fetchone()[0]
        revisi = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert sebelum["kasus"] == 31 and sebelum["cari_fts"] == 31
    kunci = kunci_acak()
    langkah: list[str] = []
    cadangan = enkripsi_di_tempat(path, kunci, langkah.append)
    assert langkah == ["Memeriksa basis data", "Membuat cadangan", "Mengenkripsi",
                       "Mengganti berkas"]

    assert cadangan.name.startswith("ppa.db.sebelum-enkripsi-")
    assert stat.S_IMODE(cadangan.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with closing(sqlite3.connect(cadangan)) as conn:
        assert hitung_baris(conn) == sebelum
    assert sorted(p.name for p in path.parent.iterdir()) == sorted(["ppa.db", cadangan.name])

    _tanpa_rahasia(_berkas(path))
    conn = sqlcipher.connect(str(path))
    pakai_kunci(conn, kunci)
    assert hitung_baris(conn) == sebelum
    assert conn.execute("PRAGMA user_version").fetchone()[0] == versi
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == revisi
    triggers = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cari_%'")}
    assert len(triggers) == 9
    conn.close()

    db = Database.open(f"sqlite:///{path}", "desk-b", kunci=kunci)
    try:
        with db.baca() as s:
            assert [b.korban for b in cari(s, "qurratu", now=NOW).baris] == [(NAMA,)]
        _isi_korban(db)  # the triggers still feed the index
        with db.baca() as s:
            assert len(cari(s, "qurratu", now=NOW).baris) == 2
        assert db.periksa_keutuhan() == []
    finally:
        db.close()


def test_encrypt_refuses_an_encrypted_file(terkunci) -> None:
    path, kunci, db = terkunci
    db.close()
    with pytest.raises(EnkripsiGagal, match="sudah terenkripsi"):
        enkripsi_di_tempat(path, kunci)


def test_encrypt_refuses_a_file_in_use(polos: Path) -> None:
    db = Database.open(f"sqlite:///{polos}", "desk-a")
    try:
        with db.baca() as s:
            s.execute(text("SELECT count(*) FROM kasus")).scalar()  # holds a connection
            with pytest.raises(EnkripsiGagal, match="sedang dibuka"):
                enkripsi_di_tempat(polos, kunci_acak())
    finally:
        db.close()
    assert not terenkripsi(polos)
    assert sorted(p.name for p in polos.parent.iterdir() if "sebelum" in p.name) == []
    with closing(sqlite3.connect(polos)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_encrypt_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EnkripsiGagal, match="tidak ada"):
        enkripsi_di_tempat(tmp_path / "tidak-ada.db", kunci_acak())


# ---- PostgreSQL over a network ---------------------------------------------------------


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://ppa@db.kantor.local/ppa",
    "postgresql+psycopg://ppa:rahasia@10.0.0.5:5432/ppa?sslmode=prefer",
    "postgresql+psycopg://ppa@/ppa?host=10.0.0.5",
    "postgresql+psycopg://ppa@localhost,db2.kantor/ppa",
])
def test_remote_postgres_without_tls_is_refused(url: str) -> None:
    with pytest.raises(PesanPetugas) as e:
        make_engine(url)
    pesan = pesan_galat(e.value)
    assert "sslmode=verify-full" in pesan and "pg_tanpa_tls" in pesan
    assert "rahasia" not in pesan
    make_engine(url, izinkan_tanpa_tls=True).dispose()  # told otherwise: no check


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://ppa@db.kantor.local/ppa?sslmode=require",
    "postgresql+psycopg://ppa@db.kantor.local/ppa?sslmode=verify-full",
    "postgresql+psycopg://ppa@localhost/ppa",
    "postgresql+psycopg://ppa@127.0.0.1:5432/ppa",
    "postgresql+psycopg://ppa@[::1]:5432/ppa",
    "postgresql+psycopg://ppa@/ppa",
    "postgresql+psycopg://ppa@/ppa?host=/var/run/postgresql",
])
def test_local_or_tls_postgres_is_allowed(url: str) -> None:
    make_engine(url).dispose()


def test_pgsslmode_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGSSLMODE", "verify-ca")
    make_engine("postgresql+psycopg://ppa@db.kantor.local/ppa").dispose()
    monkeypatch.setenv("PGSSLMODE", "disable")
    monkeypatch.setenv("PGHOST", "db.kantor.local")
    with pytest.raises(PesanPetugas):
        make_engine("postgresql+psycopg://ppa@/ppa")


def test_pg_tanpa_tls_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    assert Settings.load(config).pg_tanpa_tls is False
    monkeypatch.setenv("PPA_PG_TANPA_TLS", "ya")
    assert Settings.load(config).pg_tanpa_tls is True
    monkeypatch.setenv("PPA_PG_TANPA_TLS", "mungkin")
    with pytest.raises(PengaturanSalah, match="pg_tanpa_tls"):
        Settings.load(config)
