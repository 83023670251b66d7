"""`ppa demo` data on both backends: register numbers, people, kejadian and SOP steps
are what the desk itself would have written, and the bulk insert's own value
conversion agrees with SQLAlchemy's."""

from __future__ import annotations

import re
import uuid
from collections import Counter, defaultdict
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
from ppa_tui.domain.sop import load_sop
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


# ---- the whole lifecycle: every state, every rule ---------------------------------------

N_LENGKAP = 300


class Isi:
    """Every row of a demo fill, grouped the way the checks read them."""

    def __init__(self, db: Database) -> None:
        from ppa_tui.domain import models as m

        self.kasus = {k.id: k for k in semua(db, Kasus)}
        self.langkah: dict[tuple, list[LangkahKasus]] = defaultdict(list)
        for row in semua(db, LangkahKasus):
            self.langkah[(row.kasus_id, row.rencana_id)].append(row)
        for rows in self.langkah.values():
            rows.sort(key=lambda r: (r.started_at, r.finished_at is None))
        self.per_kasus: dict[str, dict[uuid.UUID, list]] = {}
        for nama, model in (("rujukan", m.RujukanMasuk), ("pelimpahan", m.Pelimpahan),
                            ("disposisi", m.Disposisi), ("rencana", m.RencanaIntervensi),
                            ("penampungan", m.Penampungan), ("mediasi", m.Mediasi),
                            ("catatan", m.CatatanKegiatan), ("terminasi", m.Terminasi),
                            ("asesmen", m.Asesmen), ("persetujuan", m.Persetujuan),
                            ("pihak", Pihak), ("kekerasan", KekerasanKasus),
                            ("tamu", BukuTamu)):
            d: dict[uuid.UUID, list] = defaultdict(list)
            for row in semua(db, model):
                d[row.kasus_id].append(row)
            self.per_kasus[nama] = d

    def __getattr__(self, nama: str) -> dict[uuid.UUID, list]:
        return self.__dict__["per_kasus"][nama]

    def semua(self, nama: str) -> list:
        return [r for rows in self.per_kasus[nama].values() for r in rows]

    def utama(self, kasus_id: uuid.UUID) -> list[LangkahKasus]:
        return self.langkah[(kasus_id, None)]

    def selesai(self, kasus_id: uuid.UUID, kode: str) -> bool:
        return any(r.langkah_kode == kode and r.finished_at is not None
                   and r.keputusan != "dihentikan" for r in self.utama(kasus_id))


def isi_lengkap(db: Database, clock: FixedClock) -> Isi:
    assert isi_demo(db, N_LENGKAP, clock) == N_LENGKAP
    return Isi(db)


