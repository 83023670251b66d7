"""The working-time calendar: SOP limits count the unit's working days and hours.

No terminal, no sleeps, no real clock: every instant is written out in WIB.
"""

import random
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ppa_tui.domain.clock import StatusJam, baca_jam, deadline_of
from ppa_tui.domain.kalender import (
    JamDinding,
    Kalender,
    baca_cuti_bersama,
    cuti_bersama_dari,
    kalender_dari,
    untuk_sop,
)
from ppa_tui.domain.sop import load_sop
from ppa_tui.settings import Settings

WIB = ZoneInfo("Asia/Jakarta")
MENIT, JAM, HARI = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)


def wib(*a: int) -> datetime:
    return datetime(*a, tzinfo=WIB)


@pytest.fixture(scope="module")
def kal() -> Kalender:
    """The default calendar: Senin-Jumat 08:00-16:00 WIB, the shipped cuti bersama."""
    return Kalender(hari_kerja=frozenset(range(5)), jam_mulai=time(8), jam_selesai=time(16),
                    zona=WIB, cuti_bersama=cuti_bersama_dari())


# --- deadlines ---------------------------------------------------------------------


def test_one_day_from_friday_afternoon_is_monday_afternoon(kal):
    # 5 June 2026 is a Friday: 1 h on Friday, 7 h on Monday
    assert kal.tambah(wib(2026, 6, 5, 15), HARI) == wib(2026, 6, 8, 15)
    assert kal.sehari == 8 * JAM


def test_saturday_start_begins_on_monday(kal):
    assert kal.tambah(wib(2026, 6, 6, 10), 10 * MENIT) == wib(2026, 6, 8, 8, 10)
    assert kal.tambah(wib(2026, 6, 7, 23, 59), 2 * JAM) == wib(2026, 6, 8, 10)


def test_near_closing_carries_into_the_next_working_day(kal):
    assert kal.tambah(wib(2026, 6, 3, 15, 55), 15 * MENIT) == wib(2026, 6, 4, 8, 10)
    assert kal.tambah(wib(2026, 6, 3, 6, 30), 15 * MENIT) == wib(2026, 6, 3, 8, 15)  # early
    assert kal.tambah(wib(2026, 6, 3, 17), 15 * MENIT) == wib(2026, 6, 4, 8, 15)  # late


def test_a_limit_used_up_at_closing_ends_at_closing(kal):
    assert kal.tambah(wib(2026, 6, 3, 8), HARI) == wib(2026, 6, 3, 16)
    assert kal.tambah(wib(2026, 6, 3, 14), 2 * JAM) == wib(2026, 6, 3, 16)


def test_whole_days_and_hours_combine(kal):
    # "1 hari 10 jam 25 menit" (the written total of SOP Layanan): 18 h 25 min of work
    mulai = wib(2026, 6, 2, 8)  # Tuesday
    assert kal.tambah(mulai, HARI + 10 * JAM + 25 * MENIT) == wib(2026, 6, 4, 10, 25)
    assert kal.tambah(mulai, 10 * JAM) == wib(2026, 6, 3, 10)  # more hours than a day


def test_national_holiday_is_skipped(kal):
    # 17 August 2026 (Monday), Hari Kemerdekaan
    assert date(2026, 8, 17) in kal.libur(2026)
    assert not kal.hari_kerja_pada(date(2026, 8, 17))
    assert kal.tambah(wib(2026, 8, 14, 15), HARI) == wib(2026, 8, 18, 15)
    # 1 January 2027 (Friday): from Thursday afternoon to Monday
    assert kal.tambah(wib(2026, 12, 31, 15), 2 * JAM) == wib(2027, 1, 4, 9)


def test_cuti_bersama_from_the_data_file_is_skipped(kal):
    # 24 Dec 2026 (Thursday) is cuti bersama in data/cuti_bersama.toml; 25 Dec Natal
    assert date(2026, 12, 24) in cuti_bersama_dari()
    assert kal.tambah(wib(2026, 12, 23, 15), HARI) == wib(2026, 12, 28, 15)
    tanpa_cuti = Kalender(kal.hari_kerja, kal.jam_mulai, kal.jam_selesai, WIB)
    assert tanpa_cuti.tambah(wib(2026, 12, 23, 15), HARI) == wib(2026, 12, 24, 15)


