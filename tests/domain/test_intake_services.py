"""The intake services on both backends: buku tamu, register numbers, the step clock,
the people of a case, kejadian, consent, asesmen, drafts, and the Backend's save path.

Values reach the services the way the desk sends them: raw strings as typed, checked
by `forms.periksa_form` against the real specs in `screens/`.
"""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from ppa_tui.backend import Backend, Tersimpan
from ppa_tui.domain import views
from ppa_tui.domain.bukutamu import catat_tamu
from ppa_tui.domain.clock import FixedClock, StatusJam, format_sisa
from ppa_tui.domain.draft import ambil_draft, daftar_draft, hapus_draft, simpan_draft
from ppa_tui.domain.forms import HasilValidasi, Konteks, bawaan, load_form, periksa_form
from ppa_tui.domain.kasus import (
    AturanDilanggar,
    TidakDitemukan,
    buka_kasus,
    simpan_asesmen,
    simpan_kejadian,
    simpan_persetujuan,
    simpan_pihak,
    simpan_rencana,
)
from ppa_tui.domain.keputusan import KeputusanKurang
from ppa_tui.domain.langkah import TidakAdaLangkahAktif, langkah_aktif, selesaikan_langkah
from ppa_tui.domain.models import (
    Asesmen,
    BukuTamu,
    Draft,
    Kasus,
    KekerasanKasus,
    LangkahKasus,
    Pelimpahan,
    Persetujuan,
    Pihak,
    RencanaIntervensi,
)
from ppa_tui.domain.register import format_nomor
from ppa_tui.settings import Settings
from ppa_tui.store.database import Database


def _bersamaan(desk, databases: list) -> None:
    """Run `desk(db)` for every database in its own thread at once, then close them."""
    threads = [threading.Thread(target=desk, args=(d,)) for d in databases]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not any(t.is_alive() for t in threads)
    finally:
        for d in databases:
            d.close()

WIB = timedelta(hours=7)


# ---- helpers --------------------------------------------------------------------


def konteks(clock: FixedClock, **kw: Any) -> Konteks:
    return Konteks(sekarang=clock.now(), **kw)


def periksa(form_id: str, mentah: dict[str, Any], k: Konteks) -> HasilValidasi:
    """Check raw values as the form screen does; the test fails on any error."""
    hasil = periksa_form(load_form(form_id), mentah, k)
    assert hasil.ok, hasil.galat
    return hasil


def konteks_kasus(db: Database, kasus_id: uuid.UUID, clock: FixedClock) -> Konteks:
    """The context the Backend builds for a case form (times, korban choices, anak)."""
    with db.session() as s:
        d = views.detail_kasus(s, kasus_id, clock.now())
    assert d is not None
    return Konteks(
        sekarang=clock.now(),
        waktu={"waktu_diterima": d.waktu_diterima},
        pilihan={"korban": d.korban},
        anak=d.korban_anak,
    )


def buka(db: Database, clock: FixedClock) -> Kasus:
    with db.session() as s:
        return buka_kasus(s, waktu_diterima=clock.now(), petugas="Rina")


def langkah_semua(db: Database, kasus_id: uuid.UUID) -> list[LangkahKasus]:
    with db.session() as s:
        return list(
            s.exec(
                select(LangkahKasus)
                .where(LangkahKasus.kasus_id == kasus_id)
                .order_by(col(LangkahKasus.started_at), col(LangkahKasus.langkah_kode))
            )
        )


def pihak_kasus(db: Database, kasus_id: uuid.UUID, peran: str) -> list[Pihak]:
    with db.session() as s:
        return list(
            s.exec(
                select(Pihak)
                .where(Pihak.kasus_id == kasus_id)
                .where(Pihak.peran == peran)
                .order_by(col(Pihak.created_at))
            )
        )


# ---- buku tamu ------------------------------------------------------------------


def test_pengaduan_opens_case_whose_clock_runs_from_arrival(
    db: Database, clock: FixedClock
) -> None:
    # The guest arrives at 09:00 WIB; the officer saves the buku tamu at 09:03.
    mentah = {
        "nama": "Siti Aminah",
        "keperluan": "pengaduan",
        "jenis_identitas": "ktp",
        "nomor_identitas": "1971015203900001",
        "telepon": "0812 3456 7890",
        "waktu_masuk": "23-11-2026 09:00",
    }
    clock.advance(timedelta(minutes=3))
    hasil = periksa("buku_tamu", mentah, konteks(clock))
    with db.session() as s:
        tamu, kasus = catat_tamu(s, hasil.nilai, clock=clock, petugas="Rina")
    assert kasus is not None
    assert kasus.nomor_register == "PPA/2026/0001"

    masuk = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    with db.session() as s:
        tamu_db = s.get(BukuTamu, tamu.id)
        assert tamu_db is not None
        assert tamu_db.kasus_id == kasus.id
        assert tamu_db.waktu_masuk == masuk
        assert tamu_db.telepon == "+6281234567890"
        case = s.get(Kasus, kasus.id)
        assert case is not None and case.waktu_diterima == masuk and case.status == "aktif"
    [l1] = langkah_semua(db, kasus.id)
    assert l1.langkah_kode == "L1"
    assert l1.started_at == masuk  # arrival, not the save at 09:03
    assert l1.deadline_at == masuk + timedelta(minutes=10)
    assert l1.finished_at is None


def test_konsultasi_opens_no_case(db: Database, clock: FixedClock) -> None:
    hasil = periksa(
        "buku_tamu",
        {"nama": "Budi", "keperluan": "konsultasi", "waktu_masuk": "23-11-2026 09:00"},
        konteks(clock),
    )
    with db.session() as s:
        tamu, kasus = catat_tamu(s, hasil.nilai, clock=clock)
    assert kasus is None
    with db.session() as s:
        assert s.get(BukuTamu, tamu.id).kasus_id is None  # type: ignore[union-attr]
        assert s.exec(select(Kasus)).all() == []
        assert s.exec(select(LangkahKasus)).all() == []


def test_a_guest_who_asks_for_information_is_recorded_without_a_case(
    db: Database,
    clock: FixedClock,
) -> None:
    from ppa_tui.domain import referensi

    assert referensi.label("keperluan", "informasi") == "Informasi"
    hasil = periksa(
        "buku_tamu",
        {"nama": "Bu Lina", "keperluan": "informasi", "waktu_masuk": "23-11-2026 09:00"},
        konteks(clock),
    )
    with db.session() as s:
        tamu, kasus = catat_tamu(s, hasil.nilai, clock=clock)
    assert kasus is None
    with db.session() as s:
        row = s.get(BukuTamu, tamu.id)
        assert row is not None and (row.keperluan, row.kasus_id) == ("informasi", None)


