"""The case after intake, without a terminal: step 3's branch, the rujukan track,
parallel SOP Pendampingan runs with their own clocks, the officer's P4 deadline, the
shelter's 14 days, the mediation rule of UU 12/2022, closure and reopening."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import col, select

from ppa_tui.domain import views
from ppa_tui.domain.clock import FixedClock, StatusJam
from ppa_tui.domain.kalender import Kalender
from ppa_tui.domain.kasus import (
    AturanDilanggar,
    buka_kasus,
    simpan_kejadian,
    simpan_pihak,
    simpan_rencana,
)
from ppa_tui.domain.langkah import (
    DIHENTIKAN,
    SudahBerjalan,
    langkah_aktif,
    langkah_berjalan,
    mulai_pendampingan,
    selesaikan_langkah,
)
from ppa_tui.domain.models import Kasus, LangkahKasus, Penampungan, RencanaIntervensi
from ppa_tui.domain.pengelolaan import (
    mediasi_ditolak,
    simpan_mediasi,
    simpan_penampungan,
    terima_rujukan,
)
from ppa_tui.domain.terminasi import buka_kembali, tutup_kasus
from ppa_tui.store.database import Database

WIB_09 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 09:00 WIB


def _kalender() -> Kalender:
    from zoneinfo import ZoneInfo

    return Kalender(hari_kerja=frozenset(range(5)), jam_mulai=datetime.min.time().replace(hour=8),
                    jam_selesai=datetime.min.time().replace(hour=16),
                    zona=ZoneInfo("Asia/Jakarta"))


def _semua(db: Database, kasus_id) -> list[LangkahKasus]:
    with db.session() as s:
        return list(s.exec(select(LangkahKasus).where(LangkahKasus.kasus_id == kasus_id)
                           .order_by(col(LangkahKasus.started_at), col(LangkahKasus.created_at))))


def _selesai(db: Database, clock: FixedClock, langkah_id, **keputusan) -> LangkahKasus | None:
    with db.session() as s:
        return selesaikan_langkah(s, langkah_id, clock, "Rina", keputusan or None)


def _utama(db: Database, kasus_id) -> LangkahKasus:
    with db.session() as s:
        row = langkah_aktif(s, kasus_id)
    assert row is not None
    return row


def _kasus(db: Database, clock: FixedClock) -> Kasus:
    with db.session() as s:
        return buka_kasus(s, waktu_diterima=clock.now(), petugas="Rina")


def test_step_3_provinsi_continues_on_the_rujukan_track(db: Database, clock: FixedClock) -> None:
    kasus = _kasus(db, clock)
    _selesai(db, clock, _utama(db, kasus.id).id)
    _selesai(db, clock, _utama(db, kasus.id).id)
    l4b = _selesai(db, clock, _utama(db, kasus.id).id, keputusan="provinsi")
    assert l4b is not None and l4b.langkah_kode == "L4b"
    with db.session() as s:
        k = s.get(Kasus, kasus.id)
        d = views.detail_kasus(s, kasus.id, clock.now())
    assert (k.jalur, k.kewenangan, k.status) == ("rujukan", "provinsi", "aktif")
    assert d is not None and d.jam is not None and d.jam.label == "2/7 Mencatat kasus"
    # the rest of the rujukan track, one step after another, to its end
    kode = []
    while (row := _selesai(db, clock, _utama(db, kasus.id).id)) is not None:
        kode.append(row.langkah_kode)
    assert kode == ["L5", "L6", "L7", "L8", "L9"]
    with db.session() as s:
        d = views.detail_kasus(s, kasus.id, clock.now())
        assert s.get(Kasus, kasus.id).status == "aktif"  # open until a terminasi
    assert "Jalur utama selesai" in d.keadaan


def test_a_referral_opens_its_case_on_the_rujukan_track_at_l4a(
    db: Database, clock: FixedClock
) -> None:
    with db.session() as s:
        kasus, rujukan = terima_rujukan(
            s, {"lembaga_asal": "UPTD PPA Kab. Bangka", "nomor_surat": "12/UPTD/XI/2026",
                "tanggal_surat": date(2026, 11, 20), "ringkasan": "Anak 9 th, dirujuk"},
            waktu_diterima=clock.now(), petugas="Rina")
    assert (kasus.jalur, rujukan.lembaga_asal) == ("rujukan", "UPTD PPA Kab. Bangka")
    row = _utama(db, kasus.id)
    assert (row.langkah_kode, row.deadline_at) == ("L4a", clock.now() + timedelta(hours=1))
    with db.session() as s:
        d = views.detail_kasus(s, kasus.id, clock.now())
    assert d is not None and d.jam.label == "1/7 Menerima rujukan"
    assert any(b.judul == "Rujukan" and "UPTD PPA Kab. Bangka" in b.ringkas for b in d.butir)


def _rencana(db: Database, kasus_id, layanan: str = "kesehatan") -> RencanaIntervensi:
    with db.session() as s:
        return simpan_rencana(s, kasus_id, {"layanan": layanan, "penyedia": "RSUD"})


def test_each_service_runs_its_own_pendampingan_beside_the_main_track(
    db: Database, clock: FixedClock
) -> None:
    kasus = _kasus(db, clock)
    sehat, hukum = _rencana(db, kasus.id), _rencana(db, kasus.id, "bantuan_hukum")
    with db.session() as s:
        mulai_pendampingan(s, sehat.id, clock, "Rina")
    clock.advance(timedelta(minutes=5))
    with db.session() as s:
        mulai_pendampingan(s, hukum.id, clock, "Rina")
    with pytest.raises(SudahBerjalan), db.session() as s:  # once per rencana
        mulai_pendampingan(s, sehat.id, clock, "Rina")
    with db.session() as s:
        berjalan = langkah_berjalan(s, kasus.id)
        d = views.detail_kasus(s, kasus.id, clock.now())
    assert sorted((r.langkah_kode, r.rencana_id) for r in berjalan) == sorted(
        [("L1", None), ("P1", sehat.id), ("P1", hukum.id)])
    assert [b.alur for b in d.berjalan] == ["Utama", "Kesehatan", "Bantuan hukum"]
    assert d.berjalan[1].jam.label == "1/8 Cek ulang asesmen"
    # finishing one run's step leaves the others where they are
    p1 = next(r for r in berjalan if r.rencana_id == sehat.id)
    p2 = _selesai(db, clock, p1.id)
    assert p2 is not None and (p2.langkah_kode, p2.rencana_id) == ("P2", sehat.id)
    with db.session() as s:
        assert langkah_aktif(s, kasus.id).langkah_kode == "L1"
        assert s.get(RencanaIntervensi, sehat.id).status == "berjalan"


def test_pendampingan_p2_consent_p4_deadline_by_the_officer_to_p8(
    db: Database, clock: FixedClock
) -> None:
    kasus = _kasus(db, clock)
    rencana = _rencana(db, kasus.id)
    with db.session() as s:
        row = mulai_pendampingan(s, rencana.id, clock, "Rina")
    row = _selesai(db, clock, row.id)  # P1 → P2
    row = _selesai(db, clock, row.id, keputusan="setuju", tanggal=date(2026, 11, 23))  # → P3
    tenggat = clock.now() + timedelta(days=10)
    row = _selesai(db, clock, row.id, tenggat_berikut=tenggat)  # P3 → P4, its deadline typed
    assert (row.langkah_kode, row.deadline_at, row.batas_manual) == ("P4", tenggat, True)
    for _ in range(2):  # P4 → P5 → P6
        row = _selesai(db, clock, row.id)
    row = _selesai(db, clock, row.id, hasil="Visum selesai", tanggal_selesai=date(2026, 11, 23))
    assert row.langkah_kode == "P7"
    row = _selesai(db, clock, row.id)
    assert row.langkah_kode == "P8"
    assert _selesai(db, clock, row.id) is None
    with db.session() as s:
        r = s.get(RencanaIntervensi, rencana.id)
    assert (r.status, r.persetujuan_layanan, r.hasil, r.tanggal_selesai) == (
        "selesai", "setuju", "Visum selesai", date(2026, 11, 23))


def test_refusing_the_service_at_p2_ends_its_run(db: Database, clock: FixedClock) -> None:
    kasus = _kasus(db, clock)
    rencana = _rencana(db, kasus.id)
    with db.session() as s:
        row = mulai_pendampingan(s, rencana.id, clock, "Rina")
    row = _selesai(db, clock, row.id)
    assert _selesai(db, clock, row.id, keputusan="menolak", tanggal=date(2026, 11, 23)) is None
    with db.session() as s:
        r = s.get(RencanaIntervensi, rencana.id)
    assert (r.status, r.persetujuan_layanan) == ("batal", "menolak")


def test_working_time_a_friday_afternoon_day_is_not_overdue_on_saturday(
    db: Database, clock: FixedClock
) -> None:
    """L8's "1 hari" started Friday 15:00 WIB ends Monday 15:00: one working day."""
    kalender = _kalender()
    jumat = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)  # Friday 15:00 WIB
    clock.set(jumat)
    kasus = _kasus(db, clock)
    with db.session() as s:
        from ppa_tui.domain.langkah import mulai_langkah

        k = s.get(Kasus, kasus.id)
        row = mulai_langkah(s, k, "L8", jumat, "Rina", kalender=kalender)
    assert row.deadline_at == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # Monday 15:00 WIB
    with db.session() as s:
        d = views.detail_kasus(s, kasus.id, datetime(2026, 11, 28, 5, 0, tzinfo=UTC),
                               kalender=kalender)
    l8 = next(b for b in d.berjalan if b.jam.label.endswith("Pelaksanaan rekomendasi"))
    bacaan = l8.jam.baca(datetime(2026, 11, 28, 5, 0, tzinfo=UTC))  # Saturday noon
    assert bacaan.status is not StatusJam.TERLAMBAT
    assert bacaan.sisa == timedelta(hours=7) and "jam kerja" in bacaan.teks


