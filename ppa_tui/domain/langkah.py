"""Walking a case through its SOP: start, finish and read the active step.

Deadlines are stored (`started_at + batas`) when a step starts, so the countdown is
the same after a restart, a crash or a move to another laptop. Finishing a step keeps
its actual duration for the unit's mutu baku figures.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Session, col, select

from ppa_tui.domain.clock import Clock, deadline_of
from ppa_tui.domain.models import Kasus, LangkahKasus
from ppa_tui.domain.sop import load_sop


def mulai_langkah(
    session: Session, kasus: Kasus, langkah_kode: str, started_at: datetime, petugas: str = ""
) -> LangkahKasus:
    step = load_sop(kasus.sop_kode).langkah_by_kode(langkah_kode)
    row = LangkahKasus(
        kasus_id=kasus.id,
        sop_kode=kasus.sop_kode,
        langkah_kode=step.kode,
        started_at=started_at,
        deadline_at=deadline_of(started_at, step.batas),
        petugas=petugas,
    )
    session.add(row)
    return row


def langkah_aktif(session: Session, kasus_id: uuid.UUID) -> LangkahKasus | None:
    return session.exec(
        select(LangkahKasus)
        .where(LangkahKasus.kasus_id == kasus_id)
        .where(col(LangkahKasus.finished_at).is_(None))
        .where(col(LangkahKasus.deleted_at).is_(None))
        .order_by(col(LangkahKasus.started_at).desc())
    ).first()


class TidakAdaLangkahAktif(Exception):
    """The case has no running step (already finished its track)."""


def selesaikan_langkah(
    session: Session, kasus_id: uuid.UUID, clock: Clock, petugas: str = ""
) -> LangkahKasus | None:
    """Finish the active step now and start the next one of the same track.

    Returns the new active step, or None when the track is complete (the case is
    then marked `selesai_jalur`, e.g. handed over by pelimpahan after step 3)."""
    kasus = session.get(Kasus, kasus_id)
    aktif = langkah_aktif(session, kasus_id)
    if kasus is None or aktif is None:
        raise TidakAdaLangkahAktif(str(kasus_id))
    now = clock.now()
    aktif.finished_at = now
    aktif.durasi_detik = max(0, int((now - aktif.started_at).total_seconds()))
    session.add(aktif)
    berikut = load_sop(kasus.sop_kode).berikutnya(aktif.langkah_kode)
    if berikut is None:
        kasus.status = "selesai_jalur"
        session.add(kasus)
        return None
    return mulai_langkah(session, kasus, berikut.kode, now, petugas)
