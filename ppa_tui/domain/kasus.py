"""Case services: open a case and record what the intake forms collect.

Every write the TUI makes goes through a function here (never straight to the ORM),
so the permission check and audit entry of a later issue have one place to sit.
Values arrive already validated by `forms.periksa_form`, keyed by model attribute.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from ppa_tui.domain import rincian, validasi
from ppa_tui.domain.langkah import mulai_langkah
from ppa_tui.domain.models import (
    Asesmen,
    Kasus,
    Persetujuan,
    Pihak,
    RencanaIntervensi,
    SQLModel,
)
from ppa_tui.domain.register import ambil_nomor
from ppa_tui.domain.sop import load_sop
from ppa_tui.domain.usia import tandai_usia_kejadian

T = TypeVar("T", bound=SQLModel)

SOP_PENGADUAN = "layanan"
JALUR_PENGADUAN = "dasar"


class TidakDitemukan(LookupError):
    """The record asked for does not exist (or was removed)."""


def terapkan(obj: SQLModel, nilai: Mapping[str, Any]) -> None:
    """Copy validated values onto the model's bound attributes, ignoring the rest.
    Checked again here, so no caller can store what the forms refuse: control
    characters are removed from text (newline and tab kept), and an integer no
    column holds raises `Invalid`."""
    for attr, value in nilai.items():
        if attr not in type(obj).model_fields:
            continue
        if isinstance(value, str):
            value = validasi.bersihkan_kontrol(value, baris=True)
        elif isinstance(value, int) and not isinstance(value, bool):
            validasi.periksa_batas_int(value)
        setattr(obj, attr, "" if value is None and _is_text(obj, attr) else value)


def _is_text(obj: SQLModel, attr: str) -> bool:
    return type(obj).model_fields[attr].annotation is str


def buka_kasus(
    session: Session, *, waktu_diterima: datetime, petugas: str = "", zona: str = "Asia/Jakarta",
    jalur: str = JALUR_PENGADUAN, kalender: Any = None, saluran: str = "",
) -> Kasus:
    """Open a case: a register number of the local year, and the first step of its
    track already running from the moment the client (or the referral) arrived. A
    walk-in starts on the dasar track; a referral from a kab/kota on the rujukan track."""
    tahun = waktu_diterima.astimezone(ZoneInfo(zona)).year
    petugas = validasi.bersihkan_kontrol(petugas)
    urutan, nomor = ambil_nomor(session, tahun)
    kasus = Kasus(
        nomor_register=nomor,
        tahun=tahun,
        urutan=urutan,
        sop_kode=SOP_PENGADUAN,
        jalur=jalur,
        waktu_diterima=waktu_diterima,
        petugas=petugas,
        saluran=saluran or ("rujukan" if jalur == "rujukan" else ""),
    )
    session.add(kasus)
    session.flush()
    pertama = load_sop(SOP_PENGADUAN).langkah_jalur(jalur)[0]
    mulai_langkah(session, kasus, pertama.kode, waktu_diterima, petugas, kalender=kalender)
    return kasus


def ambil_kasus(session: Session, kasus_id: uuid.UUID) -> Kasus:
    kasus = session.get(Kasus, kasus_id)
    if kasus is None or kasus.deleted_at is not None:
        raise TidakDitemukan(f"kasus {kasus_id}")
    return kasus


def simpan_kejadian(session: Session, kasus_id: uuid.UUID, nilai: Mapping[str, Any]) -> Kasus:
    """Record the kejadian; the set of bentuk kekerasan is replaced, old rows are
    marked deleted (never removed) so a merge can see what changed. A kejadian
    without a time cannot be "a date alone" (`kejadian_tanpa_jam`)."""
    kasus = ambil_kasus(session, kasus_id)
    terapkan(kasus, nilai)
    if kasus.waktu_kejadian is None:
        kasus.kejadian_tanpa_jam = False
    session.add(kasus)
    if "bentuk_kekerasan" in nilai:
        rincian.ganti_bentuk(session, kasus_id, None, nilai["bentuk_kekerasan"] or ())
    for orang in session.exec(  # the age at the kejadian moves with the kejadian
        select(Pihak).where(Pihak.kasus_id == kasus_id).where(col(Pihak.deleted_at).is_(None))
    ):
        tandai_usia_kejadian(orang, kasus)
        session.add(orang)
    return kasus


def simpan_pihak(
    session: Session,
    kasus_id: uuid.UUID,
    peran: str,
    nilai: Mapping[str, Any],
    pihak_id: uuid.UUID | None = None,
) -> Pihak:
    """Add or update the pelapor, a korban or a pelaku of a case. A pelapor who is
    the korban herself is recorded as a korban too, once. A korban's own bentuk
    kekerasan and anyone's ragam disabilitas become rows; every korban–pelaku pair
    gets its relationship (`rincian.selaraskan_hubungan`); a child's wali who is a
    pelaku of the case is refused."""
    if peran not in {"pelapor", "korban", "pelaku"}:
        raise ValueError(peran)
    kasus = ambil_kasus(session, kasus_id)
    pihak = (
        _pihak(session, pihak_id, kasus_id) if pihak_id else Pihak(kasus_id=kasus_id, peran=peran)
    )
    hubungan_lama = pihak.hubungan
    terapkan(pihak, nilai)
    if peran == "korban" and (pesan := rincian.wali_pelaku(session, kasus_id, pihak.wali_nama)):
        raise AturanDilanggar(pesan)
    tandai_usia_kejadian(pihak, kasus)
    session.add(pihak)
    session.flush()
    if peran == "korban" and "bentuk_kekerasan" in nilai:
        rincian.ganti_bentuk(session, kasus_id, pihak.id, nilai["bentuk_kekerasan"] or ())
    if "ragam_disabilitas" in nilai:
        rincian.ganti_ragam(session, pihak.id, nilai["ragam_disabilitas"] or ())
    if peran == "pelapor" and pihak.adalah_korban:
        _salin_pelapor_ke_korban(session, pihak, kasus)
    if peran != "pelapor" or pihak.adalah_korban:
        rincian.selaraskan_hubungan(session, kasus_id, pihak if peran == "pelaku" else None,
                                    hubungan_lama)
    return pihak


def _pihak(session: Session, pihak_id: uuid.UUID, kasus_id: uuid.UUID) -> Pihak:
    pihak = session.get(Pihak, pihak_id)
    if pihak is None or pihak.kasus_id != kasus_id or pihak.deleted_at is not None:
        raise TidakDitemukan(f"pihak {pihak_id}")
    return pihak


_DATA_ORANG = (
    "nama",
    "nik",
    "nik_peringatan",
    "jenis_kelamin",
    "tanggal_lahir",
    "usia",
    "anak",
    "telepon",
    "alamat",
    "kabkota_kode",
)


def _salin_pelapor_ke_korban(session: Session, pelapor: Pihak, kasus: Kasus) -> None:
    session.flush()
    korban = session.exec(
        select(Pihak).where(Pihak.peran == "korban").where(Pihak.pelapor_id == pelapor.id)
    ).first() or Pihak(kasus_id=pelapor.kasus_id, peran="korban", pelapor_id=pelapor.id)
    for attr in _DATA_ORANG:
        setattr(korban, attr, getattr(pelapor, attr))
    tandai_usia_kejadian(korban, kasus)
    session.add(korban)


class AturanDilanggar(ValueError):
    """A rule of the SOP or the law would be broken; the message is for the officer."""


def simpan_persetujuan(
    session: Session,
    kasus_id: uuid.UUID,
    nilai: Mapping[str, Any],
    persetujuan_id: uuid.UUID | None = None,
) -> Persetujuan:
    """Record informed consent. A child never consents alone (UU Perlindungan Anak):
    checked here too, not only by the form, so no caller can skip it."""
    row = baris_kasus(session, Persetujuan, kasus_id, persetujuan_id, nilai)
    korban = session.get(Pihak, row.korban_id) if row.korban_id else None
    if korban is not None and korban.kasus_id != kasus_id:
        raise TidakDitemukan(f"korban {row.korban_id}")
    if korban is not None and (
        pesan := validasi.pemberi_persetujuan_ditolak(korban.anak, row.pemberi)
    ):
        raise AturanDilanggar(pesan)
    if row.pemberi != "korban" and (
        pesan := rincian.wali_pelaku(session, kasus_id, row.wali_nama, row.wali_nik)
    ):
        raise AturanDilanggar(pesan)
    session.add(row)
    return row


IZIN_LEMBAGA = {  # referensi `lembaga_persetujuan` → the Persetujuan column
    "kesehatan": "izin_kesehatan",
    "kepolisian_hukum": "izin_hukum",
    "psikolog": "izin_psikolog",
    "dinas_sosial": "izin_dinsos",
    "uptd_ppa_kabkota": "izin_uptd_kabkota",
    "penampungan": "izin_penampungan",
    "lpsk": "izin_lpsk",
    "lainnya": "izin_lainnya",
}


def boleh_dibagikan(session: Session, korban_id: uuid.UUID, lembaga: str) -> bool:
    """May this korban's personal information go to this kind of agency? Only with
    her informed consent (SOP 18, PERINGATAN 3): the latest consent recorded for her
    decides; none recorded, or one she withdrew, means no."""
    kolom = IZIN_LEMBAGA[lembaga]
    row = session.exec(
        select(Persetujuan)
        .where(Persetujuan.korban_id == korban_id)
        .where(col(Persetujuan.deleted_at).is_(None))
        .order_by(col(Persetujuan.updated_at).desc())
    ).first()
    return bool(row is not None and row.dicabut_pada is None and getattr(row, kolom))


def simpan_asesmen(
    session: Session,
    kasus_id: uuid.UUID,
    nilai: Mapping[str, Any],
    asesmen_id: uuid.UUID | None = None,
) -> Asesmen:
    row = baris_kasus(session, Asesmen, kasus_id, asesmen_id, nilai)
    session.add(row)
    return row


def simpan_rencana(
    session: Session,
    kasus_id: uuid.UUID,
    nilai: Mapping[str, Any],
    rencana_id: uuid.UUID | None = None,
) -> RencanaIntervensi:
    row = baris_kasus(session, RencanaIntervensi, kasus_id, rencana_id, nilai)
    session.add(row)
    return row


def baris_kasus(
    session: Session,
    model: type[T],
    kasus_id: uuid.UUID,
    row_id: uuid.UUID | None,
    nilai: Mapping[str, Any],
) -> T:
    """The row `row_id` of this case (or a new one) with the form's values applied;
    a row of another case, or a removed one, is not found."""
    ambil_kasus(session, kasus_id)
    if row_id is None:
        row = model(kasus_id=kasus_id)
    else:
        row = session.get(model, row_id)
        if row is None or row.kasus_id != kasus_id or row.deleted_at is not None:
            raise TidakDitemukan(f"{model.__name__} {row_id}")
    terapkan(row, uuid_fields(nilai, "korban_id", "mediasi_id"))
    return row


def uuid_fields(nilai: Mapping[str, Any], *names: str) -> dict[str, Any]:
    """A form's choice of a record (its id as text) as a UUID; an empty choice None."""
    out = dict(nilai)
    for name in names:
        if out.get(name):
            out[name] = uuid.UUID(str(out[name]))
        elif name in out:
            out[name] = None
    return out
