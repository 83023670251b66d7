"""The recap as one CSV file in long form, one figure a line, so any table can be
filtered or pivoted in a spreadsheet:

    judul,periode,tabel,judul_tabel,kategori,kolom,nilai
    "Rekap November 2026 · UPTD PPA …",2026-11,bentuk_kekerasan,"Kasus dan …",Fisik,Kasus,3

Comma-separated (RFC 4180), UTF-8 with a byte-order mark (so a spreadsheet reads "–"
right), numbers as plain digits (a percentage with a point: 66.7), a missing figure
empty."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ppa_tui.domain.rekap import Rekap

KOLOM = ("judul", "periode", "tabel", "judul_tabel", "kategori", "kolom", "nilai")


def teks_csv(rekap: Rekap, judul: str) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(KOLOM)
    for t in rekap.tabel:
        for b in t.baris:
            for kolom, nilai in zip(t.kolom[1:], b[1:], strict=True):
                w.writerow((judul, rekap.kode_periode, t.kode, t.judul, b[0], kolom,
                            "" if nilai is None else nilai))
    return ("\ufeff" + out.getvalue()).encode("utf-8")
