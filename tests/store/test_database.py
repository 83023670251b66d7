"""The store opens, migrates and keeps provenance on both backends."""

from datetime import UTC, datetime

from sqlmodel import select

from ppa_tui.domain.models import BukuTamu
from ppa_tui.store.database import Database
from ppa_tui.store.migrate import HEAD, current_revision


def test_open_creates_schema_at_head_and_is_idempotent(db_url: str) -> None:
    first = Database.open(db_url)
    assert current_revision(first.engine) == HEAD
    first.close()
    second = Database.open(db_url)  # a second start must not re-run or fail
    assert current_revision(second.engine) == HEAD
    second.close()


def test_row_round_trips_with_utc_times_and_device(db: Database) -> None:
    masuk = datetime(2026, 11, 23, 2, 5, tzinfo=UTC)
    with db.session() as s:
        s.add(BukuTamu(nama="Siti [Aminah]", waktu_masuk=masuk))
    with db.session() as s:
        tamu = s.exec(select(BukuTamu)).one()
    assert tamu.nama == "Siti [Aminah]"
    assert tamu.waktu_masuk == masuk
    assert tamu.device_id == "test-desk"
    assert tamu.deleted_at is None


def test_sqlite_file_is_created_in_wal_mode(tmp_path) -> None:
    path = tmp_path / "sub" / "ppa.db"
    database = Database.open(f"sqlite:///{path}")
    with database.engine.connect() as conn:
        mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        fk = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
    database.close()
    assert path.exists()
    assert (mode, fk) == ("wal", 1)