def test_a_step_spanning_nyepi_and_lebaran(kal):
    """17 Mar 2026 (Tue) 15:00 + 1 hari: cuti 18, Nyepi 19, cuti 20, weekend with Idulfitri,
    cuti 23 and 24; the remaining 7 h fall on Wednesday 25."""
    mulai, tempo = wib(2026, 3, 17, 15), wib(2026, 3, 25, 15)
    assert kal.tambah(mulai, HARI) == tempo
    assert kal.durasi(mulai, tempo) == 8 * JAM
    assert kal.durasi(mulai, wib(2026, 3, 24, 23)) == JAM  # the week off counts nothing


def test_outputs_are_utc_and_inputs_may_be_any_zone(kal):
    tempo = kal.tambah(datetime(2026, 6, 5, 8, tzinfo=UTC), HARI)  # 15:00 WIB
    assert tempo.utcoffset() == timedelta(0)
    assert tempo == wib(2026, 6, 8, 15)


def test_bad_inputs(kal):
    with pytest.raises(ValueError):
        kal.tambah(datetime(2026, 6, 5, 15), HARI)  # naive
    with pytest.raises(ValueError):
        kal.durasi(wib(2026, 6, 5), datetime(2026, 6, 5))
    with pytest.raises(ValueError):
        kal.tambah(wib(2026, 6, 5), -MENIT)
    assert kal.tambah(wib(2026, 6, 6, 10), timedelta(0)) == wib(2026, 6, 6, 10)
    with pytest.raises(ValueError, match="jam_mulai"):
        Kalender(frozenset(range(5)), time(16), time(8), WIB)
    with pytest.raises(ValueError, match="hari_kerja"):
        Kalender(frozenset(), time(8), time(16), WIB)
    with pytest.raises(ValueError, match="hari_kerja"):
        Kalender(frozenset({7}), time(8), time(16), WIB)


# --- working time between two instants ------------------------------------------------


def test_durasi_both_directions(kal):
    a, b = wib(2026, 6, 5, 15), wib(2026, 6, 8, 9, 30)  # Friday to Monday
    assert kal.durasi(a, b) == timedelta(hours=2, minutes=30)
    assert kal.durasi(b, a) == -timedelta(hours=2, minutes=30)
    assert kal.durasi(a, a) == timedelta(0)


def test_durasi_before_and_after_hours(kal):
    assert kal.durasi(wib(2026, 6, 3, 6), wib(2026, 6, 3, 7, 59)) == timedelta(0)
    assert kal.durasi(wib(2026, 6, 3, 6), wib(2026, 6, 3, 9)) == JAM
    assert kal.durasi(wib(2026, 6, 3, 15), wib(2026, 6, 3, 20)) == JAM
    assert kal.durasi(wib(2026, 6, 3, 17), wib(2026, 6, 4, 7)) == timedelta(0)
    assert kal.durasi(wib(2026, 6, 6, 9), wib(2026, 6, 7, 15)) == timedelta(0)  # weekend
    assert kal.durasi(wib(2026, 6, 3, 0), wib(2026, 6, 4, 0)) == 8 * JAM


def _durasi_per_hari(kal: Kalender, a: datetime, b: datetime) -> timedelta:
    """The slow, obvious reference: walk every day."""
    x, y = a.astimezone(WIB).replace(tzinfo=None), b.astimezone(WIB).replace(tzinfo=None)
    total, hari = timedelta(0), x.date()
    while hari <= y.date():
        if hari.weekday() in kal.hari_kerja and hari not in kal.libur(hari.year):
            s = max(x, datetime.combine(hari, kal.jam_mulai))
            e = min(y, datetime.combine(hari, kal.jam_selesai))
            total += max(e - s, timedelta(0))
        hari += HARI
    return total


