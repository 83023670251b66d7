"""Snapshots at 80x24 of the overdue board, mutu baku and the list of every case, on
the fixed history of tests/tui/riwayat.py (`pytest --snapshot-update` to accept a
deliberate change, after looking at the svg)."""

from __future__ import annotations

import pytest

from tests.tui.conftest import settle
from tests.tui.riwayat import isi_riwayat

UKURAN = (80, 24)


@pytest.fixture
def riwayat(settings) -> dict:
    return isi_riwayat(settings)


def _tekan(*keys: str):
    async def run(pilot):
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()
    return run


def test_papan_terlambat(snap_compare, make_app, riwayat) -> None:
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_tekan("b", "down"))


def test_mutu_baku(snap_compare, make_app, riwayat) -> None:
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_tekan("m"))


def test_semua_kasus(snap_compare, make_app, riwayat) -> None:
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_tekan("s", "3"))


@pytest.fixture
def rekap_contoh(settings) -> dict:
    from ppa_tui.store.database import Database
    from tests.domain.rekap_contoh import isi_contoh

    db = Database.open(settings.url, device_id="desk-test")
    try:
        return isi_contoh(db)
    finally:
        db.close()


def test_laporan_rekap(snap_compare, make_app, rekap_contoh) -> None:
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_tekan("l"))


def test_laporan_rekap_scrolled(snap_compare, make_app, rekap_contoh) -> None:
    assert snap_compare(make_app(), terminal_size=UKURAN,
                        run_before=_tekan("l", "pagedown", "pagedown"))


def test_belum_simfoni(snap_compare, make_app, rekap_contoh) -> None:
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_tekan("l", "u"))