def test_identity_is_never_required(db: Database, clock: FixedClock) -> None:
    """Every complaint is accepted: an anonymous guest with only a keperluan saves."""
    spec = load_form("buku_tamu")
    # A new form is pre-filled (arrival = now); the officer types nothing about her.
    mentah = bawaan(spec, konteks(clock), "Rina")
    assert set(mentah) == {"keperluan", "saluran", "jenis_identitas", "waktu_masuk"}
    hasil = periksa_form(spec, mentah, konteks(clock))
    assert hasil.ok, hasil.galat
    assert (hasil.nilai["nama"], hasil.nilai["telepon"]) == ("", "")
    with db.session() as s:
        tamu, kasus = catat_tamu(s, {"keperluan": "pengaduan"}, clock=clock)
    assert kasus is not None
    with db.session() as s:
        row = s.get(BukuTamu, tamu.id)
        assert row is not None
        assert (row.nama, row.nomor_identitas, row.telepon) == ("", "", "")
        assert row.waktu_masuk == clock.now()
        assert row.kasus_id == kasus.id


def test_nomor_identitas_dropped_when_guest_has_no_identity(
    db: Database, clock: FixedClock
) -> None:
    with db.session() as s:
        tamu, _ = catat_tamu(
            s,
            {"keperluan": "konsultasi", "jenis_identitas": "tidak_ada", "nomor_identitas": "12345"},
            clock=clock,
        )
    with db.session() as s:
        assert s.get(BukuTamu, tamu.id).nomor_identitas == ""  # type: ignore[union-attr]


# ---- register numbers -------------------------------------------------------------


def test_register_numbers_are_sequential_per_year_and_restart(db: Database) -> None:
    def nomor(at: datetime) -> str:
        with db.session() as s:
            return buka_kasus(s, waktu_diterima=at).nomor_register

    nov = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    assert [nomor(nov + timedelta(hours=i)) for i in range(3)] == [
        "PPA/2026/0001",
        "PPA/2026/0002",
        "PPA/2026/0003",
    ]
    # 2026-12-31 17:30 UTC is 2027-01-01 00:30 WIB: a new year at the desk.
    tahun_baru = datetime(2026, 12, 31, 17, 30, tzinfo=UTC)
    assert (tahun_baru + WIB).year == 2027
    assert nomor(tahun_baru) == "PPA/2027/0001"
    assert nomor(tahun_baru + timedelta(minutes=5)) == "PPA/2027/0002"
    # A late entry for the old year continues the old year's sequence.
    assert nomor(datetime(2026, 12, 31, 16, 59, tzinfo=UTC)) == "PPA/2026/0004"
    with db.session() as s:
        kasus = s.exec(select(Kasus).where(Kasus.tahun == 2027)).all()
    assert sorted(k.urutan for k in kasus) == [1, 2]


def test_new_year_case_through_buku_tamu(db: Database, clock: FixedClock) -> None:
    clock.set(datetime(2027, 1, 1, 1, 0, tzinfo=UTC))
    hasil = periksa(
        "buku_tamu", {"keperluan": "pengaduan", "waktu_masuk": "01-01-2027 00:30"}, konteks(clock)
    )
    assert hasil.nilai["waktu_masuk"] == datetime(2026, 12, 31, 17, 30, tzinfo=UTC)
    with db.session() as s:
        _, kasus = catat_tamu(s, hasil.nilai, clock=clock)
    assert kasus is not None and kasus.nomor_register == "PPA/2027/0001"


@pytest.mark.parametrize(("desks", "per_desk"), [(2, 1), (2, 15)])
def test_two_desks_opening_cases_at_once_never_share_a_number(
    db: Database, db_url: str, desks: int, per_desk: int
) -> None:
    engines = [Database.open(db_url, device_id=f"desk-{i}") for i in range(desks)]
    barrier = threading.Barrier(desks, timeout=60)
    nomor: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    at = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)

    def desk(database: Database) -> None:
        try:
            barrier.wait()
            for _ in range(per_desk):
                with database.session() as s:
                    kasus = buka_kasus(s, waktu_diterima=at, petugas=database.device_id)
                with lock:
                    nomor.append(kasus.nomor_register)
        except BaseException as exc:  # noqa: BLE001 - reported below
            with lock:
                errors.append(exc)

    _bersamaan(desk, engines)
    assert errors == []
    n = desks * per_desk
    assert len(nomor) == n
    assert sorted(nomor) == [format_nomor(2026, i) for i in range(1, n + 1)]
    with db.session() as s:
        kasus = s.exec(select(Kasus)).all()
        assert sorted(k.urutan for k in kasus) == list(range(1, n + 1))
        assert {k.device_id for k in kasus} == {f"desk-{i}" for i in range(desks)}
        # every case got its first step, exactly once
        l1 = s.exec(select(LangkahKasus).where(LangkahKasus.langkah_kode == "L1")).all()
        assert sorted(str(r.kasus_id) for r in l1) == sorted(str(k.id) for k in kasus)


# ---- the step clock ------------------------------------------------------------------


