"""The monthly and yearly recap on screen (`domain/rekap.py` computes it): every table
one under the other, scrolled with the arrows and PgUp/PgDn; `s` saves it as XLSX, CSV
or PDF into the data folder; `u` lists the korban not yet entered into SIMFONI-PPA."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from ppa_tui.tui.aksi import Aksi, bindings
from ppa_tui.tui.screens.mutakhir import LayarMutakhir, angka, baris_kursor
from ppa_tui.tui.screens.periode import PilihPeriode, aksi_periode
from ppa_tui.tui.widgets.tabel import Tabel

if TYPE_CHECKING:
    from ppa_tui.domain.mutu import Periode
    from ppa_tui.domain.rekap import DaftarBelum, Rekap, TabelRekap

FORMAT = (("xlsx", "XLSX"), ("csv", "CSV"), ("pdf", "PDF"))


class LaporanRekap(PilihPeriode, LayarMutakhir):
    """One period at a time: a month (this one first) or a year, as mutu baku does."""

    CSS_PATH = "laporan.tcss"
    NAMA_GALAT = "laporan"
    JEDA_AWASI = 60.0  # a recap moves slowly; a year at 100,000 cases costs a second
    AKSI = (
        *aksi_periode(b_di_footer=False),
        Aksi("y", "tahunan", "Bulan/tahun", "Ganti antara rekap bulan ini dan tahunnya"),
        Aksi("s", "simpan", "Simpan", "Simpan rekap ke folder data: XLSX, CSV atau PDF"),
        Aksi("u", "belum", "Belum SIMFONI",
             "Korban yang belum diinput ke SIMFONI-PPA (Enter membuka kasusnya)"),
        Aksi("f5", "muat", "Muat ulang", "Hitung ulang dari basis data", footer=False),
        Aksi("escape", "kembali", "Kembali", "Kembali ke beranda"),
    )
    BINDINGS = bindings(AKSI)

    def __init__(self, backend) -> None:  # noqa: ANN001
        super().__init__(backend)
        self.mulai_periode(backend)
        self.data: Rekap | None = None
        self.tersimpan: str | None = None  # the last file written

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Menghitung…", id="ringkas")
        with VerticalScroll(id="isi"):
            yield Static("", id="tabel")
        yield Static("", id="catatan")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Rekap SIMFONI-PPA"
        isi = self.query_one("#isi")
        isi.loading = True
        isi.focus()
        super().on_mount()

    # ---- the period -------------------------------------------------------------

    def periode(self) -> tuple[Periode, str]:
        kode = f"{self._tahun}" if self._tahunan else f"{self._tahun}-{self._bulan:02d}"
        return self.periode_terpilih(self.backend.zona), kode

    def action_tahunan(self) -> None:
        self._tahunan = not self._tahunan
        self._hitung_ulang()

    def _hitung_ulang(self) -> None:
        self.query_one("#ringkas", Static).update(f"Menghitung {self.periode()[0].judul}…")
        self.query_one("#isi").loading = True
        self.refresh_bindings()
        self.muat()

    # ---- loading and drawing ----------------------------------------------------

    def baca(self) -> Rekap:
        periode, kode = self.periode()
        return self.backend.rekap(periode, kode)

    def tampilkan(self, hasil: Rekap) -> None:
        periode, _ = self.periode()
        if hasil.periode != periode:
            return  # the officer has moved on to another period meanwhile
        self.data = hasil
        isi = self.query_one("#isi", VerticalScroll)
        isi.loading = False
        self.sub_title = periode.judul
        self.query_one("#tabel", Static).update(Group(*(_tabel(t) for t in hasil.tabel)))
        ringkas = Text(periode.judul, style="bold")
        ringkas.append(f" · {angka(hasil.kasus)} kasus · {angka(hasil.korban)} korban")
        if hasil.contoh:
            ringkas.append(" · DATA CONTOH (ppa demo)", style="bold yellow")
        self.query_one("#ringkas", Static).update(ringkas)
        self._catatan()

    def _catatan(self) -> None:
        teks = (Text(f"Tersimpan: {self.tersimpan}", style="green") if self.tersimpan
                else Text("Kategori SIMFONI-PPA · kasus menurut tanggal diterima · "
                          "↑↓ PgUp PgDn gulir"))
        self.query_one("#catatan", Static).update(teks)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "simpan":
            return self.data is not None and self.data.periode == self.periode()[0]
        return True

    # ---- saving -------------------------------------------------------------------

    def action_simpan(self) -> None:
        from ppa_tui.laporan import folder_laporan
        from ppa_tui.tui.screens.dialogs import Konfirmasi

        rekap = self.data
        if rekap is None:
            return
        folder = folder_laporan(self.backend.settings.data_dir)
        self.app.push_screen(
            Konfirmasi(f"Simpan rekap {rekap.periode.judul} ke folder {folder}? Pilih "
                       "bentuk berkasnya.", [*FORMAT, ("kembali", "Kembali")]),
            lambda jawab: self._simpan(rekap, jawab) if jawab in dict(FORMAT) else None)

    @work(thread=True, group="simpan", exit_on_error=False)
    def _simpan(self, rekap: Rekap, format: str) -> None:  # noqa: A002
        from ppa_tui.galat import laporkan

        try:
            path = self.backend.simpan_rekap(rekap, format)
        except Exception as exc:  # noqa: BLE001  (shown, never fatal)
            self.app.call_from_thread(
                self.notify, laporkan(exc, "laporan.simpan", "Rekap tidak tersimpan"),
                severity="error", markup=False)
            return
        self.app.call_from_thread(self._tersimpan, str(path))

    def _tersimpan(self, path: str) -> None:
        self.tersimpan = path
        self._catatan()
        self.notify(f"Rekap tersimpan: {path}", markup=False)

    def action_belum(self) -> None:
        self.app.push_screen(BelumSimfoni(self.backend), lambda _: self.muat())


def _tabel(t: TabelRekap) -> Group:
    """One recap table as the terminal shows it: its title and note the whole width,
    numbers right, text left, the total row bold."""
    tabel = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_edge=False)
    for i, k in enumerate(t.kolom):
        teks = i == 0 or all(isinstance(b[i], str) for b in t.baris if b[i] is not None)
        # no min_width: with one, rich 15 lays the table out wider than the screen
        tabel.add_column(Text(k), justify="left" if teks else "right", overflow="fold")
    for j, b in enumerate(t.baris):
        gaya = "bold" if t.jumlah and j == len(t.baris) - 1 else ""
        tabel.add_row(*(Text(_sel(v), style=gaya) for v in b))
    bagian: list = [Text(t.judul, style="bold underline"), tabel]
    if t.catatan:
        bagian.append(Text(t.catatan, style="dim"))
    bagian.append(Text(""))
    return Group(*bagian)


def _sel(v: object) -> str:
    if v is None:
        return "—"
    if isinstance(v, int):
        return angka(v)
    if isinstance(v, float):
        return f"{v:.1f}".replace(".", ",")
    return str(v)


class BelumSimfoni(LayarMutakhir):
    """The korban whose "diinput ke SIMFONI-PPA pada" is still empty, oldest case first:
    register number, initials, the date received. Enter opens the case."""

    CSS_PATH = "laporan.tcss"
    NAMA_GALAT = "belum_simfoni"
    AKSI = (
        Aksi("enter", "buka", "Buka kasus", "Buka kasus baris yang dipilih", footer=False),
        Aksi("f5", "muat", "Muat ulang", "Baca ulang dari basis data", footer=False),
        Aksi("escape", "kembali", "Kembali", "Kembali ke rekap"),
    )
    BINDINGS = bindings(AKSI)

    def __init__(self, backend) -> None:  # noqa: ANN001
        super().__init__(backend)
        self.data: DaftarBelum | None = None
        self._kasus: dict[str, uuid.UUID] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Memuat…", id="ringkas")
        table = Tabel(id="belum")
        table.add_column("Nomor register", key="nomor", width=16)
        table.add_column("Inisial korban", key="inisial", width=16)
        table.add_column("Diterima", key="diterima", width=10)
        yield table
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Belum diinput ke SIMFONI-PPA"
        table = self.query_one("#belum", DataTable)
        table.loading = True
        table.focus()
        super().on_mount()

    def baca(self) -> DaftarBelum:
        return self.backend.belum_simfoni()

    def tampilkan(self, hasil: DaftarBelum) -> None:
        from ppa_tui.domain.rekap import tanggal_teks

        table = self.query_one("#belum", DataTable)
        kursor = baris_kursor(table)
        self.data = hasil
        table.loading = False
        table.clear()
        self._kasus = {str(b.korban_id): b.kasus_id for b in hasil.baris}
        for b in hasil.baris:
            table.add_row(b.nomor_register, Text(b.inisial), tanggal_teks(b.diterima),
                          key=str(b.korban_id))
        if kursor is not None and kursor in table.rows:
            table.move_cursor(row=table.get_row_index(kursor), animate=False)
        teks = Text(f"{angka(hasil.jumlah)} korban belum diinput ke SIMFONI-PPA",
                    style="bold" if hasil.jumlah else "")
        if len(hasil.baris) < hasil.jumlah:
            teks.append(f" · {angka(len(hasil.baris))} terlama ditampilkan", style="dim")
        if not hasil.jumlah:
            teks = Text("Semua korban sudah diinput ke SIMFONI-PPA.")
        if hasil.contoh:
            teks.append(" · DATA CONTOH", style="bold yellow")
        self.query_one("#ringkas", Static).update(teks)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "buka":
            return bool(self.data and self.data.baris)
        return True

    def action_buka(self) -> None:
        kunci = baris_kursor(self.query_one("#belum", DataTable))
        if kunci is not None and kunci in self._kasus:
            self.buka_kasus(self._kasus[kunci])

    @on(DataTable.RowSelected)
    def _dipilih(self, event: DataTable.RowSelected) -> None:
        kunci = event.row_key.value
        if kunci is not None and kunci in self._kasus:
            self.buka_kasus(self._kasus[kunci])
