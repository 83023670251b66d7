"""Textual's own words, as the officer meets them, are Indonesian: Ctrl+C and the
command palette (Ctrl+P)."""

from __future__ import annotations

from collections.abc import Callable

from ppa_tui.tui.app import PpaApp
from tests.tui.conftest import settle, tunggu


async def test_ctrl_c_says_how_to_quit_in_indonesian(make_app: Callable[[], PpaApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await tunggu(pilot, lambda: bool(app._notifications), "notifikasi ctrl+c")
        (n,) = list(app._notifications)
        assert "Ctrl+Q" in n.message and "keluar" in n.message
        assert n.title == "Mau keluar?"
        assert "quit" not in (n.message + n.title).lower()
        assert app.is_running
        await pilot.press("ctrl+q")
        await tunggu(pilot, lambda: not app.is_running, "keluar dengan ctrl+q")


async def test_the_palette_lists_indonesian_commands_without_theme_or_screenshot(
    make_app: Callable[[], PpaApp],
) -> None:
    from textual.app import SystemCommand
    from textual.command import CommandList, CommandPalette

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        judul = [c.title for c in app.get_system_commands(app.screen)]
        assert "Keluar" in judul and "Tombol" in judul
        for inggris in ("Theme", "Screenshot", "Quit", "Keys", "Maximize", "Minimize"):
            assert inggris not in judul

        # The extension point: a screen's own commands come first.
        app.screen.perintah_palet = lambda: iter([SystemCommand("Tamu baru", "Buka buku tamu",
                                                                lambda: None)])
        assert [c.title for c in app.get_system_commands(app.screen)][0] == "Tamu baru"

        await pilot.press("ctrl+p")
        await tunggu(pilot, lambda: CommandPalette.is_open(app), "palet terbuka")
        palet = app.screen
        assert palet.query_one("CommandInput").placeholder == "Cari perintah…"
        daftar = palet.query_one(CommandList)
        await tunggu(pilot, lambda: daftar.option_count > 0, "perintah tampil")
        teks = " ".join(str(daftar.get_option_at_index(i).prompt)
                        for i in range(daftar.option_count))
        assert "Keluar" in teks and "Theme" not in teks and "Screenshot" not in teks

        palet._tidak_ada_yang_cocok()  # what the no-match countdown ends with
        teks = str(daftar.get_option_at_index(daftar.option_count - 1).prompt.renderable)
        assert teks == "Tidak ada perintah yang cocok"
        await pilot.press("escape")
        await tunggu(pilot, lambda: not CommandPalette.is_open(app), "palet tertutup")
