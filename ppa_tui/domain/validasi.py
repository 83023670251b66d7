"""Field rules: NIK, telephone, dates and times, age.

Pure Python. Every message is Indonesian and short enough (<= 60 characters) to
sit beside a form field. A rule either raises `Invalid` (the value cannot be
stored as typed) or, for a NIK that disagrees with what was entered, returns
warnings the officer may confirm past: people carry old or mistyped cards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from ppa_tui.domain import referensi

__all__ = [
    "HasilNik",
    "Invalid",
    "adalah_anak",
    "bersihkan_kontrol",
    "format_tanggal",
    "format_telepon",
    "format_waktu",
    "hitung_usia",
    "normalisasi_telepon",
    "parse_angka",
    "periksa_batas_int",
    "parse_tanggal",
    "parse_waktu",
    "pemberi_persetujuan_ditolak",
    "periksa_nik",
    "tanggal_indonesia",
    "tidak_di_masa_depan",
]

USIA_DEWASA = 18  # UU Perlindungan Anak: anak = belum berusia 18 tahun
BATAS_INT = 2**31 - 1  # an INTEGER column on PostgreSQL; SQLite stops at 2**63 - 1


class Invalid(ValueError):
    """A value that cannot be accepted; ``str(exc)`` / ``exc.pesan`` is the
    Indonesian message to show beside the field."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


# --- teks ------------------------------------------------------------------------

# A terminal escape sequence (colour, cursor, title), removed whole: pasted coloured
# text keeps its words, not "[31m".
_ESC = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_SPASI_KONTROL = re.compile(r"[\t\n\r\v\f]+")
_KONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 but tab/newline, DEL, C1


def bersihkan_kontrol(text: str, *, baris: bool = False) -> str:
    """Text without control characters: PostgreSQL refuses NUL, and an escape
    sequence would repaint the terminal of whoever views or exports the record.

    ``baris=True`` (long text) keeps newlines and tabs (CR LF becomes LF); otherwise
    they become one space, so "Jl. Merdeka\\n1" stays two words.
    """
    teks = _ESC.sub("", text)
    if baris:
        teks = teks.replace("\r\n", "\n")
    else:
        teks = _SPASI_KONTROL.sub(" ", teks)
    return _KONTROL.sub("", teks)


# --- telepon ----------------------------------------------------------------

_TELEPON_BOLEH = re.compile(r"[0-9+\-\s().]*")


def normalisasi_telepon(text: str) -> str:
    """Indonesian number as people write it -> E.164 ("+6281234567890").

    Accepts "0812 3456 7890", "0812-3456-7890", "+62 812-3456-7890",
    "6281234567890", "(0717) 425517"; a foreign number when written with
    its "+country" prefix (e.g. a migrant worker's Malaysian number).
    """
    import phonenumbers
    from phonenumbers import NumberParseException, ValidationResult

    teks = (text or "").strip()
    if not teks:
        raise Invalid("Nomor telepon kosong")
    if not _TELEPON_BOLEH.fullmatch(teks):
        raise Invalid("Nomor telepon hanya boleh berisi angka")
    if teks.count("+") > 1 or ("+" in teks and not teks.startswith("+")):
        raise Invalid("Nomor telepon tidak valid")
    try:
        nomor = phonenumbers.parse(teks, "ID")
    except NumberParseException:
        raise Invalid("Nomor telepon tidak valid") from None
    alasan = phonenumbers.is_possible_number_with_reason(nomor)
    if alasan == ValidationResult.TOO_SHORT:
        raise Invalid("Nomor telepon terlalu pendek")
    if alasan == ValidationResult.TOO_LONG:
        raise Invalid("Nomor telepon terlalu panjang")
    if not phonenumbers.is_valid_number(nomor):
        raise Invalid("Nomor telepon tidak valid")
    return phonenumbers.format_number(nomor, phonenumbers.PhoneNumberFormat.E164)


