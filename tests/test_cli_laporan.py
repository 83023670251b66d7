"""`ppa laporan` as a person types it: the recap of a month or a year into a file, the
korban not yet in SIMFONI-PPA, and bad input as one Indonesian sentence."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ppa_tui.cli import cli
from ppa_tui.store.database import Database
from tests.domain.rekap_contoh import NAMA, NIK, isi_contoh

runner = CliRunner()


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'ppa.db'}"
    database = Database.open(url, device_id="test-desk")
    try:
        isi_contoh(database)
    finally:
        database.close()
    return url


def _jalan(tmp_path: Path, url: str, *args: str):
    return runner.invoke(cli, ["--db", url, *args],
                         env={"PPA_DATA_DIR": str(tmp_path / "data")})


def test_month_goes_to_the_data_folder_as_xlsx_by_default(tmp_path, url, umask_022) -> None:
    result = _jalan(tmp_path, url, "laporan", "--bulan", "2026-11")
    assert result.exit_code == 0, result.output
    path = tmp_path / "data" / "laporan" / "rekap-2026-11.xlsx"
    assert result.output.splitlines()[0] == str(path)
    assert "Rekap November 2026: 3 kasus, 3 korban" in result.output
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    ws = load_workbook(path)["bentuk_kekerasan"]
    assert (ws["A4"].value, ws["B4"].value, ws["C4"].value) == ("Fisik", 2, 2)


def test_year_csv_and_pdf_where_asked(tmp_path, url) -> None:
    keluar = tmp_path / "tahunan.csv"
    result = _jalan(tmp_path, url, "laporan", "--tahun", "2026", "--format", "csv",
                    "--keluar", str(keluar))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == str(keluar)
    assert "Rekap Tahun 2026: 5 kasus, 5 korban" in result.output
    assert ",2026,ringkasan,Ringkasan,Kasus diterima,Jumlah,5\n" in keluar.read_text(
        encoding="utf-8-sig")
    result = _jalan(tmp_path, url, "laporan", "--bulan", "2026-11", "--format", "pdf",
                    "--keluar", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "rekap-2026-11.pdf").stat().st_size > 1000


def test_belum_simfoni_prints_initials_only(tmp_path, url) -> None:
    result = _jalan(tmp_path, url, "laporan", "--belum-simfoni")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["Nomor", "register", "Inisial", "Diterima"]
    assert lines[1].split() == ["PPA/2026/0005", "R.", "W.", "31-10-2026"]
    assert lines[2].split() == ["PPA/2026/0001", "N.", "A.", "02-11-2026"]
    assert lines[-1] == "4 korban belum diinput ke SIMFONI-PPA"
    for r in (*NAMA, *NIK):
        assert r not in result.output
    result = _jalan(tmp_path, url, "laporan", "--belum-simfoni", "--bulan", "2026-11")
    assert result.output.splitlines()[-1] == (
        "2 korban belum diinput ke SIMFONI-PPA (November 2026)")


@pytest.mark.parametrize(("args", "pesan"), [
    (["laporan"], "Pilih periodenya"),
    (["laporan", "--bulan", "2026-13"], "Bulan \"2026-13\" tidak ada"),
    (["laporan", "--bulan", "November"], "tidak dikenali"),
    (["laporan", "--bulan", "2026"], "tulis tahun-bulan"),
    (["laporan", "--tahun", "2026-11"], "Tahun \"2026-11\" tidak dikenali"),
    (["laporan", "--tahun", "dua ribu"], "tidak dikenali"),
    (["laporan", "--bulan", "2026-11", "--tahun", "2026"], "Pilih salah satu"),
    (["laporan", "--bulan", "2026-11", "--format", "docx"], "Format \"docx\" tidak dikenal"),
])
def test_bad_input_is_one_indonesian_sentence(tmp_path, url, args, pesan) -> None:
    result = _jalan(tmp_path, url, *args)
    assert result.exit_code == 2, result.output
    assert pesan in result.output
    assert "Traceback" not in result.output and "Error" not in result.output


def test_missing_folder_and_bad_database(tmp_path, url) -> None:
    result = _jalan(tmp_path, url, "laporan", "--bulan", "2026-11", "--keluar",
                    str(tmp_path / "tidak" / "ada.xlsx"))
    assert result.exit_code == 1
    assert "tidak ada: buat dulu" in result.output and "Traceback" not in result.output
    result = _jalan(tmp_path, "nonsense://x", "laporan", "--bulan", "2026-11")
    assert result.exit_code == 1
    assert "Laporan tidak dibuat: Alamat basis data tidak dikenali" in result.output


def test_help_is_indonesian() -> None:
    result = runner.invoke(cli, ["laporan", "--help"])
    assert result.exit_code == 0
    assert "Rekap bulanan atau tahunan" in result.output and "--belum-simfoni" in result.output
