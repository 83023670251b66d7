"""Home's read model from the ORM, and the read models of the other screens
re-exported (the case file lives in `berkas.py`): frozen dataclasses built in a worker
thread, so no ORM object (or lazy load) ever reaches the event loop. Queries are
capped and batched: one query per list, never one per row."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from ppa_tui.domain.berkas import (  # noqa: F401  (re-exported: the case screen's)
    BELUM,
    Berjalan,
    Butir,
    KasusDetail,
    LangkahBaris,
    detail_kasus,
    jam_dari,
    potong,
    ringkas_kejadian,
    ringkas_persetujuan,
    ringkas_pihak,
    ringkas_rencana,
)
from ppa_tui.domain.draft import daftar_draft
from ppa_tui.domain.models import BukuTamu, Kasus, LangkahKasus, Pihak
from ppa_tui.domain.readmodel import (  # noqa: F401  (re-exported: home's read models)
    BATAS_KASUS_BERANDA,
    Beranda,
    JamLangkah,
    KasusBaris,
    TamuBaris,
    awal_hari,
    jam_langkah,
    susun_beranda,
)


def beranda(session: Session, sejak: datetime, kalender: object = None) -> Beranda:
    """Today's buku tamu (since local midnight `sejak`) and the open cases, most
    urgent deadline first. `store/beranda_cepat.py` runs the same queries through
    the bare driver for the first load: change both together (a test compares).
    Ties are broken explicitly, so both give the same rows in the same order."""
    tamu = session.exec(
        select(
            BukuTamu.id,
            BukuTamu.nama,
            BukuTamu.keperluan,
            BukuTamu.waktu_masuk,
            BukuTamu.waktu_keluar,
            Kasus.nomor_register,
            BukuTamu.kasus_id,
        )
        .join(Kasus, col(BukuTamu.kasus_id) == Kasus.id, isouter=True)
        .where(BukuTamu.waktu_masuk >= sejak)
        .where(col(BukuTamu.deleted_at).is_(None))
        .order_by(
            col(BukuTamu.waktu_masuk).desc(),
            col(BukuTamu.created_at).desc(),
            col(BukuTamu.id).desc(),
        )
        .limit(BATAS_KASUS_BERANDA)
    ).all()
    kasus = session.exec(
        select(
            Kasus.id,
            Kasus.nomor_register,
            LangkahKasus.sop_kode,
            LangkahKasus.langkah_kode,
            LangkahKasus.started_at,
            LangkahKasus.deadline_at,
        )
        .join(
            LangkahKasus,
            (LangkahKasus.kasus_id == Kasus.id)
            & col(LangkahKasus.finished_at).is_(None)
            & col(LangkahKasus.deleted_at).is_(None),
        )
        # `status || ''`: not the status index (a third of a big database is open), so
        # the planner walks the open steps by deadline and stops at the limit, as the
        # light reader's CROSS JOIN makes it (bench/papan.py: 7.5 s -> ms at 1M)
        .where(col(Kasus.status).concat("") == "aktif")
        .where(col(Kasus.deleted_at).is_(None))
        .order_by(col(LangkahKasus.deadline_at).asc().nulls_last(), col(Kasus.nomor_register))
        .limit(BATAS_KASUS_BERANDA)
    ).all()
    ids = [row[0] for row in kasus]
    korban = (
        session.exec(
            select(Pihak.kasus_id, Pihak.nama, Pihak.anak)
            .where(col(Pihak.kasus_id).in_(ids))
            .where(Pihak.peran == "korban")
            .where(col(Pihak.deleted_at).is_(None))
            .order_by(col(Pihak.created_at), col(Pihak.id))
        ).all()
        if ids
        else []
    )
    return susun_beranda(tamu, kasus, korban, daftar_draft(session), kalender)


