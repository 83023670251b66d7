"""Read models for the screens: frozen dataclasses built in a worker thread, so no ORM
object (or lazy load) ever reaches the event loop. Queries are capped and batched:
one query per list, never one per row."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from ppa_tui.domain import referensi, validasi
from ppa_tui.domain.clock import BacaanJam, baca_jam
from ppa_tui.domain.draft import daftar_draft
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
from ppa_tui.domain.sop import load_sop

BELUM = "— belum diisi —"
ZONA_BAWAAN = ZoneInfo("Asia/Jakarta")  # Settings.zona_waktu's default


def jam_dari(row: LangkahKasus) -> JamLangkah:
    return jam_langkah(row.sop_kode, row.langkah_kode, row.started_at, row.deadline_at)


def beranda(session: Session, sejak: datetime) -> Beranda:
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
        .where(Kasus.status == "aktif")
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
    return susun_beranda(tamu, kasus, korban, daftar_draft(session))


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
    waktu_diterima: datetime
    status: str
    jalur: str
    jam: JamLangkah | None
    butir: list[Butir]
    langkah: list[LangkahBaris]
    korban: tuple[tuple[str, str], ...]
    korban_anak: frozenset[str]


def detail_kasus(
    session: Session,
    kasus_id: uuid.UUID,
    now: datetime,
    zona: ZoneInfo | None = None,
) -> KasusDetail | None:
    """Everything the case screen shows; `zona` is the desk's (local dates in summaries)."""
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
            butir.append(
                Butir(f"{peran}:{p.id}", label, ringkas_pihak(p), peran, p.id, p.model_dump())
            )
    bentuk = [
        r.bentuk for r in _hidup(session, KekerasanKasus, kasus_id, KekerasanKasus.created_at)
    ]
    kejadian = kasus.model_dump() | {"bentuk_kekerasan": bentuk}
    butir.append(
        Butir(
            "kejadian",
            "Kejadian",
            ringkas_kejadian(kasus, bentuk, zona=zona),
            "kejadian",
            kasus.id,
            kejadian,
        )
    )
    persetujuan = _hidup(session, Persetujuan, kasus_id, Persetujuan.created_at)
    asesmen = _hidup(session, Asesmen, kasus_id, Asesmen.created_at)
    if not persetujuan:
        butir.append(Butir("persetujuan:baru", "Persetujuan", BELUM, "persetujuan", None))
    if not asesmen:
        butir.append(Butir("asesmen:baru", "Asesmen", BELUM, "asesmen", None))
    for row in persetujuan:
        butir.append(
            Butir(
                f"persetujuan:{row.id}",
                "Persetujuan",
                ringkas_persetujuan(row),
                "persetujuan",
                row.id,
                row.model_dump(),
            )
        )
    for row in asesmen:
        risiko = referensi.label("tingkat_risiko", row.tingkat_risiko)
        butir.append(
            Butir(
                f"asesmen:{row.id}",
                "Asesmen",
                f"Risiko {risiko}",
                "asesmen",
                row.id,
                row.model_dump(),
            )
        )
    for row in _hidup(session, RencanaIntervensi, kasus_id, RencanaIntervensi.created_at):
        butir.append(
            Butir(
                f"rencana:{row.id}",
                "Rencana",
                ringkas_rencana(row),
                "rencana",
                row.id,
                row.model_dump(),
            )
        )
    korban = tuple(
        (str(p.id), (p.nama or "(tanpa nama)") + (" · ANAK" if p.anak else ""))
        for p in pihak
        if p.peran == "korban"
    )
    aktif = next((s for s in steps if s.finished_at is None), None)
    return KasusDetail(
        id=kasus.id,
        nomor_register=kasus.nomor_register,
        waktu_diterima=kasus.waktu_diterima,
        status=kasus.status,
        jalur=sop.jalur.get(kasus.jalur, kasus.jalur),
        jam=jam_dari(aktif) if aktif else None,
        butir=butir,
        langkah=[
            LangkahBaris(
                sop.label_langkah(s.langkah_kode),
                baca_jam(s.started_at, s.deadline_at, s.finished_at, now, sop.peringatan_rasio),
            )
            for s in steps
        ],
        korban=korban,
        korban_anak=frozenset(str(p.id) for p in pihak if p.peran == "korban" and p.anak),
    )


def _hidup(session: Session, model: type, kasus_id: uuid.UUID, order: object) -> list:
    return list(
        session.exec(
            select(model)
            .where(model.kasus_id == kasus_id)
            .where(col(model.deleted_at).is_(None))
            .order_by(order)
        )
    )


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


LEBAR_RINGKAS = 60  # the case screen's summary column at 80x24


def ringkas_kejadian(
    kasus: Kasus,
    bentuk: list[str],
    *,
    zona: ZoneInfo | None = None,
    lebar: int = LEBAR_RINGKAS,
) -> str:
    """One line of what the kejadian holds: when (local; "perkiraan" when approximate,
    the hour only when known), what, where, then the start of the kronologi (or the
    address), cut to `lebar` characters. Any one of them is enough to show."""
    bagian = []
    if kasus.waktu_kejadian is not None:
        lokal = kasus.waktu_kejadian.astimezone(zona or ZONA_BAWAAN)
        waktu = (
            validasi.format_tanggal(lokal)
            if kasus.kejadian_tanpa_jam
            else validasi.format_waktu(lokal)
        )
        bagian.append(waktu + (" (perkiraan)" if kasus.kejadian_perkiraan else ""))
    if bentuk:
        bagian.append(", ".join(referensi.label("bentuk_kekerasan", b) for b in bentuk))
    if kasus.tempat_kejadian:
        bagian.append(referensi.label("tempat_kejadian", kasus.tempat_kejadian))
    if kode := kasus.kejadian_kabkota_kode:
        bagian.append(referensi.nama_wilayah(kode) or kode)
    if cerita := " ".join((kasus.kronologi or kasus.kejadian_alamat or "").split()):
        bagian.append(cerita)  # one line: newlines and runs of spaces become one space
    return potong(" · ".join(bagian), lebar) or BELUM


def potong(teks: str, lebar: int) -> str:
    """`teks` cut to `lebar` characters, "…" marking the cut."""
    return teks if len(teks) <= lebar else teks[: lebar - 1].rstrip() + "…"


def ringkas_persetujuan(row: Persetujuan) -> str:
    izin = [
        label
        for attr, label in (
            ("izin_kesehatan", "kesehatan"),
            ("izin_hukum", "hukum"),
            ("izin_psikolog", "psikolog"),
            ("izin_dinsos", "dinsos"),
            ("izin_uptd_kabkota", "UPTD kab/kota"),
            ("izin_lainnya", "lainnya"),
        )
        if getattr(row, attr)
    ]
    oleh = "wali" if row.pemberi == "orang_tua_wali" else "korban"
    return f"oleh {oleh}: " + (", ".join(izin) if izin else "tidak untuk dibagikan")


def ringkas_rencana(row: RencanaIntervensi) -> str:
    bagian = [referensi.label("layanan", row.layanan)]
    if row.penyedia:
        bagian.append(row.penyedia)
    if row.tenggat:
        bagian.append(f"s.d. {row.tenggat:%d-%m-%Y}")
    return " · ".join(bagian)
