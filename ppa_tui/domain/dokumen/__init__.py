"""Every document the SOPs name, composed from one case's data as it stands.

Pure domain: `susun_dokumen` takes a session and returns a `Dokumen` (plain
dataclasses); `ppa_tui/documents` only draws it. What is known is filled in, the rest
is left as lines to fill by hand, so any document prints for any case.

Letter numbers (`BERNOMOR`): only what leaves the unit or is a formal record of it is
numbered: the surat pelimpahan and surat rujukan, the berita acara penyerahan, of
mediasi and of penampungan, the lembar disposisi and the rekomendasi. Forms filled
with the client (tanda terima, data klien, persetujuan, asesmen) and the unit's own
reports (status klien, laporan pendampingan, laporan akhir) carry the register number
only. A numbered document keeps its number and its date on every reprint.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session, select

from ppa_tui.domain.dokumen import berita_acara, formulir, laporan, surat_keluar
from ppa_tui.domain.dokumen.bahan import Bahan, Cetakan, DataTidakAda, Konteks, pilih_baris
from ppa_tui.domain.dokumen.bentuk import (
    Bagian,
    Baris,
    Blok,
    Centang,
    Dokumen,
    Paragraf,
    Tabel,
    TandaTangan,
)
from ppa_tui.domain.models import (
    Asesmen,
    Disposisi,
    Kasus,
    Mediasi,
    Pelimpahan,
    Penampungan,
    Persetujuan,
    RencanaIntervensi,
)
from ppa_tui.domain.surat import beri_nomor, tanggal_surat
from ppa_tui.domain.unit import data_unit

__all__ = [
    "BERNOMOR",
    "DAFTAR_DOKUMEN",
    "Bagian",
    "Baris",
    "Blok",
    "Centang",
    "DataTidakAda",
    "Dokumen",
    "Konteks",
    "Paragraf",
    "Tabel",
    "TandaTangan",
    "cari_kasus",
    "susun_dokumen",
]


@dataclass(frozen=True)
class _Jenis:
    judul: str
    jenis: str  # the renderer: surat, formulir, laporan
    susun: Callable[[Bahan, Cetakan], Dokumen]
    model: type | None = None  # the record it is about (ref), if any
    nama_ref: str = ""
    bernomor: bool = False


_JENIS: dict[str, _Jenis] = {
    "tanda-terima": _Jenis("Tanda Terima Pengaduan", "formulir", formulir.tanda_terima),
    "data-klien": _Jenis("Form Data Korban/Klien/Pelapor", "formulir", formulir.data_klien),
    "persetujuan": _Jenis("Form Persetujuan Pemberian Informasi", "formulir",
                          formulir.persetujuan, Persetujuan, "persetujuan"),
    "asesmen": _Jenis("Form Asesmen dan Rencana Intervensi", "formulir", formulir.asesmen,
                      Asesmen, "asesmen"),
    "disposisi": _Jenis("Lembar Disposisi", "formulir", formulir.disposisi, Disposisi,
                        "disposisi", bernomor=True),
    "status-klien": _Jenis("Dokumen Status Klien", "laporan", laporan.status_klien),
    "pelimpahan": _Jenis("Surat Pelimpahan", "surat", surat_keluar.pelimpahan, Pelimpahan,
                         "pelimpahan", bernomor=True),
    "rujukan": _Jenis("Surat Rujukan", "surat", surat_keluar.rujukan, RencanaIntervensi,
                      "rencana", bernomor=True),
    "bap": _Jenis("Berita Acara Penyerahan", "formulir", surat_keluar.bap, RencanaIntervensi,
                  "rencana", bernomor=True),
    "rekomendasi": _Jenis("Rekomendasi Tindak Lanjut", "laporan", laporan.rekomendasi,
                          bernomor=True),
    "laporan-pendampingan": _Jenis("Catatan Hasil Kegiatan Pendampingan Korban", "laporan",
                                   laporan.laporan_pendampingan),
    "laporan-akhir": _Jenis("Laporan Akhir Pendampingan", "laporan", laporan.laporan_akhir,
                            RencanaIntervensi, "rencana"),
    "mediasi": _Jenis("Berita Acara Mediasi dan Kesepakatan", "formulir", berita_acara.mediasi,
                      Mediasi, "mediasi", bernomor=True),
    "penampungan": _Jenis("Berita Acara Penempatan Penampungan Sementara", "formulir",
                          berita_acara.penampungan, Penampungan, "penampungan", bernomor=True),
}

DAFTAR_DOKUMEN: dict[str, str] = {kode: j.judul for kode, j in _JENIS.items()}
"""Document id -> Indonesian title, in the order the SOPs reach them."""
BERNOMOR: frozenset[str] = frozenset(k for k, j in _JENIS.items() if j.bernomor)
PER_REF: dict[str, str] = {k: j.nama_ref for k, j in _JENIS.items() if j.model is not None}
"""Documents about one record of the case (`ref`), and what that record is called."""


def cari_kasus(session: Session, kunci: str | uuid.UUID) -> Kasus:
    """A case by its register number (`PPA/2026/0001`, also `PPA-2026-0001` as in file
    names, any case) or its id."""
    if not isinstance(kunci, uuid.UUID):
        teks = str(kunci).strip()
        try:
            kunci = uuid.UUID(teks)
        except ValueError:
            nomor = teks.upper().replace("-", "/")
            kasus = session.exec(select(Kasus).where(Kasus.nomor_register == nomor)).first()
            if kasus is None or kasus.deleted_at is not None:
                raise DataTidakAda(f"Kasus dengan nomor register {teks} tidak ada "
                                   "(contoh penulisan: PPA/2026/0001).") from None
            return kasus
    kasus = session.get(Kasus, kunci)
    if kasus is None or kasus.deleted_at is not None:
        raise DataTidakAda(f"Kasus {kunci} tidak ada.")
    return kasus


def susun_dokumen(session: Session, kasus_id: uuid.UUID, dokumen: str, konteks: Konteks, *,
                  ref: object = None) -> Dokumen:
    """Compose document `dokumen` of the case. `ref` picks the record a per-record
    document is about (a rencana for rujukan, bap, laporan-akhir; a mediasi, a stay...):
    a number N (the N-th, oldest first) or the record's id; None, the most recent.

    A numbered document takes (or finds) its letter number here, inside the caller's
    transaction: call it inside a unit of work that commits."""
    if dokumen not in _JENIS:
        raise DataTidakAda(f"Dokumen \"{dokumen}\" tidak dikenal. Yang ada: "
                           + ", ".join(_JENIS) + ".")
    j = _JENIS[dokumen]
    kasus = cari_kasus(session, kasus_id)
    bahan = Bahan(session, kasus, konteks)
    row, urutan, jumlah = None, 0, 0
    if j.model is not None:
        rows = bahan._rows(j.model)  # noqa: SLF001  (the same cache the builders read)
        jumlah = len(rows)
        row, urutan = pilih_baris(rows, ref, j.nama_ref, kasus.nomor_register)
    elif ref not in (None, ""):
        raise DataTidakAda(f"Dokumen \"{dokumen}\" tidak memilih rencana atau catatan: "
                           "hapus pilihan --rencana.")
    nomor, tanggal = "", konteks.hari_ini
    if j.bernomor:
        surat = beri_nomor(session, dokumen=dokumen, kasus_id=kasus.id,
                           ref=_ref_nomor(j, row, urutan), sekarang=konteks.sekarang,
                           pola=konteks.pola_nomor, zona=konteks.zona, petugas=konteks.petugas)
        nomor, tanggal = surat.nomor, tanggal_surat(surat, konteks.zona)
    berkas = f"{dokumen}-{kasus.nomor_register.replace('/', '-')}"
    if jumlah > 1:
        berkas += f"-{urutan}"
    return j.susun(bahan, Cetakan(kode=dokumen, judul=j.judul, jenis=j.jenis,
                                  nama_berkas=berkas, tanggal=tanggal,
                                  tempat=data_unit().tempat, nomor_surat=nomor, row=row,
                                  urutan=urutan))


def _ref_nomor(j: _Jenis, row: object, urutan: int) -> uuid.UUID | None:
    """Which letter a number belongs to. A letter about a service is the service's
    (rencana id). Of the others a case usually has one, printed before its record is
    entered (the record then notes the letter's number): the first keeps the case's
    number, later ones (a second mediation, a second stay) their record's."""
    if row is None:
        return None
    if j.model is RencanaIntervensi or urutan > 1:
        return row.id
    return None
