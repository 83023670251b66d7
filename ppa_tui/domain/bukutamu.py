"""The buku tamu (SOP Layanan step 1): every guest, and a case for every complaint."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col

from ppa_tui.domain.clock import Clock
from ppa_tui.domain.kasus import AturanDilanggar, TidakDitemukan, buka_kasus, terapkan
from ppa_tui.domain.models import BukuTamu, Kasus
from ppa_tui.domain.validasi import bersihkan_kontrol

JALUR_KEPERLUAN = {"pengaduan": "dasar", "rujukan": "rujukan"}  # purposes that open a case


def catat_tamu(
    session: Session, nilai: Mapping[str, Any], *, clock: Clock, petugas: str = "",
    zona: str = "Asia/Jakarta", kalender: Any = None,
) -> tuple[BukuTamu, Kasus | None]:
    """Record a guest. A guest who comes to complain gets a case at once, its first
    step's clock running from the moment of arrival (not from when we saved); one who
    brings a referral from a kab/kota gets a case on the rujukan track."""
    petugas = bersihkan_kontrol(petugas)
    tamu = BukuTamu(waktu_masuk=nilai.get("waktu_masuk") or clock.now(), petugas=petugas)
    terapkan(tamu, nilai)
    if tamu.jenis_identitas == "tidak_ada":
        tamu.nomor_identitas = ""
    kasus = None
    if tamu.keperluan in JALUR_KEPERLUAN:
        kasus = buka_kasus(session, waktu_diterima=tamu.waktu_masuk, petugas=petugas, zona=zona,
                           jalur=JALUR_KEPERLUAN[tamu.keperluan], kalender=kalender,
                           saluran=tamu.saluran)
        tamu.kasus_id = kasus.id
    session.add(tamu)
    return tamu, kasus


class SudahAdaKasus(AturanDilanggar):
    """The guest already has a case: a second one would split her record."""


def jadikan_pengaduan(
    session: Session, tamu_id: uuid.UUID, *, petugas: str = "", zona: str = "Asia/Jakarta",
) -> Kasus:
    """A guest who came to consult (or to ask) decides to complain: open her case as
    `catat_tamu` would have, its first step running from her arrival, and link it.
    The purpose she came with stays as recorded. A guest with a case is refused.

    The guest's row is claimed with a write before it is read, so two desks cannot
    both open a case: the second waits, then sees the first one's (a row lock on
    PostgreSQL, the write lock on SQLite, whatever the transaction's start)."""
    session.execute(
        update(BukuTamu).where(col(BukuTamu.id) == tamu_id).values(kasus_id=BukuTamu.kasus_id)
    )
    tamu = session.get(BukuTamu, tamu_id, populate_existing=True)
    if tamu is None or tamu.deleted_at is not None:
        raise TidakDitemukan(f"tamu {tamu_id}")
    if tamu.kasus_id is not None:
        lama = session.get(Kasus, tamu.kasus_id)
        nomor = f" ({lama.nomor_register})" if lama is not None else ""
        raise SudahAdaKasus(f"Tamu ini sudah punya kasus{nomor}")
    kasus = buka_kasus(session, waktu_diterima=tamu.waktu_masuk, petugas=petugas, zona=zona,
                       saluran=tamu.saluran)
    tamu.kasus_id = kasus.id
    session.add(tamu)
    return kasus


def catat_keluar(session: Session, tamu_id: uuid.UUID, clock: Clock) -> BukuTamu:
    """Stamp the guest's time out (now); an existing time out is kept."""
    tamu = session.get(BukuTamu, tamu_id)
    if tamu is None or tamu.deleted_at is not None:
        raise TidakDitemukan(f"tamu {tamu_id}")
    if tamu.waktu_keluar is None:
        tamu.waktu_keluar = max(clock.now(), tamu.waktu_masuk)
        session.add(tamu)
    return tamu