def test_a_fill_holds_every_state(db: Database, clock: FixedClock) -> None:
    """So every screen and document can be tried on a demo database."""
    d = isi_lengkap(db, clock)
    now = clock.now()
    berjalan = [r for rows in d.langkah.values() for r in rows if r.finished_at is None]
    # every step of both SOP Layanan tracks, and of SOP Pendampingan, is running somewhere
    jalan_utama = {r.langkah_kode for r in berjalan if r.rencana_id is None}
    assert jalan_utama == {"L1", "L2", "L3", "L4a", "L4b", "L5", "L6", "L7", "L8", "L9"}
    assert {r.langkah_kode for r in berjalan if r.rencana_id} == {f"P{i}" for i in range(1, 9)}
    assert any(r.deadline_at < now for r in berjalan)  # some overdue
    assert any(r.deadline_at > now for r in berjalan if r.rencana_id is None)  # some not
    p4 = [r for r in berjalan if r.langkah_kode == "P4"]
    assert p4 and all(r.batas_manual for r in p4)
    # step 3: kab/kota (receipt back, and awaited), pusat, provinsi on the rujukan track
    kewenangan = Counter(k.kewenangan for k in d.kasus.values())
    assert kewenangan["kabkota"] and kewenangan["pusat"] and kewenangan["provinsi"]
    limpah = d.semua("pelimpahan")
    assert any(p.tanggal_tanda_terima for p in limpah)
    assert any(p.tanggal_tanda_terima is None for p in limpah)
    provinsi = [k for k in d.kasus.values() if k.kewenangan == "provinsi"]
    assert provinsi and all(k.jalur == "rujukan" for k in provinsi)
    # referrals in
    assert d.rujukan and all(d.kasus[kid].jalur == "rujukan" for kid in d.rujukan)
    assert {t.keperluan for t in d.semua("tamu")} == {"pengaduan", "rujukan"}
    assert d.disposisi
    # rencana and their runs: finished, refused at P2, running, not started yet
    rencana = d.semua("rencana")
    status = Counter(r.status for r in rencana)
    assert status["selesai"] and status["batal"] and status["berjalan"], status
    assert any(r.status == "selesai" and r.hasil for r in rencana)
    assert any(r.persetujuan_layanan == "menolak" for r in rencana)
    assert all(r.korban_id and r.layanan in kode("layanan") and r.penyedia for r in rencana)
    # shelter: inside within the limit, inside past it, left, extended with a reason
    tampung = d.semua("penampungan")
    assert any(t.waktu_keluar is None and t.batas_at > now for t in tampung)
    assert any(t.waktu_keluar is None and now - t.waktu_masuk > timedelta(days=14)
               for t in tampung)
    assert any(t.waktu_keluar is not None and t.tujuan_keluar for t in tampung)
    assert any(t.perpanjangan_hari and t.perpanjangan_alasan for t in tampung)
    # mediation with a signed kesepakatan, checked later
    mediasi = d.semua("mediasi")
    catatan = d.semua("catatan")
    sepakat = {m.id for m in mediasi if m.hasil == "sepakat" and m.ditandatangani}
    assert any(c.jenis == "cek_kesepakatan" and c.mediasi_id in sepakat for c in catatan)
    assert {c.jenis for c in catatan} == kode("jenis_catatan")
    # closed, stopped while running, reopened
    terminasi = d.semua("terminasi")
    assert {t.alasan for t in terminasi} >= {"kebutuhan_terpenuhi", "dilimpahkan_tuntas",
                                             "tidak_dapat_dihubungi"}
    assert any(r.keputusan == "dihentikan" for rows in d.langkah.values() for r in rows)
    dibuka = [t for t in terminasi if t.dibuka_kembali_at is not None]
    assert dibuka and all(t.alasan_buka_kembali and t.dibuka_kembali_oleh for t in dibuka)
    assert all(d.kasus[t.kasus_id].status == "aktif" for t in dibuka)
    # a realistic mix: most old cases closed, the recent ones open
    tua = [k for k in d.kasus.values() if now - k.waktu_diterima > timedelta(days=90)]
    baru = [k for k in d.kasus.values() if now - k.waktu_diterima < timedelta(days=2)]
    assert sum(k.status == "selesai" for k in tua) > 0.7 * len(tua)
    assert all(k.status == "aktif" for k in baru)


def _urutan_utama(d: Isi, k: Kasus) -> list[str]:
    from ppa_tui.store.demo.alur import DASAR, RUJUKAN_MASUK, RUJUKAN_PROVINSI

    if d.rujukan.get(k.id):
        return list(RUJUKAN_MASUK)
    return list(DASAR + (RUJUKAN_PROVINSI if k.kewenangan == "provinsi" else ()))


