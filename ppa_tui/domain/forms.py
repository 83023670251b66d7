"""Form specs (`screens/*.toml`) and their validation, without a terminal.

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
from typing import Any
from zoneinfo import ZoneInfo

from ppa_tui.domain import referensi, validasi
from ppa_tui.domain.jenis import (  # re-exported: the form engine's vocabulary
    JENIS,
    cari_wilayah,
    nama_pendek,
    pilihan_field,
    saran_wilayah,
    tanggal_saja,
)
from ppa_tui.domain.sumber import folder
from ppa_tui.domain.validasi import Invalid

__all__ = [
    "JENIS", "Bagian", "FieldSpec", "FormSpec", "HasilValidasi", "Konteks", "bawaan",
    "cari_wilayah", "ke_mentah", "load_form", "nama_pendek", "periksa_form",
    "pilihan_field", "saran_wilayah",
]


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
    maks: int = 0  # the longest text accepted, in characters (0: no limit)
    masa_depan: bool = False  # a date that may lie ahead (a deadline, e.g. tenggat)
    nilai_min: int = 0  # `angka`: the smallest and largest number accepted
    nilai_maks: int = validasi.BATAS_INT
    tanpa_jam: str = ""  # `tanggal_jam`: the attribute that records "a date alone"

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
    (e.g. `waktu_diterima` for "kejadian not after the complaint") and dynamic choices."""

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
    path = folder("screens") / f"{form_id}.toml"
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
            _periksa_batas(form_id, spec, set(raw))
            if JENIS[spec.jenis].daftar and not spec.dinamis:
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
    for f in spec.fields:
        if (f.jenis == "tanggal_jam") != bool(f.tanpa_jam) or (
            f.tanpa_jam and "tanpa_jam" not in spec.aturan
        ):
            raise ValueError(f"{form_id}.{f.nama}: tanggal_jam perlu tanpa_jam dan aturannya")
    return spec


def _periksa_batas(form_id: str, spec: FieldSpec, kunci: set[str]) -> None:
    """A number's range is the spec's, and never wider than its column."""
    if spec.jenis != "angka" and {"nilai_min", "nilai_maks"} & kunci:
        raise ValueError(f"{form_id}.{spec.nama}: nilai_min/nilai_maks hanya untuk angka")
    if not 0 <= spec.nilai_min <= spec.nilai_maks <= validasi.BATAS_INT:
        raise ValueError(f"{form_id}.{spec.nama}: batas angka tidak masuk akal")


def _kondisi(text: str) -> tuple[str, bool, str]:
    """`"a=b"` or `"a!=b"` → (field, equal?, value)."""
    if "!=" in text:
        other, _, expected = text.partition("!=")
        return other.strip(), False, expected.strip()
    other, _, expected = text.partition("=")
    return other.strip(), True, expected.strip()


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


def _bersihkan(f: FieldSpec, raw: Any, k: Konteks) -> Any:
    """Typed value of one field by its kind (`jenis.JENIS`); raises `Invalid`."""
    jenis = JENIS[f.jenis]
    if not jenis.teks:
        return jenis.baca(f, raw, k)
    text = "" if raw is None else validasi.bersihkan_kontrol(str(raw), baris=jenis.baris).strip()
    if f.maks and len(text) > f.maks:
        raise Invalid(f"Terlalu panjang (maks. {f.maks} karakter)")
    if not text:
        return jenis.kosong
    return jenis.baca(f, text, k)


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
    if pesan := validasi.pemberi_persetujuan_ditolak(korban in k.anak, h.nilai.get("pemberi")):
        h.galat["pemberi"] = pesan
    if h.nilai.get("pemberi") == "orang_tua_wali" and not h.nilai.get("wali_nama"):
        h.galat.setdefault("wali_nama", "Isi nama orang tua/wali")


def _aturan_keluar_setelah_masuk(
    spec: FormSpec, mentah: Mapping[str, Any], h: HasilValidasi, k: Konteks
) -> None:
    masuk, keluar = h.nilai.get("waktu_masuk"), h.nilai.get("waktu_keluar")
    if masuk and keluar and keluar < masuk:
        h.galat["waktu_keluar"] = "Waktu keluar sebelum waktu masuk"


