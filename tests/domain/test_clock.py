"""The step clock reads only stored times: no sleeps, no real clock."""

from datetime import UTC, datetime, timedelta

import pytest

from ppa_tui.domain.clock import (
    FixedClock,
    StatusJam,
    SystemClock,
    baca_jam,
    deadline_of,
    format_sisa,
)

T0 = datetime(2024, 6, 3, 8, 0, tzinfo=UTC)
MENIT = timedelta(minutes=1)


def test_deadline_of():
    assert deadline_of(T0, 15 * MENIT) == T0 + 15 * MENIT
    assert deadline_of(T0, None) is None
    with pytest.raises(ValueError):
        deadline_of(datetime(2024, 6, 3, 8, 0), MENIT)  # naive


def test_fixed_clock():
    jam = FixedClock(T0)
    assert jam.now() == T0
    jam.advance(90 * MENIT)
    assert jam.now() == T0 + 90 * MENIT
    jam.set(T0)
    assert jam.now() == T0
    with pytest.raises(ValueError):
        FixedClock(datetime(2024, 1, 1))


def test_system_clock_is_aware_utc():
    assert SystemClock().now().utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("td", "teks"),
    [
        (timedelta(0), "0:00"),
        (timedelta(minutes=11, seconds=32), "11:32"),
        (timedelta(minutes=3, seconds=10, milliseconds=900), "3:10"),
        (timedelta(hours=1, minutes=5, seconds=10), "1:05:10"),
        (timedelta(days=1, hours=2, minutes=3), "1 hari 2:03:00"),
    ],
)
def test_format_sisa(td, teks):
    assert format_sisa(td) == teks


def test_format_sisa_rejects_negative():
    with pytest.raises(ValueError):
        format_sisa(timedelta(seconds=-1))


def test_running():
    b = baca_jam(T0, T0 + 15 * MENIT, None, T0 + timedelta(minutes=3, seconds=28))
    assert b.status is StatusJam.BERJALAN
    assert b.sisa == timedelta(minutes=11, seconds=32)
    assert b.teks == "11:32 lagi"
    assert b.durasi is None and b.tepat_waktu is None


def test_running_long_limits():
    b = baca_jam(T0, T0 + timedelta(hours=2), None, T0 + timedelta(minutes=54, seconds=50))
    assert b.teks == "1:05:10 lagi"
    b = baca_jam(T0, T0 + timedelta(days=2), None, T0 + timedelta(hours=21, minutes=57))
    assert b.teks == "1 hari 2:03:00 lagi"


def test_warning_at_the_threshold():
    deadline = T0 + 60 * MENIT  # 25% of 60 min = 15 min left
    assert (
        baca_jam(T0, deadline, None, deadline - 15 * MENIT - timedelta(seconds=1)).status
        is StatusJam.BERJALAN
    )
    assert baca_jam(T0, deadline, None, deadline - 15 * MENIT).status is StatusJam.PERINGATAN
    at_deadline = baca_jam(T0, deadline, None, deadline)
    assert at_deadline.status is StatusJam.PERINGATAN  # not overdue until strictly past
    assert at_deadline.teks == "0:00 lagi"


def test_warning_ratio_is_a_parameter():
    deadline = T0 + 60 * MENIT
    now = deadline - 20 * MENIT
    assert baca_jam(T0, deadline, None, now).status is StatusJam.BERJALAN
    assert baca_jam(T0, deadline, None, now, peringatan_rasio=0.5).status is StatusJam.PERINGATAN


def test_overdue():
    deadline = T0 + 10 * MENIT
    b = baca_jam(T0, deadline, None, deadline + timedelta(minutes=3, seconds=10))
    assert b.status is StatusJam.TERLAMBAT
    assert b.sisa == -timedelta(minutes=3, seconds=10)
    assert b.teks == "lewat 3:10"
    assert (
        baca_jam(T0, deadline, None, deadline + timedelta(microseconds=1)).status
        is StatusJam.TERLAMBAT
    )


