"""The recap written out: a spreadsheet (`xlsx`), a CSV (`berkas_csv`) or a PDF with the
letterhead (`pdf`). The figures come from `ppa_tui.domain.rekap`; this package only
writes them, readable by this user only (files 0600, the default folder 0700).

Never imports Textual; openpyxl and fpdf2 are imported when a file is written."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ppa_tui.galat import PesanPetugas
from ppa_tui.pribadi import buka_pribadi, folder_pribadi

if TYPE_CHECKING:
    from ppa_tui.domain.rekap import Rekap

__all__ = ["FORMAT", "LaporanGagal", "folder_laporan", "isi_berkas", "judul_rekap",
           "nama_berkas", "tulis_rekap"]

FORMAT = ("xlsx", "csv", "pdf")


class LaporanGagal(PesanPetugas):
    """The recap cannot be written; the text is the Indonesian sentence to show."""


def folder_laporan(data_dir: Path | str) -> Path:
    """Where recaps go by default: `<data_dir>/laporan`, readable by this user only."""
    return folder_pribadi(Path(data_dir) / "laporan")


def nama_berkas(rekap: Rekap, format: str) -> str:  # noqa: A002
    """`rekap-2026-11.xlsx`; a demo-only database's: `rekap-2026-11-contoh.xlsx`."""
    return f"rekap-{rekap.kode_periode}{'-contoh' if rekap.contoh else ''}.{format}"


def judul_rekap(rekap: Rekap) -> str:
    """"Rekap November 2026 · UPTD PPA Provinsi Kepulauan Bangka Belitung"."""
    from ppa_tui.domain.unit import data_unit

    u = data_unit()
    judul = f"Rekap {rekap.periode.judul} · {u.unit_singkat} {u.provinsi}"
    return judul + (" · DATA CONTOH (ppa demo)" if rekap.contoh else "")


def isi_berkas(rekap: Rekap, format: str, *, alamat_unit: str = "",  # noqa: A002
               dibuat: datetime | None = None, zona: str = "Asia/Jakarta") -> bytes:
    """The file's bytes in ``format`` (xlsx, csv, pdf)."""
    if format == "xlsx":
        from ppa_tui.laporan.xlsx import lembar_kerja

        return lembar_kerja(rekap, judul_rekap(rekap))
    if format == "csv":
        from ppa_tui.laporan.berkas_csv import teks_csv

        return teks_csv(rekap, judul_rekap(rekap))
    if format == "pdf":
        from ppa_tui.laporan.pdf import gambar_rekap

        return gambar_rekap(rekap, alamat_unit, dibuat, zona)
    raise LaporanGagal(f"Format \"{format}\" tidak dikenal: pilih {', '.join(FORMAT)}.")


def tulis_rekap(rekap: Rekap, format: str, keluar: Path, *,  # noqa: A002
                alamat_unit: str = "", dibuat: datetime | None = None,
                zona: str = "Asia/Jakarta") -> Path:
    """Write the recap to ``keluar`` (a file, or a folder for the default name) and
    return where it went. Raises `LaporanGagal` for a folder that is not there."""
    if format not in FORMAT:
        raise LaporanGagal(f"Format \"{format}\" tidak dikenal: pilih {', '.join(FORMAT)}.")
    keluar = Path(keluar).expanduser()
    if keluar.is_dir():
        keluar = keluar / nama_berkas(rekap, format)
    elif not keluar.parent.is_dir():
        raise LaporanGagal(f"Folder {keluar.parent} tidak ada: buat dulu atau pilih folder "
                           "lain.")
    isi = isi_berkas(rekap, format, alamat_unit=alamat_unit, dibuat=dibuat, zona=zona)
    with buka_pribadi(keluar, "wb") as f:
        f.write(isi)
    return keluar
