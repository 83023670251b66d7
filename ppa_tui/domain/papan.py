"""The overdue board: every running step past its deadline, and every shelter stay past
its limit, across all cases, the one overdue the longest first.

Two capped reads walk the indexes that already exist for this: open steps by deadline
(`ix_langkah_kasus_terbuka`, partial on ``finished_at IS NULL AND deleted_at IS NULL``)
and shelter stays by limit (`ix_penampungan_batas_at`). Each reads at most `batas`
rows from the oldest deadline on; the two are merged and cut to `batas`, and two counts
(bounded, see `papan_terlambat`) give the whole number. Names, services and roles are
then read for those rows only. At 1,000,000 cases with 270,000 steps overdue, SQLite
reads the board in ~0.25 s (`bench/papan.py`).

"Overdue the longest" is the oldest deadline on the wall clock: working time past a
deadline grows with clock time, so for one calendar the order is the same, and shelter
stays (clock time) and steps (working time) can only be put in one order this way.
What is shown as overdue is working time where the step's SOP counts working time
(`hitungan = "kerja"`, via the unit's calendar), else clock time; shelter stays are
clock time (the 14 days of Permen PPPA 2/2022 are calendar days).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from ppa_tui.domain import referensi
from ppa_tui.domain.clock import baca_jam
from ppa_tui.domain.models import Kasus, LangkahKasus, Penampungan, Pihak, RencanaIntervensi
from ppa_tui.domain.sop import load_sop

if TYPE_CHECKING:
    from ppa_tui.domain.kalender import Hitungan

__all__ = ["BATAS_HITUNG", "BATAS_PAPAN", "Papan", "Terlambat", "korban_kasus", "nama_korban",
           "papan_terlambat"]

BATAS_PAPAN = 500
BATAS_HITUNG = 10_000
BELUM_ADA = "(belum ada)"  # a case without a korban yet, as home says it
TANPA_NAMA = "(tanpa nama)"
ALUR_UTAMA = "Utama"
ALUR_PENAMPUNGAN = "Penampungan"
# Who answers for a shelter stay: the case manager (SOP Pendampingan's roles).
PERAN_PENAMPUNGAN = ("pendampingan", "manajer_kasus", "Kasi Tindakan dan Rujukan/Manajer Kasus")


@dataclass(frozen=True)
class Terlambat:
    """One row of the board: a running step, or a shelter stay, past its deadline.

    ``kunci`` is ``"langkah:<id>"`` or ``"penampungan:<id>"`` (unique across both).
    ``terlambat`` is how long overdue at the board's ``now``; `lewat` gives it at
    another moment, so a screen can tick without the database. ``hitungan`` is the
    calendar it counts in (None: clock time).
    """

    kunci: str
    kasus_id: uuid.UUID
    nomor_register: str
    korban: str
    anak: bool
    alur: str
    langkah: str
    started_at: datetime
    deadline_at: datetime
    terlambat: timedelta
    peran: tuple[str, ...]
    hitungan: Hitungan | None = field(default=None, compare=False, repr=False)

    def lewat(self, now: datetime) -> timedelta:
        """How long past the deadline at ``now`` (working time where it counts so)."""
        if self.hitungan is None:
            return now - self.deadline_at
        return self.hitungan.durasi(self.deadline_at, now)

    def ringkas(self, now: datetime) -> str:
        """At most 9 characters, in home's units (`BacaanJam.ringkas` without "lewat"):
        "16:00", "2:45:00", "2 hari", and whole working days as "12 HK"."""
        bacaan = baca_jam(self.started_at, self.deadline_at, None, now, 0.25,
                          kalender=self.hitungan)
        return bacaan.ringkas.removeprefix("lewat ")


@dataclass(frozen=True)
class Papan:
    """The board at ``now``: at most `BATAS_PAPAN` rows, and how many there are in all
    (``total`` = ``langkah`` + ``penampungan``). A count past `BATAS_HITUNG` stops
    there and is one more than it: ``lebih`` says so ("10.000+")."""

    now: datetime
    baris: tuple[Terlambat, ...]
    langkah: int
    penampungan: int
    batas_hitung: int = BATAS_HITUNG

    @property
    def total(self) -> int:
        return self.langkah + self.penampungan

    @property
    def lebih(self) -> bool:
        return max(self.langkah, self.penampungan) > self.batas_hitung


def _langkah_terlambat(now: datetime) -> tuple:
    """The open steps of active, kept cases past their deadline. The two IS NULLs and
    the deadline bound are what the partial index is made of, so it can be used; the
    status is compared as ``status || ''`` so that `ix_kasus_status` cannot be: offered
    it, SQLite without fresh statistics walks every active case and sorts their steps
    (home's light reader keeps the same order with a CROSS JOIN)."""
    return (
        col(LangkahKasus.finished_at).is_(None),
        col(LangkahKasus.deleted_at).is_(None),
        col(LangkahKasus.deadline_at) < now,
        col(Kasus.status).concat("") == "aktif",
        col(Kasus.deleted_at).is_(None),
    )


def _penampungan_terlambat(now: datetime) -> tuple:
    """Stays with the person still inside past the limit, of cases not removed. A
    closed case counts too: someone is still in the shelter, past its limit."""
    return (
        col(Penampungan.waktu_keluar).is_(None),
        col(Penampungan.deleted_at).is_(None),
        col(Penampungan.batas_at) < now,
        col(Kasus.deleted_at).is_(None),
    )


def _hitung(session: Session, q, batas: int) -> int:  # noqa: ANN001  (a Select)
    """How many rows ``q`` has, counting no further than ``batas + 1``."""
    return session.exec(select(func.count()).select_from(q.limit(batas + 1).subquery())).one()


def papan_terlambat(session: Session, now: datetime, kalender: Any = None,
                    batas: int = BATAS_PAPAN, batas_hitung: int = BATAS_HITUNG) -> Papan:
    """The board at ``now``; ``kalender`` is the unit's working-time calendar
    (`kalender.kalender_dari`), None to count every step in clock time. The counts stop
    past ``batas_hitung`` (`Papan.lebih`): counting reads each case of each row, 3 s for
    270,000 overdue steps at 1,000,000 cases on SQLite, 0.2 s for 10,000."""
    syarat_langkah = _langkah_terlambat(now)
    langkah = session.exec(
        select(LangkahKasus.id, LangkahKasus.kasus_id, LangkahKasus.sop_kode,
               LangkahKasus.langkah_kode, LangkahKasus.started_at, LangkahKasus.deadline_at,
               LangkahKasus.rencana_id, Kasus.nomor_register)
        .join(Kasus, Kasus.id == LangkahKasus.kasus_id)
        .where(*syarat_langkah)
        .order_by(col(LangkahKasus.deadline_at), col(LangkahKasus.id))
        .limit(batas)
    ).all()
    syarat_tampung = _penampungan_terlambat(now)
    tampung = session.exec(
        select(Penampungan.id, Penampungan.kasus_id, Penampungan.korban_id,
               Penampungan.waktu_masuk, Penampungan.batas_at, Kasus.nomor_register)
        .join(Kasus, Kasus.id == Penampungan.kasus_id)
        .where(*syarat_tampung)
        .order_by(col(Penampungan.batas_at), col(Penampungan.id))
        .limit(batas)
    ).all()
    n_langkah = len(langkah) if len(langkah) < batas else _hitung(
        session, select(LangkahKasus.id).join(Kasus, Kasus.id == LangkahKasus.kasus_id)
        .where(*syarat_langkah), batas_hitung)
    n_tampung = len(tampung) if len(tampung) < batas else _hitung(
        session, select(Penampungan.id).join(Kasus, Kasus.id == Penampungan.kasus_id)
        .where(*syarat_tampung), batas_hitung)

    # the merged order, cut to `batas`, before any name is read
    urut = sorted([(r.deadline_at, 0, r) for r in langkah] + [(r.batas_at, 1, r) for r in tampung],
                  key=lambda t: (t[0], t[1], str(t[2][0])))[:batas]
    kasus_ids = list({r[2].kasus_id for r in urut})
    korban = korban_kasus(session, kasus_ids)
    rencana_ids = list({r[2].rencana_id for r in urut if r[1] == 0 and r[2].rencana_id})
    layanan = dict(session.exec(
        select(RencanaIntervensi.id, RencanaIntervensi.layanan)
        .where(col(RencanaIntervensi.id).in_(rencana_ids))).all()) if rencana_ids else {}
    nama_pihak = _nama_pihak(session, [r[2].korban_id for r in urut
                                       if r[1] == 1 and r[2].korban_id])
    hitungan = _hitungan_per_sop(kalender)
    peran_tampung = _peran_penampungan()

    baris: list[Terlambat] = []
    for _, jenis, r in urut:
        daftar = korban.get(r.kasus_id, [])
        anak = any(a for _, a in daftar)
        if jenis == 0:
            nama = nama_korban(daftar)
            h = hitungan(r.sop_kode)
            label, peran = _label_peran(r.sop_kode, r.langkah_kode)
            alur = ALUR_UTAMA if r.rencana_id is None else (
                referensi.label("layanan", layanan[r.rencana_id])
                if r.rencana_id in layanan else "Pendampingan")
            t = Terlambat(f"langkah:{r.id}", r.kasus_id, r.nomor_register, nama, anak, alur,
                          label, r.started_at, r.deadline_at, timedelta(0), peran, h)
        else:
            nama = (nama_pihak.get(r.korban_id) or TANPA_NAMA) if r.korban_id else (
                nama_korban(daftar))
            hari = (r.batas_at - r.waktu_masuk).days
            t = Terlambat(f"penampungan:{r.id}", r.kasus_id, r.nomor_register, nama, anak,
                          ALUR_PENAMPUNGAN, f"Maks. {hari} hari", r.waktu_masuk, r.batas_at,
                          timedelta(0), peran_tampung, None)
        baris.append(replace(t, terlambat=t.lewat(now)))
    return Papan(now, tuple(baris), n_langkah, n_tampung, batas_hitung)


def nama_korban(daftar: list[tuple[str, bool]]) -> str:
    """The first korban's name; "+1" and so on for the others."""
    if not daftar:
        return BELUM_ADA
    nama = daftar[0][0] or TANPA_NAMA
    return nama if len(daftar) == 1 else f"{nama} +{len(daftar) - 1}"


def korban_kasus(session: Session, kasus_ids: list[uuid.UUID]) -> dict[uuid.UUID, list]:
    """(name, anak) of each case's korban, in the order they were recorded."""
    hasil: dict[uuid.UUID, list[tuple[str, bool]]] = defaultdict(list)
    for i in range(0, len(kasus_ids), 500):  # bounded IN lists
        for kasus_id, nama, anak in session.exec(
            select(Pihak.kasus_id, Pihak.nama, Pihak.anak)
            .where(col(Pihak.kasus_id).in_(kasus_ids[i:i + 500]))
            .where(Pihak.peran == "korban")
            .where(col(Pihak.deleted_at).is_(None))
            .order_by(col(Pihak.created_at), col(Pihak.id))
        ).all():
            hasil[kasus_id].append((nama, bool(anak)))
    return hasil


def _nama_pihak(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    return dict(session.exec(select(Pihak.id, Pihak.nama)
                             .where(col(Pihak.id).in_(list(set(ids))))).all())


def _hitungan_per_sop(kalender: Any):  # noqa: ANN202
    """sop_kode -> the calendar its limits count in (None: clock time)."""
    from functools import cache

    @cache
    def hitungan(sop_kode: str) -> Hitungan | None:
        if kalender is None:
            return None
        from ppa_tui.domain.kalender import untuk_sop

        try:
            h = untuk_sop(load_sop(sop_kode), kalender)
        except KeyError:
            return None
        return h if getattr(h, "kerja", False) else None

    return hitungan


def _label_peran(sop_kode: str, langkah_kode: str) -> tuple[str, tuple[str, ...]]:
    """The step's label and the roles its SOP names; a step of another version of the
    SOP data is shown by its codes, never a crash."""
    try:
        sop = load_sop(sop_kode)
        lk = sop.langkah_by_kode(langkah_kode)
    except KeyError:
        return f"{sop_kode} {langkah_kode}", ()
    return sop.label_langkah(langkah_kode), tuple(sop.peran.get(p, p) for p in lk.pelaksana)


def _peran_penampungan() -> tuple[str, ...]:
    sop_kode, kode, cadangan = PERAN_PENAMPUNGAN
    try:
        return (load_sop(sop_kode).peran.get(kode, cadangan),)
    except KeyError:
        return (cadangan,)
