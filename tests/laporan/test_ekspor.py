"""The recap written out (XLSX, CSV, PDF) and read back: the same figures, the unit and
the period in the title, nothing personal, private files."""

from __future__ import annotations

import csv
import io
import re
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ppa_tui.domain.mutu import periode_bulan
from ppa_tui.domain.rekap import rekap
from ppa_tui.laporan import LaporanGagal, folder_laporan, tulis_rekap
from tests.domain.rekap_contoh import ALAMAT, NAMA, NIK, TELEPON, WIB, isi_contoh

RAHASIA = (*NAMA, *NIK, *TELEPON, *ALAMAT, "Aminah", "Susilo")


@pytest.fixture
def nov(sqlite_db):
    isi_contoh(sqlite_db)
    with sqlite_db.baca() as s:
        return rekap(s, periode_bulan(2026, 11, WIB), "2026-11")


def test_xlsx_has_a_sheet_per_table_with_numbers_as_numbers(nov, tmp_path, umask_022) -> None:
    path = tulis_rekap(nov, "xlsx", tmp_path)
    assert path == tmp_path / "rekap-2026-11.xlsx"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    wb = load_workbook(path)
    assert wb.sheetnames == [t.kode for t in nov.tabel]
    for t in nov.tabel:
        ws = wb[t.kode]
        judul = ws["A1"].value
        assert "November 2026" in judul and "UPTD PPA Provinsi Kepulauan Bangka Belitung" in judul
        assert ws["A2"].value == t.judul
        assert tuple(c.value for c in ws[3][:len(t.kolom)]) == t.kolom
        for i, b in enumerate(t.baris, start=4):
            dibaca = tuple(c.value for c in ws[i][:len(b)])
            assert dibaca == b, (t.kode, b)
    ws = wb["bentuk_kekerasan"]
    assert ws["A4"].value == "Fisik" and ws["B4"].value == 2 and ws["B4"].data_type == "n"
    teks = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row
                    if c.value is not None)
    for r in RAHASIA:
        assert r not in teks, r


def test_csv_one_figure_a_line_reads_back(nov, tmp_path) -> None:
    path = tulis_rekap(nov, "csv", tmp_path / "rekap.csv")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    teks = path.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(teks)))
    assert list(rows[0]) == ["judul", "periode", "tabel", "judul_tabel", "kategori", "kolom",
                             "nilai"]
    dibaca = {(r["tabel"], r["kategori"], r["kolom"]): r["nilai"] for r in rows}
    for t in nov.tabel:
        for b in t.baris:
            for k, v in zip(t.kolom[1:], b[1:], strict=True):
                assert dibaca[(t.kode, b[0], k)] == ("" if v is None else str(v))
    assert dibaca[("bentuk_kekerasan", "Seksual", "Korban")] == "1"
    assert {r["periode"] for r in rows} == {"2026-11"}
    assert "UPTD PPA" in rows[0]["judul"]
    for r in RAHASIA:
        assert r not in teks, r


def test_pdf_has_the_letterhead_and_every_table(nov, tmp_path) -> None:
    path = tulis_rekap(nov, "pdf", tmp_path, alamat_unit="Jl. Pulau Belitung, Air Itam")
    assert path.name == "rekap-2026-11.pdf"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    teks = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))
    assert "UPTD PPA" in teks and "Jl. Pulau Belitung" in teks  # the kop surat
    assert "November 2026" in teks
    for t in nov.tabel:
        assert t.judul.split(" (")[0] in teks, t.judul
    assert "Rehabilitasi Sosial" in teks and "tidak diketahui (NA)" in teks
    for r in RAHASIA:
        assert r not in teks, r


def test_default_folder_is_private_and_a_missing_folder_is_said(nov, tmp_path,
                                                                 umask_022) -> None:
    folder = folder_laporan(tmp_path / "data")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    with pytest.raises(LaporanGagal, match="tidak ada: buat dulu"):
        tulis_rekap(nov, "xlsx", tmp_path / "tidak" / "ada.xlsx")
    with pytest.raises(LaporanGagal, match="tidak dikenal"):
        tulis_rekap(nov, "docx", tmp_path)


def test_demo_only_recap_is_marked_in_every_export(sqlite_db, tmp_path) -> None:
    from sqlalchemy import update

    from ppa_tui.domain.models import Kasus

    isi_contoh(sqlite_db)
    with sqlite_db.session() as s:
        s.execute(update(Kasus).values(demo=True))
    with sqlite_db.baca() as s:
        hasil = rekap(s, periode_bulan(2026, 11, WIB), "2026-11")
    path = tulis_rekap(hasil, "xlsx", tmp_path)
    assert path.name == "rekap-2026-11-contoh.xlsx"
    assert "DATA CONTOH" in load_workbook(path)["ringkasan"]["A1"].value
    teks = Path(tulis_rekap(hasil, "csv", tmp_path)).read_text(encoding="utf-8-sig")
    assert "DATA CONTOH" in teks
    pdf = tulis_rekap(hasil, "pdf", tmp_path)
    assert "DATA CONTOH" in " ".join(p.extract_text() for p in PdfReader(pdf).pages)


def test_the_written_mapping_is_the_data_file_s() -> None:
    """docs/simfoni.md is made from data/referensi.toml: regenerate it after an edit
    (`python -m ppa_tui.laporan.peta > docs/simfoni.md`)."""
    from ppa_tui.domain import referensi
    from ppa_tui.laporan.peta import dokumen_peta

    doc = Path(__file__).resolve().parents[2] / "docs" / "simfoni.md"
    assert doc.read_text(encoding="utf-8") == dokumen_peta()
    teks = dokumen_peta()
    for p in referensi.pilihan("hubungan_pelaku"):
        assert f"| `{p.kode}` | {p.label} | {p.simfoni or '—'} |" in teks
    assert "## Ragam disabilitas (`disabilitas`) — **PERLU KONFIRMASI**" in teks
