"""Home: today's buku tamu, the open cases with their running SOP step, and drafts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Label, Static

from ppa_tui.tui.aksi import Aksi, bindings
from ppa_tui.tui.screens.launcher import FormLauncher
from ppa_tui.tui.screens.saring_beranda import SaringKasus
from ppa_tui.tui.widgets.tabel import Tabel, baris_kursor, ke_baris

if TYPE_CHECKING:
    from ppa_tui.backend import Backend, Tersimpan
    from ppa_tui.domain.daftar import HalamanKasus
    from ppa_tui.domain.views import Beranda

IZIN = {"pengguna": "kelola_pengguna", "jejak_audit": "baca_audit"}
"""Home's keys that only some roles may use (`data/akses.toml`)."""


class HomeScreen(SaringKasus, FormLauncher):
    """The desk's first screen; draws from a `Beranda` loaded in a worker."""

    CSS_PATH = "home.tcss"
    AKSI = (
        Aksi("t", "tamu_baru", "Tamu baru",
             "Catat tamu di buku tamu; keperluan pengaduan langsung membuka kasus"),
        Aksi("r", "rujukan_masuk", "Rujukan",
             "Rujukan masuk dari kab/kota: kasus dibuka langsung di jalur rujukan"),
        Aksi("enter", "buka", "Buka", "Buka kasus baris yang dipilih", footer=False),
        Aksi("k", "catat_keluar", "Catat keluar", "Catat waktu keluar tamu yang dipilih"),
        Aksi("a", "jadikan_pengaduan", "Jadikan pengaduan",
             "Tamu konsultasi/informasi ternyata mengadu: buka kasus sejak ia datang"),
        Aksi("d", "draft", "Draf", "Lanjutkan isian yang belum tersimpan"),
        # the Footer is full when the guest table has the focus: these are on the legend
        # beside the buku tamu's title instead (the case table's title is its filter tabs)
        Aksi("b", "papan", "Terlambat",
             "Papan terlambat: langkah SOP dan penampungan yang lewat batas, semua kasus",
             footer=False, legenda=1),
        Aksi("s", "semua_kasus", "Semua kasus",
             "Daftar semua kasus, juga yang sudah ditutup, disaring menurut status",
             footer=False, legenda=1),
        Aksi("m", "mutu", "Mutu baku",
             "Kepatuhan SOP per langkah: selesai, tepat waktu, median dan P90 per periode",
             footer=False, legenda=1),
        Aksi("f5", "muat", "Muat ulang",
             "Baca ulang dari basis data (biasanya otomatis tiap detik)", footer=False),
        Aksi("i", "ikhtisar", "Ikhtisar",
             "Ikhtisar: kasus per status dan langkah, yang terlambat, bulan ini dan bulan "
             "lalu, jenis kekerasan, kab/kota, usia korban", footer=False, legenda=1),
        Aksi("1", "saring('aktif')", "Saring aktif",
             "Tabel kasus: kasus aktif, tenggat terdekat dulu", footer=False),
        Aksi("2", "saring('selesai')", "Saring selesai",
             "Tabel kasus: kasus yang sudah ditutup, terbaru dulu", footer=False),
        Aksi("3", "saring('semua')", "Saring semua", "Tabel kasus: semua kasus, terbaru dulu",
             footer=False),
        Aksi("4", "saring('terlambat')", "Saring terlambat",
             "Tabel kasus: kasus aktif yang langkahnya lewat batas waktu", footer=False),
        Aksi("f", "ganti_saring", "Saring",
             "Ganti saringan tabel kasus: aktif, selesai, semua, terlambat", footer=False),
        # not on the legend: beside "Buku tamu hari ini" it would need 83 columns
        Aksi("l", "laporan", "Laporan",
             "Rekap bulanan/tahunan SIMFONI-PPA (XLSX, CSV, PDF); belum diinput",
             footer=False),
        Aksi("p", "pengguna", "Akun pengguna",
             "Akun pengguna: tambah, nonaktifkan, atur ulang kata sandi (Kepala, Admin)",
             footer=False),
        Aksi("j", "jejak_audit", "Log audit",
             "Log audit: siapa melihat dan mengubah apa, dan periksa keutuhannya (Kepala)",
             footer=False),
        Aksi("slash", "app.cari", "Cari", "Cari kasus: nama, NIK, telepon, nomor (juga Ctrl+F)",
             palet=False),
        Aksi("q", "app.quit", "Keluar", "Tutup aplikasi"),
    )
    BINDINGS = bindings(AKSI)
    SESUDAH_TAMPIL = 0.25  # seconds after the first rows: the rest, then the database

    @dataclass
    class Dimuat(Message):
        beranda: Beranda
        halaman: HalamanKasus | None = None  # the "selesai"/"semua" filter's rows

    @dataclass
    class Dihitung(Message):
        jumlah: dict[str, int]

    @dataclass
    class Gagal(Message):
        pesan: str

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        self.data: Beranda | None = None
        self._tawarkan_draft = True
        self._fokus_tamu: str | None = None  # a guest just saved: her row gets the focus
        self._kursor: tuple[str | None, str | None] = (None, None)
        self._versi: int | None = None  # the database's version what is shown was read at
        self.saring = "aktif"  # which cases the case table shows (`SARING`)
        self.jumlah: dict[str, int] = {}  # cases per filter, from a read after the rows
        self._halaman: HalamanKasus | None = None  # the rows of "selesai" or "semua"
        self._tampil: list = []  # the case table's rows, in order (all, not only drawn)

    def compose(self) -> ComposeResult:
        # Rows read while Textual started (`Backend.mulai_beranda`) go straight into
        # the first frame; otherwise a worker loads them after it.
        self.data = data = self.backend.beranda_siap()
        yield Header()
        yield Static(self._ringkasan(data) if data else "Membuka basis data…", id="ringkas")
        with Horizontal(id="judul-tamu"):
            yield Label("Buku tamu hari ini", classes="judul")
            yield Static(self.legenda(1), id="legenda")
        tamu = Tabel(id="tamu")
        tamu.add_column("Masuk", key="masuk", width=5)
        tamu.add_column("Nama", key="nama", width=22)
        tamu.add_column("Keperluan", key="keperluan", width=10)
        tamu.add_column("Keluar", key="keluar", width=6)
        tamu.add_column("Kasus", key="kasus", width=15)  # PPA/2026/NNNNNN whole
        yield tamu
        with Horizontal(id="judul-kasus"):
            yield Static(self._teks_saring(), id="saring")
            yield Static(self._teks_urutan(), id="urutan")
        kasus = Tabel(id="kasus")
        kasus.add_column("Nomor", key="nomor", width=15)
        kasus.add_column("Korban", key="korban", width=12)
        kasus.add_column("Langkah", key="langkah", width=26)
        kasus.add_column("Sisa jam kerja", key="sisa", width=15)
        if data is not None:
            self._tambah_baris(data, 0, self._layar(), tamu, kasus)
        yield kasus
        yield Footer(compact=True)

    def on_resize(self) -> None:
        """Names get the room a wider terminal gives (80 columns is the floor)."""
        lebih = max(0, self.size.width - 80)
        self.query_one("#tamu", Tabel).atur_lebar({"nama": 22 + lebih})
        self.query_one("#kasus", Tabel).atur_lebar(
            {"korban": 12 + lebih * 2 // 3, "langkah": 26 + lebih - lebih * 2 // 3})

    def on_mount(self) -> None:
        self.title = "PPA · UPTD PPA Kep. Bangka Belitung"
        if self.backend.akun is None:  # else the app's: who logged in
            self.sub_title = f"Petugas: {self.backend.settings.petugas}"
        self.query_one("#kasus", DataTable).focus()
        if self.data is not None:  # already on screen: finish what a load does
            self._setelah_muat(self.data)
        elif self.backend.baca_ringan:  # a light read: alongside the first frame
            self.action_muat()
        else:  # the ORM's imports would hold the first frame back: after it
            self.call_after_refresh(self.action_muat)
        self.set_interval(1.0, self._tick)
        self.set_interval(1.0, self._awasi)

    # ---- loading ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="muat", exit_on_error=False)
    def action_muat(self) -> None:
        saring = self.saring
        try:
            if not self.backend.terbuka:
                data = self.backend.beranda()
                if not self.backend.terbuka:  # from the light reader: the watch starts
                    self.post_message(self.Dimuat(data, self._baca_halaman(saring)))
                    return  # after the warm-up's reload, and so do the counts
            versi = self.backend.versi_data()  # before the read: a change during it shows next
            self.post_message(self.Dimuat(self.backend.beranda(), self._baca_halaman(saring)))
            self._versi = versi
            # after the rows, never before them: counting reads an index of every case
            self.post_message(self.Dihitung(self.backend.hitung_beranda()))
        except Exception as exc:  # noqa: BLE001  (shown on screen, never fatal)
            from ppa_tui.galat import laporkan
            self.post_message(self.Gagal(laporkan(exc, "beranda.muat")))

    def _baca_halaman(self, saring: str) -> HalamanKasus | None:
        """The newest cases of "selesai" or "semua" (a page of the list of every case)."""
        if saring not in ("selesai", "semua"):
            return None
        return self.backend.daftar_kasus(saring, None, hitung=False)

    @property
    def siap_penuh(self) -> bool:
        """Home has read from the open database and watches it: every row is in."""
        data = self.data
        return (self._versi is not None and data is not None
                and (self.saring not in ("selesai", "semua") or self._halaman is not None)
                and self.query_one("#kasus", DataTable).row_count == len(self._tampil))

    @on(Gagal)
    def _gagal(self, event: Gagal) -> None:
        self.query_one("#ringkas", Static).update(
            Text(f"Basis data tidak bisa dibuka: {event.pesan}", style="bold red"))

    @on(Dimuat)
    def _dimuat(self, event: Dimuat) -> None:
        self.data = data = event.beranda
        halaman = event.halaman
        self._halaman = halaman if halaman is not None and halaman.status == self.saring else None
        self.query_one("#kasus", DataTable).loading = False
        tamu, kasus = self.query_one("#tamu", DataTable), self.query_one("#kasus", DataTable)
        # a reload (another desk's change) keeps her place; a guest just saved gets it
        self._kursor = (self._fokus_tamu or baris_kursor(tamu), baris_kursor(kasus))
        tamu.clear()
        kasus.clear()
        self._tambah_baris(data, 0, self._layar())
        self.query_one("#ringkas", Static).update(self._ringkasan(data))
        self._setelah_muat(data)

    def _setelah_muat(self, data: Beranda) -> None:
        self.refresh_bindings()
        tawarkan, self._tawarkan_draft = self._tawarkan_draft, False  # once, at start
        if tawarkan and data.draft:
            self.action_draft()
        # Once the frame with the first screenful is out: the rows below the fold
        # (unseen before a scroll anyway), then the full database if the rows came
        # from the light path. Neither may compete with drawing that frame.
        self.set_timer(self.SESUDAH_TAMPIL, lambda: self._sesudah_tampil(data))

    def _sesudah_tampil(self, data: Beranda) -> None:
        if data is not self.data:
            return  # a newer load has taken over
        self._tambah_baris(data, self._layar(), None)
        if not self.backend.terbuka:
            self._warm_up()

    def _layar(self) -> int:
        return max(self.app.size.height, 24)

    def _ringkasan(self, data: Beranda) -> str:
        from ppa_tui.tui.screens.mutakhir import angka

        aktif = self.jumlah.get("aktif", len(data.kasus))
        return (f"{len(data.tamu)} tamu hari ini · {angka(aktif)} kasus aktif"
                + (f" · {len(data.draft)} draf belum tersimpan (d)" if data.draft else ""))

    @on(Dihitung)
    def _dihitung(self, event: Dihitung) -> None:
        self.jumlah = event.jumlah
        self._judul_kasus()
        if self.data is not None:
            self.query_one("#ringkas", Static).update(self._ringkasan(self.data))

    def _tambah_baris(self, data: Beranda, awal: int, akhir: int | None,
                      tamu: DataTable | None = None, kasus: DataTable | None = None) -> None:
        if data is not self.data:
            return  # a newer load has replaced these rows
        zona = self.backend.zona
        tamu = self.query_one("#tamu", DataTable) if tamu is None else tamu
        kasus = self.query_one("#kasus", DataTable) if kasus is None else kasus
        for t in data.tamu[awal:akhir]:
            tamu.add_row(
                f"{t.waktu_masuk.astimezone(zona):%H:%M}", Text(t.nama or "(tanpa nama)"),
                t.keperluan,
                f"{t.waktu_keluar.astimezone(zona):%H:%M}" if t.waktu_keluar else "—",
                t.nomor_register, key=str(t.id),
            )
        if awal == 0:
            self._tampil = self._baris_kasus(data)
        self._tambah_kasus(kasus, awal, akhir)
        if awal == 0:  # the rows below the fold must not move a cursor moved meanwhile
            ke_baris(tamu, self._kursor[0])
            ke_baris(kasus, self._kursor[1])
        if self._fokus_tamu is not None and self._fokus_tamu in tamu.rows:
            tamu.focus()  # so `k` (catat keluar) works at once
            self._fokus_tamu = None

    @work(thread=True, exclusive=True, group="warm-up", exit_on_error=False)
    def _warm_up(self) -> None:
        from ppa_tui.galat import catat_galat, pesan_galat

        try:
            self.backend.warm_up()
        except Exception as exc:  # noqa: BLE001  (shown on screen, never fatal)
            catat_galat(exc, "home.warm_up")
            self.post_message(self.Gagal(pesan_galat(exc)))
            return
        self.app.call_from_thread(self.action_muat)  # the watcher's baseline, from the ORM

    def _sisa(self, jam) -> Text:  # noqa: ANN001
        from ppa_tui.domain.clock import StatusJam

        if jam is None:
            return Text("—")
        bacaan = jam.baca(self.backend.clock.now())
        style = {StatusJam.PERINGATAN: "bold yellow", StatusJam.TERLAMBAT: "bold red"}
        return Text(bacaan.ringkas, style=style.get(bacaan.status, ""))

    def _tick(self) -> None:
        if self.data is None:
            return
        if self.saring not in ("aktif", "terlambat"):
            return  # dates, not clocks
        table = self.query_one("#kasus", DataTable)
        for k in self._tampil[:table.row_count]:  # rows are added in this order
            table.update_cell(str(k.id), "sisa", self._sisa(k.jam))

    def _awasi(self) -> None:
        """Another desk's change shows within 2 s without a key; the check runs in a
        worker, and nothing reloads when nothing changed."""
        if self.is_current and self._versi is not None:
            self._periksa_perubahan()

    @work(thread=True, exclusive=True, group="awasi", exit_on_error=False)
    def _periksa_perubahan(self) -> None:
        if self.backend.versi_data() != self._versi:
            self.app.call_from_thread(self.action_muat)

    # ---- actions ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in IZIN:
            return self.backend.boleh(IZIN[action])
        if action == "draft":
            return bool(self.data and self.data.draft)
        if action == "catat_keluar":
            return self.focused is self.query_one("#tamu") and bool(self.data and self.data.tamu)
        if action == "jadikan_pengaduan":
            tamu = self._tamu_terpilih()
            return tamu is not None and tamu.kasus_id is None
        if action == "buka":
            return self.data is not None and (
                bool(self.query_one("#kasus", DataTable).row_count)
                if self.focused is self.query_one("#kasus") else bool(self.data.tamu))
        return True

    def _tamu_terpilih(self):  # noqa: ANN202
        """The guest under the cursor when the guest table has the focus."""
        table = self.query_one("#tamu", DataTable)
        if self.data is None or self.focused is not table:
            return None
        key = baris_kursor(table)
        return next((t for t in self.data.tamu if str(t.id) == key), None)

    def action_buka(self) -> None:
        table = self.focused
        if isinstance(table, DataTable) and table.row_count:
            self._buka_baris(table, baris_kursor(table))

    def action_jadikan_pengaduan(self) -> None:
        from ppa_tui.tui.screens.dialogs import Konfirmasi

        tamu = self._tamu_terpilih()
        if tamu is None or tamu.kasus_id is not None:
            return
        nama = tamu.nama or "tamu ini"
        self.app.push_screen(
            Konfirmasi(f"Jadikan {nama} pengaduan? Kasus baru dibuka dan langkah 1 dihitung "
                       "sejak ia datang.", [("ya", "Ya, buka kasus"), ("kembali", "Kembali")]),
            lambda jawab: self._jadikan(tamu.id) if jawab == "ya" else None,
        )

    @work(thread=True, group="tulis", exit_on_error=False)
    def _jadikan(self, tamu_id: uuid.UUID) -> None:
        from ppa_tui.galat import laporkan

        try:
            hasil = self.backend.jadikan_pengaduan(tamu_id)
        except Exception as exc:  # noqa: BLE001  (shown, never fatal)
            self.app.call_from_thread(self.notify, laporkan(exc, "beranda.jadikan_pengaduan",
                                      "Gagal membuka kasus"), severity="error", markup=False)
            return
        self.app.call_from_thread(self.form_tersimpan, hasil)

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_tamu_baru(self) -> None:
        self.buka_form("buku_tamu")

    def action_rujukan_masuk(self) -> None:
        self.buka_form("rujukan_masuk")

    @on(DataTable.RowSelected)
    def _baris_dipilih(self, event: DataTable.RowSelected) -> None:
        self._buka_baris(event.data_table, event.row_key.value)

    def _buka_baris(self, table: DataTable, key: str | None) -> None:
        if key is None or self.data is None:
            return
        if table.id == "tamu":
            tamu = next((t for t in self.data.tamu if str(t.id) == key), None)
            if tamu is None or tamu.kasus_id is None:
                self.notify("Tamu ini tidak membuat pengaduan, jadi tidak punya kasus.")
                return
            key = str(tamu.kasus_id)
        self.buka_kasus(uuid.UUID(key))

    def buka_kasus(self, kasus_id: uuid.UUID) -> None:
        from ppa_tui.tui.screens.kasus import KasusScreen

        self.app.push_screen(KasusScreen(self.backend, kasus_id), lambda _: self.action_muat())

    def action_papan(self) -> None:
        from ppa_tui.tui.screens.papan import PapanTerlambat

        self.app.push_screen(PapanTerlambat(self.backend), lambda _: self.action_muat())

    def action_semua_kasus(self) -> None:
        from ppa_tui.tui.screens.daftar import DaftarKasus

        self.app.push_screen(DaftarKasus(self.backend), lambda _: self.action_muat())

    def action_mutu(self) -> None:
        from ppa_tui.tui.screens.mutu import MutuBaku

        self.app.push_screen(MutuBaku(self.backend))

    def action_ikhtisar(self) -> None:
        from ppa_tui.tui.screens.ikhtisar import IkhtisarLayar

        self.app.push_screen(IkhtisarLayar(self.backend), lambda _: self.action_muat())

    def action_pengguna(self) -> None:
        from ppa_tui.tui.screens.pengguna import DaftarPengguna

        self.app.push_screen(DaftarPengguna(self.backend))

    def action_jejak_audit(self) -> None:
        from ppa_tui.tui.screens.audit import LogAudit

        self.app.push_screen(LogAudit(self.backend))

    def action_laporan(self) -> None:
        from ppa_tui.tui.screens.laporan import LaporanRekap

        self.app.push_screen(LaporanRekap(self.backend), lambda _: self.action_muat())

    @work(thread=True, group="tulis", exit_on_error=False)
    def action_catat_keluar(self) -> None:
        table = self.query_one("#tamu", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        try:
            self.backend.catat_keluar(uuid.UUID(key))
        except Exception as exc:  # noqa: BLE001
            from ppa_tui.galat import laporkan
            self.app.call_from_thread(self.notify, laporkan(exc, "beranda.catat_keluar",
                                      "Gagal mencatat keluar"), severity="error", markup=False)
            return
        self.app.call_from_thread(self.notify, "Waktu keluar tamu dicatat.")
        self.action_muat()

    def action_draft(self) -> None:
        from ppa_tui.tui.screens.dialogs import DaftarDraft

        if not (self.data and self.data.draft):
            return
        self.app.push_screen(DaftarDraft(self.data.draft, self.backend.zona), self._lanjutkan_draft)

    def _lanjutkan_draft(self, kunci: str | None) -> None:
        from ppa_tui.backend import urai_kunci

        if kunci is None:
            return
        try:
            form_id, kasus_id, target_id = urai_kunci(kunci)
        except ValueError:
            self.notify("Draf ini rusak dan tidak bisa dibuka.", severity="error")
            return
        self.buka_form(form_id, kasus_id, target_id, kunci=kunci)

    def form_tersimpan(self, hasil: Tersimpan) -> None:
        self.action_muat()
        if hasil.form_id in {"buku_tamu", "rujukan_masuk"} and hasil.kasus_id is not None:
            self.notify(f"Kasus baru {hasil.nomor_register} dibuka; langkah 1 berjalan.")
            self.buka_kasus(hasil.kasus_id)
        else:
            if hasil.form_id == "buku_tamu":  # so `k` (catat keluar) works at once
                self._fokus_tamu = str(hasil.id)
            self.notify("Tersimpan.")

    def form_ditutup(self) -> None:
        self.action_muat()
