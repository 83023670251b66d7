"""Printing a letter for an outside agency from the case screen: refused without the
korban's consent, naming it; printed without her personal data only when asked."""

from __future__ import annotations

from textual.widgets import OptionList

from ppa_tui.documents.cetak import folder_cetak
from ppa_tui.tui.screens.cetak import PilihDokumen
from ppa_tui.tui.screens.dialogs import Konfirmasi
from tests.tui.conftest import buka, ketik, pengaduan_baru, settle, simpan, tunggu


async def test_a_letter_without_consent_is_refused_then_printed_without_her_data(
        make_app, settings) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pengaduan_baru(pilot)
        await buka(pilot, "k")
        await ketik(pilot, "Siti Aminah")
        await simpan(pilot)
        await pilot.press("c")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihDokumen), "daftar dokumen")
        daftar = app.screen.query_one(OptionList)
        daftar.highlighted = next(i for i in range(daftar.option_count)
                                  if daftar.get_option_at_index(i).id == "pelimpahan")
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, Konfirmasi), "penolakan")
        assert "tidak dicetak: belum ada persetujuan pemberian informasi dari korban S. A. " \
               "untuk UPTD PPA kab/kota" in app.screen.pertanyaan
        assert not list(folder_cetak(settings).glob("*.pdf"))
        await pilot.click("#p-tanpa")
        await tunggu(pilot, lambda: list(folder_cetak(settings).glob("pelimpahan-*.pdf")),
                     "surat tanpa data pribadi")
