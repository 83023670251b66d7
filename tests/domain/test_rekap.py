"""The recap of November 2026 on both backends, on the data set of rekap_contoh.py,
every figure worked out by hand there."""

from __future__ import annotations

from dataclasses import fields

import pytest
from sqlalchemy import update

from ppa_tui.domain.models import Kasus
from ppa_tui.domain.mutu import periode_bulan, periode_tahun
from ppa_tui.domain.rekap import (
    TIDAK_DIISI,
    PeriodeSalah,
    belum_simfoni,
    rekap,
    urai_periode,
)
from tests.domain.rekap_contoh import ALAMAT, NAMA, NIK, TELEPON, WIB, isi_contoh

NOVEMBER = periode_bulan(2026, 11, WIB)


@pytest.fixture
def contoh(db) -> dict:
    return isi_contoh(db)


@pytest.fixture
def nov(db, contoh):
    with db.baca() as s:
        return rekap(s, NOVEMBER, "2026-11")


def _kolom(t, kolom: str) -> dict:
    i = t.kolom.index(kolom)
    return {b[0]: b[i] for b in t.baris}


def test_summary_counts_the_period_s_real_kept_cases(nov) -> None:
    t = nov.tabel_kode("ringkasan")
    assert dict(t.baris) == {
        "Kasus diterima": 3, "Korban": 3, "Korban perempuan": 2, "Korban laki-laki": 1,
        "Korban anak (di bawah 18 tahun saat kejadian)": 2, "Pelaku": 3,
        "Kasus sudah dilaporkan ke polisi": 1, "Korban belum diinput ke SIMFONI-PPA": 2}
    assert (nov.kasus, nov.korban, nov.contoh) == (3, 3, False)


def test_bentuk_per_korban_falls_back_to_the_case_s_rows(nov) -> None:
    t = nov.tabel_kode("bentuk_kekerasan")
    assert [b[0] for b in t.baris] == ["Fisik", "Psikis", "Seksual", "Eksploitasi",
                                        "Trafficking", "Penelantaran", "Lainnya", TIDAK_DIISI]
    assert _kolom(t, "Kasus") == {"Fisik": 2, "Psikis": 1, "Seksual": 1, "Eksploitasi": 0,
                                  "Trafficking": 0, "Penelantaran": 0, "Lainnya": 0,
                                  TIDAK_DIISI: 1}
    # A: the case's fisik and psikis; B: her own two sexual codes, counted once; C: fisik
    assert _kolom(t, "Korban") == {"Fisik": 2, "Psikis": 1, "Seksual": 1, "Eksploitasi": 0,
                                   "Trafficking": 0, "Penelantaran": 0, "Lainnya": 0,
                                   TIDAK_DIISI: 0}


def test_age_groups_by_sex_with_the_group_from_the_age_when_empty(nov) -> None:
    t = nov.tabel_kode("usia_jenis_kelamin")
    assert [b[0] for b in t.baris] == ["0–5", "6–12", "13–17", "18–24", "25–44", "45–59",
                                        "60+", "Usia tidak diketahui", "Jumlah"]
    assert t.nilai("6–12", "Laki-laki") == 1
    assert t.nilai("13–17", "Perempuan") == 1  # B: group empty, 15 at the kejadian
    assert t.nilai("25–44", "Perempuan") == 1
    assert t.nilai("18–24", "Perempuan") == 0  # D is removed
    assert t.baris[-1] == ("Jumlah", 2, 1, 0, 3)


def test_disability_counts_each_ragam_and_who_has_none_or_nothing(nov) -> None:
    t = nov.tabel_kode("disabilitas")
    got = dict(t.baris)
    assert got["Disabilitas Fisik"] == 1 and got["Disabilitas Sensorik"] == 1
    assert got["Disabilitas Mental"] == 0  # D's is removed with her
    assert got["Disabilitas Intelektual"] == 0 and got["Disabilitas Ganda/Multi"] == 0
    assert got["Korban penyandang disabilitas (orang)"] == 1  # A, once
    assert got["Tidak ada"] == 1  # B
    assert got[TIDAK_DIISI] == 1  # C


def test_pelaku_relationship_counts_korban_pelaku_pairs(nov) -> None:
    t = nov.tabel_kode("hubungan_pelaku")
    assert t.nilai("Suami/Istri", "Pelaku laki-laki") == 1
    assert t.nilai("Orang Tua", "Pelaku laki-laki") == 1  # X is B's stepfather
    assert t.nilai("Guru", "Pelaku perempuan") == 1  # D's pair with Y is not counted
    assert t.nilai(TIDAK_DIISI, "JK tidak diisi") == 1
    assert t.nilai("Tetangga", "Jumlah") == 0
    assert t.baris[-1] == ("Jumlah", 2, 1, 1, 4)
    assert "tidak diketahui (NA)" in [b[0] for b in t.baris]  # not the same as not filled


