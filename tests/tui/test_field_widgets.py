"""The field widgets under the keyboard: numbers that are not ASCII digits, choice
lists that find a word anywhere, and tick lists that move with the arrows."""

from __future__ import annotations

from textual.widgets import Input, Static

from ppa_tui.tui.screens.form import FormScreen
from ppa_tui.tui.screens.kasus import KasusScreen
from tests.tui.conftest import buka, ketik, settle, simpan, tunggu


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


async def test_typing_in_a_choice_list_finds_the_word_anywhere(make_app) -> None:
    """Typed on a closed list, letters did nothing; the match is anywhere in the label
    ("tet" or "tangga" finds Tetangga)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _kasus_baru(pilot)
        await buka(pilot, "p")
        for teks in ("tet", "tangga"):
            app.screen.query_one("#f-hubungan").focus()
            await settle(pilot)
            await ketik(pilot, teks)
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen.mentah()["hubungan"] == "tetangga", teks
            await pilot.press("tab")  # leave it; the next search starts afresh
            await settle(pilot)
        app.screen.query_one("#f-hubungan").focus()
        await ketik(pilot, "gur")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.mentah()["hubungan"] == "guru"


async def test_arrows_move_and_space_ticks_in_every_tick_list(make_app) -> None:
    """↓ moved in the multi-choice list but not between checkboxes: now both do."""
    from ppa_tui.tui.widgets.fields import Centang

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _kasus_baru(pilot)
        await buka(pilot, "j")  # the multi-choice list, as it always was
        app.screen.query_one("#f-bentuk_kekerasan").focus()
        await pilot.press("down", "space", "down", "space")
        await settle(pilot)
        assert len(app.screen.mentah()["bentuk_kekerasan"]) == 2
        await _tutup_buang(pilot)
        await buka(pilot, "k")  # consent needs a korban
        await ketik(pilot, "Ani")
        await simpan(pilot)

        await buka(pilot, "s")
        izin = ["izin_kesehatan", "izin_hukum", "izin_psikolog", "izin_dinsos",
                "izin_uptd_kabkota", "izin_lainnya"]
        app.screen.query_one("#f-izin_kesehatan", Centang).focus()
        await settle(pilot)
        await pilot.press("down", "space", "down", "down", "space", "up")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#f-izin_psikolog")
        assert [n for n in izin if app.screen.mentah()[n]] == ["izin_hukum", "izin_dinsos"]
        await pilot.press("up", "up", "up")  # past the first box: the form scrolls
        await settle(pilot)
        assert app.focused is app.screen.query_one("#f-izin_kesehatan")
        app.screen.query_one("#f-izin_lainnya", Centang).focus()
        await pilot.press("down")  # the field below is text: ↓ does not leave the list
        await settle(pilot)
        assert app.focused is app.screen.query_one("#f-izin_lainnya")


async def _tutup_buang(pilot) -> None:
    """Esc on a form, discarding what was typed, back to the case."""
    from ppa_tui.tui.screens.dialogs import Konfirmasi

    await pilot.press("escape")
    await tunggu(pilot, lambda: isinstance(pilot.app.screen, Konfirmasi), "konfirmasi")
    await pilot.press("right", "enter")  # "Buang isian"
    await tunggu(pilot, lambda: isinstance(pilot.app.screen, KasusScreen), "kasus")
    await settle(pilot)