def _aturan_tanpa_jam(
    spec: FormSpec, mentah: Mapping[str, Any], h: HasilValidasi, k: Konteks
) -> None:
    """A `tanggal_jam` typed as a date alone: its `tanpa_jam` attribute says so, so
    the stored midnight is never read (or shown) as a real hour."""
    for f in spec.fields:
        if not f.tanpa_jam or f.nama in h.galat or not spec.tampil(f, mentah):
            continue
        teks = validasi.bersihkan_kontrol(str(mentah.get(f.nama) or "")).strip()
        h.nilai[f.tanpa_jam] = bool(teks) and tanggal_saja(teks) is not None


def _aturan_daftar_periksa_terminasi(
    spec: FormSpec, mentah: Mapping[str, Any], h: HasilValidasi, k: Konteks
) -> None:
    """Closing with a box of the checklist unticked is allowed (the client may be
    unreachable), but the officer confirms past a warning."""
    for nama, teks in (("kebutuhan_terpenuhi", "Kebutuhan belum dipastikan terpenuhi"),
                       ("korban_aman", "Keamanan korban belum dipastikan"),
                       ("ditinjau_kasi", "Belum ditinjau Kasi")):
        if not h.nilai.get(nama):
            h.peringatan[nama] = teks


ATURAN: dict[str, Callable[[FormSpec, Mapping[str, Any], HasilValidasi, Konteks], None]] = {
    "orang": _aturan_orang,
    "persetujuan_anak": _aturan_persetujuan_anak,
    "keluar_setelah_masuk": _aturan_keluar_setelah_masuk,
    "tanpa_jam": _aturan_tanpa_jam,
    "daftar_periksa_terminasi": _aturan_daftar_periksa_terminasi,
}


def ke_mentah(spec: FormSpec, nilai: Mapping[str, Any], zona: ZoneInfo) -> dict[str, Any]:
    """Stored values (by attribute) → what the widgets show, to edit a saved record."""
    mentah: dict[str, Any] = {}
    for f in spec.fields:
        value = nilai.get(f.attr)
        if f.tanpa_jam and nilai.get(f.tanpa_jam) and isinstance(value, datetime):
            value = value.astimezone(zona).date()  # shown as typed: the date alone
        if value is not None:
            mentah[f.nama] = JENIS[f.jenis].tampil(value, zona)
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

# The fields each cross-field rule reads or writes (by field name or attribute), or how
# to find them in a spec. A rule missing here is taken to touch every field, so a new
# rule is never checked too little.
ATURAN_MEDAN: dict[str, frozenset[str] | Callable[[FormSpec], frozenset[str]]] = {
    "orang": frozenset({"tanggal_lahir", "usia", "nik", "jenis_kelamin"}),
    "persetujuan_anak": frozenset({"korban_id", "pemberi", "wali_nama"}),
    "keluar_setelah_masuk": frozenset({"waktu_masuk", "waktu_keluar"}),
    "tanpa_jam": lambda spec: frozenset(f.nama for f in spec.fields if f.tanpa_jam),
    "daftar_periksa_terminasi": frozenset({"kebutuhan_terpenuhi", "korban_aman",
                                           "ditinjau_kasi"}),
}


def _medan_aturan(spec: FormSpec, aturan: str) -> frozenset[str] | None:
    """The fields `aturan` touches in `spec`; None when unknown (then: every field)."""
    medan = ATURAN_MEDAN.get(aturan)
    return medan(spec) if callable(medan) else medan


def medan_terkait(spec: FormSpec, nama: str) -> frozenset[str]:
    """The fields whose value, visibility or message may change when `nama` changes:
    itself, the fields shown depending on it, and every field of a rule any of those
    take part in."""
    fields = spec.fields
    terkait = {nama}
    while True:
        lebih = {f.nama for f in fields if f.tampil_jika and f.tampil_jika[0] in terkait}
        for aturan in spec.aturan:
            medan = _medan_aturan(spec, aturan)
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
        medan = _medan_aturan(spec, aturan)
        return medan is None or any(f.nama in medan or f.attr in medan for f in fields)

    aturan = tuple(a for a in spec.aturan if ikut(a))
    sebagian = FormSpec(spec.id, spec.judul, spec.model, (Bagian("", fields),), aturan)
    return periksa_form(sebagian, mentah, konteks)
