"""The step clock: how much time an SOP step has left, read from stored times only.

A step's deadline is ``started_at + batas``, stored with the step. Every reading here is
a pure function of the stored started/deadline/finished times and "now", so the
countdown is the same after a restart, a crash or a move to another laptop. The clock
knows nothing of any one SOP. All datetimes are timezone-aware (UTC).

Where an SOP counts the unit's working time, the same functions take its calendar
(``domain/kalender.py``): the deadline is then the end of the limit in working time, and
what is left or taken is working time, so the countdown stands still after hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ppa_tui.domain.kalender import Hitungan

__all__ = [
    "BacaanJam",
    "Clock",
    "FixedClock",
    "StatusJam",
    "SystemClock",
    "baca_jam",
    "deadline_of",
    "format_sisa",
    "format_sisa_kerja",
]


class Clock(Protocol):
    """Where "now" comes from, so services and tests never call datetime.now themselves."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock, in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to: for tests, no sleeps."""

    def __init__(self, now: datetime) -> None:
        self._now = _aware(now, "now")

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def set(self, dt: datetime) -> None:
        self._now = _aware(dt, "dt")


class StatusJam(StrEnum):
    BERJALAN = "berjalan"
    PERINGATAN = "peringatan"
    TERLAMBAT = "terlambat"
    SELESAI = "selesai"
    TANPA_BATAS = "tanpa_batas"


@dataclass(frozen=True)
class BacaanJam:
    """One reading of a step's clock.

    ``sisa``: deadline minus now (negative when overdue); for a finished step, the
    margin it finished with (negative if late). ``durasi``: actual duration, finished
    steps only. ``tepat_waktu``: finished within the limit (None if unfinished or no
    limit). ``sehari_kerja``: set when ``sisa`` and ``durasi`` are working time, to one
    working day's hours (None: clock time).
    """

    status: StatusJam
    sisa: timedelta | None
    durasi: timedelta | None
    teks: str
    tepat_waktu: bool | None = None
    sehari_kerja: timedelta | None = None

    @property
    def ringkas(self) -> str:
        """At most 15 characters, for a table column: whole days past a day
        ("lewat 364 hari", "2 hari lagi"), otherwise the minutes ("lewat 3:10").

        Working time counts whole working days as official letters write them ("2 HK
        lagi", "lewat 12 HK"); under a working day it reads like clock time ("6:00
        lagi"): the column's header says the time is working time."""
        if self.sisa is None or self.status in (StatusJam.SELESAI, StatusJam.TANPA_BATAS):
            return self.teks
        jarak = abs(self.sisa)
        if self.sehari_kerja is not None and jarak >= self.sehari_kerja:
            waktu = f"{jarak // self.sehari_kerja} HK"
        else:
            waktu = f"{jarak.days} hari" if jarak.days else format_sisa(jarak)
        return f"lewat {waktu}" if self.status is StatusJam.TERLAMBAT else f"{waktu} lagi"


def _aware(dt: datetime, nama: str) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"{nama} harus datetime dengan zona waktu (UTC), didapat {dt!r}")
    return dt


def deadline_of(started_at: datetime, batas: timedelta | None,
                kalender: Hitungan | None = None) -> datetime | None:
    """The deadline to store when a step starts; None when the SOP sets no limit.

    With a working-time calendar, the instant the limit's working time runs out."""
    _aware(started_at, "started_at")
    if batas is None:
        return None
    return started_at + batas if kalender is None else kalender.tambah(started_at, batas)


def format_sisa(td: timedelta) -> str:
    """"11:32" under an hour, "1:05:10" under a day, "1 hari 2:03:00" beyond.

    Whole seconds, rounded down.
    """
    if td < timedelta(0):
        raise ValueError(f"format_sisa butuh durasi tidak negatif, didapat {td}")
    detik = int(td.total_seconds())
    hari, detik = divmod(detik, 86_400)
    jam, detik = divmod(detik, 3_600)
    menit, detik = divmod(detik, 60)
    if hari:
        return f"{hari} hari {jam}:{menit:02d}:{detik:02d}"
    if jam:
        return f"{jam}:{menit:02d}:{detik:02d}"
    return f"{menit}:{detik:02d}"


def format_sisa_kerja(td: timedelta, sehari: timedelta) -> str:
    """Working time: as format_sisa under one working day ("3:10", "7:59:59"), beyond it
    whole working days of ``sehari`` hours ("2 hari kerja 3:10:00"): a "hari" of 24
    working hours would read as three days' work."""
    if td < timedelta(0):
        raise ValueError(f"format_sisa_kerja butuh durasi tidak negatif, didapat {td}")
    hari, sisa = divmod(td, sehari)
    if not hari:
        return format_sisa(td)
    detik = int(sisa.total_seconds())
    return f"{hari} hari kerja {detik // 3600}:{detik // 60 % 60:02d}:{detik % 60:02d}"


