"""The unit's working-time calendar: when an SOP limit counts working time, not clock time.

The SOPs' limits are service time. "1 hari" is one working day's hours, "2 jam" two
working hours; weekends, national holidays (the `holidays` package, country "ID") and
cuti bersama (``data/cuti_bersama.toml``, or the unit's own file) do not count.

This module sits on the path to the app's first frame, so it imports only the standard
library; `holidays` (~100 ms) and `tomllib` load when first needed. Times are wall-clock
times in the unit's zone (Indonesia has no daylight saving); every datetime in and out is
timezone-aware, and what comes out is UTC.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from zoneinfo import ZoneInfo

    from ppa_tui.domain.sop import Sop
    from ppa_tui.settings import Settings

__all__ = [
    "Hitungan",
    "JamDinding",
    "Kalender",
    "baca_cuti_bersama",
    "cuti_bersama_dari",
    "kalender_dari",
    "untuk_sop",
]

_SEHARI = timedelta(days=1)
_BATAS_HARI = 3660  # tambah gives up after this many calendar days (no working day)


class Hitungan(Protocol):
    """How an SOP's limits count: working time (Kalender) or clock time (JamDinding)."""

    @property
    def kerja(self) -> bool: ...

    @property
    def sehari(self) -> timedelta:
        """What one "hari" of a limit is worth: a working day's hours, or 24 hours."""
        ...

    def tambah(self, mulai: datetime, batas: timedelta) -> datetime: ...

    def durasi(self, a: datetime, b: datetime) -> timedelta: ...


def _aware(dt: datetime, nama: str) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"{nama} harus datetime dengan zona waktu (UTC), didapat {dt!r}")
    return dt


@dataclass(frozen=True)
class JamDinding:
    """Clock time: the limit is plain elapsed time, day and night, every day."""

    kerja: ClassVar[bool] = False
    sehari: ClassVar[timedelta] = _SEHARI

    def tambah(self, mulai: datetime, batas: timedelta) -> datetime:
        return _aware(mulai, "mulai") + batas

    def durasi(self, a: datetime, b: datetime) -> timedelta:
        return _aware(b, "b") - _aware(a, "a")


@dataclass(frozen=True)
class Kalender:
    """Working days (0 = Senin … 6 = Minggu) and hours in ``zona``, plus cuti bersama.

    National holidays are looked up per year on first use and cached with the calendar
    (the lookup costs ~0.1 s the first time; call `libur` in a worker to warm it).
    """

    hari_kerja: frozenset[int]
    jam_mulai: time
    jam_selesai: time
    zona: ZoneInfo
    cuti_bersama: frozenset[date] = field(default=frozenset(), repr=False)
    _libur: dict[int, tuple[frozenset[date], tuple[date, ...]]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False)

    kerja: ClassVar[bool] = True

    def __post_init__(self) -> None:
        if not self.hari_kerja or not self.hari_kerja <= frozenset(range(7)):
            raise ValueError(f"hari_kerja harus angka 0..6 (0 = Senin), didapat "
                             f"{sorted(self.hari_kerja)}")
        if self.jam_mulai.tzinfo or self.jam_selesai.tzinfo:
            raise ValueError("jam_mulai dan jam_selesai adalah jam dinding, tanpa zona waktu")
        if not self.jam_mulai < self.jam_selesai:
            raise ValueError(f"jam_mulai ({self.jam_mulai:%H:%M}) harus sebelum "
                             f"jam_selesai ({self.jam_selesai:%H:%M})")

    @property
    def sehari(self) -> timedelta:
        """One working day's hours: what "1 hari" of an SOP limit is worth."""
        return (datetime.combine(date.min, self.jam_selesai)
                - datetime.combine(date.min, self.jam_mulai))

    # --- off days ------------------------------------------------------------------

    def libur(self, tahun: int) -> frozenset[date]:
        """National holidays and cuti bersama of ``tahun`` (cached per year)."""
        return self._tahun(tahun)[0]

    def _tahun(self, tahun: int) -> tuple[frozenset[date], tuple[date, ...]]:
        """The year's off days, and (sorted) those that fall on a working weekday."""
        try:
            return self._libur[tahun]
        except KeyError:
            pass
        semua = _libur_nasional(tahun) | {d for d in self.cuti_bersama if d.year == tahun}
        pada_hari_kerja = tuple(sorted(d for d in semua if d.weekday() in self.hari_kerja))
        self._libur[tahun] = hasil = (frozenset(semua), pada_hari_kerja)
        return hasil

    def hari_kerja_pada(self, hari: date) -> bool:
        """Whether ``hari`` is a working day: a working weekday that is not off."""
        return hari.weekday() in self.hari_kerja and hari not in self._tahun(hari.year)[0]

    def _jumlah_hari_kerja(self, awal: date, akhir: date) -> int:
        """Working days in [awal, akhir): weeks by arithmetic, off days by bisection, so
        a step a year overdue costs two year lookups, not 365 loop turns."""
        n = (akhir - awal).days
        if n <= 0:
            return 0
        minggu, sisa = divmod(n, 7)
        w = awal.weekday()
        jumlah = minggu * len(self.hari_kerja)
        jumlah += sum(1 for i in range(sisa) if (w + i) % 7 in self.hari_kerja)
        for tahun in range(awal.year, (akhir - _SEHARI).year + 1):
            urut = self._tahun(tahun)[1]
            jumlah -= bisect_left(urut, akhir) - bisect_left(urut, awal)
        return jumlah

    # --- arithmetic ----------------------------------------------------------------

    def _lokal(self, dt: datetime, nama: str) -> datetime:
        """``dt`` as naive wall time in the unit's zone."""
        return _aware(dt, nama).astimezone(self.zona).replace(tzinfo=None)

    def _utc(self, lokal: datetime) -> datetime:
        return lokal.replace(tzinfo=self.zona).astimezone(UTC)

    def _di_hari(self, hari: date, a: datetime, b: datetime) -> timedelta:
        """Working time of [a, b] (naive local) that falls on ``hari``."""
        if not self.hari_kerja_pada(hari):
            return timedelta(0)
        awal = max(a, datetime.combine(hari, self.jam_mulai))
        akhir = min(b, datetime.combine(hari, self.jam_selesai))
        return max(akhir - awal, timedelta(0))

    def tambah(self, mulai: datetime, batas: timedelta) -> datetime:
        """The deadline: ``batas``'s whole days as working days of `sehari` hours each,
        the rest as working time, counted from ``mulai``. Ends at the earliest instant
        (a limit used up at closing time ends then, not at the next opening)."""
        if batas < timedelta(0):
            raise ValueError(f"batas waktu negatif: {batas}")
        t = self._lokal(mulai, "mulai")
        perlu = batas.days * self.sehari + (batas - timedelta(days=batas.days))
        if not perlu:
            return _aware(mulai, "mulai").astimezone(UTC)
        hari = t.date()
        for _ in range(_BATAS_HARI):
            if self.hari_kerja_pada(hari):
                awal = max(t, datetime.combine(hari, self.jam_mulai))
                akhir = datetime.combine(hari, self.jam_selesai)
                if awal < akhir:
                    if perlu <= akhir - awal:
                        return self._utc(awal + perlu)
                    perlu -= akhir - awal
            hari += _SEHARI
        raise ValueError(f"tidak ada hari kerja dalam {_BATAS_HARI} hari sejak {mulai}")

    def durasi(self, a: datetime, b: datetime) -> timedelta:
        """Working time from ``a`` to ``b``; negative when ``b`` is before ``a``."""
        x, y = self._lokal(a, "a"), self._lokal(b, "b")
        if y < x:
            return -self._antara(y, x)
        return self._antara(x, y)

    def _antara(self, x: datetime, y: datetime) -> timedelta:
        hx, hy = x.date(), y.date()
        if hx == hy:
            return self._di_hari(hx, x, y)
        penuh = self._jumlah_hari_kerja(hx + _SEHARI, hy)
        return self._di_hari(hx, x, y) + penuh * self.sehari + self._di_hari(hy, x, y)


