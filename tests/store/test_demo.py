"""`ppa demo` data on both backends: register numbers, people, kejadian and SOP steps
are what the desk itself would have written, and the bulk insert's own value
conversion agrees with SQLAlchemy's."""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Uuid
from sqlmodel import select

from ppa_tui.domain import referensi, validasi, views
from ppa_tui.domain.clock import FixedClock
from ppa_tui.domain.kasus import buka_kasus
from ppa_tui.domain.models import (
    BukuTamu,
    Kasus,
    KekerasanKasus,
    LangkahKasus,
    NomorRegister,
    Pihak,
    RujukanMasuk,
    UTCDateTime,
)
from ppa_tui.store.database import Database
from ppa_tui.store.demo import isi_demo
from ppa_tui.store.demo.generator import _Format
from ppa_tui.store.demo.isi import _URUTAN_TABEL, _Tabel

WIB = timedelta(hours=7)
NOMOR = re.compile(r"PPA/(\d{4})/(\d{4,})")


def kode(nama: str) -> set[str]:
    return {p.kode for p in referensi.pilihan(nama)}


def semua(db: Database, model: type) -> list:
    with db.session() as s:
        return list(s.exec(select(model)))


def test_makes_the_cases_asked_for_with_unique_numbers(db: Database, clock: FixedClock) -> None:
    assert isi_demo(db, 30, clock) == 30
    kasus = semua(db, Kasus)
    assert len(kasus) == 30
    assert len({k.nomor_register for k in kasus}) == 30
    for k in kasus:
        m = NOMOR.fullmatch(k.nomor_register)
        assert m, k.nomor_register
        assert (int(m[1]), int(m[2])) == (k.tahun, k.urutan)
        assert k.tahun == (k.waktu_diterima + WIB).year
        assert k.sop_kode == "layanan" and k.jalur in {"dasar", "rujukan"}
        assert k.device_id == "test-desk"
        assert k.waktu_kejadian is not None and k.waktu_kejadian < k.waktu_diterima <= clock.now()
        assert k.tempat_kejadian in kode("tempat_kejadian")
        assert k.kejadian_kabkota_kode in kode("kabkota")
        assert k.kronologi.startswith("Korban")
    # numbers follow arrival within a year, from 1 on an empty database
    per_tahun: dict[int, list[Kasus]] = defaultdict(list)
    for k in sorted(kasus, key=lambda k: k.waktu_diterima):
        per_tahun[k.tahun].append(k)
    for tahun, rows in per_tahun.items():
        assert [k.urutan for k in rows] == list(range(1, len(rows) + 1)), tahun


def test_every_case_has_its_people_kekerasan_and_guest(db: Database, clock: FixedClock) -> None:
    isi_demo(db, 30, clock)
    kasus = {k.id: k for k in semua(db, Kasus)}
    pihak = semua(db, Pihak)
    per_kasus: dict[uuid.UUID, dict[str, list[Pihak]]] = defaultdict(lambda: defaultdict(list))
    for p in pihak:
        per_kasus[p.kasus_id][p.peran].append(p)
    bentuk: dict[uuid.UUID, list[str]] = defaultdict(list)
    for row in semua(db, KekerasanKasus):
        bentuk[row.kasus_id].append(row.bentuk)
    tamu = {t.kasus_id: t for t in semua(db, BukuTamu)}
    rujukan = {r.kasus_id for r in semua(db, RujukanMasuk)}

    for kid, k in kasus.items():
        orang = per_kasus[kid]
        assert 1 <= len(orang["korban"]) <= 2
        assert len(orang["pelapor"]) == 1 and len(orang["pelaku"]) == 1
        assert orang["pelaku"][0].hubungan in kode("hubungan_pelaku")
        assert 1 <= len(bentuk[kid]) <= 3 and len(set(bentuk[kid])) == len(bentuk[kid])
        assert set(bentuk[kid]) <= kode("bentuk_kekerasan")
        pelapor = orang["pelapor"][0]
        if pelapor.adalah_korban:  # mirrored the way kasus.simpan_pihak does it
            sendiri = [p for p in orang["korban"] if p.pelapor_id == pelapor.id]
            assert len(sendiri) == 1
            assert (sendiri[0].nama, sendiri[0].nik, sendiri[0].usia) == (
                pelapor.nama, pelapor.nik, pelapor.usia)
        else:
            assert pelapor.hubungan in kode("hubungan_pelapor")
        t = tamu[kid]
        keperluan = "rujukan" if kid in rujukan else "pengaduan"  # a referral in: L4a
        assert (t.keperluan, t.waktu_masuk, t.nama) == (keperluan, k.waktu_diterima, pelapor.nama)
        assert t.waktu_keluar is None or k.waktu_diterima < t.waktu_keluar <= clock.now()

    korban = [p for p in pihak if p.peran == "korban"]
    assert sum(p.jenis_kelamin == "p" for p in korban) > len(korban) / 2
    assert any(p.anak for p in korban) and any(p.nik for p in korban)


