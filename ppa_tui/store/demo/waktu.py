"""The unit's working-time calendar, precomputed per day for the demo's millions of steps.

`Kalender.tambah` walks day by day (a few microseconds a call); the demo needs two or
three of those per step, tens of millions at 1,000,000 cases. Here each day of the
demo's span is looked up once: working time becomes a plain number (microseconds of
working time since the span's first working day), so a deadline, a working-time
duration or "so much working time before now" is one addition and two table lookups.
`tambah` gives exactly what `Kalender.tambah` gives (tests/store/test_demo.py checks).
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ppa_tui.domain.kalender import Kalender

_US = timedelta(microseconds=1)
_HARI_US = 86_400_000_000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class KalenderCepat:
    """Working time of `kalender` from `awal` to `akhir` (dates), in microseconds."""

    def __init__(self, kalender: Kalender, awal: date, akhir: date) -> None:
        self.kalender = kalender
        geser = {kalender.zona.utcoffset(datetime.combine(d, kalender.jam_mulai))
                 for d in (awal, akhir)}
        if len(geser) != 1:  # Indonesia has no DST; a zone with one would need the slow path
            raise ValueError(f"zona {kalender.zona} berganti selisih waktu di rentang demo")
        self.geser = geser.pop() // _US  # local = UTC + geser
        self.buka = (datetime.combine(date.min, kalender.jam_mulai)
                     - datetime.min) // _US
        self.sehari = kalender.sehari // _US  # one working day's microseconds
        self.hari0 = awal.toordinal()
        self.n = (akhir - awal).days + 1
        kerja = [kalender.hari_kerja_pada(awal + timedelta(days=i)) for i in range(self.n)]
        # the working days (local day numbers since 1970), and for every day of the span
        # the index of the first working day on or after it
        self.hari: list[int] = []
        self.berikut: list[int] = []
        epoch = date(1970, 1, 1).toordinal()
        for i in range(self.n - 1, -1, -1):
            if kerja[i]:
                self.hari.append(self.hari0 + i - epoch)
        self.hari.reverse()
        j = 0
        for i in range(self.n):
            hari = self.hari0 + i - epoch
            j = bisect_left(self.hari, hari, j)
            self.berikut.append(j)
        self.epoch_hari = self.hari0 - epoch
        # each working day's opening, as an aware UTC datetime
        self.buka_dt = [_EPOCH + timedelta(microseconds=h * _HARI_US + self.buka - self.geser)
                        for h in self.hari]

    def kerja(self, t: datetime) -> int:
        """`t` as working time: microseconds of working time from the span's start."""
        lokal = (t - _EPOCH) // _US + self.geser
        hari, dalam = divmod(lokal, _HARI_US)
        i = hari - self.epoch_hari
        if not 0 <= i < self.n:
            raise ValueError(f"{t} di luar rentang kalender demo")
        j = self.berikut[i]
        if j < len(self.hari) and self.hari[j] == hari:
            return j * self.sehari + min(max(dalam - self.buka, 0), self.sehari)
        return j * self.sehari

    def waktu(self, w: int) -> datetime:
        """The earliest instant whose working time is `w` (a limit used up at closing
        time ends then, as `Kalender.tambah` does)."""
        j, sisa = divmod(w, self.sehari)
        if sisa == 0 and j > 0:
            j, sisa = j - 1, self.sehari
        return self.buka_dt[j] + timedelta(microseconds=sisa)

    def tambah(self, mulai: datetime, batas: timedelta) -> datetime:
        """`Kalender.tambah`: `batas` (whole days as working days) after `mulai`."""
        perlu = batas.days * self.sehari + (batas - timedelta(days=batas.days)) // _US
        if perlu == 0:
            return mulai
        return self.waktu(self.kerja(mulai) + perlu)

    def tambah_us(self, mulai: datetime, perlu: int) -> datetime:
        """`perlu` microseconds of working time after `mulai` (perlu > 0)."""
        return self.waktu(self.kerja(mulai) + perlu)

    def us(self, batas: timedelta) -> int:
        """A limit as working microseconds ("1 hari" = one working day's hours)."""
        return batas.days * self.sehari + (batas - timedelta(days=batas.days)) // _US
