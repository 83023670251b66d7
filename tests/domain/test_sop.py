"""The SOP data files load, match the seeds, and the loader rejects bad data early."""

from datetime import timedelta

import pytest

from ppa_tui.domain.sop import (
    RINGKAS_MAX,
    Sop,
    _sop_dari,
    format_durasi,
    load_sop,
    parse_durasi,
    semua_sop,
)


@pytest.fixture
def layanan() -> Sop:
    return load_sop("layanan")


@pytest.fixture
def pendampingan() -> Sop:
    return load_sop("pendampingan")


# --- the data ------------------------------------------------------------------------


def test_semua_sop_lists_both():
    assert set(semua_sop()) == {"layanan", "pendampingan"}
    assert load_sop("layanan") is load_sop("layanan")  # cached


def test_unknown_sop_is_keyerror():
    with pytest.raises(KeyError):
        load_sop("tidak-ada")


def test_layanan_has_ten_steps_and_its_written_total(layanan):
    assert len(layanan.langkah) == 10
    assert layanan.total_tertulis == "1 hari 10 jam 25 menit"
    assert layanan.total() == parse_durasi(layanan.total_tertulis)
    assert [lk.nomor for lk in layanan.langkah] == [
        "1",
        "2",
        "3",
        "4",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
    ]
    assert layanan.nomor_terakhir == "9"
    assert layanan.nomor_dokumen == ""
    assert dict(layanan.jalur) == {
        "dasar": "Layanan Dasar UPTD PPA",
        "rujukan": "Layanan Rujukan UPTD PPA",
    }


def test_pendampingan_limits(pendampingan):
    assert len(pendampingan.langkah) == 8
    menit = [
        None if lk.batas is None else lk.batas / timedelta(minutes=1) for lk in pendampingan.langkah
    ]
    assert menit == [10, 45, 30, None, 30, 30, 60, 30]
    assert pendampingan.nomor_terakhir == "8"
    assert pendampingan.nomor_dokumen == "18/SOP/UPTD-PPA/DP3ACSKB/2024"
    assert pendampingan.total() == timedelta(minutes=235)  # the per-case step adds nothing
    assert pendampingan.langkah_by_kode("P4").waktu_teks.startswith("Tergantung")


@pytest.mark.parametrize("kode", ["layanan", "pendampingan"])
def test_every_step_is_complete(kode):
    sop = load_sop(kode)
    assert 0 < sop.peringatan_rasio < 1
    assert len({lk.kode for lk in sop.langkah}) == len(sop.langkah)
    for lk in sop.langkah:
        assert lk.ringkas.strip() and len(lk.ringkas) <= RINGKAS_MAX, lk.kode
        assert lk.kegiatan.strip(), lk.kode
        assert lk.output.strip(), lk.kode  # both seeds give every row an output
        assert lk.pelaksana and set(lk.pelaksana) <= set(sop.peran), lk.kode
        assert lk.jalur in sop.jalur, lk.kode
        assert lk.waktu_teks.strip(), lk.kode


def test_unconfirmed_roles_are_marked(layanan, pendampingan):
    belum = [lk.kode for lk in layanan.langkah if not lk.pelaksana_dikonfirmasi]
    assert belum == ["L6", "L7", "L8", "L9"]
    assert "lembaga_kabkota" in layanan.langkah_by_kode("L8").pelaksana
    assert not any(lk.pelaksana_dikonfirmasi for lk in pendampingan.langkah)


def test_label_langkah_counts_within_its_track(layanan, pendampingan):
    """A case walks one track at a time: "2/3" on the dasar track, not "2/9"."""
    label = layanan.label_langkah("L2")
    assert label == "2/3 " + layanan.langkah_by_kode("L2").ringkas
    assert layanan.label_langkah("L3").startswith("3/3 ")
    assert layanan.label_langkah("L4a").startswith("1/7 ")
    assert layanan.label_langkah("L4b").startswith("2/7 ")
    assert layanan.label_langkah("L9").startswith("7/7 ")
    assert pendampingan.label_langkah("P1").startswith("1/8 ")


def test_step_3_branches_on_the_kewenangan(layanan):
    """Kab/kota or centre: the track ends (pelimpahan); province: on to L4b."""
    assert layanan.berikutnya("L3", "kabkota") is None
    assert layanan.berikutnya("L3", "pusat") is None
    assert layanan.berikutnya("L3", "provinsi").kode == "L4b"
    assert layanan.langkah_by_kode("L3").form_selesai == "selesai_kewenangan"


def test_p2_refusal_ends_the_run_and_consent_goes_on(pendampingan):
    assert pendampingan.berikutnya("P2", "menolak") is None
    assert pendampingan.berikutnya("P2", "setuju").kode == "P3"


def test_every_finishing_form_exists_and_every_branch_names_a_step(layanan, pendampingan):
    from ppa_tui.domain.forms import load_form

    for sop in (layanan, pendampingan):
        for lk in sop.langkah:
            if lk.form_selesai:
                assert load_form(lk.form_selesai).id == lk.form_selesai
            for tujuan in lk.cabang.values():
                assert tujuan == "" or sop.langkah_by_kode(tujuan)


