"""Every case, not only today's: closed ones too, a page of 200 at a time, newest
register number first, filtered by status. Enter opens the case."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from ppa_tui.tui.aksi import Aksi, bindings
from ppa_tui.tui.screens.mutakhir import LayarMutakhir, angka, baris_kursor, ke_baris
from ppa_tui.tui.widgets.tabel import Tabel

if TYPE_CHECKING:
    from ppa_tui.domain.daftar import HalamanKasus

STATUS = ("aktif", "selesai", "semua")
JUDUL = {"aktif": "Aktif", "selesai": "Selesai", "semua": "Semua"}
LEBAR = {"nomor": 15, "korban": 18, "status": 26, "diterima": 10}  # 69 + 8 = 77


class DaftarKasus(LayarMutakhir):
    """Pages are keyset pages: each remembers the register number it starts after."""

    CSS_PATH = "daftar.tcss"
    NAMA_GALAT = "daftar"
    AKSI = (
        Aksi("enter", "buka", "Buka kasus", "Buka kasus baris yang dipilih", footer=False),
        Aksi("f", "ganti_status", "Saring", "Ganti saringan: aktif, selesai, semua"),
        Aksi("1", "status('aktif')", "Aktif", "Hanya kasus aktif", footer=False),
        Aksi("2", "status('selesai')", "Selesai", "Hanya kasus yang sudah ditutup",
             footer=False),
        Aksi("3", "status('semua')", "Semua", "Semua kasus", footer=False),
        Aksi("greater_than_sign", "halaman(1)", "Halaman berikut",
             "200 kasus berikutnya (nomor lebih lama)"),
        Aksi("less_than_sign", "halaman(-1)", "Halaman sebelum",
             "200 kasus sebelumnya (nomor lebih baru)"),
        Aksi("f5", "muat", "Muat ulang",
             "Baca ulang dari basis data (biasanya otomatis tiap detik)", footer=False),
        Aksi("escape", "kembali", "Kembali", "Kembali ke beranda"),
    )
    BINDINGS = bindings(AKSI)

    def __init__(self, backend, status: str = "aktif") -> None:  # noqa: ANN001
        super().__init__(backend)
        self.status = status
        self._awal: list[tuple[int, int] | None] = [None]  # where each page starts after
        self._ke = 0  # the page shown
        self.data: HalamanKasus | None = None
        self._jumlah: dict[str, int] = {}  # the last counts: a page turn does not recount
        self._hitung = True  # the next read counts (a reload does; a page turn not)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Memuat…", id="ringkas")
        table = Tabel(id="daftar")
        table.add_column("Nomor", key="nomor", width=LEBAR["nomor"])
        table.add_column("Korban", key="korban", width=LEBAR["korban"])
        table.add_column("Status", key="status", width=LEBAR["status"])
        table.add_column("Diterima", key="diterima", width=LEBAR["diterima"])
        yield table
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Semua kasus"
        self.query_one("#daftar").focus()
        super().on_mount()

    def on_resize(self) -> None:
        super().on_resize()
        lebih = max(0, self.size.width - 80)
        self.query_one("#daftar", Tabel).atur_lebar(
            {"korban": LEBAR["korban"] + lebih // 2,
             "status": LEBAR["status"] + lebih - lebih // 2})

    # ---- what to read -----------------------------------------------------------

    def baca(self) -> HalamanKasus:
        hitung, self._hitung = self._hitung or not self._jumlah, True
        return self.backend.daftar_kasus(self.status, self._awal[self._ke], hitung)

    def _muat_halaman(self) -> None:
        self._hitung = False
        self.muat()

    def action_status(self, status: str) -> None:
        if status != self.status:
            self.status, self._awal, self._ke = status, [None], 0
            self._muat_halaman()

    def action_ganti_status(self) -> None:
        self.action_status(STATUS[(STATUS.index(self.status) + 1) % len(STATUS)])

    def action_halaman(self, arah: int) -> None:
        if self.data is None or self.data.status != self.status:
            return
        if arah > 0 and self.data.berikut is not None:
            del self._awal[self._ke + 1:]
            self._awal.append(self.data.berikut)
            self._ke += 1
        elif arah < 0 and self._ke > 0:
            self._ke -= 1
        else:
            return
        self._muat_halaman()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "buka":
            return bool(self.data and self.data.baris)
        if action == "halaman" and parameters:
            if self.data is None:
                return None
            return (self.data.berikut is not None if parameters[0] == 1 else self._ke > 0) or None
        return True

    # ---- drawing ----------------------------------------------------------------

    def tampilkan(self, hasil: HalamanKasus) -> None:
        if hasil.status != self.status or hasil.setelah != self._awal[self._ke]:
            return  # another filter or page was asked for meanwhile
        table = self.query_one("#daftar", DataTable)
        kursor = baris_kursor(table) if self.data is not None and (
            self.data.status, self.data.setelah) == (hasil.status, hasil.setelah) else None
        self.data = hasil
        if hasil.jumlah:
            self._jumlah = hasil.jumlah
        table.clear()
        zona = self.backend.zona
        for b in hasil.baris:
            korban = Text("ANAK ", style="bold magenta") if b.anak else Text()
            korban.append(b.korban)
            keadaan = Text(b.keadaan, style="dim" if b.status == "selesai" else "")
            table.add_row(b.nomor_register, korban, keadaan,
                          f"{b.waktu_diterima.astimezone(zona):%d-%m-%Y}", key=str(b.id))
        if kursor is not None:
            ke_baris(table, kursor)
        self.query_one("#ringkas", Static).update(self._ringkasan(hasil))

    def _ringkasan(self, hasil: HalamanKasus) -> Text:
        teks = Text()
        for i, status in enumerate(STATUS, start=1):
            gaya = "bold reverse" if status == hasil.status else ""
            teks.append(f" {i} {JUDUL[status]} {angka(self._jumlah.get(status, 0))} ", style=gaya)
            teks.append(" ")
        if hasil.baris:
            from ppa_tui.domain.daftar import BATAS_HALAMAN

            dari = self._ke * BATAS_HALAMAN + 1
            teks.append(f" · hal. {self._ke + 1}: {angka(dari)}–"
                        f"{angka(dari + len(hasil.baris) - 1)}", style="dim")
        else:
            teks.append(" · tidak ada kasus", style="dim")
        return teks

    # ---- opening a case ---------------------------------------------------------

    def action_buka(self) -> None:
        kunci = baris_kursor(self.query_one("#daftar", DataTable))
        if kunci is not None:
            self.buka_kasus(uuid.UUID(kunci))

    @on(DataTable.RowSelected)
    def _dipilih(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.buka_kasus(uuid.UUID(event.row_key.value))
