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
