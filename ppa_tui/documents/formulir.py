"""Forms and berita acara: centred title and number, rows to fill, tick lists, the
signatures of everyone the SOP has sign it, under the place and date."""

from __future__ import annotations

from ppa_tui.documents.tata import Kertas
from ppa_tui.domain.dokumen import Dokumen


def gambar(pdf: Kertas, dok: Dokumen) -> None:
    pdf.judul(dok.judul, dok.nomor_surat)
    pdf.isi()
    pdf.dihilangkan()
    pdf.tanda_tangan(dok.tanda_tangan)
