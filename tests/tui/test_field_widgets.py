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


async def test_every_kind_makes_a_widget_that_reads_back_what_it_shows(clock) -> None:
    """The registry's round trip: for each kind, the widget made from a raw value
    reads back that same raw value."""
    from textual.app import App

    from ppa_tui.domain.forms import FieldSpec, Konteks
    from ppa_tui.domain.jenis import JENIS
    from ppa_tui.tui.widgets.fields import baca_widget, buat_widget

    contoh = {"centang": True, "pilihan": "tetangga", "pilihan_banyak": ["fisik", "psikis"],
              "teks_panjang": "baris 1\nbaris 2", "tanggal": "12-03-2014", "angka": "17"}
    daftar = {"pilihan": "hubungan_pelapor", "pilihan_banyak": "bentuk_kekerasan"}
    k = Konteks(sekarang=clock.now())
    fields = [FieldSpec(nama=j, label=j, jenis=j, pilihan=daftar.get(j, "")) for j in JENIS]

    class Uji(App):
        def compose(self):
            for f in fields:
                yield buat_widget(f, contoh.get(f.jenis, "abc"), k)

    app = Uji()
    async with app.run_test() as pilot:
        await pilot.pause()
        for f in fields:
            assert baca_widget(app.query_one(f"#f-{f.nama}")) == contoh.get(f.jenis, "abc"), f.jenis
