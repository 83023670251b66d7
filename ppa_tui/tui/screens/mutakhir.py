"""A screen that reads one thing from the database in a worker and keeps it current:
another desk's change shows within 2 s without a key, as on home and the case screen.

Subclasses give `baca` (the Backend call, run in the worker) and `tampilkan` (draw
the result); the load, its error and the watch are here once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.message import Message
from textual.widgets import Static

from ppa_tui.tui.aksi import LayarBeraksi
from ppa_tui.tui.widgets.tabel import baris_kursor, ke_baris  # noqa: F401  (re-exported)

if TYPE_CHECKING:
    from ppa_tui.backend import Backend


class LayarMutakhir(LayarBeraksi):
    """Loads with `muat` (F5 too), reloads when the database version moves."""

    NAMA_GALAT = "layar"  # where an error is logged from
    JEDA_AWASI = 1.0  # seconds between checks for another desk's change

    @dataclass
    class Dimuat(Message):
        hasil: Any

    @dataclass
    class Gagal(Message):
        pesan: str

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        self._versi: int | None = None  # the database's version what is shown was read at
        self._memeriksa = False  # a change check is running

    def on_mount(self) -> None:
        self.muat()
        self.set_interval(self.JEDA_AWASI, self._awasi)

    def baca(self) -> Any:
        raise NotImplementedError

    def tampilkan(self, hasil: Any) -> None:
        raise NotImplementedError

    @work(thread=True, exclusive=True, group="muat", exit_on_error=False)
    def muat(self) -> None:
        try:
            versi = self.backend.versi_data()  # before the read: a change during it shows next
            self.post_message(self.Dimuat(self.baca()))
            self._versi = versi
        except Exception as exc:  # noqa: BLE001  (shown on screen, never fatal)
            from ppa_tui.galat import laporkan
            self.post_message(self.Gagal(laporkan(exc, f"{self.NAMA_GALAT}.muat")))

    def action_muat(self) -> None:
        self.muat()

    @on(Dimuat)
    def _dimuat(self, event: Dimuat) -> None:
        self.tampilkan(event.hasil)
        self.refresh_bindings()

    @on(Gagal)
    def _gagal(self, event: Gagal) -> None:
        self.query_one("#ringkas", Static).update(
            Text(f"Tidak bisa dimuat: {event.pesan}", style="bold red"))

    def _awasi(self) -> None:
        # one check at a time: a slow one is waited for, never cancelled by the next
        if self.is_current and self._versi is not None and not self._memeriksa:
            self._memeriksa = True
            self._periksa_perubahan()

    @work(thread=True, group="awasi", exit_on_error=False)
    def _periksa_perubahan(self) -> None:
        try:
            if self.backend.versi_data() != self._versi:
                self.app.call_from_thread(self.muat)
        finally:
            self._memeriksa = False

    def buka_kasus(self, kasus_id: uuid.UUID) -> None:
        """The case screen; what is shown here is read again when it closes."""
        from ppa_tui.tui.screens.kasus import KasusScreen

        self.app.push_screen(KasusScreen(self.backend, kasus_id), lambda _: self.muat())

    def action_kembali(self) -> None:
        self.dismiss(None)



def angka(n: int) -> str:
    """1.234.567: thousands as Indonesian writes them."""
    return f"{n:,}".replace(",", ".")


def jumlah(n: int) -> str:
    """A count of overdue cases as written on screen: "1.234", and "1.000+" past the
    bound it is counted to (`domain.ikhtisar.BATAS_TERLAMBAT`). Called with figures
    read through the ORM, so importing the domain module costs nothing more."""
    from ppa_tui.domain.ikhtisar import BATAS_TERLAMBAT, lebih_dari_batas

    return f"{angka(BATAS_TERLAMBAT)}+" if lebih_dari_batas(n) else angka(n)
