"""The reference lists load, map to SIMFONI-PPA's own values, and wilayah codes resolve."""

import re

import pytest

from ppa_tui.domain import referensi
from ppa_tui.domain.referensi import Pilihan

# SIMFONI-PPA values as written in shared/REFERENCE.md, typed here independently of
# the data file so an edit that invents a SIMFONI value fails.
SIMFONI = {
    "bentuk_kekerasan": {
        "Fisik",
        "Psikis",
        "Seksual",
        "Eksploitasi",
        "Trafficking",
        "Penelantaran",
        "Lainnya",
    },
    "tempat_kejadian": {
        "Rumah Tangga",
        "Tempat Kerja",
        "Sekolah",
        "Lembaga Pendidikan Kilat",
        "Fasilitas Umum",
        "Lainnya",
    },
    "hubungan_pelaku": {
        "Orang Tua",
        "Keluarga/Saudara",
        "Suami/Istri",
        "Pacar/Teman",
        "Guru",
        "Majikan",
        "Rekan Kerja",
        "Tetangga",
        "Lainnya",
        "tidak diketahui (NA)",
    },
    "jenis_kelamin": {"Perempuan", "Laki-laki"},
    "layanan": {
        "Pengaduan",
        "Kesehatan",
        "Bantuan Hukum",
        "Penegakan Hukum",
        "Rehabilitasi Sosial",
        "Reintegrasi Sosial",
        "Pemulangan",
        "Pendampingan Tokoh Agama",
    },
    "pendidikan": {"Belum/Tidak Sekolah", "PAUD/TK", "SD", "SLTP", "SLTA", "Perguruan Tinggi"},
    "kelompok_usia": {"0–5", "6–12", "13–17", "18–24", "25–44", "45–59", "60+"},
}

DAFTAR_WAJIB = {
    "kabkota",
    "jenis_identitas",
    "keperluan",
    "jenis_kelamin",
    "bentuk_kekerasan",
    "tempat_kejadian",
    "hubungan_pelaku",
    "hubungan_pelapor",
    "pendidikan",
    "pekerjaan",
    "status_perkawinan",
    "disabilitas",
    "layanan",
    "lembaga_persetujuan",
    "pemberi_persetujuan",
    "tingkat_risiko",
    "kelompok_usia",
}


def test_every_required_list_exists() -> None:
    assert DAFTAR_WAJIB <= set(referensi.daftar_nama())


@pytest.mark.parametrize("nama", referensi.daftar_nama())
def test_list_non_empty_with_unique_ascii_kode(nama: str) -> None:
    items = referensi.pilihan(nama)
    assert items, nama
    kode = [p.kode for p in items]
    assert len(kode) == len(set(kode)), f"{nama}: kode ganda"
    pola = r"\d\d\.\d\d" if nama == "kabkota" else r"[a-z0-9]+(_[a-z0-9]+)*"
    for p in items:
        assert isinstance(p, Pilihan)
        assert re.fullmatch(pola, p.kode), (nama, p.kode)
        assert p.label.strip() and len(p.label) <= 40, (nama, p.label)


@pytest.mark.parametrize("nama", sorted(SIMFONI))
def test_every_value_maps_to_exactly_one_simfoni_value(nama: str) -> None:
    items = referensi.pilihan(nama)
    for p in items:
        assert p.simfoni in SIMFONI[nama], (nama, p.kode, p.simfoni)
    # every SIMFONI value can be recorded
    assert {p.simfoni for p in items} == SIMFONI[nama]


def test_finer_values_map_to_their_simfoni_group() -> None:
    assert referensi.simfoni("hubungan_pelaku", "pacar") == "Pacar/Teman"
    assert referensi.simfoni("hubungan_pelaku", "teman") == "Pacar/Teman"
    for kode in ("ayah_kandung", "ibu_kandung", "ayah_tiri", "ibu_tiri"):
        assert referensi.simfoni("hubungan_pelaku", kode) == "Orang Tua"
    for kode in ("seksual_pencabulan", "seksual_persetubuhan", "kbgo"):
        assert referensi.simfoni("bentuk_kekerasan", kode) == "Seksual"
    assert referensi.simfoni("hubungan_pelapor", "guru") is None
    assert referensi.simfoni("hubungan_pelaku", "tidak_ada_kode_ini") is None


