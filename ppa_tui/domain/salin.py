"""Data typed once: a new form starts with what the case already knows, and a key on
the korban form copies the pelapor's address.

Which form takes what from which record is data (`ISIAN_AWAL`, `SALINAN`); the
functions turn stored values into the raw values a widget shows, like `ke_mentah`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from ppa_tui.domain import referensi, validasi
from ppa_tui.domain.forms import FormSpec, ke_mentah
from ppa_tui.domain.models import BukuTamu

HUBUNGAN_WALI = frozenset({"orang_tua", "wali"})  # a pelapor who may consent for a child


def dari_tamu(spec: FormSpec, tamu: Mapping[str, Any], zona: ZoneInfo) -> dict[str, Any]:
    """The buku tamu guest's name, phone and address, for the pelapor of her case."""
    medan = ("nama", "telepon", "alamat", "kabkota_kode")
    return _isi(ke_mentah(spec, {k: tamu.get(k) for k in medan}, zona))


def wali_dari_pelapor(spec: FormSpec, pelapor: Mapping[str, Any],
                      zona: ZoneInfo) -> dict[str, Any]:
    """A pelapor who is the parent (or guardian) is the consent's wali."""
    hubungan = str(pelapor.get("hubungan") or "")
    if hubungan not in HUBUNGAN_WALI:
        return {}
    telepon = str(pelapor.get("telepon") or "")
    return _isi({
        "wali_nama": str(pelapor.get("nama") or ""),
        "wali_hubungan": referensi.label("hubungan_pelapor", hubungan),
        "wali_nik": str(pelapor.get("nik") or ""),
        "wali_telepon": validasi.format_telepon(telepon) if telepon else "",
    })


def alamat_dari(spec: FormSpec, sumber: Mapping[str, Any], zona: ZoneInfo) -> dict[str, Any]:
    """Address and kab/kota, as the target form shows them."""
    return _isi(ke_mentah(spec, {k: sumber.get(k) for k in ("alamat", "kabkota_kode")}, zona))


def _isi(mentah: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mentah.items() if v not in (None, "")}


Pengisi = Callable[[FormSpec, Mapping[str, Any], ZoneInfo], dict[str, Any]]

# A new form of the key starts with values from the case's record of the form named.
ISIAN_AWAL: dict[str, tuple[str, Pengisi]] = {
    "pelapor": ("buku_tamu", dari_tamu),
    "persetujuan": ("pelapor", wali_dari_pelapor),
}


@dataclass(frozen=True)
class Salinan:
    """A key on a form that copies fields from another record of the case."""

    tombol: str  # Textual key name
    judul: str  # the footer's label
    sumber: str  # the form id of the record copied from
    isi: Pengisi


SALINAN: dict[str, Salinan] = {
    "korban": Salinan("f3", "Salin alamat pelapor", "pelapor", alamat_dari),
}


def isian_awal(spec: FormSpec, mentah: Mapping[str, Any], sumber: Mapping[str, Mapping[str, Any]],
               zona: ZoneInfo) -> dict[str, Any]:
    """`mentah` of a new form, with its empty fields filled from `sumber` (form id →
    stored values of the case's records)."""
    aturan = ISIAN_AWAL.get(spec.id)
    if aturan is None or not sumber.get(aturan[0]):
        return dict(mentah)
    tambahan = aturan[1](spec, sumber[aturan[0]], zona)
    return {**mentah, **{k: v for k, v in tambahan.items() if not mentah.get(k)}}


def nilai_tamu(session: Session, kasus_id: uuid.UUID) -> dict[str, Any] | None:
    """What the buku tamu row that opened the case says (the first, if several)."""
    row = session.exec(
        select(BukuTamu).where(col(BukuTamu.kasus_id) == kasus_id,
                               col(BukuTamu.deleted_at).is_(None))
        .order_by(col(BukuTamu.waktu_masuk))
    ).first()
    return row.model_dump() if row is not None else None
