"""`ppa cetak` as a person types it."""

from __future__ import annotations

import stat
from pathlib import Path

from typer.testing import CliRunner

from ppa_tui.cli import cli
from ppa_tui.domain.dokumen import DAFTAR_DOKUMEN
from ppa_tui.store.database import Database

runner = CliRunner()


def _kasus(tmp_path: Path, buat_kasus) -> str:
    url = f"sqlite:///{tmp_path / 'ppa.db'}"
    database = Database.open(url, device_id="test-desk")
    try:
        buat_kasus(database)
    finally:
        database.close()
    return url


def test_daftar_lists_every_document() -> None:
    result = runner.invoke(cli, ["cetak", "--daftar"])
    assert result.exit_code == 0, result.output
    for kode, judul in DAFTAR_DOKUMEN.items():
        assert kode in result.output and judul in result.output


def test_cetak_writes_the_pdf_and_says_where(tmp_path: Path, buat_kasus, teks_pdf,
                                             monkeypatch) -> None:
    url = _kasus(tmp_path, buat_kasus)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["--db", url, "cetak", "PPA/2026/0001", "pelimpahan"])
    assert result.exit_code == 1  # no consent for the kab/kota: refused, nothing written
    assert "belum ada persetujuan pemberian informasi dari korban S. A." in result.output
    assert not (tmp_path / "pelimpahan-PPA-2026-0001.pdf").exists()
    result = runner.invoke(cli, ["--db", url, "cetak", "PPA/2026/0001", "pelimpahan",
                                 "--tanpa-data-pribadi"])
    assert result.exit_code == 0, result.output
    path = tmp_path / "pelimpahan-PPA-2026-0001.pdf"
    assert result.output.splitlines()[0] == str(path)
    assert "Nomor surat: 001/UPTD-PPA/" in result.output
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "PPA/2026/0001" in teks_pdf(path)

    keluar = tmp_path / "rujukan-rs.pdf"
    result = runner.invoke(cli, ["--db", url, "cetak", "PPA/2026/0001", "rujukan",
                                 "--rencana", "2", "--keluar", str(keluar),
                                 "--tanpa-data-pribadi"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == str(keluar)
    assert "tidak dicantumkan: belum ada persetujuan" in result.output  # said, not only printed
    assert "LBH Babel" in teks_pdf(keluar)


def test_cetak_errors_are_one_indonesian_sentence(tmp_path: Path, buat_kasus) -> None:
    url = _kasus(tmp_path, buat_kasus)
    cases = [
        (["cetak"], 2, "Tulis nomor register dan jenis dokumennya"),
        (["cetak", "PPA/2026/0001"], 2, "Tulis nomor register dan jenis dokumennya"),
        (["cetak", "PPA/2026/0001", "surat"], 2, "Dokumen \"surat\" tidak dikenal."),
        (["cetak", "PPA/2026/0042", "pelimpahan"], 1,
         "Kasus dengan nomor register PPA/2026/0042 tidak ada"),
        (["cetak", "PPA/2026/0001", "rujukan", "--rencana", "9"], 1,
         "Rencana ke-9 tidak ada pada kasus PPA/2026/0001 (ada 2)."),
        (["cetak", "PPA/2026/0001", "bap", "--keluar", str(tmp_path / "tidak" / "ada.pdf"),
          "--tanpa-data-pribadi"], 1, "tidak ada: buat dulu"),
    ]
    for args, kode, pesan in cases:
        result = runner.invoke(cli, ["--db", url, *args])
        assert result.exit_code == kode, (args, result.output)
        assert pesan in result.output, (args, result.output)
        assert "Traceback" not in result.output and "Error" not in result.output, args
    result = runner.invoke(cli, ["--db", "nonsense://x", "cetak", "PPA/2026/0001", "bap"])
    assert result.exit_code == 1
    assert "Dokumen tidak tercetak: Alamat basis data tidak dikenali" in result.output


def test_cetak_help_is_indonesian() -> None:
    result = runner.invoke(cli, ["cetak", "--help"])
    assert result.exit_code == 0, result.output
    assert "Pemakaian: " in result.output and "--rencana" in result.output
    for inggris in ("Usage", "Options", "Arguments", "[default", "<bool>"):
        assert inggris not in result.output, inggris


def test_cetak_with_accounts_needs_the_case_to_be_hers_and_is_audited(
        tmp_path: Path, buat_kasus, monkeypatch) -> None:
    """Once the database has accounts: an officer not assigned to the case is refused
    with a sentence; the Kasi prints it, and the print is in the audit log."""
    import re

    url = _kasus(tmp_path, buat_kasus)
    monkeypatch.chdir(tmp_path)
    sandi = "Teluk-Kelabat-7"

    def ppa(*args: str, pengguna: str = "kepala", kata_sandi: str = sandi, **kw):
        return runner.invoke(cli, ["--db", url, *args], env={
            "PPA_PENGGUNA": pengguna, "PPA_KATA_SANDI": kata_sandi}, **kw)

    assert ppa("init").exit_code == 0
    for nama, peran in (("rina", "operator"), ("kasi", "kasi_rujukan")):
        hasil = ppa("pengguna", "tambah", nama, "--peran", peran)
        sementara = re.search(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", hasil.output).group(0)
        assert ppa("pengguna", "sandi", pengguna=nama, kata_sandi=sementara,
                   input=f"{sandi}\n{sandi}\n").exit_code == 0

    hasil = ppa("cetak", "PPA/2026/0001", "pelimpahan", pengguna="rina")
    assert hasil.exit_code == 1
    assert "Kasus PPA/2026/0001 bukan tugas Anda: dokumennya tidak dicetak." in hasil.output
    assert not (tmp_path / "pelimpahan-PPA-2026-0001.pdf").exists()

    hasil = ppa("cetak", "PPA/2026/0001", "pelimpahan", "--tanpa-data-pribadi", pengguna="kasi")
    assert hasil.exit_code == 0, hasil.output
    assert (tmp_path / "pelimpahan-PPA-2026-0001.pdf").exists()
    baris = ppa("audit", "--kasus", "PPA/2026/0001", "--batas", "3").output.splitlines()
    assert "kasi" in baris[1] and "Mencetak dokumen" in baris[1] and "PPA/2026/0001" in baris[1]
