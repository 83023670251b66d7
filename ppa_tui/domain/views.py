"""Read models for the screens: frozen dataclasses built in a worker thread, so no ORM
object (or lazy load) ever reaches the event loop. Queries are capped and batched:
one query per list, never one per row."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from ppa_tui.domain import referensi
from ppa_tui.domain.clock import BacaanJam, baca_jam, deadline_of
from ppa_tui.domain.draft import DraftTersimpan, daftar_draft
from ppa_tui.domain.models import (
    Asesmen,
    BukuTamu,
    Kasus,
    KekerasanKasus,
    LangkahKasus,
    Persetujuan,
    Pihak,
    RencanaIntervensi,
)
from ppa_tui.domain.sop import load_sop

BATAS_KASUS_BERANDA = 200
BELUM = "— belum diisi —"


@dataclass(frozen=True)
class JamLangkah:
    """The active step of a case, with everything needed to tick without the database."""

    label: str
    started_at: datetime
    deadline_at: datetime | None
    peringatan_rasio: float

    def baca(self, now: datetime) -> BacaanJam:
        return baca_jam(self.started_at, self.deadline_at, None, now, self.peringatan_rasio)


def jam_dari(row: LangkahKasus) -> JamLangkah:
    return jam_langkah(row.sop_kode, row.langkah_kode, row.started_at, row.deadline_at)


def jam_langkah(sop_kode: str, langkah_kode: str, started_at: datetime,
                deadline_at: datetime | None = None) -> JamLangkah:
    """The clock of a step; the deadline defaults to the SOP's limit from `started_at`."""
    try:
        sop = load_sop(sop_kode)
        label = sop.label_langkah(langkah_kode)
        if deadline_at is None:
            deadline_at = deadline_of(started_at, sop.langkah_by_kode(langkah_kode).batas)
        rasio = sop.peringatan_rasio
    except KeyError:  # a step from another version of the SOP data: shown, not fatal
        label, rasio = f"{sop_kode} {langkah_kode}", 0.25
    return JamLangkah(label, started_at, deadline_at, rasio)


@dataclass(frozen=True)
class TamuBaris:
    id: uuid.UUID
    nama: str
    keperluan: str
    waktu_masuk: datetime
    waktu_keluar: datetime | None
    nomor_register: str
    kasus_id: uuid.UUID | None


@dataclass(frozen=True)
class KasusBaris:
    id: uuid.UUID
    nomor_register: str
    korban: str
    anak: bool
    jam: JamLangkah | None


@dataclass(frozen=True)
class Beranda:
    tamu: list[TamuBaris]
    kasus: list[KasusBaris]
    draft: list[DraftTersimpan]


def beranda(session: Session, sejak: datetime) -> Beranda:
    """Today's buku tamu (since local midnight `sejak`) and the open cases, most
    urgent deadline first."""
    tamu_rows = session.exec(
        select(BukuTamu, Kasus.nomor_register)
        .join(Kasus, col(BukuTamu.kasus_id) == Kasus.id, isouter=True)
        .where(BukuTamu.waktu_masuk >= sejak)
        .where(col(BukuTamu.deleted_at).is_(None))
        .order_by(col(BukuTamu.waktu_masuk).desc())
        .limit(BATAS_KASUS_BERANDA)
    ).all()
    tamu = [
        TamuBaris(t.id, t.nama, referensi.label("keperluan", t.keperluan), t.waktu_masuk,
                  t.waktu_keluar, nomor or "", t.kasus_id)
        for t, nomor in tamu_rows
    ]
    kasus_rows = session.exec(
        select(Kasus, LangkahKasus)
        .join(LangkahKasus, (LangkahKasus.kasus_id == Kasus.id)
              & col(LangkahKasus.finished_at).is_(None)
              & col(LangkahKasus.deleted_at).is_(None))
        .where(Kasus.status == "aktif")
        .where(col(Kasus.deleted_at).is_(None))
        .order_by(col(LangkahKasus.deadline_at).asc().nulls_last())
        .limit(BATAS_KASUS_BERANDA)
    ).all()
    korban = _korban_per_kasus(session, [k.id for k, _ in kasus_rows])
    kasus = [
        KasusBaris(k.id, k.nomor_register, ", ".join(p.nama or "(tanpa nama)" for p in korban[k.id]),
                   any(p.anak for p in korban[k.id]), jam_dari(step))
        for k, step in kasus_rows
    ]
    return Beranda(tamu, kasus, daftar_draft(session))


