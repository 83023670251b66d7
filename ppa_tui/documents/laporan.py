"""Reports (Dokumen Status Klien, rekomendasi, catatan pendampingan, laporan akhir):
title, the day the data was read, sections and tables, the signatures."""

from __future__ import annotations

from fpdf.enums import Align, XPos, YPos

from ppa_tui.documents.tata import BARIS, FONT, HURUF, Kertas, bersih
from ppa_tui.domain.dokumen import Dokumen
from ppa_tui.domain.dokumen.bahan import tgl


def gambar(pdf: Kertas, dok: Dokumen) -> None:
    pdf.judul(dok.judul, dok.nomor_surat)
    pdf.set_font(FONT, "", HURUF - 1)
    pdf.cell(pdf.epw, BARIS, bersih(f"Nomor register {dok.nomor_register} · keadaan per "
                                    f"{tgl(dok.tanggal)}"), align=Align.C,
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", HURUF)
    pdf.ln(2)
    pdf.isi()
    pdf.dihilangkan()
    pdf.tanda_tangan(dok.tanda_tangan)