def test_finishing_steps_walks_the_dasar_track(db: Database, clock: FixedClock) -> None:
    """L1 → L2 → L3; step 3 decides the kewenangan. A kab/kota's case is handed over:
    the track ends, the case stays open (only a terminasi closes it), and a
    pelimpahan waits for its receipt."""
    kasus = buka(db, clock)
    mulai = clock.now()
    clock.advance(timedelta(minutes=7, seconds=12))
    with db.session() as s:
        l2 = selesaikan_langkah(s, langkah_aktif(s, kasus.id).id, clock, "Rina")
    assert l2 is not None and l2.langkah_kode == "L2"

    l1, l2_db = langkah_semua(db, kasus.id)
    assert l1.langkah_kode == "L1"
    assert l1.finished_at == mulai + timedelta(minutes=7, seconds=12)
    assert l1.durasi_detik == 7 * 60 + 12
    assert l2_db.started_at == clock.now()
    assert l2_db.deadline_at == clock.now() + timedelta(minutes=15)
    assert l2_db.finished_at is None

    clock.advance(timedelta(minutes=20))  # L2 finished late: its duration is still kept
    with db.session() as s:
        l3 = selesaikan_langkah(s, l2_db.id, clock)
    assert l3 is not None and l3.langkah_kode == "L3"
    assert l3.deadline_at == clock.now() + timedelta(hours=2)
    clock.advance(timedelta(hours=1))
    with pytest.raises(KeputusanKurang), db.session() as s:  # step 3 needs its decision
        selesaikan_langkah(s, l3.id, clock)
    with db.session() as s:
        assert selesaikan_langkah(s, l3.id, clock, keputusan={
            "keputusan": "kabkota", "tujuan_jenis": "uptd_ppa_kabkota",
            "tujuan_nama": "UPTD PPA Kab. Bangka Tengah", "kabkota_kode": "19.04",
            "tanggal_kirim": date(2026, 11, 23)}) is None

    rows = langkah_semua(db, kasus.id)
    assert [r.langkah_kode for r in rows] == ["L1", "L2", "L3"]
    assert [r.durasi_detik for r in rows] == [432, 1200, 3600]
    assert rows[-1].keputusan == "kabkota"
    assert all(r.finished_at is not None for r in rows)
    with db.session() as s:
        k = s.get(Kasus, kasus.id)
        assert (k.status, k.kewenangan) == ("aktif", "kabkota")  # finishing never closes
        limpah = s.exec(select(Pelimpahan).where(Pelimpahan.kasus_id == kasus.id)).one()
        assert (limpah.tujuan_nama, limpah.kabkota_kode, limpah.tanggal_tanda_terima) == (
            "UPTD PPA Kab. Bangka Tengah", "19.04", None)
        assert langkah_aktif(s, kasus.id) is None
        d = views.detail_kasus(s, kasus.id, clock.now())
        home = views.beranda(s, views.awal_hari(clock.now(), "Asia/Jakarta"))
    assert d is not None and d.jam is None and "menunggu tanda terima" in d.keadaan
    assert [b.bacaan.status for b in d.langkah] == [StatusJam.SELESAI] * 3
    assert [b.bacaan.tepat_waktu for b in d.langkah] == [True, False, True]
    assert home.kasus == []  # no clock runs: off the desk's clock list (still in "semua")

    with pytest.raises(TidakAdaLangkahAktif), db.session() as s:
        selesaikan_langkah(s, l3.id, clock)


def test_finishing_a_step_that_does_not_run_is_refused(db: Database, clock: FixedClock) -> None:
    with pytest.raises(TidakAdaLangkahAktif), db.session() as s:
        selesaikan_langkah(s, uuid.uuid4(), clock)


def test_countdown_survives_a_restart(db_url: str, clock: FixedClock) -> None:
    first = Database.open(db_url, device_id="desk-1")
    with first.session() as s:
        kasus = buka_kasus(s, waktu_diterima=clock.now())
    clock.advance(timedelta(minutes=4))
    first.close()

    second = Database.open(db_url, device_id="desk-1")
    try:

        def jam_detail() -> views.JamLangkah:
            with second.session() as s:
                d = views.detail_kasus(s, kasus.id, clock.now())
            assert d is not None and d.jam is not None
            return d.jam

        def jam_beranda() -> views.JamLangkah:
            with second.session() as s:
                home = views.beranda(s, views.awal_hari(clock.now(), "Asia/Jakarta"))
            [baris] = home.kasus
            assert baris.nomor_register == kasus.nomor_register
            assert baris.jam is not None
            return baris.jam

        for jam in (jam_detail(), jam_beranda()):
            assert jam.label == "1/3 Klien mengadukan"
            bacaan = jam.baca(clock.now())
            assert bacaan.status == StatusJam.BERJALAN
            assert bacaan.sisa == timedelta(minutes=6)
            assert bacaan.teks == f"{format_sisa(timedelta(minutes=6))} lagi"

        jam = jam_detail()
        # The last 25 % of the 10-minute limit (2:30) is the warning zone.
        clock.set(datetime(2026, 11, 23, 2, 7, 29, tzinfo=UTC))
        assert jam.baca(clock.now()).status == StatusJam.BERJALAN
        clock.set(datetime(2026, 11, 23, 2, 7, 31, tzinfo=UTC))
        bacaan = jam.baca(clock.now())
        assert bacaan.status == StatusJam.PERINGATAN
        assert bacaan.teks == f"{format_sisa(timedelta(minutes=2, seconds=29))} lagi"
        # Overdue only past the deadline, and it says by how much.
        clock.set(datetime(2026, 11, 23, 2, 10, 0, tzinfo=UTC))
        assert jam.baca(clock.now()).status == StatusJam.PERINGATAN
        clock.set(datetime(2026, 11, 23, 2, 11, 5, tzinfo=UTC))
        bacaan = jam.baca(clock.now())
        assert bacaan.status == StatusJam.TERLAMBAT
        assert bacaan.teks == f"lewat {format_sisa(timedelta(minutes=1, seconds=5))}"
        # A fresh read after the restart agrees with the clock held by the screen.
        assert jam_beranda().baca(clock.now()) == bacaan
    finally:
        second.close()


# ---- people of a case ------------------------------------------------------------------


def test_child_korban_from_typed_values(db: Database, clock: FixedClock) -> None:
    kasus = buka(db, clock)
    hasil = periksa(
        "korban",
        {
            "nama": "Putri",
            "jenis_kelamin": "p",
            "tanggal_lahir": "12-03-2014",
            "telepon": "0812 3456 7890",
            "kabkota_kode": "Pangkalpinang",
            "pendidikan": "sd",
        },
        konteks_kasus(db, kasus.id, clock),
    )
    assert "ANAK" in hasil.catatan["tanggal_lahir"]
    with db.session() as s:
        korban = simpan_pihak(s, kasus.id, "korban", hasil.nilai)

    [row] = pihak_kasus(db, kasus.id, "korban")
    assert row.id == korban.id
    assert row.nama == "Putri"
    assert row.tanggal_lahir == date(2014, 3, 12)
    assert row.usia == 12
    assert row.anak is True
    assert row.telepon == "+6281234567890"
    assert row.kabkota_kode == "19.71"
    assert row.pendidikan == "sd"
    with db.session() as s:
        # anak is a real column: the recap can filter on it
        assert s.exec(select(Pihak).where(col(Pihak.anak).is_(True))).one().id == korban.id
        d = views.detail_kasus(s, kasus.id, clock.now())
        home = views.beranda(s, views.awal_hari(clock.now(), "Asia/Jakarta"))
    assert d is not None
    assert d.korban == ((str(korban.id), "Putri · ANAK"),)
    assert d.korban_anak == frozenset({str(korban.id)})
    [baris] = home.kasus
    assert baris.korban == "Putri" and baris.anak is True


