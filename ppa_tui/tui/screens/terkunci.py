"""The lock screen: opaque, over everything, showing only the unit, who is logged in
and a password field. Nothing of the screens below shows through (it is a plain
`Screen`, not a `ModalScreen`), and notifications are not shown on it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from ppa_tui.tui.akun import NAMA_UNIT, label_akun

if TYPE_CHECKING:
    from ppa_tui.backend import Backend

PETUNJUK_SANDI = ("Ketik kata sandi Anda lalu Enter untuk kembali. Isian yang sedang "
                  "diketik tetap utuh.")
PETUNJUK_TANPA_AKUN = "Tekan Enter untuk kembali. Isian yang sedang diketik tetap utuh."


class LayarTerkunci(Screen[None]):
    """Locked: the password of the logged-in account unlocks (checked in a worker,
    failures count toward the account's lock-out). Without an account (the process
    itself, `build_app(masuk=False)`) Enter unlocks: there is no password to ask."""

    CSS_PATH = "terkunci.tcss"
    AUTO_FOCUS = "#sandi"
    BINDINGS = [Binding("enter", "buka", "Kembali", show=False)]

    @dataclass
    class Dicocokkan(Message):
        """The password check's answer: None when right, else the sentence."""

        pesan: str | None

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        self.akun = backend.akun
        self.dibuka = False  # set just before it dismisses itself (see KunciLayar)

    def compose(self) -> ComposeResult:
        with Vertical(id="kunci"):
            yield Static(Text(NAMA_UNIT, style="bold"), id="unit")
            yield Static(Text("Layar terkunci"), id="judul")
            if self.akun is not None:
                yield Static(Text(label_akun(self.akun)), id="akun")
                yield Input(password=True, placeholder="Kata sandi", id="sandi")
                yield Static("", id="galat")
                yield Static(PETUNJUK_SANDI, classes="petunjuk")
            else:
                yield Static(PETUNJUK_TANPA_AKUN, classes="petunjuk")

    def on_mount(self) -> None:
        self.title = "Layar terkunci"
        if not self.backend.settings.kursor_kedip:
            for masukan in self.query(Input):
                masukan.cursor_blink = False

    def action_buka(self) -> None:
        if self.akun is None:
            self._buka()

    @on(Input.Submitted, "#sandi")
    def _kirim(self, event: Input.Submitted) -> None:
        if not event.value:
            self._galat("Ketik kata sandi dulu.")
            return
        event.input.disabled = True
        self._cocokkan(event.value)

    @work(thread=True, exclusive=True, group="kunci-layar", exit_on_error=False)
    def _cocokkan(self, sandi: str) -> None:
        from ppa_tui.galat import laporkan

        try:
            pesan = self.backend.cocokkan_sandi(sandi)
        except Exception as exc:  # noqa: BLE001  (said on screen, never fatal)
            pesan = laporkan(exc, "terkunci.cocokkan", "Kata sandi belum bisa diperiksa")
        self.post_message(self.Dicocokkan(pesan))

    @on(Dicocokkan)
    def _dicocokkan(self, event: Dicocokkan) -> None:
        if event.pesan is None:
            self._buka()
            return
        masukan = self.query_one("#sandi", Input)
        masukan.disabled = False
        masukan.value = ""
        masukan.focus()
        self._galat(event.pesan)

    def _galat(self, pesan: str) -> None:
        self.query_one("#galat", Static).update(Text(pesan))

    def _buka(self) -> None:
        self.dibuka = True
        self.dismiss(None)
