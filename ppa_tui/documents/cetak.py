"""The one way the CLI and the TUI print a document: compose it from the case
(`domain.dokumen`), draw it (`surat`, `formulir`, `laporan`), write it private (0600).

A numbered letter takes its number in a unit of work that commits before the PDF is
drawn: a drawing that fails leaves the number with the letter, and the next print
shows the same one. Documents without a number only read (a read-only database still
prints them)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ppa_tui.domain.clock import Clock, SystemClock
from ppa_tui.domain.dokumen import (
    BERNOMOR,
    DAFTAR_DOKUMEN,
    DataTidakAda,
    Dokumen,
    Konteks,
    cari_kasus,
    susun_dokumen,
)
from ppa_tui.domain.dokumen.bahan import waktu
from ppa_tui.galat import PesanPetugas
from ppa_tui.pribadi import buka_pribadi, folder_pribadi

if TYPE_CHECKING:
    from ppa_tui.settings import Settings
    from ppa_tui.store.database import Database

__all__ = ["DAFTAR_DOKUMEN", "CetakGagal", "HasilCetak", "PersetujuanKurang", "cetak",
           "folder_cetak", "gambar"]


class CetakGagal(PesanPetugas):
    """The document cannot be printed; the text is the Indonesian sentence to show."""


class PersetujuanKurang(CetakGagal):
    """A document for an outside agency that the korban's consent does not reach: it
    prints only without her personal data, when the officer asks for that."""


@dataclass(frozen=True)
class HasilCetak:
    path: Path
    nomor_surat: str
    """The letter number ("" for a document that has none)."""
    dihilangkan: list[str]
    """What personal data was left out of the document, and why."""
    judul: str = ""


def gambar(dok: Dokumen, alamat_unit: str, dicetak: str = "") -> bytes:
    """The PDF of a composed document."""
    from ppa_tui.documents import formulir, laporan, surat
    from ppa_tui.documents.tata import Kertas, simpan

    pdf = Kertas(dok, alamat_unit, dicetak)
    {"surat": surat, "formulir": formulir, "laporan": laporan}[dok.jenis].gambar(pdf, dok)
    return simpan(pdf)


def folder_cetak(settings: Settings) -> Path:
    """Where the TUI writes its prints: `<data_dir>/cetak`, readable by this user only."""
    return folder_pribadi(Path(settings.data_dir) / "cetak")


def cetak(
    database: Database,
    settings: Settings,
    kasus: str | uuid.UUID,
    dokumen: str,
    *,
    ref: object = None,
    keluar: Path | None = None,
    petugas: str = "",
    clock: Clock | None = None,
    tanpa_data_pribadi: bool = False,
) -> HasilCetak:
    """Print document `dokumen` (a DAFTAR_DOKUMEN id) of the case with register number
    (or id) `kasus` to a PDF. `ref`: which rencana (or mediasi, stay, ...) of the case, a
    number N (the N-th) or its id; default the most recent. `keluar`: the file, or a
    folder for the default name (`pelimpahan-PPA-2026-0001.pdf`); default the current
    folder. Raises `CetakGagal` (an Indonesian sentence) for an unknown case, document
    or record, or a folder that is not there.

    A document for an outside agency that the korban's informed consent does not reach
    is refused, naming the missing consent (SOP 18 PERINGATAN 3), before any letter
    number is taken; `tanpa_data_pribadi` prints it with that korban's personal data
    left out instead (initials, and the document says why). Every print is audited."""
    if dokumen not in DAFTAR_DOKUMEN:
        raise CetakGagal(f"Dokumen \"{dokumen}\" tidak dikenal. Yang ada: "
                         + ", ".join(DAFTAR_DOKUMEN) + " (lihat ppa cetak --daftar).")
    sekarang = (clock or SystemClock()).now()
    konteks = Konteks(sekarang=sekarang, zona=settings.zona_waktu,
                      pola_nomor=settings.pola_nomor_surat, petugas=petugas or settings.petugas)
    unit_kerja = database.session() if dokumen in BERNOMOR else database.baca()
    try:
        with unit_kerja as session:
            kasus_id = cari_kasus(session, kasus).id
            dok = susun_dokumen(session, kasus_id, dokumen, konteks, ref=ref)
            if dok.persetujuan_kurang and not tanpa_data_pribadi:  # rolls the number back
                raise PersetujuanKurang(
                    f"{dok.judul} tidak dicetak: belum ada persetujuan pemberian informasi "
                    f"dari {'; '.join(dok.persetujuan_kurang)}. Catat persetujuannya lebih "
                    "dulu, atau cetak tanpa data pribadinya.")
    except DataTidakAda as exc:
        raise CetakGagal(str(exc)) from None
    path = _tujuan(keluar, dok)
    isi = gambar(dok, settings.alamat_unit, waktu(sekarang, settings.zona_waktu))
    with buka_pribadi(path, "wb") as f:
        f.write(isi)
    _catat_cetak(database, kasus_id, dokumen, dok)
    return HasilCetak(path=path, nomor_surat=dok.nomor_surat,
                      dihilangkan=list(dok.dihilangkan), judul=dok.judul)


def _tujuan(keluar: Path | None, dok: Dokumen) -> Path:
    nama = f"{dok.nama_berkas}.pdf"
    if keluar is None:
        return Path.cwd() / nama
    keluar = Path(keluar).expanduser()
    if keluar.is_dir():
        return keluar / nama
    if not keluar.parent.is_dir():
        raise CetakGagal(f"Folder {keluar.parent} tidak ada: buat dulu atau pilih folder lain.")
    return keluar


def _catat_cetak(database: Database, kasus_id: uuid.UUID, dokumen: str, dok: Dokumen) -> None:
    """The audit entry of a print. A database this desk may only read still prints
    (as before accounts); the failed entry is logged, not shown."""
    from ppa_tui.domain import audit

    try:
        with database.session() as s:
            audit.catat(s, "cetak", tabel="kasus", objek_id=kasus_id.hex, kasus_id=kasus_id,
                        rincian={"dokumen": dokumen, "nomor_surat": dok.nomor_surat,
                                 "tanpa_data_pribadi": bool(dok.dihilangkan)})
    except Exception as exc:  # noqa: BLE001  (read-only file: printing is still allowed)
        from ppa_tui.galat import catat_galat

        catat_galat(exc, "audit cetak")
