"""Form specs and their validation, without a terminal: every spec binds to real
columns, hidden fields stay out of the way, and what the officer types is read the
way she means it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import SQLModel

from ppa_tui.domain import models
from ppa_tui.domain.clock import FixedClock
from ppa_tui.domain.forms import (
    Konteks,
    bawaan,
    cari_wilayah,
    ke_mentah,
    load_form,
    periksa_form,
)
from ppa_tui.domain.kasus import buka_kasus, simpan_pihak
from ppa_tui.domain.models import Pihak
from ppa_tui.domain.sumber import folder
from ppa_tui.domain.validasi import Invalid
from ppa_tui.store.database import Database

WIB = ZoneInfo("Asia/Jakarta")

SPECS = sorted(
    p.name.removesuffix(".toml") for p in folder("screens").iterdir() if p.name.endswith(".toml")
)

# Fields a service computes from the form rather than copying onto a column.
TERHITUNG = {
    ("kejadian", "bentuk_kekerasan"),  # rows of KekerasanKasus, set by simpan_kejadian
    ("korban", "bentuk_kekerasan"),  # her own KekerasanKasus rows (domain/rincian.py)
    ("korban", "ragam_disabilitas"),  # rows of DisabilitasPihak
    # A step's finishing form records onto the case's other rows (domain/keputusan.py):
    # step 3's pelimpahan, the rencana's consent date and result, the next deadline.
    *(("selesai_kewenangan", a) for a in ("tujuan_jenis", "tujuan_nama", "kabkota_kode",
                                          "nomor_surat", "tanggal_kirim")),
    ("selesai_persetujuan_layanan", "tanggal"),
    ("selesai_review", "perlu_adaptasi"),
    ("selesai_pendampingan", "hasil"),
    ("selesai_pendampingan", "tanggal_selesai"),
    ("tenggat_langkah", "tenggat_berikut"),
}

# The NIK of a woman (day + 40) born 12-03-2014 in Kota Pangkalpinang (19.71).
NIK_PUTRI = "1971015203140001"


def konteks(clock: FixedClock, **kw: object) -> Konteks:
    return Konteks(sekarang=clock.now(), **kw)  # type: ignore[arg-type]


def test_every_spec_is_found() -> None:
    assert set(SPECS) >= {
        "buku_tamu",
        "pelapor",
        "korban",
        "pelaku",
        "kejadian",
        "persetujuan",
        "asesmen",
        "rencana",
    }


@pytest.mark.parametrize("form_id", SPECS)
def test_spec_loads_and_binds_to_real_columns(form_id: str) -> None:
    spec = load_form(form_id)
    assert spec.id == form_id
    model = getattr(models, spec.model)
    assert issubclass(model, SQLModel) and getattr(model, "__table__", None) is not None
    fields = spec.fields
    assert fields, "a form with nothing to fill in"
    assert len({f.nama for f in fields}) == len(fields), "duplicate field names"
    unbound = {(form_id, f.attr) for f in fields if f.attr not in model.model_fields}
    assert unbound == {x for x in TERHITUNG if x[0] == form_id}
    for f in fields:
        if f.tampil_jika is not None:  # a condition must name a field of the same form
            assert f.tampil_jika[0] in {g.nama for g in fields}, f.nama


def test_computed_exceptions_are_still_needed() -> None:
    """The exception list stays honest: each one is really absent from its model."""
    for form_id, attr in TERHITUNG:
        spec = load_form(form_id)
        assert attr in {f.attr for f in spec.fields}
        assert attr not in getattr(models, spec.model).model_fields


# ---- conditional fields --------------------------------------------------------------


def test_nomor_identitas_skipped_when_guest_has_no_identity(clock: FixedClock) -> None:
    spec = load_form("buku_tamu")
    f = spec.field("nomor_identitas")
    base = {
        "keperluan": "pengaduan",
        "waktu_masuk": "23-11-2026 09:00",
        "nomor_identitas": "9" * 60,
    }  # too long, but hidden
    hidden = periksa_form(spec, base | {"jenis_identitas": "tidak_ada"}, konteks(clock))
    assert not spec.tampil(f, base | {"jenis_identitas": "tidak_ada"})
    assert hidden.ok
    assert "nomor_identitas" not in hidden.nilai
    shown = periksa_form(spec, base | {"jenis_identitas": "ktp"}, konteks(clock))
    assert spec.tampil(f, base | {"jenis_identitas": "ktp"})
    assert shown.galat["nomor_identitas"] == "Terlalu panjang (maks. 40 karakter)"


def test_wali_fields_skipped_when_korban_consents_herself(clock: FixedClock) -> None:
    spec = load_form("persetujuan")
    korban = "11111111-1111-1111-1111-111111111111"
    k = konteks(clock, pilihan={"korban": ((korban, "Bunga"),)})
    base = {
        "korban_id": korban,
        "tanggal": "23-11-2026",
        "petugas": "Rina",
        "wali_nama": "X",
        "wali_nik": "123",
        "wali_telepon": "abc",
    }
    hidden = periksa_form(spec, base | {"pemberi": "korban"}, k)
    assert hidden.ok, hidden.galat
    assert not {"wali_nama", "wali_nik", "wali_telepon", "wali_hubungan"} & set(hidden.nilai)
    shown = periksa_form(spec, base | {"pemberi": "orang_tua_wali"}, k)
    assert set(shown.galat) == {"wali_nik", "wali_telepon"}


def test_checkbox_condition_shows_its_field(clock: FixedClock) -> None:
    spec = load_form("asesmen")
    f = spec.field("kebutuhan_penampungan")
    assert not spec.tampil(f, {"butuh_penampungan": False})
    assert spec.tampil(f, {"butuh_penampungan": True})
    pelapor = load_form("pelapor")
    assert not pelapor.tampil(pelapor.field("hubungan"), {"adalah_korban": True})
    assert pelapor.tampil(pelapor.field("hubungan"), {"adalah_korban": False})


def test_unknown_choice_is_rejected(clock: FixedClock) -> None:
    hasil = periksa_form(
        load_form("buku_tamu"),
        {"keperluan": "piknik", "waktu_masuk": "23-11-2026 09:00"},
        konteks(clock),
    )
    assert hasil.galat == {"keperluan": "Pilihan tidak dikenal"}


# ---- wilayah ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["19.71", "1971", "Kota Pangkalpinang", "pangkalpinang", "  PANGKALPINANG "]
)
def test_cari_wilayah_accepts_code_or_name(text: str) -> None:
    assert cari_wilayah(text) == "19.71"


def test_cari_wilayah_accepts_a_kabkota_outside_the_province() -> None:
    assert cari_wilayah("31.71") == "31.71"  # clients from elsewhere are still received


def test_cari_wilayah_rejects_unknown_place_in_indonesian(clock: FixedClock) -> None:
    with pytest.raises(Invalid) as exc:
        cari_wilayah("Atlantis")
    assert exc.value.pesan == "Kab/kota tidak dikenal: tulis nama atau kode (19.71)"
    hasil = periksa_form(load_form("korban"), {"kabkota_kode": "Atlantis"}, konteks(clock))
    assert hasil.galat == {"kabkota_kode": "Kab/kota tidak dikenal: tulis nama atau kode (19.71)"}


def test_short_names_are_exact_and_ambiguous_parts_are_not_guessed() -> None:
    assert cari_wilayah("Bangka") == "19.01"  # the kabupaten's own short name
    assert cari_wilayah("bangka barat") == "19.05"
    with pytest.raises(Invalid):
        cari_wilayah("Bang")  # Bangka, Bangka Barat, Bangka Selatan, Bangka Tengah


def test_a_saved_kabkota_is_shown_by_the_name_it_is_read_back_from() -> None:
    """Reopened, a saved kab/kota showed its raw code ("19.04")."""
    from ppa_tui.domain import referensi

    spec = load_form("korban")
    assert ke_mentah(spec, {"kabkota_kode": "19.04"}, WIB) == {"kabkota_kode": "Bangka Tengah"}
    assert ke_mentah(spec, {"kabkota_kode": "19.01"}, WIB) == {"kabkota_kode": "Bangka"}
    for p in referensi.pilihan("kabkota"):
        shown = ke_mentah(spec, {"kabkota_kode": p.kode}, WIB)["kabkota_kode"]
        assert not shown[0].isdigit(), p.kode
        assert cari_wilayah(shown) == p.kode
    # A kab/kota from outside the list keeps the code it was typed as.
    assert ke_mentah(spec, {"kabkota_kode": "31.71"}, WIB) == {"kabkota_kode": "31.71"}
    assert cari_wilayah("31.71") == "31.71"


# ---- NIK --------------------------------------------------------------------------------


def test_nik_disagreeing_with_date_of_birth_is_only_a_warning(clock: FixedClock) -> None:
    hasil = periksa_form(
        load_form("korban"),
        {
            "nama": "Putri",
            "jenis_kelamin": "p",
            "tanggal_lahir": "13-03-2014",
            "nik": NIK_PUTRI,
        },
        konteks(clock),
    )
    assert hasil.ok
    assert "nik" in hasil.peringatan
    assert "12-03-2014" in hasil.peringatan["nik"]
    assert hasil.nilai["nik"] == NIK_PUTRI
    assert hasil.nilai["nik_peringatan"] == hasil.peringatan["nik"]  # kept with the record


def test_nik_agreeing_with_what_was_entered_gives_no_warning(clock: FixedClock) -> None:
    hasil = periksa_form(
        load_form("korban"),
        {
            "jenis_kelamin": "p",
            "tanggal_lahir": "12-03-2014",
            "nik": "1971 0152 0314 0001",
        },
        konteks(clock),
    )
    assert hasil.ok and hasil.peringatan == {}
    assert hasil.nilai["nik"] == NIK_PUTRI and hasil.nilai["nik_peringatan"] == ""


def test_nik_with_wrong_sex_is_only_a_warning(clock: FixedClock) -> None:
    hasil = periksa_form(
        load_form("pelaku"), {"jenis_kelamin": "l", "nik": NIK_PUTRI}, konteks(clock)
    )
    assert hasil.ok and "perempuan" in hasil.peringatan["nik"]


def test_wrong_length_nik_is_an_error(clock: FixedClock) -> None:
    hasil = periksa_form(
        load_form("korban"), {"nama": "Putri", "nik": NIK_PUTRI[:-1]}, konteks(clock)
    )
    assert not hasil.ok
    assert hasil.galat == {"nik": "NIK harus 16 digit (sekarang 15)"}


# ---- dates and ages --------------------------------------------------------------------


def test_age_and_anak_from_date_of_birth(clock: FixedClock) -> None:
    hasil = periksa_form(load_form("korban"), {"tanggal_lahir": "12-03-2014"}, konteks(clock))
    assert (hasil.nilai["usia"], hasil.nilai["anak"]) == (12, True)
    assert hasil.catatan["tanggal_lahir"] == "Usia 12 tahun · ANAK"
    dewasa = periksa_form(load_form("korban"), {"tanggal_lahir": "23-11-2008"}, konteks(clock))
    assert (dewasa.nilai["usia"], dewasa.nilai["anak"]) == (18, False)  # 18 today
    hanya_usia = periksa_form(load_form("korban"), {"usia": "17"}, konteks(clock))
    assert hanya_usia.nilai["anak"] is True
    tanpa = periksa_form(load_form("korban"), {}, konteks(clock))
    assert tanpa.ok and tanpa.nilai["anak"] is False


def test_birth_date_in_the_future_is_an_error(clock: FixedClock) -> None:
    hasil = periksa_form(load_form("korban"), {"tanggal_lahir": "24-11-2026"}, konteks(clock))
    assert hasil.galat == {"tanggal_lahir": "Tanggal tidak boleh di masa depan"}


def test_rencana_deadline_may_lie_ahead(clock: FixedClock) -> None:
    """A tenggat is a date to come; the 'not in the future' rule is for facts."""
    hasil = periksa_form(
        load_form("rencana"), {"layanan": "kesehatan", "tenggat": "30-11-2026"}, konteks(clock)
    )
    assert hasil.ok, hasil.galat
    assert hasil.nilai["tenggat"] == date(2026, 11, 30)


def test_local_time_is_stored_as_utc(clock: FixedClock) -> None:
    hasil = periksa_form(
        load_form("buku_tamu"),
        {"keperluan": "konsultasi", "waktu_masuk": "23-11-2026 08:45", "waktu_keluar": "08:30"},
        konteks(clock),
    )
    assert hasil.nilai["waktu_masuk"] == datetime(2026, 11, 23, 1, 45, tzinfo=UTC)
    assert hasil.galat == {"waktu_keluar": "Waktu keluar sebelum waktu masuk"}


# ---- round trip and defaults -------------------------------------------------------------


def test_ke_mentah_round_trips_a_saved_pihak(db: Database, clock: FixedClock) -> None:
    spec = load_form("korban")
    k = konteks(clock)
    typed = {
        "nama": "Putri",
        "jenis_kelamin": "p",
        "tanggal_lahir": "12-03-2014",
        "nik": NIK_PUTRI,
        "telepon": "0812 3456 7890",
        "alamat": "Jl. Merdeka 1",
        "kabkota_kode": "pangkalpinang",
        "pendidikan": "sd",
        "disabilitas": "",
    }
    first = periksa_form(spec, typed, k)
    assert first.ok
    with db.session() as s:
        kasus = buka_kasus(s, waktu_diterima=clock.now())
        saved = simpan_pihak(s, kasus.id, "korban", first.nilai)
    with db.session() as s:
        row = s.get(Pihak, saved.id)
    assert row is not None

    mentah = ke_mentah(spec, row.model_dump(), WIB)
    assert all(isinstance(v, str) for v in mentah.values())
    assert mentah["tanggal_lahir"] == "12-03-2014"
    assert mentah["kabkota_kode"] == "Pangkalpinang"  # the name she typed, not "19.71"
    assert mentah["usia"] == "12"
    assert "+62" not in mentah["telepon"]  # shown the way people write it
    again = periksa_form(spec, mentah, k)
    assert again.ok, again.galat
    assert again.nilai == first.nilai


def test_ke_mentah_round_trips_times_checkboxes_and_lists(clock: FixedClock) -> None:
    kejadian = load_form("kejadian")
    nilai = {
        "waktu_kejadian": datetime(2026, 11, 22, 14, 0, tzinfo=UTC),
        "bentuk_kekerasan": ["fisik", "psikis"],
        "tempat_kejadian": "rumah_tangga",
    }
    mentah = ke_mentah(kejadian, nilai, WIB)
    assert mentah["waktu_kejadian"] == "22-11-2026 21:00"
    assert mentah["bentuk_kekerasan"] == ["fisik", "psikis"]
    hasil = periksa_form(kejadian, mentah, konteks(clock))
    assert hasil.ok
    assert {k: hasil.nilai[k] for k in nilai} == nilai

    persetujuan = load_form("persetujuan")
    mentah = ke_mentah(persetujuan, {"izin_hukum": True, "izin_dinsos": False}, WIB)
    assert (mentah["izin_hukum"], mentah["izin_dinsos"]) == (True, False)


def test_bawaan_fills_now_today_and_officer() -> None:
    clock = FixedClock(datetime(2026, 11, 23, 2, 0, 45, tzinfo=UTC))  # 09:00:45 WIB
    k = konteks(clock)
    tamu = bawaan(load_form("buku_tamu"), k, "Rina")
    assert tamu == {
        "keperluan": "pengaduan",
        "saluran": "datang_langsung",
        "jenis_identitas": "tidak_ada",
        "waktu_masuk": "23-11-2026 09:00",
    }
    setuju = bawaan(load_form("persetujuan"), k, "Rina")
    assert setuju == {"pemberi": "korban", "tanggal": "23-11-2026", "petugas": "Rina"}
    asesmen = bawaan(load_form("asesmen"), k, "Rina")
    assert (asesmen["tanggal"], asesmen["petugas"]) == ("23-11-2026", "Rina")
    # "Today" is the local day: 23:30 WIB is still the 23rd, 00:30 WIB already the 24th.
    malam = Konteks(sekarang=datetime(2026, 11, 23, 16, 30, tzinfo=UTC))
    assert bawaan(load_form("asesmen"), malam, "Rina")["tanggal"] == "23-11-2026"
    pagi = Konteks(sekarang=datetime(2026, 11, 23, 17, 30, tzinfo=UTC))
    assert bawaan(load_form("asesmen"), pagi, "Rina")["tanggal"] == "24-11-2026"
    assert bawaan(load_form("buku_tamu"), pagi, "")["waktu_masuk"] == "24-11-2026 00:30"
    # The defaults of a new form pass its own checks.
    assert periksa_form(load_form("buku_tamu"), tamu, k).ok


def test_every_label_fits_its_column_at_80x24() -> None:
    """The form's label column is 22 cells (one of padding): a longer label wraps and
    pushes the form off an 80x24 screen. Checkbox labels sit beside the box instead."""

    for path in folder("screens").iterdir():
        if not path.name.endswith(".toml"):
            continue
        spec = load_form(path.name.removesuffix(".toml"))
        for f in spec.fields:
            shown = f.label + (" *" if f.wajib else "")
            if f.jenis != "centang":
                assert len(shown) <= 21, (spec.id, shown)


def test_a_new_consent_chooses_the_only_korban_and_her_guardian_if_she_is_a_child(
    clock: FixedClock,
) -> None:
    spec = load_form("persetujuan")
    anak = Konteks(
        sekarang=clock.now(), pilihan={"korban": (("k1", "Ani · ANAK"),)}, anak=frozenset({"k1"})
    )
    assert bawaan(spec, anak, "Rina")["korban_id"] == "k1"
    assert bawaan(spec, anak, "Rina")["pemberi"] == "orang_tua_wali"
    dewasa = Konteks(sekarang=clock.now(), pilihan={"korban": (("k2", "Sari"),)})
    assert bawaan(spec, dewasa, "Rina")["pemberi"] == "korban"
    dua = Konteks(sekarang=clock.now(), pilihan={"korban": (("k1", "Ani"), ("k2", "Sari"))})
    assert "korban_id" not in bawaan(spec, dua, "Rina")  # two korban: the officer chooses


# ---- numbers ----------------------------------------------------------------------------

ANGKA_SALAH = [
    "²",
    "①",
    "٣",
    "𝟙",
    "1²",
    "99999999999999999999",
    "9" * 5000,
    "121",
    "-1",
    "abc",
    "12.5",
]


@pytest.mark.parametrize("form_id", ["pelapor", "korban", "pelaku"])
@pytest.mark.parametrize("text", ANGKA_SALAH)
def test_usia_accepts_ascii_digits_in_range_only(
    form_id: str, text: str, clock: FixedClock
) -> None:
    """`str.isdigit()` let "²" through to `int()`, which crashed the app; a huge number
    reached the database and overflowed. Both are a message beside the field now."""
    hasil = periksa_form(load_form(form_id), {"usia": text}, konteks(clock))
    assert hasil.galat == {"usia": "Isi angka 0–120"}
    assert "usia" not in hasil.nilai


@pytest.mark.parametrize("form_id", ["pelapor", "korban", "pelaku"])
def test_usia_range_ends_are_accepted(form_id: str, clock: FixedClock) -> None:
    spec = load_form(form_id)
    assert (spec.field("usia").nilai_min, spec.field("usia").nilai_maks) == (0, 120)
    for text, usia in [("0", 0), (" 120 ", 120), ("007", 7)]:
        hasil = periksa_form(spec, {"usia": text}, konteks(clock))
        assert hasil.ok, hasil.galat
        assert hasil.nilai["usia"] == usia


def test_every_number_field_is_bounded_by_its_column() -> None:
    from ppa_tui.domain.validasi import BATAS_INT

    for form_id in SPECS:
        for f in load_form(form_id).fields:
            if f.jenis == "angka":
                assert 0 <= f.nilai_min <= f.nilai_maks <= BATAS_INT, (form_id, f.nama)


# ---- field kinds ---------------------------------------------------------------------------


def test_every_field_kind_has_a_widget_family_the_tui_knows() -> None:
    from ppa_tui.domain.jenis import JENIS
    from ppa_tui.tui.widgets.fields import KELUARGA

    assert {j.widget for j in JENIS.values()} <= set(KELUARGA)
    assert set(KELUARGA) <= {j.widget for j in JENIS.values()}, "a family nothing uses"
    for form_id in SPECS:
        assert {f.jenis for f in load_form(form_id).fields} <= set(JENIS)
