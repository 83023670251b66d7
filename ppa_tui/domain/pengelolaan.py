"""Services of the rujukan track and of case management: a referral in (L4a), the
pelimpahan's receipt, the Kepala's disposisi (L4b), shelter stays and mediation
(L6), activity notes (L7-L9). Every write the TUI makes goes through a function here.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from ppa_tui.domain import referensi
from ppa_tui.domain.kasus import (
    AturanDilanggar,
    TidakDitemukan,
    ambil_kasus,
    baris_kasus,
    buka_kasus,
    terapkan,
    uuid_fields,
)
from ppa_tui.domain.models import (
    CatatanKegiatan,
    Disposisi,
    Kasus,
    KekerasanKasus,
    Mediasi,
    Pelimpahan,
    Penampungan,
    Pihak,
    RujukanMasuk,
)

JALUR_RUJUKAN = "rujukan"


def terima_rujukan(
    session: Session, nilai: Mapping[str, Any], *, waktu_diterima: datetime,
    petugas: str = "", zona: str = "Asia/Jakarta", kalender: Any = None,
) -> tuple[Kasus, RujukanMasuk]:
    """A referral from a kab/kota opens its case directly on the rujukan track (L4a
    running from its arrival), with the referral's letter and summary."""
    kasus = buka_kasus(session, waktu_diterima=waktu_diterima, petugas=petugas, zona=zona,
                       jalur=JALUR_RUJUKAN, kalender=kalender)
    rujukan = RujukanMasuk(kasus_id=kasus.id, petugas=petugas)
    terapkan(rujukan, nilai)
    session.add(rujukan)
    return kasus, rujukan


def simpan_rujukan(session: Session, kasus_id: uuid.UUID, nilai: Mapping[str, Any],
                   rujukan_id: uuid.UUID | None = None) -> RujukanMasuk:
    row = baris_kasus(session, RujukanMasuk, kasus_id, rujukan_id, nilai)
    session.add(row)
    return row


def simpan_pelimpahan(session: Session, kasus_id: uuid.UUID, nilai: Mapping[str, Any],
                      pelimpahan_id: uuid.UUID | None = None) -> Pelimpahan:
    """Complete the handover: the letter, and the receipt, which ends the track."""
    row = baris_kasus(session, Pelimpahan, kasus_id, pelimpahan_id, nilai)
    if row.tanggal_tanda_terima and row.tanggal_kirim and (
        row.tanggal_tanda_terima < row.tanggal_kirim
    ):
        raise AturanDilanggar("Tanggal tanda terima sebelum tanggal kirim")
    session.add(row)
    return row


def simpan_disposisi(session: Session, kasus_id: uuid.UUID, nilai: Mapping[str, Any],
                     disposisi_id: uuid.UUID | None = None) -> Disposisi:
    """The Kepala's lembar disposisi; the instruction choices are kept as their codes."""
    nilai = dict(nilai)
    if isinstance(nilai.get("instruksi"), list | tuple):
        nilai["instruksi"] = ",".join(str(x) for x in nilai["instruksi"])
    row = baris_kasus(session, Disposisi, kasus_id, disposisi_id, nilai)
    session.add(row)
    return row


# ---- penampungan sementara ---------------------------------------------------------


def aturan_penampungan() -> tuple[int, int]:
    """(limit, warning-from) in days, from data/referensi.toml's [penampungan]."""
    data = referensi.tabel("penampungan")
    return int(data.get("batas_hari", 14)), int(data.get("peringatan_hari", 10))


def batas_penampungan(masuk: datetime, perpanjangan_hari: int = 0) -> datetime:
    batas, _ = aturan_penampungan()
    return masuk + timedelta(days=batas + max(0, perpanjangan_hari))