def _korban_per_kasus(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Pihak]]:
    out: dict[uuid.UUID, list[Pihak]] = defaultdict(list)
    if ids:
        for p in session.exec(
            select(Pihak).where(col(Pihak.kasus_id).in_(ids)).where(Pihak.peran == "korban")
            .where(col(Pihak.deleted_at).is_(None)).order_by(col(Pihak.created_at))
        ):
            out[p.kasus_id].append(p)
    return out


@dataclass(frozen=True)
class Butir:
    """One line of the case screen: what it is, a summary, and the form that edits it."""

    kunci: str
    judul: str
    ringkas: str
    form_id: str
    target_id: uuid.UUID | None
    nilai: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class LangkahBaris:
    label: str
    bacaan: BacaanJam


@dataclass(frozen=True)
class KasusDetail:
    id: uuid.UUID
    nomor_register: str
    diterima_at: datetime
    status: str
    jalur: str
    jam: JamLangkah | None
    butir: list[Butir]
    langkah: list[LangkahBaris]
    korban: tuple[tuple[str, str], ...]
    korban_anak: frozenset[str]


def detail_kasus(session: Session, kasus_id: uuid.UUID, now: datetime) -> KasusDetail | None:
    kasus = session.get(Kasus, kasus_id)
    if kasus is None or kasus.deleted_at is not None:
        return None
    sop = load_sop(kasus.sop_kode)
    pihak = _hidup(session, Pihak, kasus_id, Pihak.created_at)
    steps = _hidup(session, LangkahKasus, kasus_id, LangkahKasus.started_at)
    butir: list[Butir] = []
    for peran, judul in (("pelapor", "Pelapor"), ("korban", "Korban"), ("pelaku", "Pelaku")):
        rows = [p for p in pihak if p.peran == peran]
        if not rows:
            butir.append(Butir(f"{peran}:baru", judul, BELUM, peran, None))
        for i, p in enumerate(rows, 1):
            label = judul if peran == "pelapor" else f"{judul} {i}"
            butir.append(Butir(f"{peran}:{p.id}", label, ringkas_pihak(p), peran, p.id, p.model_dump()))
    bentuk = [r.bentuk for r in _hidup(session, KekerasanKasus, kasus_id, KekerasanKasus.created_at)]
    kejadian = kasus.model_dump() | {"bentuk_kekerasan": bentuk}
    butir.append(Butir("kejadian", "Kejadian", ringkas_kejadian(kasus, bentuk), "kejadian",
                       kasus.id, kejadian))
    persetujuan = _hidup(session, Persetujuan, kasus_id, Persetujuan.created_at)
    asesmen = _hidup(session, Asesmen, kasus_id, Asesmen.created_at)
    if not persetujuan:
        butir.append(Butir("persetujuan:baru", "Persetujuan", BELUM, "persetujuan", None))
    if not asesmen:
        butir.append(Butir("asesmen:baru", "Asesmen", BELUM, "asesmen", None))
    for row in persetujuan:
        butir.append(Butir(f"persetujuan:{row.id}", "Persetujuan", ringkas_persetujuan(row),
                           "persetujuan", row.id, row.model_dump()))
    for row in asesmen:
        risiko = referensi.label("tingkat_risiko", row.tingkat_risiko)
        butir.append(Butir(f"asesmen:{row.id}", "Asesmen", f"Risiko {risiko}", "asesmen",
                           row.id, row.model_dump()))
    for row in _hidup(session, RencanaIntervensi, kasus_id, RencanaIntervensi.created_at):
        butir.append(Butir(f"rencana:{row.id}", "Rencana", ringkas_rencana(row), "rencana",
                           row.id, row.model_dump()))
    korban = tuple((str(p.id), (p.nama or "(tanpa nama)") + (" · ANAK" if p.anak else ""))
                   for p in pihak if p.peran == "korban")
    aktif = next((s for s in steps if s.finished_at is None), None)
    return KasusDetail(
        id=kasus.id, nomor_register=kasus.nomor_register, diterima_at=kasus.diterima_at,
        status=kasus.status, jalur=sop.jalur.get(kasus.jalur, kasus.jalur),
        jam=jam_dari(aktif) if aktif else None, butir=butir,
        langkah=[
            LangkahBaris(sop.label_langkah(s.langkah_kode),
                         baca_jam(s.started_at, s.deadline_at, s.finished_at, now,
                                  sop.peringatan_rasio))
            for s in steps
        ],
        korban=korban,
        korban_anak=frozenset(str(p.id) for p in pihak if p.peran == "korban" and p.anak),
    )


