"""The idle lock and the blank key: the lock screen hides everything beneath it (forms,
dialogs, the palette), and the form being typed is there again after the unlock."""

from __future__ import annotations

import html
import re

from textual.command import CommandPalette
from textual.widgets import Input

from ppa_tui.tui.screens.dialogs import Konfirmasi
from ppa_tui.tui.screens.form import FormScreen
from ppa_tui.tui.screens.home import HomeScreen
from ppa_tui.tui.screens.terkunci import LayarTerkunci
from tests.tui.akun_uji import di_layar
from tests.tui.conftest import beranda_siap, buka, ketik, pengaduan_baru, settle, tunggu


def teks_layar(app) -> str:
    """What the terminal shows now, as text (from the screenshot's SVG)."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


class Waktu:
    """The idle watcher's clock, moved by the test."""

    def __init__(self) -> None:
        self.detik = 1000.0

    def __call__(self) -> float:
        return self.detik


async def _kunci_karena_diam(pilot, waktu: Waktu, menit: float = 5) -> None:
    waktu.detik += menit * 60
    pilot.app.penjaga.periksa()
    await di_layar(pilot, LayarTerkunci, "layar terkunci")
    await settle(pilot)


async def test_idle_lock_hides_the_form_and_gives_it_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        waktu = Waktu()
        app.penjaga.waktu = waktu
        app.penjaga.mulai()
        await buka(pilot, "t")
        form = app.screen
        await ketik(pilot, "Maryati Sulastri")
        await settle(pilot)
        assert "Maryati" in teks_layar(app)
        fokus = app.focused

        waktu.detik += 4 * 60  # not yet: 4 minutes
        app.penjaga.periksa()
        await settle(pilot)
        assert app.screen is form
        await pilot.press("space")  # a key: the idle time starts again
        waktu.detik += 4 * 60
        app.penjaga.periksa()
        await settle(pilot)
        assert app.screen is form

        await _kunci_karena_diam(pilot, waktu)
        teks = teks_layar(app)
        assert "Maryati" not in teks and "Layar terkunci" in teks
        assert app.screen.styles.background.a == 1  # opaque: nothing below is drawn
        assert "UPTD PPA" in teks and "Enter" in teks

        await pilot.press("x", "y")  # typed at the lock screen: not into the form
        await pilot.press("enter")  # nobody logged in (masuk=False): Enter unlocks
        await tunggu(pilot, lambda: app.screen is form, "kembali ke formulir")
        await settle(pilot)
        assert app.focused is fokus
        assert isinstance(fokus, Input) and fokus.value == "Maryati Sulastri "
        assert form.mentah()["nama"] == "Maryati Sulastri "


