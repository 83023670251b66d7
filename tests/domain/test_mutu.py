"""Mutu baku on both backends, on a fixed history whose figures are worked out by hand.

Period: November 2026, WIB (31 Oct 17:00 UTC to 30 Nov 17:00 UTC). Working time is
Monday-Friday 08:00-16:00 (no holiday in November 2026). Times below are WIB.

L1 (limit "10 menit"), finished in the period:

| step | started | deadline | finished | working time | in time |
|---|---|---|---|---|---|
| a | Mon 2 Nov 09:00 | 09:10 | 09:05 | 0:05 | yes |
| b | Tue 3 Nov 09:00 | 09:10 | 09:20 | 0:20 | no |
| c | Wed 4 Nov 15:55 | Thu 5 Nov 08:05 | Thu 08:02 | 0:05 + 0:02 = 0:07 | yes |
| d | Fri 30 Oct 15:00 | 15:10 | Sun 1 Nov 00:00 (first instant) | Fri 15:00-16:00 = 1:00 | no |

Sorted 0:05, 0:07, 0:20, 1:00: 4 finished, 2 of 4 in time (50 %). Nearest rank: median
is the ceil(0.5 * 4) = 2nd = 0:07, P90 the ceil(0.9 * 4) = 4th = 1:00. In clock time c
took 16:07 and d 33:00: sorted 0:05, 0:20, 16:07, 33:00, median 0:20, P90 33:00.

Not counted for L1: a step stopped by a closure (`dihentikan`, counted apart), one
finished at the period's end (Tue 1 Dec 00:00), one still running, one removed, one of
a removed case and one of a demo case.

L2 ("15 menit"): one step, Mon 9 Nov 10:00 to 10:15, deadline 10:15: finishing on the
deadline is in time. 1 finished, 1 of 1 (100 %), median = P90 = 0:15.

P4 (no limit in the SOP):

| step | started | deadline | finished | working time |
|---|---|---|---|---|
| e | Mon 2 Nov 09:00 | none | Fri 6 Nov 09:00 | 4 days of 8 h = 32:00 |
| f | Mon 9 Nov 08:00 | Fri 13 Nov 16:00 (officer's) | Mon 16 Nov 08:30 | 5 days + 0:30 = 40:30 |

2 finished, 1 with a deadline, 0 in time (0 %); median = 1st = 32:00 ("4 HK 0:00"), P90
= 2nd = 40:30 ("5 HK 0:30"). Every other step: 0 finished, no figures.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from ppa_tui.domain.kalender import Kalender
from ppa_tui.domain.models import Kasus, LangkahKasus
from ppa_tui.domain.mutu import (
    mutu_baku,
    periode_bulan,
    periode_tahun,
    persentil,
    ringkas_durasi,
)
from ppa_tui.domain.sop import load_sop

WIB = ZoneInfo("Asia/Jakarta")
KALENDER = Kalender(frozenset(range(5)), time(8), time(16), WIB)
NOVEMBER = periode_bulan(2026, 11, WIB)
M = timedelta(minutes=1)
H = timedelta(hours=1)


def wib(bulan: int, hari: int, jam: int, menit: int = 0) -> datetime:
    return datetime(2026, bulan, hari, jam, menit, tzinfo=WIB).astimezone(UTC)


def nov(hari: int, jam: int, menit: int = 0) -> datetime:
    return wib(11, hari, jam, menit)


@pytest.fixture
def riwayat(db) -> None:
    with db.session() as s:
        def kasus(urutan: int, **kw) -> Kasus:
            k = Kasus(nomor_register=f"PPA/2026/{urutan:04d}", tahun=2026, urutan=urutan,
                      waktu_diterima=nov(2, 9), **kw)
            s.add(k)
            s.flush()
            return k

        def langkah(k: Kasus, kode: str, mulai, tenggat, selesai, sop="layanan", **kw) -> None:
            s.add(LangkahKasus(kasus_id=k.id, sop_kode=sop, langkah_kode=kode,
                               started_at=mulai, deadline_at=tenggat, finished_at=selesai, **kw))

        k = kasus(1)
        langkah(k, "L1", nov(2, 9), nov(2, 9, 10), nov(2, 9, 5))  # a
        langkah(k, "L1", nov(3, 9), nov(3, 9, 10), nov(3, 9, 20))  # b
        langkah(k, "L1", nov(4, 15, 55), nov(5, 8, 5), nov(5, 8, 2))  # c
        langkah(k, "L1", wib(10, 30, 15), wib(10, 30, 15, 10), nov(1, 0))  # d
        langkah(k, "L1", nov(20, 9), nov(20, 9, 10), nov(20, 9, 30), keputusan="dihentikan")
        langkah(k, "L1", nov(30, 15), nov(30, 15, 10), wib(12, 1, 0))  # the end: excluded
        langkah(k, "L1", nov(23, 9), nov(23, 9, 10), None)  # still running
        langkah(k, "L1", nov(10, 9), nov(10, 9, 10), nov(10, 9, 5), deleted_at=nov(10, 10))
        langkah(k, "L2", nov(9, 10), nov(9, 10, 15), nov(9, 10, 15))
        langkah(k, "P4", nov(2, 9), None, nov(6, 9), sop="pendampingan")  # e
        langkah(k, "P4", nov(9, 8), nov(13, 16), nov(16, 8, 30), sop="pendampingan",
                batas_manual=True)  # f
        langkah(kasus(2, deleted_at=nov(12, 9)), "L1", nov(11, 9), nov(11, 9, 10),
                nov(11, 9, 5))
        langkah(kasus(3, demo=True), "L1", nov(11, 9), nov(11, 9, 10), nov(11, 9, 50))


def _per_kode(laporan) -> dict:
    return {r.langkah_kode: r for r in laporan.baris}


def test_figures_per_step_in_working_time(db, riwayat) -> None:
    with db.baca() as s:
        laporan = mutu_baku(s, NOVEMBER.sejak, NOVEMBER.sampai, KALENDER)
    rows = _per_kode(laporan)
    l1, l2, p4 = rows["L1"], rows["L2"], rows["P4"]
    assert (l1.selesai, l1.dengan_batas, l1.tepat_waktu, l1.persen_tepat) == (4, 4, 2, 50.0)
    assert (l1.median, l1.p90) == (7 * M, 60 * M)
    assert (l2.selesai, l2.dengan_batas, l2.tepat_waktu, l2.persen_tepat) == (1, 1, 1, 100.0)
    assert (l2.median, l2.p90) == (15 * M, 15 * M)
    assert (p4.selesai, p4.dengan_batas, p4.tepat_waktu, p4.persen_tepat) == (2, 1, 0, 0.0)
    assert (p4.median, p4.p90) == (32 * H, 40 * H + 30 * M)
    assert laporan.dihentikan == 1
    assert (l1.label, l1.batas_teks, l1.kerja, l1.sehari) == (
        "L1 Klien mengadukan", "10 menit", True, 8 * H)
    assert p4.batas_teks.startswith("Tergantung")
    for kode, r in rows.items():
        if kode not in ("L1", "L2", "P4"):
            assert (r.selesai, r.dengan_batas, r.median, r.p90, r.persen_tepat) == (
                0, 0, None, None, None), kode


def test_every_step_of_both_sops_in_file_order(db, riwayat) -> None:
    with db.baca() as s:
        laporan = mutu_baku(s, NOVEMBER.sejak, NOVEMBER.sampai, KALENDER)
    urutan = [lk.kode for lk in load_sop("layanan").langkah] + [
        lk.kode for lk in load_sop("pendampingan").langkah]
    assert [r.langkah_kode for r in laporan.baris] == urutan
    assert len(urutan) == 18  # 10 of SOP Layanan (two rows "4"), 8 of SOP 18


def test_clock_time_without_a_calendar(db, riwayat) -> None:
    with db.baca() as s:
        l1 = _per_kode(mutu_baku(s, NOVEMBER.sejak, NOVEMBER.sampai))["L1"]
    assert (l1.median, l1.p90, l1.kerja) == (20 * M, 33 * H, False)
    assert l1.tepat_waktu == 2  # in time or not is the stored deadline either way


def test_another_period_sees_other_steps(db, riwayat) -> None:
    desember = periode_bulan(2026, 12, WIB)
    with db.baca() as s:
        rows = _per_kode(mutu_baku(s, desember.sejak, desember.sampai, KALENDER))
    assert rows["L1"].selesai == 1  # the one finished on 1 Dec 00:00
    assert rows["L1"].median == 60 * M  # Mon 30 Nov 15:00-16:00


def test_periods_are_local_months_and_years() -> None:
    assert (NOVEMBER.judul, NOVEMBER.sejak, NOVEMBER.sampai) == (
        "November 2026", datetime(2026, 10, 31, 17, tzinfo=UTC),
        datetime(2026, 11, 30, 17, tzinfo=UTC))
    assert periode_bulan(2026, 13, WIB).judul == "Januari 2027"
    assert periode_bulan(2026, 0, WIB).judul == "Desember 2025"
    des = periode_bulan(2026, 12, WIB)
    assert (des.sejak, des.sampai) == (NOVEMBER.sampai, datetime(2026, 12, 31, 17, tzinfo=UTC))
    tahun = periode_tahun(2026, WIB)
    assert (tahun.judul, tahun.sejak, tahun.sampai) == (
        "Tahun 2026", datetime(2025, 12, 31, 17, tzinfo=UTC),
        datetime(2026, 12, 31, 17, tzinfo=UTC))


def test_nearest_rank() -> None:
    xs = [timedelta(minutes=m) for m in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)]
    assert persentil(xs, 50) == 5 * M  # ceil(5) = 5th
    assert persentil(xs, 90) == 9 * M  # ceil(9) = 9th
    assert persentil(xs[:1], 90) == 1 * M
    assert persentil([], 50) is None
    assert persentil(xs[:3], 50) == 2 * M  # ceil(1.5) = 2nd


def test_short_durations_for_the_table() -> None:
    assert ringkas_durasi(7 * M, 8 * H) == "0:07"
    assert ringkas_durasi(32 * H, 8 * H) == "4 HK 0:00"
    assert ringkas_durasi(40 * H + 30 * M, 8 * H) == "5 HK 0:30"
    assert ringkas_durasi(33 * H) == "1 hr 9:00"
    assert ringkas_durasi(None) == "—"


def test_a_database_of_only_synthetic_cases_shows_theirs_and_says_so(db) -> None:
    """Beside real cases a demo case never counts (above); on a database `ppa demo`
    filled alone, the figures are the demo's, marked as such."""
    with db.session() as s:
        k = Kasus(nomor_register="PPA/2026/0001", tahun=2026, urutan=1,
                  waktu_diterima=nov(2, 9), demo=True)
        s.add(k)
        s.flush()
        s.add(LangkahKasus(kasus_id=k.id, sop_kode="layanan", langkah_kode="L1",
                           started_at=nov(2, 9), deadline_at=nov(2, 9, 10),
                           finished_at=nov(2, 9, 4)))
    with db.baca() as s:
        laporan = mutu_baku(s, NOVEMBER.sejak, NOVEMBER.sampai, KALENDER)
    assert laporan.contoh is True
    assert (_per_kode(laporan)["L1"].selesai, _per_kode(laporan)["L1"].tepat_waktu) == (1, 1)


