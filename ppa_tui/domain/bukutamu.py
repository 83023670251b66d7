"""The buku tamu (SOP Layanan step 1): every guest, and a case for every complaint."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from ppa_tui.domain.clock import Clock
from ppa_tui.domain.kasus import TidakDitemukan, buka_kasus, terapkan
from ppa_tui.domain.models import BukuTamu, Kasus
from ppa_tui.domain.validasi import bersihkan_kontrol


def catat_tamu(
    session: Session, nilai: Mapping[str, Any], *, clock: Clock, petugas: str = "",
    zona: str = "Asia/Jakarta",
) -> tuple[BukuTamu, Kasus | None]:
    """Record a guest. A guest who comes to complain gets a case at once, its first
    step's clock running from the moment of arrival (not from when we saved)."""
    petugas = bersihkan_kontrol(petugas)
    tamu = BukuTamu(waktu_masuk=nilai.get("waktu_masuk") or clock.now(), petugas=petugas)
    terapkan(tamu, nilai)
    if tamu.jenis_identitas == "tidak_ada":
        tamu.nomor_identitas = ""
    kasus = None
    if tamu.keperluan == "pengaduan":
        kasus = buka_kasus(session, diterima_at=tamu.waktu_masuk, petugas=petugas, zona=zona)
        tamu.kasus_id = kasus.id
    session.add(tamu)
    return tamu, kasus


def catat_keluar(session: Session, tamu_id: uuid.UUID, clock: Clock) -> BukuTamu:
    """Stamp the guest's time out (now); an existing time out is kept."""
    tamu = session.get(BukuTamu, tamu_id)
    if tamu is None or tamu.deleted_at is not None:
        raise TidakDitemukan(f"tamu {tamu_id}")
    if tamu.waktu_keluar is None:
        tamu.waktu_keluar = max(clock.now(), tamu.waktu_masuk)
        session.add(tamu)
    return tamu
