"""The shape of a printable document: plain frozen dataclasses, no ORM rows, so the
renderer (`ppa_tui/documents`) needs neither a session nor a rule of its own.

An empty value is not an error: the renderer draws a line to fill by hand, because
the unit still signs paper and a document must print for any case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Baris:
    """One `label : value` row. `nilai` "" draws a line to fill; `panjang` several."""

    label: str
    nilai: str = ""
    panjang: bool = False


@dataclass(frozen=True)
class Paragraf:
    teks: str
    tebal: bool = False


@dataclass(frozen=True)
class Tabel:
    """Columns and rows; with no rows, `kosong` blank rows to fill by hand."""

    kolom: tuple[str, ...]
    baris: tuple[tuple[str, ...], ...] = ()
    lebar: tuple[float, ...] = ()
    """Relative column widths (default: equal)."""
    kosong: int = 3


@dataclass(frozen=True)
class Centang:
    """A list of choices, each ticked or not (lembar disposisi, persetujuan)."""

    pilihan: tuple[tuple[str, bool], ...]


Blok = Baris | Paragraf | Tabel | Centang


@dataclass(frozen=True)
class Bagian:
    judul: str = ""
    isi: tuple[Blok, ...] = ()


@dataclass(frozen=True)
class TandaTangan:
    """One signature block: `keterangan` above the role ("Yang menyerahkan,"), the
    role as the SOP names it, space to sign, the name (or a line) and an NIP line
    for officials."""

    peran: str
    nama: str = ""
    nip: bool = True
    keterangan: str = ""


@dataclass(frozen=True)
class Dokumen:
    """What one printed document shows."""

    kode: str
    """The DAFTAR_DOKUMEN id: `pelimpahan`, `rujukan`, ..."""
    judul: str
    jenis: str
    """Which renderer lays it out: `surat`, `formulir` or `laporan`."""
    nomor_register: str
    tanggal: date
    """The document's date: a numbered letter keeps the day it was numbered."""
    tempat: str
    nama_berkas: str
    """Suggested file name without `.pdf`, e.g. `pelimpahan-PPA-2026-0001`."""
    nomor_surat: str = ""
    kepada: tuple[str, ...] = ()
    perihal: str = ""
    lampiran: str = ""
    bagian: tuple[Bagian, ...] = ()
    tanda_tangan: tuple[TandaTangan, ...] = ()
    dihilangkan: tuple[str, ...] = ()
    """What personal data was left out, and why (one sentence each): printed in the
    document and returned to the caller."""
    persetujuan_kurang: tuple[str, ...] = ()
    """Whose consent does not reach the addressee ("korban S. A. untuk Kepolisian/
    lembaga hukum"): such a document is refused unless printed without personal data."""
