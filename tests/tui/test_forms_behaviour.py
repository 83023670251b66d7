"""What the officer sees when input is wrong, when she leaves a form, and when the
app dies mid-form."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, Static

from ppa_tui.domain.models import BukuTamu, Draft, Pihak
from ppa_tui.tui.screens.dialogs import DaftarDraft, Konfirmasi
from ppa_tui.tui.screens.form import FormScreen
from ppa_tui.tui.screens.kasus import KasusScreen
from tests.tui.conftest import baris, buka, ketik, pengaduan_baru, pilih, settle, simpan, tunggu


def _pesan(app, nama: str) -> str:
    return str(app.screen.query_one(f"#pesan-{nama}", Static).render())


async def test_bad_input_shows_indonesian_messages_and_keeps_what_was_typed(
    make_app, settings
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pengaduan_baru(pilot)
        await buka(pilot, "k")
        await ketik(pilot, "Ani")
        await pilot.press("tab", "tab")
        await ketik(pilot, "31-02-2014")  # no such date
        await pilot.press("tab", "tab")
        await ketik(pilot, "19710152031400")  # 14 digits
        await pilot.press("tab")
        await ketik(pilot, "12345")  # not a phone number
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)  # not saved, not closed
        assert "NIK harus 16 digit (sekarang 14)" in _pesan(app, "nik")
        assert _pesan(app, "tanggal_lahir").startswith("✗")
        assert _pesan(app, "telepon").startswith("✗")
        assert app.focused is app.screen.query_one("#f-tanggal_lahir")  # first error
        assert app.screen.query_one("#f-nama", Input).value == "Ani"
        assert app.screen.query_one("#f-nik", Input).value == "19710152031400"
    assert [p for p in baris(settings, Pihak) if p.peran == "korban"] == []


async def test_nik_mismatch_is_a_warning_the_officer_can_confirm_past(make_app, settings) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pengaduan_baru(pilot)
        await buka(pilot, "k")
        await ketik(pilot, "Ani")
        await pilot.press("tab")
        await pilih(pilot, "Per")
        await pilot.press("tab")
        await ketik(pilot, "12-03-2013")  # the card says 2014
        await pilot.press("tab", "tab")
        await ketik(pilot, "1971015203140001")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert _pesan(app, "nik").startswith("!")
        assert "Ctrl+S sekali lagi" in str(app.screen.query_one("#status", Static).render())
        await simpan(pilot)
    korban = next(p for p in baris(settings, Pihak) if p.peran == "korban")
    assert korban.nik == "1971015203140001"
    assert korban.nik_peringatan  # the officer's override is on record


async def test_killed_mid_form_the_next_start_offers_every_field_back(make_app, settings) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        await ketik(pilot, "Siti [Aminah]")
        await pilot.press("tab", "tab")
        await pilih(pilot, "KTP")
        await pilot.press("tab")
        await ketik(pilot, "1971015203850002")
        await settle(pilot)  # the autosave after the last keystroke
    # The app is gone without Ctrl+S (as if the laptop died); nothing was saved...
    assert baris(settings, BukuTamu) == []
    assert len(baris(settings, Draft)) == 1

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await tunggu(pilot, lambda: isinstance(app.screen, DaftarDraft), "tawaran draf")
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, FormScreen), "formulir")
        await settle(pilot)
        form = app.screen
        assert form.query_one("#f-nama", Input).value == "Siti [Aminah]"
        assert form.mentah()["jenis_identitas"] == "ktp"
        assert form.query_one("#f-nomor_identitas", Input).value == "1971015203850002"
        await simpan(pilot)
    tamu = baris(settings, BukuTamu)
    assert [t.nama for t in tamu] == ["Siti [Aminah]"]
    assert baris(settings, Draft) == []  # saved: the draft is gone


async def test_escape_asks_first_and_can_discard(make_app, settings) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        await ketik(pilot, "Tamu keliru")
        await settle(pilot)
        await pilot.press("escape")
        await tunggu(pilot, lambda: isinstance(app.screen, Konfirmasi), "konfirmasi")
        await pilot.press("escape")  # "Kembali": back to the form, nothing lost
        await tunggu(pilot, lambda: isinstance(app.screen, FormScreen))
        assert app.screen.query_one("#f-nama", Input).value == "Tamu keliru"
        await pilot.press("escape")
        await tunggu(pilot, lambda: isinstance(app.screen, Konfirmasi))
        await pilot.press("right", "enter")  # "Buang isian"
        await tunggu(pilot, lambda: not isinstance(app.screen, (FormScreen, Konfirmasi)))
        await settle(pilot)
    assert baris(settings, Draft) == []
    assert baris(settings, BukuTamu) == []


async def test_countdown_after_restart_comes_from_the_stored_start(
    make_app, settings, tui_clock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pengaduan_baru(pilot)
    tui_clock.advance(timedelta(minutes=4))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#kasus")
        assert str(table.get_cell_at((0, 3))) == "6:00 lagi"
        tui_clock.advance(timedelta(minutes=5))  # 1 minute left: warning
        app.screen._tick()
        assert table.get_cell_at((0, 3)).style == "bold yellow"
        tui_clock.advance(timedelta(minutes=2))
        app.screen._tick()
        assert str(table.get_cell_at((0, 3))) == "lewat 1:00"


async def test_guest_time_out_is_stamped_from_home(make_app, settings, tui_clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        await ketik(pilot, "Pak Rahman")
        await pilot.press("tab")
        await pilih(pilot, "Kons")
        await simpan(pilot)
        tui_clock.advance(timedelta(minutes=25))
        assert app.focused is app.screen.query_one("#tamu")  # `k` works without a Tab
        await pilot.press("k")
        await settle(pilot)
        assert str(app.screen.query_one("#tamu").get_cell_at((0, 3))) == "09:25"
    tamu = baris(settings, BukuTamu)[0]
    assert tamu.keperluan == "konsultasi" and tamu.kasus_id is None
    assert tamu.waktu_keluar - tamu.waktu_masuk == timedelta(minutes=25)


async def test_enter_on_a_complaining_guest_opens_her_case(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pengaduan_baru(pilot)
        await pilot.press("escape")
        await tunggu(pilot, lambda: not isinstance(app.screen, KasusScreen), "beranda")
        await settle(pilot)
        await pilot.press("shift+tab", "enter")  # buku tamu table, Rosmawati's row
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen), "kasus dari tamu")
        await settle(pilot)
        assert app.screen.title == "Kasus PPA/2026/0001"


async def test_a_keystroke_reads_checks_and_redraws_only_what_it_changed(
    make_app, monkeypatch
) -> None:
    """Typing a name reads one widget, checks one field, touches no message row and
    relayouts nothing (each relayout walks the whole form)."""
    import ppa_tui.domain.forms as forms
    import ppa_tui.tui.screens.form as form_modul

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        form = app.screen
        hitung = {"baca": 0, "periksa": 0, "pesan": 0, "layout": 0}

        def pencacah(nama, fn):
            def f(*a, **k):
                hitung[nama] += 1
                return fn(*a, **k)

            return f

        monkeypatch.setattr(form_modul, "baca_widget", pencacah("baca", form_modul.baca_widget))
        monkeypatch.setattr(forms, "_bersihkan", pencacah("periksa", forms._bersihkan))
        baris: list[str] = []
        for pesan in form.query(".pesan"):
            pesan.update = pencacah("pesan", pesan.update)
            pesan.update = (lambda fn, nama: lambda *a, **k: (baris.append(nama), fn(*a, **k)))(
                pesan.update, pesan.id
            )
        form._refresh_layout = pencacah("layout", form._refresh_layout)
        await ketik(pilot, "Ani")
        await settle(pilot)
        assert form.query_one("#f-nama", Input).value == "Ani"
        assert hitung["baca"] <= 3 + 1  # one per key (and one for the draft)
        assert hitung["periksa"] == 3  # the name field, once per key
        assert hitung["pesan"] == 0
        assert hitung["layout"] == 0
        # A wrong phone number still gets its message at once, in its own row only.
        form.query_one("#f-telepon", Input).focus()
        await ketik(pilot, "12")
        await settle(pilot)
        assert _pesan(app, "telepon").startswith("✗")
        assert set(baris) == {"pesan-telepon"}


async def test_tabbing_into_a_filled_field_puts_the_cursor_at_its_end(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        await ketik(pilot, "Siti")
        await pilot.press("tab", "shift+tab")
        nama = app.screen.query_one("#f-nama", Input)
        assert app.focused is nama
        assert nama.selection.is_empty and nama.cursor_position == 4
        await ketik(pilot, "x")  # a stray key adds a letter; it does not erase the name
        assert nama.value == "Sitix"


async def test_the_error_summary_is_not_hidden_by_a_notification(make_app) -> None:
    from textual.widgets._toast import Toast

    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        app.screen.query_one("#f-telepon", Input).focus()
        await ketik(pilot, "12")
        app.notify("Draf dipulihkan: isian terakhir ditampilkan kembali.", title="Draf")
        await pilot.press("ctrl+s")
        await settle(pilot)
        status = app.screen.query_one("#status", Static)
        assert "Belum tersimpan" in str(status.render())
        toasts = list(app.screen.query(Toast))
        assert toasts
        layar = app.screen.region
        assert status.region.height >= 1 and layar.contains_region(status.region)
        for toast in toasts:
            assert not status.region.overlaps(toast.region), (status.region, toast.region)


async def test_the_guest_clock_follows_the_typed_arrival_and_purpose(make_app) -> None:
    from datetime import timedelta

    from ppa_tui.domain.clock import format_sisa
    from ppa_tui.tui.widgets import PitaJam

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        jam = app.screen.query_one("#jam", PitaJam)
        assert "Klien mengadukan" in str(jam.render())
        waktu = app.screen.query_one("#f-waktu_masuk", Input)
        waktu.focus()
        await pilot.press("end", *["backspace"] * 5)
        await ketik(pilot, "08:55")  # she arrived five minutes ago
        await settle(pilot)
        assert f"{format_sisa(timedelta(minutes=5))} lagi" in str(jam.render())
        app.screen.query_one("#f-keperluan").focus()
        await pilih(pilot, "Kons")
        await settle(pilot)
        teks = str(jam.render())
        assert "Klien mengadukan" not in teks and "Bukan pengaduan" in teks


async def test_the_pita_jam_ticks_without_relaying_out_the_screen(make_app, tui_clock) -> None:
    """A second's tick redraws one line; a relayout would walk every widget on screen."""
    from datetime import timedelta

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        form, jam = app.screen, app.screen.query_one("#jam")
        hitung = []
        asli = form._refresh_layout
        form._refresh_layout = lambda *a, **k: (hitung.append(1), asli(*a, **k))[1]
        sebelum = str(jam.render())
        tui_clock.advance(timedelta(seconds=5))
        jam.tick()
        await settle(pilot)
        assert str(jam.render()) != sebelum
        assert hitung == []