def test_requested_codes_present() -> None:
    def kode(nama: str) -> set[str]:
        return {p.kode for p in referensi.pilihan(nama)}

    assert kode("jenis_identitas") == {"ktp", "kia", "sim", "paspor", "lainnya", "tidak_ada"}
    assert kode("keperluan") == {"pengaduan", "konsultasi", "informasi", "rujukan", "lainnya"}
    assert kode("kewenangan") == {"kabkota", "provinsi", "pusat"}  # step 3's branches
    assert kode("alasan_terminasi") >= {"kebutuhan_terpenuhi", "dilimpahkan_tuntas",
                                        "tidak_dapat_dihubungi", "menolak_layanan",
                                        "meninggal", "lainnya"}
    assert kode("jenis_kelamin") == {"p", "l"}
    assert kode("pemberi_persetujuan") == {"korban", "orang_tua_wali"}
    assert kode("tingkat_risiko") == {"rendah", "sedang", "tinggi", "darurat"}
    assert "tidak_ada" in kode("disabilitas")


def test_kabkota_has_exactly_the_seven_official_codes() -> None:
    assert [p.kode for p in referensi.pilihan("kabkota")] == [
        "19.01",
        "19.02",
        "19.03",
        "19.04",
        "19.05",
        "19.06",
        "19.71",
    ]
    assert referensi.label("kabkota", "19.71") == "Kota Pangkalpinang"
    labels = {p.label for p in referensi.pilihan("kabkota")}
    assert {
        "Kab. Bangka",
        "Kab. Belitung",
        "Kab. Bangka Barat",
        "Kab. Bangka Tengah",
        "Kab. Bangka Selatan",
        "Kab. Belitung Timur",
    } <= labels


def test_unknown_list_is_a_clear_key_error() -> None:
    with pytest.raises(KeyError, match="tidak dikenal.*bentuk_kekersan"):
        referensi.pilihan("bentuk_kekersan")
    with pytest.raises(KeyError):
        referensi.pilihan("catatan")  # a table, not a list
    with pytest.raises(KeyError):
        referensi.simfoni("tidak_ada", "x")


def test_label_never_raises() -> None:
    assert referensi.label("keperluan", "pengaduan") == "Pengaduan"
    assert referensi.label("keperluan", "kode_lama") == "kode_lama"
    assert referensi.label("daftar_lama", "x") == "x"


@pytest.mark.parametrize(
    ("usia", "kelompok"),
    [
        (0, "0–5"),
        (5, "0–5"),
        (6, "6–12"),
        (12, "6–12"),
        (13, "13–17"),
        (17, "13–17"),
        (18, "18–24"),
        (24, "18–24"),
        (25, "25–44"),
        (44, "25–44"),
        (45, "45–59"),
        (59, "45–59"),
        (60, "60+"),
        (104, "60+"),
    ],
)
def test_kelompok_usia(usia: int, kelompok: str) -> None:
    assert referensi.kelompok_usia(usia) == kelompok


def test_kelompok_usia_negative_is_an_error() -> None:
    with pytest.raises(ValueError):
        referensi.kelompok_usia(-1)


def test_nama_wilayah() -> None:
    assert referensi.nama_wilayah("19.71") == "Kota Pangkalpinang"
    assert referensi.nama_wilayah("1971") == "Kota Pangkalpinang"
    assert referensi.nama_wilayah("19.01") == "Kab. Bangka"
    assert referensi.nama_wilayah("32.73") == "Kota Bandung"
    # Kemendagri (NIK) numbering, not stdnum's BPS numbering (11.01 = Simeulue there)
    assert referensi.nama_wilayah("11.01") == "Kab. Aceh Selatan"
    assert referensi.nama_wilayah("65.71") == "Kota Tarakan"
    assert referensi.nama_wilayah("19") == "Kepulauan Bangka Belitung"
    assert referensi.nama_wilayah("99.99") is None
    assert referensi.nama_wilayah("Pangkalpinang") is None


@pytest.mark.parametrize(
    ("kode", "valid"),
    [
        ("19.71", True),
        ("1971", True),
        ("19 71", True),
        ("32.18", True),
        ("65.01", True),
        ("64.04", True),  # pre-2012 Kaltim code, still on old NIKs (stdnum knows it)
        ("92.71", True),  # Papua: any kab/kota code of provinces 91–96 is accepted
        ("99.01", False),
        ("19.99", False),
        ("91.00", False),
        ("00.00", False),
        ("19", False),
        ("197", False),
        ("19.7a", False),
        ("", False),
        ("Pangkalpinang", False),
    ],
)
def test_kode_wilayah_valid(kode: str, valid: bool) -> None:
    assert referensi.kode_wilayah_valid(kode) is valid


def test_kode_provinsi_valid() -> None:
    assert referensi.kode_provinsi_valid("19")
    assert referensi.kode_provinsi_valid("65")
    assert not referensi.kode_provinsi_valid("99")
    assert not referensi.kode_provinsi_valid("1971")
