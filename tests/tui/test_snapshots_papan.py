"""Snapshots at 80x24 of the overdue board, mutu baku, the list of every case, home's
case filters and the dashboard (ikhtisar), on the fixed history of tests/tui/riwayat.py
(`pytest --snapshot-update` to accept a deliberate change, after looking at the svg)."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.tui.conftest import beranda_siap, settle, tunggu
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


def _saring(key: str | None = None):
    """Home fully loaded, then a filter key, then its rows and every count in: the
    counts and the closed cases' page arrive from workers after the first frame."""
    from textual.widgets import DataTable

    async def run(pilot):
        await beranda_siap(pilot)
        if key:
            await pilot.press(key)
        home = pilot.app.screen

        def siap() -> bool:
            semua_terhitung = all(home.jumlah.get(k) is not None
                                  for k in ("aktif", "selesai", "semua", "terlambat"))
            halaman = home.saring not in ("selesai", "semua") or home._halaman is not None
            return semua_terhitung and halaman and not home.query_one("#kasus", DataTable).loading

        await tunggu(pilot, siap, "saringan beranda dimuat")
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


def test_home_saring_aktif(snap_compare, make_app, riwayat) -> None:
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_saring())


def test_home_saring_terlambat(snap_compare, make_app, riwayat) -> None:
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_saring("4"))


def test_home_saring_selesai(snap_compare, make_app, riwayat) -> None:
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_saring("2"))


def _isi_ikhtisar(settings, ids: dict) -> None:
    """On top of the history: what the dashboard groups by for its four cases, and 24
    closed cases received from June to November, kejadian, forms and korban ages
    spread by a fixed rule."""
    from ppa_tui.domain.models import Kasus, KekerasanKasus, Pihak
    from ppa_tui.domain.referensi import kode_kelompok_usia
    from ppa_tui.store.database import Database
    from tests.tui.riwayat import WIB

    kab = ("19.01", "19.02", "19.03", "19.04", "19.05", "19.06", "19.71", "")
    bentuk = ("fisik", "psikis", "seksual_pencabulan", "penelantaran", "fisik", "lainnya")
    db = Database.open(settings.url, device_id="desk-test")
    try:
        with db.session() as s:
            for i, nama in enumerate(("Nurhayati", "Ani", "Sari", "Dewi")):
                k = s.get(Kasus, ids[nama])
                k.kejadian_kabkota_kode = kab[i * 2]
                s.add(KekerasanKasus(kasus_id=k.id, bentuk=bentuk[i]))
                s.get(Pihak, ids[f"korban:{nama}"]).kelompok_usia = kode_kelompok_usia(
                    (34, 11, 16, 27)[i])
            for n in range(24):
                bulan, hari = 6 + n // 5, 1 + (n * 7) % 27
                k = Kasus(nomor_register=f"PPA/2026/{100 + n:04d}", tahun=2026, urutan=100 + n,
                          status="selesai", kejadian_kabkota_kode=kab[n % 8],
                          waktu_diterima=datetime(2026, bulan, hari, 10, tzinfo=WIB))
                s.add(k)
                s.flush()
                s.add(KekerasanKasus(kasus_id=k.id, bentuk=bentuk[n % 6]))
                if n % 3 == 0:
                    s.add(KekerasanKasus(kasus_id=k.id, bentuk="psikis"))
                s.add(Pihak(kasus_id=k.id, peran="korban", nama="Korban",
                            kelompok_usia="" if n % 7 == 0 else kode_kelompok_usia(n * 5 % 60)))
    finally:
        db.close()


def test_ikhtisar(snap_compare, make_app, settings, riwayat) -> None:
    _isi_ikhtisar(settings, riwayat)
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_tekan("i"))
