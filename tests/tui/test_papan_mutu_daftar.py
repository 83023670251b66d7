"""The overdue board, mutu baku and the list of every case, from home, with the
officer's keys (fixed history: tests/tui/riwayat.py; fixed clock, no sleeps)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ppa_tui.tui.screens.daftar import DaftarKasus
from ppa_tui.tui.screens.home import HomeScreen
from ppa_tui.tui.screens.kasus import KasusScreen
from ppa_tui.tui.screens.mutu import MutuBaku
from ppa_tui.tui.screens.papan import PapanTerlambat
from tests.tui.conftest import settle, tunggu
from tests.tui.riwayat import isi_riwayat


@pytest.fixture
def riwayat(settings) -> dict:
    return isi_riwayat(settings)


def _sel(table, row: int, col: str) -> str:
    return str(table.get_cell_at((row, table.get_column_index(col))))


async def _ke(pilot, key: str, layar: type) -> None:
    await pilot.press(key)
    await tunggu(pilot, lambda: isinstance(pilot.app.screen, layar)
                 and getattr(pilot.app.screen, "data", None) is not None, layar.__name__)
    await settle(pilot)


async def test_board_enter_opens_the_most_overdue_case_and_esc_returns(
        make_app, riwayat) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _ke(pilot, "b", PapanTerlambat)
        papan = app.screen
        table = papan.query_one("#papan")
        assert table.row_count == 4
        assert [_sel(table, i, "alur") for i in range(4)] == [
            "Penampungan", "Utama", "Kesehatan", "Utama"]
        assert _sel(table, 0, "lewat") == "7 hari"
        assert "Kasi Tindakan dan Rujukan/Manajer Kasus" in str(
            papan.query_one("#peran").render())
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen), "kasus terbuka")
        assert app.screen.kasus_id == riwayat["Nurhayati"]
        await settle(pilot)
        await pilot.press("escape")
        await tunggu(pilot, lambda: app.screen is papan, "kembali ke papan")
        await settle(pilot)
        await pilot.press("escape")
        await tunggu(pilot, lambda: isinstance(app.screen, HomeScreen), "kembali ke beranda")


async def test_board_ticks_from_the_clock_without_the_database(
        make_app, tui_clock, riwayat) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _ke(pilot, "b", PapanTerlambat)
        table = app.screen.query_one("#papan")
        assert _sel(table, 1, "lewat") == "2:45:00"
        tui_clock.advance(timedelta(minutes=5, seconds=1))
        app.screen._tick()  # what the one-second timer calls
        assert _sel(table, 1, "lewat") == "2:50:01"
        assert _sel(table, 0, "lewat") == "7 hari"


async def test_all_cases_filter_selesai_shows_a_closed_case_and_opens_it(
        make_app, riwayat) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _ke(pilot, "s", DaftarKasus)
        daftar = app.screen
        table = daftar.query_one("#daftar")
        assert [_sel(table, i, "nomor") for i in range(table.row_count)] == [
            "PPA/2026/0004", "PPA/2026/0002", "PPA/2026/0001"]
        await pilot.press("2")
        await tunggu(pilot, lambda: daftar.data.status == "selesai", "saringan selesai")
        await settle(pilot)
        assert table.row_count == 1
        assert (_sel(table, 0, "nomor"), _sel(table, 0, "korban"), _sel(table, 0, "status")) == (
            "PPA/2026/0003", "Sari", "ditutup")
        assert "2 Selesai 1" in str(daftar.query_one("#ringkas").render())
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen), "kasus terbuka")
        assert app.screen.kasus_id == riwayat["Sari"]
        await settle(pilot)
        await pilot.press("escape")
        await tunggu(pilot, lambda: app.screen is daftar, "kembali ke daftar")
        await settle(pilot)
        assert daftar.status == "selesai" and table.row_count == 1
        await pilot.press("f")  # selesai -> semua
        await tunggu(pilot, lambda: daftar.data.status == "semua", "saringan semua")
        await settle(pilot)
        assert table.row_count == 4


async def test_all_cases_keep_the_cursor_after_the_case_closes(make_app, riwayat) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _ke(pilot, "s", DaftarKasus)
        daftar = app.screen
        table = daftar.query_one("#daftar")
        await pilot.press("down", "down")
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen), "kasus terbuka")
        assert app.screen.kasus_id == riwayat["Nurhayati"]
        await settle(pilot)
        await pilot.press("escape")
        await tunggu(pilot, lambda: app.screen is daftar, "kembali ke daftar")
        await settle(pilot)
        assert table.cursor_row == 2


async def test_all_cases_pages_of_200(make_app, settings) -> None:
    from ppa_tui.domain.models import Kasus
    from ppa_tui.store.database import Database
    from tests.tui.riwayat import wib

    db = Database.open(settings.url, device_id="desk-test")
    with db.session() as s:
        for i in range(1, 206):
            s.add(Kasus(nomor_register=f"PPA/2026/{i:04d}", tahun=2026, urutan=i,
                        waktu_diterima=wib(2, 9)))
    db.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _ke(pilot, "s", DaftarKasus)
        daftar = app.screen
        table = daftar.query_one("#daftar")
        assert table.row_count == 200 and _sel(table, 0, "nomor") == "PPA/2026/0205"
        await pilot.press("greater_than_sign")
        await tunggu(pilot, lambda: daftar.data.setelah is not None, "halaman 2")
        await settle(pilot)
        assert [_sel(table, i, "nomor") for i in range(table.row_count)] == [
            f"PPA/2026/{i:04d}" for i in range(5, 0, -1)]
        assert "hal. 2: 201–205" in str(daftar.query_one("#ringkas").render())
        assert not daftar.check_action("halaman", (1,))
        await pilot.press("less_than_sign")
        await tunggu(pilot, lambda: daftar.data.setelah is None, "halaman 1")
        await settle(pilot)
        assert table.row_count == 200


async def test_mutu_baku_periods_by_keys(make_app, riwayat) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _ke(pilot, "m", MutuBaku)
        mutu = app.screen
        table = mutu.query_one("#mutu")
        assert mutu.sub_title == "November 2026"
        assert table.row_count == 18
        assert (_sel(table, 0, "langkah"), _sel(table, 0, "selesai"), _sel(table, 0, "tepat"),
                _sel(table, 0, "median"), _sel(table, 0, "p90"), _sel(table, 0, "batas")) == (
            "L1 Klien mengadukan", "3", "2 (66%)", "0:10", "0:25", "10 menit")

        async def periode(key: str, judul: str) -> None:
            await pilot.press(key)
            await tunggu(pilot, lambda: mutu.sub_title == judul, judul)
            await settle(pilot)

        await periode("l", "Oktober 2026")
        assert _sel(table, 0, "selesai") == "0"
        await periode("right_square_bracket", "November 2026")
        await periode("right_square_bracket", "Desember 2026")
        await periode("t", "Tahun 2026")
        assert _sel(table, 0, "selesai") == "3"
        await periode("left_square_bracket", "Tahun 2025")
        await periode("b", "November 2026")
        await pilot.press("escape")
        await tunggu(pilot, lambda: isinstance(app.screen, HomeScreen), "kembali ke beranda")


async def test_the_three_keys_are_in_the_palette_and_on_the_legend(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        judul = [c.title for c in app.screen.perintah_palet()]
        for teks in ("Terlambat (b)", "Semua kasus (s)", "Mutu baku (m)", "Ikhtisar (i)",
                     "Saring terlambat (4)", "Laporan (l)"):
            assert teks in judul
        legenda = str(app.screen.query_one("#legenda").render())
        assert legenda == "b terlambat  s semua kasus  m mutu baku  i ikhtisar"