def test_durasi_matches_walking_every_day_and_inverts_tambah(kal):
    acak = random.Random(18)
    awal = wib(2024, 12, 1)
    for _ in range(300):
        a = awal + timedelta(minutes=acak.randrange(0, 3 * 365 * 24 * 60))
        b = a + timedelta(minutes=acak.randrange(0, 400 * 24 * 60))
        assert kal.durasi(a, b) == _durasi_per_hari(kal, a, b), (a, b)
        batas = timedelta(minutes=acak.randrange(1, 3 * 24 * 60))
        kerja = batas.days * kal.sehari + (batas - timedelta(days=batas.days))
        tempo = kal.tambah(a, batas)
        assert kal.durasi(a, tempo) == kerja, (a, batas)
        assert kal.durasi(a, tempo - timedelta(microseconds=1)) < kerja  # the earliest end


def test_a_year_overdue_does_not_walk_the_days():
    """Home reads ~200 clocks a second: durasi looks up years, not days."""
    dilihat: list[date] = []

    class Hitung(Kalender):
        def hari_kerja_pada(self, hari: date) -> bool:
            dilihat.append(hari)
            return super().hari_kerja_pada(hari)

    kal = Hitung(frozenset(range(5)), time(8), time(16), WIB, cuti_bersama_dari())
    kal.durasi(wib(2025, 6, 2, 9), wib(2026, 6, 3, 10))
    assert len(dilihat) <= 2  # the first and the last day only


def test_holidays_are_imported_only_when_first_needed():
    kode = ("import sys, ppa_tui.domain.kalender as k\n"
            "print('holidays' in sys.modules)\n")
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True,
                           timeout=60, check=True)
    assert hasil.stdout.split() == ["False"]


# --- the shipped cuti bersama, and the unit's own file -------------------------------


def test_shipped_cuti_bersama_covers_2025_to_2027_and_asks_for_confirmation():
    from ppa_tui.domain.sumber import folder

    teks = (folder("data") / "cuti_bersama.toml").read_text(encoding="utf-8")
    assert "perlu konfirmasi: SKB 3 Menteri" in teks
    tanggal = cuti_bersama_dari()
    assert {d.year for d in tanggal} == {2025, 2026, 2027}
    assert all(d.weekday() < 5 for d in tanggal)  # cuti bersama falls on working days


@pytest.mark.parametrize(("teks", "kata"), [
    ("2026 = [2026-13-01]", "TOML"),
    ("tahun = [2026-02-16]", "tahun empat angka"),
    ('2026 = ["2026-02-16"]', "daftar tanggal"),
    ("2026 = [2026-02-16T08:00:00]", "daftar tanggal"),
    ("2026 = [2027-02-16]", "tahun lain"),
])
def test_a_bad_cuti_bersama_file_names_itself(teks, kata):
    with pytest.raises(ValueError, match=kata) as info:
        baca_cuti_bersama(teks, "unit.toml")
    assert "unit.toml" in str(info.value)


def test_kalender_from_settings(tmp_path: Path):
    bawaan = kalender_dari(Settings.load())
    assert bawaan.hari_kerja == frozenset(range(5))
    assert (bawaan.jam_mulai, bawaan.jam_selesai) == (time(8), time(16))
    assert bawaan.zona == WIB and bawaan.cuti_bersama == cuti_bersama_dari()

    berkas = tmp_path / "cuti.toml"
    berkas.write_text("2026 = [2026-06-08]\n", encoding="utf-8")
    kal = kalender_dari(Settings.load(hari_kerja="senin-sabtu", jam_kerja="07:30-15:30",
                                      zona_waktu="Asia/Makassar", cuti_bersama=str(berkas)))
    assert kal.cuti_bersama == frozenset({date(2026, 6, 8)})
    assert kal.sehari == 8 * JAM
    wita = ZoneInfo("Asia/Makassar")
    # Friday 15:00 WITA: 30 min Friday, 7 h 30 min Saturday; Monday 8 June is the unit's off
    assert kal.tambah(datetime(2026, 6, 5, 15, tzinfo=wita), HARI) == datetime(
        2026, 6, 6, 15, tzinfo=wita)
    assert not kal.hari_kerja_pada(date(2026, 6, 8))
    assert kal.hari_kerja_pada(date(2026, 12, 24))  # the shipped file was replaced


