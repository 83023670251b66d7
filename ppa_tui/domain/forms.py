"""Form specs (`ppa_tui/screens/*.toml`) and their validation, without a terminal.

A spec declares sections and fields; each field binds to a model attribute, so what
the officer types lands in real columns. `periksa_form()` turns raw widget values into
typed values plus three kinds of message per field: errors (block saving), warnings
(the officer may confirm past them) and notes (e.g. "anak").
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib.resources import files
from typing import Any
from zoneinfo import ZoneInfo

from ppa_tui.domain import referensi, validasi
from ppa_tui.domain.validasi import Invalid

JENIS = {
    "teks", "teks_panjang", "nik", "telepon", "tanggal", "waktu", "pilihan",
    "pilihan_banyak", "centang", "angka", "wilayah",
}


@dataclass(frozen=True)
class FieldSpec:
    nama: str
    label: str
    jenis: str = "teks"
    attr: str = ""
    wajib: bool = False
    pilihan: str = ""
    bawaan: Any = None
    petunjuk: str = ""
    tampil_jika: tuple[str, bool, str] | None = None  # (field, equal?, value)
    tidak_setelah: str = ""
    maks: int = 0
    masa_depan: bool = False  # a date that may lie ahead (a deadline, e.g. tenggat)

    @property
    def dinamis(self) -> bool:
        """Choices that come from the case (e.g. its korban), not from `referensi`."""
        return self.pilihan.startswith("@")


@dataclass(frozen=True)
class Bagian:
    judul: str
    fields: tuple[FieldSpec, ...]


@dataclass(frozen=True)
class FormSpec:
    id: str
    judul: str
    model: str
    bagian: tuple[Bagian, ...]
    aturan: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for b in self.bagian for f in b.fields)

    def field(self, nama: str) -> FieldSpec:
        for f in self.fields:
            if f.nama == nama:
                return f
        raise KeyError(nama)

    def tampil(self, f: FieldSpec, nilai: Mapping[str, Any]) -> bool:
        """Whether `f` applies given the current raw values (conditional fields)."""
        if f.tampil_jika is None:
            return True
        other, equal, expected = f.tampil_jika
        return (str(nilai.get(other) or "") == expected) == equal


@dataclass
class HasilValidasi:
    nilai: dict[str, Any] = field(default_factory=dict)
    galat: dict[str, str] = field(default_factory=dict)
    peringatan: dict[str, str] = field(default_factory=dict)
    catatan: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.galat


@dataclass(frozen=True)
class Konteks:
    """What validation needs beyond the form: now, the local zone, the case's times
    (e.g. `diterima_at` for "kejadian not after the complaint") and dynamic choices."""

    sekarang: datetime
    zona: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Jakarta"))
    waktu: Mapping[str, datetime] = field(default_factory=dict)
    pilihan: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    anak: frozenset[str] = frozenset()

    @property
    def hari_ini(self) -> date:
        return self.sekarang.astimezone(self.zona).date()


@cache
def load_form(form_id: str) -> FormSpec:
    """Read and check one spec; a broken spec fails loudly at load, not mid-interview."""
    path = files("ppa_tui") / "screens" / f"{form_id}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    bagian = []
    for b in data["bagian"]:
        specs = []
        for raw in b["field"]:
            raw = dict(raw)
            if "tampil_jika" in raw:
                raw["tampil_jika"] = _kondisi(raw["tampil_jika"])
            raw.setdefault("attr", raw["nama"])
            spec = FieldSpec(**raw)
            if spec.jenis not in JENIS:
                raise ValueError(f"{form_id}.{spec.nama}: jenis '{spec.jenis}' tidak dikenal")
            if spec.jenis in {"pilihan", "pilihan_banyak"} and not spec.dinamis:
                referensi.pilihan(spec.pilihan)  # unknown list → KeyError now
            specs.append(spec)
        bagian.append(Bagian(b["judul"], tuple(specs)))
    spec = FormSpec(
        id=data["id"], judul=data["judul"], model=data["model"],
        bagian=tuple(bagian), aturan=tuple(data.get("aturan", ())),
    )
    unknown = [a for a in spec.aturan if a not in ATURAN]
    if unknown:
        raise ValueError(f"{form_id}: aturan tidak dikenal {unknown}")
    return spec


def _kondisi(text: str) -> tuple[str, bool, str]:
    """`"a=b"` or `"a!=b"` → (field, equal?, value)."""
    if "!=" in text:
        other, _, expected = text.partition("!=")
        return other.strip(), False, expected.strip()
    other, _, expected = text.partition("=")
    return other.strip(), True, expected.strip()


def pilihan_field(f: FieldSpec, konteks: Konteks) -> tuple[tuple[str, str], ...]:
    """(kode, label) choices for a field, from `referensi` or from the case."""
    if f.dinamis:
        return tuple(konteks.pilihan.get(f.pilihan[1:], ()))
    return tuple((p.kode, p.label) for p in referensi.pilihan(f.pilihan))


def periksa_form(spec: FormSpec, mentah: Mapping[str, Any], konteks: Konteks) -> HasilValidasi:
    """Check every applicable field, then the form's cross-field rules."""
    hasil = HasilValidasi()
    for f in spec.fields:
        if not spec.tampil(f, mentah):
            continue
        raw = mentah.get(f.nama)
        try:
            value = _bersihkan(f, raw, konteks)
        except Invalid as exc:
            hasil.galat[f.nama] = str(exc)
            continue
        if f.wajib and value in (None, "", [], ()):
            hasil.galat[f.nama] = "Wajib diisi"
            continue
        hasil.nilai[f.attr] = value
    for nama in spec.aturan:
        ATURAN[nama](spec, mentah, hasil, konteks)
    return hasil