def test_place_kabkota_channel_and_kind_of_case(nov) -> None:
    assert _kolom(nov.tabel_kode("tempat_kejadian"), "Kasus") == {
        "Rumah Tangga": 1, "Tempat Kerja": 0, "Sekolah": 1, "Lembaga Pendidikan Kilat": 0,
        "Fasilitas Umum": 0, "Lainnya": 0, TIDAK_DIISI: 1, "Jumlah": 3}
    kab = nov.tabel_kode("kabkota")
    assert kab.nilai("Kota Pangkalpinang", "Kasus") == 1
    assert kab.nilai("Kota Pangkalpinang", "Korban") == 2
    assert kab.nilai("Luar Kep. Bangka Belitung", "Kasus") == 1
    assert kab.nilai("Luar Kep. Bangka Belitung", "Korban") == 1
    assert kab.nilai("Kab. Bangka", "Kasus") == 0
    assert kab.baris[-2] == (TIDAK_DIISI, 1, 0)
    assert kab.baris[-1] == ("Jumlah", 3, 3)
    saluran = _kolom(nov.tabel_kode("saluran"), "Kasus")
    assert sum(saluran.values()) == 6 and saluran[TIDAK_DIISI] == 1
    assert sorted(v for k, v in saluran.items() if k not in (TIDAK_DIISI, "Jumlah")) == [
        0, 0, 0, 0, 1, 1]
    assert _kolom(nov.tabel_kode("kejadian_berulang"), "Kasus") == {
        "Sekali": 0, "Berulang": 1, TIDAK_DIISI: 2, "Jumlah": 3}
    assert _kolom(nov.tabel_kode("tingkat_risiko"), "Kasus") == {
        "Rendah": 0, "Sedang": 0, "Tinggi": 1, "Darurat": 0, TIDAK_DIISI: 2, "Jumlah": 3}
    jenis = _kolom(nov.tabel_kode("jenis_kasus"), "Kasus")
    assert jenis[TIDAK_DIISI] == 1 and jenis["Jumlah"] == 3
    assert sum(v for k, v in jenis.items() if k not in (TIDAK_DIISI, "Jumlah")) == 2


def test_services_given_count_per_korban(nov) -> None:
    t = nov.tabel_kode("layanan")
    assert dict((b[0], b[1:]) for b in t.baris) == {
        "Pengaduan": (3, 3), "Kesehatan": (1, 1), "Bantuan Hukum": (0, 0),
        "Penegakan Hukum": (0, 0), "Rehabilitasi Sosial": (2, 1),
        "Reintegrasi Sosial": (0, 0), "Pemulangan": (0, 0),
        "Pendampingan Tokoh Agama": (0, 0), "Layanan lain (kode tidak dikenal)": (0, 0)}


def test_sop_compliance_is_the_period_s_mutu_baku(nov) -> None:
    t = nov.tabel_kode("kepatuhan_sop")
    l1 = next(b for b in t.baris if str(b[0]).startswith("L1 "))
    assert l1[1:5] == (1, 1, 1, 100.0)
    l2 = next(b for b in t.baris if str(b[0]).startswith("L2 "))
    assert l2[1:5] == (0, 0, 0, None)


def test_every_table_has_every_category_also_when_nothing_happened(db, contoh) -> None:
    with db.baca() as s:
        kosong = rekap(s, periode_bulan(2026, 3, WIB), "2026-03")
        lengkap = rekap(s, NOVEMBER, "2026-11")
    for a, b in zip(kosong.tabel, lengkap.tabel, strict=True):
        assert [r[0] for r in a.baris] == [r[0] for r in b.baris], a.kode
        if a.kode not in ("kepatuhan_sop",):
            assert all(v == 0 for r in a.baris for v in r[1:]), a.kode


def test_year_recap_holds_every_month(db, contoh) -> None:
    with db.baca() as s:
        tahun = rekap(s, periode_tahun(2026, WIB), "2026")
    # K1-K3, the October K5 and the December K4; never the removed K6 or the demo K7
    assert tahun.kasus == 5 and tahun.korban == 5


def test_demo_cases_count_only_in_a_demo_only_database(db, contoh) -> None:
    with db.session() as s:
        s.execute(update(Kasus).values(demo=True))
    with db.baca() as s:
        hasil = rekap(s, NOVEMBER, "2026-11")
    assert hasil.contoh
    assert hasil.kasus == 4  # K1-K3 and K7 (now all synthetic); K6 stays removed


def test_no_name_nik_phone_or_address_anywhere_in_the_recap(nov) -> None:
    teks = repr(nov)
    for rahasia in (*NAMA, *NIK, *TELEPON, *ALAMAT, "Susilo", "Aminah", "dipukul"):
        assert rahasia not in teks, rahasia
    for t in nov.tabel:
        for f in fields(t):
            assert "nama" not in f.name


def test_belum_simfoni_lists_initials_oldest_first(db, contoh) -> None:
    with db.baca() as s:
        daftar = belum_simfoni(s, WIB)
        november = belum_simfoni(s, WIB, NOVEMBER)
    assert daftar.jumlah == 4
    assert [(b.nomor_register, b.inisial, f"{b.diterima:%d-%m-%Y}") for b in daftar.baris] == [
        ("PPA/2026/0005", "R. W.", "31-10-2026"),
        ("PPA/2026/0001", "N. A.", "02-11-2026"),
        ("PPA/2026/0002", "D. K.", "30-11-2026"),
        ("PPA/2026/0004", "L.", "01-12-2026"),
    ]
    assert daftar.baris[1].kasus_id == contoh["k1"] and daftar.baris[1].korban_id == contoh["b"]
    assert [b.nomor_register for b in november.baris] == ["PPA/2026/0001", "PPA/2026/0002"]
    assert "Nur Aini" not in repr(daftar)


@pytest.mark.parametrize(("teks", "judul", "kode"), [
    ("2026-11", "November 2026", "2026-11"), ("2026-1", "Januari 2026", "2026-01"),
    (" 2026 ", "Tahun 2026", "2026")])
def test_period_parsing(teks, judul, kode) -> None:
    periode, k = urai_periode(teks)
    assert (periode.judul, k) == (judul, kode)


@pytest.mark.parametrize("teks", ["2026-13", "November", "26", "2026/11", "", "2026-00"])
def test_bad_period_is_an_indonesian_sentence(teks) -> None:
    with pytest.raises(PeriodeSalah, match="tulis"):
        urai_periode(teks)
