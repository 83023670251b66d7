"""Home at the desk: the keys the officer reaches for, and a wider terminal used."""

from __future__ import annotations

from sqlmodel import Session, create_engine, select

from ppa_tui.domain.models import BukuTamu, Kasus
from ppa_tui.tui.screens.bantuan import Bantuan
from ppa_tui.tui.screens.dialogs import Konfirmasi
from ppa_tui.tui.screens.kasus import KasusScreen
from tests.tui.conftest import buka, ketik, pilih, settle, simpan, tunggu


def _teks_layar(app) -> str:
    """What the terminal shows, as lines of plain text (words single-spaced)."""
    import html
    import re

    svg = app.export_screenshot()
    baris: dict[float, list[tuple[float, str]]] = {}
    for m in re.finditer(r'<text[^>]*x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        teks = html.unescape(m.group(3)).replace("\xa0", " ")
        baris.setdefault(float(m.group(2)), []).append((float(m.group(1)), teks))
    return "\n".join(re.sub(r" +", " ", "".join(t for _, t in sorted(b)))
                     for _, b in sorted(baris.items()))


async def test_f1_lists_the_keys_of_the_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await tunggu(pilot, lambda: isinstance(app.screen, Bantuan), "bantuan")
        rapat = "".join(_teks_layar(app).split())  # SVG drops blank cells: compare without
        assert "tTamubaru" in rapat
        assert "F5Muatulang" in rapat  # documented, not hidden
        # a long description wraps instead of being cut at the dialog's edge
        assert "(biasanyaotomatistiapdetik)" in rapat.replace("█", "")
        gulir = app.screen.query_one("#gulir")  # the list is longer than the dialog at
        halaman = [rapat]  # 80x24: the other keys are a scroll away, page by page
        while gulir.scroll_y < gulir.max_scroll_y:
            gulir.scroll_page_down(animate=False)
            await settle(pilot)
            halaman.append("".join(_teks_layar(app).split()))
        semua = "".join(halaman)
        assert "bTerlambat" in semua  # Footer-less keys are documented too
        assert "iIkhtisar" in semua and "4Saringterlambat" in semua
        assert "Ctrl+PPaletperintah" in halaman[-1]
        await pilot.press("escape")
        await tunggu(pilot, lambda: not isinstance(app.screen, Bantuan), "bantuan tutup")


async def test_a_consulting_guest_becomes_a_complaint_from_home(make_app, settings) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        await ketik(pilot, "Bu Sari")
        app.screen.query_one("#f-keperluan").focus()
        await pilih(pilot, "Kons")
        await simpan(pilot)
        assert app.focused is app.screen.query_one("#tamu")
        await pilot.press("a")
        await tunggu(pilot, lambda: isinstance(app.screen, Konfirmasi), "konfirmasi")
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen), "kasus terbuka")
        await settle(pilot)
    engine = create_engine(settings.url)
    with Session(engine) as s:
        tamu = s.exec(select(BukuTamu)).one()
        kasus = s.exec(select(Kasus)).one()
        assert tamu.kasus_id == kasus.id and kasus.waktu_diterima == tamu.waktu_masuk
    engine.dispose()


async def test_a_wide_terminal_shows_whole_names(make_app, settings, tui_clock) -> None:
    from ppa_tui.backend import Backend

    backend = Backend(settings, tui_clock)
    siap = backend.siapkan_form("buku_tamu")
    backend.simpan(siap, {"nama": "Nurhayati binti Abdul Rahman", "keperluan": "konsultasi",
                          "waktu_masuk": tui_clock.now()})
    backend.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#tamu")
        await tunggu(pilot, lambda: table.row_count == 1, "tamu tampil")
        assert table.columns[table.ordered_columns[1].key].width >= 26
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert table.ordered_columns[1].width == 22


async def test_the_palette_offers_what_the_screen_can_do_now(make_app) -> None:
    from ppa_tui.tui.screens.form import FormScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        perintah = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "Tamu baru (t)" in perintah and "Muat ulang (F5)" in perintah
        assert "Catat keluar (k)" not in perintah  # no guest today: nothing to stamp
        assert "Draf (d)" not in perintah
        await perintah["Tamu baru (t)"].callback()
        await tunggu(pilot, lambda: isinstance(app.screen, FormScreen), "formulir tamu")
        await settle(pilot)  # the form finishes mounting before the app closes


async def test_a_small_window_says_so_and_steps_aside_when_it_grows(make_app) -> None:
    from ppa_tui.tui.screens.home import HomeScreen
    from ppa_tui.tui.screens.layar_kecil import LayarKecil

    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LayarKecil)
        assert "Jendela terlalu kecil (60×20)" in str(app.screen.query_one("#pesan").render())
        await pilot.resize_terminal(80, 24)
        await tunggu(pilot, lambda: isinstance(app.screen, HomeScreen), "beranda kembali")


async def test_a_six_digit_register_number_is_shown_whole(make_app, settings, tui_clock) -> None:
    """A big year (or a demo database) reaches PPA/2026/100000: never cut to PPA/2026/1000."""
    from ppa_tui.backend import Backend
    from ppa_tui.domain.models import NomorRegister

    backend = Backend(settings, tui_clock)
    with backend.database.session() as s:
        s.add(NomorRegister(tahun=2026, terakhir=99999))
    siap = backend.siapkan_form("buku_tamu")
    backend.simpan(siap, {"nama": "Siti", "keperluan": "pengaduan",
                          "waktu_masuk": tui_clock.now()})
    backend.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rapat = "".join(_teks_layar(app).split())
        assert rapat.count("PPA/2026/100000") == 2  # in the guest row and the case row


async def test_a_form_has_its_keys_in_f1_and_the_palette_too(make_app, settings, tui_clock) -> None:
    from ppa_tui.backend import Backend
    from ppa_tui.tui.screens.bantuan import Bantuan as BantuanLayar
    from ppa_tui.tui.screens.form import FormScreen

    backend = Backend(settings, tui_clock)
    siap = backend.siapkan_form("buku_tamu")
    hasil = backend.simpan(siap, {"nama": "Siti", "keperluan": "pengaduan",
                                  "waktu_masuk": tui_clock.now()})
    backend.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.buka_form("korban", hasil.kasus_id)
        await tunggu(pilot, lambda: isinstance(app.screen, FormScreen), "formulir korban")
        judul = [c.title for c in app.get_system_commands(app.screen)]
        assert "Simpan (Ctrl+S)" in judul and "Salin alamat pelapor (F3)" in judul
        await pilot.press("f1")
        await tunggu(pilot, lambda: isinstance(app.screen, BantuanLayar), "bantuan")
        rapat = "".join(_teks_layar(app).split())
        assert "Ctrl+SSimpan" in rapat and "F3Salinalamatpelapor" in rapat