def test_pelapor_who_is_the_korban_is_recorded_once_as_korban(
    db: Database, clock: FixedClock
) -> None:
    kasus = buka(db, clock)
    k = konteks_kasus(db, kasus.id, clock)
    mentah = {
        "adalah_korban": True,
        "nama": "Sari",
        "jenis_kelamin": "p",
        "tanggal_lahir": "05-06-1995",
        "telepon": "0812 3456 7890",
    }
    with db.session() as s:
        pelapor = simpan_pihak(s, kasus.id, "pelapor", periksa("pelapor", mentah, k).nilai)

    [korban] = pihak_kasus(db, kasus.id, "korban")
    assert korban.pelapor_id == pelapor.id
    assert (korban.nama, korban.tanggal_lahir, korban.usia, korban.telepon) == (
        "Sari",
        date(1995, 6, 5),
        31,
        "+6281234567890",
    )
    assert korban.anak is False

    # The officer corrects the pelapor: the mirrored korban follows, no second korban.
    mentah |= {"nama": "Sari Wulandari", "telepon": "0813 1111 2222"}
    with db.session() as s:
        simpan_pihak(s, kasus.id, "pelapor", periksa("pelapor", mentah, k).nilai, pelapor.id)
    [pelapor_db] = pihak_kasus(db, kasus.id, "pelapor")
    [korban] = pihak_kasus(db, kasus.id, "korban")
    assert pelapor_db.nama == korban.nama == "Sari Wulandari"
    assert korban.telepon == "+6281311112222"
    assert korban.pelapor_id == pelapor.id
    with db.session() as s:
        d = views.detail_kasus(s, kasus.id, clock.now())
    assert d is not None
    assert d.korban == ((str(korban.id), "Sari Wulandari"),)
    assert "korban sendiri" in next(b.ringkas for b in d.butir if b.form_id == "pelapor")


def test_several_korban_and_pelaku_per_case(db: Database, clock: FixedClock) -> None:
    kasus = buka(db, clock)
    k = konteks_kasus(db, kasus.id, clock)
    with db.session() as s:
        k1 = simpan_pihak(
            s, kasus.id, "korban", periksa("korban", {"nama": "Ani", "usia": "9"}, k).nilai
        )
        k2 = simpan_pihak(
            s, kasus.id, "korban", periksa("korban", {"nama": "Bunga", "usia": "25"}, k).nilai
        )
    with db.session() as s:
        simpan_pihak(
            s,
            kasus.id,
            "pelaku",
            periksa("pelaku", {"nama": "X", "hubungan": "ayah_tiri"}, k).nilai,
        )
        simpan_pihak(
            s, kasus.id, "pelaku", periksa("pelaku", {"hubungan": "tidak_diketahui"}, k).nilai
        )
    assert [p.nama for p in pihak_kasus(db, kasus.id, "korban")] == ["Ani", "Bunga"]
    assert [p.hubungan for p in pihak_kasus(db, kasus.id, "pelaku")] == [
        "ayah_tiri",
        "tidak_diketahui",
    ]

    with db.session() as s:
        d = views.detail_kasus(s, kasus.id, clock.now())
    assert d is not None
    judul = [b.judul for b in d.butir if b.form_id in {"korban", "pelaku"}]
    assert judul == ["Korban 1", "Korban 2", "Pelaku 1", "Pelaku 2"]
    assert d.korban == ((str(k1.id), "Ani · ANAK"), (str(k2.id), "Bunga"))
    assert d.korban_anak == frozenset({str(k1.id)})

    # Editing one korban touches only her.
    with db.session() as s:
        simpan_pihak(s, kasus.id, "korban", {"nama": "Ani Lestari"}, k1.id)
    assert [p.nama for p in pihak_kasus(db, kasus.id, "korban")] == ["Ani Lestari", "Bunga"]
    # A pihak of another case cannot be edited through this one.
    other = buka(db, clock)
    with pytest.raises(TidakDitemukan), db.session() as s:
        simpan_pihak(s, other.id, "korban", {"nama": "?"}, k1.id)


# ---- kejadian ------------------------------------------------------------------------


def test_bentuk_kekerasan_replaced_old_rows_kept_as_deleted(
    db: Database, clock: FixedClock
) -> None:
    kasus = buka(db, clock)
    clock.advance(timedelta(minutes=30))
    k = konteks_kasus(db, kasus.id, clock)
    mentah = {
        "waktu_kejadian": "22-11-2026 21:00",
        "tempat_kejadian": "rumah_tangga",
        "kejadian_kabkota_kode": "19.71",
        "bentuk_kekerasan": ["fisik", "psikis"],
        "kronologi": "Dipukul di rumah.",
    }
    with db.session() as s:
        simpan_kejadian(s, kasus.id, periksa("kejadian", mentah, k).nilai)
    with db.session() as s:
        simpan_kejadian(
            s,
            kasus.id,
            periksa("kejadian", mentah | {"bentuk_kekerasan": ["psikis", "seksual"]}, k).nilai,
        )

    with db.session() as s:
        rows = s.exec(select(KekerasanKasus).where(KekerasanKasus.kasus_id == kasus.id)).all()
        case = s.get(Kasus, kasus.id)
        d = views.detail_kasus(s, kasus.id, clock.now())
    hidup = sorted(r.bentuk for r in rows if r.deleted_at is None)
    dihapus = sorted(r.bentuk for r in rows if r.deleted_at is not None)
    assert hidup == ["psikis", "seksual"]
    assert dihapus == ["fisik"]  # kept, marked, for the merge to see what changed
    assert len(rows) == 3  # psikis was kept, not re-inserted
    assert case is not None
    assert case.waktu_kejadian == datetime(2026, 11, 22, 14, 0, tzinfo=UTC)
    assert (case.tempat_kejadian, case.kejadian_kabkota_kode) == ("rumah_tangga", "19.71")
    assert case.kronologi == "Dipukul di rumah."
    assert d is not None
    butir = next(b for b in d.butir if b.kunci == "kejadian")
    assert sorted(butir.nilai["bentuk_kekerasan"]) == ["psikis", "seksual"]
    assert "Fisik" not in butir.ringkas
    assert "Psikis" in butir.ringkas and "Seksual" in butir.ringkas

    # Clearing every bentuk leaves none alive.
    with db.session() as s:
        simpan_kejadian(s, kasus.id, {"bentuk_kekerasan": []})
    with db.session() as s:
        d = views.detail_kasus(s, kasus.id, clock.now())
    assert d is not None
    assert next(b for b in d.butir if b.kunci == "kejadian").nilai["bentuk_kekerasan"] == []


