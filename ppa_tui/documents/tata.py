"""The common layout: A4 page with the unit's letterhead (kop surat), the blocks a
document is made of, signature blocks and a footer. Everything a family module needs;
nothing here knows which document it draws.

Text from the database is drawn as text, never as markup (`[bold]`, `**` stay as
typed), with DejaVu Sans for Indonesian and any other script; a character the font
lacks (an emoji) is left out, never a failed print."""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from ppa_tui.domain.dokumen import Baris, Centang, Dokumen, Paragraf, Tabel, TandaTangan
from ppa_tui.domain.dokumen.bahan import tgl
from ppa_tui.domain.sumber import folder
from ppa_tui.domain.unit import Unit, data_unit

FONT = "DejaVu"
HURUF = 10
BARIS = 5.2  # line height, mm
LEBAR_LABEL = 52  # mm, the label column of `label : value` rows
DICENTANG, KOSONG = "☑", "☐"
TITIK = "…………………………………"

_KONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def bersih(teks: object) -> str:
    """Text safe to draw: control characters and lone surrogates out, tabs as spaces."""
    return _KONTROL.sub("", str(teks or "").replace("\t", "    ").replace("\r\n", "\n"))


def _berkas_font(nama: str) -> Path:
    path = folder("data").joinpath("fonts", nama)
    return Path(str(path))


