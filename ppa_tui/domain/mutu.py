"""Mutu baku: how often each SOP step is finished within its limit, and how long it takes.

For a period [sejak, sampai) by the moment a step finished (`finished_at`), one row per
step of every SOP in `data/sop/`, in file order (SOP Layanan, then Pendampingan):

- ``selesai``: steps finished in the period. A step stopped by closing its case
  (``keputusan = "dihentikan"``) was not done and is not counted anywhere.
- ``tepat_waktu`` of ``dengan_batas``: finished at or before the stored deadline
  (``finished_at <= deadline_at``), out of the finished steps that had a deadline. A step
  without one (SOP 18 step 4 before the officer set its deadline) counts as finished
  but stays out of this ratio: there was no limit to keep.
- ``median`` and ``p90`` of the time taken, by the **nearest-rank** method: the smallest
  duration with at least 50 % (90 %) of the durations at or below it, so every figure
  is a duration that really happened (for an even count the median is the lower of the
  middle two). Working time where the SOP counts working time (``hitungan = "kerja"``,
  the unit's calendar), else clock time; a finish before the start (two laptops'
  clocks) counts as zero.

Synthetic cases (`Kasus.demo`) and removed cases and steps are never counted. One query
reads the period's finished steps (only the columns needed); the rest is Python.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from ppa_tui.domain.langkah import DIHENTIKAN
from ppa_tui.domain.models import Kasus, LangkahKasus
from ppa_tui.domain.sop import semua_sop

__all__ = [
    "BULAN",
    "LaporanMutu",
    "MutuLangkah",
    "Periode",
    "mutu_baku",
    "periode_bulan",
    "periode_tahun",
    "persentil",
    "ringkas_durasi",
]

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")


@dataclass(frozen=True)
class Periode:
    """[sejak, sampai) as aware UTC, from local month or year boundaries."""

    judul: str
    sejak: datetime
    sampai: datetime


def _tengah_malam(hari: date, zona: ZoneInfo) -> datetime:
    return datetime(hari.year, hari.month, hari.day, tzinfo=zona).astimezone(UTC)


def periode_bulan(tahun: int, bulan: int, zona: str | ZoneInfo = "Asia/Jakarta") -> Periode:
    """The local calendar month; ``bulan`` may run past 1..12 (13 = next January)."""
    z = ZoneInfo(zona) if isinstance(zona, str) else zona
    tahun, bulan = tahun + (bulan - 1) // 12, (bulan - 1) % 12 + 1
    awal = date(tahun, bulan, 1)
    akhir = date(tahun + bulan // 12, bulan % 12 + 1, 1)
    return Periode(f"{BULAN[bulan - 1]} {tahun}", _tengah_malam(awal, z), _tengah_malam(akhir, z))


def periode_tahun(tahun: int, zona: str | ZoneInfo = "Asia/Jakarta") -> Periode:
    z = ZoneInfo(zona) if isinstance(zona, str) else zona
    return Periode(f"Tahun {tahun}", _tengah_malam(date(tahun, 1, 1), z),
                   _tengah_malam(date(tahun + 1, 1, 1), z))


@dataclass(frozen=True)
class MutuLangkah:
    """One SOP step's figures for the period (see the module's docstring)."""

    sop_kode: str
    langkah_kode: str
    label: str  # "L1 Klien mengadukan"
    selesai: int
    dengan_batas: int
    tepat_waktu: int
    median: timedelta | None
    p90: timedelta | None
    batas_teks: str  # the SOP's own text: "10 menit", "Tergantung jenis intervensi …"
    kerja: bool  # durations are working time
    sehari: timedelta = timedelta(days=1)  # one "hari" of those durations

    @property
    def persen_tepat(self) -> float | None:
        """Share within the limit, 0..100; None when no finished step had a deadline."""
        return 100 * self.tepat_waktu / self.dengan_batas if self.dengan_batas else None


@dataclass(frozen=True)
class LaporanMutu:
    sejak: datetime
    sampai: datetime
    baris: tuple[MutuLangkah, ...]
    dihentikan: int  # steps stopped by a closure in the period (not counted above)
    contoh: bool = False  # the figures are of synthetic cases (a demo-only database)


def persentil(urut: list[timedelta], p: float) -> timedelta | None:
    """Nearest rank: the ``ceil(p/100 * n)``-th smallest of sorted ``urut``."""
    if not urut:
        return None
    k = max(1, math.ceil(p / 100 * len(urut)))
    return urut[k - 1]


def mutu_baku(session: Session, sejak: datetime, sampai: datetime,
              kalender: Any = None) -> LaporanMutu:
    """The figures for [sejak, sampai); ``kalender`` is the unit's working-time calendar
    (`kalender.kalender_dari`), None to count clock time throughout. Synthetic cases
    (`ppa demo`) never count beside real ones; a database holding only synthetic cases
    (one to try the app on) shows theirs, and the report says so (`contoh`)."""
    contoh = session.exec(select(Kasus.id).where(col(Kasus.demo).is_(False)).limit(1)
                          ).first() is None
    stmt = (
        select(LangkahKasus.sop_kode, LangkahKasus.langkah_kode, LangkahKasus.started_at,
               LangkahKasus.deadline_at, LangkahKasus.finished_at, LangkahKasus.keputusan,
               LangkahKasus.durasi_kerja_detik)
        .join(Kasus, Kasus.id == LangkahKasus.kasus_id)
        .where(col(LangkahKasus.finished_at) >= sejak)
        .where(col(LangkahKasus.finished_at) < sampai)
        .where(col(LangkahKasus.deleted_at).is_(None))
        .where(col(Kasus.deleted_at).is_(None))
    )
    if not contoh:
        stmt = stmt.where(col(Kasus.demo).is_(False))
    laporan = hitung_mutu(session.exec(stmt).all(), sejak, sampai, kalender)
    return replace(laporan, contoh=contoh and bool(laporan.baris)
                   and any(r.selesai for r in laporan.baris))


def hitung_mutu(rows: list[tuple], sejak: datetime, sampai: datetime,
                kalender: Any = None) -> LaporanMutu:
    """The figures from plain rows (sop_kode, langkah_kode, started_at, deadline_at,
    finished_at, keputusan[, durasi_kerja_detik]). A stored duration is used when the
    figures count the calendar (``kalender`` given); otherwise, or when none was
    stored, the duration is computed."""
    from ppa_tui.domain.kalender import JamDinding, untuk_sop

    sops = semua_sop()
    hitungan = {k: (untuk_sop(s, kalender) if kalender is not None else JamDinding())
                for k, s in sops.items()}
    durasi: dict[tuple[str, str], list[timedelta]] = defaultdict(list)
    dengan_batas: dict[tuple[str, str], int] = defaultdict(int)
    tepat: dict[tuple[str, str], int] = defaultdict(int)
    dihentikan = 0
    jam = JamDinding()
    for sop_kode, kode, mulai, tenggat, selesai, keputusan, *simpan in rows:
        if keputusan == DIHENTIKAN:
            dihentikan += 1
            continue
        kunci = (sop_kode, kode)
        if kalender is not None and simpan and simpan[0] is not None:
            durasi[kunci].append(timedelta(seconds=simpan[0]))
        else:
            h = hitungan.get(sop_kode, jam)
            durasi[kunci].append(max(h.durasi(mulai, selesai), timedelta(0)))
        if tenggat is not None:
            dengan_batas[kunci] += 1
            tepat[kunci] += selesai <= tenggat

    baris = []
    for sop_kode, sop in sops.items():
        h = hitungan[sop_kode]
        kode_sop = [lk.kode for lk in sop.langkah]
        # a step of another version of the SOP data still counts, after the known ones
        lain = sorted(k for s, k in durasi if s == sop_kode and k not in kode_sop)
        for kode in [*kode_sop, *lain]:
            try:
                lk = sop.langkah_by_kode(kode)
                label, teks = f"{kode} {lk.ringkas}", lk.waktu_teks
            except KeyError:
                label, teks = kode, "—"
            urut = sorted(durasi.get((sop_kode, kode), []))
            baris.append(MutuLangkah(
                sop_kode, kode, label, len(urut), dengan_batas[(sop_kode, kode)],
                tepat[(sop_kode, kode)], persentil(urut, 50), persentil(urut, 90), teks,
                h.kerja, h.sehari))
    return LaporanMutu(sejak, sampai, tuple(baris), dihentikan)


def ringkas_durasi(td: timedelta | None, sehari: timedelta | None = None) -> str:
    """For a table column, at most 10 characters: "0:07" (jam:menit) under a day, beyond
    it whole days and the rest: "2 HK 3:10" in working days of ``sehari`` hours (as
    home writes "HK"), "2 hr 3:10" in clock days. None is "—"."""
    if td is None:
        return "—"
    if sehari is None:
        sehari, satuan = timedelta(days=1), "hr"
    else:
        satuan = "HK"
    hari, sisa = divmod(td, sehari)
    menit = int(sisa.total_seconds()) // 60
    waktu = f"{menit // 60}:{menit % 60:02d}"
    return f"{hari} {satuan} {waktu}" if hari else waktu


def kepatuhan(session: Session, sejak: datetime, sampai: datetime) -> LaporanMutu:
    """`mutu_baku`'s counts for [sejak, sampai) (finished, with a deadline, within it,
    stopped by a closure), counted in the database with one GROUP BY and without the
    durations: a year of a busy unit is 700,000 finished steps, whose working-time
    durations take Python tens of seconds, so a recap (`domain/rekap.py`) reports the
    share within the limit and leaves the median and P90 to the mutu baku screen.
    Same rows, same rules (removed, demo-only database) as `mutu_baku`; ``median`` and
    ``p90`` are None."""
    from sqlalchemy import case, func

    contoh = session.exec(select(Kasus.id).where(col(Kasus.demo).is_(False)).limit(1)
                          ).first() is None
    tidak_dihitung = select(Kasus.id).where(col(Kasus.deleted_at).is_not(None))
    if not contoh:
        tidak_dihitung = select(Kasus.id).where(
            (col(Kasus.deleted_at).is_not(None)) | (col(Kasus.demo).is_(True)))
    dihentikan = LangkahKasus.keputusan == DIHENTIKAN
    selesai: Any = col(LangkahKasus.finished_at)
    # "finished_at IS NOT NULL" lets the planner read the finished steps in step order
    # from ix_langkah_kasus_selesai_langkah (0010), which holds every column counted
    # here: no row lookup and no sort (a year of 700,000 steps on SQLite: 0.26 s, was
    # 0.75 s reading the table and sorting; a month 0.1 s, was 0.3 s).
    stmt = (
        select(LangkahKasus.sop_kode, LangkahKasus.langkah_kode,
               func.sum(case((dihentikan, 0), else_=1)),
               func.sum(case((dihentikan, 0),
                             (col(LangkahKasus.deadline_at).is_not(None), 1), else_=0)),
               func.sum(case((dihentikan, 0),
                             (col(LangkahKasus.finished_at) <= col(LangkahKasus.deadline_at),
                              1), else_=0)),
               func.sum(case((dihentikan, 1), else_=0)))
        .where(selesai.is_not(None))
        .where(selesai >= sejak)
        .where(selesai < sampai)
        .where(col(LangkahKasus.deleted_at).is_(None))
        .where(col(LangkahKasus.kasus_id).not_in(tidak_dihitung))
        .group_by(LangkahKasus.sop_kode, LangkahKasus.langkah_kode)
    )
    hitung = {(s, k): (int(n or 0), int(b or 0), int(t or 0), int(h or 0))
              for s, k, n, b, t, h in session.exec(stmt).all()}
    baris = []
    for sop_kode, sop in semua_sop().items():
        kode_sop = [lk.kode for lk in sop.langkah]
        lain = sorted(k for s, k in hitung if s == sop_kode and k not in kode_sop)
        for kode in [*kode_sop, *lain]:
            try:
                lk = sop.langkah_by_kode(kode)
                label, teks = f"{kode} {lk.ringkas}", lk.waktu_teks
            except KeyError:
                label, teks = kode, "—"
            n, b, t, _ = hitung.get((sop_kode, kode), (0, 0, 0, 0))
            baris.append(MutuLangkah(sop_kode, kode, label, n, b, t, None, None, teks,
                                     sop.hitungan == "kerja"))
    laporan = LaporanMutu(sejak, sampai, tuple(baris), sum(h[3] for h in hitung.values()))
    return replace(laporan, contoh=contoh and any(r.selesai for r in laporan.baris))
