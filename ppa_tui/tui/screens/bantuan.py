"""F1 / `?`: the keys of the screen the officer is on, from its action table."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from ppa_tui.tui.aksi import Aksi

UMUM = (
    Aksi("ctrl+p", "app.command_palette", "Palet perintah",
         "Cari dan jalankan aksi apa pun dengan mengetik namanya"),
    Aksi("f1,question_mark", "bantuan", "Bantuan", "Daftar tombol layar ini"),
    Aksi("ctrl+q", "app.quit", "Keluar", "Tutup aplikasi (draf tetap tersimpan)"),
)


class Bantuan(ModalScreen[None]):
    """A table of key, action and what it does; Esc or F1 closes it."""

    CSS_PATH = "bantuan.tcss"
    BINDINGS = [Binding("escape,f1,question_mark", "tutup", "Tutup")]

    def __init__(self, judul: str, aksi: Sequence[Aksi]) -> None:
        super().__init__()
        self.judul = judul
        self.aksi = aksi

    def compose(self) -> ComposeResult:
        with Vertical(classes="bantuan"):
            yield Label(Text(f"Tombol · {self.judul}", style="bold"), classes="pertanyaan")
            table = DataTable(id="tombol", cursor_type="row", show_header=False)
            table.add_columns("Tombol", "Aksi", "Keterangan")
            for a in [*self.aksi, *UMUM]:
                table.add_row(Text(a.tampil_kunci, style="bold"), a.label.lstrip("+"),
                              Text(a.keterangan))
            yield table
            yield Label("Esc: tutup", classes="petunjuk")

    def action_tutup(self) -> None:
        self.dismiss(None)
