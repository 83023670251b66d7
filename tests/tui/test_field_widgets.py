"""The field widgets under the keyboard: numbers that are not ASCII digits, choice
lists that find a word anywhere, and tick lists that move with the arrows."""

from __future__ import annotations

from textual.widgets import Input, Static

from ppa_tui.tui.screens.form import FormScreen
from ppa_tui.tui.screens.kasus import KasusScreen
from tests.tui.conftest import buka, ketik, settle, simpan


def _pesan(app, nama: str) -> str:
    return str(app.screen.query_one(f"#pesan-{nama}", Static).render())


async def _kasus_baru(pilot) -> None:
    await buka(pilot, "t")
    await ketik(pilot, "Rosmawati")
    await simpan(pilot)
    assert isinstance(pilot.app.screen, KasusScreen)


async def test_a_superscript_in_usia_is_a_message_not_a_crash(make_app) -> None:
    """"²" passed `str.isdigit()` and crashed `int()`: Textual exited with a traceback
    holding the victims' names."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _kasus_baru(pilot)
        await buka(pilot, "k")
        await ketik(pilot, "Ani")
        app.screen.query_one("#f-usia", Input).focus()
        await pilot.press("²")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#f-usia", Input).value == "²"
        assert _pesan(app, "usia") == "✗ Isi angka 0–120"
        await pilot.press("backspace", "9", "9", "9")
        await settle(pilot)
        assert _pesan(app, "usia") == "✗ Isi angka 0–120"
        await pilot.press("backspace", "backspace")
        await settle(pilot)
        assert _pesan(app, "usia") == "ANAK"