def _bersihkan(f: FieldSpec, raw: Any, k: Konteks) -> Any:  # noqa: PLR0911
    if f.jenis == "centang":
        return bool(raw)
    if f.jenis == "pilihan_banyak":
        kode = [str(x) for x in (raw or [])]
        valid = {c for c, _ in pilihan_field(f, k)}
        if bad := [x for x in kode if x not in valid]:
            raise Invalid(f"Pilihan tidak dikenal: {', '.join(bad)}")
        return kode
    text = "" if raw is None else str(raw).strip()
    if f.maks and len(text) > f.maks:
        raise Invalid(f"Terlalu panjang (maks. {f.maks} karakter)")
    if not text:
        return None if f.jenis in {"tanggal", "waktu", "angka"} else ""
    if f.jenis == "telepon":
        return validasi.normalisasi_telepon(text)
    if f.jenis == "nik":
        return validasi.periksa_nik(text, hari_ini=k.hari_ini).nik
    if f.jenis == "tanggal":
        value = validasi.parse_tanggal(text)
        if not f.masa_depan:
            validasi.tidak_di_masa_depan(value, k.hari_ini)
        return value
    if f.jenis == "waktu":
        local = validasi.parse_waktu(text, hari_ini=k.hari_ini)
        value = local.replace(tzinfo=k.zona).astimezone(k.sekarang.tzinfo)
        validasi.tidak_di_masa_depan(value, k.sekarang)
        batas = k.waktu.get(f.tidak_setelah) if f.tidak_setelah else None
        if batas is not None and value > batas:
            raise Invalid("Tidak boleh setelah waktu pengaduan")
        return value
    if f.jenis == "angka":
        if not text.isdigit():
            raise Invalid("Isi dengan angka")
        return int(text)
    if f.jenis == "pilihan":
        if text not in {c for c, _ in pilihan_field(f, k)}:
            raise Invalid("Pilihan tidak dikenal")
        return text
    if f.jenis == "wilayah":
        return cari_wilayah(text)
    return text


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


