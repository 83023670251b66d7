"""Home's case filters: aktif, selesai, semua, terlambat (keys 1-4, f), their counts in
the case table's title, and which rows the table lists under each. A part of
`HomeScreen` kept apart so that screen stays one job per file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import DataTable, Static

from ppa_tui.tui.widgets.tabel import Tabel, baris_kursor, ke_baris

if TYPE_CHECKING:
    from ppa_tui.domain.daftar import HalamanKasus
    from ppa_tui.domain.views import Beranda

# Home's case filters, in the order of their keys (1-3 as on the list of every case).
SARING = ("aktif", "selesai", "semua", "terlambat")
JUDUL_SARING = {"aktif": "Aktif", "selesai": "Selesai", "semua": "Semua",
                "terlambat": "Terlambat"}
URUTAN = {"aktif": "tenggat terdekat di atas", "terlambat": "terlama lewat di atas",
          "selesai": "nomor terbaru di atas", "semua": "nomor terbaru di atas"}


class SaringKasus:
    """Mixed into `HomeScreen`, which owns the attributes used here: ``data``,
    ``backend``, ``saring``, ``jumlah``, ``_halaman``, ``_tampil``, ``_kursor``."""

    saring: str
    jumlah: dict[str, int]
    _halaman: HalamanKasus | None
    _tampil: list

    # ---- the case filter ---------------------------------------------------------

    def _teks_saring(self) -> Text:
        """The filter tabs with their counts ("…" until counted); the chosen one reversed."""
        from ppa_tui.tui.screens.mutakhir import angka, jumlah

        teks = Text()
        for i, saring in enumerate(SARING, start=1):
            n = self.jumlah.get(saring)
            gaya = "bold reverse" if saring == self.saring else (
                "bold red" if saring == "terlambat" and n else "")
            tulis = jumlah if saring == "terlambat" else angka  # only that one is bounded
            teks.append(f" {i} {JUDUL_SARING[saring]} {'…' if n is None else tulis(n)} ",
                        style=gaya)
        return teks

    def _teks_urutan(self) -> Text:
        from ppa_tui.tui.screens.mutakhir import angka

        n, tampil = self.jumlah.get(self.saring), len(self._tampil)
        if n is not None and tampil < n and self.data is not None and tampil:
            if self.saring in ("selesai", "semua"):  # the rest are pages of the list
                return Text(f"{angka(tampil)} terbaru · s: semua", style="dim")
            return Text(f"{angka(tampil)} teratas", style="dim")
        return Text(URUTAN[self.saring], style="dim")

    def _judul_kasus(self) -> None:
        tab, urutan = self._teks_saring(), self._teks_urutan()
        if self.size.width and len(tab) + len(urutan) + 3 > self.size.width:
            urutan = Text()  # big counts take the line: no cut-off hint beside them
        self.query_one("#saring", Static).update(tab)
        self.query_one("#urutan", Static).update(urutan)

    def action_saring(self, saring: str) -> None:
        if saring == self.saring or saring not in SARING:
            return
        self.saring = saring
        self._halaman = None
        table = self.query_one("#kasus", Tabel)
        table.atur_judul("sisa", "Sisa jam kerja" if saring in ("aktif", "terlambat")
                         else "Diterima")
        self._kursor = (baris_kursor(self.query_one("#tamu", DataTable)), None)
        table.clear()
        if saring in ("selesai", "semua"):
            self._tampil = []
            table.loading = True
            self.action_muat()
        elif self.data is not None:
            self._isi_kasus(self.data)
        self._judul_kasus()
        self.refresh_bindings()

    def action_ganti_saring(self) -> None:
        self.action_saring(SARING[(SARING.index(self.saring) + 1) % len(SARING)])

    def _baris_kasus(self, data: Beranda) -> list:
        """What the case table lists under the current filter: home's open cases (by
        deadline), those of them past a deadline, or a page of the list of every case."""
        if self.saring == "terlambat":
            now = self.backend.clock.now()
            return [k for k in data.kasus if k.jam is not None
                    and k.jam.deadline_at is not None and k.jam.deadline_at < now]
        if self.saring in ("selesai", "semua"):
            return list(self._halaman.baris) if self._halaman is not None else []
        return data.kasus

    def _isi_kasus(self, data: Beranda) -> None:
        """The case table anew under the current filter: the first screenful now, the
        rest after the frame (as a load does)."""
        kasus = self.query_one("#kasus", DataTable)
        kasus.clear()
        self._tampil = self._baris_kasus(data)
        self._tambah_kasus(kasus, 0, self._layar())
        ke_baris(kasus, self._kursor[1])
        self.set_timer(self.SESUDAH_TAMPIL, lambda: self._sisa_kasus(data))

    def _sisa_kasus(self, data: Beranda) -> None:
        if data is self.data:
            self._tambah_kasus(self.query_one("#kasus", DataTable), self._layar(), None)

    def _tambah_kasus(self, kasus: DataTable, awal: int, akhir: int | None) -> None:
        zona = self.backend.zona
        for k in self._tampil[awal:akhir]:
            if str(k.id) in kasus.rows:
                continue  # drawn already
            korban = Text("ANAK ", style="bold magenta") if k.anak else Text()
            korban.append(k.korban or "(belum ada)")  # the flag first: names get cut
            if hasattr(k, "jam"):  # an open case from home's read
                kasus.add_row(k.nomor_register, korban, k.jam.label if k.jam else "—",
                              self._sisa(k.jam), key=str(k.id))
            else:  # a row of the list of every case
                keadaan = Text(k.keadaan, style="dim" if k.status == "selesai" else "")
                kasus.add_row(k.nomor_register, korban, keadaan,
                              f"{k.waktu_diterima.astimezone(zona):%d-%m-%Y}", key=str(k.id))