def test_kejadian_after_the_complaint_is_rejected(db: Database, clock: FixedClock) -> None:
    kasus = buka(db, clock)  # complaint received 09:00 WIB
    clock.advance(timedelta(hours=1))  # 10:00: 09:30 is not in the future, only too late
    k = Konteks(sekarang=clock.now(), waktu={"waktu_diterima": kasus.waktu_diterima})
    spec = load_form("kejadian")
    hasil = periksa_form(spec, {"waktu_kejadian": "23-11-2026 09:30"}, k)
    assert not hasil.ok
    assert hasil.galat["waktu_kejadian"] == "Tidak boleh setelah waktu pengaduan"
    assert periksa_form(spec, {"waktu_kejadian": "23-11-2026 09:00"}, k).ok
    assert periksa_form(spec, {"waktu_kejadian": "23-11-2026 08:59"}, k).ok


# ---- consent, asesmen, rencana ---------------------------------------------------------


def _korban_anak(db: Database, kasus: Kasus, clock: FixedClock) -> Pihak:
    hasil = periksa(
        "korban",
        {"nama": "Putri", "tanggal_lahir": "12-03-2014"},
        konteks_kasus(db, kasus.id, clock),
    )
    with db.session() as s:
        return simpan_pihak(s, kasus.id, "korban", hasil.nilai)


def test_child_cannot_consent_alone(db: Database, clock: FixedClock) -> None:
    kasus = buka(db, clock)
    putri = _korban_anak(db, kasus, clock)
    k = konteks_kasus(db, kasus.id, clock)
    spec = load_form("persetujuan")
    mentah = {
        "korban_id": str(putri.id),
        "pemberi": "korban",
        "izin_kesehatan": True,
        "tanggal": "23-11-2026",
        "petugas": "Rina",
    }
    hasil = periksa_form(spec, mentah, k)
    assert not hasil.ok
    assert hasil.galat == {"pemberi": "Korban anak: persetujuan oleh orang tua/wali"}

    hasil = periksa_form(spec, mentah | {"pemberi": "orang_tua_wali"}, k)
    assert hasil.galat == {"wali_nama": "Isi nama orang tua/wali"}

    mentah |= {
        "pemberi": "orang_tua_wali",
        "wali_nama": "Ibu Rahma",
        "wali_hubungan": "Ibu",
        "wali_telepon": "0812 3456 7890",
        "izin_hukum": True,
        "izin_psikolog": False,
    }
    hasil = periksa("persetujuan", mentah, k)
    with db.session() as s:
        row = simpan_persetujuan(s, kasus.id, hasil.nilai)
    with db.session() as s:
        saved = s.get(Persetujuan, row.id)
        # real columns: "who may we tell the police about?" is a plain query
        boleh_hukum = s.exec(select(Persetujuan).where(col(Persetujuan.izin_hukum).is_(True))).all()
        tidak_dinsos = s.exec(
            select(Persetujuan).where(col(Persetujuan.izin_dinsos).is_(False))
        ).all()
        d = views.detail_kasus(s, kasus.id, clock.now())
    assert saved is not None
    assert saved.korban_id == putri.id
    assert (saved.pemberi, saved.wali_nama, saved.wali_telepon) == (
        "orang_tua_wali",
        "Ibu Rahma",
        "+6281234567890",
    )
    assert (saved.izin_kesehatan, saved.izin_hukum, saved.izin_psikolog, saved.izin_dinsos) == (
        True,
        True,
        False,
        False,
    )
    assert saved.tanggal == date(2026, 11, 23)
    assert [r.id for r in boleh_hukum] == [row.id]
    assert [r.id for r in tidak_dinsos] == [row.id]
    assert d is not None
    butir = next(b for b in d.butir if b.form_id == "persetujuan")
    assert butir.target_id == row.id
    assert butir.ringkas == "oleh wali: kesehatan, hukum"


def test_service_refuses_a_child_consenting_alone_whoever_calls_it(
    db: Database, clock: FixedClock
) -> None:
    kasus = buka(db, clock)
    putri = _korban_anak(db, kasus, clock)
    with pytest.raises(AturanDilanggar, match="orang tua/wali"), db.session() as s:
        simpan_persetujuan(s, kasus.id, {"korban_id": putri.id, "pemberi": "korban"})
    with db.session() as s:
        assert s.exec(select(Persetujuan)).all() == []