def baca_jam(
    started_at: datetime,
    deadline_at: datetime | None,
    finished_at: datetime | None,
    now: datetime,
    peringatan_rasio: float = 0.25,
    kalender: Hitungan | None = None,
) -> BacaanJam:
    """Read a step's clock from its stored times.

    Warning when what is left is at most ``peringatan_rasio`` of the whole limit;
    overdue only strictly past the deadline. A finish time before the start (clocks of
    two laptops disagreeing) counts as zero duration rather than failing a screen.
    With a working-time ``kalender`` (``kerja``), what is left, the whole limit and the
    time taken are working time and the text says so; None or clock time read as before.
    """
    _aware(started_at, "started_at")
    _aware(now, "now")
    if deadline_at is not None:
        _aware(deadline_at, "deadline_at")
    if not 0 <= peringatan_rasio <= 1:
        raise ValueError(f"peringatan_rasio harus 0..1, didapat {peringatan_rasio}")
    if kalender is not None and kalender.kerja:
        return _baca_kerja(started_at, deadline_at, finished_at, now, peringatan_rasio,
                           kalender)

    if finished_at is not None:
        _aware(finished_at, "finished_at")
        durasi = max(finished_at - started_at, timedelta(0))
        if deadline_at is None:
            return BacaanJam(StatusJam.SELESAI, None, durasi,
                             f"selesai dalam {format_sisa(durasi)}")
        margin = deadline_at - finished_at
        tepat = margin >= timedelta(0)
        teks = f"selesai dalam {format_sisa(durasi)} · " + (
            "tepat waktu" if tepat else f"lewat {format_sisa(-margin)}")
        return BacaanJam(StatusJam.SELESAI, margin, durasi, teks, tepat_waktu=tepat)

    if deadline_at is None:
        return BacaanJam(StatusJam.TANPA_BATAS, None, None, "tanpa batas waktu")

    sisa = deadline_at - now
    if sisa < timedelta(0):
        return BacaanJam(StatusJam.TERLAMBAT, sisa, None, f"lewat {format_sisa(-sisa)}")
    ambang = (deadline_at - started_at) * peringatan_rasio
    status = StatusJam.PERINGATAN if sisa <= ambang else StatusJam.BERJALAN
    return BacaanJam(status, sisa, None, f"{format_sisa(sisa)} lagi")


def _baca_kerja(started_at: datetime, deadline_at: datetime | None,
                finished_at: datetime | None, now: datetime, peringatan_rasio: float,
                kalender: Hitungan) -> BacaanJam:
    """baca_jam in working time. Late or not is still decided on the wall clock: a step
    due at closing on Friday is overdue on Saturday, with 0:00 working time past.
    Under a working day the text adds "jam kerja"; "2 hari kerja 1:00:00" says it."""
    sehari = kalender.sehari

    def kerja(td: timedelta) -> str:
        return format_sisa_kerja(td, sehari)

    if finished_at is not None:
        _aware(finished_at, "finished_at")
        durasi = max(kalender.durasi(started_at, finished_at), timedelta(0))
        teks = f"selesai dalam {kerja(durasi)}" + ("" if durasi >= sehari else " jam kerja")
        if deadline_at is None:
            return BacaanJam(StatusJam.SELESAI, None, durasi, teks, sehari_kerja=sehari)
        margin = kalender.durasi(finished_at, deadline_at)
        tepat = finished_at <= deadline_at
        teks += " · " + ("tepat waktu" if tepat else f"lewat {kerja(-margin)}")
        return BacaanJam(StatusJam.SELESAI, margin, durasi, teks, tepat_waktu=tepat,
                         sehari_kerja=sehari)

    if deadline_at is None:
        return BacaanJam(StatusJam.TANPA_BATAS, None, None, "tanpa batas waktu")

    sisa = kalender.durasi(now, deadline_at)
    label = "" if abs(sisa) >= sehari else " (jam kerja)"
    if now > deadline_at:
        return BacaanJam(StatusJam.TERLAMBAT, sisa, None, f"lewat {kerja(-sisa)}{label}",
                         sehari_kerja=sehari)
    if kalender.durasi(now, now + timedelta(minutes=1)) == timedelta(0):
        label = " (berhenti di luar jam kerja)"  # why the countdown does not move now
    ambang = kalender.durasi(started_at, deadline_at) * peringatan_rasio
    status = StatusJam.PERINGATAN if sisa <= ambang else StatusJam.BERJALAN
    return BacaanJam(status, sisa, None, f"{kerja(sisa)} lagi{label}", sehari_kerja=sehari)
