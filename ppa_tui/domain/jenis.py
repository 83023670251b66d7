"""Field kinds (`jenis` in a form spec): one entry per kind, so a kind is declared in
one place: how typed text is read, how a stored value is shown again, the
placeholder, the value of an empty field, and which widget family draws it.

The widget families are names only; `ppa_tui/tui/widgets/fields.py` makes and reads
the widgets of each family. Pure Python, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from ppa_tui.domain import referensi, validasi
from ppa_tui.domain.validasi import Invalid

if TYPE_CHECKING:
    from ppa_tui.domain.forms import FieldSpec, Konteks

# Widget families: what the TUI knows how to make and read.
MASUKAN = "masukan"  # one line of text
TEKS_PANJANG = "teks_panjang"  # several lines
PILIHAN = "pilihan"  # one choice of a list
PILIHAN_BANYAK = "pilihan_banyak"  # several choices of a list
CENTANG = "centang"  # one yes/no box

Baca = Callable[["FieldSpec", Any, "Konteks"], Any]
Tampil = Callable[[Any, ZoneInfo], Any]


def _teks(f: FieldSpec, text: str, k: Konteks) -> str:
    return text


def _tampil_teks(value: Any, zona: ZoneInfo) -> Any:
    return str(value)


@dataclass(frozen=True)
class Jenis:
    """One field kind.

    `baca` turns what was typed into the stored value or raises `Invalid`. For a text
    kind (`teks=True`) it gets the text already without control characters, stripped,
    length-checked and not empty (an empty field is `kosong`); otherwise the raw
    widget value. `tampil` is its inverse for editing a saved record (`ke_mentah`).
    """

    nama: str
    widget: str
    baca: Baca = _teks
    tampil: Tampil = _tampil_teks
    placeholder: str = ""
    kosong: Any = ""
    teks: bool = True
    baris: bool = False  # long text: keeps newlines and tabs
    daftar: bool = False  # choices from a `referensi` list (or the case, "@...")
    saran: Callable[[], list[str]] | None = None  # completions while typing


# ---- choices --------------------------------------------------------------------------


def pilihan_field(f: FieldSpec, konteks: Konteks) -> tuple[tuple[str, str], ...]:
    """(kode, label) choices for a field, from `referensi` or from the case."""
    if f.dinamis:
        return tuple(konteks.pilihan.get(f.pilihan[1:], ()))
    return tuple((p.kode, p.label) for p in referensi.pilihan(f.pilihan))


def _baca_pilihan(f: FieldSpec, text: str, k: Konteks) -> str:
    if text not in {c for c, _ in pilihan_field(f, k)}:
        raise Invalid("Pilihan tidak dikenal")
    return text


def _baca_pilihan_banyak(f: FieldSpec, raw: Any, k: Konteks) -> list[str]:
    kode = [str(x) for x in (raw or [])]
    valid = {c for c, _ in pilihan_field(f, k)}
    if bad := [x for x in kode if x not in valid]:
        raise Invalid(f"Pilihan tidak dikenal: {', '.join(bad)}")
    return kode


# ---- kab/kota -------------------------------------------------------------------------


def nama_pendek(label: str) -> str:
    """"Kab. Bangka Barat" → "Bangka Barat": what officers type."""
    for awalan in ("Kab. ", "Kabupaten ", "Kota "):
        if label.startswith(awalan):
            return label[len(awalan):]
    return label


def saran_wilayah() -> list[str]:
    """Suggestions for a kab/kota field: the short names first, then the full ones."""
    kabkota = referensi.pilihan("kabkota")
    return [nama_pendek(p.label) for p in kabkota] + [p.label for p in kabkota]


def saran_kecamatan() -> list[str]:
    """Suggestions for a kecamatan field: the province's kecamatan (any text is kept)."""
    return list(referensi.kecamatan())


def cari_wilayah(text: str) -> str:
    """A kab/kota typed as its code ("19.71", "1971") or its name ("Pangkalpinang")."""
    lowered = text.strip().lower()
    kabkota = referensi.pilihan("kabkota")
    for p in kabkota:
        nama = {p.kode, p.kode.replace(".", ""), p.label.lower(), nama_pendek(p.label).lower()}
        if lowered in nama:
            return p.kode
    cocok = [p.kode for p in kabkota if lowered in p.label.lower()]
    if len(cocok) == 1:  # "Pangkalpinang" → Kota Pangkalpinang; "Bangka" is ambiguous
        return cocok[0]
    if referensi.kode_wilayah_valid(lowered):
        digits = lowered.replace(".", "")
        return f"{digits[:2]}.{digits[2:4]}"
    raise Invalid("Kab/kota tidak dikenal: tulis nama atau kode (19.71)")


def _baca_wilayah(f: FieldSpec, text: str, k: Konteks) -> str:
    return cari_wilayah(text)


def _tampil_wilayah(value: Any, zona: ZoneInfo) -> str:
    """A saved code as the short name `cari_wilayah` reads back ("19.04" → "Bangka
    Tengah"); a kab/kota outside the list keeps its code."""
    kode = str(value)
    for p in referensi.pilihan("kabkota"):
        if p.kode == kode:
            return nama_pendek(p.label)
    return kode


# ---- the other kinds ---------------------------------------------------------------------


def _baca_nik(f: FieldSpec, text: str, k: Konteks) -> str:
    return validasi.periksa_nik(text, hari_ini=k.hari_ini).nik