def format_telepon(e164: str) -> str:
    """E.164 -> display: national format for Indonesia ("0812-3456-7890",
    "(0717) 425517"), international for others. Never raises: returns the
    input unchanged when it cannot be parsed."""
    import phonenumbers

    try:
        nomor = phonenumbers.parse(e164, "ID")
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(nomor) == "ID":
        return phonenumbers.format_number(nomor, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(nomor, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# --- NIK --------------------------------------------------------------------


@dataclass(frozen=True)
class HasilNik:
    nik: str  # 16 digits
    wilayah_kode: str  # "19.71"
    tanggal_lahir: date
    jenis_kelamin: str  # "p" | "l"
    peringatan: tuple[str, ...] = ()


_PEMISAH_NIK = re.compile(r"[\s.\-]")


def periksa_nik(
    text: str,
    *,
    tanggal_lahir: date | None = None,
    jenis_kelamin: str | None = None,
    hari_ini: date,
) -> HasilNik:
    """Check a NIK (PPRRSS DDMMYY XXXX; women add 40 to DD).

    Raises `Invalid` for what cannot be a NIK: not digits, not 16 digits, an
    unknown province/kab-kota code, an impossible date of birth. A date of
    birth or sex that differs from the one entered is only a warning.

    The century is ours, not stdnum's (``stdnum.id.nik.get_birth_date`` tries
    19xx first, which makes a child born in 2015 born in 1915): the one closest
    to the entered date of birth, else the latest not after ``hari_ini``.
    """
    nik = _PEMISAH_NIK.sub("", text or "")
    if not nik:
        raise Invalid("NIK kosong")
    if not (nik.isascii() and nik.isdigit()):
        raise Invalid("NIK hanya boleh berisi angka")
    if len(nik) != 16:
        raise Invalid(f"NIK harus 16 digit (sekarang {len(nik)})")

    wilayah = f"{nik[:2]}.{nik[2:4]}"
    if not referensi.kode_wilayah_valid(wilayah):
        if not referensi.kode_provinsi_valid(nik[:2]):
            raise Invalid(f"Kode provinsi di NIK tidak dikenal ({nik[:2]})")
        raise Invalid(f"Kode kab/kota di NIK tidak dikenal ({wilayah})")

    hari_kode, bulan, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    perempuan = hari_kode > 40
    hari = hari_kode - 40 if perempuan else hari_kode
    lahir = _pilih_abad(hari, bulan, yy, tanggal_lahir, hari_ini)
    if lahir is None:
        raise Invalid("Tanggal lahir di NIK tidak mungkin")
    jk = "p" if perempuan else "l"

    peringatan: list[str] = []
    if tanggal_lahir is not None and _sebagai_tanggal(tanggal_lahir) != lahir:
        peringatan.append(f"Tgl lahir di NIK ({format_tanggal(lahir)}) beda dengan isian")
    isian_jk = (jenis_kelamin or "").strip().lower()[:1]
    if isian_jk in {"p", "l"} and isian_jk != jk:
        if jk == "p":
            peringatan.append("NIK menunjukkan perempuan (tgl +40), isian laki-laki")
        else:
            peringatan.append("NIK menunjukkan laki-laki (tgl tanpa +40), isian perempuan")
    return HasilNik(nik, wilayah, lahir, jk, tuple(peringatan))


def _pilih_abad(
    hari: int, bulan: int, yy: int, isian: date | None, hari_ini: date
) -> date | None:
    calon: list[date] = []
    for abad in (2000, 1900):
        try:
            d = date(abad + yy, bulan, hari)
        except ValueError:
            continue
        if d <= hari_ini:
            calon.append(d)
    if not calon:
        return None
    if isian is not None:
        tahun = _sebagai_tanggal(isian).year
        return min(calon, key=lambda d: abs(d.year - tahun))
    return calon[0]  # 20xx when not in the future, else 19xx


def _sebagai_tanggal(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


# --- angka ---------------------------------------------------------------------


def parse_angka(text: str, *, terkecil: int = 0, terbesar: int = BATAS_INT) -> int:
    """A whole number typed in ASCII digits, within [terkecil, terbesar].

    `str.isdigit()` alone accepts "²", "①", "٣" and "𝟙", which `int()` then
    rejects or reads as another number; and an unbounded number overflows the
    column. The length is checked before `int()`, which refuses very long strings.
    """
    teks = (text or "").strip()
    pesan = f"Isi angka {terkecil}–{terbesar}"
    if not (teks.isascii() and teks.isdigit()):
        raise Invalid(pesan)
    if len(teks.lstrip("0")) > len(str(terbesar)):
        raise Invalid(pesan)
    nilai = int(teks)
    if not terkecil <= nilai <= terbesar:
        raise Invalid(pesan)
    return nilai


def periksa_batas_int(value: int) -> int:
    """Refuse an integer no column can hold, before the driver does (SQLite raises
    OverflowError, PostgreSQL a DataError quoting the values)."""
    if not -BATAS_INT - 1 <= value <= BATAS_INT:
        raise Invalid("Angka terlalu besar")
    return value


# --- usia ---------------------------------------------------------------------


def hitung_usia(tanggal_lahir: date, pada: date) -> int:
    """Age in whole years on ``pada``. Born 29 February: a year older on
    1 March in common years."""
    lahir, acuan = _sebagai_tanggal(tanggal_lahir), _sebagai_tanggal(pada)
    if acuan < lahir:
        raise Invalid("Tanggal lahir sesudah tanggal acuan")
    return acuan.year - lahir.year - ((acuan.month, acuan.day) < (lahir.month, lahir.day))


def adalah_anak(usia: int | None) -> bool:
    """Anak = under 18 (UU Perlindungan Anak). Unknown age -> False."""
    return usia is not None and usia < USIA_DEWASA


def pemberi_persetujuan_ditolak(anak: bool, pemberi: str | None) -> str | None:
    """A child cannot consent alone (UU Perlindungan Anak): her parent or guardian
    consents. The one place of this rule, for the form and the service alike: the
    message when `pemberi` may not consent for this korban, else None."""
    if anak and pemberi == "korban":
        return "Korban anak: persetujuan oleh orang tua/wali"
    return None


# --- tanggal dan waktu ----------------------------------------------------------

_TGL_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_TGL_RAPAT = re.compile(r"(\d{2})(\d{2})(\d{4})")
_TGL_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_JAM = re.compile(r"(\d{1,2})[:.](\d{2})")
_WAKTU = re.compile(r"(?P<tgl>\S+)(?:\s+|T)(?P<jam>\d{1,2}[:.]\d{2})(?::\d{2})?")

PESAN_FORMAT_TANGGAL = "Format tanggal: HH-BB-TTTT"
PESAN_FORMAT_WAKTU = "Format waktu: HH-BB-TTTT JJ:MM"


def parse_tanggal(text: str) -> date:
    """"23-11-2026", "23/11/2026", "23.11.2026", "23112026", "2026-11-23"."""
    teks = (text or "").strip()
    if not teks:
        raise Invalid("Tanggal belum diisi")
    if m := _TGL_ISO.fullmatch(teks):
        y, mo, d = (int(x) for x in m.groups())
    elif m := _TGL_DMY.fullmatch(teks) or _TGL_RAPAT.fullmatch(teks):
        d, mo, y = (int(x) for x in m.groups())
    else:
        raise Invalid(PESAN_FORMAT_TANGGAL)
    if y < 1900:
        raise Invalid(f"Tahun tidak masuk akal ({y})")
    try:
        return date(y, mo, d)
    except ValueError:
        raise Invalid(f"Tanggal tidak ada ({d:02d}-{mo:02d}-{y})") from None


def _parse_jam(text: str) -> time:
    m = _JAM.fullmatch(text)
    if not m:
        raise Invalid("Format jam: JJ:MM")
    jam, menit = int(m.group(1)), int(m.group(2))
    if jam > 23 or menit > 59:
        raise Invalid("Jam tidak valid (00:00–23:59)")
    return time(jam, menit)


def parse_waktu(text: str, *, hari_ini: date | None = None) -> datetime:
    """Naive local date-time: "23-11-2026 14:30", "23/11/2026 14.30",
    "2026-11-23 14:30"; a bare "14:30" only when ``hari_ini`` is given."""
    teks = (text or "").strip()
    if not teks:
        raise Invalid("Waktu belum diisi")
    if _JAM.fullmatch(teks):
        if hari_ini is None:
            raise Invalid("Isi juga tanggalnya: HH-BB-TTTT JJ:MM")
        return datetime.combine(_sebagai_tanggal(hari_ini), _parse_jam(teks))
    m = _WAKTU.fullmatch(teks)
    if not m:
        raise Invalid(PESAN_FORMAT_WAKTU)
    try:
        tgl = parse_tanggal(m.group("tgl"))
    except Invalid as exc:
        if exc.pesan == PESAN_FORMAT_TANGGAL:
            raise Invalid(PESAN_FORMAT_WAKTU) from None
        raise
    return datetime.combine(tgl, _parse_jam(m.group("jam")))


def format_tanggal(value: date) -> str:
    """date -> "23-11-2026" (the form's input format)."""
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


def format_waktu(value: datetime) -> str:
    """datetime -> "23-11-2026 14:30"."""
    return f"{format_tanggal(value)} {value.hour:02d}:{value.minute:02d}"


def tanggal_indonesia(value: date) -> str:
    """date -> "23 November 2026" (documents and headings)."""
    from babel.dates import format_date  # babel is slow to import

    return format_date(_sebagai_tanggal(value), format="d MMMM y", locale="id")


def tidak_di_masa_depan(value: date | datetime, sekarang: date | datetime) -> None:
    """Raise `Invalid` when ``value`` lies after ``sekarang``.

    A date is compared by day (today is allowed). Datetimes must be both
    naive or both aware, as everywhere in Python.
    """
    if isinstance(value, datetime) and isinstance(sekarang, datetime):
        lewat = value > sekarang
    else:
        lewat = _sebagai_tanggal(value) > _sebagai_tanggal(sekarang)
    if lewat:
        raise Invalid("Tanggal tidak boleh di masa depan")
