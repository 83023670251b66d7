"""Field rules: NIK, telephone, age and the anak flag, dates and times."""

from datetime import UTC, date, datetime

import pytest

from ppa_tui.domain import validasi
from ppa_tui.domain.validasi import HasilNik, Invalid

HARI_INI = date(2026, 11, 23)


def nik(
    wilayah: str = "1971", kec: str = "01", lahir: date = date(1990, 8, 17),
    perempuan: bool = False, seri: str = "0001",
) -> str:
    """A real-structured NIK: PPRRSS DDMMYY XXXX (women add 40 to DD)."""
    dd = lahir.day + (40 if perempuan else 0)
    return f"{wilayah}{kec}{dd:02d}{lahir.month:02d}{lahir.year % 100:02d}{seri}"


# --- NIK ---------------------------------------------------------------------------


def test_nik_valid_man_in_pangkalpinang() -> None:
    h = validasi.periksa_nik(nik(), hari_ini=HARI_INI)
    assert h == HasilNik(
        nik="1971011708900001", wilayah_kode="19.71", tanggal_lahir=date(1990, 8, 17),
        jenis_kelamin="l", peringatan=(),
    )


def test_nik_separators_are_stripped() -> None:
    h = validasi.periksa_nik("19.71.01 170890-0001", hari_ini=HARI_INI)
    assert h.nik == "1971011708900001"


def test_nik_woman_adds_40_to_day() -> None:
    h = validasi.periksa_nik(nik(lahir=date(1995, 3, 12), perempuan=True), hari_ini=HARI_INI)
    assert h.nik[6:8] == "52"
    assert h.jenis_kelamin == "p"
    assert h.tanggal_lahir == date(1995, 3, 12)


def test_nik_child_born_2015_is_2015_not_1915() -> None:
    h = validasi.periksa_nik(nik(lahir=date(2015, 3, 12), perempuan=True), hari_ini=HARI_INI)
    assert h.tanggal_lahir == date(2015, 3, 12)


def test_nik_century_never_in_the_future() -> None:
    # "27" cannot be 2027 on 23-11-2026, so it is 1927
    h = validasi.periksa_nik(nik(lahir=date(1927, 1, 5)), hari_ini=HARI_INI)
    assert h.tanggal_lahir == date(1927, 1, 5)
    # the day after hari_ini in 2026 is not yet born: 1926
    h = validasi.periksa_nik(nik(lahir=date(1926, 11, 24)), hari_ini=HARI_INI)
    assert h.tanggal_lahir == date(1926, 11, 24)


def test_nik_century_follows_the_entered_date_of_birth() -> None:
    h = validasi.periksa_nik(
        nik(lahir=date(1920, 5, 1)), tanggal_lahir=date(1920, 5, 1), hari_ini=HARI_INI
    )
    assert h.tanggal_lahir == date(1920, 5, 1)
    assert h.peringatan == ()


@pytest.mark.parametrize(
    ("text", "pesan"),
    [
        ("197101170890000", "NIK harus 16 digit (sekarang 15)"),
        ("19710117089000011", "NIK harus 16 digit (sekarang 17)"),
        ("19710117O8900001", "NIK hanya boleh berisi angka"),
        ("NIK 1971011708900001", "NIK hanya boleh berisi angka"),
        ("", "NIK kosong"),
    ],
)
def test_nik_shape_errors(text: str, pesan: str) -> None:
    with pytest.raises(Invalid) as exc:
        validasi.periksa_nik(text, hari_ini=HARI_INI)
    assert str(exc.value) == pesan
    assert exc.value.pesan == pesan


def test_nik_unknown_province() -> None:
    with pytest.raises(Invalid, match=r"provinsi.*\(99\)"):
        validasi.periksa_nik(nik(wilayah="9971"), hari_ini=HARI_INI)


def test_nik_unknown_kabkota() -> None:
    with pytest.raises(Invalid, match=r"kab/kota.*\(19\.99\)"):
        validasi.periksa_nik(nik(wilayah="1999"), hari_ini=HARI_INI)


def test_nik_other_province_accepted() -> None:
    h = validasi.periksa_nik(nik(wilayah="3273"), hari_ini=HARI_INI)  # Kota Bandung
    assert h.wilayah_kode == "32.73"


@pytest.mark.parametrize("ddmmyy", ["320190", "000190", "721290", "311390", "300290", "290201"])
def test_nik_impossible_date(ddmmyy: str) -> None:
    with pytest.raises(Invalid, match="Tanggal lahir di NIK tidak mungkin"):
        validasi.periksa_nik(f"197101{ddmmyy}0001", hari_ini=HARI_INI)


def test_nik_29_february_2000_exists() -> None:
    h = validasi.periksa_nik("1971016902000001", hari_ini=HARI_INI)
    assert h.tanggal_lahir == date(2000, 2, 29)
    assert h.jenis_kelamin == "p"


def test_nik_mismatched_birth_date_is_a_warning() -> None:
    h = validasi.periksa_nik(
        nik(lahir=date(2015, 3, 12), perempuan=True),
        tanggal_lahir=date(2015, 3, 21), jenis_kelamin="p", hari_ini=HARI_INI,
    )
    assert h.tanggal_lahir == date(2015, 3, 12)
    assert h.peringatan == ("Tgl lahir di NIK (12-03-2015) beda dengan isian",)


