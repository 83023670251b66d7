"""The recap screen from home, with the officer's keys: the month, the year, saving a
file, and the korban not yet in SIMFONI-PPA opening her case (data set:
tests/domain/rekap_contoh.py; the clock is Monday 23 Nov 2026)."""

from __future__ import annotations

import html
import stat

import pytest
from openpyxl import load_workbook

from ppa_tui.tui.screens.dialogs import Konfirmasi
from ppa_tui.tui.screens.home import HomeScreen
from ppa_tui.tui.screens.kasus import KasusScreen
from ppa_tui.tui.screens.laporan import BelumSimfoni, LaporanRekap
from tests.domain.rekap_contoh import NAMA, NIK, isi_contoh
from tests.tui.conftest import settle, tunggu


@pytest.fixture
def contoh(settings) -> dict:
    from ppa_tui.store.database import Database

    db = Database.open(settings.url, device_id="desk-test")
    try:
        return isi_contoh(db)
    finally:
        db.close()


def _judul(app) -> str:
    data = app.screen.data
    return data.periode.judul if data is not None else ""


async def test_month_year_save_and_the_not_yet_entered_list(make_app, settings,
                                                            contoh) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await tunggu(pilot, lambda: isinstance(app.screen, LaporanRekap)
                     and app.screen.data is not None, "rekap terbuka")
        await settle(pilot)
        layar = app.screen
        assert (layar.data.periode.judul, layar.data.kasus, layar.data.korban) == (
            "November 2026", 3, 3)
        assert "November 2026 · 3 kasus · 3 korban" in str(
            layar.query_one("#ringkas").render())
        layar_teks = html.unescape(app.export_screenshot()).replace("\u00a0", " ")
        assert "Ringkasan" in layar_teks and "Kasus diterima" in layar_teks
        for rahasia in (*NAMA, *NIK):
            assert rahasia not in layar_teks

        await pilot.press("left_square_bracket")
        await tunggu(pilot, lambda: _judul(app) == "Oktober 2026", "Oktober")
        assert layar.data.kasus == 1  # K5, received 31 Oct 23:59
        await pilot.press("y")
        await tunggu(pilot, lambda: _judul(app) == "Tahun 2026", "tahunan")
        assert layar.data.kasus == 5
        await settle(pilot)

        await pilot.press("s")
        await tunggu(pilot, lambda: isinstance(app.screen, Konfirmasi), "pilihan format")
        await pilot.press("enter")  # XLSX, the first choice
        path = settings.data_dir / "laporan" / "rekap-2026.xlsx"
        await tunggu(pilot, lambda: layar.tersimpan == str(path), "tersimpan")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert load_workbook(path)["ringkasan"]["B4"].value == 5
        assert f"Tersimpan: {path}" in str(layar.query_one("#catatan").render())

        await pilot.press("u")
        await tunggu(pilot, lambda: isinstance(app.screen, BelumSimfoni)
                     and app.screen.data is not None, "daftar belum SIMFONI")
        await settle(pilot)
        daftar = app.screen
        table = daftar.query_one("#belum")
        assert table.row_count == 4
        assert [str(c) for c in table.get_row_at(1)] == ["PPA/2026/0001", "N. A.",
                                                          "02-11-2026"]
        assert "4 korban belum diinput ke SIMFONI-PPA" in str(
            daftar.query_one("#ringkas").render())
        await pilot.press("down")
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen), "kasus terbuka")
        assert app.screen.kasus_id == contoh["k1"]
        await settle(pilot)
        await pilot.press("escape")
        await tunggu(pilot, lambda: app.screen is daftar, "kembali ke daftar")
        await settle(pilot)
        await pilot.press("escape")
        await tunggu(pilot, lambda: app.screen is layar, "kembali ke rekap")
        await settle(pilot)
        await pilot.press("escape")
        await tunggu(pilot, lambda: isinstance(app.screen, HomeScreen), "beranda")


async def test_save_is_greyed_out_while_the_period_is_computed(make_app, contoh) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await tunggu(pilot, lambda: isinstance(app.screen, LaporanRekap)
                     and app.screen.data is not None, "rekap terbuka")
        layar = app.screen
        assert layar.check_action("simpan", ())
        layar._tahunan = True  # a new period asked for, its figures not in yet
        assert not layar.check_action("simpan", ())
