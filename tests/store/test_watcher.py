"""Every desk stays current: a desk's watcher reports another desk's write, once, and
reports nothing when nothing was written."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select

from ppa_tui.domain.models import BukuTamu
from ppa_tui.store.database import Database

MASUK = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def test_watcher_reports_another_desks_write(db_url: str) -> None:
    a = Database.open(db_url, device_id="desk-a")
    b = Database.open(db_url, device_id="desk-b")
    pengamat = b.pengamat()
    try:
        assert pengamat.berubah() is False
        with a.baca() as s:  # a read is not a change
            s.exec(select(BukuTamu)).all()
        assert pengamat.berubah(tunggu=0.2) is False

        with a.session() as s:
            s.add(BukuTamu(nama="Siti", waktu_masuk=MASUK))
        assert pengamat.berubah(tunggu=10) is True
        assert pengamat.berubah(tunggu=0.2) is False  # reported once

        with a.session() as s:  # each look reports only what is new since the last
            s.add(BukuTamu(nama="Budi", waktu_masuk=MASUK))
        assert pengamat.berubah(tunggu=10) is True
        assert pengamat.berubah(tunggu=0.2) is False
    finally:
        pengamat.close()
        a.close()
        b.close()


def test_backend_version_moves_only_on_change(tmp_path) -> None:
    from ppa_tui.backend import Backend
    from ppa_tui.settings import Settings

    url = f"sqlite:///{tmp_path / 'ppa.db'}"
    desk = Backend(Settings(data_dir=tmp_path, database_url=url, device_id="desk-b"))
    lain = Database.open(url, device_id="desk-a")
    try:
        awal = desk.versi_data()
        desk.beranda()
        assert desk.versi_data() == awal
        with lain.session() as s:
            s.add(BukuTamu(nama="Siti", waktu_masuk=MASUK))
        assert desk.versi_data() == awal + 1
        assert desk.versi_data() == awal + 1
    finally:
        lain.close()
        desk.close()
