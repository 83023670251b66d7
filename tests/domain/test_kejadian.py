"""The kejadian's time: a date alone ("last week, Tuesday") is a real answer, stored as
local midnight with `kejadian_tanpa_jam`, never shown back as "00:00"; "perkiraan"
marks an approximate date; and the case screen's one-line summary shows what is there.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from ppa_tui.domain import views
from ppa_tui.domain.forms import HasilValidasi, Konteks, ke_mentah, load_form, periksa_form
from ppa_tui.domain.kasus import buka_kasus, simpan_kejadian
from ppa_tui.domain.models import Kasus
from ppa_tui.store.database import Database

WIB = ZoneInfo("Asia/Jakarta")
DITERIMA = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # the complaint: 23-11-2026 09:00 WIB


def konteks(sekarang: datetime = DITERIMA) -> Konteks:
    return Konteks(sekarang=sekarang, zona=WIB, waktu={"waktu_diterima": DITERIMA})


def periksa(mentah: dict[str, Any], k: Konteks | None = None) -> HasilValidasi:
    return periksa_form(load_form("kejadian"), mentah, k or konteks())


# ---- parsing ----------------------------------------------------------------------------


def test_a_date_alone_is_local_midnight_without_an_hour() -> None:
    hasil = periksa({"waktu_kejadian": "22-11-2026"})
    assert hasil.ok, hasil.galat
    assert hasil.nilai["waktu_kejadian"] == datetime(2026, 11, 21, 17, 0, tzinfo=UTC)
    assert hasil.nilai["kejadian_tanpa_jam"] is True


@pytest.mark.parametrize("teks", ["22/11/2026", "2026-11-22", "22112026"])
def test_a_date_alone_in_the_other_date_formats(teks: str) -> None:
    hasil = periksa({"waktu_kejadian": teks})
    assert hasil.ok, hasil.galat
    assert hasil.nilai["kejadian_tanpa_jam"] is True


def test_a_date_with_an_hour_works_as_before() -> None:
    hasil = periksa({"waktu_kejadian": "22-11-2026 19:30"})
    assert hasil.ok, hasil.galat
    assert hasil.nilai["waktu_kejadian"] == datetime(2026, 11, 22, 12, 30, tzinfo=UTC)
    assert hasil.nilai["kejadian_tanpa_jam"] is False


def test_no_date_is_no_date_alone() -> None:
    hasil = periksa({"waktu_kejadian": "  "})
    assert hasil.ok
    assert (hasil.nilai["waktu_kejadian"], hasil.nilai["kejadian_tanpa_jam"]) == (None, False)


def test_a_future_date_alone_is_refused() -> None:
    # Later than the complaint and than today: both rules say no, by day.
    hasil = periksa({"waktu_kejadian": "24-11-2026"}, konteks(DITERIMA + timedelta(days=3)))
    assert hasil.galat == {"waktu_kejadian": "Tidak boleh setelah waktu pengaduan"}
    hasil = periksa({"waktu_kejadian": "24-11-2026"})
    assert hasil.galat == {"waktu_kejadian": "Tanggal tidak boleh di masa depan"}


def test_a_date_alone_on_the_complaints_day_is_allowed() -> None:
    # Midnight is before 09:00, but the point is the day: "today" is a fair answer,
    # even though an hour typed after 09:00 the same day is still refused.
    hasil = periksa({"waktu_kejadian": "23-11-2026"}, konteks(DITERIMA + timedelta(hours=5)))
    assert hasil.ok, hasil.galat
    assert hasil.nilai["kejadian_tanpa_jam"] is True
    later = periksa({"waktu_kejadian": "23-11-2026 10:00"}, konteks(DITERIMA + timedelta(hours=5)))
    assert later.galat == {"waktu_kejadian": "Tidak boleh setelah waktu pengaduan"}


def test_a_date_that_does_not_exist_or_free_text_says_what_to_type() -> None:
    assert periksa({"waktu_kejadian": "31-02-2026"}).galat == {
        "waktu_kejadian": "Tanggal tidak ada (31-02-2026)"}
    assert periksa({"waktu_kejadian": "minggu lalu"}).galat == {
        "waktu_kejadian": "Format: HH-BB-TTTT atau HH-BB-TTTT JJ:MM"}


def test_the_placeholder_says_the_hour_may_be_left_out() -> None:
    from ppa_tui.domain.jenis import JENIS

    f = load_form("kejadian").field("waktu_kejadian")
    assert "jam boleh dikosongkan" in JENIS[f.jenis].placeholder
    assert "jam boleh dikosongkan" in f.petunjuk


def test_perkiraan_is_a_checkbox_bound_to_its_column() -> None:
    f = load_form("kejadian").field("kejadian_perkiraan")
    assert (f.jenis, f.label) == ("centang", "Tanggal perkiraan")
    assert periksa({"waktu_kejadian": "22-11-2026", "kejadian_perkiraan": True}).nilai[
        "kejadian_perkiraan"] is True
    assert "kejadian_tanpa_jam" in Kasus.model_fields


def test_a_date_alone_field_needs_its_flag_and_rule(tmp_path, monkeypatch) -> None:
    """The spec declares the behaviour; a half-declared one fails at load."""
    from ppa_tui.domain import forms

    (tmp_path / "screens").mkdir()
    (tmp_path / "screens" / "rusak.toml").write_text(
        'id = "rusak"\njudul = "R"\nmodel = "Kasus"\n[[bagian]]\njudul = "K"\n'
        '[[bagian.field]]\nnama = "waktu_kejadian"\nlabel = "W"\njenis = "tanggal_jam"\n',
        encoding="utf-8")
    monkeypatch.setattr(forms, "folder", lambda nama: tmp_path / nama)
    forms.load_form.cache_clear()
    try:
        with pytest.raises(ValueError, match="tanpa_jam"):
            forms.load_form("rusak")
    finally:
        forms.load_form.cache_clear()


# ---- reopening the form -------------------------------------------------------------------


def test_ke_mentah_shows_a_date_alone_again_not_midnight() -> None:
    spec = load_form("kejadian")
    first = periksa({"waktu_kejadian": "22-11-2026", "kejadian_perkiraan": True})
    mentah = ke_mentah(spec, first.nilai, WIB)
    assert mentah["waktu_kejadian"] == "22-11-2026"
    assert mentah["kejadian_perkiraan"] is True
    again = periksa(mentah)
    assert again.ok, again.galat
    assert again.nilai == first.nilai


def test_ke_mentah_keeps_the_hour_when_one_was_typed() -> None:
    spec = load_form("kejadian")
    first = periksa({"waktu_kejadian": "22-11-2026 00:00"})  # a real midnight
    assert first.nilai["kejadian_tanpa_jam"] is False
    mentah = ke_mentah(spec, first.nilai, WIB)
    assert mentah["waktu_kejadian"] == "22-11-2026 00:00"
    assert periksa(mentah).nilai == first.nilai


# ---- the service, on both backends ----------------------------------------------------------


def _kasus(db: Database) -> Kasus:
    with db.session() as s:
        return buka_kasus(s, waktu_diterima=DITERIMA, petugas="Rina")


def _simpan(db: Database, kasus: Kasus, mentah: dict[str, Any]) -> Kasus:
    hasil = periksa(mentah)
    assert hasil.ok, hasil.galat
    with db.session() as s:
        simpan_kejadian(s, kasus.id, hasil.nilai)
    with db.session() as s:
        row = s.get(Kasus, kasus.id)
    assert row is not None
    return row


def test_service_stores_a_date_alone_and_perkiraan(db: Database) -> None:
    kasus = _kasus(db)
    row = _simpan(db, kasus, {"waktu_kejadian": "22-11-2026", "kejadian_perkiraan": True})
    assert row.waktu_kejadian == datetime(2026, 11, 21, 17, 0, tzinfo=UTC)
    assert (row.kejadian_tanpa_jam, row.kejadian_perkiraan) == (True, True)
    # Reopened from what was stored, the form shows the date alone.
    assert ke_mentah(load_form("kejadian"), row.model_dump(), WIB)["waktu_kejadian"] == "22-11-2026"

    # The hour learnt later: both flags follow what is typed now.
    row = _simpan(db, kasus, {"waktu_kejadian": "22-11-2026 19:30", "kejadian_perkiraan": False})
    assert row.waktu_kejadian == datetime(2026, 11, 22, 12, 30, tzinfo=UTC)
    assert (row.kejadian_tanpa_jam, row.kejadian_perkiraan) == (False, False)


def test_service_never_keeps_date_alone_without_a_date(db: Database) -> None:
    kasus = _kasus(db)
    _simpan(db, kasus, {"waktu_kejadian": "22-11-2026"})
    with db.session() as s:  # a caller that skips the form's rule
        simpan_kejadian(s, kasus.id, {"waktu_kejadian": None})
    with db.session() as s:
        row = s.get(Kasus, kasus.id)
    assert row is not None
    assert (row.waktu_kejadian, row.kejadian_tanpa_jam) == (None, False)


# ---- the case screen's summary ------------------------------------------------------------


def _ringkas(db: Database, mentah: dict[str, Any]) -> str:
    kasus = _kasus(db)
    _simpan(db, kasus, mentah)
    with db.session() as s:
        d = views.detail_kasus(s, kasus.id, DITERIMA)
    assert d is not None
    return next(b for b in d.butir if b.kunci == "kejadian").ringkas


def test_summary_of_a_kejadian_with_only_the_kronologi(db: Database) -> None:
    kronologi = ("Korban dipukul oleh ayah tirinya di dapur\nsetelah pulang sekolah; "
                 "ibunya sedang bekerja di pasar dan baru pulang malam hari.")
    ringkas = _ringkas(db, {"kronologi": kronologi})
    assert ringkas != views.BELUM
    assert ringkas.startswith("Korban dipukul oleh ayah tirinya di dapur setelah")
    assert ringkas.endswith("…") and len(ringkas) <= 60
    assert "\n" not in ringkas


def test_summary_of_an_approximate_date_alone(db: Database) -> None:
    ringkas = _ringkas(db, {"waktu_kejadian": "22-11-2026", "kejadian_perkiraan": True,
                            "tempat_kejadian": "rumah_tangga"})
    assert ringkas == "22-11-2026 (perkiraan) · Rumah tangga"


def test_summary_shows_the_hour_when_known(db: Database) -> None:
    ringkas = _ringkas(db, {"waktu_kejadian": "22-11-2026 19:30", "kronologi": "Dipukul."})
    assert ringkas == "22-11-2026 19:30 · Dipukul."


def test_summary_stays_one_short_line_however_much_is_filled() -> None:
    kasus = Kasus(nomor_register="PPA/2026/0001", tahun=2026, urutan=1, sop_kode="layanan",
                  jalur="dasar", waktu_diterima=DITERIMA,
                  waktu_kejadian=datetime(2026, 11, 21, 17, 0, tzinfo=UTC),
                  kejadian_tanpa_jam=True, tempat_kejadian="rumah_tangga",
                  kejadian_kabkota_kode="19.71", kronologi="x" * 500)
    bentuk = ["fisik", "psikis", "seksual", "penelantaran", "eksploitasi"]
    ringkas = views.ringkas_kejadian(kasus, bentuk, zona=WIB)
    assert ringkas.startswith("22-11-2026 · Fisik, Psikis, Seksual, Penelantaran")
    assert len(ringkas) <= 60 and "\n" not in ringkas


def test_summary_of_nothing_says_so() -> None:
    kasus = Kasus(nomor_register="PPA/2026/0001", tahun=2026, urutan=1, sop_kode="layanan",
                  jalur="dasar", waktu_diterima=DITERIMA)
    assert views.ringkas_kejadian(kasus, [], zona=WIB) == views.BELUM


def test_summary_dates_are_local(db: Database) -> None:
    """23:30 WIB on the 22nd is 16:30 UTC: the summary says the 22nd, in local time."""
    ringkas = _ringkas(db, {"waktu_kejadian": "22-11-2026 23:30"})
    assert ringkas == "22-11-2026 23:30"