class Kertas(FPDF):
    """One document's pages."""

    def __init__(self, dok: Dokumen, alamat: str, dicetak: str, unit: Unit | None = None
                 ) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.dok, self.alamat, self.dicetak = dok, alamat, dicetak
        self.unit = unit or data_unit()
        self.set_margins(20, 15, 20)
        self.set_auto_page_break(True, margin=18)
        self.add_font(FONT, "", _berkas_font("DejaVuSans.ttf"))
        self.add_font(FONT, "B", _berkas_font("DejaVuSans-Bold.ttf"))
        self.set_title(bersih(dok.judul))
        self.set_author(bersih(f"{self.unit.unit_singkat} {self.unit.provinsi}"))
        self.set_creator("ppa-tui")
        self.alias_nb_pages()
        self.add_page()

    # --- page furniture ----------------------------------------------------------------

    def header(self) -> None:
        if self.page_no() == 1:
            self.kop()

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, "", 7)
        self.set_text_color(90)
        self.cell(0, 4, bersih(f"RAHASIA · {self.dok.judul} · {self.dok.nomor_register} · "
                               f"dicetak {self.dicetak} · halaman {self.page_no()}/{{nb}}"),
                  align=Align.C)
        self.set_text_color(0)

    def kop(self) -> None:
        """The letterhead: the dinas, the unit, its address and contacts, a double rule."""
        u = self.unit
        lebar = self.epw
        self.set_font(FONT, "B", 9)
        self.multi_cell(lebar, 4.2, bersih(f"{u.dinas} ({u.dinas_singkat})".upper()),
                        align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, "B", 9)
        self.cell(lebar, 4.4, bersih(u.provinsi.upper()), align=Align.C,
                  new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, "B", 14)
        self.cell(lebar, 7, bersih(u.unit_singkat), align=Align.C,
                  new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, "", 9)
        self.cell(lebar, 4.4, bersih(f"({u.unit})"), align=Align.C,
                  new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, "", 8)
        self.multi_cell(lebar, 3.8, bersih(self.alamat), align=Align.C,
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        kontak = (f"Telepon/Fax {u.telepon}" if u.telepon == u.faks
                  else f"Telepon {u.telepon} · Fax {u.faks}")
        self.cell(lebar, 3.8, bersih(f"{kontak} · Email: {u.email}"), align=Align.C,
                  new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y = self.get_y() + 1.5
        self.set_line_width(0.6)
        self.line(self.l_margin, y, self.l_margin + lebar, y)
        self.set_line_width(0.2)
        self.line(self.l_margin, y + 1, self.l_margin + lebar, y + 1)
        self.set_y(y + 4)
        self.set_font(FONT, "", HURUF)

    # --- blocks ------------------------------------------------------------------------

    def judul(self, teks: str, nomor: str = "") -> None:
        self.set_font(FONT, "B", 12)
        self.multi_cell(self.epw, 6, bersih(teks.upper()), align=Align.C,
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if nomor:
            self.set_font(FONT, "", HURUF)
            self.cell(self.epw, BARIS, bersih(f"Nomor: {nomor}"), align=Align.C,
                      new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)
        self.set_font(FONT, "", HURUF)

    def _muat(self, tinggi: float) -> None:
        """Start a new page when `tinggi` mm no longer fit on this one."""
        if self.get_y() + tinggi > self.page_break_trigger:
            self.add_page()

    def subjudul(self, teks: str) -> None:
        self._muat(BARIS * 3)
        self.ln(1.5)
        self.set_font(FONT, "B", HURUF + 0.5)
        self.multi_cell(self.epw, BARIS + 0.6, bersih(teks), new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        self.set_font(FONT, "", HURUF)

    def garis_isi(self, x: float, lebar: float, jumlah: int = 1) -> None:
        """Lines to fill by hand, from `x` on the current line down."""
        self.set_draw_color(120)
        for _ in range(jumlah):
            self._muat(BARIS + 1)
            y = self.get_y() + BARIS - 0.8
            self.set_dash_pattern(dash=0.6, gap=0.8)
            self.line(x, y, x + lebar, y)
            self.set_dash_pattern()
            self.set_y(self.get_y() + BARIS + (1.2 if jumlah > 1 else 0))
        self.set_draw_color(0)

    def baris(self, b: Baris) -> None:
        x0, lebar_nilai = self.l_margin, self.epw - LEBAR_LABEL - 4
        nilai = bersih(b.nilai).strip()
        label = bersih(b.label)
        tinggi_label = len(self.multi_cell(LEBAR_LABEL, BARIS, label, dry_run=True,
                                           output="LINES")) * BARIS
        tinggi = max(tinggi_label, len(self.multi_cell(
            lebar_nilai, BARIS, nilai, dry_run=True, output="LINES")) * BARIS if nilai else BARIS)
        self._muat(min(tinggi, BARIS * 4))
        y = self.get_y()
        self.multi_cell(LEBAR_LABEL, BARIS, label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_xy(x0 + LEBAR_LABEL, y)
        self.cell(4, BARIS, ":")
        x_nilai = x0 + LEBAR_LABEL + 4
        if nilai:
            self.set_xy(x_nilai, y)
            self.multi_cell(lebar_nilai, BARIS, nilai, align=Align.L, new_x=XPos.LMARGIN,
                            new_y=YPos.NEXT)
            self.set_y(max(self.get_y(), y + tinggi_label))
        else:
            self.set_y(y)
            self.garis_isi(x_nilai, lebar_nilai, 3 if b.panjang else 1)
            self.set_y(max(self.get_y(), y + tinggi_label))
        self.set_x(x0)

    def paragraf(self, p: Paragraf) -> None:
        self.set_font(FONT, "B" if p.tebal else "", HURUF)
        self._muat(BARIS * 2)
        self.multi_cell(self.epw, BARIS, bersih(p.teks), align=Align.L, new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        self.set_font(FONT, "", HURUF)
        self.ln(1.5)

    def centang(self, c: Centang) -> None:
        for teks, dicentang in c.pilihan:
            self._muat(BARIS)
            self.set_x(self.l_margin + 4)
            self.multi_cell(self.epw - 4, BARIS,
                            f"{DICENTANG if dicentang else KOSONG}  {bersih(teks)}",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def tabel(self, t: Tabel) -> None:
        lebar = t.lebar if len(t.lebar) == len(t.kolom) else (1,) * len(t.kolom)
        rows: list[tuple[str, ...]] = [tuple(bersih(x) for x in r) for r in t.baris]
        if not rows:
            rows = [("",) * len(t.kolom)] * t.kosong
        self._muat(BARIS * 3)
        self.set_font(FONT, "", HURUF - 1.5)
        with self.table(col_widths=lebar, line_height=BARIS - 0.6, text_align="LEFT",
                        first_row_as_headings=True, padding=0.8,
                        headings_style=_gaya_judul_tabel()) as tabel:
            kepala = tabel.row()
            for k in t.kolom:
                kepala.cell(bersih(k))
            for r in rows:
                baris = tabel.row()
                for i in range(len(t.kolom)):
                    baris.cell((r[i] if i < len(r) else "") or " ")
        self.set_font(FONT, "", HURUF)
        self.ln(2)

    def blok(self, blok: object) -> None:
        if isinstance(blok, Baris):
            self.baris(blok)
        elif isinstance(blok, Paragraf):
            self.paragraf(blok)
        elif isinstance(blok, Centang):
            self.centang(blok)
        elif isinstance(blok, Tabel):
            self.tabel(blok)

    def isi(self) -> None:
        for bagian in self.dok.bagian:
            if bagian.judul:
                self.subjudul(bagian.judul)
            for blok in bagian.isi:
                self.blok(blok)
            self.ln(1)

    def dihilangkan(self) -> None:
        """What personal data was left out, and why: in a box, before the signatures."""
        if not self.dok.dihilangkan:
            return
        teks = "\n".join(bersih(x) for x in self.dok.dihilangkan)
        self._muat(BARIS * (len(self.dok.dihilangkan) + 2))
        self.ln(1)
        self.set_font(FONT, "B", HURUF - 1)
        self.multi_cell(self.epw, BARIS, "Perlindungan data pribadi korban (SOP 18, "
                        "peringatan 3):\n" + teks, border=1, padding=1.5, new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        self.set_font(FONT, "", HURUF)
        self.ln(2)

    def tanda_tangan(self, blok: Iterable[TandaTangan], *, tanggal: bool = True) -> None:
        """Signature blocks, at most three a row; the place and date above the right-most
        of the first row. Names not known are lines to fill, as is the NIP of officials."""
        blok = list(blok)
        if not blok:
            return
        self.ln(4)
        per_deret = 2 if len(blok) == 4 else 3
        for mulai in range(0, len(blok), per_deret):
            self._deret(blok[mulai:mulai + per_deret], tanggal and mulai == 0)

    def _deret(self, deret: list[TandaTangan], dengan_tanggal: bool) -> None:
        self._muat(52)
        lebar = self.epw / max(len(deret), 2)
        x0 = self.l_margin + (self.epw - lebar * len(deret))  # one block: on the right
        y0 = self.get_y()
        if dengan_tanggal:
            self.set_xy(x0 + lebar * (len(deret) - 1), y0)
            self.cell(lebar, BARIS, bersih(f"{self.dok.tempat}, {tgl(self.dok.tanggal)}"),
                      align=Align.C)
        y0 += BARIS
        bawah = y0
        for i, t in enumerate(deret):
            x = x0 + lebar * i
            self.set_xy(x, y0)
            self.multi_cell(lebar, BARIS, bersih(t.keterangan) or " ", align=Align.C,
                            new_x=XPos.LEFT, new_y=YPos.NEXT)
            self.set_font(FONT, "B", HURUF)
            self.multi_cell(lebar, BARIS, bersih(t.peran), align=Align.C, new_x=XPos.LEFT,
                            new_y=YPos.NEXT)
            self.set_font(FONT, "", HURUF)
            self.set_y(self.get_y() + 18)
            self.set_x(x)
            nama = bersih(t.nama).strip()
            self.multi_cell(lebar, BARIS, f"( {nama} )" if nama else "(" + TITIK + ")",
                            align=Align.C, new_x=XPos.LEFT, new_y=YPos.NEXT)
            if t.nip:
                self.multi_cell(lebar, BARIS, "NIP. " + TITIK, align=Align.C, new_x=XPos.LEFT,
                                new_y=YPos.NEXT)
            bawah = max(bawah, self.get_y())
        self.set_xy(self.l_margin, bawah + 4)


def _gaya_judul_tabel() -> object:
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", fill_color=(230, 230, 230))


def simpan(pdf: FPDF) -> bytes:
    """The PDF's bytes. fpdf2 reports a glyph the font lacks (an emoji) as a warning or
    a log line: expected here, so neither reaches the officer's terminal."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        log = logging.getLogger("fpdf")
        lama = log.level
        log.setLevel(logging.ERROR)
        try:
            return bytes(pdf.output())
        finally:
            log.setLevel(lama)


def cap_cetak(sekarang: datetime, zona: str) -> str:
    from ppa_tui.domain.dokumen.bahan import waktu

    return waktu(sekarang, zona)
