"""One case: its running SOP step, what has been recorded, and keys to record more."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Label, Static

from ppa_tui.tui.aksi import Aksi, bindings
from ppa_tui.tui.screens.launcher import FormLauncher
from ppa_tui.tui.widgets import PitaJam
from ppa_tui.tui.widgets.tabel import Tabel

if TYPE_CHECKING:
    from ppa_tui.backend import Backend, Tersimpan
    from ppa_tui.domain.views import KasusDetail


class KasusScreen(FormLauncher):
    """The case file at the desk. Forms open on top; this screen reloads after each."""

    CSS_PATH = "kasus.tcss"
    AKSI = (
        Aksi("n", "langkah_selesai", "Langkah selesai",
             "Langkah SOP yang berjalan selesai; langkah berikutnya dimulai (dengan konfirmasi)"),
        Aksi("p", "form('pelapor')", "Pelapor", "Isi atau ubah data pelapor",
             footer=False, legenda=True),
        Aksi("k", "form('korban')", "+Korban", "Tambah korban", footer=False, legenda=True),
        Aksi("l", "form('pelaku')", "+Pelaku", "Tambah pelaku", footer=False, legenda=True),
        Aksi("j", "form('kejadian')", "Kejadian", "Waktu, tempat, bentuk kekerasan, kronologi",
             footer=False, legenda=True),
        Aksi("s", "form('persetujuan')", "Persetujuan",
             "Persetujuan pemberian informasi (korban anak: oleh orang tua/wali)",
             footer=False, legenda=True),
        Aksi("a", "form('asesmen')", "Asesmen", "Kebutuhan dan tingkat risiko",
             footer=False, legenda=True),
        Aksi("r", "form('rencana')", "+Rencana", "Tambah rencana intervensi",
             footer=False, legenda=True),
        Aksi("enter", "ubah", "Buka", "Buka baris yang dipilih untuk mengisi/mengubah",
             footer=False),
        Aksi("escape", "kembali", "Kembali", "Kembali ke beranda"),
    )
    BINDINGS = bindings(AKSI)

    @dataclass
    class Dimuat(Message):
        detail: KasusDetail | None

    def __init__(self, backend: Backend, kasus_id: uuid.UUID) -> None:
        super().__init__()
        self.backend = backend
        self.kasus_id = kasus_id
        self.detail: KasusDetail | None = None
        self._versi: int | None = None  # the database's version what is shown was read at

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Memuat kasus…", id="kepala")
        yield PitaJam(self.backend.clock, id="jam")
        yield Label("Data kasus (Enter: buka untuk mengisi/mengubah)", classes="judul")
        yield Static(self.legenda(), id="legenda")
        butir = Tabel(id="butir")
        butir.add_column("Data", key="judul", width=12)
        butir.add_column("Ringkasan", key="ringkas", width=60)
        yield butir
        yield Label("Langkah SOP", classes="judul")
        langkah = Tabel(id="langkah")
        langkah.add_column("Langkah", key="label", width=28)
        langkah.add_column("Status", key="status", width=44)
        yield langkah
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Kasus"
        self.query_one("#butir").focus()
        self.muat()
        self.set_interval(1.0, self._awasi)
        self.set_interval(1.0, self._tick)

    @work(thread=True, exclusive=True, group="muat", exit_on_error=False)
    def muat(self) -> None:
        try:
            versi = self.backend.versi_data()  # before the read: a change during it shows next
            self.post_message(self.Dimuat(self.backend.detail(self.kasus_id)))
            self._versi = versi
        except Exception as exc:  # noqa: BLE001
            from ppa_tui.galat import laporkan
            self.app.call_from_thread(self.notify, laporkan(
                exc, "kasus.muat", "Kasus tidak bisa dimuat"), severity="error", markup=False)

    @on(Dimuat)
    def _dimuat(self, event: Dimuat) -> None:
        detail = event.detail
        if detail is None:
            self.query_one("#kepala", Static).update("Kasus tidak ditemukan.")
            return
        self.detail = detail
        zona = self.backend.zona
        self.title = f"Kasus {detail.nomor_register}"
        self.query_one("#kepala", Static).update(Text(
            f"{detail.nomor_register} · {detail.jalur} · diterima "
            f"{detail.waktu_diterima.astimezone(zona):%d-%m-%Y %H:%M}"
            + ("" if detail.status == "aktif" else f" · {detail.status.replace('_', ' ')}")))
        clock = self.query_one("#jam", PitaJam)
        clock.kosong = "Semua langkah jalur ini selesai"
        clock.jam = detail.jam
        table = self.query_one("#butir", DataTable)
        row = table.cursor_row
        table.clear()
        for b in detail.butir:
            table.add_row(b.judul, Text(b.ringkas), key=b.kunci)
        if detail.butir:
            table.move_cursor(row=min(row, table.row_count - 1))
        steps = self.query_one("#langkah", DataTable)
        steps.clear()
        gaya = {True: "green", False: "bold red"}
        for i, s in enumerate(detail.langkah):
            steps.add_row(s.label, Text(s.bacaan.teks, style=gaya.get(s.bacaan.tepat_waktu, "")),
                          key=str(i))
        self.refresh_bindings()

    def _tick(self) -> None:
        """Every countdown on screen moves together: the header's clock and the running
        step's row, both read from the stored times."""
        from ppa_tui.domain.clock import StatusJam

        detail = self.detail
        if detail is None or detail.jam is None:
            return
        self.query_one("#jam", PitaJam).tick()
        berjalan = next((i for i, s in enumerate(detail.langkah)
                         if s.bacaan.status is not StatusJam.SELESAI), None)
        if berjalan is not None:
            self.query_one("#langkah", DataTable).update_cell(
                str(berjalan), "status", Text(detail.jam.baca(self.backend.clock.now()).teks))

    def _awasi(self) -> None:
        """Another desk's change shows within 2 s without a key (see HomeScreen)."""
        if self.is_current and self._versi is not None:
            self._periksa_perubahan()

    @work(thread=True, exclusive=True, group="awasi", exit_on_error=False)
    def _periksa_perubahan(self) -> None:
        if self.backend.versi_data() != self._versi:
            self.app.call_from_thread(self.muat)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.detail is None:
            return action == "kembali"
        if action == "form" and parameters and parameters[0] in {"persetujuan", "asesmen"}:
            return bool(self.detail.korban) or None
        if action == "langkah_selesai":
            return self.detail.jam is not None or None
        return True

    def action_form(self, form_id: str) -> None:
        if self.detail is None:
            return
        target = None
        if form_id == "kejadian":
            target = self.kasus_id
        elif form_id == "pelapor":
            target = next((b.target_id for b in self.detail.butir if b.form_id == "pelapor"), None)
        self.buka_form(form_id, self.kasus_id, target)

    def action_ubah(self) -> None:
        table = self.query_one("#butir", DataTable)
        if table.row_count:
            table.action_select_cursor()

    @on(DataTable.RowSelected, "#butir")
    def _ubah(self, event: DataTable.RowSelected) -> None:
        if self.detail is None:
            return
        butir = next((b for b in self.detail.butir if b.kunci == event.row_key.value), None)
        if butir is not None:
            self.buka_form(butir.form_id, self.kasus_id, butir.target_id)

    def action_langkah_selesai(self) -> None:
        from ppa_tui.tui.screens.dialogs import Konfirmasi

        if self.detail is None or self.detail.jam is None:
            return
        label = self.detail.jam.label
        self.app.push_screen(
            Konfirmasi(f"Tandai langkah {label} selesai dan mulai langkah berikutnya?",
                       [("ya", "Ya, selesai"), ("kembali", "Kembali")]),
            lambda jawab: self._selesaikan() if jawab == "ya" else None,
        )

    @work(thread=True, group="tulis", exit_on_error=False)
    def _selesaikan(self) -> None:
        try:
            self.backend.selesaikan_langkah(self.kasus_id)
        except Exception as exc:  # noqa: BLE001
            from ppa_tui.galat import laporkan
            self.app.call_from_thread(self.notify, laporkan(exc, "kasus.selesaikan", "Gagal"),
                                      severity="error", markup=False)
            return
        self.muat()

    def action_kembali(self) -> None:
        self.dismiss(None)

    def form_tersimpan(self, hasil: Tersimpan) -> None:
        self.notify("Tersimpan.")
        self.muat()

    def form_ditutup(self) -> None:
        self.muat()
