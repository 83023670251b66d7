"""The one generic form screen: renders any `screens/*.toml` spec.

Messages sit beside each field (error, warning, note). Every change is saved as a
draft after a short pause (and at most `MAKS_TUNGGU_DRAF` seconds after the first
unsaved change, however fast she types), in a worker, so the officer never waits and
nothing typed is lost if the laptop dies. Saving runs the domain service in a worker
too, after writing the draft once more.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import (
    Checkbox,
    Footer,
    Header,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.worker import Worker, WorkerState

from ppa_tui.domain.draft import Debounce
from ppa_tui.galat import catat_galat, pesan_galat
from ppa_tui.tui.screens.dialogs import Konfirmasi
from ppa_tui.tui.widgets import StepClock
from ppa_tui.tui.widgets.fields import baca_widget, buat_widget, widget_id

if TYPE_CHECKING:
    from ppa_tui.backend import Backend, FormSiap, Tersimpan
    from ppa_tui.domain.forms import HasilValidasi

MAKS_TUNGGU_DRAF = 2.0  # seconds: a draft is never older than this while typing


class FormScreen(Screen["Tersimpan | None"]):
    """Fill in one form; dismisses with what was saved, or None when closed."""

    CSS_PATH = "form.tcss"
    BINDINGS = [
        Binding("ctrl+s", "simpan", "Simpan", priority=True),
        Binding("escape", "tutup", "Tutup"),
    ]

    def __init__(self, siap: FormSiap, backend: Backend) -> None:
        super().__init__()
        self.siap = siap
        self.backend = backend
        self._awal = dict(siap.mentah)
        self._disentuh: set[str] = set()
        self._sudah_coba_simpan = False
        self._peringatan_diterima: dict[str, str] | None = None
        self._timer: Timer | None = None
        self._debounce = Debounce(backend.settings.autosave_detik, MAKS_TUNGGU_DRAF)
        self._siap_mendengar = False
        self._draft_terbaru: dict[str, Any] = {}
        self._draft_lock = threading.Lock()
        self._draft_selesai = False

    # ---- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        if self.siap.kasus_id is not None or self.siap.spec.id == "buku_tamu":
            clock = StepClock(self.backend.clock, id="jam")
            clock.jam = self.siap.jam
            yield clock
        with VerticalScroll(id="isian"):
            for bagian in self.siap.spec.bagian:
                yield Static(bagian.judul, classes="bagian")
                for f in bagian.fields:
                    with Vertical(classes="baris", id=f"baris-{f.nama}"):
                        with Horizontal(classes="masukan"):
                            label = "" if f.jenis == "centang" else f.label + (" *" if f.wajib else "")
                            yield Label(label, classes="label")
                            yield buat_widget(f, self.siap.mentah.get(f.nama), self.siap.konteks)
                        yield Static("", classes="pesan", id=f"pesan-{f.nama}")
        yield Static("", id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = self.siap.judul
        self.sub_title = "Ctrl+S simpan · Esc tutup (draf tetap tersimpan)"
        mentah = self.mentah()
        self._atur_tampil(mentah)
        self._tampilkan(self._validasi(mentah), semua=False)
        if not self.backend.settings.kursor_kedip:
            for widget in self.query("Input, TextArea"):
                widget.cursor_blink = False
        self.query_one(f"#{widget_id(self.siap.spec.fields[0].nama)}").focus()
        if self.siap.dipulihkan:
            self.notify("Draf dipulihkan: isian terakhir ditampilkan kembali.", title="Draf")
        elif self.siap.draf_lain:
            self.notify(f"Ada {self.siap.draf_lain} draf {self.siap.spec.judul} lain yang belum "
                        "tersimpan: buka dari daftar draf (d) di beranda.", title="Draf")
        self.call_after_refresh(self._mulai_mendengar)

    def _mulai_mendengar(self) -> None:
        self._siap_mendengar = True

    # ---- values & validation ------------------------------------------------------

    def mentah(self) -> dict[str, Any]:
        """Raw values of every field, as typed."""
        out = {}
        for f in self.siap.spec.fields:
            out[f.nama] = baca_widget(self.query_one(f"#{widget_id(f.nama)}"))
        return out

    def _validasi(self, mentah: dict[str, Any]) -> HasilValidasi:
        from ppa_tui.domain.forms import periksa_form

        return periksa_form(self.siap.spec, mentah, self.siap.konteks)

    def _atur_tampil(self, mentah: dict[str, Any]) -> None:
        """Show only the fields whose condition holds (e.g. guardian data)."""
        for f in self.siap.spec.fields:
            self.query_one(f"#baris-{f.nama}").display = self.siap.spec.tampil(f, mentah)

    def _tampilkan(self, hasil: HasilValidasi, *, semua: bool) -> None:
        for f in self.siap.spec.fields:
            pesan = self.query_one(f"#pesan-{f.nama}", Static)
            galat = hasil.galat.get(f.nama) if semua or f.nama in self._disentuh else None
            if galat:
                pesan.update(Text(f"✗ {galat}"))
                pesan.set_classes("pesan -galat")
            elif f.nama in hasil.peringatan:
                pesan.update(Text(f"! {hasil.peringatan[f.nama]}"))
                pesan.set_classes("pesan -peringatan")
            elif hasil.catatan.get(f.nama):
                pesan.update(Text(hasil.catatan[f.nama]))
                pesan.set_classes("pesan -catatan")
            else:
                pesan.update("")
                pesan.set_classes("pesan")

    # ---- change tracking & autosave -----------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    @on(Checkbox.Changed)
    def _berubah(self, event: Any) -> None:
        if not self._siap_mendengar:
            return
        widget = event.control
        if widget is not None and widget.id and widget.id.startswith("f-"):
            self._disentuh.add(widget.id[2:])
        mentah = self.mentah()
        self._atur_tampil(mentah)
        self._tampilkan(self._validasi(mentah), semua=self._sudah_coba_simpan)
        self._peringatan_diterima = None
        sisa = self._debounce.changed()
        if sisa <= 0:
            self.simpan_draft()  # due now (or no debounce: every change is written)
        elif self._timer is None:  # one timer, not one per key: it re-arms when it fires
            self._timer = self.set_timer(sisa, self._jatuh_tempo)

    def _jatuh_tempo(self) -> None:
        self._timer = None
        if not self._debounce.tertunda:
            return
        sisa = self._debounce.sisa()
        if sisa > 0:  # typed again meanwhile: wait for the pause, or the maximum wait
            self._timer = self.set_timer(sisa, self._jatuh_tempo)
        else:
            self.simpan_draft()

    def simpan_draft(self) -> None:
        """Persist what is on screen now (debounced; also called before closing)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._debounce.written()
        mentah = self.mentah()
        if mentah == self._awal and not self.siap.dipulihkan:
            return
        self._tulis_draft(mentah)

    def _tulis_draft(self, mentah: dict[str, Any]) -> None:
        """Write on the app, not the screen, so closing the form cannot cancel it; each
        write takes the newest snapshot under a lock, so a slow older write can never
        land after a newer one."""
        self._draft_terbaru = mentah
        backend, siap, app = self.backend, self.siap, self.app

        def tulis() -> None:
            with self._draft_lock:
                if self._draft_selesai:
                    return  # saved or discarded meanwhile: never resurrect the draft
                isi = self._draft_terbaru
                try:
                    backend.simpan_draft(siap.kunci, siap.spec.id, siap.judul, isi)
                except Exception as exc:  # noqa: BLE001  (shown, never fatal)
                    catat_galat(exc, "form.draf")
                    app.call_from_thread(app.notify, pesan_galat(exc, "Draf gagal disimpan"),
                                         severity="error")

        app.run_worker(tulis, thread=True, group="draft", exit_on_error=False)

    # ---- actions ------------------------------------------------------------------

    def action_simpan(self) -> None:
        hasil = self._validasi(self.mentah())
        self._sudah_coba_simpan = True
        self._tampilkan(hasil, semua=True)
        if not hasil.ok:
            pertama = next(f for f in self.siap.spec.fields if f.nama in hasil.galat)
            self.query_one(f"#{widget_id(pertama.nama)}").focus()
            self._status(f"Belum tersimpan: {len(hasil.galat)} isian perlu diperbaiki (merah).", "-galat")
            return
        if hasil.peringatan and hasil.peringatan != self._peringatan_diterima:
            self._peringatan_diterima = dict(hasil.peringatan)
            self._status("Ada peringatan (kuning). Ctrl+S sekali lagi untuk tetap menyimpan.",
                         "-peringatan")
            return
        self._status("Menyimpan…", "")
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._debounce.written()
        self._simpan(hasil.nilai, self.mentah())

    @work(thread=True, exclusive=True, group="simpan", exit_on_error=False)
    def _simpan(self, nilai: dict[str, Any], mentah: dict[str, Any]) -> Tersimpan:
        """Write the draft first, in its own transaction: if the app dies during the
        save, what was typed is still there at the next start."""
        with self._draft_lock:
            try:
                self.backend.simpan_draft(self.siap.kunci, self.siap.spec.id, self.siap.judul,
                                          mentah)
            except Exception as exc:  # noqa: BLE001  (the save itself may still succeed)
                catat_galat(exc, "form.simpan_draft_sebelum_simpan")
            self._draft_selesai = True
            try:
                return self.backend.simpan(self.siap, nilai)
            except BaseException:
                self._draft_selesai = False  # not saved: keep autosaving the draft
                raise

    @on(Worker.StateChanged)
    def _worker_selesai(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "simpan" and event.state == WorkerState.SUCCESS:
            self.dismiss(worker.result)
        elif event.state == WorkerState.ERROR and worker.error is not None:
            awalan = "Draf gagal dibuang" if worker.group == "buang" else "Gagal menyimpan"
            catat_galat(worker.error, f"form.{worker.group}")
            teks = pesan_galat(worker.error, awalan)
            if "tidak hilang" not in teks:
                teks += " Isian tidak hilang; coba lagi."
            self._status(teks, "-galat")

    def _status(self, text: str, kelas: str) -> None:
        status = self.query_one("#status", Static)
        status.update(Text(text))
        status.set_classes(kelas)

    def action_tutup(self) -> None:
        if self.mentah() == self._awal and not self.siap.dipulihkan:
            self.dismiss(None)
            return

        def pilih(jawab: str | None) -> None:
            if jawab == "simpan_draf":
                self.simpan_draft()
                self.dismiss(None)
            elif jawab == "buang":
                self._buang_lalu_tutup()

        self.app.push_screen(
            Konfirmasi(
                "Tutup formulir ini? Isian yang belum disimpan tetap ada sebagai draf "
                "dan bisa dilanjutkan nanti.",
                [("simpan_draf", "Tutup, simpan draf"), ("buang", "Buang isian"),
                 ("kembali", "Kembali")],
            ),
            pilih,
        )

    @work(thread=True, exclusive=True, group="buang", exit_on_error=False)
    def _buang_lalu_tutup(self) -> None:
        with self._draft_lock:
            self._draft_selesai = True
            self.backend.hapus_draft(self.siap.kunci)
        self.app.call_from_thread(self.dismiss, None)
