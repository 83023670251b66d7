"""The one generic form screen: renders any `screens/*.toml` spec.

Messages sit beside each field (error, warning, note). Every change is saved as a
draft after a short pause (and at most `MAKS_TUNGGU_DRAF` seconds after the first
unsaved change, however fast she types), in a worker, so the officer never waits and
nothing typed is lost if the laptop dies. Saving runs the domain service in a worker
too, after writing the draft once more.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Size
from textual.timer import Timer
from textual.widget import Widget
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
from ppa_tui.domain.forms import medan_terkait, periksa_form, periksa_sebagian
from ppa_tui.galat import catat_galat, pesan_galat
from ppa_tui.tui.aksi import Aksi, LayarBeraksi, bindings
from ppa_tui.tui.screens.dialogs import Konfirmasi
from ppa_tui.tui.widgets import PitaJam
from ppa_tui.tui.widgets.fields import baca_widget, buat_widget, widget_id

if TYPE_CHECKING:
    from ppa_tui.backend import Backend, FormSiap, Tersimpan
    from ppa_tui.domain.forms import HasilValidasi

MAKS_TUNGGU_DRAF = 2.0  # seconds: a draft is never older than this while typing


class MasukanForm(Input):
    """An `Input` whose typing does not relayout the whole form.

    Input sets its scrollable width (`virtual_size`) to the text's width on every
    change, and each change of it is a relayout of the screen: one widget in a bare
    app, some sixty in a form, most of a keystroke's time. Here that width grows in
    steps of `LANGKAH` cells (from the placeholder's width), so typing relayouts once
    per step, not once per key.
    Cursor scrolling is unchanged (it only scrolls as far as the cursor needs)."""

    LANGKAH = 32

    @property
    def content_width(self) -> int:
        # Never narrower than the placeholder, so the first key does not relayout either.
        lebar = max(self._value.cell_len + 1, cell_len(self.placeholder))
        return -(-lebar // self.LANGKAH) * self.LANGKAH


class FormScreen(LayarBeraksi):
    """Fill in one form; dismisses with what was saved, or None when closed."""

    CSS_PATH = "form.tcss"
    AKSI = (
        Aksi("ctrl+s", "simpan", "Simpan",
             "Simpan formulir; bila ada peringatan (kuning), Ctrl+S sekali lagi", prioritas=True),
        Aksi("escape", "tutup", "Tutup", "Tutup formulir: isian tetap ada sebagai draf"),
    )
    BINDINGS = bindings(AKSI)

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
        self._fields = siap.spec.fields
        self._field = {f.nama: f for f in self._fields}
        self._mentah: dict[str, Any] = dict(siap.mentah)  # raw values, one field per key
        self._widget: dict[str, Widget] = {}
        self._baris: dict[str, Widget] = {}
        self._pesan: dict[str, Static] = {}
        self._pesan_kini: dict[str, tuple[str, str]] = {}  # (text, classes) on screen
        self._tersembunyi: set[str] = set()  # fields whose condition does not hold
        self._terkait: dict[str, frozenset[str]] = {}
        self._jam_tamu = siap.spec.id == "buku_tamu"  # its clock follows what is typed
        if siap.salinan is not None:  # this form's copy key: Footer, F1 and palette
            salin = Aksi(siap.salinan.tombol, "salin", siap.salinan.judul,
                         f"{siap.salinan.judul} ke isian yang masih kosong")
            self.AKSI = (*self.AKSI, salin)
            self._bindings.bind(salin.kunci, salin.aksi, salin.label)

    # ---- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        if self.siap.kasus_id is not None or self._jam_tamu:
            clock = PitaJam(self.backend.clock, id="jam")
            if self._jam_tamu:
                clock.kosong = "Bukan pengaduan: tidak ada langkah SOP yang berjalan"
            clock.jam = self.siap.jam
            yield clock
        # Up here, not above the footer: a notification (bottom right) never hides it.
        yield Static("", id="status")
        with VerticalScroll(id="isian"):
            for i, bagian in enumerate(self.siap.spec.bagian):
                yield Static(bagian.judul, classes="bagian", id=f"bagian-{i}")
                for f in bagian.fields:
                    # Label and widget on one line, the message under it: siblings,
                    # not one more container per field (each widget costs on every
                    # keystroke's relayout). One line high where the widget is, so
                    # the relayout stops at this row.
                    satu = "" if f.jenis in {"teks_panjang", "pilihan_banyak"} else " -satu"
                    with Horizontal(classes="masukan" + satu, id=f"baris-{f.nama}"):
                        label = "" if f.jenis == "centang" else f.label + (" *" if f.wajib else "")
                        yield Label(label, classes="label")
                        widget = buat_widget(f, self.siap.mentah.get(f.nama), self.siap.konteks)
                        if type(widget) is Input:
                            widget.__class__ = MasukanForm  # same widget, no relayout per key
                        yield widget
                    yield Static("", classes="pesan", id=f"pesan-{f.nama}")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = self.siap.judul
        self.sub_title = "Ctrl+S simpan · Esc tutup (draf tetap tersimpan)"
        self._widget = {f.nama: self.query_one(f"#{widget_id(f.nama)}") for f in self._fields}
        self._baris = {f.nama: self.query_one(f"#baris-{f.nama}") for f in self._fields}
        self._pesan = {f.nama: self.query_one(f"#pesan-{f.nama}", Static) for f in self._fields}
        mentah = self.mentah()
        semua = [f.nama for f in self._fields]
        self._atur_tampil(semua)
        self._tampilkan(periksa_form(self.siap.spec, mentah, self.siap.konteks), semua, semua=False)
        for masukan in self.query(MasukanForm):  # its first width, in steps from now on
            masukan.virtual_size = Size(masukan.content_width, 1)
        for masukan in self.query(Input):
            masukan.select_on_focus = False  # one stray key must not erase an address
        if not self.backend.settings.kursor_kedip:
            for widget in self.query("Input, TextArea"):
                widget.cursor_blink = False
        self._widget[self._fields[0].nama].focus()
        if self.siap.dipulihkan:
            self.notify("Draf dipulihkan: isian terakhir ditampilkan kembali.", title="Draf")
        elif self.siap.draft_lain:
            self.notify(
                f"Ada {self.siap.draft_lain} draf {self.siap.spec.judul} lain yang belum "
                "tersimpan: buka dari daftar draf (d) di beranda.",
                title="Draf",
            )
        self.call_after_refresh(self._mulai_mendengar)

    def _mulai_mendengar(self) -> None:
        self._siap_mendengar = True

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Entering a filled field puts the cursor after its text, selecting nothing."""
        if isinstance(event.widget, Input):
            event.widget.cursor_position = len(event.widget.value)

    # ---- values & validation ------------------------------------------------------

    def mentah(self) -> dict[str, Any]:
        """Raw values of every field, as typed, read from the widgets (and kept as the
        cache that keystrokes update one field at a time)."""
        self._mentah = {nama: baca_widget(w) for nama, w in self._widget.items()}
        return dict(self._mentah)

    def _atur_tampil(self, nama: Iterable[str]) -> None:
        """Show only the fields whose condition holds (e.g. guardian data), and a
        section's title only while one of its fields shows."""
        spec = self.siap.spec
        berubah = False
        for n in nama:
            sembunyi = not spec.tampil(self._field[n], self._mentah)
            if sembunyi != (n in self._tersembunyi):
                berubah = True
                (self._tersembunyi.add if sembunyi else self._tersembunyi.discard)(n)
                self._baris[n].set_class(sembunyi, "-tersembunyi")
                self._pesan[n].set_class(sembunyi, "-tersembunyi")
        if berubah:
            for i, bagian in enumerate(spec.bagian):
                kosong = all(f.nama in self._tersembunyi for f in bagian.fields)
                self.query_one(f"#bagian-{i}").set_class(kosong, "-tersembunyi")

    def _tampilkan(self, hasil: HasilValidasi, nama: Iterable[str], *, semua: bool) -> None:
        """Show each field's message; a row whose text is unchanged is not touched (an
        update means a relayout of the whole form)."""
        for n in nama:
            galat = hasil.galat.get(n) if semua or n in self._disentuh else None
            if galat:
                self._tulis_pesan(n, f"✗ {galat}", "pesan -galat")
            elif n in hasil.peringatan:
                self._tulis_pesan(n, f"! {hasil.peringatan[n]}", "pesan -peringatan")
            elif hasil.catatan.get(n):
                self._tulis_pesan(n, hasil.catatan[n], "pesan -catatan")
            else:
                self._tulis_pesan(n, "", "pesan")

    def _tulis_pesan(self, nama: str, teks: str, kelas: str) -> None:
        lama = self._pesan_kini.get(nama, ("", "pesan"))
        if lama == (teks, kelas):
            return
        self._pesan_kini[nama] = (teks, kelas)
        pesan = self._pesan[nama]
        lebar = pesan.content_region.width
        # Same class, one line before and after: the row keeps its height, no relayout.
        satu_baris = (
            lama[1] == kelas
            and bool(lama[0])
            and bool(teks)
            and max(cell_len(lama[0]), cell_len(teks)) <= lebar
        )
        pesan.update(Text(teks), layout=not satu_baris)
        if lama[1] != kelas:
            pesan.set_classes(kelas + (" -tersembunyi" if nama in self._tersembunyi else ""))

    # ---- change tracking & autosave -----------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    @on(Checkbox.Changed)
    def _berubah(self, event: Any) -> None:
        widget = event.control
        nama = widget.id[2:] if widget is not None and widget.id else ""
        if self._widget.get(nama) is not widget:
            return
        self._mentah[nama] = baca_widget(widget)  # only the widget that changed is read
        if not self._siap_mendengar:
            return
        self._disentuh.add(nama)
        terkait = self._terkait.get(nama)
        if terkait is None:
            terkait = self._terkait[nama] = medan_terkait(self.siap.spec, nama)
        self._atur_tampil(terkait)
        hasil = periksa_sebagian(self.siap.spec, self._mentah, self.siap.konteks, nama, terkait)
        self._tampilkan(hasil, terkait, semua=self._sudah_coba_simpan)
        if self._jam_tamu:
            self._atur_jam_tamu(nama)
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

    def _atur_jam_tamu(self, nama: str) -> None:
        """The guest's clock follows the typed arrival time and purpose (pure, cached
        SOP: loaded by the worker that prepared the form)."""
        from ppa_tui.domain.jam_tamu import MEDAN_JAM, jam_tamu

        if nama in MEDAN_JAM:
            self.query_one("#jam", PitaJam).jam = jam_tamu(
                self.siap.spec, self._mentah, self.siap.konteks, self.backend.kalender
            )

    def simpan_draft(self, mentah: dict[str, Any] | None = None) -> None:
        """Persist what is on screen now (debounced; also called before closing). The
        autosave takes the values kept up to date by each change, not a full read."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._debounce.written()
        if mentah is None:
            mentah = dict(self._mentah)
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
                    app.call_from_thread(
                        app.notify, pesan_galat(exc, "Draf gagal disimpan"), severity="error"
                    )

        app.run_worker(tulis, thread=True, group="draft", exit_on_error=False)

    # ---- actions ------------------------------------------------------------------

    def action_simpan(self) -> None:
        mentah = self.mentah()
        hasil = periksa_form(self.siap.spec, mentah, self.siap.konteks)  # the full check
        self._sudah_coba_simpan = True
        semua = [f.nama for f in self._fields]
        self._atur_tampil(semua)
        self._tampilkan(hasil, semua, semua=True)
        if not hasil.ok:
            pertama = next(f for f in self._fields if f.nama in hasil.galat)
            self._widget[pertama.nama].focus()
            self._status(
                f"Belum tersimpan: {len(hasil.galat)} isian perlu diperbaiki (merah).", "-galat"
            )
            return
        if hasil.peringatan and hasil.peringatan != self._peringatan_diterima:
            self._peringatan_diterima = dict(hasil.peringatan)
            self._status(
                "Ada peringatan (kuning). Ctrl+S sekali lagi untuk tetap menyimpan.", "-peringatan"
            )
            return
        self._status("Menyimpan…", "")
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._debounce.written()
        self._simpan(hasil.nilai, mentah)

    @work(thread=True, exclusive=True, group="simpan", exit_on_error=False)
    def _simpan(self, nilai: dict[str, Any], mentah: dict[str, Any]) -> Tersimpan:
        """Write the draft first, in its own transaction: if the app dies during the
        save, what was typed is still there at the next start."""
        with self._draft_lock:
            try:
                self.backend.simpan_draft(
                    self.siap.kunci, self.siap.spec.id, self.siap.judul, mentah
                )
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

    def action_salin(self) -> None:
        """Copy fields from another record of the case (korban: the pelapor's address);
        each change is then checked and autosaved like typing."""
        salinan = self.siap.salinan
        if salinan is None:
            return
        if not self.siap.salin:
            self.notify(
                f"Belum ada data {salinan.sumber} yang tersimpan untuk disalin.", severity="warning"
            )
            return
        for nama, nilai in self.siap.salin.items():
            widget = self._widget.get(nama)
            if isinstance(widget, Input):
                widget.value = str(nilai)
            elif isinstance(widget, TextArea):
                widget.text = str(nilai)
            elif isinstance(widget, Select):
                widget.value = nilai
        self.notify(f"{salinan.judul}: selesai.")

    def action_tutup(self) -> None:
        if self.mentah() == self._awal and not self.siap.dipulihkan:
            self.dismiss(None)
            return

        def pilih(jawab: str | None) -> None:
            if jawab == "simpan_draf":
                self.simpan_draft(self.mentah())
                self.dismiss(None)
            elif jawab == "buang":
                self._buang_lalu_tutup()

        self.app.push_screen(
            Konfirmasi(
                "Tutup formulir ini? Isian yang belum disimpan tetap ada sebagai draf "
                "dan bisa dilanjutkan nanti.",
                [
                    ("simpan_draf", "Tutup, simpan draf"),
                    ("buang", "Buang isian"),
                    ("kembali", "Kembali"),
                ],
            ),
            pilih,
        )

    @work(thread=True, exclusive=True, group="buang", exit_on_error=False)
    def _buang_lalu_tutup(self) -> None:
        with self._draft_lock:
            self._draft_selesai = True
            self.backend.hapus_draft(self.siap.kunci)
        self.app.call_from_thread(self.dismiss, None)