def test_a_branch_to_an_unknown_step_fails_at_load():
    from ppa_tui.domain.sop import _sop_dari

    data = {"kode": "x", "nama": "X", "peringatan_rasio": 0.25, "hitungan": "jam",
            "jalur": {"a": "A"}, "peran": {"p": "P"},
            "langkah": [{"kode": "A1", "nomor": "1", "jalur": "a", "kegiatan": "k",
                         "ringkas": "r", "pelaksana": ["p"], "waktu": "1 jam",
                         "output": "", "cabang": {"ya": "A9"}}]}
    with pytest.raises(ValueError, match="cabang"):
        _sop_dari(data, "x.toml")


def test_jalur_order(layanan):
    assert [lk.kode for lk in layanan.langkah_jalur("dasar")] == ["L1", "L2", "L3"]
    assert layanan.berikutnya("L1").kode == "L2"
    assert layanan.berikutnya("L3") is None
    assert layanan.berikutnya("L4a").kode == "L4b"
    assert layanan.berikutnya("L4b").kode == "L5"
    assert layanan.berikutnya("L9") is None
    with pytest.raises(KeyError):
        layanan.langkah_by_kode("L10")
    with pytest.raises(KeyError):
        layanan.langkah_jalur("tidak-ada")


# --- durations -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "td"),
    [
        ("10 menit", timedelta(minutes=10)),
        ("45 Menit", timedelta(minutes=45)),
        ("2 jam", timedelta(hours=2)),
        ("1 hari", timedelta(days=1)),
        ("1 hari 10 jam 25 menit", timedelta(days=1, hours=10, minutes=25)),
        ("90 detik", timedelta(seconds=90)),
        ("60 menit", timedelta(hours=1)),
    ],
)
def test_parse_durasi(teks, td):
    assert parse_durasi(teks) == td


def test_parse_durasi_without_a_duration():
    assert parse_durasi("Tergantung jenis intervensi layanan kesehatan") is None


@pytest.mark.parametrize(
    "teks",
    ["", "   ", "10", "10 menitt", "10 minutes", "1 jam 2 jam", "kira-kira 2 jam", "2 jam lebih"],
)
def test_parse_durasi_rejects_malformed(teks):
    with pytest.raises(ValueError):
        parse_durasi(teks)


@pytest.mark.parametrize(
    ("td", "teks"),
    [
        (timedelta(days=1, hours=10, minutes=25), "1 hari 10 jam 25 menit"),
        (timedelta(0), "0 menit"),
        (timedelta(minutes=45), "45 menit"),
        (timedelta(seconds=90), "1 menit 30 detik"),
        (timedelta(days=2), "2 hari"),
    ],
)
def test_format_durasi(td, teks):
    assert format_durasi(td) == teks
    assert parse_durasi(teks) == td  # round trip


@pytest.mark.parametrize("teks", ["10 menit", "2 jam", "1 hari 10 jam 25 menit", "90 detik"])
def test_parse_format_round_trip(teks):
    assert parse_durasi(format_durasi(parse_durasi(teks))) == parse_durasi(teks)


def test_format_durasi_rejects_negative():
    with pytest.raises(ValueError):
        format_durasi(timedelta(minutes=-1))


# --- bad data fails at load, naming the step -----------------------------------------


def _data(**langkah_ubah):
    langkah = {
        "kode": "X1",
        "nomor": "1",
        "jalur": "j",
        "kegiatan": "Kegiatan",
        "ringkas": "Ringkas",
        "pelaksana": ["a"],
        "kelengkapan": [],
        "waktu": "10 menit",
        "output": "Hasil",
    }
    langkah.update(langkah_ubah)
    return {
        "kode": "uji",
        "nama": "Uji",
        "nomor_dokumen": "",
        "total_tertulis": "",
        "peringatan_rasio": 0.25,
        "hitungan": "kerja",
        "jalur": {"j": "Jalur"},
        "peran": {"a": "Peran A"},
        "langkah": [langkah],
    }


def test_loader_accepts_minimal_data():
    sop = _sop_dari(_data(), "uji.toml")
    assert sop.langkah[0].batas == timedelta(minutes=10)
    assert sop.hitungan == "kerja"
    assert _sop_dari({**_data(), "hitungan": "jam"}, "uji.toml").hitungan == "jam"


@pytest.mark.parametrize("kode", ["layanan", "pendampingan"])
def test_both_sops_count_working_time(kode):
    assert load_sop(kode).hitungan == "kerja"


@pytest.mark.parametrize("hitungan", [None, "", "Kerja", "hari", 1])
def test_loader_requires_hitungan(hitungan):
    data = _data()
    if hitungan is None:
        del data["hitungan"]
    else:
        data["hitungan"] = hitungan
    with pytest.raises(ValueError, match=r"uji\.toml: 'hitungan' harus \"kerja\""):
        _sop_dari(data, "uji.toml")


@pytest.mark.parametrize(
    "ubah",
    [
        {"waktu": "sepuluh menitt 5"},
        {"waktu": 10},
        {"ringkas": "x" * (RINGKAS_MAX + 1)},
        {"pelaksana": ["tidak_dikenal"]},
        {"jalur": "lain"},
        {"nomor": "4a"},
    ],
)
def test_loader_names_the_bad_step(ubah):
    with pytest.raises(ValueError, match="langkah X1"):
        _sop_dari(_data(**ubah), "uji.toml")