def test_finished_on_time():
    deadline = T0 + 15 * MENIT
    selesai = T0 + timedelta(minutes=12, seconds=4)
    b = baca_jam(T0, deadline, selesai, now=T0 + timedelta(days=3))  # now no longer matters
    assert b.status is StatusJam.SELESAI
    assert b.durasi == timedelta(minutes=12, seconds=4)
    assert b.tepat_waktu is True
    assert b.sisa == deadline - selesai
    assert b.teks == "selesai dalam 12:04 · tepat waktu"


def test_finished_late():
    b = baca_jam(T0, T0 + 10 * MENIT, T0 + 25 * MENIT, T0 + 30 * MENIT)
    assert b.status is StatusJam.SELESAI
    assert b.durasi == 25 * MENIT
    assert b.tepat_waktu is False
    assert b.sisa == -15 * MENIT
    assert b.teks == "selesai dalam 25:00 · lewat 15:00"


def test_finished_exactly_at_deadline_is_on_time():
    b = baca_jam(T0, T0 + 10 * MENIT, T0 + 10 * MENIT, T0 + 10 * MENIT)
    assert b.tepat_waktu is True


def test_no_limit():
    b = baca_jam(T0, None, None, T0 + timedelta(days=5))
    assert b.status is StatusJam.TANPA_BATAS
    assert b.sisa is None and b.durasi is None and b.tepat_waktu is None
    assert b.teks == "tanpa batas waktu"
    done = baca_jam(T0, None, T0 + 3 * MENIT, T0 + 4 * MENIT)
    assert done.status is StatusJam.SELESAI
    assert done.durasi == 3 * MENIT and done.tepat_waktu is None


def test_naive_datetimes_are_rejected():
    with pytest.raises(ValueError):
        baca_jam(T0, T0 + MENIT, None, datetime(2024, 6, 3, 8, 0))


def test_consistent_across_a_restart():
    """Two sessions read the same stored times: the countdown continues, nothing in memory."""
    stored_started = T0
    stored_deadline = deadline_of(stored_started, 15 * MENIT)
    jam = FixedClock(T0)

    jam.advance(timedelta(minutes=3, seconds=28))
    sebelum = baca_jam(stored_started, stored_deadline, None, jam.now())

    jam.advance(timedelta(minutes=5))  # app closed for five minutes, then reopened
    sesudah = baca_jam(stored_started, stored_deadline, None, jam.now())

    assert sebelum.sisa - sesudah.sisa == timedelta(minutes=5)
    assert sesudah.sisa == stored_deadline - jam.now()
    assert (sebelum.teks, sesudah.teks) == ("11:32 lagi", "6:32 lagi")
    # the same stored values and the same "now" always give the same reading
    assert baca_jam(stored_started, stored_deadline, None, jam.now()) == sesudah


def test_short_reading_fits_a_table_column():
    limit = T0 + 10 * MENIT
    assert baca_jam(T0, limit, None, T0 + 3 * MENIT).ringkas == "7:00 lagi"
    assert (
        baca_jam(T0, limit, None, limit + timedelta(minutes=3, seconds=10)).ringkas == "lewat 3:10"
    )
    lama = baca_jam(T0, limit, None, limit + timedelta(days=364, hours=11))
    assert lama.ringkas == "lewat 364 hari"
    assert (
        baca_jam(T0, T0 + timedelta(days=3), None, T0 + timedelta(hours=1)).ringkas == "2 hari lagi"
    )
    assert len(lama.ringkas) <= 15


def test_overdue_reads_with_one_word_on_every_screen():
    """Home shows `ringkas`, the case screen `teks`: an officer sees one word for overdue."""
    limit = T0 + 10 * MENIT
    for lewat in (timedelta(minutes=3), timedelta(hours=2), timedelta(days=3)):
        b = baca_jam(T0, limit, None, limit + lewat)
        assert b.teks.split()[0] == b.ringkas.split()[0] == "lewat"
