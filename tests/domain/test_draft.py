"""When a draft is written: after a pause, and never later than the maximum wait."""

from __future__ import annotations

from ppa_tui.domain.draft import Debounce


class Jam:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_a_pause_writes_the_draft() -> None:
    jam = Jam()
    d = Debounce(0.5, 2.0, now=jam)
    assert not d.tertunda
    assert d.changed() == 0.5
    jam.t += 0.2
    assert d.changed() == 0.5  # the pause restarts on every key...
    jam.t += 0.5
    assert d.sisa() == 0.0


def test_typing_without_a_pause_still_writes_within_the_maximum_wait() -> None:
    """Keys every 0.3 s for 30 s, and a timer that fires when `changed()` says (as the
    form screen arms it): the draft is due 2 s after the first key, not never."""
    jam = Jam()
    awal = jam.t
    d = Debounce(0.5, 2.0, now=jam)
    timer: float | None = None
    ditulis: list[float] = []
    for i in range(100):
        key_at = awal + i * 0.3
        if timer is not None and timer <= key_at:
            jam.t = timer
            timer = None
            if d.sisa() <= 0:
                ditulis.append(jam.t - awal)
                d.written()
        jam.t = key_at
        sisa = d.changed()
        if timer is None:
            timer = jam.t + sisa
    assert ditulis and ditulis[0] <= 2.0 + 1e-9
    gaps = [b - a for a, b in zip(ditulis, ditulis[1:], strict=False)]
    assert gaps and max(gaps) <= 2.0 + 0.3 + 1e-9  # and every ~2 s after that


def test_the_maximum_wait_bounds_the_timer_it_asks_for() -> None:
    jam = Jam()
    d = Debounce(0.5, 2.0, now=jam)
    d.changed()
    jam.t += 1.8
    assert abs(d.changed() - 0.2) < 1e-9  # not 0.5: 2 s after the first change


def test_written_starts_the_next_wait_afresh() -> None:
    jam = Jam()
    d = Debounce(0.5, 2.0, now=jam)
    d.changed()
    jam.t += 3.0
    assert d.sisa() == 0.0
    d.written()
    assert not d.tertunda and d.sisa() == 0.0
    assert d.changed() == 0.5


def test_no_debounce_writes_every_change() -> None:
    d = Debounce(0, 2.0, now=Jam())
    assert d.changed() == 0.0


def test_a_draft_typed_before_a_field_was_renamed_still_opens_whole() -> None:
    from datetime import UTC, datetime

    from ppa_tui.domain.readmodel import draft_dari

    d = draft_dari("kejadian:-:x", "kejadian", "Kejadian",
                   '{"kejadian_at": "22-11-2026 19:30", "kronologi": "…"}',
                   datetime(2026, 11, 23, tzinfo=UTC))
    assert d is not None and d.isi == {"waktu_kejadian": "22-11-2026 19:30", "kronologi": "…"}