def test_the_child_consent_rule_lives_in_one_place(
    db: Database,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The form and the service ask the same domain function, so the rule and its
    message change in one place."""
    from ppa_tui.domain import validasi

    kasus = buka(db, clock)
    putri = _korban_anak(db, kasus, clock)
    pesan = validasi.pemberi_persetujuan_ditolak(True, "korban")
    assert pesan == "Korban anak: persetujuan oleh orang tua/wali"
    assert validasi.pemberi_persetujuan_ditolak(True, "orang_tua_wali") is None
    assert validasi.pemberi_persetujuan_ditolak(False, "korban") is None
    monkeypatch.setattr(
        validasi,
        "pemberi_persetujuan_ditolak",
        lambda anak, pemberi: "aturan tunggal" if pemberi else None,
    )
    mentah = {
        "korban_id": str(putri.id),
        "pemberi": "orang_tua_wali",
        "wali_nama": "Ibu",
        "tanggal": "23-11-2026",
        "petugas": "Rina",
    }
    hasil = periksa_form(load_form("persetujuan"), mentah, konteks_kasus(db, kasus.id, clock))
    assert hasil.galat == {"pemberi": "aturan tunggal"}
    with pytest.raises(AturanDilanggar, match="aturan tunggal"), db.session() as s:
        simpan_persetujuan(s, kasus.id, {"korban_id": putri.id, "pemberi": "orang_tua_wali"})


def test_adult_korban_consents_herself(db: Database, clock: FixedClock) -> None:
    kasus = buka(db, clock)
    k = konteks_kasus(db, kasus.id, clock)
    with db.session() as s:
        dewasa = simpan_pihak(
            s, kasus.id, "korban", periksa("korban", {"nama": "Bunga", "usia": "30"}, k).nilai
        )
    k = konteks_kasus(db, kasus.id, clock)
    hasil = periksa(
        "persetujuan",
        {
            "korban_id": str(dewasa.id),
            "pemberi": "korban",
            "wali_nama": "ignored",
            "tanggal": "23-11-2026",
            "petugas": "Rina",
        },
        k,
    )
    assert "wali_nama" not in hasil.nilai  # hidden field: not stored
    with db.session() as s:
        row = simpan_persetujuan(s, kasus.id, hasil.nilai)
    with db.session() as s:
        saved = s.get(Persetujuan, row.id)
    assert saved is not None and saved.wali_nama == "" and saved.korban_id == dewasa.id
    assert not any((saved.izin_kesehatan, saved.izin_hukum, saved.izin_lainnya))


def test_asesmen_and_rencana_are_listed_on_the_case(db: Database, clock: FixedClock) -> None:
    kasus = buka(db, clock)
    putri = _korban_anak(db, kasus, clock)
    k = konteks_kasus(db, kasus.id, clock)
    with db.session() as s:
        d0 = views.detail_kasus(s, kasus.id, clock.now())
    assert d0 is not None
    assert any(b.kunci == "asesmen:baru" for b in d0.butir)  # offered before it exists

    asesmen = periksa(
        "asesmen",
        {
            "korban_id": str(putri.id),
            "tingkat_risiko": "tinggi",
            "kebutuhan_psikologis": "Konseling trauma",
            "butuh_penampungan": True,
            "kebutuhan_penampungan": "Rumah aman 2 minggu",
            "tanggal": "23-11-2026",
            "petugas": "Rina",
        },
        k,
    )
    rencana = periksa(
        "rencana",
        {
            "layanan": "kesehatan",
            "penyedia": "RSUD Depati Hamzah",
            "tenggat": "30-11-2026",
            "keterangan": "Visum",
        },
        k,
    )
    with db.session() as s:
        a = simpan_asesmen(s, kasus.id, asesmen.nilai)
        r = simpan_rencana(s, kasus.id, rencana.nilai)
    with db.session() as s:
        a_db = s.get(Asesmen, a.id)
        r_db = s.get(RencanaIntervensi, r.id)
        d = views.detail_kasus(s, kasus.id, clock.now())
    assert a_db is not None and r_db is not None
    assert (a_db.korban_id, a_db.tingkat_risiko, a_db.butuh_penampungan) == (
        putri.id,
        "tinggi",
        True,
    )
    assert a_db.kebutuhan_penampungan == "Rumah aman 2 minggu"
    assert (r_db.layanan, r_db.penyedia, r_db.tenggat) == (
        "kesehatan",
        "RSUD Depati Hamzah",
        date(2026, 11, 30),
    )
    assert d is not None
    kunci = [b.kunci for b in d.butir]
    assert f"asesmen:{a.id}" in kunci and "asesmen:baru" not in kunci
    assert f"rencana:{r.id}" in kunci
    b_asesmen = next(b for b in d.butir if b.kunci == f"asesmen:{a.id}")
    b_rencana = next(b for b in d.butir if b.kunci == f"rencana:{r.id}")
    assert b_asesmen.ringkas == "Risiko Tinggi"
    assert b_asesmen.target_id == a.id and b_asesmen.form_id == "asesmen"
    assert "RSUD Depati Hamzah" in b_rencana.ringkas and "30-11-2026" in b_rencana.ringkas

    # Editing the asesmen updates the same row.
    with db.session() as s:
        simpan_asesmen(s, kasus.id, asesmen.nilai | {"tingkat_risiko": "darurat"}, a.id)
    with db.session() as s:
        rows = s.exec(select(Asesmen).where(Asesmen.kasus_id == kasus.id)).all()
    assert [(x.id, x.tingkat_risiko) for x in rows] == [(a.id, "darurat")]


# ---- drafts -----------------------------------------------------------------------------


def test_draft_upsert_read_back_and_delete(db: Database) -> None:
    kunci = "korban:abc:baru"
    first = {"nama": "Put", "adalah_korban": False}
    latest = {
        "nama": "Putri",
        "telepon": "0812 3456 7890",
        "bentuk_kekerasan": ["fisik", "psikis"],
        "adalah_korban": True,
        "usia": "",
        "kronologi": "baris 1\nbaris 2 — “kutip”",
    }
    with db.session() as s:
        simpan_draft(s, kunci, "korban", "Data Korban", first)
    with db.session() as s:
        simpan_draft(s, kunci, "korban", "Data Korban · PPA/2026/0001", latest)
    with db.session() as s:
        assert len(s.exec(select(Draft)).all()) == 1
        draft = ambil_draft(s, kunci)
    assert draft is not None
    assert draft.isi == latest
    assert draft.judul == "Data Korban · PPA/2026/0001"
    assert draft.form_id == "korban"
    with db.session() as s:
        hapus_draft(s, kunci)
    with db.session() as s:
        assert ambil_draft(s, kunci) is None
        assert daftar_draft(s) == []


def test_damaged_draft_is_skipped_not_a_crash(db: Database) -> None:
    with db.session() as s:
        s.add(Draft(kunci="korban:x:baru", form_id="korban", isi="{not json"))
        s.add(Draft(kunci="pelaku:x:baru", form_id="pelaku", isi="[1, 2]"))
        simpan_draft(s, "buku_tamu:-:baru", "buku_tamu", "Buku Tamu", {"nama": "Siti"})
    with db.session() as s:
        drafts = daftar_draft(s)
        assert ambil_draft(s, "korban:x:baru") is None
        home = views.beranda(s, datetime(2026, 11, 22, 17, 0, tzinfo=UTC))
    assert [d.kunci for d in drafts] == ["buku_tamu:-:baru"]
    assert [d.kunci for d in home.draft] == ["buku_tamu:-:baru"]


def _backend(tmp_path: Path, db_url: str, clock: FixedClock) -> Backend:
    settings = Settings(data_dir=tmp_path, database_url=db_url, petugas="Rina", device_id="desk-1")
    return Backend(settings, clock)


def test_draft_restored_after_app_closed_without_saving(
    tmp_path: Path, db_url: str, clock: FixedClock
) -> None:
    backend = _backend(tmp_path, db_url, clock)
    siap = backend.siapkan_form("buku_tamu")
    tamu = backend.simpan(siap, periksa("buku_tamu", siap.mentah, siap.konteks).nilai)
    assert tamu.kasus_id is not None

    typed = {
        "nama": "Putri",
        "jenis_kelamin": "p",
        "tanggal_lahir": "12-03-2014",
        "telepon": "0812 3456 7890",
        "alamat": "Jl. Merdeka 1, Pangkalpinang",
        "kabkota_kode": "Pangkalpinang",
        "pendidikan": "sd",
        "nik": "",
    }
    kunci = backend.siapkan_form("korban", tamu.kasus_id).kunci  # a new korban: own key
    assert kunci.startswith(f"korban:{tamu.kasus_id}:baru-")
    backend.simpan_draft(kunci, "korban", "Data Korban", typed)
    backend.close()  # the laptop dies here; nothing was saved

    clock.advance(timedelta(minutes=30))
    again = _backend(tmp_path, db_url, clock)
    try:
        siap = again.siapkan_form("korban", tamu.kasus_id, kunci=kunci)  # from the list
        assert siap.dipulihkan is True
        assert {k: siap.mentah.get(k) for k in typed} == typed
        assert [d.kunci for d in again.daftar_draft()] == [kunci]
        # The restored values save as they are, and the draft goes with the save.
        hasil = periksa("korban", siap.mentah, siap.konteks)
        saved = again.simpan(siap, hasil.nilai)
        assert again.daftar_draft() == []
        detail = again.detail(tamu.kasus_id)
        assert detail is not None
        assert detail.korban == ((str(saved.id), "Putri · ANAK"),)
        assert detail.korban_anak == frozenset({str(saved.id)})
        assert again.siapkan_form("korban", tamu.kasus_id).dipulihkan is False
    finally:
        again.close()


def test_backend_saves_buku_tamu_and_drops_its_draft(
    tmp_path: Path, db_url: str, clock: FixedClock
) -> None:
    backend = _backend(tmp_path, db_url, clock)
    try:
        siap = backend.siapkan_form("buku_tamu")
        assert siap.mentah["waktu_masuk"] == "23-11-2026 09:00"
        assert (
            siap.jam is not None
            and siap.jam.baca(clock.now()).teks
            == f"{format_sisa(timedelta(minutes=10))} lagi (jam kerja)"
        )
        mentah = siap.mentah | {"nama": "Siti", "telepon": "0812 3456 7890"}
        backend.simpan_draft(siap.kunci, "buku_tamu", siap.judul, mentah)
        clock.advance(timedelta(minutes=2))
        hasil = backend.simpan(siap, periksa("buku_tamu", mentah, siap.konteks).nilai)

        assert isinstance(hasil, Tersimpan)
        assert hasil.form_id == "buku_tamu"
        assert hasil.kasus_id is not None
        assert hasil.nomor_register == "PPA/2026/0001"
        assert backend.daftar_draft() == []
        home = backend.beranda()
        [t] = home.tamu
        assert (t.id, t.nama, t.nomor_register) == (hasil.id, "Siti", "PPA/2026/0001")
        [k] = home.kasus
        assert k.id == hasil.kasus_id
        assert k.jam is not None
        assert k.jam.baca(clock.now()).teks == (
            f"{format_sisa(timedelta(minutes=8))} lagi (jam kerja)")
        with backend.database.session() as s:
            assert s.get(BukuTamu, hasil.id).device_id == "desk-1"  # type: ignore[union-attr]
    finally:
        backend.close()


def test_failed_save_keeps_the_draft(tmp_path: Path, db_url: str, clock: FixedClock) -> None:
    """Save and draft removal are one transaction: when the save fails (the case is
    gone), what the officer typed is still there."""
    backend = _backend(tmp_path, db_url, clock)
    try:
        hilang = uuid.uuid4()
        siap = backend.siapkan_form("korban", hilang)
        backend.simpan_draft(siap.kunci, "korban", "Data Korban", {"nama": "Putri"})
        with pytest.raises(TidakDitemukan):
            backend.simpan(siap, {"nama": "Putri"})
        [draft] = backend.daftar_draft()
        assert draft.kunci == siap.kunci and draft.isi == {"nama": "Putri"}
        with backend.database.session() as s:
            assert s.exec(select(Pihak)).all() == []
    finally:
        backend.close()


def test_later_steps_ask_the_consent_before_sharing(db: Database, clock: FixedClock) -> None:
    from ppa_tui.domain import referensi
    from ppa_tui.domain.kasus import IZIN_LEMBAGA, boleh_dibagikan

    kasus = buka(db, clock)
    putri = _korban_anak(db, kasus, clock)
    assert set(IZIN_LEMBAGA) == {p.kode for p in referensi.pilihan("lembaga_persetujuan")}
    with db.session() as s:
        assert not boleh_dibagikan(s, putri.id, "kesehatan")  # nothing recorded: no
        simpan_persetujuan(
            s,
            kasus.id,
            {
                "korban_id": putri.id,
                "pemberi": "orang_tua_wali",
                "wali_nama": "Ibu Rahma",
                "izin_kesehatan": True,
            },
        )
    with db.session() as s:
        assert boleh_dibagikan(s, putri.id, "kesehatan")
        assert not boleh_dibagikan(s, putri.id, "kepolisian_hukum")


def test_an_integer_no_column_holds_is_refused_by_the_service(
    db: Database, clock: FixedClock
) -> None:
    """A caller that skips the form still cannot overflow a column (SQLite raised
    OverflowError, PostgreSQL a DataError quoting the row)."""
    from ppa_tui.domain.validasi import Invalid

    kasus = buka(db, clock)
    with pytest.raises(Invalid) as exc, db.session() as s:
        simpan_pihak(s, kasus.id, "korban", {"nama": "Ani", "usia": 10**20})
    assert exc.value.pesan == "Angka terlalu besar"
    assert pihak_kasus(db, kasus.id, "korban") == []


# ---- control characters -------------------------------------------------------------

KOTOR = "Ani\x00 Su\x1b[31mlastri\x1b[0m\x07"


def test_control_characters_never_reach_the_database(db: Database, clock: FixedClock) -> None:
    """PostgreSQL refused a NUL; an escape sequence would repaint whoever's terminal
    shows the record. Typed through the forms, a name comes out clean; long text keeps
    its lines and tabs."""
    tamu_hasil = periksa(
        "buku_tamu",
        {
            "nama": KOTOR,
            "keperluan": "pengaduan",
            "waktu_masuk": "23-11-2026 09:00",
            "keterangan": "baris 1\r\n\tbaris\x00 2\x7f",
        },
        konteks(clock),
    )
    assert tamu_hasil.nilai["nama"] == "Ani Sulastri"
    with db.session() as s:
        tamu, kasus = catat_tamu(s, tamu_hasil.nilai, clock=clock, petugas="Ri\x00na")
    assert kasus is not None
    k = konteks_kasus(db, kasus.id, clock)
    korban = periksa("korban", {"nama": KOTOR, "alamat": "Jl. Merdeka\n1", "usia": "1\x002"}, k)
    with db.session() as s:
        pihak = simpan_pihak(s, kasus.id, "korban", korban.nilai)
    with db.session() as s:
        row = s.get(BukuTamu, tamu.id)
        assert row is not None
        assert (row.nama, row.petugas) == ("Ani Sulastri", "Rina")
        assert row.keterangan == "baris 1\n\tbaris 2"
        p = s.get(Pihak, pihak.id)
        assert p is not None
        assert (p.nama, p.alamat, p.usia) == ("Ani Sulastri", "Jl. Merdeka 1", 12)


def test_a_service_call_skipping_the_form_stores_no_control_characters(
    db: Database,
    clock: FixedClock,
) -> None:
    with db.session() as s:
        tamu, _ = catat_tamu(
            s, {"nama": KOTOR, "keperluan": "konsultasi", "keterangan": "a\x00\nb\tc"}, clock=clock
        )
    kasus = buka(db, clock)
    with db.session() as s:
        pihak = simpan_pihak(s, kasus.id, "pelaku", {"nama": KOTOR})
    with db.session() as s:
        row = s.get(BukuTamu, tamu.id)
        assert row is not None and (row.nama, row.keterangan) == ("Ani Sulastri", "a\nb\tc")
        assert s.get(Pihak, pihak.id).nama == "Ani Sulastri"  # type: ignore[union-attr]


# ---- a consulting guest decides to complain -------------------------------------------


@pytest.mark.parametrize("keperluan", ["konsultasi", "informasi"])
def test_a_consulting_guest_becomes_a_complaint_from_her_arrival(
    db: Database,
    clock: FixedClock,
    keperluan: str,
) -> None:
    from ppa_tui.domain.bukutamu import SudahAdaKasus, jadikan_pengaduan

    hasil = periksa(
        "buku_tamu",
        {"nama": "Bu Lina", "keperluan": keperluan, "waktu_masuk": "23-11-2026 09:00"},
        konteks(clock),
    )
    with db.session() as s:
        tamu, tanpa = catat_tamu(s, hasil.nilai, clock=clock)
    assert tanpa is None
    clock.advance(timedelta(minutes=30))  # she talks, then decides to report
    with db.session() as s:
        kasus = jadikan_pengaduan(s, tamu.id, petugas="Rina")
    masuk = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    assert kasus.nomor_register == "PPA/2026/0001"
    with db.session() as s:
        row = s.get(BukuTamu, tamu.id)
        assert row is not None and row.kasus_id == kasus.id
        assert row.keperluan == keperluan  # why she came stays on record
        case = s.get(Kasus, kasus.id)
        assert case is not None and (case.waktu_diterima, case.petugas) == (masuk, "Rina")
    [l1] = langkah_semua(db, kasus.id)  # exactly as a pengaduan guest's case
    assert (l1.langkah_kode, l1.started_at, l1.deadline_at) == (
        "L1",
        masuk,
        masuk + timedelta(minutes=10),
    )

    with pytest.raises(SudahAdaKasus) as exc, db.session() as s:
        jadikan_pengaduan(s, tamu.id)
    assert str(exc.value) == "Tamu ini sudah punya kasus (PPA/2026/0001)"
    with db.session() as s:
        assert len(s.exec(select(Kasus)).all()) == 1


def test_a_guest_who_already_complained_or_does_not_exist_is_refused(
    db: Database,
    clock: FixedClock,
) -> None:
    from ppa_tui.domain.bukutamu import SudahAdaKasus, jadikan_pengaduan

    with db.session() as s:
        tamu, kasus = catat_tamu(s, {"keperluan": "pengaduan"}, clock=clock)
    assert kasus is not None
    with pytest.raises(SudahAdaKasus, match="sudah punya kasus"), db.session() as s:
        jadikan_pengaduan(s, tamu.id)
    with pytest.raises(TidakDitemukan), db.session() as s:
        jadikan_pengaduan(s, uuid.uuid4())
    with db.session() as s:
        assert len(s.exec(select(Kasus)).all()) == 1


def test_backend_turns_a_guest_into_a_complaint(
    tmp_path: Path,
    db_url: str,
    clock: FixedClock,
) -> None:
    backend = _backend(tmp_path, db_url, clock)
    try:
        siap = backend.siapkan_form("buku_tamu")
        mentah = siap.mentah | {"nama": "Pak Rahman", "keperluan": "konsultasi"}
        tamu = backend.simpan(siap, periksa("buku_tamu", mentah, siap.konteks).nilai)
        assert tamu.kasus_id is None and backend.beranda().kasus == []
        hasil = backend.jadikan_pengaduan(tamu.id)
        assert (hasil.form_id, hasil.id, hasil.nomor_register) == (
            "buku_tamu",
            tamu.id,
            "PPA/2026/0001",
        )
        home = backend.beranda()
        assert [k.id for k in home.kasus] == [hasil.kasus_id]
        assert home.tamu[0].nomor_register == "PPA/2026/0001"
    finally:
        backend.close()


def test_two_desks_turning_one_guest_into_a_complaint_open_one_case(
    db: Database,
    db_url: str,
    clock: FixedClock,
) -> None:
    from ppa_tui.domain.bukutamu import SudahAdaKasus, jadikan_pengaduan

    with db.session() as s:
        tamu, _ = catat_tamu(s, {"keperluan": "konsultasi"}, clock=clock)
    engines = [Database.open(db_url, device_id=f"desk-{i}") for i in range(2)]
    barrier = threading.Barrier(2, timeout=60)
    hasil: list[object] = []
    lock = threading.Lock()

    def desk(database: Database) -> None:
        try:
            barrier.wait()
            with database.session() as s:
                jadikan_pengaduan(s, tamu.id)
            out: object = "kasus"
        except BaseException as exc:  # noqa: BLE001 - reported below
            out = exc
        with lock:
            hasil.append(out)

    _bersamaan(desk, engines)
    assert hasil.count("kasus") == 1, hasil
    [ditolak] = [h for h in hasil if h != "kasus"]
    assert isinstance(ditolak, SudahAdaKasus), repr(ditolak)
    with db.session() as s:
        assert len(s.exec(select(Kasus)).all()) == 1