def test_real_figures_are_not_marked_synthetic(db, riwayat) -> None:
    with db.baca() as s:
        assert mutu_baku(s, NOVEMBER.sejak, NOVEMBER.sampai, KALENDER).contoh is False


def test_a_stored_working_time_is_read_not_recomputed(db) -> None:
    """A step finished through the service keeps its working time (Friday 15:00 to
    Monday 09:00 is 2 hours of an 08:00-16:00 week); mutu baku reads that, so the
    figure stays what the unit's hours were when the step finished."""
    from ppa_tui.domain.clock import FixedClock
    from ppa_tui.domain.kasus import buka_kasus
    from ppa_tui.domain.langkah import selesaikan_langkah

    clock = FixedClock(nov(6, 15))
    with db.session() as s:
        k = buka_kasus(s, waktu_diterima=clock.now(), kalender=KALENDER)
        [row] = s.exec(select(LangkahKasus).where(LangkahKasus.kasus_id == k.id)).all()
        row_id = row.id
    clock.advance(timedelta(days=2, hours=18))  # Monday 9 Nov 09:00
    with db.session() as s:
        selesaikan_langkah(s, row_id, clock, kalender=KALENDER)
    with db.session() as s:
        assert s.get(LangkahKasus, row_id).durasi_kerja_detik == 2 * 3600
    lain = Kalender(frozenset(range(7)), time(0), time(23, 59), WIB)  # hours changed since
    with db.baca() as s:
        l1 = _per_kode(mutu_baku(s, NOVEMBER.sejak, NOVEMBER.sampai, lain))["L1"]
    assert (l1.selesai, l1.median) == (1, 2 * H)
