"""The pattern letter numbers are written in (setting `pola_nomor_surat`).

Standard library only: `settings.py` checks the pattern when it loads, on the path to
the first frame, so this must not pull in the database stack.
"""

from __future__ import annotations

import string
from datetime import date

POLA_BAWAAN = "{urut:03d}/UPTD-PPA/{bulan_romawi}/{tahun}"
"""e.g. `012/UPTD-PPA/XI/2026`."""

ISIAN = {
    "urut": "nomor urut dalam tahun itu",
    "bulan_romawi": "bulan dalam angka Romawi (XI)",
    "bulan": "bulan dalam angka (11)",
    "tahun": "tahun (2026)",
}
WAJIB = ("urut", "tahun")
"""Numbers are counted per year: without both, two letters could share a number."""
PANJANG_MAKS = 100  # the `surat.nomor` column

_ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def romawi(bulan: int) -> str:
    """Month 1..12 in Roman numerals, as Indonesian letter numbers write it."""
    return _ROMAWI[bulan - 1]


def format_nomor(pola: str, urut: int, tanggal: date) -> str:
    """The letter number `urut` of `tanggal`'s year, written in `pola`."""
    return pola.format(urut=urut, bulan_romawi=romawi(tanggal.month), bulan=tanggal.month,
                       tahun=tanggal.year)


def salah_pola(pola: str) -> str | None:
    """Why `pola` cannot be used (an Indonesian clause), or None when it can."""
    try:
        nama = {f for _, f, _, _ in string.Formatter().parse(pola) if f is not None}
    except ValueError:
        return "kurung kurawal { } tidak berpasangan"
    if asing := sorted(nama - set(ISIAN)):
        return (f"isian {{{asing[0]}}} tidak dikenal (yang dikenal: "
                + ", ".join(f"{{{k}}}" for k in ISIAN) + ")")
    if kurang := [k for k in WAJIB if k not in nama]:
        return (f"harus memuat {{{kurang[0]}}} (nomor dihitung per tahun), contoh: "
                f"{POLA_BAWAAN}")
    try:
        contoh = format_nomor(pola, 999_999, date(2026, 12, 31))
    except (ValueError, TypeError, IndexError, KeyError):
        return f"format isiannya tidak bisa dipakai (contoh yang benar: {POLA_BAWAAN})"
    if len(contoh) > PANJANG_MAKS:
        return f"nomor yang dihasilkan lebih dari {PANJANG_MAKS} karakter"
    return None