# --- which SOP counts what -----------------------------------------------------------


def test_sops_count_working_time(kal):
    for kode in ("layanan", "pendampingan"):
        sop = load_sop(kode)
        assert sop.hitungan == "kerja"
        assert untuk_sop(sop, kal) is kal


def test_clock_time_sop_gets_the_wall_clock(kal):
    from dataclasses import replace

    sop = replace(load_sop("layanan"), hitungan="jam")
    jam = untuk_sop(sop, kal)
    assert isinstance(jam, JamDinding) and not jam.kerja and kal.kerja
    mulai = wib(2026, 6, 5, 15)
    assert jam.tambah(mulai, HARI) == mulai + HARI
    assert jam.durasi(mulai, mulai - JAM) == -JAM
    assert jam.sehari == HARI


# --- the step clock in working time --------------------------------------------------


def test_friday_one_day_step_is_not_overdue_on_saturday_and_due_monday(kal):
    mulai = wib(2026, 6, 5, 15)
    tempo = deadline_of(mulai, HARI, kal)
    assert tempo == wib(2026, 6, 8, 15)

    sabtu = baca_jam(mulai, tempo, None, wib(2026, 6, 6, 12), kalender=kal)
    assert sabtu.status is StatusJam.BERJALAN
    assert sabtu.sisa == 7 * JAM
    assert sabtu.teks == "7:00:00 lagi (berhenti di luar jam kerja)"  # says why it stands still
    assert sabtu.ringkas == "7:00:00 lagi"

    # the countdown stands still over the weekend
    minggu = baca_jam(mulai, tempo, None, wib(2026, 6, 7, 20), kalender=kal)
    assert minggu.sisa == sabtu.sisa

    at_deadline = baca_jam(mulai, tempo, None, tempo, kalender=kal)
    assert at_deadline.status is StatusJam.PERINGATAN  # not overdue until strictly past
    lewat = baca_jam(mulai, tempo, None, wib(2026, 6, 8, 16, 5), kalender=kal)
    assert lewat.status is StatusJam.TERLAMBAT
    assert lewat.teks == "lewat 1:00:00 (jam kerja)"  # 16:00-16:05 is after hours
    assert lewat.ringkas == "lewat 1:00:00"


def test_warning_threshold_is_a_share_of_the_working_time_limit(kal):
    mulai = wib(2026, 6, 5, 15)
    tempo = deadline_of(mulai, HARI, kal)  # 8 working hours: warn at 2 h left
    assert baca_jam(mulai, tempo, None, wib(2026, 6, 8, 12, 59),
                    kalender=kal).status is StatusJam.BERJALAN
    assert baca_jam(mulai, tempo, None, wib(2026, 6, 8, 13),
                    kalender=kal).status is StatusJam.PERINGATAN
    # Monday 09:00: 6 of 8 working hours left; on the wall clock 6 of 72 h would warn
    senin = wib(2026, 6, 8, 9)
    assert baca_jam(mulai, tempo, None, senin, kalender=kal).status is StatusJam.BERJALAN
    assert baca_jam(mulai, tempo, None, senin).status is StatusJam.PERINGATAN


def test_overdue_past_closing_is_overdue_with_no_working_time_past(kal):
    mulai = wib(2026, 6, 5, 8)
    tempo = deadline_of(mulai, HARI, kal)
    assert tempo == wib(2026, 6, 5, 16)
    b = baca_jam(mulai, tempo, None, wib(2026, 6, 6, 10), kalender=kal)
    assert b.status is StatusJam.TERLAMBAT and b.sisa == timedelta(0)
    assert b.teks.split()[0] == b.ringkas.split()[0] == "lewat"


