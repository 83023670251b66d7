"""Snapshots at 80x24 of the recap screen (its first tables, and scrolled down) and of
the korban not yet entered into SIMFONI-PPA, on the data set of
tests/domain/rekap_contoh.py (`pytest --snapshot-update` to accept a deliberate change,
after looking at the svg)."""

from __future__ import annotations

import pytest

from tests.tui.test_snapshots_papan import _tekan  # the same keys-then-settle step

UKURAN = (80, 24)


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
