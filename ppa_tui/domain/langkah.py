"""Walking a case through its SOPs: start, finish and read the running steps.

A case holds several runs at once: its main track (SOP Layanan, `rencana_id` None)
and one SOP Pendampingan run per service in its rencana (`rencana_id` set). Each run
has at most one running step. Deadlines are stored when a step starts, so the
countdown is the same after a restart, a crash or a move to another laptop.
Finishing a step keeps its actual duration for the unit's mutu baku figures, and
never closes a case by itself: only a terminasi does.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from ppa_tui.domain.akses import Akun, periksa_langkah
from ppa_tui.domain.clock import Clock
from ppa_tui.domain.models import Kasus, LangkahKasus, Pelimpahan, RencanaIntervensi
from ppa_tui.domain.sop import Langkah, Sop, load_sop

SOP_UTAMA = "layanan"
SOP_PENDAMPINGAN = "pendampingan"
DIHENTIKAN = "dihentikan"  # `keputusan` of a step stopped by closing the case


class TidakAdaLangkahAktif(Exception):
    """The step is not running (finished meanwhile, or never existed)."""


def tenggat(sop: Sop, mulai: datetime, batas: timedelta | None,
            kalender: Any = None) -> datetime | None:
    """The deadline of a step of `sop` started at `mulai`: by the unit's working-time
    calendar where the SOP counts working time, else by the clock."""
    from ppa_tui.domain.clock import deadline_of

    if batas is None:
        return None
    if kalender is not None:
        from ppa_tui.domain.kalender import untuk_sop

        return deadline_of(mulai, batas, untuk_sop(sop, kalender))
    return deadline_of(mulai, batas)


def mulai_langkah(
    session: Session, kasus: Kasus, langkah_kode: str, started_at: datetime,
    petugas: str = "", *, sop_kode: str | None = None, rencana_id: uuid.UUID | None = None,
    kalender: Any = None, deadline_at: datetime | None = None,
) -> LangkahKasus:
    """Start a step. `deadline_at` is the officer's, for a step the SOP gives no limit."""
    sop = load_sop(sop_kode or kasus.sop_kode)
    step = sop.langkah_by_kode(langkah_kode)
    manual = step.batas is None and deadline_at is not None
    row = LangkahKasus(
        kasus_id=kasus.id,
        sop_kode=sop.kode,
        langkah_kode=step.kode,
        started_at=started_at,
        deadline_at=deadline_at if manual else tenggat(sop, started_at, step.batas, kalender),
        petugas=petugas,
        rencana_id=rencana_id,
        batas_manual=manual,
    )
    session.add(row)
    return row


def _terbuka(kasus_id: uuid.UUID):  # noqa: ANN202  (a select)
    return (
        select(LangkahKasus)
        .where(LangkahKasus.kasus_id == kasus_id)
        .where(col(LangkahKasus.finished_at).is_(None))
        .where(col(LangkahKasus.deleted_at).is_(None))
    )


def langkah_berjalan(session: Session, kasus_id: uuid.UUID) -> list[LangkahKasus]:
    """Every running step of a case (main track and each pendampingan), by deadline."""
    rows = list(session.exec(_terbuka(kasus_id)))
    return sorted(rows, key=lambda r: (r.deadline_at is None, r.deadline_at or r.started_at))


def langkah_aktif(session: Session, kasus_id: uuid.UUID) -> LangkahKasus | None:
    """The running step of the case's main track (SOP Layanan)."""
    return session.exec(
        _terbuka(kasus_id).where(col(LangkahKasus.rencana_id).is_(None))
        .order_by(col(LangkahKasus.started_at).desc())
    ).first()


def _langkah(session: Session, langkah_id: uuid.UUID) -> LangkahKasus:
    row = session.get(LangkahKasus, langkah_id)
    if row is None or row.deleted_at is not None or row.finished_at is not None:
        raise TidakAdaLangkahAktif(str(langkah_id))
    return row


@dataclass(frozen=True)
class Lanjutan:
    """What finishing a step leads to, said before it is done (the confirmation)."""

    berikut: Langkah | None
    teks: str
    form: str = ""  # the form to fill when finishing ("" = a plain confirmation)