def test_nik_mismatched_sex_is_a_warning() -> None:
    h = validasi.periksa_nik(
        nik(lahir=date(1990, 8, 17), perempuan=True),
        tanggal_lahir=date(1990, 8, 17), jenis_kelamin="l", hari_ini=HARI_INI,
    )
    assert h.jenis_kelamin == "p"
    assert len(h.peringatan) == 1
    assert h.peringatan[0].startswith("NIK menunjukkan perempuan (tgl +40)")

    h = validasi.periksa_nik(nik(), jenis_kelamin="p", hari_ini=HARI_INI)
    assert h.jenis_kelamin == "l"
    assert h.peringatan[0].startswith("NIK menunjukkan laki-laki")


def test_nik_both_mismatches_give_two_warnings() -> None:
    h = validasi.periksa_nik(
        nik(), tanggal_lahir=date(1990, 8, 18), jenis_kelamin="p", hari_ini=HARI_INI
    )
    assert len(h.peringatan) == 2


def test_nik_matching_entries_give_no_warning() -> None:
    h = validasi.periksa_nik(
        nik(lahir=date(2010, 1, 31), perempuan=True),
        tanggal_lahir=date(2010, 1, 31), jenis_kelamin="p", hari_ini=HARI_INI,
    )
    assert h.peringatan == ()


# --- telepon -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("0812 3456 7890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("081234567890", "+6281234567890"),
        ("+62 812-3456-7890", "+6281234567890"),
        ("+6281234567890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("(0717) 425517", "+62717425517"),
        ("0717-425517", "+62717425517"),
        (" 0812.3456.7890 ", "+6281234567890"),
        ("+60 12-345 6789", "+60123456789"),  # a Malaysian number, written with its prefix
    ],
)
def test_normalisasi_telepon(text: str, e164: str) -> None:
    assert validasi.normalisasi_telepon(text) == e164


@pytest.mark.parametrize(
    "text", ["", "abc", "0812-34S6-7890", "12", "0812", "081234567890123456", "08-12+34",
             "++6281234567890", "0000000000"],
)
def test_normalisasi_telepon_rejects_garbage(text: str) -> None:
    with pytest.raises(Invalid) as exc:
        validasi.normalisasi_telepon(text)
    assert str(exc.value).startswith("Nomor telepon")
    assert len(str(exc.value)) <= 60


def test_format_telepon() -> None:
    assert validasi.format_telepon("+6281234567890") == "0812-3456-7890"
    assert validasi.format_telepon("+62717425517") == "(0717) 425517"
    assert validasi.format_telepon("+60123456789").startswith("+60 ")
    assert validasi.format_telepon("bukan nomor") == "bukan nomor"


def test_telepon_round_trip() -> None:
    e164 = validasi.normalisasi_telepon("0812 3456 7890")
    assert validasi.normalisasi_telepon(validasi.format_telepon(e164)) == e164


# --- usia dan anak ---------------------------------------------------------------------


def test_eighteenth_birthday_boundary() -> None:
    lahir = date(2008, 11, 23)
    sehari_sebelum = validasi.hitung_usia(lahir, date(2026, 11, 22))
    pada_hari = validasi.hitung_usia(lahir, date(2026, 11, 23))
    assert sehari_sebelum == 17
    assert validasi.adalah_anak(sehari_sebelum) is True
    assert pada_hari == 18
    assert validasi.adalah_anak(pada_hari) is False


def test_hitung_usia_basic() -> None:
    assert validasi.hitung_usia(date(2015, 3, 12), HARI_INI) == 11
    assert validasi.hitung_usia(HARI_INI, HARI_INI) == 0
    # 29 February: a year older on 1 March in a common year
    assert validasi.hitung_usia(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert validasi.hitung_usia(date(2008, 2, 29), date(2026, 3, 1)) == 18


def test_hitung_usia_rejects_birth_after_reference() -> None:
    with pytest.raises(Invalid):
        validasi.hitung_usia(date(2027, 1, 1), HARI_INI)


def test_adalah_anak_unknown_age() -> None:
    assert validasi.adalah_anak(None) is False
    assert validasi.adalah_anak(0) is True


# --- tanggal dan waktu -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["23-11-2026", "23/11/2026", "23.11.2026", "23112026", "2026-11-23", " 23-11-2026 "]
)
def test_parse_tanggal_formats(text: str) -> None:
    assert validasi.parse_tanggal(text) == date(2026, 11, 23)


def test_parse_tanggal_single_digit_day_month() -> None:
    assert validasi.parse_tanggal("3-1-2026") == date(2026, 1, 3)