def cari_wilayah(text: str) -> str:
    """A kab/kota typed as its code ("19.71", "1971") or its name ("Pangkalpinang")."""
    lowered = text.strip().lower()
    kabkota = referensi.pilihan("kabkota")
    for p in kabkota:
        if lowered in {p.kode, p.kode.replace(".", ""), p.label.lower(), nama_pendek(p.label).lower()}:
            return p.kode
    cocok = [p.kode for p in kabkota if lowered in p.label.lower()]
    if len(cocok) == 1:  # "Pangkalpinang" → Kota Pangkalpinang; "Bangka" is ambiguous
        return cocok[0]
    if referensi.kode_wilayah_valid(lowered):
        digits = lowered.replace(".", "")
        return f"{digits[:2]}.{digits[2:4]}"
    raise Invalid("Kab/kota tidak dikenal: tulis nama atau kode (19.71)")


# ---- cross-field rules, named from specs -------------------------------------------


def _aturan_orang(spec: FormSpec, mentah: Mapping[str, Any], h: HasilValidasi, k: Konteks) -> None:
    """NIK against the date of birth and sex entered (a warning, never a wall), the age
    from the date of birth, and the anak flag."""
    lahir = h.nilai.get("tanggal_lahir")
    if lahir is not None:
        usia = validasi.hitung_usia(lahir, k.hari_ini)
        h.nilai["usia"] = usia
        h.catatan["tanggal_lahir"] = f"Usia {usia} tahun" + (" · ANAK" if usia < 18 else "")
    elif h.nilai.get("usia") is not None:
        h.catatan["usia"] = "ANAK" if validasi.adalah_anak(h.nilai["usia"]) else ""
    h.nilai["anak"] = validasi.adalah_anak(h.nilai.get("usia"))
    nik = h.nilai.get("nik")
    if nik:
        hasil = validasi.periksa_nik(
            nik, tanggal_lahir=lahir, jenis_kelamin=h.nilai.get("jenis_kelamin") or None,
            hari_ini=k.hari_ini,
        )
        if hasil.peringatan:
            h.peringatan["nik"] = "; ".join(hasil.peringatan)
        h.nilai["nik_peringatan"] = "; ".join(hasil.peringatan)


def _aturan_persetujuan_anak(
    spec: FormSpec, mentah: Mapping[str, Any], h: HasilValidasi, k: Konteks
) -> None:
    """A child cannot consent alone: her parent or guardian consents (UU PA)."""
    korban = str(mentah.get("korban_id") or "")
    if korban in k.anak and h.nilai.get("pemberi") == "korban":
        h.galat["pemberi"] = "Korban anak: persetujuan oleh orang tua/wali"
    if h.nilai.get("pemberi") == "orang_tua_wali" and not h.nilai.get("wali_nama"):
        h.galat.setdefault("wali_nama", "Isi nama orang tua/wali")


def _aturan_keluar_setelah_masuk(
    spec: FormSpec, mentah: Mapping[str, Any], h: HasilValidasi, k: Konteks
) -> None:
    masuk, keluar = h.nilai.get("waktu_masuk"), h.nilai.get("waktu_keluar")
    if masuk and keluar and keluar < masuk:
        h.galat["waktu_keluar"] = "Waktu keluar sebelum waktu masuk"


ATURAN: dict[str, Callable[[FormSpec, Mapping[str, Any], HasilValidasi, Konteks], None]] = {
    "orang": _aturan_orang,
    "persetujuan_anak": _aturan_persetujuan_anak,
    "keluar_setelah_masuk": _aturan_keluar_setelah_masuk,
}


def ke_mentah(spec: FormSpec, nilai: Mapping[str, Any], zona: ZoneInfo) -> dict[str, Any]:
    """Stored values (by attribute) → what the widgets show, to edit a saved record."""
    mentah: dict[str, Any] = {}
    for f in spec.fields:
        value = nilai.get(f.attr)
        if value is None:
            continue
        if f.jenis == "centang":
            mentah[f.nama] = bool(value)
        elif f.jenis == "pilihan_banyak":
            mentah[f.nama] = [str(v) for v in value]
        elif f.jenis == "waktu" and isinstance(value, datetime):
            mentah[f.nama] = validasi.format_waktu(value.astimezone(zona).replace(tzinfo=None))
        elif f.jenis == "tanggal" and isinstance(value, date):
            mentah[f.nama] = validasi.format_tanggal(value)
        elif f.jenis == "telepon" and value:
            mentah[f.nama] = validasi.format_telepon(str(value))
        else:
            mentah[f.nama] = str(value)
    return mentah