def _libur_nasional(tahun: int) -> frozenset[date]:
    """Indonesia's national holidays of ``tahun`` from `holidays` (imported only here)."""
    import holidays

    return frozenset(holidays.country_holidays("ID", years=tahun))


# --- building one ------------------------------------------------------------------

def baca_cuti_bersama(teks: str, asal: str) -> frozenset[date]:
    """Cuti bersama from a TOML text: ``2026 = [2026-02-16, ...]``, one key per year.

    ValueError (Indonesian, naming ``asal``) for anything else: a wrong date in this
    file would silently move deadlines.
    """
    import tomllib

    try:
        data = tomllib.loads(teks)
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{asal}: TOML tidak sah: {e}") from None
    hasil: set[date] = set()
    for kunci, nilai in data.items():
        if not (kunci.isdigit() and len(kunci) == 4):
            raise ValueError(f"{asal}: kunci {kunci!r} harus tahun empat angka, mis. 2026")
        if not isinstance(nilai, list) or not all(
                isinstance(d, date) and not isinstance(d, datetime) for d in nilai):
            raise ValueError(f"{asal}: '{kunci}' harus daftar tanggal, mis. "
                             f"[{kunci}-02-16, {kunci}-03-20]")
        if lain := [d.isoformat() for d in nilai if d.year != int(kunci)]:
            raise ValueError(f"{asal}: '{kunci}' memuat tanggal tahun lain: {lain}")
        hasil.update(nilai)
    return frozenset(hasil)


def _berkas_bawaan() -> Traversable:
    from ppa_tui.domain.sumber import folder

    return folder("data") / "cuti_bersama.toml"


def cuti_bersama_dari(berkas: Path | None = None) -> frozenset[date]:
    """The unit's file when it has one, else the shipped ``data/cuti_bersama.toml``."""
    if berkas is None:
        return baca_cuti_bersama(_berkas_bawaan().read_text(encoding="utf-8"),
                                 "data/cuti_bersama.toml")
    return baca_cuti_bersama(Path(berkas).read_text(encoding="utf-8"), str(berkas))


def kalender_dari(settings: Settings) -> Kalender:
    """The unit's calendar from its settings (hours, days, zone, cuti bersama file)."""
    from zoneinfo import ZoneInfo

    mulai, selesai = settings.jam_kerja
    return Kalender(hari_kerja=settings.hari_kerja, jam_mulai=mulai, jam_selesai=selesai,
                    zona=ZoneInfo(settings.zona_waktu),
                    cuti_bersama=cuti_bersama_dari(settings.cuti_bersama))


def untuk_sop(sop: Sop, kalender: Kalender) -> Hitungan:
    """How ``sop``'s limits count: the unit's calendar, or clock time."""
    return kalender if sop.hitungan == "kerja" else JamDinding()
