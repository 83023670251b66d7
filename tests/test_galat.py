"""What the officer reads about an error: Indonesian, and never SQL, parameters,
driver English or a link; what the private log gets: kinds and places, no values."""

from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from ppa_tui.galat import UMUM, pesan_galat, ringkas_teknis

NAMA = "Siti Aminah Korbanwati"
_SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|FROM|VALUES|WHERE|INTO|TABLE)\b", re.I)
_INGGRIS = re.compile(r"\b(error|the|value|too|long|violates|constraint|failed|could|not)\b",
                      re.I)


def _tangkap(fungsi) -> SQLAlchemyError:
    with pytest.raises(SQLAlchemyError) as info:
        fungsi()
    return info.value


def _aman(exc: BaseException, awalan: str = "Gagal menyimpan") -> str:
    pesan = pesan_galat(exc, awalan)
    assert NAMA not in pesan and "Siti" not in pesan, pesan
    assert "parameters" not in pesan and "sqlalche.me" not in pesan, pesan
    assert not _SQL.search(pesan), pesan
    assert not _INGGRIS.search(pesan), pesan
    assert pesan.startswith(f"{awalan}: ")
    teknis = ringkas_teknis(exc)
    assert "Siti" not in teknis and "INSERT" not in teknis, teknis
    return pesan


def _tabel(url: str):
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE orang (id INTEGER PRIMARY KEY, nama VARCHAR(8) UNIQUE)"))
        conn.execute(text("INSERT INTO orang (id, nama) VALUES (1, :nama)"), {"nama": "Siti"})
    return engine


def test_integrity_error_names_no_one(db_url: str) -> None:
    engine = _tabel(db_url)

    def tabrakan() -> None:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO orang (id, nama) VALUES (1, :nama)"), {"nama": "Siti"})

    exc = _tangkap(tabrakan)
    assert "Siti" in str(exc)  # the raw text does carry the value
    assert "bertabrakan" in _aman(exc)
    engine.dispose()


def test_operational_error_is_a_sentence(db_url: str) -> None:
    engine = _tabel(db_url)

    def tabel_hilang() -> None:
        with engine.begin() as conn:
            conn.execute(text("SELECT * FROM tidak_ada WHERE nama = :nama"), {"nama": NAMA})

    exc = _tangkap(tabel_hilang)
    assert "Struktur basis data" in _aman(exc)
    engine.dispose()


def test_postgresql_data_error_hides_the_parameters(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite does not enforce VARCHAR lengths")
    engine = _tabel(db_url)

    def terlalu_panjang() -> None:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO orang (id, nama) VALUES (2, :nama)"), {"nama": NAMA})

    exc = _tangkap(terlalu_panjang)
    assert "parameters" in str(exc) and NAMA in str(exc)
    assert "terlalu panjang" in _aman(exc)

    def nul() -> None:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO orang (id, nama) VALUES (3, :nama)"),
                         {"nama": "S\x00ti"})

    with pytest.raises(Exception) as info:
        nul()
    _aman(info.value)
    engine.dispose()


def test_unreachable_server_and_bad_url() -> None:
    from ppa_tui.store.database import Database

    def mati() -> None:
        engine = create_engine("postgresql+psycopg://siti@127.0.0.1:1/ppa",
                               connect_args={"connect_timeout": 2})
        with engine.connect():
            pass

    assert "tidak bisa dihubungi" in _aman(_tangkap(mati), "Gagal membuka basis data")
    with pytest.raises(Exception) as info:
        Database.open("nonsense://x", device_id="t")
    assert "Alamat basis data" in _aman(info.value, "Gagal membuka basis data")


def test_sqlite_locked_and_overflow(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    engine = _tabel(url)
    kunci = create_engine(url, connect_args={"timeout": 0})
    with engine.connect() as a:
        a.exec_driver_sql("BEGIN IMMEDIATE")

        def terkunci() -> None:
            with kunci.begin() as b:
                b.execute(text("INSERT INTO orang (id, nama) VALUES (5, :nama)"), {"nama": "Siti"})

        assert "dipakai meja lain" in _aman(_tangkap(terkunci))
        a.exec_driver_sql("ROLLBACK")

    with pytest.raises(Exception) as info:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO orang (id, nama) VALUES (:id, 'Siti')"),
                         {"id": 99999999999999999999})
    _aman(info.value)
    kunci.dispose()
    engine.dispose()


def test_messages_for_the_officer_pass_through_and_the_rest_is_general() -> None:
    from ppa_tui.domain.kasus import AturanDilanggar, TidakDitemukan
    from ppa_tui.domain.validasi import Invalid

    assert pesan_galat(Invalid("Usia 0–120 tahun")) == "Usia 0–120 tahun"
    assert pesan_galat(AturanDilanggar("Korban anak: persetujuan oleh orang tua/wali")) \
        .startswith("Korban anak")
    assert "tidak ada lagi" in pesan_galat(TidakDitemukan(f"kasus {uuid.uuid4()}"))
    assert pesan_galat(RuntimeError(NAMA)) == UMUM
    assert pesan_galat(KeyError(NAMA), "Gagal") == f"Gagal: {UMUM}"
