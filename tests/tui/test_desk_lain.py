"""Every desk stays current: another desk's change shows without a key, and every
countdown on screen ticks."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Static

from ppa_tui.backend import Backend
from ppa_tui.domain.forms import periksa_form
from ppa_tui.tui.screens.kasus import KasusScreen
from tests.tui.conftest import pengaduan_baru, settle


def _ringkas(app) -> str:
    return str(app.screen.query_one("#ringkas", Static).render())


def _buka_kasus_di_meja_lain(settings, clock, nama: str) -> None:
    """Desk B, on the same database file, takes a complaint: a new case."""
    meja_b = Backend(replace(settings, device_id="desk-b"), clock)
    try:
        siap = meja_b.siapkan_form("buku_tamu")
        hasil = periksa_form(siap.spec, {**siap.mentah, "nama": nama,
                                         "keperluan": "pengaduan"}, siap.konteks)
        assert hasil.ok, hasil.galat
        meja_b.simpan(siap, hasil.nilai)
    finally:
        meja_b.close()


async def _tunggu_tanpa_tombol(pilot, kondisi, apa: str) -> None:
    """Let the app run, no key pressed, until `kondisi()` holds: bounded by rounds of
    the screen's own 1 s check (each awaited through its worker)."""
    for _ in range(300):
        if kondisi():
            return
        await pilot.pause()
        for worker in [w for w in pilot.app.workers if w.is_running]:
            await worker.wait()
    raise AssertionError(f"tidak tercapai: {apa}")


async def test_home_shows_a_case_opened_at_another_desk(make_app, settings, tui_clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "0 kasus aktif" in _ringkas(app)
        _buka_kasus_di_meja_lain(settings, tui_clock, "Rosmawati")
        await _tunggu_tanpa_tombol(pilot, lambda: "1 kasus aktif" in _ringkas(app),
                                   "kasus meja lain tampil")
        table = app.screen.query_one("#kasus")
        assert str(table.get_cell_at((0, 0))) == "PPA/2026/0001"


async def test_case_screen_shows_a_korban_added_at_another_desk(make_app, settings,
                                                               tui_clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pengaduan_baru(pilot)
        kasus_id = app.screen.kasus_id
        butir = app.screen.query_one("#butir")

        def ringkasan() -> str:
            return " ".join(str(butir.get_row_at(i)[1]) for i in range(butir.row_count))

        assert "Ani" not in ringkasan()
        meja_b = Backend(replace(settings, device_id="desk-b"), tui_clock)
        try:
            siap = meja_b.siapkan_form("korban", kasus_id)
            hasil = periksa_form(siap.spec, {**siap.mentah, "nama": "Ani", "usia": "9"},
                                 siap.konteks)
            assert hasil.ok, hasil.galat
            meja_b.simpan(siap, hasil.nilai)
        finally:
            meja_b.close()
        await _tunggu_tanpa_tombol(pilot, lambda: "Ani" in ringkasan(), "korban meja lain")
        assert isinstance(app.screen, KasusScreen)


async def test_the_running_step_row_ticks_with_the_header(make_app, tui_clock) -> None:
    from datetime import timedelta

    from ppa_tui.tui.widgets import PitaJam
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pengaduan_baru(pilot)
        kepala = app.screen.query_one("#jam", PitaJam)
        langkah = app.screen.query_one("#langkah")

        def baris() -> str:
            return str(langkah.get_cell_at((0, 2)))  # columns: alur, langkah, status

        assert baris() == "10:00 lagi (jam kerja)"
        tui_clock.advance(timedelta(hours=2))  # step 1's 10 minutes are long gone
        await _tunggu_tanpa_tombol(
            pilot, lambda: "lewat 1:50:00" in str(kepala.render())
            and baris() == "lewat 1:50:00 (jam kerja)", "jam kepala dan baris langkah berdetak")
        tui_clock.advance(timedelta(seconds=6))
        await _tunggu_tanpa_tombol(pilot, lambda: baris() == "lewat 1:50:06 (jam kerja)"
                                   and "lewat 1:50:06" in str(kepala.render()),
                                   "detik berikutnya")