def _baca_telepon(f: FieldSpec, text: str, k: Konteks) -> str:
    return validasi.normalisasi_telepon(text)


def _tampil_telepon(value: Any, zona: ZoneInfo) -> str:
    return validasi.format_telepon(str(value)) if value else str(value)


def _baca_tanggal(f: FieldSpec, text: str, k: Konteks) -> date:
    value = validasi.parse_tanggal(text)
    if not f.masa_depan:
        validasi.tidak_di_masa_depan(value, k.hari_ini)
    return value


def _tampil_tanggal(value: Any, zona: ZoneInfo) -> str:
    return validasi.format_tanggal(value) if isinstance(value, date) else str(value)


def _baca_waktu(f: FieldSpec, text: str, k: Konteks) -> datetime:
    local = validasi.parse_waktu(text, hari_ini=k.hari_ini)
    value = local.replace(tzinfo=k.zona).astimezone(k.sekarang.tzinfo)
    if f.masa_depan:  # a deadline: ahead, not behind
        if value < k.sekarang:
            raise Invalid("Sudah lewat: isi waktu yang akan datang")
    else:
        validasi.tidak_di_masa_depan(value, k.sekarang)
    batas = k.waktu.get(f.tidak_setelah) if f.tidak_setelah else None
    if batas is not None and value > batas:
        raise Invalid("Tidak boleh setelah waktu pengaduan")
    return value


def _tampil_waktu(value: Any, zona: ZoneInfo) -> str:
    if isinstance(value, datetime):
        return validasi.format_waktu(value.astimezone(zona).replace(tzinfo=None))
    return str(value)


PESAN_FORMAT_TANGGAL_JAM = "Format: HH-BB-TTTT atau HH-BB-TTTT JJ:MM"


def tanggal_saja(text: str) -> date | None:
    """The date of a `tanggal_jam` text typed without an hour ("22-11-2026"), None
    when it has one; a date that cannot exist raises `Invalid`."""
    try:
        return validasi.parse_tanggal(text)
    except Invalid as exc:
        if exc.pesan == validasi.PESAN_FORMAT_TANGGAL:
            return None
        raise


def _baca_tanggal_jam(f: FieldSpec, text: str, k: Konteks) -> datetime:
    """A `waktu` whose hour may be left out ("last week, Tuesday"): a date alone is
    stored as local midnight and compared by day, so the complaint's own day passes.
    The `tanpa_jam` rule records which of the two was typed."""
    tgl = tanggal_saja(text)
    if tgl is None:
        try:
            return _baca_waktu(f, text, k)
        except Invalid as exc:
            if exc.pesan == validasi.PESAN_FORMAT_WAKTU:
                raise Invalid(PESAN_FORMAT_TANGGAL_JAM) from None
            raise
    validasi.tidak_di_masa_depan(tgl, k.hari_ini)
    batas = k.waktu.get(f.tidak_setelah) if f.tidak_setelah else None
    if batas is not None and tgl > batas.astimezone(k.zona).date():
        raise Invalid("Tidak boleh setelah waktu pengaduan")
    return datetime.combine(tgl, time()).replace(tzinfo=k.zona).astimezone(k.sekarang.tzinfo)


def _tampil_tanggal_jam(value: Any, zona: ZoneInfo) -> str:
    """A datetime with its hour; a date (`forms.ke_mentah` passes one when the hour
    was left out) alone, as it was typed."""
    if isinstance(value, datetime):
        return _tampil_waktu(value, zona)
    return _tampil_tanggal(value, zona)


def _baca_angka(f: FieldSpec, text: str, k: Konteks) -> int:
    return validasi.parse_angka(text, terkecil=f.nilai_min, terbesar=f.nilai_maks)


def _baca_centang(f: FieldSpec, raw: Any, k: Konteks) -> bool:
    return bool(raw)


JENIS: dict[str, Jenis] = {j.nama: j for j in (
    Jenis("teks", MASUKAN),
    Jenis("teks_panjang", TEKS_PANJANG, baris=True),
    Jenis("nik", MASUKAN, _baca_nik, placeholder="16 digit"),
    Jenis("telepon", MASUKAN, _baca_telepon, _tampil_telepon, placeholder="08xx-xxxx-xxxx"),
    Jenis("tanggal", MASUKAN, _baca_tanggal, _tampil_tanggal, placeholder="HH-BB-TTTT",
          kosong=None),
    Jenis("waktu", MASUKAN, _baca_waktu, _tampil_waktu, placeholder="HH-BB-TTTT JJ:MM",
          kosong=None),
    Jenis("tanggal_jam", MASUKAN, _baca_tanggal_jam, _tampil_tanggal_jam,
          placeholder="HH-BB-TTTT JJ:MM; jam boleh dikosongkan", kosong=None),
    Jenis("angka", MASUKAN, _baca_angka, placeholder="angka", kosong=None),
    Jenis("wilayah", MASUKAN, _baca_wilayah, _tampil_wilayah, saran=saran_wilayah),
    Jenis("kecamatan", MASUKAN, saran=saran_kecamatan),
    Jenis("pilihan", PILIHAN, _baca_pilihan, daftar=True),
    Jenis("pilihan_banyak", PILIHAN_BANYAK, _baca_pilihan_banyak,
          lambda value, zona: [str(v) for v in value], teks=False, daftar=True),
    Jenis("centang", CENTANG, _baca_centang, lambda value, zona: bool(value), teks=False),
)}