def bawaan(spec: FormSpec, konteks: Konteks, petugas: str) -> dict[str, Any]:
    """Initial raw values of a new form: spec defaults, with `@sekarang`, `@hari_ini`,
    `@petugas` and `@pemberi` (the consent giver: the guardian when the korban chosen
    above is a child) filled in from the context. A case-bound choice with a single
    option (the only korban) is chosen already."""
    mentah: dict[str, Any] = {}
    for f in spec.fields:
        if f.bawaan is None:
            pilihan = pilihan_field(f, konteks) if f.dinamis and f.jenis == "pilihan" else ()
            if len(pilihan) == 1:
                mentah[f.nama] = pilihan[0][0]
            continue
        if f.bawaan == "@pemberi":
            anak = str(mentah.get("korban_id") or "") in konteks.anak
            mentah[f.nama] = "orang_tua_wali" if anak else "korban"
        elif f.bawaan == "@sekarang":
            local = konteks.sekarang.astimezone(konteks.zona).replace(tzinfo=None, second=0)
            mentah[f.nama] = validasi.format_waktu(local)
        elif f.bawaan == "@hari_ini":
            mentah[f.nama] = validasi.format_tanggal(konteks.hari_ini)
        elif f.bawaan == "@petugas":
            mentah[f.nama] = petugas
        else:
            mentah[f.nama] = f.bawaan
    return mentah


# ---- per keystroke: check what one change can affect --------------------------------

# The fields each cross-field rule reads or writes (by field name or attribute). A rule
# missing here is taken to touch every field, so a new rule is never checked too little.
ATURAN_MEDAN: dict[str, frozenset[str]] = {
    "orang": frozenset({"tanggal_lahir", "usia", "nik", "jenis_kelamin"}),
    "persetujuan_anak": frozenset({"korban_id", "pemberi", "wali_nama"}),
    "keluar_setelah_masuk": frozenset({"waktu_masuk", "waktu_keluar"}),
}


def medan_terkait(spec: FormSpec, nama: str) -> frozenset[str]:
    """The fields whose value, visibility or message may change when `nama` changes:
    itself, the fields shown depending on it, and every field of a rule any of those
    take part in."""
    fields = spec.fields
    terkait = {nama}
    while True:
        lebih = {f.nama for f in fields if f.tampil_jika and f.tampil_jika[0] in terkait}
        for aturan in spec.aturan:
            medan = ATURAN_MEDAN.get(aturan)
            if medan is None:
                return frozenset(f.nama for f in fields)
            ikut = {f.nama for f in fields if f.nama in medan or f.attr in medan}
            if ikut & terkait:
                lebih |= ikut
        if lebih <= terkait:
            return frozenset(terkait)
        terkait |= lebih


def periksa_sebagian(
    spec: FormSpec, mentah: Mapping[str, Any], konteks: Konteks, nama: str,
    terkait: frozenset[str] | None = None,
) -> HasilValidasi:
    """`periksa_form` limited to `medan_terkait(spec, nama)` (pass it in to reuse it)
    and the rules among them: what a keystroke needs. Its messages for those fields
    equal the full check's; the full check still runs before saving."""
    if terkait is None:
        terkait = medan_terkait(spec, nama)
    fields = tuple(f for f in spec.fields if f.nama in terkait)

    def ikut(aturan: str) -> bool:
        medan = ATURAN_MEDAN.get(aturan)
        return medan is None or any(f.nama in medan or f.attr in medan for f in fields)

    aturan = tuple(a for a in spec.aturan if ikut(a))
    sebagian = FormSpec(spec.id, spec.judul, spec.model, (Bagian("", fields),), aturan)
    return periksa_form(sebagian, mentah, konteks)
