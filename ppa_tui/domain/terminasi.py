"""Closing a case (terminasi) and reopening it. Nothing is deleted: a closed case stays
reachable, its history whole, and may be reopened with a reason."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlmodel import Session, col, select

from ppa_tui.domain import validasi
from ppa_tui.domain.clock import Clock
from ppa_tui.domain.kasus import AturanDilanggar, ambil_kasus, baris_kasus
from ppa_tui.domain.langkah import hentikan_semua, lanjutkan_yang_dihentikan
from ppa_tui.domain.models import Terminasi
from ppa_tui.domain.pengelolaan import penampungan_terbuka

DITUTUP = "selesai"
AKTIF = "aktif"


def terminasi_terakhir(session: Session, kasus_id: uuid.UUID) -> Terminasi | None:
    return session.exec(
        select(Terminasi).where(Terminasi.kasus_id == kasus_id)
        .where(col(Terminasi.deleted_at).is_(None))
        .order_by(col(Terminasi.created_at).desc())
    ).first()


def tutup_kasus(session: Session, kasus_id: uuid.UUID, nilai: Mapping[str, Any],
                clock: Clock, petugas: str = "",
                terminasi_id: uuid.UUID | None = None) -> Terminasi:
    """Close the case: running steps stop (never counted as done), the closure is
    recorded with its reason and checklist. Refused while the korban is still in
    the shelter: her stay must end first. With `terminasi_id`, the record is edited."""
    kasus = ambil_kasus(session, kasus_id)
    if terminasi_id is not None:
        row = baris_kasus(session, Terminasi, kasus_id, terminasi_id, nilai)
        session.add(row)
        return row
    if kasus.status == DITUTUP:
        raise AturanDilanggar("Kasus ini sudah ditutup")
    if penampungan_terbuka(session, kasus_id):
        raise AturanDilanggar(
            "Korban masih di penampungan sementara: catat waktu keluarnya dulu")
    row = baris_kasus(session, Terminasi, kasus_id, None, nilai)
    row.petugas = row.petugas or validasi.bersihkan_kontrol(petugas)
    now = clock.now()
    hentikan_semua(session, kasus_id, now)
    kasus.status = DITUTUP
    session.add(kasus)
    session.add(row)
    return row


def buka_kembali(session: Session, kasus_id: uuid.UUID, alasan: str, clock: Clock,
                 petugas: str = "", kalender: Any = None) -> Terminasi:
    """Reopen a closed case: the closure is stamped (not removed), and the steps it
    stopped run again from now."""
    kasus = ambil_kasus(session, kasus_id)
    row = terminasi_terakhir(session, kasus_id)
    if kasus.status != DITUTUP or row is None:
        raise AturanDilanggar("Kasus ini tidak sedang ditutup")
    alasan = validasi.bersihkan_kontrol(alasan, baris=True).strip()
    if not alasan:
        raise AturanDilanggar("Tulis alasan membuka kembali kasus ini")
    now = clock.now()
    row.dibuka_kembali_at = now
    row.alasan_buka_kembali = alasan
    row.dibuka_kembali_oleh = validasi.bersihkan_kontrol(petugas)
    session.add(row)
    kasus.status = AKTIF
    session.add(kasus)
    lanjutkan_yang_dihentikan(session, kasus, _waktu_tutup(session, kasus_id), now, petugas,
                              kalender)
    return row


def _waktu_tutup(session: Session, kasus_id: uuid.UUID):  # noqa: ANN202
    """When the last closure stopped the steps (their shared finish time)."""
    from ppa_tui.domain.langkah import DIHENTIKAN
    from ppa_tui.domain.models import LangkahKasus

    return session.exec(
        select(LangkahKasus.finished_at).where(LangkahKasus.kasus_id == kasus_id)
        .where(LangkahKasus.keputusan == DIHENTIKAN)
        .order_by(col(LangkahKasus.finished_at).desc())
    ).first()
