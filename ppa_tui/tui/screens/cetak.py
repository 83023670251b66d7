"""Choose a document of the case to print. A document about one record (a rencana, a
mediation, a shelter stay …) prints the record selected on the case screen, else the
most recent one."""

from __future__ import annotations

import uuid

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option


class PilihDokumen(ModalScreen[tuple[str, uuid.UUID | None] | None]):
    """The SOP documents; Enter prints, Esc goes back."""

    CSS_PATH = ["dialogs.tcss", "cetak.tcss"]
    BINDINGS = [Binding("escape", "batal", "Kembali")]

    def __init__(self, terpilih: tuple[str, uuid.UUID | None] | None = None) -> None:
        super().__init__()
        self.terpilih = terpilih  # (form id, record id) of the case screen's selected row

    def _ref(self, dokumen: str) -> uuid.UUID | None:
        from ppa_tui.domain.dokumen import PER_REF

        if self.terpilih is None or dokumen not in PER_REF:
            return None
        form_id, target = self.terpilih
        return target if PER_REF[dokumen] == form_id else None

    def compose(self) -> ComposeResult:
        from ppa_tui.domain.dokumen import DAFTAR_DOKUMEN, PER_REF

        pilihan = []
        for kode, judul in DAFTAR_DOKUMEN.items():
            catatan = ""
            if kode in PER_REF:
                catatan = " (baris terpilih)" if self._ref(kode) else " (terbaru)"
            pilihan.append(Option(Text(judul + catatan), id=kode))
        with Vertical(classes="dialog"):
            yield Label("Cetak dokumen ke PDF", classes="pertanyaan")
            yield OptionList(*pilihan, id="dokumen")
            yield Label("Enter: cetak · Esc: kembali", classes="petunjuk")

    @on(OptionList.OptionSelected)
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        kode = event.option.id or ""
        self.dismiss((kode, self._ref(kode)))

    def action_batal(self) -> None:
        self.dismiss(None)
