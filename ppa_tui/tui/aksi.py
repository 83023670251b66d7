"""One action table per screen: its keys, the Footer, the legend line, the command
palette and the F1 help all come from it, so a key cannot be shown in one place and
missing from another. Whether an action is possible right now is still decided in one
place, the screen's `check_action`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual.actions import parse as parse_action
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen


@dataclass(frozen=True)
class Aksi:
    """Something the officer can do on a screen."""

    kunci: str  # Textual key names, comma-separated: "t", "f1,question_mark"
    aksi: str  # the action string: "tamu_baru", "form('korban')"
    label: str  # short, for the Footer and the legend
    keterangan: str = ""  # one sentence for the palette and the help screen
    footer: bool = True
    legenda: int = 0  # which legend line it is on (keys the Footer has no room for); 0: none
    palet: bool = True
    prioritas: bool = False

    @property
    def tampil_kunci(self) -> str:
        """The first key as the officer reads it: "Ctrl+S", "Enter", "t"."""
        kunci = self.kunci.split(",")[0]
        nama = {"question_mark": "?", "escape": "Esc", "enter": "Enter", "space": "Spasi",
                "delete": "Del", "tab": "Tab", "greater_than_sign": ">",
                "less_than_sign": "<", "left_square_bracket": "[", "slash": "/",
                "right_square_bracket": "]"}
        *pengubah, dasar = kunci.split("+")
        dasar = nama.get(dasar, dasar.upper() if pengubah or dasar[1:].isdigit() else dasar)
        return "+".join([*(p.capitalize() for p in pengubah), dasar])


def bindings(daftar: Sequence[Aksi]) -> list[Binding]:
    return [Binding(a.kunci, a.aksi, a.label, show=a.footer, priority=a.prioritas)
            for a in daftar]


BANTUAN = Aksi("f1,question_mark", "bantuan", "Bantuan", "Daftar tombol layar ini",
               footer=False, palet=False)


class LayarBeraksi(Screen):
    """A Screen with an action table `AKSI`; subclasses set `BINDINGS = bindings(AKSI)`.
    F1 (and `?` where no text field has the focus) shows the table."""

    AKSI: ClassVar[tuple[Aksi, ...]] = ()
    BINDINGS = bindings([BANTUAN])

    def on_resize(self) -> None:
        from ppa_tui.tui.screens.layar_kecil import periksa_ukuran

        periksa_ukuran(self.app)

    def action_bantuan(self) -> None:
        from ppa_tui.tui.screens.bantuan import Bantuan

        self.app.push_screen(Bantuan(str(self.title or self.app.title), self.AKSI))

    def aksi_tersedia(self) -> list[Aksi]:
        """The table's actions that `check_action` allows now."""
        out = []
        for a in self.AKSI:
            ruang, nama, params = parse_action(a.aksi)
            if ruang or self.check_action(nama, params):
                out.append(a)  # app.* actions are always possible
        return out

    def perintah_palet(self) -> Iterable[SystemCommand]:
        """This screen's commands for the palette, in Indonesian."""
        for a in self.aksi_tersedia():
            if a.palet:
                yield SystemCommand(f"{a.label} ({a.tampil_kunci})", a.keterangan or a.label,
                                    partial(self.app.run_action, a.aksi, self))

    def legenda(self, baris: int = 1) -> Text:
        """The keys marked for legend line `baris`, on one line."""
        teks = Text()
        for a in self.AKSI:
            if a.legenda == baris:
                if teks:
                    teks.append("  ")
                teks.append(a.tampil_kunci, style="bold")
                teks.append(f" {a.label.lstrip('+').lower()}")
        return teks