def test_every_row_keeps_the_rules(db: Database, clock: FixedClock, tmp_path: Path) -> None:
    """What the domain services would have allowed, and nothing else."""
    from ppa_tui.domain.kalender import kalender_dari, untuk_sop
    from ppa_tui.domain.pengelolaan import mediasi_ditolak
    from ppa_tui.settings import Settings
    from ppa_tui.store.demo.alur import PENDAMPINGAN

    d = isi_lengkap(db, clock)
    now = clock.now()
    kal = kalender_dari(Settings(data_dir=tmp_path))
    sop = {k: load_sop(k) for k in ("layanan", "pendampingan")}
    rencana = {r.id: r for r in d.semua("rencana")}
    ditutup_pada = {t.created_at for t in d.semua("terminasi")}
    dibuka_pada = {t.dibuka_kembali_at for t in d.semua("terminasi") if t.dibuka_kembali_at}
    for (kid, rid), rows in d.langkah.items():
        k = d.kasus[kid]
        # at most one running step per run
        assert sum(r.finished_at is None for r in rows) <= 1, (k.nomor_register, rid)
        # in SOP order and contiguous; a stopped step restarts where it stopped
        urutan = _urutan_utama(d, k) if rid is None else list(PENDAMPINGAN)
        kode_run = [r.langkah_kode for r in rows]
        tanpa_ulang = [x for i, x in enumerate(kode_run)
                       if i == 0 or rows[i - 1].keputusan != "dihentikan"]
        assert tanpa_ulang == urutan[:len(tanpa_ulang)], (k.nomor_register, kode_run)
        for a, b in zip(rows, rows[1:], strict=False):
            if a.keputusan == "dihentikan":
                assert b.langkah_kode == a.langkah_kode and b.started_at in dibuka_pada
            else:
                assert a.finished_at == b.started_at, (k.nomor_register, a.langkah_kode)
        if rid is None:
            assert rows[0].started_at == k.waktu_diterima
        else:
            assert rencana[rid].kasus_id == kid
        for r in rows:
            batas = sop[r.sop_kode].langkah_by_kode(r.langkah_kode).batas
            if batas is None:  # P4: the officer's deadline, the end of a (local) day
                assert r.batas_manual and r.deadline_at is not None
                assert (r.deadline_at + WIB).time() == datetime.min.time().replace(
                    hour=23, minute=59)
            else:
                assert not r.batas_manual
                assert r.deadline_at == untuk_sop(sop[r.sop_kode], kal).tambah(
                    r.started_at, batas), (k.nomor_register, r.langkah_kode)
            assert r.started_at <= now and r.created_at <= r.updated_at <= now
            if r.finished_at is not None:
                assert r.started_at <= r.finished_at <= now
                assert r.durasi_detik == int((r.finished_at - r.started_at).total_seconds())
                if r.keputusan != "dihentikan":  # the working time, as the app stores it
                    kerja = untuk_sop(sop[r.sop_kode], kal).durasi(r.started_at, r.finished_at)
                    assert r.durasi_kerja_detik == int(kerja.total_seconds()), r.langkah_kode
            if r.keputusan == "dihentikan":
                assert r.finished_at in ditutup_pada
            elif r.langkah_kode == "L3" and r.finished_at is not None:
                assert r.keputusan == k.kewenangan and r.keputusan in kode("kewenangan")
            elif r.langkah_kode == "P2" and r.finished_at is not None:
                assert r.keputusan in {"setuju", "menolak"}
                assert rencana[rid].persetujuan_layanan == r.keputusan
                if r.keputusan == "menolak":
                    assert r is rows[-1] and rencana[rid].status == "batal"
            else:
                assert r.keputusan == ""
        if rid is not None:
            akhir = rows[-1]
            if akhir.langkah_kode == "P8" and akhir.finished_at and akhir.keputusan == "":
                assert rencana[rid].status == "selesai" and rencana[rid].hasil
            elif akhir.finished_at is None:
                assert rencana[rid].status == "berjalan"

    for kid, k in d.kasus.items():
        utama = d.utama(kid)
        referral = bool(d.rujukan.get(kid))
        assert utama[0].langkah_kode == ("L4a" if referral else "L1")
        assert k.jalur == ("rujukan" if referral or k.kewenangan == "provinsi" else "dasar")
        if k.kewenangan == "provinsi":  # went L3 → L4b
            i = next(i for i, r in enumerate(utama) if r.keputusan == "provinsi")
            assert utama[i + 1].langkah_kode == "L4b"
        assert bool(d.pelimpahan.get(kid)) == (k.kewenangan in {"kabkota", "pusat"})
        if d.selesai(kid, "L4b"):
            assert d.disposisi.get(kid)
        else:
            assert not d.disposisi.get(kid)
        terbuka = [r for rows in d.langkah.values() for r in rows
                   if r.kasus_id == kid and r.finished_at is None]
        tutup = sorted(d.terminasi.get(kid, []), key=lambda t: t.created_at)
        if k.status == "selesai":  # closed: nothing runs, nobody in the shelter
            assert tutup and tutup[-1].dibuka_kembali_at is None
            assert not terbuka
            assert all(t.waktu_keluar is not None and t.waktu_keluar <= tutup[-1].created_at
                       for t in d.penampungan.get(kid, []))
            assert tutup[-1].alasan in kode("alasan_terminasi")
        else:
            assert k.status == "aktif"
            assert all(t.dibuka_kembali_at is not None for t in tutup)
        for t in tutup:
            if t.dibuka_kembali_at is not None:  # the stopped steps run again
                berhenti = [r for rows in d.langkah.values() for r in rows
                            if r.kasus_id == kid and r.finished_at == t.created_at
                            and r.keputusan == "dihentikan"]
                assert berhenti
                for r in berhenti:
                    assert any(x.langkah_kode == r.langkah_kode and x.started_at ==
                               t.dibuka_kembali_at for x in d.langkah[(kid, r.rencana_id)])
        # notes only where the track got that far
        jenis = {c.jenis for c in d.catatan.get(kid, [])}
        if "rekomendasi" in jenis:
            assert d.selesai(kid, "L7")
        if "pendampingan" in jenis:
            assert any(r.langkah_kode == "L8" for r in utama)
        if "pemantauan" in jenis:
            assert d.selesai(kid, "L9")
        for c in d.catatan.get(kid, []):
            if c.jenis == "cek_kesepakatan":
                assert c.mediasi_id in {m.id for m in d.mediasi[kid] if m.hasil == "sepakat"}
        korban = {p.id for p in d.pihak[kid] if p.peran == "korban"}
        for r in d.rencana.get(kid, []):
            assert r.korban_id in korban
        for t in d.penampungan.get(kid, []):
            assert t.korban_id in korban
            assert t.batas_at == t.waktu_masuk + timedelta(days=14 + t.perpanjangan_hari)
            assert bool(t.perpanjangan_hari) == bool(t.perpanjangan_alasan)
            if t.waktu_keluar is not None:
                assert t.waktu_masuk <= t.waktu_keluar <= now
                assert t.tujuan_keluar in kode("tujuan_keluar_penampungan")
        for m in d.mediasi.get(kid, []):
            assert m.hasil in kode("hasil_mediasi")
            assert not m.ditandatangani or m.hasil == "sepakat"
            assert m.hasil != "sepakat" or m.kesepakatan
    # never an illegal mediation (UU 12/2022 art. 23), by the domain's own rule
    with db.session() as s:
        for kid in d.mediasi:
            assert mediasi_ditolak(s, kid) is None, d.kasus[kid].nomor_register
    assert all(d.kasus[kid].jalur == "rujukan" for kid in d.mediasi)


