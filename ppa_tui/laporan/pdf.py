"""The recap on paper: the unit's letterhead (the machinery of `ppa_tui/documents`),
the title with the period, every table with its note, and the Kepala's signature."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from fpdf.enums import Align

if TYPE_CHECKING:
    from ppa_tui.domain.rekap import Rekap, TabelRekap


def _angka(v: object) -> str:
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "Ya" if v else "Tidak"
    if isinstance(v, int):
        return f"{v:,}".replace(",", ".")
    if isinstance(v, float):
        return f"{v:.1f}".replace(".", ",")
    return str(v)


def _lebar(t: TabelRekap) -> tuple[float, ...]:
    if t.kode == "kepatuhan_sop":
        return (34, 9, 9, 9, 9, 24)
    return (3.2, *([1.0] * (len(t.kolom) - 1)))


def dokumen_rekap(rekap: Rekap, judul: str, hari: object) -> object:
    from ppa_tui.domain.dokumen.bahan import peran
    from ppa_tui.domain.dokumen.bentuk import Bagian, Dokumen, Paragraf, Tabel, TandaTangan
    from ppa_tui.domain.unit import data_unit
    from ppa_tui.laporan import nama_berkas

    bagian = []
    if rekap.contoh:
        bagian.append(Bagian("", (Paragraf("DATA CONTOH: basis data ini hanya berisi kasus "
                                           "contoh (ppa demo), bukan kasus nyata.",
                                           tebal=True),)))
    for t in rekap.tabel:
        isi: list = [Tabel(t.kolom, tuple(tuple(_angka(v) for v in b) for b in t.baris),
                           _lebar(t))]
        if t.catatan:
            isi.append(Paragraf(t.catatan))
        bagian.append(Bagian(t.judul, tuple(isi)))
    return Dokumen(kode="rekap", judul=judul, jenis="laporan", nomor_register="",
                   tanggal=hari, tempat=data_unit().tempat,
                   nama_berkas=nama_berkas(rekap, "pdf").removesuffix(".pdf"),
                   bagian=tuple(bagian),
                   tanda_tangan=(TandaTangan(peran("layanan", "kepala"),
                                             keterangan="Mengetahui,"),))


def gambar_rekap(rekap: Rekap, alamat_unit: str, dibuat: datetime | None = None,
                 zona: str = "Asia/Jakarta") -> bytes:
    from ppa_tui.documents.tata import FONT, HURUF, Kertas, bersih, simpan
    from ppa_tui.domain.dokumen.bahan import waktu

    dibuat = dibuat or datetime.now(ZoneInfo(zona))
    judul = f"Rekap kasus kekerasan terhadap perempuan dan anak · {rekap.periode.judul}"
    dok = dokumen_rekap(rekap, judul, dibuat.astimezone(ZoneInfo(zona)).date())

    class KertasRekap(Kertas):
        def footer(self) -> None:
            self.set_y(-13)
            self.set_font(FONT, "", 7)
            self.set_text_color(90)
            self.cell(0, 4, bersih(f"{judul} · kategori SIMFONI-PPA · dibuat "
                                   f"{waktu(dibuat, zona)} · halaman {self.page_no()}/{{nb}}"),
                      align=Align.C)
            self.set_text_color(0)

    pdf = KertasRekap(dok, alamat_unit, waktu(dibuat, zona))
    pdf.judul(dok.judul)
    pdf.set_font(FONT, "", HURUF)
    pdf.isi()
    pdf.tanda_tangan(dok.tanda_tangan)
    return simpan(pdf)
