"""Ikhtisar: the Kasi's dashboard on one 80x24 screen. The figures come from
`domain/ikhtisar.py` (read in a worker; the panels show a loading indicator meanwhile):
cases by status, running and overdue steps, cases received per week and this month
against last, and the month's cases by jenis kekerasan, kab/kota and korban's age."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Sparkline, Static

from ppa_tui.tui.aksi import Aksi, bindings
from ppa_tui.tui.screens.mutakhir import LayarMutakhir, angka, jumlah
from ppa_tui.tui.widgets.tabel import Tabel

if TYPE_CHECKING:
    from ppa_tui.domain.ikhtisar import Baris, Ikhtisar

BULAN_PENDEK = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt",
                "Nov", "Des")
BLOK = " ▏▎▍▌▋▊▉█"  # eighths of a cell, for bar rows
PENDEK = {"Tidak diketahui": "Tak diketahui"}  # labels cut to fit a panel at 80 columns
KOLOM_LANGKAH = (("langkah", "Langkah", 25), ("jalan", "Jalan", 5), ("lewat", "Lewat", 5))


def batang(nilai: int, maks: int, lebar: int) -> str:
    """A bar of ``lebar`` cells for ``nilai`` of ``maks``, in eighths of a cell; any
    figure above zero shows at least a sliver."""
    if maks <= 0 or nilai <= 0 or lebar <= 0:
        return ""
    delapan = max(1, round(nilai / maks * lebar * 8))
    penuh, sisa = divmod(delapan, 8)
    return BLOK[8] * penuh + (BLOK[sisa] if sisa else "")


def baris_batang(baris: tuple[Baris, ...], lebar: int, warna: str = "cyan") -> Text:
    """One line per row: label, this month's figure, a bar and how it stands against
    last month (▲ more, ▼ fewer, = the same)."""
    if not baris:
        return Text("Tidak ada kasus.", style="dim")
    label = [PENDEK.get(b.label, b.label) for b in baris]
    lebar_label = min(max(len(x) for x in label), 14)
    lebar_angka = max(len(angka(b.jumlah)) for b in baris)
    ruang = max(1, lebar - lebar_label - lebar_angka - 4)
    maks = max(b.jumlah for b in baris)
    teks = Text()
    for i, (b, nama) in enumerate(zip(baris, label, strict=True)):
        if i:
            teks.append("\n")
        teks.append(f"{nama[:lebar_label]:<{lebar_label}} ")
        teks.append(f"{angka(b.jumlah):>{lebar_angka}} ", style="bold" if b.jumlah else "dim")
        teks.append(f"{batang(b.jumlah, maks, ruang):<{ruang}}", style=warna)
        if b.jumlah > b.lalu:
            teks.append(" ▲", style="yellow")
        elif b.jumlah < b.lalu:
            teks.append(" ▼", style="green")
        else:
            teks.append(" =", style="dim")
    return teks


class PanelBatang(Static):
    """A breakdown as bar rows, drawn for the width the panel has when it is drawn."""

    def __init__(self, *, id: str) -> None:  # noqa: A002
        super().__init__("", id=id, classes="panel")
        self.baris: tuple[Baris, ...] | None = None

    def isi(self, baris: tuple[Baris, ...]) -> None:
        self.baris = baris
        self.refresh(layout=True)

    def render(self) -> Text:
        if self.baris is None:
            return Text()
        warna = self.app.get_css_variables().get("accent", "cyan")
        return baris_batang(self.baris, self.content_size.width, warna)


class IkhtisarLayar(LayarMutakhir):
    """One month at a time (this one first); `[` and `]` move it."""

    CSS_PATH = "ikhtisar.tcss"
    NAMA_GALAT = "ikhtisar"
    # the figures move slowly, and reading them costs a good part of a second at
    # 1,000,000 cases: another desk's change shows within 10 s
    JEDA_AWASI = 10.0
    AKSI = (
        Aksi("left_square_bracket", "geser(-1)", "Bulan sebelum", "Ikhtisar bulan sebelumnya"),
        Aksi("right_square_bracket", "geser(1)", "Bulan berikut", "Ikhtisar bulan berikutnya"),
        Aksi("b", "bulan_ini", "Bulan ini", "Kembali ke bulan ini", footer=False),
        Aksi("f5", "muat", "Muat ulang", "Hitung ulang dari basis data", footer=False),
        Aksi("escape", "kembali", "Kembali", "Kembali ke beranda"),
    )
    BINDINGS = bindings(AKSI)

    def __init__(self, backend) -> None:  # noqa: ANN001
        super().__init__(backend)
        now = backend.clock.now().astimezone(backend.zona)
        self._sekarang = (now.year, now.month)
        self._tahun, self._bulan = self._sekarang
        self.data: Ikhtisar | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Menghitung…", id="ringkas")
        with Vertical(id="isi"):
            with Horizontal(id="atas"):
                with Vertical(id="diterima", classes="panel"):
                    yield Static("", id="banding")
                    with Horizontal(id="grafik"):
                        yield Sparkline([], id="minggu", summary_function=max)
                        yield Static("", id="skala")
                    yield Static("", id="rentang")
                table = Tabel(id="langkah", bisa_dibuka=False)
                table.add_class("panel")
                for key, label, width in KOLOM_LANGKAH:
                    table.add_column(label, key=key, width=width)
                yield table
            with Horizontal(id="bawah"):
                yield PanelBatang(id="kekerasan")
                yield PanelBatang(id="kabkota")
                yield PanelBatang(id="usia")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Ikhtisar"
        self.query_one("#diterima").border_title = "Diterima per minggu"
        self.query_one("#langkah").border_title = "Langkah berjalan"
        self.query_one("#langkah").border_subtitle = "L jalur utama · P layanan"
        self.query_one("#isi").loading = True
        self.query_one("#langkah").focus()
        super().on_mount()

    # ---- the month --------------------------------------------------------------

    def action_geser(self, arah: int) -> None:
        i = self._tahun * 12 + self._bulan - 1 + arah
        self._tahun, self._bulan = divmod(i, 12)
        self._bulan += 1
        self._hitung_ulang()

    def action_bulan_ini(self) -> None:
        if (self._tahun, self._bulan) != self._sekarang:
            self._tahun, self._bulan = self._sekarang
            self._hitung_ulang()

    def _hitung_ulang(self) -> None:
        from ppa_tui.domain.mutu import BULAN

        self.query_one("#ringkas", Static).update(
            f"Menghitung {BULAN[self._bulan - 1]} {self._tahun}…")
        self.query_one("#isi").loading = True
        self.muat()

    # ---- loading and drawing ----------------------------------------------------

    def baca(self) -> Ikhtisar:
        return self.backend.ikhtisar(self._tahun, self._bulan)

    def tampilkan(self, hasil: Ikhtisar) -> None:
        lokal = hasil.bulan.sejak.astimezone(self.backend.zona)
        if (lokal.year, lokal.month) != (self._tahun, self._bulan):
            return  # the officer has moved on to another month meanwhile
        self.data = hasil
        self.query_one("#isi").loading = False
        self.sub_title = hasil.bulan.judul
        self._ringkas(hasil)
        self._diterima(hasil)
        self._langkah(hasil)
        ini = BULAN_PENDEK[hasil.bulan.sejak.astimezone(self.backend.zona).month - 1]
        lalu = self._nama_lalu(hasil)
        for id_, judul, baris in (("kekerasan", "Kekerasan", hasil.kekerasan),
                                  ("kabkota", "Kab/kota", hasil.kabkota),
                                  ("usia", "Usia korban", hasil.usia)):
            panel = self.query_one(f"#{id_}", PanelBatang)
            panel.border_title = f"{judul} · {ini}"
            panel.border_subtitle = f"▲▼ dari {lalu}"
            panel.isi(baris)

    @on(LayarMutakhir.Gagal)
    def _gagal_dihitung(self) -> None:
        """The sentence is on the summary line (`LayarMutakhir`); the panels stop
        showing that they load."""
        self.query_one("#isi").loading = False

    def _ringkas(self, hasil: Ikhtisar) -> None:
        s = hasil.status
        teks = Text()
        teks.append(f"{angka(s['aktif'])} aktif", style="bold")
        teks.append(" · ")
        teks.append(f"{jumlah(s['terlambat'])} terlambat",
                    style="bold red" if s["terlambat"] else "")
        teks.append(f" · {angka(s['selesai'])} selesai · {angka(s['semua'])} kasus")
        if hasil.contoh:
            teks.append(" · DATA CONTOH (ppa demo)", style="bold yellow")
        self.query_one("#ringkas", Static).update(teks)

    def _nama_lalu(self, hasil: Ikhtisar) -> str:
        """"Nov", or "1–2 Nov" when only the days this month has had are compared."""
        zona = self.backend.zona
        awal = hasil.bulan_lalu.sejak.astimezone(zona)
        nama = BULAN_PENDEK[awal.month - 1]
        if hasil.bulan_lalu.sampai >= hasil.bulan.sejak:
            return nama
        akhir = (hasil.bulan_lalu.sampai - timedelta(microseconds=1)).astimezone(zona)
        return f"{awal.day}–{akhir.day} {nama}" if akhir.day > 1 else f"1 {nama}"

    def _diterima(self, hasil: Ikhtisar) -> None:
        zona = self.backend.zona
        ini = BULAN_PENDEK[hasil.bulan.sejak.astimezone(zona).month - 1]
        lalu = self._nama_lalu(hasil)
        teks = Text()
        teks.append(f"{ini}: ")
        teks.append(angka(hasil.diterima), style="bold")
        teks.append(f" kasus · {lalu}: {angka(hasil.diterima_lalu)}")
        if hasil.diterima_lalu:
            beda = round(100 * (hasil.diterima - hasil.diterima_lalu) / hasil.diterima_lalu)
            teks.append(f" ({beda:+d}%)".replace("-", "−") if beda else " (sama)", style="dim")
        self.query_one("#banding", Static).update(teks)
        self.query_one("#minggu", Sparkline).data = list(hasil.per_minggu)
        # Sparkline spans the lowest week to the highest, not zero to the highest
        rendah, tinggi = min(hasil.per_minggu, default=0), max(hasil.per_minggu, default=0)
        self.query_one("#skala", Static).update(
            Text(f"{angka(tinggi)}\n\n\n{angka(rendah)}", style="dim"))
        awal = hasil.minggu_awal
        akhir = hasil.now.astimezone(zona).date()
        self.query_one("#rentang", Static).update(Text(
            f"{len(hasil.per_minggu)} minggu, {awal.day} {BULAN_PENDEK[awal.month - 1]}"
            f" {awal.year} – {akhir.day} {BULAN_PENDEK[akhir.month - 1]}", style="dim"))

    def _langkah(self, hasil: Ikhtisar) -> None:
        table = self.query_one("#langkah", DataTable)
        kursor = table.cursor_row
        table.clear()
        for b in hasil.langkah:
            table.add_row(Text(b.label), Text(angka(b.berjalan), justify="right"),
                          Text(angka(b.terlambat), justify="right",
                               style="bold red" if b.terlambat else "dim"),
                          key=f"{b.sop_kode}:{b.langkah_kode}")
        if table.row_count:
            table.move_cursor(row=min(kursor, table.row_count - 1), animate=False)