@pytest.mark.parametrize(
    ("text", "pesan"),
    [
        ("31-02-2026", "Tanggal tidak ada (31-02-2026)"),
        ("29-02-2026", "Tanggal tidak ada (29-02-2026)"),
        ("23-13-2026", "Tanggal tidak ada (23-13-2026)"),
        ("23-11-26", "Format tanggal: HH-BB-TTTT"),
        ("kemarin", "Format tanggal: HH-BB-TTTT"),
        ("", "Tanggal belum diisi"),
    ],
)
def test_parse_tanggal_rejects(text: str, pesan: str) -> None:
    with pytest.raises(Invalid) as exc:
        validasi.parse_tanggal(text)
    assert str(exc.value) == pesan


@pytest.mark.parametrize(
    "text", ["23-11-2026 14:30", "23/11/2026 14.30", "2026-11-23 14:30", "23112026 14:30",
             "2026-11-23T14:30"],
)
def test_parse_waktu_formats(text: str) -> None:
    value = validasi.parse_waktu(text)
    assert value == datetime(2026, 11, 23, 14, 30)
    assert value.tzinfo is None


def test_parse_waktu_bare_time_needs_hari_ini() -> None:
    assert validasi.parse_waktu("14:30", hari_ini=HARI_INI) == datetime(2026, 11, 23, 14, 30)
    assert validasi.parse_waktu("9.05", hari_ini=HARI_INI) == datetime(2026, 11, 23, 9, 5)
    with pytest.raises(Invalid):
        validasi.parse_waktu("14:30")


@pytest.mark.parametrize(
    "text", ["23-11-2026", "23-11-2026 24:00", "23-11-2026 14:60", "31-02-2026 10:00",
             "besok pagi", ""],
)
def test_parse_waktu_rejects(text: str) -> None:
    with pytest.raises(Invalid) as exc:
        validasi.parse_waktu(text, hari_ini=HARI_INI)
    assert len(str(exc.value)) <= 60


def test_format_and_parse_round_trip() -> None:
    d = date(2026, 1, 5)
    assert validasi.format_tanggal(d) == "05-01-2026"
    assert validasi.parse_tanggal(validasi.format_tanggal(d)) == d
    w = datetime(2026, 11, 23, 8, 5)
    assert validasi.format_waktu(w) == "23-11-2026 08:05"
    assert validasi.parse_waktu(validasi.format_waktu(w)) == w


def test_tanggal_indonesia() -> None:
    assert validasi.tanggal_indonesia(date(2026, 11, 23)) == "23 November 2026"
    assert validasi.tanggal_indonesia(date(2024, 6, 3)) == "3 Juni 2024"


def test_tidak_di_masa_depan() -> None:
    validasi.tidak_di_masa_depan(HARI_INI, HARI_INI)
    validasi.tidak_di_masa_depan(date(2026, 11, 22), HARI_INI)
    with pytest.raises(Invalid, match="Tanggal tidak boleh di masa depan"):
        validasi.tidak_di_masa_depan(date(2026, 11, 24), HARI_INI)

    sekarang = datetime(2026, 11, 23, 14, 30)
    validasi.tidak_di_masa_depan(sekarang, sekarang)
    with pytest.raises(Invalid):
        validasi.tidak_di_masa_depan(datetime(2026, 11, 23, 14, 31), sekarang)
    # a date against a datetime compares by day
    validasi.tidak_di_masa_depan(HARI_INI, sekarang)
    with pytest.raises(Invalid):
        validasi.tidak_di_masa_depan(datetime(2026, 11, 24, 0, 0), HARI_INI)
    # aware datetimes work as well
    aware = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
    with pytest.raises(Invalid):
        validasi.tidak_di_masa_depan(aware.replace(hour=8), aware)


def test_invalid_is_a_value_error() -> None:
    assert issubclass(Invalid, ValueError)


# --- control characters -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "pendek", "panjang"), [
    ("Ani\x00", "Ani", "Ani"),
    ("Ani\x1b[31mPutri\x1b[0m", "AniPutri", "AniPutri"),  # a colour code goes whole
    ("\x1b]0;judul\x07Ani", "Ani", "Ani"),  # so does a terminal title
    ("Jl. Merdeka\n1", "Jl. Merdeka 1", "Jl. Merdeka\n1"),
    ("a\tb\r\nc", "a b c", "a\tb\nc"),
    ("a\x7fb\x85c\x9bd", "abcd", "abcd"),  # DEL and C1 controls
    ("Sítî — ✓", "Sítî — ✓", "Sítî — ✓"),  # letters and symbols stay
])
def test_control_characters_are_removed(text: str, pendek: str, panjang: str) -> None:
    assert validasi.bersihkan_kontrol(text) == pendek
    assert validasi.bersihkan_kontrol(text, baris=True) == panjang
    for c in map(chr, [*range(0x20), 0x7F]):
        assert c not in validasi.bersihkan_kontrol(f"x{c}y")
        if c not in "\t\n":
            assert c not in validasi.bersihkan_kontrol(f"x{c}y", baris=True)


@pytest.mark.parametrize("text", ["²", "①", "٣", "𝟙", "99999999999999999999", "9" * 5000])
def test_parse_angka_refuses_non_ascii_digits_and_huge_numbers(text: str) -> None:
    with pytest.raises(Invalid, match="Isi angka 0–120"):
        validasi.parse_angka(text, terkecil=0, terbesar=120)
    with pytest.raises(Invalid):
        validasi.parse_angka(text)
