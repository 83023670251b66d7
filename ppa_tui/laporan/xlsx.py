"""The recap as a spreadsheet: one sheet per table. Row 1 the title (period and unit),
row 2 the table's title, row 3 the headings, then the rows; numbers are numbers (a
percentage a number with one decimal), a missing figure an empty cell; the table's
note under it."""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ppa_tui.domain.rekap import Rekap

BARIS_JUDUL, BARIS_TABEL, BARIS_KEPALA = 1, 2, 3


def lembar_kerja(rekap: Rekap, judul: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    tebal = Font(bold=True)
    abu = PatternFill("solid", fgColor="E6E6E6")
    for t in rekap.tabel:
        ws = wb.create_sheet(t.kode[:31])
        ws.cell(BARIS_JUDUL, 1, judul).font = Font(bold=True, size=12)
        ws.cell(BARIS_TABEL, 1, t.judul).font = tebal
        for j, k in enumerate(t.kolom, start=1):
            c = ws.cell(BARIS_KEPALA, j, k)
            c.font, c.fill = tebal, abu
        for i, b in enumerate(t.baris, start=BARIS_KEPALA + 1):
            for j, v in enumerate(b, start=1):
                c = ws.cell(i, j, v)
                if t.jumlah and i == BARIS_KEPALA + len(t.baris):
                    c.font = tebal
        if t.catatan:
            ws.cell(BARIS_KEPALA + len(t.baris) + 2, 1, t.catatan).font = Font(italic=True)
        ws.freeze_panes = ws.cell(BARIS_KEPALA + 1, 2)
        for j, k in enumerate(t.kolom, start=1):
            isi = [len(str(b[j - 1])) for b in t.baris if j - 1 < len(b)]
            lebar = max([len(k), *isi]) + 2
            ws.column_dimensions[get_column_letter(j)].width = min(max(lebar, 10), 60)
    wb.properties.title = judul
    wb.properties.creator = "ppa-tui"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
