"""Home's case filters (1-4, f) and the dashboard (i), with the officer's keys, on the
fixed history of tests/tui/riwayat.py: active 0001 Nurhayati (L2 overdue), 0002 Ani
(overdue), 0004 Dewi (not overdue); closed 0003 Sari. Fixed clock, no sleeps."""

from __future__ import annotations

import pytest

from ppa_tui.tui.screens.home import HomeScreen
from ppa_tui.tui.screens.ikhtisar import IkhtisarLayar
from ppa_tui.tui.screens.kasus import KasusScreen
from tests.tui.conftest import beranda_siap, settle, tunggu
from tests.tui.riwayat import isi_riwayat


@pytest.fixture
def riwayat(settings) -> dict:
    return isi_riwayat(settings)


def _nomor(home: HomeScreen) -> list[str]:
    table = home.query_one("#kasus")
    col = table.get_column_index("nomor")
    return [str(table.get_cell_at((i, col))) for i in range(table.row_count)]


def _tab(home: HomeScreen) -> str:
    return str(home.query_one("#saring").render())


async def _saring(pilot, key: str, saring: str) -> HomeScreen:
    home = pilot.app.screen
    await pilot.press(key)
    await tunggu(pilot, lambda: home.saring == saring and home.siap_penuh, f"saringan {saring}")
    await settle(pilot)
    return home


async def test_filter_keys_show_the_right_cases_and_counts(make_app, riwayat) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        home = app.screen
        assert _tab(home) == " 1 Aktif 3  2 Selesai 1  3 Semua 4  4 Terlambat 2 "
        assert _nomor(home) == ["PPA/2026/0001", "PPA/2026/0002", "PPA/2026/0004"]

        await _saring(pilot, "4", "terlambat")
        assert _nomor(home) == ["PPA/2026/0001", "PPA/2026/0002"]  # Dewi's L3 is not due
        assert "terlama lewat di atas" in str(home.query_one("#urutan").render())

        await _saring(pilot, "2", "selesai")
        assert _nomor(home) == ["PPA/2026/0003"]
        table = home.query_one("#kasus")
        assert str(table.columns[table.ordered_columns[3].key].label) == "Diterima"
        assert str(table.get_cell_at((0, 2))) == "ditutup"
        await pilot.press("enter")  # a closed case opens from home
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen), "kasus terbuka")
        assert app.screen.kasus_id == riwayat["Sari"]
        await settle(pilot)
        await pilot.press("escape")
        await tunggu(pilot, lambda: app.screen is home and home.siap_penuh, "kembali")
        assert home.saring == "selesai" and _nomor(home) == ["PPA/2026/0003"]

        await _saring(pilot, "3", "semua")
        assert _nomor(home) == ["PPA/2026/0004", "PPA/2026/0003", "PPA/2026/0002",
                                "PPA/2026/0001"]  # newest register number first
        await _saring(pilot, "f", "terlambat")  # f goes round: semua -> terlambat
        await _saring(pilot, "f", "aktif")
        assert str(table.columns[table.ordered_columns[3].key].label) == "Sisa jam kerja"
        assert _nomor(home) == ["PPA/2026/0001", "PPA/2026/0002", "PPA/2026/0004"]
        assert "3 kasus aktif" in str(home.query_one("#ringkas").render())


async def test_a_closed_case_leaves_the_active_count_for_the_selesai_one(
        make_app, riwayat, settings) -> None:
    """Another desk closes Dewi's case: the tabs count again without a key."""
    from ppa_tui.domain.models import Kasus
    from ppa_tui.store.database import Database

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        home = app.screen
        db = Database.open(settings.url, device_id="desk-lain")
        with db.session() as s:
            s.get(Kasus, riwayat["Dewi"]).status = "selesai"
        db.close()
        home._awasi()  # what the one-second timer calls
        await tunggu(pilot, lambda: home.jumlah.get("selesai") == 2, "dihitung ulang")
        assert _tab(home) == " 1 Aktif 2  2 Selesai 2  3 Semua 4  4 Terlambat 2 "


