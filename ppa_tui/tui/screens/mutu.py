"""Mutu baku: per SOP step, how many were finished in a period, how many within the
limit, and the median and P90 of the time they took (`domain/mutu.py` says how)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from ppa_tui.tui.aksi import Aksi, bindings
from ppa_tui.tui.screens.mutakhir import LayarMutakhir, angka, baris_kursor
from ppa_tui.tui.screens.periode import PilihPeriode, aksi_periode
from ppa_tui.tui.widgets.tabel import Tabel

if TYPE_CHECKING:
    from ppa_tui.domain.mutu import LaporanMutu, MutuLangkah, Periode

KOLOM = (("langkah", "Langkah", 23), ("selesai", "Selesai", 7), ("tepat", "Tepat waktu", 11),
         ("median", "Median", 9), ("p90", "P90", 9), ("batas", "Batas", 8))  # 67 + 12 = 79


class MutuBaku(PilihPeriode, LayarMutakhir):
    """One period at a time: a month (this one first) or this year."""

    CSS_PATH = "mutu.tcss"
    NAMA_GALAT = "mutu"
    # figures of a period move slowly, and reading one costs seconds at 1,000,000 cases
    JEDA_AWASI = 60.0
    AKSI = (
        *aksi_periode(),
        Aksi("f5", "muat", "Muat ulang", "Hitung ulang dari basis data", footer=False),
        Aksi("escape", "kembali", "Kembali", "Kembali ke beranda"),
    )
    BINDINGS = bindings(AKSI)

    def __init__(self, backend) -> None:  # noqa: ANN001
        super().__init__(backend)
        self.mulai_periode(backend)
        self.data: LaporanMutu | None = None
        self._per_kunci: dict[str, MutuLangkah] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Menghitung…", id="ringkas")
        yield Static("", id="catatan")
        table = Tabel(id="mutu", bisa_dibuka=False)
        for key, label, width in KOLOM:
            table.add_column(label, key=key, width=width)
        yield table
        yield Static("", id="rinci")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Mutu baku SOP"
        self.query_one("#mutu").focus()
        super().on_mount()

    # ---- the period -------------------------------------------------------------

    def periode(self) -> Periode:
        return self.periode_terpilih(self.backend.zona)

    def _hitung_ulang(self) -> None:
        """A new period: say so at once (a year at 1,000,000 cases takes seconds), with
        the table's loading indicator until its figures are in."""
        self.query_one("#ringkas", Static).update(f"Menghitung {self.periode().judul}…")
        self.query_one("#mutu", DataTable).loading = True
        self.muat()

    # ---- loading and drawing ----------------------------------------------------

    def baca(self) -> tuple[Periode, LaporanMutu]:
        periode = self.periode()
        return periode, self.backend.mutu_baku(periode.sejak, periode.sampai)

    def tampilkan(self, hasil: tuple[Periode, LaporanMutu]) -> None:
        periode, laporan = hasil
        if periode != self.periode():
            return  # the officer has moved on to another period meanwhile
        self.data = laporan
        self.query_one("#mutu", DataTable).loading = False
        self._per_kunci = {f"{r.sop_kode}:{r.langkah_kode}": r for r in laporan.baris}
        self.sub_title = periode.judul
        table = self.query_one("#mutu", DataTable)
        kursor = table.cursor_row
        table.clear()
        for r in laporan.baris:
            table.add_row(*_sel(r), key=f"{r.sop_kode}:{r.langkah_kode}")
        if table.row_count:
            table.move_cursor(row=min(kursor, table.row_count - 1), animate=False)
        selesai = sum(r.selesai for r in laporan.baris)
        ringkas = Text(periode.judul, style="bold")
        ringkas.append(f" · {angka(selesai)} langkah selesai")
        if laporan.dihentikan:
            ringkas.append(f" · {angka(laporan.dihentikan)} dihentikan penutupan (tak dihitung)")
        if laporan.contoh:
            ringkas.append(" · DATA CONTOH (ppa demo)", style="bold yellow")
        self.query_one("#ringkas", Static).update(ringkas)
        kerja = any(r.kerja for r in laporan.baris)
        self.query_one("#catatan", Static).update(
            ("Lama dalam jam kerja (j:mm, HK hari kerja)" if kerja else "Lama j:mm, hr hari")
            + " · * persen dari yang berbatas waktu")
        self._tampil_rinci()

    @on(DataTable.RowHighlighted)
    def _disorot(self, event: DataTable.RowHighlighted) -> None:
        self._tampil_rinci()

    def _tampil_rinci(self) -> None:
        """The highlighted step whole: its label and the SOP's limit text are cut in the
        table at 80 columns ("Tergantung jenis intervensi …")."""
        table = self.query_one("#mutu", DataTable)
        r = self._per_kunci.get(baris_kursor(table) or "")
        teks = Text()
        if r is not None:
            teks.append(r.label, style="bold")
            teks.append(f" · batas {r.batas_teks}")
            if r.dengan_batas:
                teks.append(f" · {r.tepat_waktu} dari {r.dengan_batas} berbatas tepat waktu")
        self.query_one("#rinci", Static).update(teks)


def _sel(r: MutuLangkah) -> tuple:
    from ppa_tui.domain.mutu import ringkas_durasi

    def kanan(teks: str, style: str = "") -> Text:
        return Text(teks, style=style, justify="right")

    sehari = r.sehari if r.kerja else None
    if r.dengan_batas:
        persen = r.persen_tepat or 0.0
        teks = f"{r.tepat_waktu} ({100 if persen == 100 else math.floor(persen)}%)"
        if r.dengan_batas < r.selesai:
            teks += "*"  # some had no deadline: the share is of those that had one
        tepat = kanan(teks, "" if persen == 100 else "red" if persen < 50 else "yellow")
    else:
        tepat = kanan("—")
    return (r.label, kanan(angka(r.selesai)), tepat,
            kanan(ringkas_durasi(r.median, sehari)), kanan(ringkas_durasi(r.p90, sehari)),
            Text(r.batas_teks))
