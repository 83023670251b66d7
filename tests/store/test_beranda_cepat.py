"""The first home load without the ORM (stdlib `sqlite3`, bare `psycopg`) gives exactly
what the ORM path gives, and steps aside whenever it cannot be sure."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from ppa_tui.backend import Backend
from ppa_tui.domain import views
from ppa_tui.domain.bukutamu import catat_keluar, catat_tamu
from ppa_tui.domain.clock import FixedClock
from ppa_tui.domain.draft import simpan_draft
from ppa_tui.domain.models import Draft, Kasus, LangkahKasus, Pihak, utcnow
from ppa_tui.settings import Settings
from ppa_tui.store import migrate
from ppa_tui.store.beranda_cepat import baca_beranda, berkas_sqlite, dsn_postgres, head
from ppa_tui.store.database import Database
from ppa_tui.store.demo import isi_demo


def _isi(database: Database, clock: FixedClock) -> None:
    """Demo cases plus what the demo lacks: more than a screenful of open cases and
    of today's guests, equal deadlines, a case without korban, a deleted korban, an
    open step without a stored deadline, a guest who left, and broken drafts."""
    isi_demo(database, 300, clock)
    awal = clock.now() - timedelta(hours=1)
    with database.session() as s:
        tamu = []
        for i in range(210):
            masuk = awal + timedelta(seconds=10 * (i // 3))  # three guests per instant
            tamu.append(catat_tamu(s, {"nama": f"Tamu {i}", "keperluan": "pengaduan",
                                       "waktu_masuk": masuk}, clock=clock)[0])
        catat_tamu(s, {"nama": "Tamu konsultasi", "keperluan": "konsultasi"}, clock=clock)
    with database.session() as s:
        catat_keluar(s, tamu[5].id, clock)
        dihapus = s.exec(select(Pihak).where(Pihak.peran == "korban")).first()
        dihapus.deleted_at = utcnow()
        s.add(dihapus)
        langkah = s.exec(select(LangkahKasus).where(LangkahKasus.kasus_id == tamu[7].kasus_id)
                         ).one()
        langkah.deadline_at = None
        s.add(langkah)
        for nama, anak in (("Ani", True), ("", False), ("Budi", False)):  # same instant
            s.add(Pihak(kasus_id=tamu[0].kasus_id, peran="korban", nama=nama, anak=anak,
                        created_at=clock.now()))
        simpan_draft(s, "korban:-:baru", "korban", "Korban", {"nama": "Sari", "usia": "9"})
        s.add(Draft(kunci="rusak", form_id="korban", judul="Rusak", isi="{tidak json"))
        s.add(Draft(kunci="daftar", form_id="korban", judul="Daftar", isi="[1, 2]"))


@pytest.fixture
def penuh(db_url: str, clock: FixedClock) -> str:
    database = Database.open(db_url, device_id="meja-1")
    _isi(database, clock)
    database.close()
    return db_url


def test_fast_path_gives_what_the_orm_gives(penuh: str, clock: FixedClock) -> None:
    sejak = views.awal_hari(clock.now(), "Asia/Jakarta")
    cepat = baca_beranda(penuh, sejak)
    database = Database.open(penuh)
    with database.session() as s:
        orm = views.beranda(s, sejak)
        aktif = s.exec(select(Kasus).where(Kasus.status == "aktif")).all()
    database.close()

    assert cepat is not None
    assert cepat == orm
    # the data really exercises what it should: both limits, every kind of row
    assert len(aktif) > views.BATAS_KASUS_BERANDA == len(cepat.kasus) == len(cepat.tamu)
    assert any(k.anak for k in cepat.kasus) and any(not k.anak for k in cepat.kasus)
    assert any(k.korban == "" for k in cepat.kasus)
    assert sum("(tanpa nama)" in k.korban and "," in k.korban for k in cepat.kasus) == 1
    assert any(t.waktu_keluar for t in cepat.tamu) and any(t.nomor_register for t in cepat.tamu)
    assert [d.kunci for d in cepat.draft] == ["korban:-:baru"]
    assert cepat.draft[0].isi == {"nama": "Sari", "usia": "9"}
    tenggat = [k.jam.deadline_at for k in cepat.kasus]
    assert tenggat == sorted(tenggat) and len(set(tenggat)) < len(tenggat)  # ties, ordered
    assert all(t.waktu_masuk.tzinfo is UTC for t in cepat.tamu)


def test_backend_reads_home_without_opening_the_database(penuh: str, clock: FixedClock,
                                                         tmp_path: Path) -> None:
    backend = Backend(Settings(data_dir=tmp_path, database_url=penuh), clock)
    pertama = backend.beranda()
    assert not backend.terbuka  # the first rows came without SQLAlchemy's Database
    backend.warm_up()
    assert backend.terbuka
    assert backend.beranda() == pertama  # now through the ORM: the same home
    backend.close()


def test_the_early_read_is_handed_over_once(penuh: str, clock: FixedClock,
                                            tmp_path: Path) -> None:
    backend = Backend(Settings(data_dir=tmp_path, database_url=penuh), clock)
    backend.mulai_beranda(tunggu=60)  # bounded wait: the read is done when it returns
    siap = backend.beranda_siap()
    assert siap is not None and siap == backend.beranda()
    assert backend.beranda_siap() is None  # handed over once; later reads are fresh
    assert not backend.terbuka
    backend.close()


def test_no_early_read_where_the_light_path_cannot_serve(tmp_path: Path) -> None:
    backend = Backend(Settings(data_dir=tmp_path, database_url="sqlite://"))
    backend.mulai_beranda(tunggu=60)
    assert backend.beranda_siap() is None
    assert backend.beranda() is not None and backend.terbuka  # the ORM path served it
    backend.close()


def test_head_is_the_newest_migration() -> None:
    assert head() == migrate.HEAD


@pytest.mark.parametrize("url", [
    "postgresql://postgres@127.0.0.1:5432/test",  # psycopg2 for SQLAlchemy: not ours
    "postgresql+psycopg2://postgres@127.0.0.1:5432/test", "mysql://x@y/z",
    "sqlite://", "sqlite:///:memory:", "sqlite:///x.db?mode=ro", "sqlite:///a%20b.db",
])
def test_urls_the_fast_path_leaves_to_the_orm(url: str) -> None:
    assert berkas_sqlite(url) is None and dsn_postgres(url) is None
    assert baca_beranda(url, datetime.now(UTC)) is None


def test_postgres_url_becomes_the_same_libpq_uri() -> None:
    assert dsn_postgres("postgresql+psycopg://u:p%40ss@h:5433/db?options=-csearch_path%3Ds") \
        == "postgresql://u:p%40ss@h:5433/db?options=-csearch_path%3Ds"


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_postgres_steps_aside_without_our_schema(db_url: str) -> None:
    assert baca_beranda(db_url, datetime.now(UTC)) is None  # no alembic_version yet
    assert baca_beranda(db_url.replace(":5432/", ":1/"), datetime.now(UTC)) is None


def test_fast_path_steps_aside(tmp_path: Path, clock: FixedClock) -> None:
    sejak = views.awal_hari(clock.now(), "Asia/Jakarta")
    hilang = tmp_path / "tidak-ada.db"
    assert baca_beranda(f"sqlite:///{hilang}", sejak) is None
    assert not hilang.exists()  # read-only: nothing created

    kosong = tmp_path / "kosong.db"
    sqlite3.connect(kosong).close()  # a SQLite file without our schema
    assert baca_beranda(f"sqlite:///{kosong}", sejak) is None

    rusak = tmp_path / "rusak.db"
    rusak.write_bytes(b"bukan basis data " * 100)
    assert baca_beranda(f"sqlite:///{rusak}", sejak) is None

    lama = tmp_path / "lama.db"
    Database.open(f"sqlite:///{lama}").close()
    assert baca_beranda(f"sqlite:///{lama}", sejak) is not None
    with sqlite3.connect(lama) as conn:  # behind head: the ORM path migrates first
        conn.execute("UPDATE alembic_version SET version_num = '0000'")
    conn.close()
    assert baca_beranda(f"sqlite:///{lama}", sejak) is None