async def test_dashboard_opens_from_home_shows_the_figures_and_esc_returns(
        make_app, riwayat) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        home = app.screen
        await pilot.press("i")
        await tunggu(pilot, lambda: isinstance(app.screen, IkhtisarLayar)
                     and app.screen.data is not None, "ikhtisar")
        await settle(pilot)
        layar = app.screen
        assert not layar.query_one("#isi").loading
        assert str(layar.query_one("#ringkas").render()) == (
            "3 aktif · 2 terlambat · 1 selesai · 4 kasus")
        assert str(layar.query_one("#banding").render()).startswith("Nov: 4 kasus · 1–23 Okt: 0")
        table = layar.query_one("#langkah")
        baris = [[str(table.get_cell_at((r, c))) for c in range(3)]
                 for r in range(table.row_count)]
        assert baris == [["L1 Klien mengadukan", "1", "1"], ["L2 Mencatat aduan", "1", "1"],
                         ["L3 Kewenangan & pelimpahan", "1", "0"],
                         ["P2 Informasi & persetujuan", "1", "1"]]
        # the history records no kejadian: every case of the month is "Belum diisi"
        assert "Belum diisi 4" in str(layar.query_one("#kabkota").render())
        await pilot.press("left_square_bracket")  # October: nothing received
        await tunggu(pilot, lambda: layar.data.bulan.judul == "Oktober 2026", "Oktober")
        await settle(pilot)
        assert layar.sub_title == "Oktober 2026"
        assert str(layar.query_one("#banding").render()).startswith("Okt: 0 kasus · Sep: 0")
        assert "Tidak ada kasus." in str(layar.query_one("#usia").render())
        await pilot.press("escape")
        await tunggu(pilot, lambda: app.screen is home, "kembali ke beranda")


async def test_dashboard_is_in_homes_palette(make_app, riwayat) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        judul = [c.title for c in app.screen.perintah_palet()]
        assert "Ikhtisar (i)" in judul
        assert {"Saring aktif (1)", "Saring selesai (2)", "Saring semua (3)",
                "Saring terlambat (4)"} <= set(judul)


async def test_dashboard_says_so_when_it_cannot_be_read(make_app, riwayat, monkeypatch) -> None:
    from ppa_tui.backend import Backend

    def rusak(self, *args):
        raise OSError("disk I/O error: /data/ppa.db")

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        monkeypatch.setattr(Backend, "ikhtisar", rusak)
        await pilot.press("i")
        await tunggu(pilot, lambda: isinstance(app.screen, IkhtisarLayar)
                     and "Tidak bisa dimuat" in str(app.screen.query_one("#ringkas").render()),
                     "pesan galat")
        await settle(pilot)
        ringkas = str(app.screen.query_one("#ringkas").render())
        assert "/data/ppa.db" not in ringkas  # no driver text on screen
        assert not app.screen.query_one("#isi").loading
        await pilot.press("escape")
        await tunggu(pilot, lambda: isinstance(app.screen, HomeScreen), "kembali ke beranda")


async def test_more_closed_cases_than_home_lists_point_to_the_list(make_app, settings) -> None:
    from ppa_tui.domain.models import Kasus
    from ppa_tui.store.database import Database
    from tests.tui.riwayat import wib

    db = Database.open(settings.url, device_id="desk-test")
    with db.session() as s:
        for i in range(1, 206):
            s.add(Kasus(nomor_register=f"PPA/2026/{i:04d}", tahun=2026, urutan=i,
                        waktu_diterima=wib(2, 9), status="selesai"))
    db.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        home = await _saring(pilot, "2", "selesai")
        assert home.query_one("#kasus").row_count == 200
        assert _nomor(home)[0] == "PPA/2026/0205"
        assert "2 Selesai 205" in _tab(home)
        assert str(home.query_one("#urutan").render()) == "200 terbaru · s: semua"
