"""One case: every running SOP clock, the step history, what has been recorded, and
keys to record more, finish steps, print and close."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Label, Static

from ppa_tui.domain.berkas import potong
from ppa_tui.tui.aksi import Aksi, bindings
from ppa_tui.tui.screens.launcher import FormLauncher
from ppa_tui.tui.widgets import PitaJam
from ppa_tui.tui.widgets.tabel import Tabel, baris_kursor

if TYPE_CHECKING:
    from ppa_tui.backend import Backend, Tersimpan
    from ppa_tui.domain.berkas import Berjalan, KasusDetail

def _data(kunci: str, aksi: str, label: str, keterangan: str, baris: int = 1) -> Aksi:
    return Aksi(kunci, aksi, label, keterangan, footer=False, legenda=baris)


class KasusScreen(FormLauncher):
    """The case file at the desk. Forms open on top; this screen reloads after each."""

    CSS_PATH = "kasus.tcss"
    AKSI = (
        Aksi("n", "langkah_selesai", "Langkah selesai",
             "Langkah SOP yang dipilih (atau yang berjalan) selesai; langkah berikutnya "
             "dimulai (dengan konfirmasi)"),
        _data("p", "form('pelapor')", "Pelapor", "Isi atau ubah data pelapor"),
        _data("k", "form('korban')", "+Korban", "Tambah korban"),
        _data("l", "form('pelaku')", "+Pelaku", "Tambah pelaku"),
        _data("j", "form('kejadian')", "Kejadian", "Waktu, tempat, bentuk kekerasan, kronologi"),
        _data("s", "form('persetujuan')", "Persetujuan",
              "Persetujuan pemberian informasi (korban anak: oleh orang tua/wali)"),
        _data("a", "form('asesmen')", "Asesmen", "Kebutuhan dan tingkat risiko"),
        _data("r", "form('rencana')", "+Rencana", "Tambah rencana intervensi"),
        _data("u", "mulai_pendampingan", "Pendampingan",
              "Mulai SOP Pendampingan untuk rencana yang dipilih (jamnya sendiri)", 2),
        _data("i", "form('disposisi')", "Disposisi", "Lembar disposisi Kepala UPTD PPA", 2),
        _data("g", "form('penampungan')", "Asrama",
              "Asrama: penampungan sementara (maks. 14 hari)", 2),
        _data("m", "mediasi", "Mediasi", "Sesi mediasi, berita acara dan kesepakatan", 2),
        _data("e", "form('catatan')", "Catatan",
              "Catatan kegiatan: rekomendasi, pendampingan, pemantauan", 2),
        _data("c", "cetak", "Cetak", "Cetak dokumen SOP kasus ini ke PDF", 2),
        _data("x", "tutup_kasus", "Tutup", "Tutup kasus (terminasi), dengan daftar periksa", 2),
        Aksi("o", "form('buka_kembali')", "Buka kembali",
             "Buka kembali kasus yang sudah ditutup (dengan alasan)"),
        Aksi("t", "tugaskan", "Petugas",
             "Tugaskan petugas ke kasus ini: ia melihat data pribadinya (Kasi, Kepala)",
             footer=False),
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
        yield Label("Langkah SOP (n: selesaikan yang dipilih)", classes="judul")
        langkah = Tabel(id="langkah")
        langkah.add_column("Alur", key="alur", width=13)
        langkah.add_column("Langkah", key="label", width=27)
        langkah.add_column("Status", key="status", width=34)
        yield langkah
        yield Label("Data kasus (Enter: buka untuk mengisi/mengubah)", classes="judul")
        yield Static(self.legenda(1), id="legenda")
        yield Static(self.legenda(2), id="legenda2")
        butir = Tabel(id="butir")
        butir.add_column("Data", key="judul", width=12)
        butir.add_column("Ringkasan", key="ringkas", width=60)
        yield butir
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Kasus"
        self.query_one("#butir").focus()
        self._buka()
        self.set_interval(1.0, self._awasi)
        self.set_interval(1.0, self._tick)

    # ---- opening: logged once; a masked case only with a reason ----------------------

    @work(thread=True, exclusive=True, group="muat", exit_on_error=False)
    def _buka(self) -> None:
        """Opening the case's personal data is written to the audit log, once per
        opening (not per reload). A case that is not hers is masked: she is asked
        why first (`AlasanBuka`), and Esc leaves without reading anything."""
        try:
            if self.backend.perlu_alasan(self.kasus_id):
                self.app.call_from_thread(self._tanya_alasan)
                return
            self.backend.buka_kasus(self.kasus_id)
        except Exception as exc:  # noqa: BLE001
            self._gagal_buka(exc)
            return
        self.muat()

    def _tanya_alasan(self) -> None:
        from ppa_tui.tui.screens.dialogs import AlasanBuka

        self.app.push_screen(AlasanBuka(), self._dengan_alasan)

    def _dengan_alasan(self, alasan: str | None) -> None:
        if alasan is None:
            self.dismiss(None)  # nothing was shown, nothing is logged
        else:
            self._buka_dengan_alasan(alasan)

    @work(thread=True, exclusive=True, group="muat", exit_on_error=False)
    def _buka_dengan_alasan(self, alasan: str) -> None:
        try:
            self.backend.buka_kasus(self.kasus_id, alasan)
        except Exception as exc:  # noqa: BLE001
            self._gagal_buka(exc)
            return
        self.muat()

    def _gagal_buka(self, exc: Exception) -> None:
        from ppa_tui.tui.screens.masuk import pesan_dari

        pesan = pesan_dari(exc, "kasus.buka")
        self.app.call_from_thread(self.query_one("#kepala", Static).update,
                                  Text(f"Kasus tidak dibuka: {pesan}", style="bold red"))

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
            f"{detail.waktu_diterima.astimezone(zona):%d-%m-%Y %H:%M}"))
        clock = self.query_one("#jam", PitaJam)
        clock.kosong = detail.keadaan or "Tidak ada langkah SOP yang berjalan"
        clock.jam = detail.jam
        table = self.query_one("#butir", DataTable)
        row = table.cursor_row
        table.clear()
        for b in detail.butir:
            table.add_row(b.judul, Text(b.ringkas), key=b.kunci)
        if detail.butir:
            table.move_cursor(row=min(row, table.row_count - 1))
        steps = self.query_one("#langkah", DataTable)
        baris = steps.cursor_row
        steps.clear()
        gaya = {True: "green", False: "bold red"}
        for s in detail.langkah:
            bacaan = s.bacaan
            style = gaya.get(bacaan.tepat_waktu, "") if s.berjalan is None else "bold"
            steps.add_row(Text(potong(s.alur, 13)), Text(s.label),
                          Text(bacaan.teks, style=style), key=s.kunci)
        if detail.langkah:
            steps.move_cursor(row=min(baris, steps.row_count - 1))
        self.refresh_bindings()

    def _tick(self) -> None:
        """Every running countdown moves together: the ribbon and each running row,
        all read from the stored times."""
        from ppa_tui.domain.clock import StatusJam

        detail = self.detail
        if detail is None or not detail.berjalan:
            return
        self.query_one("#jam", PitaJam).tick()
        table = self.query_one("#langkah", DataTable)
        now = self.backend.clock.now()
        for b in detail.berjalan:
            bacaan = b.jam.baca(now)
            style = {StatusJam.PERINGATAN: "bold yellow", StatusJam.TERLAMBAT: "bold red"}
            table.update_cell(b.kunci, "status",
                              Text(bacaan.teks, style=style.get(bacaan.status, "bold")))

    def _awasi(self) -> None:
        """Another desk's change shows within 2 s without a key (see HomeScreen)."""
        if self.is_current and self._versi is not None:
            self._periksa_perubahan()

    @work(thread=True, exclusive=True, group="awasi", exit_on_error=False)
    def _periksa_perubahan(self) -> None:
        if self.backend.versi_data() != self._versi:
            self.app.call_from_thread(self.muat)

    # ---- what is possible now -------------------------------------------------------

    def check_action(  # noqa: PLR0911  (one answer per kind of action)
        self, action: str, parameters: tuple[object, ...]
    ) -> bool | None:
        detail = self.detail
        if detail is None:
            return action == "kembali"
        if action == "form" and parameters:
            form_id = parameters[0]
            if form_id == "buka_kembali":
                return detail.ditutup  # hidden from the Footer while the case is open
            if detail.ditutup and form_id in {"penampungan", "rencana", "disposisi"}:
                return None
            if form_id in {"persetujuan", "asesmen", "penampungan"}:
                return bool(detail.korban) or None
        if action == "tugaskan":
            return self.backend.boleh("tugaskan") or None
        if action in {"langkah_selesai", "mulai_pendampingan", "mediasi", "tutup_kasus"}:
            if detail.ditutup:
                return False  # a closed case runs nothing: off the Footer until reopened
            if action == "langkah_selesai":
                return bool(detail.berjalan) or None
            if action == "mulai_pendampingan":
                return any(not r.ada_pendampingan and r.status == "direncanakan"
                           for r in detail.rencana) or None
        return True

    # ---- records ----------------------------------------------------------------------

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
        table = self.focused
        if isinstance(table, DataTable) and table.row_count:
            table.action_select_cursor()

    @on(DataTable.RowSelected, "#butir")
    def _ubah(self, event: DataTable.RowSelected) -> None:
        if self.detail is None:
            return
        butir = next((b for b in self.detail.butir if b.kunci == event.row_key.value), None)
        if butir is not None:
            self.buka_form(butir.form_id, self.kasus_id, butir.target_id)

    @on(DataTable.RowSelected, "#langkah")
    def _langkah_dipilih(self, event: DataTable.RowSelected) -> None:
        self.action_langkah_selesai()

    def action_mediasi(self) -> None:
        from ppa_tui.tui.screens.dialogs import Konfirmasi

        if self.detail is None:
            return
        if self.detail.mediasi_ditolak:
            self.app.push_screen(Konfirmasi(self.detail.mediasi_ditolak,
                                            [("kembali", "Mengerti")]))
            return
        self.buka_form("mediasi", self.kasus_id)

    def action_tutup_kasus(self) -> None:
        if self.detail is not None and not self.detail.ditutup:
            self.buka_form("terminasi", self.kasus_id)

    # ---- steps --------------------------------------------------------------------------

    def _terpilih(self) -> Berjalan | None:
        """The clock `n` acts on: the running row under the cursor of the step table,
        else the main track's, else the most urgent."""
        detail = self.detail
        if detail is None or not detail.berjalan:
            return None
        table = self.query_one("#langkah", DataTable)
        if self.focused is table and table.row_count:
            key = baris_kursor(table)
            pilih = next((b for b in detail.berjalan if b.kunci == key), None)
            if pilih is not None:
                return pilih
            if key is not None:
                return None  # a finished step is selected: nothing to finish
        from ppa_tui.domain.berkas import UTAMA

        return next((b for b in detail.berjalan if b.alur == UTAMA and b.langkah_id),
                    detail.berjalan[0])

    def action_langkah_selesai(self) -> None:
        from ppa_tui.tui.screens.dialogs import Konfirmasi

        pilih = self._terpilih()
        if pilih is None:
            self.notify("Langkah ini sudah selesai. Pilih langkah yang masih berjalan.")
            return
        if pilih.penampungan_id is not None:  # a shelter stay ends when she leaves
            self.notify("Penampungan berakhir saat waktu keluar dicatat.")
            self.buka_form("penampungan", self.kasus_id, pilih.penampungan_id)
            return
        lanjut = pilih.lanjutan
        if lanjut is not None and lanjut.form:
            self.buka_form(lanjut.form, self.kasus_id, pilih.langkah_id)
            return
        teks = lanjut.teks if lanjut is not None else ""
        self.app.push_screen(
            Konfirmasi(f"{pilih.alur}: langkah {pilih.jam.label} selesai? {teks}",
                       [("ya", "Ya, selesai"), ("kembali", "Kembali")]),
            lambda jawab: self._selesaikan(pilih.langkah_id) if jawab == "ya" else None,
        )

    @work(thread=True, group="tulis", exit_on_error=False)
    def _selesaikan(self, langkah_id: uuid.UUID) -> None:
        self._tulis(lambda: self.backend.selesaikan_langkah(langkah_id), "kasus.selesaikan",
                    "Langkah belum selesai")

    def action_mulai_pendampingan(self) -> None:
        from ppa_tui.tui.screens.dialogs import Konfirmasi

        detail = self.detail
        if detail is None:
            return
        bisa = [r for r in detail.rencana if not r.ada_pendampingan
                and r.status == "direncanakan"]
        key = baris_kursor(self.query_one("#butir", DataTable))
        pilih = next((r for r in bisa if f"rencana:{r.id}" == key), None)
        if pilih is None and len(bisa) == 1:
            pilih = bisa[0]
        if pilih is None:
            self.notify("Pilih baris rencana di tabel data kasus, lalu tekan u.")
            return
        self.app.push_screen(
            Konfirmasi(f"Mulai SOP Pendampingan untuk {pilih.label}? Langkah 1 (cek ulang "
                       "asesmen) dimulai sekarang dengan jamnya sendiri.",
                       [("ya", "Ya, mulai"), ("kembali", "Kembali")]),
            lambda jawab: self._mulai(pilih.id) if jawab == "ya" else None,
        )

    @work(thread=True, group="tulis", exit_on_error=False)
    def _mulai(self, rencana_id: uuid.UUID) -> None:
        self._tulis(lambda: self.backend.mulai_pendampingan(rencana_id), "kasus.pendampingan",
                    "Pendampingan belum dimulai")

    def _tulis(self, tulis, di: str, awalan: str) -> None:  # noqa: ANN001
        """Run a write (in the worker), report a refusal or failure in Indonesian."""
        from ppa_tui.galat import laporkan

        try:
            tulis()
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, laporkan(exc, di, awalan),
                                      severity="error", markup=False)
            return
        self.muat()

    # ---- assigning an officer -----------------------------------------------------------

    def action_tugaskan(self) -> None:
        self._calon_petugas()

    @work(thread=True, group="tulis", exit_on_error=False)
    def _calon_petugas(self) -> None:
        from ppa_tui.galat import laporkan

        try:
            sudah, calon = self.backend.calon_petugas(self.kasus_id)
        except Exception as exc:  # noqa: BLE001  (a refusal is a sentence)
            self.app.call_from_thread(self.notify, laporkan(exc, "kasus.tugaskan"),
                                      severity="error", markup=False)
            return
        self.app.call_from_thread(self._pilih_petugas, sudah, calon)

    def _pilih_petugas(self, sudah: list[str], calon: list[tuple[str, str]]) -> None:
        from ppa_tui.tui.screens.penugasan import PilihPetugas

        self.app.push_screen(PilihPetugas(sudah, calon),
                             lambda nama: self._tugaskan(nama) if nama else None)

    @work(thread=True, group="tulis", exit_on_error=False)
    def _tugaskan(self, nama: str) -> None:
        def tugaskan() -> None:
            self.backend.tugaskan(self.kasus_id, nama)
            self.app.call_from_thread(self.notify, f"{nama} ditugaskan ke kasus ini.",
                                      markup=False)

        self._tulis(tugaskan, "kasus.tugaskan", "Petugas belum ditugaskan")

    # ---- printing -----------------------------------------------------------------------

    def action_cetak(self) -> None:
        from ppa_tui.tui.screens.cetak import PilihDokumen

        if self.detail is None:
            return
        key = baris_kursor(self.query_one("#butir", DataTable))
        butir = next((b for b in self.detail.butir if b.kunci == key), None)
        terpilih = (butir.form_id, butir.target_id) if butir and butir.target_id else None
        self.app.push_screen(PilihDokumen(terpilih), self._cetak_dipilih)

    def _cetak_dipilih(self, pilihan: tuple[str, uuid.UUID | None] | None) -> None:
        if pilihan is not None:
            self._cetak(*pilihan)

    @work(thread=True, group="cetak", exit_on_error=False)
    def _cetak(self, dokumen: str, ref: uuid.UUID | None, tanpa_data_pribadi: bool = False
               ) -> None:
        from ppa_tui.documents.cetak import PersetujuanKurang
        from ppa_tui.galat import laporkan

        self.app.call_from_thread(self.notify, "Mencetak…", timeout=2)
        try:
            hasil = self.backend.cetak(self.kasus_id, dokumen, ref, tanpa_data_pribadi)
        except PersetujuanKurang as exc:  # refused: offer the copy without her data
            self.app.call_from_thread(self._tanya_tanpa_data, str(exc), dokumen, ref)
            return
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, laporkan(exc, "kasus.cetak",
                                      "Dokumen tidak bisa dicetak"), severity="error",
                                      markup=False)
            return
        pesan = f"Dokumen tersimpan: {hasil.path}"
        if hasil.dihilangkan:
            pesan += " · " + " ".join(hasil.dihilangkan)
        self.app.call_from_thread(self.notify, pesan, title="Cetak", timeout=15, markup=False)
        self.muat()

    def _tanya_tanpa_data(self, alasan: str, dokumen: str, ref: uuid.UUID | None) -> None:
        from ppa_tui.tui.screens.dialogs import Konfirmasi

        self.app.push_screen(
            Konfirmasi(alasan, [("kembali", "Kembali"),
                                ("tanpa", "Cetak tanpa data pribadi")]),
            lambda jawab: self._cetak(dokumen, ref, True) if jawab == "tanpa" else None)

    # ---- leaving ------------------------------------------------------------------------

    def action_kembali(self) -> None:
        self.dismiss(None)

    def form_tersimpan(self, hasil: Tersimpan) -> None:
        self.notify("Tersimpan.")
        self.muat()

    def form_ditutup(self) -> None:
        self.muat()
