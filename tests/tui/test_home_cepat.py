"""Home draws the cases from the light SQLite reader first and opens the full database
(SQLAlchemy, migrations) right after, in a worker."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from ppa_tui.backend import Backend
from ppa_tui.tui.screens.home import HomeScreen
from tests.tui.conftest import settle, tunggu


@pytest.fixture(autouse=True)
def _tanpa_jeda(monkeypatch) -> None:
    """What waits for the first frame to be drawn runs at once: tests wait on
    workers and conditions, never on the clock."""
    monkeypatch.setattr(HomeScreen, "SESUDAH_TAMPIL", 0.001)


@pytest.fixture
def satu_kasus(settings, tui_clock) -> None:
    backend = Backend(settings, tui_clock)
    siap = backend.siapkan_form("buku_tamu")
    backend.simpan(siap, {"nama": "Nurhayati", "keperluan": "pengaduan",
                          "waktu_masuk": tui_clock.now()})
    backend.close()


async def test_rows_first_then_the_database_opens(make_app, satu_kasus, monkeypatch) -> None:
    app = make_app()
    baris_saat_dibuka: list[int] = []
    asli = Backend.warm_up

    def warm_up(self) -> None:
        baris_saat_dibuka.append(app.screen.query_one("#kasus", DataTable).row_count)
        asli(self)

    monkeypatch.setattr(Backend, "warm_up", warm_up)
    async with app.run_test(size=(80, 24)) as pilot:
        await tunggu(pilot, lambda: isinstance(app.screen, HomeScreen)
                     and app.screen.data is not None, "beranda dimuat")
        await tunggu(pilot, lambda: app.backend.terbuka, "basis data terbuka")
        await settle(pilot)
        assert baris_saat_dibuka == [1]  # the case was on screen before the open began
        assert app.backend.terbuka
        assert "1 kasus aktif" in str(app.screen.query_one("#ringkas", Static).content)


async def test_a_failed_open_after_the_rows_is_one_sentence(make_app, satu_kasus,
                                                            monkeypatch) -> None:
    def gagal(self) -> None:
        raise OSError("disk I/O error: /rahasia/ppa.db")

    monkeypatch.setattr(Backend, "warm_up", gagal)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        ringkas = app.screen.query_one("#ringkas", Static)
        await tunggu(pilot, lambda: str(ringkas.content).startswith("Basis data"), "pesan")
        assert app.screen.query_one("#kasus", DataTable).row_count == 1
        teks = str(ringkas.content)
        assert teks.startswith("Basis data tidak bisa dibuka")
        assert "rahasia" not in teks and "I/O" not in teks


async def test_rows_below_the_fold_follow_the_first_screenful(make_app, settings,
                                                               tui_clock) -> None:
    backend = Backend(settings, tui_clock)
    for i in range(30):  # more than 80x24 can show of either table
        siap = backend.siapkan_form("buku_tamu")
        backend.simpan(siap, {"nama": f"Tamu {i}", "keperluan": "pengaduan",
                              "waktu_masuk": tui_clock.now()})
    backend.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        kasus = home.query_one("#kasus", DataTable)
        await tunggu(pilot, lambda: kasus.row_count == 30, "semua baris")
        await settle(pilot)
        assert home.query_one("#tamu", DataTable).row_count == 30
        assert [r.value for r in kasus.rows] == [str(k.id) for k in home.data.kasus]
        home._tick()  # every row, including the late ones, has its countdown cell
