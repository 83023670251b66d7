"""Letter numbers: one per letter of a case, kept, so printing it again shows the
same number.

Only documents that leave the unit or are formal records are numbered (see
`dokumen.BERNOMOR`). The number is counted per year in `nomor_surat` with the same
atomic counter as register numbers (`register.naikkan`), written in the unit's
pattern (setting `pola_nomor_surat`), and recorded in `surat` under a key that names
the document, the case and the record it is about (`kunci_surat`).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from ppa_tui.domain import validasi
from ppa_tui.domain.models import NomorSurat, Surat
from ppa_tui.domain.pola_nomor import POLA_BAWAAN, format_nomor
from ppa_tui.domain.register import naikkan


def kunci_surat(dokumen: str, kasus_id: uuid.UUID, ref: uuid.UUID | str | None = None) -> str:
    """`pelimpahan:<kasus>:-`, `rujukan:<kasus>:<rencana>`: one letter, one number."""
    return f"{dokumen}:{kasus_id}:{ref or '-'}"


def cari_surat(session: Session, kunci: str) -> Surat | None:
    return session.exec(
        select(Surat).where(Surat.kunci == kunci).where(col(Surat.deleted_at).is_(None))
    ).first()


def beri_nomor(
    session: Session,
    *,
    dokumen: str,
    kasus_id: uuid.UUID,
    ref: uuid.UUID | str | None,
    sekarang: datetime,
    pola: str = POLA_BAWAAN,
    zona: str = "Asia/Jakarta",
    petugas: str = "",
) -> Surat:
    """The letter's number: the one it already has, else the next of this (local) year.

    Two desks numbering the same letter at once: the second one's insert meets the
    first one's key, its savepoint (counter bump included) is rolled back and it takes
    the first one's number, so no number is lost or given twice."""
    kunci = kunci_surat(dokumen, kasus_id, ref)
    if (ada := cari_surat(session, kunci)) is not None:
        return ada
    hari = sekarang.astimezone(ZoneInfo(zona)).date()
    titik = session.begin_nested()
    try:
        urut = naikkan(session, NomorSurat.__table__, hari.year)
        row = Surat(kunci=kunci, kasus_id=kasus_id, dokumen=dokumen,
                    nomor=format_nomor(pola, urut, hari), tahun=hari.year, urutan=urut,
                    petugas=validasi.bersihkan_kontrol(petugas)[:100],
                    created_at=sekarang, updated_at=sekarang)
        session.add(row)
        session.flush()
    except IntegrityError:
        titik.rollback()
        if (ada := cari_surat(session, kunci)) is None:
            raise
        return ada
    titik.commit()
    return row


def tanggal_surat(row: Surat, zona: str = "Asia/Jakarta") -> date:
    """The letter's date: the (local) day it was numbered, the same on every reprint."""
    return row.created_at.astimezone(ZoneInfo(zona)).date()