def test_shelter_stay_counts_14_days_warns_from_day_10_and_extends_with_a_reason(
    db: Database, clock: FixedClock
) -> None:
    kasus = _kasus(db, clock)
    with db.session() as s:
        korban = simpan_pihak(s, kasus.id, "korban", {"nama": "Ani", "usia": 9, "anak": True})
        stay = simpan_penampungan(s, kasus.id, {"korban_id": str(korban.id),
                                                "waktu_masuk": clock.now(), "ruang": "A2"})
    assert stay.batas_at == clock.now() + timedelta(days=14)
    with db.session() as s:
        hari_9 = views.detail_kasus(s, kasus.id, clock.now() + timedelta(days=9))
        hari_11 = views.detail_kasus(s, kasus.id, clock.now() + timedelta(days=11))
        hari_15 = views.detail_kasus(s, kasus.id, clock.now() + timedelta(days=15))
    jam = next(b for b in hari_9.berjalan if b.penampungan_id == stay.id).jam
    assert jam.baca(clock.now() + timedelta(days=9)).status is StatusJam.BERJALAN
    assert jam.baca(clock.now() + timedelta(days=11)).status is StatusJam.PERINGATAN
    assert jam.baca(clock.now() + timedelta(days=15)).status is StatusJam.TERLAMBAT
    assert hari_11 is not None and hari_15 is not None
    with pytest.raises(AturanDilanggar, match="alasan"), db.session() as s:
        simpan_penampungan(s, kasus.id, {"perpanjangan_hari": 7}, stay.id)
    with db.session() as s:
        simpan_penampungan(s, kasus.id, {"perpanjangan_hari": 7,
                                         "perpanjangan_alasan": "Menunggu rumah aman"}, stay.id)
    with db.session() as s:
        assert s.get(Penampungan, stay.id).batas_at == clock.now() + timedelta(days=21)