def test_case_screen_and_documents_on_every_kind_of_case(
    db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    """Smoke: the case file and every document build for a case of each state."""
    import re as _re

    from pypdf import PdfReader

    from ppa_tui.documents.cetak import DAFTAR_DOKUMEN, cetak
    from ppa_tui.domain.dokumen import Konteks, susun_dokumen
    from ppa_tui.settings import Settings

    d = isi_lengkap(db, clock)
    now = clock.now()
    tampung_di_dalam = {t.kasus_id for t in d.semua("penampungan") if t.waktu_keluar is None}
    menunggu = {p.kasus_id for p in d.semua("pelimpahan") if p.tanggal_tanda_terima is None}
    dibuka = {t.kasus_id for t in d.semua("terminasi") if t.dibuka_kembali_at}
    pendampingan = {kid for (kid, rid), rows in d.langkah.items()
                    if rid and rows[-1].finished_at is None}

    def satu(cocok) -> uuid.UUID:
        return next(kid for kid, k in sorted(d.kasus.items(), key=lambda x: x[1].nomor_register)
                    if cocok(kid, k))

    contoh = {
        "baru": satu(lambda kid, k: d.utama(kid)[-1].langkah_kode == "L1"
                     and d.utama(kid)[-1].finished_at is None),
        "menunggu_tanda_terima": satu(lambda kid, k: kid in menunggu and k.status == "aktif"),
        "rujukan_masuk": satu(lambda kid, k: bool(d.rujukan.get(kid)) and d.rencana.get(kid)),
        "pendampingan": satu(lambda kid, k: kid in pendampingan),
        "penampungan": satu(lambda kid, k: kid in tampung_di_dalam),
        "mediasi": satu(lambda kid, k: bool(d.mediasi.get(kid))),
        "ditutup": satu(lambda kid, k: k.status == "selesai" and k.jalur == "rujukan"),
        "dibuka_kembali": satu(lambda kid, k: kid in dibuka),
    }
    with db.baca() as s:
        for nama, kid in contoh.items():
            detail = views.detail_kasus(s, kid, now)
            assert detail is not None and detail.nomor_register == d.kasus[kid].nomor_register
            assert detail.butir and detail.langkah, nama
            alur = {b.alur for b in detail.berjalan}
            if nama == "ditutup":
                assert detail.ditutup and detail.keadaan.startswith("Kasus ditutup")
                assert not detail.berjalan
                assert any("dihentikan" in x.bacaan.teks or x.bacaan.durasi is not None
                           for x in detail.langkah)
            elif nama == "menunggu_tanda_terima":
                assert "menunggu tanda terima" in detail.keadaan
            elif nama == "penampungan":
                assert any(a.startswith("Penampungan") for a in alur)
            elif nama == "pendampingan":
                assert any(a != "Utama" and not a.startswith("Penampungan") for a in alur)
                assert detail.rencana
            elif nama == "mediasi":
                assert detail.mediasi and detail.mediasi_ditolak is None
            elif nama == "dibuka_kembali":
                assert not detail.ditutup
                assert any(b.judul == "Ditutup" and "dibuka kembali" in b.ringkas
                           for b in detail.butir)
            elif nama == "rujukan_masuk":
                assert any(b.judul == "Rujukan" and "UPTD PPA" in b.ringkas
                           for b in detail.butir)
            else:
                assert detail.berjalan, nama

    settings = Settings.load(data_dir=str(tmp_path / "data"), petugas="Rina",
                             database_url=str(db.engine.url))
    keluar = tmp_path / "cetak"
    keluar.mkdir()
    gambar = {  # drawn to PDF (slow: ~0.3 s each); every document is composed
        "baru": ("tanda-terima",), "menunggu_tanda_terima": ("pelimpahan",),
        "rujukan_masuk": ("disposisi", "rekomendasi"), "pendampingan": ("rujukan", "bap"),
        "penampungan": ("penampungan",), "mediasi": ("mediasi",),
        "ditutup": ("laporan-akhir",), "dibuka_kembali": ("status-klien",),
    }
    sqlite = db.engine.dialect.name == "sqlite"
    konteks = Konteks(sekarang=now, zona=settings.zona_waktu, pola_nomor=settings.pola_nomor_surat,
                      petugas="Rina")
    for nama, kid in contoh.items():
        nomor = d.kasus[kid].nomor_register
        with db.session() as s:
            for dok, judul in DAFTAR_DOKUMEN.items():
                assert susun_dokumen(s, kid, dok, konteks).judul == judul, (nama, dok)
        for dok in gambar[nama] if sqlite else ():  # drawing never reads the database
            hasil = cetak(db, settings, nomor, dok, keluar=keluar, clock=clock,
                          tanpa_data_pribadi=True)
            teks = _re.sub(r"\s+", " ", PdfReader(hasil.path).pages[0].extract_text())
            assert nomor in teks, (nama, dok)


def test_fast_calendar_gives_the_units_deadlines(tmp_path: Path) -> None:
    """The demo's per-day calendar table agrees with `Kalender.tambah` everywhere:
    nights, weekends, holidays, cuti bersama, limits of minutes to days."""
    import random

    from ppa_tui.domain.kalender import kalender_dari
    from ppa_tui.settings import Settings
    from ppa_tui.store.demo.waktu import KalenderCepat

    kal = kalender_dari(Settings(data_dir=tmp_path))
    cepat = KalenderCepat(kal, datetime(2025, 1, 1).date(), datetime(2027, 12, 31).date())
    r = random.Random(5)
    awal = datetime(2025, 1, 1, tzinfo=UTC)
    batas = [timedelta(0), timedelta(minutes=10), timedelta(minutes=45), timedelta(hours=2),
             timedelta(hours=8), timedelta(days=1), timedelta(days=3, hours=5, minutes=1)]
    for _ in range(3000):
        t = awal + timedelta(seconds=r.randrange(2 * 365 * 86400),
                             microseconds=r.choice((0, r.randrange(10**6))))
        b = r.choice(batas)
        assert cepat.tambah(t, b) == kal.tambah(t, b), (t, b)
        assert cepat.kerja(cepat.tambah(t, b)) - cepat.kerja(t) == cepat.us(b)


def test_a_name_fragment_matches_a_realistic_share_of_victims() -> None:
    """The demo's names are varied enough that searching a fragment of one (4 letters
    of a word, as an officer types) finds a handful in a hundred, not one in forty:
    the search bench's figures then mean something."""
    import random
    import statistics

    from ppa_tui.store.demo.acak import _Acak
    from ppa_tui.store.demo.kata import nama_orang

    rng = _Acak(3)
    nama = [nama_orang(rng, "p").lower() for _ in range(20_000)]
    assert len(set(nama)) > 0.6 * len(nama)
    pilih = random.Random(5)
    bagian = []
    for _ in range(200):
        kata = pilih.choice(pilih.choice(nama).split())
        i = pilih.randint(0, max(0, len(kata) - 4))
        potong = kata[i:i + 4]
        bagian.append(sum(potong in n for n in nama) / len(nama))
    assert statistics.median(bagian) < 0.012