def _hidup(session: Session, model: type, kasus_id: uuid.UUID, order: object) -> list:
    return list(session.exec(
        select(model).where(model.kasus_id == kasus_id)
        .where(col(model.deleted_at).is_(None)).order_by(order)
    ))


def ringkas_pihak(p: Pihak) -> str:
    bagian = [p.nama or "(tanpa nama)"]
    if p.jenis_kelamin:
        bagian.append(p.jenis_kelamin.upper())
    if p.usia is not None:
        bagian.append(f"{p.usia} th")
    if p.anak:
        bagian.append("ANAK")
    if p.peran == "pelapor" and p.adalah_korban:
        bagian.append("korban sendiri")
    elif p.hubungan:
        daftar = "hubungan_pelaku" if p.peran == "pelaku" else "hubungan_pelapor"
        bagian.append(referensi.label(daftar, p.hubungan))
    return " · ".join(bagian)


def ringkas_kejadian(kasus: Kasus, bentuk: list[str]) -> str:
    if kasus.kejadian_at is None and not kasus.tempat_kejadian and not bentuk:
        return BELUM
    bagian = []
    if kasus.tempat_kejadian:
        bagian.append(referensi.label("tempat_kejadian", kasus.tempat_kejadian))
    if kasus.kejadian_kabkota_kode:
        bagian.append(referensi.nama_wilayah(kasus.kejadian_kabkota_kode) or kasus.kejadian_kabkota_kode)
    if bentuk:
        bagian.append(", ".join(referensi.label("bentuk_kekerasan", b) for b in bentuk))
    return " · ".join(bagian)


def ringkas_persetujuan(row: Persetujuan) -> str:
    izin = [label for attr, label in (
        ("izin_kesehatan", "kesehatan"), ("izin_hukum", "hukum"), ("izin_psikolog", "psikolog"),
        ("izin_dinsos", "dinsos"), ("izin_uptd_kabkota", "UPTD kab/kota"), ("izin_lainnya", "lainnya"),
    ) if getattr(row, attr)]
    oleh = "wali" if row.pemberi == "orang_tua_wali" else "korban"
    return f"oleh {oleh}: " + (", ".join(izin) if izin else "tidak untuk dibagikan")


def ringkas_rencana(row: RencanaIntervensi) -> str:
    bagian = [referensi.label("layanan", row.layanan)]
    if row.penyedia:
        bagian.append(row.penyedia)
    if row.tenggat:
        bagian.append(f"s.d. {row.tenggat:%d-%m-%Y}")
    return " · ".join(bagian)


def awal_hari(now: datetime, zona: str) -> datetime:
    """Local midnight of `now`, as aware UTC, for "today's" lists."""
    from zoneinfo import ZoneInfo

    local = now.astimezone(ZoneInfo(zona))
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
