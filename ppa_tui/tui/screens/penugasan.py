"""Assign an officer to a case (the Kasi or the Kepala): she then sees its personal
data in every list. Who is assigned already is shown above the choices."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option


class PilihPetugas(ModalScreen[str | None]):
    """The active accounts not yet assigned; Enter assigns, Esc goes back."""

    CSS_PATH = ["dialogs.tcss", "cetak.tcss"]
    BINDINGS = [Binding("escape", "batal", "Kembali")]

    def __init__(self, sudah: list[str], calon: list[tuple[str, str]]) -> None:
        super().__init__()
        self.sudah = sudah
        self.calon = calon

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Tugaskan petugas ke kasus ini", classes="pertanyaan")
            yield Label(Text("Sudah ditugaskan: " + (", ".join(self.sudah) or "belum ada")))
            if self.calon:
                yield OptionList(*[Option(Text(f"{nama} — {ket}"), id=nama)
                                   for nama, ket in self.calon], id="petugas")
            else:
                yield Label("Tidak ada akun aktif lain untuk ditugaskan.")
            yield Label("Enter: tugaskan · Esc: kembali", classes="petunjuk")

    @on(OptionList.OptionSelected)
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_batal(self) -> None:
        self.dismiss(None)
