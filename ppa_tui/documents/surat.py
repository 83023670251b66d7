"""Letters that leave the unit (surat pelimpahan, surat rujukan): date and number
block, addressee, body, the data-protection note, the Kepala's signature."""

from __future__ import annotations

from fpdf.enums import Align, XPos, YPos

from ppa_tui.documents.tata import BARIS, FONT, HURUF, TITIK, Kertas, bersih
from ppa_tui.domain.dokumen import Dokumen
from ppa_tui.domain.dokumen.bahan import tgl


def gambar(pdf: Kertas, dok: Dokumen) -> None:
    pdf.cell(pdf.epw, BARIS, bersih(f"{dok.tempat}, {tgl(dok.tanggal)}"), align=Align.R,
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    for label, nilai in (("Nomor", dok.nomor_surat or TITIK), ("Sifat", "Rahasia"),
                         ("Lampiran", dok.lampiran or "-"), ("Perihal", dok.perihal)):
        pdf.cell(24, BARIS, label)
        pdf.cell(4, BARIS, ":")
        if label == "Perihal":
            pdf.set_font(FONT, "B", HURUF)
        pdf.multi_cell(pdf.epw - 28, BARIS, bersih(nilai), new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)
        pdf.set_font(FONT, "", HURUF)
    pdf.ln(4)
    pdf.cell(pdf.epw, BARIS, "Kepada", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for baris in dok.kepada:
        pdf.multi_cell(pdf.epw * 0.6, BARIS, bersih(baris), new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.isi()
    pdf.dihilangkan()
    pdf.tanda_tangan(dok.tanda_tangan, tanggal=False)
