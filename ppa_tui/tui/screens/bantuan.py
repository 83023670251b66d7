"""F1 / `?`: the keys of the screen the officer is on, from its action table."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ppa_tui.tui.aksi import Aksi

UMUM = (
    Aksi("ctrl+p", "app.command_palette", "Palet perintah",
         "Cari dan jalankan aksi apa pun dengan mengetik namanya"),
    Aksi("f1,question_mark", "bantuan", "Bantuan", "Daftar tombol layar ini"),
    Aksi("ctrl+l", "app.kunci_layar", "Kunci layar",
         "Sembunyikan layar sekarang (juga dari kotak isian); kembali dengan kata sandi"),
    Aksi("ctrl+q", "app.quit", "Keluar", "Tutup aplikasi (draf tetap tersimpan)"),
)


def tabel_tombol(aksi: Sequence[Aksi]) -> Table:
    """Key, action, what it does; the description wraps instead of being cut."""
    table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
    table.add_column(no_wrap=True, style="bold")
    table.add_column(no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for a in [*aksi, *UMUM]:
        table.add_row(a.tampil_kunci, a.label.lstrip("+"), Text(a.keterangan))
    return table


class Bantuan(ModalScreen[None]):
    """The table of the screen beneath; Esc or F1 closes it."""

    CSS_PATH = "bantuan.tcss"
    BINDINGS = [Binding("escape,f1,question_mark", "tutup", "Tutup")]

    def __init__(self, judul: str, aksi: Sequence[Aksi]) -> None:
        super().__init__()
        self.judul = judul
        self.aksi = aksi

    def compose(self) -> ComposeResult:
        with Vertical(classes="bantuan"):
            yield Label(Text(f"Tombol · {self.judul}", style="bold"), classes="pertanyaan")
            with VerticalScroll(id="gulir"):
                yield Static(tabel_tombol(self.aksi), id="tombol")
            yield Label("Esc: tutup · ↑/↓: gulir", classes="petunjuk")

    def action_tutup(self) -> None:
        self.dismiss(None)
