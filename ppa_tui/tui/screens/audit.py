"""The audit log as the Kepala reads it: newest first, who did what to which record and
case, a filter by user, and `v` to check the hash chain (every edited, deleted or
moved entry is named)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from ppa_tui.tui.aksi import Aksi, bindings
from ppa_tui.tui.screens.mutakhir import LayarMutakhir, angka, baris_kursor, ke_baris
from ppa_tui.tui.widgets.tabel import Tabel

if TYPE_CHECKING:
    from ppa_tui.domain.audit import EntriAudit, Temuan

LEBAR = {"no": 5, "waktu": 11, "pengguna": 9, "aksi": 17, "tabel": 11, "kasus": 15}
# 68 + 12 (a cell's padding) = 80
BATAS = 500  # the newest this many entries (of one user, when filtered)


@dataclass(frozen=True)
class Halaman:
    entri: list[EntriAudit]
    nomor: dict[uuid.UUID, str]


class LogAudit(LayarMutakhir):
    """Read in a worker; the chain check too (it walks every entry)."""

    CSS_PATH = "audit.tcss"
    NAMA_GALAT = "audit"
    AKSI = (
        Aksi("v", "verifikasi", "Periksa keutuhan",
             "Periksa rantai hash log audit: entri yang diubah, dihapus atau ditukar"),
        Aksi("f", "saring", "Saring pengguna",
             "Tampilkan entri satu pengguna saja (ketik namanya, Enter; kosong: semua)"),
        Aksi("f5", "muat", "Muat ulang", "Baca ulang dari basis data", footer=False),
        Aksi("escape", "kembali", "Kembali", "Kembali ke beranda"),
    )
    BINDINGS = bindings(AKSI)

    @dataclass
    class Diverifikasi(Message):
        temuan: list[Temuan] | None
        jumlah: int = 0
        pesan: str = ""

    def __init__(self, backend) -> None:  # noqa: ANN001
        super().__init__(backend)
        self.pengguna = ""
        self.entri: list[EntriAudit] = []
        self.temuan: list[Temuan] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="saringan"):
            yield Label("Pengguna ", classes="label")
            yield Input(placeholder="semua (ketik nama pengguna, Enter)", id="pengguna",
                        compact=True)
        yield Static("Memuat…", id="ringkas")
        table = Tabel(id="log", bisa_dibuka=False)
        table.add_column("No.", key="no", width=LEBAR["no"])
        table.add_column("Waktu", key="waktu", width=LEBAR["waktu"])
        table.add_column("Pengguna", key="pengguna", width=LEBAR["pengguna"])
        table.add_column("Aksi", key="aksi", width=LEBAR["aksi"])
        table.add_column("Tabel", key="tabel", width=LEBAR["tabel"])
        table.add_column("Kasus", key="kasus", width=LEBAR["kasus"])
        yield table
        yield Static("", id="rincian")
        yield Static("", id="hasil")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Log audit"
        masukan = self.query_one("#pengguna", Input)
        masukan.select_on_focus = False
        if not self.backend.settings.kursor_kedip:
            masukan.cursor_blink = False
        self.query_one("#log").focus()
        super().on_mount()

    def on_resize(self) -> None:
        super().on_resize()
        lebih = max(0, self.size.width - 80)
        self.query_one("#log", Tabel).atur_lebar({"aksi": LEBAR["aksi"] + lebih})

    # ---- reading ------------------------------------------------------------------

    def baca(self) -> Halaman:
        entri = self.backend.audit(pengguna=self.pengguna, batas=BATAS)
        return Halaman(entri, self.backend.nomor_kasus(e.kasus_id for e in entri))

    def tampilkan(self, hasil: Halaman) -> None:
        self.entri = hasil.entri
        zona = self.backend.zona
        rusak = {t.urutan for t in self.temuan or ()}
        table = self.query_one("#log", DataTable)
        kursor = baris_kursor(table)
        table.clear()
        for e in hasil.entri:
            gaya = "bold red" if e.urutan in rusak else ""
            table.add_row(
                Text(str(e.urutan), style=gaya), f"{e.waktu.astimezone(zona):%d-%m %H:%M}",
                Text(e.pengguna or "(sistem)"), Text(e.aksi_label, style=gaya), Text(e.tabel),
                Text(hasil.nomor.get(e.kasus_id, "")) if e.kasus_id else "",
                key=str(e.urutan))
        ke_baris(table, kursor)
        siapa = f" oleh {self.pengguna}" if self.pengguna else ""
        lebih = f" (terbaru {angka(BATAS)})" if len(hasil.entri) >= BATAS else ""
        self.query_one("#ringkas", Static).update(Text(
            f"{angka(len(hasil.entri))} entri{siapa}{lebih}, terbaru di atas"
            if hasil.entri else f"Belum ada entri{siapa}."))
        self._tulis_rincian()

    @on(DataTable.RowHighlighted, "#log")
    def _disorot(self) -> None:
        self._tulis_rincian()

    def _tulis_rincian(self) -> None:
        """The highlighted entry's details (the changed fields, a reason) under it."""
        key = baris_kursor(self.query_one("#log", DataTable))
        e = next((e for e in self.entri if str(e.urutan) == key), None)
        teks = Text()
        if e is not None:
            teks.append(f"#{e.urutan} {e.waktu.astimezone(self.backend.zona):%d-%m-%Y %H:%M:%S}"
                        f" · {e.aksi_label}", style="bold")
            if e.objek_id:
                teks.append(f" · {e.tabel} {e.objek_id[:8]}")
            if e.rincian:
                teks.append(" · ")
                teks.append("; ".join(f"{k}: {_nilai(v)}" for k, v in e.rincian.items()))
        self.query_one("#rincian", Static).update(teks)

    # ---- filter -------------------------------------------------------------------

    def action_saring(self) -> None:
        self.query_one("#pengguna", Input).focus()

    @on(Input.Submitted, "#pengguna")
    def _saring(self, event: Input.Submitted) -> None:
        self.pengguna = event.value.strip().lower()
        self.query_one("#log").focus()
        self.muat()

    # ---- verifying the chain --------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "verifikasi":
            return self.backend.boleh("verifikasi_audit")
        if action == "saring":  # typed into the field: `f` is a letter there
            return not isinstance(self.focused, Input)
        return True

    def action_verifikasi(self) -> None:
        hasil = self.query_one("#hasil", Static)
        hasil.update("Memeriksa rantai hash…")
        hasil.remove_class("-utuh", "-rusak")
        hasil.loading = True
        self._verifikasi()

    @work(thread=True, exclusive=True, group="verifikasi", exit_on_error=False)
    def _verifikasi(self) -> None:
        from ppa_tui.tui.screens.masuk import pesan_dari

        try:
            temuan = self.backend.verifikasi_audit()
            terbaru = self.backend.audit(batas=1)
            jumlah = terbaru[0].urutan if terbaru else 0
        except Exception as exc:  # noqa: BLE001  (said on screen)
            self.post_message(self.Diverifikasi(None, pesan=pesan_dari(exc, "audit.verifikasi")))
            return
        self.post_message(self.Diverifikasi(temuan, jumlah))

    @on(Diverifikasi)
    def _diverifikasi(self, event: Diverifikasi) -> None:
        hasil = self.query_one("#hasil", Static)
        hasil.loading = False
        if event.temuan is None:
            hasil.update(Text(f"Log audit belum bisa diperiksa: {event.pesan}"))
            hasil.add_class("-rusak")
            return
        self.temuan = event.temuan
        if not event.temuan:
            hasil.update(Text(f"Log audit utuh: {angka(event.jumlah)} entri."))
            hasil.add_class("-utuh")
        else:
            teks = Text(f"Log audit TIDAK utuh: {len(event.temuan)} temuan.", style="bold")
            for t in event.temuan:
                teks.append(f"\n{t.pesan}")
            hasil.update(teks)
            hasil.add_class("-rusak")
        self.muat()  # marks the named entries


def _nilai(v: object) -> str:
    """A detail's value on one line: [before, after] as "before → after"."""
    if isinstance(v, list) and len(v) == 2:
        return f"{_nilai(v[0])} → {_nilai(v[1])}"
    if v is None or v == "":
        return "—"
    return str(v)
