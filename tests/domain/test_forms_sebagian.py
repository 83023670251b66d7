"""The per-keystroke check agrees with the full one on every field it covers."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from ppa_tui.domain.forms import (
    ATURAN,
    ATURAN_MEDAN,
    Konteks,
    load_form,
    medan_terkait,
    periksa_form,
    periksa_sebagian,
    pilihan_field,
)

SPECS = ["asesmen", "buku_tamu", "kejadian", "korban", "pelaku", "pelapor", "persetujuan",
         "rencana"]
KONTEKS = Konteks(
    sekarang=datetime(2026, 11, 23, 2, 0, tzinfo=UTC), zona=ZoneInfo("Asia/Jakarta"),
    waktu={"waktu_diterima": datetime(2026, 11, 23, 1, 0, tzinfo=UTC)},
    pilihan={"korban": (("k1", "Putri · ANAK"), ("k2", "Sari"))}, anak=frozenset({"k1"}),
)
CONTOH = {  # (a good value, a bad one, empty) per kind of field
    "teks": ["Ani", "", "x" * 400], "teks_panjang": ["Kronologi", ""],
    "nik": ["1971015203140001", "123", "1971015203850002", ""],
    "telepon": ["0812 3456 7890", "12345", ""],
    "tanggal": ["12-03-2014", "31-02-2014", "01-01-1980", ""],
    "waktu": ["23-11-2026 08:00", "99", "23-11-2026 08:30", ""],
    "tanggal_jam": ["22-11-2026", "22-11-2026 19:30", "99", "24-11-2026", ""],
    "angka": ["12", "x", "40", ""], "centang": [True, False],
    "wilayah": ["Pangkalpinang", "Atlantis", ""],
    "kecamatan": ["Koba", "Kecamatan di luar provinsi", "x" * 200, ""],
}


def _contoh(f, acak: random.Random):
    if f.jenis == "pilihan":
        kode = [k for k, _ in pilihan_field(f, KONTEKS)]
        return acak.choice([*kode[:3], "zzz", ""])
    if f.jenis == "pilihan_banyak":
        kode = [k for k, _ in pilihan_field(f, KONTEKS)]
        return acak.choice([kode[:1], kode[:2], ["zzz"], []])
    return acak.choice(CONTOH[f.jenis])


def _pesan(hasil, nama: str) -> tuple:
    return (hasil.galat.get(nama), hasil.peringatan.get(nama), hasil.catatan.get(nama))


@pytest.mark.parametrize("form_id", SPECS)
def test_partial_check_matches_the_full_check_on_the_fields_it_covers(form_id: str) -> None:
    spec = load_form(form_id)
    acak = random.Random(form_id)
    for _ in range(60):
        mentah = {f.nama: _contoh(f, acak) for f in spec.fields}
        penuh = periksa_form(spec, mentah, KONTEKS)
        for f in spec.fields:
            terkait = medan_terkait(spec, f.nama)
            assert f.nama in terkait
            sebagian = periksa_sebagian(spec, mentah, KONTEKS, f.nama)
            for nama in terkait:
                assert _pesan(sebagian, nama) == _pesan(penuh, nama), (form_id, f.nama, nama)
                attr = spec.field(nama).attr
                assert sebagian.nilai.get(attr) == penuh.nilai.get(attr)


def test_a_plain_field_checks_only_itself_and_a_rule_pulls_in_its_fields() -> None:
    korban = load_form("korban")
    assert medan_terkait(korban, "nama") == {"nama"}
    assert {"tanggal_lahir", "usia", "nik", "jenis_kelamin"} <= medan_terkait(korban, "nik")
    tamu = load_form("buku_tamu")
    assert medan_terkait(tamu, "jenis_identitas") == {"jenis_identitas", "nomor_identitas"}
    assert medan_terkait(tamu, "waktu_keluar") == {"waktu_masuk", "waktu_keluar"}


def test_every_rule_says_which_fields_it_uses() -> None:
    assert set(ATURAN_MEDAN) == set(ATURAN)
