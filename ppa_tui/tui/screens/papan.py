"""The overdue board: every running SOP step and shelter stay past its deadline, across
all cases, the one overdue the longest first; Enter opens its case."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from ppa_tui.tui.aksi import Aksi, bindings
from ppa_tui.tui.screens.mutakhir import LayarMutakhir, angka, baris_kursor, ke_baris
from ppa_tui.tui.widgets.tabel import Tabel

if TYPE_CHECKING:
    from ppa_tui.domain.papan import Papan, Terlambat

MERAH = "bold red"
LEBAR = {"nomor": 15, "korban": 12, "alur": 11, "langkah": 22, "lewat": 9}  # 69 + 10 = 79


class PapanTerlambat(LayarMutakhir):
    """Drawn from a `Papan` read in a worker; the overdue times tick from it."""

    CSS_PATH = "papan.tcss"
    NAMA_GALAT = "papan"
    AKSI = (
        Aksi("enter", "buka", "Buka kasus", "Buka kasus baris yang dipilih", footer=False),
        Aksi("f5", "muat", "Muat ulang",
             "Baca ulang dari basis data (biasanya otomatis tiap detik)", footer=False),
        Aksi("escape", "kembali", "Kembali", "Kembali ke beranda"),
    )
    BINDINGS = bindings(AKSI)

    def __init__(self, backend) -> None:  # noqa: ANN001
        super().__init__(backend)
        self.data: Papan | None = None
        self._per_kunci: dict[str, Terlambat] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Memuat…", id="ringkas")
        table = Tabel(id="papan")
        table.add_column("Nomor", key="nomor", width=LEBAR["nomor"])
        table.add_column("Korban", key="korban", width=LEBAR["korban"])
        table.add_column("Alur", key="alur", width=LEBAR["alur"])
        table.add_column("Langkah", key="langkah", width=LEBAR["langkah"])
        table.add_column("Terlambat", key="lewat", width=LEBAR["lewat"])
        yield table
        yield Static("", id="peran")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Papan terlambat"
        self.sub_title = "semua kasus, terlama di atas"
        self.query_one("#papan").focus()
        super().on_mount()
        self.set_interval(1.0, self._tick)
        self.set_interval(60.0, self.muat)  # steps that reach their deadline meanwhile

    def on_resize(self) -> None:
        super().on_resize()
        lebih = max(0, self.size.width - 80)
        self.query_one("#papan", Tabel).atur_lebar(
            {"korban": LEBAR["korban"] + lebih // 2,
             "langkah": LEBAR["langkah"] + lebih - lebih // 2})

    def baca(self) -> Papan:
        return self.backend.papan_terlambat()

    def tampilkan(self, hasil: Papan) -> None:
        self.data = hasil
        self._per_kunci = {t.kunci: t for t in hasil.baris}
        table = self.query_one("#papan", DataTable)
        kursor = baris_kursor(table)
        table.clear()
        now = self.backend.clock.now()
        for t in hasil.baris:
            korban = Text("ANAK ", style="bold magenta") if t.anak else Text()
            korban.append(t.korban)
            table.add_row(t.nomor_register, korban, t.alur, t.langkah,
                          Text(t.ringkas(now), style=MERAH), key=t.kunci)
        ke_baris(table, kursor)
        self.query_one("#ringkas", Static).update(self._ringkasan(hasil))
        self._tampil_peran()

    @staticmethod
    def _ringkasan(papan: Papan) -> Text:
        if not papan.total:
            return Text("Tidak ada langkah SOP atau penampungan yang lewat batas waktu.")
        def n(x: int) -> str:
            return f"{angka(papan.batas_hitung)}+" if x > papan.batas_hitung else angka(x)

        teks = Text(f"{n(papan.total)} lewat batas", style=MERAH)
        teks.append(f": {n(papan.langkah)} langkah SOP, {n(papan.penampungan)} penampungan")
        if len(papan.baris) < papan.total:
            teks.append(f" · {angka(len(papan.baris))} terlama tampil")
        return teks

    def _tick(self) -> None:
        """The overdue times grow; only the rows in view are redrawn (no relayout)."""
        if not self.data or not self.data.baris:
            return
        table = self.query_one("#papan", DataTable)
        now = self.backend.clock.now()
        awal = int(table.scroll_y)
        for t in self.data.baris[awal:awal + table.size.height]:
            table.update_cell(t.kunci, "lewat", Text(t.ringkas(now), style=MERAH))

    @on(DataTable.RowHighlighted)
    def _disorot(self, event: DataTable.RowHighlighted) -> None:
        self._tampil_peran()

    def _tampil_peran(self) -> None:
        """Who answers for the highlighted row: the roles its SOP names."""
        table = self.query_one("#papan", DataTable)
        t = self._per_kunci.get(baris_kursor(table) or "")
        teks = Text()
        if t is not None:
            batas = t.deadline_at.astimezone(self.backend.zona)
            teks.append(f"{t.alur} · {t.langkah}", style="bold")
            teks.append(f" · batas {batas:%d-%m-%Y %H:%M} · "
                        f"{'jam kerja' if t.hitungan is not None else 'jam dinding'}\n")
            teks.append("Pelaksana: ", style="bold")
            teks.append(", ".join(t.peran) or "—")
        self.query_one("#peran", Static).update(teks)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "buka":
            return bool(self.data and self.data.baris)
        return True

    def action_buka(self) -> None:
        self._buka(baris_kursor(self.query_one("#papan", DataTable)))

    @on(DataTable.RowSelected)
    def _dipilih(self, event: DataTable.RowSelected) -> None:
        self._buka(event.row_key.value)

    def _buka(self, kunci: str | None) -> None:
        t = self._per_kunci.get(kunci or "")
        if t is not None:
            self.buka_kasus(t.kasus_id)