def simpan_penampungan(session: Session, kasus_id: uuid.UUID, nilai: Mapping[str, Any],
                       penampungan_id: uuid.UUID | None = None) -> Penampungan:
    """A shelter stay: its deadline is admission + 14 days (+ an extension, which
    needs a reason), stored so its countdown survives like a step's."""
    kasus = ambil_kasus(session, kasus_id)
    if "perpanjangan_hari" in nilai:
        nilai = {**nilai, "perpanjangan_hari": nilai["perpanjangan_hari"] or 0}
    if penampungan_id is None and kasus.status != "aktif":
        raise AturanDilanggar("Kasus sudah ditutup: buka kembali dulu")
    if penampungan_id is None and "waktu_masuk" not in nilai:
        raise AturanDilanggar("Isi waktu masuk penampungan")
    if penampungan_id is None:
        row = Penampungan(kasus_id=kasus_id, waktu_masuk=nilai["waktu_masuk"],
                          batas_at=batas_penampungan(nilai["waktu_masuk"]))
        terapkan(row, uuid_fields(nilai, "korban_id"))
    else:
        row = baris_kasus(session, Penampungan, kasus_id, penampungan_id, nilai)
    if row.perpanjangan_hari and not row.perpanjangan_alasan.strip():
        raise AturanDilanggar("Perpanjangan penampungan perlu alasan")
    if row.waktu_keluar is not None and row.waktu_keluar < row.waktu_masuk:
        raise AturanDilanggar("Waktu keluar sebelum waktu masuk")
    row.batas_at = batas_penampungan(row.waktu_masuk, row.perpanjangan_hari or 0)
    session.add(row)
    return row


def penampungan_terbuka(session: Session, kasus_id: uuid.UUID) -> list[Penampungan]:
    return list(session.exec(
        select(Penampungan).where(Penampungan.kasus_id == kasus_id)
        .where(col(Penampungan.waktu_keluar).is_(None))
        .where(col(Penampungan.deleted_at).is_(None))
    ))


# ---- mediasi -------------------------------------------------------------------------


def _seksual(kode: str) -> bool:
    return referensi.simfoni("bentuk_kekerasan", kode) == "Seksual"


def mediasi_ditolak(session: Session, kasus_id: uuid.UUID) -> str | None:
    """Why this case may not be mediated, or None. A case of sexual violence is never
    settled outside the courts, unless the pelaku is a child (UU 12/2022 art. 23)."""
    bentuk = session.exec(
        select(KekerasanKasus.bentuk).where(KekerasanKasus.kasus_id == kasus_id)
        .where(col(KekerasanKasus.deleted_at).is_(None))
    ).all()
    if not any(_seksual(b) for b in bentuk):
        return None
    pelaku = session.exec(
        select(Pihak).where(Pihak.kasus_id == kasus_id).where(Pihak.peran == "pelaku")
        .where(col(Pihak.deleted_at).is_(None))
    ).all()
    if pelaku and all(p.anak_kejadian or p.anak for p in pelaku):  # a child when he did it
        return None
    sebab = ("usia pelaku belum tercatat" if not pelaku
             else "ada pelaku dewasa atau yang usianya belum tercatat")
    return ("Mediasi tidak boleh untuk kasus kekerasan seksual kecuali pelakunya anak "
            f"(UU 12/2022 pasal 23); di kasus ini {sebab}.")


def simpan_mediasi(session: Session, kasus_id: uuid.UUID, nilai: Mapping[str, Any],
                   mediasi_id: uuid.UUID | None = None) -> Mediasi:
    if mediasi_id is None and (alasan := mediasi_ditolak(session, kasus_id)):
        raise AturanDilanggar(alasan)
    row = baris_kasus(session, Mediasi, kasus_id, mediasi_id, nilai)
    if row.hasil == "sepakat" and not row.kesepakatan.strip():
        raise AturanDilanggar("Tulis isi kesepakatan")
    session.add(row)
    return row


# ---- catatan kegiatan (L7 rekomendasi, L8 pendampingan, L9 pemantauan) ----------------


def simpan_catatan(session: Session, kasus_id: uuid.UUID, nilai: Mapping[str, Any],
                   catatan_id: uuid.UUID | None = None) -> CatatanKegiatan:
    row = baris_kasus(session, CatatanKegiatan, kasus_id, catatan_id, nilai)
    if row.mediasi_id is not None:
        mediasi = session.get(Mediasi, row.mediasi_id)
        if mediasi is None or mediasi.kasus_id != kasus_id:
            raise TidakDitemukan(f"mediasi {row.mediasi_id}")
    session.add(row)
    return row