def lanjutan(sop: Sop, langkah_kode: str, rencana: bool, keputusan: str = "") -> Lanjutan:
    """The next step and one Indonesian sentence saying what happens."""
    lk = sop.langkah_by_kode(langkah_kode)
    berikut = sop.berikutnya(langkah_kode, keputusan)
    form = lk.form_selesai
    if not form and berikut is not None and berikut.batas is None:
        form = "tenggat_langkah"  # the SOP sets no limit: the officer does, now
    if lk.cabang and not keputusan:
        teks = "Pilih keputusan langkah ini; langkah berikutnya mengikuti keputusan itu."
    elif berikut is not None:
        teks = f"Langkah berikutnya: {sop.label_langkah(berikut.kode)}."
    elif rencana:
        teks = "Pendampingan layanan ini selesai; kasus tetap berjalan."
    else:
        teks = ("Jalur ini selesai. Kasus tetap aktif sampai ditutup (terminasi).")
    return Lanjutan(berikut, teks, form)


def lanjutan_langkah(session: Session, langkah_id: uuid.UUID) -> Lanjutan:
    row = _langkah(session, langkah_id)
    return lanjutan(load_sop(row.sop_kode), row.langkah_kode, row.rencana_id is not None)


def selesaikan_langkah(
    session: Session, langkah_id: uuid.UUID, clock: Clock, petugas: str = "",
    keputusan: Mapping[str, Any] | None = None, *, kalender: Any = None,
    zona: ZoneInfo | None = None, akun: Akun | None = None, langkah_belum: str | None = None,
) -> LangkahKasus | None:
    """Finish a running step now and start the next one of its run.

    `keputusan` holds what the step's finishing form recorded (`form_selesai`): its
    `keputusan` value picks the branch (step 3: the kewenangan). Returns the new
    running step, or None where the run ends (the case stays open). Refused (Ditolak)
    when `akun` holds none of the roles the SOP names for the step."""
    from ppa_tui.domain import keputusan as aturan

    aktif = _langkah(session, langkah_id)
    kasus = session.get(Kasus, aktif.kasus_id)
    if kasus is None or kasus.deleted_at is not None:
        raise TidakAdaLangkahAktif(str(langkah_id))
    nilai = dict(keputusan or {})
    sop = load_sop(aktif.sop_kode)
    step = sop.langkah_by_kode(aktif.langkah_kode)
    periksa_langkah(akun, step, langkah_belum)  # only a role the SOP names finishes it
    pilihan = str(nilai.get("keputusan") or "")
    if step.cabang and not pilihan:
        raise aturan.KeputusanKurang("Pilih keputusan langkah ini lebih dulu.")
    now = clock.now()
    aktif.finished_at = now
    aktif.durasi_detik = max(0, int((now - aktif.started_at).total_seconds()))
    if kalender is not None:
        from ppa_tui.domain.kalender import untuk_sop

        kerja = untuk_sop(sop, kalender).durasi(aktif.started_at, now)
        aktif.durasi_kerja_detik = max(0, int(kerja.total_seconds()))
    aktif.keputusan = pilihan
    if catatan := nilai.get("catatan"):
        aktif.catatan = str(catatan)
    session.add(aktif)
    aturan.terapkan_keputusan(session, kasus, aktif, step, nilai, petugas)
    berikut = sop.berikutnya(step.kode, pilihan)
    rencana = session.get(RencanaIntervensi, aktif.rencana_id) if aktif.rencana_id else None
    if berikut is None:
        if rencana is not None and rencana.status != "batal":
            rencana.status = "selesai"
            session.add(rencana)
        return None
    if rencana is None and berikut.jalur != kasus.jalur:
        kasus.jalur = berikut.jalur  # step 3 → the rujukan track
        session.add(kasus)
    return mulai_langkah(
        session, kasus, berikut.kode, now, petugas, sop_kode=sop.kode,
        rencana_id=aktif.rencana_id, kalender=kalender,
        deadline_at=tenggat_officer(nilai.get("tenggat_berikut"), zona),
    )


