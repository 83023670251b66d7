"""What a new form takes from the case's other records (pure mapping)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from ppa_tui.domain.forms import load_form
from ppa_tui.domain.salin import (
    ISIAN_AWAL,
    SALINAN,
    alamat_dari,
    isian_awal,
    wali_dari_pelapor,
)

WIB = ZoneInfo("Asia/Jakarta")
PELAPOR = {"nama": "Bu Yanti", "hubungan": "orang_tua", "nik": "1971015203850002",
           "telepon": "+6281234567890", "alamat": "Jl. Depati Amir 12", "kabkota_kode": "19.71"}


def test_the_guest_fills_an_empty_pelapor_but_never_overwrites() -> None:
    spec = load_form("pelapor")
    tamu = {"nama": "Bu Yanti", "telepon": "+6281234567890", "alamat": "Jl. Merdeka 1",
            "kabkota_kode": "", "keperluan": "pengaduan"}
    mentah = isian_awal(spec, {"nama": "", "alamat": "sudah diisi"}, {"buku_tamu": tamu}, WIB)
    assert mentah["nama"] == "Bu Yanti"
    assert mentah["telepon"] == "0812-3456-7890"
    assert mentah["alamat"] == "sudah diisi"
    assert "kabkota_kode" not in mentah and "keperluan" not in mentah


def test_only_a_parent_pelapor_becomes_the_wali() -> None:
    spec = load_form("persetujuan")
    assert wali_dari_pelapor(spec, PELAPOR, WIB) == {
        "wali_nama": "Bu Yanti", "wali_hubungan": "Orang tua", "wali_nik": "1971015203850002",
        "wali_telepon": "0812-3456-7890"}
    for hubungan in ("tetangga", "guru", "korban_sendiri", ""):
        assert wali_dari_pelapor(spec, {**PELAPOR, "hubungan": hubungan}, WIB) == {}
    assert isian_awal(spec, {"pemberi": "korban"}, {}, WIB) == {"pemberi": "korban"}


def test_the_korban_key_copies_address_and_kabkota_only() -> None:
    spec = load_form("korban")
    assert set(alamat_dari(spec, PELAPOR, WIB)) == {"alamat", "kabkota_kode"}
    assert SALINAN["korban"].sumber == "pelapor"


def test_every_mapping_names_real_fields_of_both_forms() -> None:
    for form_id, (sumber, isi) in ISIAN_AWAL.items():
        spec = load_form(form_id)
        nama = {f.nama for f in spec.fields}
        contoh = {f.attr: "x" for f in load_form(sumber).fields} | {"hubungan": "orang_tua"}
        assert set(isi(spec, contoh, WIB)) <= nama, form_id