def test_short_limits_read_in_minutes(kal):
    mulai = wib(2026, 6, 3, 15, 55)
    tempo = deadline_of(mulai, 15 * MENIT, kal)
    b = baca_jam(mulai, tempo, None, wib(2026, 6, 3, 15, 58, 10), kalender=kal)
    assert b.teks == "11:50 lagi (jam kerja)"
    assert b.ringkas == "11:50 lagi"
    malam = baca_jam(mulai, tempo, None, wib(2026, 6, 3, 22), kalender=kal)
    assert malam.teks == "10:00 lagi (berhenti di luar jam kerja)"


def test_finished_steps_keep_their_working_time(kal):
    mulai = wib(2026, 6, 5, 15, 50)
    tempo = deadline_of(mulai, 15 * MENIT, kal)  # Monday 08:05
    b = baca_jam(mulai, tempo, wib(2026, 6, 8, 8, 2, 12), wib(2026, 6, 9), kalender=kal)
    assert b.status is StatusJam.SELESAI and b.tepat_waktu is True
    assert b.durasi == timedelta(minutes=12, seconds=12)
    assert b.sisa == timedelta(minutes=2, seconds=48)
    assert b.teks == "selesai dalam 12:12 jam kerja · tepat waktu"

    telat = baca_jam(mulai, tempo, wib(2026, 6, 8, 9, 5), wib(2026, 6, 9), kalender=kal)
    assert telat.tepat_waktu is False and telat.sisa == -JAM
    assert telat.teks == "selesai dalam 1:15:00 jam kerja · lewat 1:00:00"

    tanpa = baca_jam(mulai, None, wib(2026, 6, 8, 8, 1), wib(2026, 6, 9), kalender=kal)
    assert tanpa.teks == "selesai dalam 11:00 jam kerja" and tanpa.tepat_waktu is None


def test_more_than_a_working_day_reads_in_working_days(kal):
    mulai = wib(2026, 6, 1, 8)  # Pancasila day: the limit starts on Tuesday
    tempo = deadline_of(mulai, 3 * HARI, kal)
    assert tempo == wib(2026, 6, 4, 16)
    b = baca_jam(mulai, tempo, None, wib(2026, 6, 2, 9), kalender=kal)
    assert b.sisa == 23 * JAM
    assert b.teks == "2 hari kerja 7:00:00 lagi"
    assert b.ringkas == "2 HK lagi"
    lama = baca_jam(mulai, tempo, None, wib(2027, 6, 4, 16), kalender=kal)
    assert lama.teks.startswith("lewat ") and lama.teks.endswith(" hari kerja 0:00:00")
    assert lama.ringkas.startswith("lewat ") and lama.ringkas.endswith(" HK")


def test_short_reading_always_fits_the_column(kal):
    mulai = wib(2026, 6, 5, 9)
    for batas in (10 * MENIT, 2 * JAM, HARI, 30 * HARI):
        tempo = deadline_of(mulai, batas, kal)
        for jarak in (timedelta(0), 59 * MENIT, 7 * JAM + 59 * MENIT, 9 * JAM, 400 * HARI,
                      4000 * HARI):
            for now in (tempo - jarak, tempo + jarak):
                if now < mulai:
                    continue
                b = baca_jam(mulai, tempo, None, now, kalender=kal)
                assert len(b.ringkas) <= 15, b.ringkas


def test_no_calendar_or_clock_time_reads_as_before(kal):
    mulai = datetime(2024, 6, 3, 8, tzinfo=UTC)
    tempo = deadline_of(mulai, 15 * MENIT)
    assert deadline_of(mulai, 15 * MENIT, JamDinding()) == tempo
    now = mulai + timedelta(minutes=3, seconds=28)
    lama = baca_jam(mulai, tempo, None, now)
    assert baca_jam(mulai, tempo, None, now, kalender=JamDinding()) == lama
    assert lama.teks == "11:32 lagi" and lama.sehari_kerja is None
    assert deadline_of(mulai, None, kal) is None
    assert baca_jam(mulai, None, None, now, kalender=kal).teks == "tanpa batas waktu"