def test_mediation_is_refused_for_sexual_violence_unless_the_pelaku_is_a_child(
    db: Database, clock: FixedClock
) -> None:
    kasus = _kasus(db, clock)
    with db.session() as s:
        simpan_kejadian(s, kasus.id, {"bentuk_kekerasan": ["fisik"]})
    with db.session() as s:
        assert mediasi_ditolak(s, kasus.id) is None  # not sexual violence: allowed
    with db.session() as s:
        simpan_kejadian(s, kasus.id, {"bentuk_kekerasan": ["seksual_pencabulan"]})
        dewasa = simpan_pihak(s, kasus.id, "pelaku", {"nama": "Budi", "usia": 40})
    with db.session() as s:
        alasan = mediasi_ditolak(s, kasus.id)
    assert alasan is not None and "UU 12/2022" in alasan
    with pytest.raises(AturanDilanggar, match="UU 12/2022"), db.session() as s:
        simpan_mediasi(s, kasus.id, {"waktu": clock.now(), "pihak": "keluarga"})
    with db.session() as s:
        simpan_pihak(s, kasus.id, "pelaku", {"nama": "Budi", "usia": 15, "anak": True},
                     dewasa.id)
    with db.session() as s:
        assert mediasi_ditolak(s, kasus.id) is None  # a child pelaku: the law allows it
        simpan_mediasi(s, kasus.id, {"waktu": clock.now(), "pihak": "keluarga",
                                     "hasil": "sepakat", "kesepakatan": "Ganti rugi",
                                     "ditandatangani": True})