async def test_ctrl_l_blanks_at_once_from_a_text_field(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        await buka(pilot, "t")
        await ketik(pilot, "Maryati")
        await pilot.press("ctrl+l")
        await di_layar(pilot, LayarTerkunci, "layar terkunci")
        await settle(pilot)
        assert "Maryati" not in teks_layar(app)
        # nothing opens over the lock: palette, search, help, the key again
        await pilot.press("ctrl+p", "ctrl+f", "ctrl+l", "f1")
        await settle(pilot)
        assert isinstance(app.screen, LayarTerkunci)
        assert len([s for s in app.screen_stack if isinstance(s, LayarTerkunci)]) == 1
        await pilot.press("enter")
        await di_layar(pilot, FormScreen, "formulir kembali")
        assert app.screen.mentah()["nama"] == "Maryati"


async def test_the_lock_covers_a_dialog_and_the_palette(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        await pengaduan_baru(pilot, "Kartini Rahayu")
        await pilot.press("escape")
        await di_layar(pilot, HomeScreen, "beranda")
        await beranda_siap(pilot)
        await pilot.press("ctrl+p")
        await tunggu(pilot, lambda: CommandPalette.is_open(app), "palet")
        await ketik(pilot, "Kartini")
        await settle(pilot)
        await pilot.press("ctrl+l")
        await di_layar(pilot, LayarTerkunci, "layar terkunci")
        await settle(pilot)
        assert "Kartini" not in teks_layar(app)
        await pilot.press("enter")
        await tunggu(pilot, lambda: CommandPalette.is_open(app)
                     and not isinstance(app.screen, LayarTerkunci), "palet kembali")
        await pilot.press("escape")
        await di_layar(pilot, HomeScreen, "beranda")

        # a dialog: the confirmation of closing a form with typing in it
        await buka(pilot, "t")
        await ketik(pilot, "Kartini")
        await pilot.press("escape")
        await di_layar(pilot, Konfirmasi, "konfirmasi")
        await pilot.press("ctrl+l")
        await di_layar(pilot, LayarTerkunci, "layar terkunci")
        await settle(pilot)
        assert "Kartini" not in teks_layar(app)
        await pilot.press("enter")
        await di_layar(pilot, Konfirmasi, "konfirmasi kembali")


async def test_a_save_finishing_while_locked_waits_for_the_unlock(make_app) -> None:
    """The form saves and home opens the new case while the lock is up: neither may
    take the lock screen away or show over it."""
    import threading

    from ppa_tui.tui.screens.kasus import KasusScreen

    app = make_app()
    lanjut = threading.Event()
    simpan_asli = app.backend.simpan

    def simpan_tertahan(*args, **kwargs):  # the save ends once the lock is up
        lanjut.wait(10)
        return simpan_asli(*args, **kwargs)

    app.backend.simpan = simpan_tertahan  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        await buka(pilot, "t")
        await ketik(pilot, "Kartini Rahayu")
        form = app.screen
        await pilot.press("ctrl+s", "ctrl+l")  # saving in its worker, then the lock
        await di_layar(pilot, LayarTerkunci, "layar terkunci")
        lanjut.set()
        await settle(pilot)
        assert isinstance(app.screen, LayarTerkunci)
        assert not any(isinstance(s, KasusScreen) for s in app.screen_stack)
        assert "Kartini" not in teks_layar(app)
        assert form in app.screen_stack  # closed only after the unlock
        await pilot.press("enter")
        await di_layar(pilot, KasusScreen, "kasus baru terbuka")
        assert form not in app.screen_stack


async def test_no_idle_lock_when_the_setting_is_zero(settings, tui_clock) -> None:
    from dataclasses import replace

    from ppa_tui.tui.app import build_app

    app = build_app(replace(settings, kunci_layar_menit=0), tui_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        waktu = Waktu()
        app.penjaga.waktu = waktu
        waktu.detik += 10 ** 6
        app.penjaga.periksa()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+l")  # the key still blanks
        await di_layar(pilot, LayarTerkunci, "layar terkunci")



async def test_the_account_password_unlocks_and_a_wrong_one_is_said(settings, tui_clock):
    from ppa_tui.tui.app import build_app
    from tests.tui.akun_uji import SANDI_KEPALA, siapkan_akun
    from tests.tui.test_pengguna_audit import masuk_sebagai

    siapkan_akun(settings)
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await masuk_sebagai(pilot, "kepala", SANDI_KEPALA)
        waktu = Waktu()
        app.penjaga.waktu = waktu
        app.penjaga.mulai()
        await buka(pilot, "t")
        form = app.screen
        await ketik(pilot, "Maryati")
        await _kunci_karena_diam(pilot, waktu)
        teks = teks_layar(app)
        assert "Bu Kepala · Kepala UPTD PPA" in teks and "Maryati" not in teks
        await pilot.press("enter")  # nothing typed
        await settle(pilot)
        assert "Ketik kata sandi dulu" in str(app.screen.query_one("#galat").render())
        await ketik(pilot, "bukan-sandinya")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LayarTerkunci)
        assert "Sisa 4 percobaan" in str(app.screen.query_one("#galat").render())
        assert app.screen.query_one("#sandi", Input).value == ""
        await ketik(pilot, SANDI_KEPALA)
        await pilot.press("enter")
        await tunggu(pilot, lambda: app.screen is form, "kembali ke formulir")
        assert form.mentah()["nama"] == "Maryati"
        # the idle time counts again from the unlock
        waktu.detik += 4 * 60
        app.penjaga.periksa()
        await settle(pilot)
        assert app.screen is form


async def test_no_lock_and_no_search_before_the_login(settings, tui_clock):
    from ppa_tui.tui.app import build_app
    from ppa_tui.tui.screens.masuk import LayarMasuk
    from tests.tui.akun_uji import siapkan_akun

    siapkan_akun(settings)
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await di_layar(pilot, LayarMasuk, "layar masuk")
        await pilot.press("ctrl+l", "ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, LayarMasuk)
        palet = [c.title for c in app.get_system_commands(app.screen)]
        assert not any("Kunci" in t or "Cari" in t or "sandi" in t for t in palet)


async def test_ctrl_l_is_in_the_help_and_the_palette(make_app) -> None:
    import io

    from rich.console import Console

    from ppa_tui.tui.screens.bantuan import Bantuan, tabel_tombol

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        palet = [c.title for c in app.get_system_commands(app.screen)]
        assert "Kunci layar (Ctrl+L)" in palet
        await pilot.press("f1")
        await di_layar(pilot, Bantuan, "bantuan")
        konsol = Console(width=100, record=True, file=io.StringIO())
        konsol.print(tabel_tombol(app.screen.aksi))  # what the help screen draws
        assert "Ctrl+L  Kunci layar" in konsol.export_text()
