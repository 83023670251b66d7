"""Reads never take the write lock: a desk reloading home never makes a save wait, and
never waits for one."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlmodel import Session, select

from ppa_tui.backend import Backend
from ppa_tui.domain.clock import FixedClock
from ppa_tui.domain.models import BukuTamu, Draft
from ppa_tui.settings import Settings
from ppa_tui.store.database import Database

SEKARANG = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def _busy_timeout_pendek(db: Database) -> None:
    """A lock wait now fails after 50 ms instead of 30 s: a read that waited for the
    writer would raise 'database is locked'."""
    event.listen(db.engine, "connect",
                 lambda conn, _r: conn.execute("PRAGMA busy_timeout=50"))
    db.engine.dispose()  # pooled connections pick the listener up when reopened


def test_reads_complete_while_another_desk_holds_a_write(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ppa.db'}"
    db = Database.open(url, device_id="desk-a")
    _busy_timeout_pendek(db)
    backend = Backend(Settings(data_dir=tmp_path, database_url=url, device_id="desk-a"),
                      FixedClock(SEKARANG))
    backend._database = db
    penulis = db.engine.connect()
    try:
        penulis.begin()  # BEGIN IMMEDIATE: the write lock, held open
        tulis = Session(bind=penulis)
        tulis.add(BukuTamu(nama="Belum tersimpan", waktu_masuk=SEKARANG))
        tulis.flush()
        with db.baca() as s:  # does not wait, and does not see the uncommitted row
            assert s.exec(select(BukuTamu)).all() == []
        assert backend.beranda().tamu == []
        assert backend.daftar_draft() == []
        siap = backend.siapkan_form("buku_tamu")
        assert siap.dipulihkan is False
    finally:
        penulis.rollback()
        penulis.close()
        db.close()


def test_a_write_in_a_read_unit_of_work_is_refused(db: Database) -> None:
    with pytest.raises(RuntimeError), db.baca() as s:
        s.add(Draft(kunci="k", form_id="korban"))
    with db.baca() as s:
        assert s.exec(select(Draft)).all() == []
