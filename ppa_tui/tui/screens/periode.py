"""Choosing a period (this month, last month, this year, and `[`/`]` to step) on the
screens that show figures of one: mutu baku and the recap."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ppa_tui.tui.aksi import Aksi

if TYPE_CHECKING:
    from ppa_tui.domain.mutu import Periode


def aksi_periode(b_di_footer: bool = True) -> tuple[Aksi, ...]:
    return (
        Aksi("b", "periode('bulan_ini')", "Bulan ini", "Periode: bulan ini",
             footer=b_di_footer),
        Aksi("l", "periode('bulan_lalu')", "Bulan lalu", "Periode: bulan lalu",
             footer=b_di_footer),
        Aksi("t", "periode('tahun_ini')", "Tahun ini", "Periode: tahun ini",
             footer=b_di_footer),
        Aksi("left_square_bracket", "geser(-1)", "Mundur",
             "Bulan sebelumnya (tahun sebelumnya bila periodenya setahun)"),
        Aksi("right_square_bracket", "geser(1)", "Maju",
             "Bulan berikutnya (tahun berikutnya bila periodenya setahun)"),
    )


class PilihPeriode:
    """Mixin: the chosen month or year; `_hitung_ulang` (the screen's own) reads it."""

    _tahunan: bool
    _tahun: int
    _bulan: int
    _sekarang: tuple[int, int]
    _hitung_ulang: Callable[[], None]  # the screen's own: recount for the new period

    def mulai_periode(self, backend) -> None:  # noqa: ANN001
        now = backend.clock.now().astimezone(backend.zona)
        self._sekarang = (now.year, now.month)
        self._tahunan = False
        self._tahun, self._bulan = self._sekarang

    def periode_terpilih(self, zona) -> Periode:  # noqa: ANN001
        from ppa_tui.domain.mutu import periode_bulan, periode_tahun

        if self._tahunan:
            return periode_tahun(self._tahun, zona)
        return periode_bulan(self._tahun, self._bulan, zona)

    def action_periode(self, jenis: str) -> None:
        tahun, bulan = self._sekarang
        self._tahunan = jenis == "tahun_ini"
        if jenis == "bulan_lalu":
            tahun, bulan = (tahun, bulan - 1) if bulan > 1 else (tahun - 1, 12)
        self._tahun, self._bulan = tahun, bulan
        self._hitung_ulang()

    def action_geser(self, arah: int) -> None:
        if self._tahunan:
            self._tahun += arah
        else:
            i = self._tahun * 12 + self._bulan - 1 + arah
            self._tahun, self._bulan = divmod(i, 12)
            self._bulan += 1
        self._hitung_ulang()
