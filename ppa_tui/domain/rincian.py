"""Rows that belong to a person of a case rather than to the case: the bentuk
kekerasan a korban suffered, the ragam disabilitas of a person, and how each pelaku
is related to each korban. SIMFONI-PPA counts per korban, so these are rows (the
recap counts them with GROUP BY), never text.

Every set is replaced the same way: rows no longer chosen are marked deleted (never
removed, so a merge of an outreach laptop can see what changed), new ones added."""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable

from sqlmodel import Session, col, select

from ppa_tui.domain.models import (
    DisabilitasPihak,
    HubunganKorbanPelaku,
    KekerasanKasus,
    Pihak,
    utcnow,
)

TANPA_DISABILITAS = "tidak_ada"


def bentuk_tersimpan(session: Session, kasus_id: uuid.UUID,
                     korban_id: uuid.UUID | None) -> list[str]:
    """The bentuk kekerasan recorded for the case as a whole (`korban_id` None) or
    for one korban only."""
    return [r.bentuk for r in _kekerasan(session, kasus_id, korban_id)]


def ganti_bentuk(session: Session, kasus_id: uuid.UUID, korban_id: uuid.UUID | None,
                 pilihan: Iterable[str]) -> None:
    baru = set(pilihan)
    for row in _kekerasan(session, kasus_id, korban_id):
        if row.bentuk in baru:
            baru.discard(row.bentuk)
        else:
            row.deleted_at = utcnow()
            session.add(row)
    for bentuk in sorted(baru):
        session.add(KekerasanKasus(kasus_id=kasus_id, korban_id=korban_id, bentuk=bentuk))


def _kekerasan(session: Session, kasus_id: uuid.UUID,
               korban_id: uuid.UUID | None) -> list[KekerasanKasus]:
    q = (select(KekerasanKasus).where(KekerasanKasus.kasus_id == kasus_id)
         .where(col(KekerasanKasus.deleted_at).is_(None))
         .order_by(col(KekerasanKasus.created_at), col(KekerasanKasus.bentuk)))
    q = q.where(col(KekerasanKasus.korban_id).is_(None) if korban_id is None
                else KekerasanKasus.korban_id == korban_id)
    return list(session.exec(q))


def ragam_tersimpan(session: Session, pihak_id: uuid.UUID) -> list[str]:
    return [r.ragam for r in _disabilitas(session, pihak_id)]


def ganti_ragam(session: Session, pihak_id: uuid.UUID, pilihan: Iterable[str]) -> None:
    """"Tidak ada" is the absence of rows, not a row: a person cannot be both."""
    baru = {p for p in pilihan if p != TANPA_DISABILITAS}
    for row in _disabilitas(session, pihak_id):
        if row.ragam in baru:
            baru.discard(row.ragam)
        else:
            row.deleted_at = utcnow()
            session.add(row)
    for ragam in sorted(baru):
        session.add(DisabilitasPihak(pihak_id=pihak_id, ragam=ragam))


def _disabilitas(session: Session, pihak_id: uuid.UUID) -> list[DisabilitasPihak]:
    return list(session.exec(
        select(DisabilitasPihak).where(DisabilitasPihak.pihak_id == pihak_id)
        .where(col(DisabilitasPihak.deleted_at).is_(None))
        .order_by(col(DisabilitasPihak.ragam))
    ))


# ---- hubungan pelaku dengan korban -----------------------------------------------------


def pasangan(session: Session, kasus_id: uuid.UUID) -> list[HubunganKorbanPelaku]:
    return list(session.exec(
        select(HubunganKorbanPelaku).where(HubunganKorbanPelaku.kasus_id == kasus_id)
        .where(col(HubunganKorbanPelaku.deleted_at).is_(None))
        .order_by(col(HubunganKorbanPelaku.created_at))
    ))


def selaraskan_hubungan(session: Session, kasus_id: uuid.UUID,
                        pelaku: Pihak | None = None, hubungan_lama: str = "") -> None:
    """Every korban–pelaku pair of the case has a row. A new pair takes the
    relationship typed on the pelaku's form; when that form changes it (`pelaku`,
    `hubungan_lama`), pairs that still held the old value follow, while a pair set
    on its own (the father of one korban, the uncle of the other) is kept."""
    session.flush()
    orang = list(session.exec(
        select(Pihak).where(Pihak.kasus_id == kasus_id)
        .where(col(Pihak.peran).in_(("korban", "pelaku")))
        .where(col(Pihak.deleted_at).is_(None))
    ))
    korban = [p for p in orang if p.peran == "korban"]
    semua_pelaku = [p for p in orang if p.peran == "pelaku"]
    ada = {(r.korban_id, r.pelaku_id): r for r in pasangan(session, kasus_id)}
    for pl in semua_pelaku:
        for kb in korban:
            row = ada.get((kb.id, pl.id))
            if row is None:
                session.add(HubunganKorbanPelaku(kasus_id=kasus_id, korban_id=kb.id,
                                                 pelaku_id=pl.id, hubungan=pl.hubungan))
            elif (pelaku is not None and pl.id == pelaku.id and row.hubungan == hubungan_lama
                  and row.hubungan != pl.hubungan):
                row.hubungan = pl.hubungan
                row.updated_at = utcnow()
                session.add(row)
    hidup = {p.id for p in orang}
    for (kb_id, pl_id), row in ada.items():  # a removed korban or pelaku: its pairs go
        if kb_id not in hidup or pl_id not in hidup:
            row.deleted_at = utcnow()
            session.add(row)


def simpan_hubungan(session: Session, kasus_id: uuid.UUID, korban_id: uuid.UUID,
                    pelaku_id: uuid.UUID, hubungan: str) -> HubunganKorbanPelaku:
    """Set how one pelaku is related to one korban of the case."""
    from ppa_tui.domain.kasus import TidakDitemukan

    for pid, peran in ((korban_id, "korban"), (pelaku_id, "pelaku")):
        p = session.get(Pihak, pid)
        if p is None or p.kasus_id != kasus_id or p.peran != peran or p.deleted_at:
            raise TidakDitemukan(f"{peran} {pid}")
    row = next((r for r in pasangan(session, kasus_id)
                if r.korban_id == korban_id and r.pelaku_id == pelaku_id), None)
    if row is None:
        row = HubunganKorbanPelaku(kasus_id=kasus_id, korban_id=korban_id, pelaku_id=pelaku_id)
    row.hubungan = hubungan
    row.updated_at = utcnow()
    session.add(row)
    return row


# ---- the wali is not a pelaku ---------------------------------------------------------


def _lipat(nama: str) -> str:
    teks = unicodedata.normalize("NFKD", nama or "")
    teks = "".join(c for c in teks if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", teks).strip().casefold()


def wali_pelaku(session: Session, kasus_id: uuid.UUID, nama: str, nik: str = "") -> str | None:
    """Why this wali may not speak for the child (he or she is a pelaku of the case,
    by NIK or by the same name), as a sentence for the officer; None when not."""
    if not (nama or "").strip() and not nik:
        return None
    for p in session.exec(
        select(Pihak).where(Pihak.kasus_id == kasus_id).where(Pihak.peran == "pelaku")
        .where(col(Pihak.deleted_at).is_(None))
    ):
        if (nik and p.nik == nik) or (_lipat(nama) and _lipat(p.nama) == _lipat(nama)):
            return ("Wali ini tercatat sebagai pelaku kasus ini: persetujuan dan pendampingan "
                    "anak harus oleh orang tua/wali lain")
    return None