def test_ages_nik_and_phones_are_consistent(db: Database, clock: FixedClock) -> None:
    isi_demo(db, 30, clock)
    diterima = {k.id: (k.waktu_diterima + WIB).date() for k in semua(db, Kasus)}
    for p in semua(db, Pihak):
        assert p.anak == (p.usia is not None and p.usia < 18), p
        hari = diterima[p.kasus_id]
        if p.tanggal_lahir is not None:
            assert validasi.hitung_usia(p.tanggal_lahir, hari) == p.usia
        if p.nik:
            hasil = validasi.periksa_nik(p.nik, tanggal_lahir=p.tanggal_lahir,
                                         jenis_kelamin=p.jenis_kelamin, hari_ini=hari)
            assert hasil.peringatan == () and hasil.wilayah_kode == p.kabkota_kode
            assert hasil.wilayah_kode.startswith("19.")
        if p.telepon:
            assert p.telepon.startswith("+628")
            assert validasi.normalisasi_telepon(p.telepon) == p.telepon


def test_steps_follow_sop_layanan(db: Database, clock: FixedClock) -> None:
    """Walk-ins start at L1, referrals at L4a; step 3 decides; a small fill walks both."""
    isi_demo(db, 30, clock)
    langkah: dict[uuid.UUID, list[LangkahKasus]] = defaultdict(list)
    for row in semua(db, LangkahKasus):
        if row.rencana_id is None:
            langkah[row.kasus_id].append(row)
    rujukan = {r.kasus_id for r in semua(db, RujukanMasuk)}
    status = {"berjalan": 0, "dilimpahkan": 0, "rujukan": 0}
    for k in semua(db, Kasus):
        rows = sorted(langkah[k.id], key=lambda r: r.started_at)
        assert rows[0].started_at == k.waktu_diterima
        assert rows[0].langkah_kode == ("L4a" if k.id in rujukan else "L1")
        if k.status == "aktif" and [r for r in rows if r.finished_at is None]:
            status["berjalan"] += 1
        if k.kewenangan == "kabkota":
            status["dilimpahkan"] += 1
        if k.jalur == "rujukan":
            status["rujukan"] += 1
    assert all(status.values()), status


def test_second_fill_continues_numbering_and_desk_gets_next(
    db: Database, clock: FixedClock
) -> None:
    isi_demo(db, 30, clock)
    isi_demo(db, 30, clock)  # same seed: new rows, no id or number collision
    kasus = semua(db, Kasus)
    assert len(kasus) == 60 and len({k.nomor_register for k in kasus}) == 60
    assert len({k.id for k in kasus}) == 60
    per_tahun: dict[int, list[int]] = defaultdict(list)
    for k in kasus:
        per_tahun[k.tahun].append(k.urutan)
    counters = {r.tahun: r.terakhir for r in semua(db, NomorRegister)}
    for tahun, nomor in per_tahun.items():
        assert sorted(nomor) == list(range(1, len(nomor) + 1))
        assert counters[tahun] == len(nomor)

    with db.session() as s:
        baru = buka_kasus(s, waktu_diterima=clock.now(), petugas="Rina")
    assert (baru.tahun, baru.urutan) == (2026, max(per_tahun[2026]) + 1)
    assert baru.nomor_register == f"PPA/2026/{max(per_tahun[2026]) + 1:04d}"


