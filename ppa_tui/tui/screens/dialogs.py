"""Small modal dialogs: a confirmation with labelled choices, the draft list, and the
reason for opening a masked case."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from ppa_tui.domain.draft import DraftTersimpan


class Konfirmasi(ModalScreen[str | None]):
    """Ask before anything destructive or surprising; Esc answers "kembali" (None)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "batal", "Kembali"),
        Binding("left", "app.focus_previous", "Sebelumnya", show=False),
        Binding("right", "app.focus_next", "Berikutnya", show=False),
    ]

    def __init__(self, pertanyaan: str, pilihan: list[tuple[str, str]]) -> None:
        super().__init__()
        self.pertanyaan = pertanyaan
        self.pilihan = pilihan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.pertanyaan), classes="pertanyaan")
            with Horizontal(classes="tombol"):
                for i, (kode, label) in enumerate(self.pilihan):
                    yield Button(label, id=f"p-{kode}", variant="primary" if i == 0 else "default")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _pilih(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "p-")[2:])

    def action_batal(self) -> None:
        self.dismiss(None)


class DaftarDraft(ModalScreen[str | None]):
    """Offer back what was typed before the app was closed or killed."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "batal", "Nanti saja")]

    def __init__(self, draft: list[DraftTersimpan], zona: object) -> None:
        super().__init__()
        self.draft = draft
        self.zona = zona

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Ada isian yang belum tersimpan. Lanjutkan?", classes="pertanyaan")
            yield OptionList(
                *[Option(Text(f"{d.judul} · {d.siapa or '(belum ada isian)'} · "
                              f"{d.updated_at.astimezone(self.zona):%d-%m %H:%M}"),
                         id=d.kunci) for d in self.draft],
                id="draft",
            )
            yield Label("Enter: lanjutkan · Esc: nanti saja", classes="petunjuk")

    @on(OptionList.OptionSelected)
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_batal(self) -> None:
        self.dismiss(None)


class AlasanBuka(ModalScreen[str | None]):
    """A case that is not hers is masked: opening it asks why, and the reason is
    written to the audit log with her name. Esc goes back without opening."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "batal", "Batal")]
    MINIMAL = 5  # letters, as the backend asks

    def __init__(self, nomor: str = "") -> None:
        super().__init__()
        self.nomor = nomor

    def compose(self) -> ComposeResult:
        kasus = f"Kasus {self.nomor}" if self.nomor else "Kasus ini"
        with Vertical(classes="dialog"):
            yield Label(Text(
                f"{kasus} bukan tugas Anda, jadi data pribadinya tersamar. Tulis alasan "
                "membukanya: pembukaan ini dicatat di log audit bersama nama Anda dan "
                "alasannya, dan dibaca Kepala."), classes="pertanyaan")
            yield Input(placeholder="mis. korban datang lagi, petugasnya cuti", id="alasan")
            yield Static("", id="pesan-alasan", classes="pesan-galat")
            yield Label("Enter: buka kasus · Esc: batal (tidak dibuka)", classes="petunjuk")

    def on_mount(self) -> None:
        self.query_one("#alasan", Input).focus()

    @on(Input.Submitted, "#alasan")
    def _kirim(self, event: Input.Submitted) -> None:
        alasan = " ".join(event.value.split())
        if len(alasan) < self.MINIMAL:
            self.query_one("#pesan-alasan", Static).update(
                f"Tulis alasannya, minimal {self.MINIMAL} huruf.")
            return
        self.dismiss(alasan)

    def action_batal(self) -> None:
        self.dismiss(None)