def test_closing_stops_every_clock_and_reopening_restarts_them(
    db: Database, clock: FixedClock
) -> None:
    kasus = _kasus(db, clock)
    rencana = _rencana(db, kasus.id)
    with db.session() as s:
        mulai_pendampingan(s, rencana.id, clock, "Rina")
        stay = simpan_penampungan(s, kasus.id, {"waktu_masuk": clock.now()})
    clock.advance(timedelta(minutes=30))
    with pytest.raises(AturanDilanggar, match="penampungan"), db.session() as s:
        tutup_kasus(s, kasus.id, {"alasan": "menolak_layanan"}, clock, "Rina")
    with db.session() as s:
        simpan_penampungan(s, kasus.id, {"waktu_keluar": clock.now(),
                                         "tujuan_keluar": "keluarga"}, stay.id)
    with db.session() as s:
        tutup_kasus(s, kasus.id, {"alasan": "menolak_layanan", "tanggal": date(2026, 11, 23)},
                    clock, "Rina")
    rows = _semua(db, kasus.id)
    assert {(r.langkah_kode, r.keputusan) for r in rows} == {("L1", DIHENTIKAN),
                                                             ("P1", DIHENTIKAN)}
    with db.session() as s:
        d = views.detail_kasus(s, kasus.id, clock.now())
        home = views.beranda(s, views.awal_hari(clock.now(), "Asia/Jakarta"))
    assert d.ditutup and not d.berjalan and "Kasus ditutup: Menolak layanan" in d.keadaan
    assert home.kasus == []
    with pytest.raises(AturanDilanggar), db.session() as s:
        buka_kembali(s, kasus.id, "  ", clock, "Rina")  # a reason is required
    clock.advance(timedelta(days=2))
    with db.session() as s:
        buka_kembali(s, kasus.id, "Korban datang lagi", clock, "Rina")
    with db.session() as s:
        assert s.get(Kasus, kasus.id).status == "aktif"
        berjalan = langkah_berjalan(s, kasus.id)
    assert sorted(r.langkah_kode for r in berjalan) == ["L1", "P1"]
    assert all(r.started_at == clock.now() for r in berjalan)


def test_reopening_keeps_the_time_an_officer_set_deadline_had_left(
    db: Database, clock: FixedClock
) -> None:
    kasus = _kasus(db, clock)
    rencana = _rencana(db, kasus.id)
    with db.session() as s:
        row = mulai_pendampingan(s, rencana.id, clock, "Rina")
    row = _selesai(db, clock, row.id)
    row = _selesai(db, clock, row.id, keputusan="setuju", tanggal=date(2026, 11, 23))
    row = _selesai(db, clock, row.id, tenggat_berikut=clock.now() + timedelta(days=5))
    clock.advance(timedelta(days=1))  # P4 has four days left when the case closes
    with db.session() as s:
        tutup_kasus(s, kasus.id, {"alasan": "lainnya"}, clock, "Rina")
    clock.advance(timedelta(days=3))
    with db.session() as s:
        buka_kembali(s, kasus.id, "Layanan dilanjutkan", clock, "Rina")
    with db.session() as s:
        p4 = next(r for r in langkah_berjalan(s, kasus.id) if r.langkah_kode == "P4")
    assert (p4.deadline_at, p4.batas_manual) == (clock.now() + timedelta(days=4), True)