def test_beranda_lists_only_active_cases_by_deadline(db: Database, clock: FixedClock) -> None:
    """Home's list is the cases with a clock running, most urgent first."""
    isi_demo(db, 30, clock)
    terbuka = {r.kasus_id for r in semua(db, LangkahKasus) if r.finished_at is None}
    aktif = {k.id for k in semua(db, Kasus) if k.status == "aktif" and k.id in terbuka}
    sejak = views.awal_hari(clock.now(), "Asia/Jakarta")
    with db.session() as s:
        b = views.beranda(s, sejak)
    assert aktif and {k.id for k in b.kasus} == aktif
    tenggat = [k.jam.deadline_at for k in b.kasus]
    assert tenggat == sorted(tenggat)
    assert any(k.jam.baca(clock.now()).status == "terlambat" for k in b.kasus)
    assert b.tamu and all(sejak <= t.waktu_masuk <= clock.now() for t in b.tamu)
    assert all(t.nomor_register for t in b.tamu)


def test_progress_per_batch_and_deterministic(tmp_path: Path, clock: FixedClock) -> None:
    hasil = []
    for nama in ("a", "b"):
        database = Database.open(f"sqlite:///{tmp_path / nama}.db", device_id="meja-1")
        langkah: list[int] = []
        assert isi_demo(database, 17, clock, seed=7, progress=langkah.append, batch=5) == 17
        with database.session() as s:
            rows = s.exec(select(Kasus.id, Kasus.nomor_register, Kasus.kronologi)
                          .order_by(Kasus.nomor_register)).all()
            nama_pihak = s.exec(select(Pihak.nama).order_by(Pihak.id)).all()
        database.close()
        assert langkah == [5, 5, 5, 2]
        hasil.append((rows, nama_pihak))
    assert hasil[0] == hasil[1]


def test_nothing_asked_nothing_made(db: Database, clock: FixedClock) -> None:
    assert isi_demo(db, 0, clock) == 0
    assert semua(db, Kasus) == []


def test_fast_value_conversion_matches_sqlalchemy(db: Database) -> None:
    """The bulk insert converts UTC times and UUIDs itself (skipping the typed Table's
    processors, for speed); what it stores must be exactly what SQLAlchemy stores."""
    dialect = db.engine.dialect
    fmt = _Format(dialect)
    waktu = [datetime(2026, 11, 23, 2, 0, tzinfo=UTC),
             datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
             datetime(2026, 11, 23, 16, 0, 1, tzinfo=timezone(WIB))]
    for _, model in _URUTAN_TABEL:
        tabel = _Tabel(model, fmt)
        assert [c.name for c in tabel.cermin.c] == [c.name for c in model.__table__.c]
        for col in model.__table__.c:
            asli = col.type._cached_bind_processor(dialect) or (lambda v: v)
            if isinstance(col.type, UTCDateTime):
                for w in [*waktu, None]:
                    assert fmt.waktu(w) == asli(w), (col, w)
            elif isinstance(col.type, Uuid):
                n = uuid.UUID("01a2088f-4926-7f2b-9cf4-bb99f4bea973").int
                assert fmt.uuid(n) == asli(uuid.UUID(int=n)), col


def test_demo_refuses_real_cases_unless_told_to_mix(db: Database, clock: FixedClock) -> None:
    import pytest

    from ppa_tui.store.demo import AdaKasusNyata

    isi_demo(db, 3, clock)
    assert all(k.demo for k in semua(db, Kasus))
    with db.session() as s:
        buka_kasus(s, waktu_diterima=clock.now(), petugas="Rina")
    with pytest.raises(AdaKasusNyata) as info:
        isi_demo(db, 3, clock)
    assert info.value.jumlah == 1 and "kasus nyata" in str(info.value)
    assert len(semua(db, Kasus)) == 4
    assert isi_demo(db, 3, clock, campur=True) == 3
    assert sorted(k.demo for k in semua(db, Kasus)) == [False] + [True] * 6


def test_statistics_are_current_after_open_and_after_demo(db: Database, clock: FixedClock) -> None:
    from sqlalchemy import text

    sqlite = db.engine.dialect.name == "sqlite"
    if sqlite:  # on open: a file never analysed is analysed
        with db.engine.connect() as conn:
            assert conn.execute(text(
                "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")).scalar() == 1
    isi_demo(db, 20, clock)
    jumlah_pihak = len(semua(db, Pihak))
    with db.engine.connect() as conn:
        if sqlite:
            stat = dict(conn.execute(text("SELECT idx, stat FROM sqlite_stat1 "
                                          "WHERE tbl = 'pihak'")).all())
            assert stat["ix_pihak_kasus_id_peran"].split()[0] == str(jumlah_pihak)
        else:
            baris = conn.execute(text(
                "SELECT reltuples FROM pg_class WHERE oid = to_regclass('kasus')")).scalar()
            assert baris == 20