def tenggat_officer(nilai: Any, zona: ZoneInfo | None) -> datetime | None:
    """A deadline the officer typed: a datetime as is, a date alone as the end of
    that day (local)."""
    if isinstance(nilai, datetime):
        return nilai
    if isinstance(nilai, date):
        return datetime.combine(nilai, time(23, 59), tzinfo=zona or ZoneInfo("Asia/Jakarta"))
    return None


class SudahBerjalan(ValueError):
    """This service already has its pendampingan run."""


def mulai_pendampingan(
    session: Session, rencana_id: uuid.UUID, clock: Clock, petugas: str = "",
    *, kalender: Any = None,
) -> LangkahKasus:
    """Start SOP Pendampingan for one service of the rencana: its own run and clock,
    alongside the main track. Once per rencana."""
    from ppa_tui.domain.kasus import TidakDitemukan

    rencana = session.get(RencanaIntervensi, rencana_id)
    if rencana is None or rencana.deleted_at is not None:
        raise TidakDitemukan(f"rencana {rencana_id}")
    kasus = session.get(Kasus, rencana.kasus_id)
    if kasus is None or kasus.deleted_at is not None:
        raise TidakDitemukan(f"kasus {rencana.kasus_id}")
    if kasus.status != "aktif":
        raise SudahBerjalan("Kasus sudah ditutup: buka kembali dulu.")
    ada = session.exec(
        select(LangkahKasus.id).where(LangkahKasus.rencana_id == rencana_id)
        .where(col(LangkahKasus.deleted_at).is_(None))
    ).first()
    if ada is not None or rencana.status in {"berjalan", "selesai"}:
        raise SudahBerjalan("Pendampingan layanan ini sudah dimulai.")
    now = clock.now()
    rencana.status = "berjalan"
    session.add(rencana)
    pertama = load_sop(SOP_PENDAMPINGAN).langkah[0]
    return mulai_langkah(session, kasus, pertama.kode, now, petugas,
                         sop_kode=SOP_PENDAMPINGAN, rencana_id=rencana_id, kalender=kalender)


def hentikan_semua(session: Session, kasus_id: uuid.UUID, now: datetime) -> list[LangkahKasus]:
    """Closing a case stops its running steps: marked `dihentikan`, never counted as
    done (nor as late) in the mutu baku figures."""
    rows = list(session.exec(_terbuka(kasus_id)))
    for row in rows:
        row.finished_at = now
        row.durasi_detik = max(0, int((now - row.started_at).total_seconds()))
        row.keputusan = DIHENTIKAN
        session.add(row)
    return rows


def lanjutkan_yang_dihentikan(
    session: Session, kasus: Kasus, dihentikan_at: datetime, now: datetime, petugas: str,
    kalender: Any = None,
) -> list[LangkahKasus]:
    """Reopening a case restarts, from now, the steps its closure stopped. A step whose
    deadline the officer set (P4) keeps the time it had left."""
    rows = session.exec(
        select(LangkahKasus).where(LangkahKasus.kasus_id == kasus.id)
        .where(LangkahKasus.keputusan == DIHENTIKAN)
        .where(LangkahKasus.finished_at == dihentikan_at)
        .where(col(LangkahKasus.deleted_at).is_(None))
    ).all()
    return [
        mulai_langkah(session, kasus, r.langkah_kode, now, petugas, sop_kode=r.sop_kode,
                      rencana_id=r.rencana_id, kalender=kalender,
                      deadline_at=now + max(r.deadline_at - r.finished_at, timedelta(0))
                      if r.batas_manual and r.deadline_at and r.finished_at else None)
        for r in rows
    ]


def pelimpahan_terbuka(session: Session, kasus_id: uuid.UUID) -> Pelimpahan | None:
    """The handover whose receipt has not come back yet."""
    return session.exec(
        select(Pelimpahan).where(Pelimpahan.kasus_id == kasus_id)
        .where(col(Pelimpahan.tanggal_tanda_terima).is_(None))
        .where(col(Pelimpahan.deleted_at).is_(None))
    ).first()
