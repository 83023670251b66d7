"""The guest form's clock follows what is typed, without the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ppa_tui.domain.clock import format_sisa
from ppa_tui.domain.forms import Konteks, bawaan, load_form
from ppa_tui.domain.jam_tamu import jam_tamu

SEKARANG = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 09:00 WIB


def _mentah(**kw: object) -> dict[str, object]:
    spec = load_form("buku_tamu")
    return {**bawaan(spec, Konteks(sekarang=SEKARANG), "Rina"), **kw}


def test_a_complaint_runs_from_the_typed_arrival() -> None:
    spec, k = load_form("buku_tamu"), Konteks(sekarang=SEKARANG)
    jam = jam_tamu(spec, _mentah(waktu_masuk="23-11-2026 08:55"), k)
    assert jam is not None
    assert jam.started_at == SEKARANG - timedelta(minutes=5)
    assert jam.baca(SEKARANG).teks == f"{format_sisa(timedelta(minutes=5))} lagi"


def test_an_unfinished_arrival_time_counts_from_now() -> None:
    spec, k = load_form("buku_tamu"), Konteks(sekarang=SEKARANG)
    jam = jam_tamu(spec, _mentah(waktu_masuk="23-11-2026 08:"), k)
    assert jam is not None and jam.started_at == SEKARANG


def test_no_step_when_the_guest_does_not_complain() -> None:
    spec, k = load_form("buku_tamu"), Konteks(sekarang=SEKARANG)
    for keperluan in ("konsultasi", "", "lainnya"):
        assert jam_tamu(spec, _mentah(keperluan=keperluan), k) is None
