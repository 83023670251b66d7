"""Reference value lists (``data/referensi.toml``) and wilayah codes.

Every choice a form offers comes from ``data/referensi.toml``; the
unit may edit that file without a code change.  This module only reads it.

Wilayah (province / kab-kota) codes are Kemendagri codes, the first four
digits of a NIK.  A code is accepted when it is in the data file's
Kemendagri table, in python-stdnum's ``id/loc`` database (which uses BPS
codes: same shape, partly different numbering) or in a province listed as
``provinsi_longgar`` (Papua, renumbered in 2022; old NIKs keep old codes).
Names are shown only from the data file, never from stdnum, because stdnum's
BPS numbering gives the wrong name for many NIK codes.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from ppa_tui.domain.sumber import folder

__all__ = [
    "Pilihan",
    "daftar_nama",
    "kecamatan",
    "kelompok_usia",
    "kode_kelompok_usia",
    "kode_provinsi_valid",
    "kode_wilayah_valid",
    "label",
    "lembaga_penerima",
    "nama_wilayah",
    "normalisasi_kode_wilayah",
    "pilihan",
    "simfoni",
    "tabel",
]

_BERKAS = "referensi.toml"
_KODE_POLA = re.compile(r"[a-z0-9]+(?:[._][a-z0-9]+)*")


@dataclass(frozen=True)
class Pilihan:
    """One choice of a value list: stored ``kode``, shown ``label``, and the
    SIMFONI-PPA value it is reported as (None when not reported)."""

    kode: str
    label: str
    simfoni: str | None = None


@cache
def _data() -> dict[str, Any]:
    teks = folder("data").joinpath(_BERKAS).read_bytes()
    data = tomllib.loads(teks.decode("utf-8"))
    _periksa(data)
    return data


def _adalah_daftar(nilai: Any) -> bool:
    return isinstance(nilai, list) and bool(nilai) and all(isinstance(x, dict) for x in nilai)


def _periksa(data: dict[str, Any]) -> None:
    """Fail loudly (at first use) on a malformed edit of the data file."""
    for nama, nilai in data.items():
        if not _adalah_daftar(nilai):
            continue
        dilihat: set[str] = set()
        for entri in nilai:
            kode = entri.get("kode")
            if not isinstance(kode, str) or not _KODE_POLA.fullmatch(kode):
                raise ValueError(f"{_BERKAS}: [[{nama}]] kode tidak sah: {kode!r}")
            if kode in dilihat:
                raise ValueError(f"{_BERKAS}: [[{nama}]] kode ganda: {kode!r}")
            dilihat.add(kode)
            if not isinstance(entri.get("label"), str) or not entri["label"].strip():
                raise ValueError(f"{_BERKAS}: [[{nama}]] {kode!r} tanpa label")
            if "simfoni" in entri and not isinstance(entri["simfoni"], str):
                raise ValueError(f"{_BERKAS}: [[{nama}]] {kode!r} simfoni bukan teks")
    lembaga = {e.get("kode") for e in data.get("lembaga_persetujuan", ())}
    for nama in _BERLEMBAGA:
        for entri in data.get(nama, ()):
            if "lembaga" in entri and entri["lembaga"] not in lembaga:
                raise ValueError(f"{_BERKAS}: [[{nama}]] {entri.get('kode')!r} lembaga "
                                 f"{entri['lembaga']!r} tidak ada di [[lembaga_persetujuan]]")


_BERLEMBAGA = ("layanan", "tujuan_pelimpahan")
"""Lists whose entries name the kind of agency (`lembaga`) their letters go to."""


@cache
def daftar_nama() -> tuple[str, ...]:
    """Names of every value list in the data file, in file order."""
    return tuple(nama for nama, nilai in _data().items() if _adalah_daftar(nilai))


def _entri(nama: str) -> list[dict[str, Any]]:
    nilai = _data().get(nama)
    if not _adalah_daftar(nilai):
        raise KeyError(
            f"Daftar referensi tidak dikenal: {nama!r} (ada: {', '.join(daftar_nama())})"
        )
    return nilai


@cache
def pilihan(nama: str) -> tuple[Pilihan, ...]:
    """The choices of list ``nama`` in display order.

    Raises KeyError naming the known lists when ``nama`` is not one of them.
    """
    return tuple(
        Pilihan(kode=e["kode"], label=e["label"], simfoni=e.get("simfoni")) for e in _entri(nama)
    )


@cache
def _per_kode(nama: str) -> dict[str, Pilihan]:
    return {p.kode: p for p in pilihan(nama)}


def label(nama: str, kode: str) -> str:
    """Display label of ``kode`` in list ``nama``; the kode itself when either
    is unknown (display must never fail on an old or edited value)."""
    try:
        p = _per_kode(nama).get(kode)
    except KeyError:
        return kode
    return p.label if p else kode


def simfoni(nama: str, kode: str) -> str | None:
    """SIMFONI-PPA value ``kode`` is reported as; None when the list has no
    mapping for it.  Raises KeyError on an unknown list name."""
    p = _per_kode(nama).get(kode)
    return p.simfoni if p else None


def tabel(nama: str) -> dict[str, Any]:
    """A plain table of the data file (e.g. `[penampungan]`); {} when absent."""
    nilai = _data().get(nama, {})
    return dict(nilai) if isinstance(nilai, dict) else {}


def lembaga_penerima(nama: str, kode: str) -> str:
    """The kind of agency (list `lembaga_persetujuan`) a letter about entry `kode` of
    list `nama` (a `layanan`, a `tujuan_pelimpahan`) goes to, whose consent decides
    what personal data it may carry: the entry's `lembaga`; without one, "psikolog"
    for a code that names it, else "lainnya"."""
    for e in _entri(nama):
        if e["kode"] == kode and "lembaga" in e:
            return e["lembaga"]
    return "psikolog" if "psikolog" in (kode or "") else "lainnya"


def kelompok_usia(usia: int) -> str:
    """SIMFONI-PPA age group (e.g. "13–17") for an age in whole years."""
    kode = kode_kelompok_usia(usia)
    return simfoni("kelompok_usia", kode) or label("kelompok_usia", kode)


def kode_kelompok_usia(usia: int) -> str:
    """The stored code (e.g. "usia_13_17") of the age group for an age in whole years."""
    if usia < 0:
        raise ValueError(f"Usia tidak boleh negatif: {usia}")
    for e in _entri("kelompok_usia"):
        if e["min"] <= usia and ("max" not in e or usia <= e["max"]):
            return e["kode"]
    raise ValueError(f"Tidak ada kelompok usia untuk {usia} tahun")


@cache
def _kecamatan() -> dict[str, tuple[str, ...]]:
    teks = folder("data").joinpath("kecamatan_babel.toml").read_bytes()
    data = tomllib.loads(teks.decode("utf-8"))
    return {e["kabkota"]: tuple(e["nama"]) for e in data.get("kecamatan", ())}


def kecamatan(kabkota_kode: str | None = None) -> tuple[str, ...]:
    """Kecamatan names of one kab/kota of the province (data/kecamatan_babel.toml), or
    of all of them; empty for a kab/kota elsewhere (typed as free text there)."""
    data = _kecamatan()
    if kabkota_kode is not None:
        return data.get(kabkota_kode, ())
    return tuple(n for names in data.values() for n in names)


# --- wilayah ---------------------------------------------------------------


def normalisasi_kode_wilayah(kode: str) -> str | None:
    """ "19.71", "1971", " 19 71 " -> "19.71"; "19" -> "19"; else None."""
    angka = re.sub(r"[\s.]", "", kode or "")
    if not angka.isascii() or not angka.isdigit():
        return None
    if len(angka) == 4:
        return f"{angka[:2]}.{angka[2:]}"
    if len(angka) == 2:
        return angka
    return None


@cache
def _nama_wilayah_tabel() -> dict[str, str]:
    wilayah = _data().get("wilayah", {})
    nama = dict(wilayah.get("nama", {}))
    nama.update({p.kode: p.label for p in pilihan("kabkota")})
    return nama


@cache
def _provinsi_longgar() -> frozenset[str]:
    return frozenset(_data().get("wilayah", {}).get("provinsi_longgar", ()))


def _dikenal_stdnum(kode4: str) -> bool:
    from stdnum import numdb

    info = numdb.get("id/loc").info(kode4)
    return len(info) >= 2 and bool(info[0][1]) and bool(info[1][1])


def kode_provinsi_valid(kode: str) -> bool:
    """True for a known Indonesian province code ("19")."""
    k = normalisasi_kode_wilayah(kode)
    if k is None or len(k) != 2:
        return False
    if k in _nama_wilayah_tabel() or k in _provinsi_longgar():
        return True
    from stdnum import numdb

    return bool(numdb.get("id/loc").info(k)[0][1])


def kode_wilayah_valid(kode: str) -> bool:
    """True for a known Indonesian kab/kota code, "19.71" or "1971"."""
    k = normalisasi_kode_wilayah(kode)
    if k is None or len(k) != 5 or k.endswith(".00"):
        return False
    if k in _nama_wilayah_tabel() or k[:2] in _provinsi_longgar():
        return True
    return _dikenal_stdnum(k.replace(".", ""))


def nama_wilayah(kode: str) -> str | None:
    """Name of a kab/kota ("19.71" -> "Kota Pangkalpinang") or province
    ("19"); None when the code is not in the data file."""
    k = normalisasi_kode_wilayah(kode)
    if k is None:
        return None
    return _nama_wilayah_tabel().get(k)
