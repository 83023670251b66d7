"""Accounts on the command line (issue 12): `ppa init` makes the first account, every
command logs in once accounts exist, `ppa pengguna` manages accounts, `ppa audit`
lists and checks the log, `ppa cari` masks a case that is not the officer's, and
`ppa pemulihan` / `ppa enkripsi` work the encrypted file."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from ppa_tui.cli import cli
from ppa_tui.store.database import Database

runner = CliRunner()
SANDI = "Teluk-Kelabat-7"
SEMENTARA = re.compile(r"\b[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}\b")
KODE = re.compile(r"\b[A-Z2-7]{5}(?:-[A-Z2-7]{5}){5}\b")


def ppa(url: str, *args: str, pengguna: str = "kepala", sandi: str | None = SANDI,
        input: str | None = None, **env: str):  # noqa: A002
    """`ppa --db URL ARGS` as `pengguna` with `sandi` in PPA_KATA_SANDI (None: typed)."""
    lingkungan = {"PPA_PENGGUNA": pengguna, **env}
    if sandi is not None:
        lingkungan["PPA_KATA_SANDI"] = sandi
    return runner.invoke(cli, ["--db", url, *args], env=lingkungan, input=input)


def _polos(tmp_path: Path) -> str:
    """A plain database made before accounts existed, then its first account (Kepala)."""
    url = f"sqlite:///{tmp_path / 'ppa.db'}"
    Database.open(url, "desk").close()
    hasil = ppa(url, "init", PPA_NAMA_LENGKAP="Ibu Kepala")
    assert hasil.exit_code == 0, hasil.output
    return url


def _tambah(url: str, nama: str, *peran: str) -> str:
    """A new account by the Kepala; her temporary password changed to SANDI."""
    args = ["pengguna", "tambah", nama, "--nama-lengkap", nama.title()]
    for p in peran:
        args += ["--peran", p]
    hasil = ppa(url, *args)
    assert hasil.exit_code == 0, hasil.output
    sementara = SEMENTARA.search(hasil.output).group(0)
    hasil = ppa(url, "pengguna", "sandi", pengguna=nama, sandi=sementara,
                input=f"{SANDI}\n{SANDI}\n")
    assert hasil.exit_code == 0, hasil.output
    return sementara


def _kasus(url: str) -> str:
    """A case opened by the process (no account is assigned to it): Siti Aisyah."""
    from ppa_tui.domain.models import Kasus, Pihak

    db = Database.open(url, "desk")
    with db.session() as s:
        k = Kasus(nomor_register="PPA/2026/0007", tahun=2026, urutan=7, status="aktif",
                  waktu_diterima=datetime(2026, 11, 2, 2, tzinfo=UTC),
                  kejadian_kabkota_kode="19.04")
        s.add(k)
        s.flush()
        s.add(Pihak(kasus_id=k.id, peran="korban", nama="Siti Aisyah", anak=True,
                    nik="1971014506120001", telepon="+6281234567890"))
    db.close()
    return "PPA/2026/0007"


def _indonesia(hasil) -> None:
    for asing in ("Traceback", "Error", "sqlite3", "SELECT", "Usage"):
        assert asing not in hasil.output, hasil.output


# ---- login ---------------------------------------------------------------------------


def test_a_database_without_accounts_is_used_as_before_until_init_makes_one(
        tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ppa.db'}"
    _kasus(url)
    hasil = runner.invoke(cli, ["--db", url, "cari", "aisyah"])  # no login asked
    assert hasil.exit_code == 0 and "Siti Aisyah" in hasil.output
    hasil = runner.invoke(cli, ["--db", url, "init"])  # no terminal, no PPA_PENGGUNA
    assert hasil.exit_code == 0, hasil.output
    assert "Basis data siap" in hasil.output and "Belum ada akun" in hasil.output
    hasil = runner.invoke(cli, ["--db", url, "pengguna", "daftar"])
    assert hasil.exit_code == 1 and "`ppa init`" in hasil.output

    hasil = ppa(url, "init", PPA_NAMA_LENGKAP="Ibu Kepala")
    assert hasil.exit_code == 0, hasil.output
    assert "Akun pertama dibuat: kepala (Kepala UPTD PPA)" in hasil.output
    assert "belum terenkripsi" in hasil.output and "ppa enkripsi" in hasil.output
    assert "Basis data siap" in hasil.output

    hasil = runner.invoke(cli, ["--db", url, "cari", "aisyah"], input="kepala\nsalah-sandi\n")
    assert hasil.exit_code == 1
    assert "Nama pengguna atau kata sandi salah." in hasil.output
    _indonesia(hasil)
    hasil = runner.invoke(cli, ["--db", url, "--pengguna", "kepala", "cari", "aisyah"],
                          input=f"{SANDI}\n")
    assert hasil.exit_code == 0, hasil.output
    assert SANDI not in hasil.output  # typed without echo
    assert "Siti Aisyah" in hasil.output


def test_every_command_refuses_a_wrong_password(tmp_path: Path) -> None:
    url = _polos(tmp_path)
    hasil = ppa(url, "cari", "aisyah", sandi="Bukan-Sandinya-1")
    assert hasil.exit_code == 1
    assert hasil.output == ("Nama pengguna atau kata sandi salah. Sisa 4 percobaan sebelum "
                            "akun dikunci sementara.\n")
    for args in (["cari", "aisyah"], ["laporan", "--bulan", "2026-11"], ["demo"],
                 ["cetak", "PPA/2026/0001", "pelimpahan"], ["init"], ["audit"],
                 ["audit", "periksa"], ["pengguna", "daftar"], ["enkripsi"]):
        hasil = ppa(url, *args, pengguna="bukan.siapa", sandi="Bukan-Sandinya-1")
        assert hasil.exit_code == 1, (args, hasil.output)
        assert "kata sandi salah" in hasil.output, (args, hasil.output)
        _indonesia(hasil)


def test_init_scripted_refuses_a_weak_password_or_another_role(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ppa.db'}"
    Database.open(url, "desk").close()
    hasil = ppa(url, "init", sandi="aaaabbbb")
    assert hasil.exit_code == 1 and "PPA_KATA_SANDI" in hasil.output
    hasil = ppa(url, "init", PPA_PERAN="operator")
    assert hasil.exit_code == 2 and "pilih kepala atau admin" in hasil.output
    hasil = ppa(url, "init", pengguna="Bukan Nama!")
    assert hasil.exit_code == 2 and "Nama pengguna 2–60 huruf kecil" in hasil.output


def test_init_asks_at_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ppa_tui.cli_akun

    monkeypatch.setattr(ppa_tui.cli_akun, "interaktif", lambda: True)
    url = f"sqlite:///{tmp_path / 'ppa.db'}"
    Database.open(url, "desk").close()
    jawaban = f"rina\nRina Safitri\nadmin\npendek\n{SANDI}\nlain-sandi-9\n{SANDI}\n{SANDI}\n"
    hasil = runner.invoke(cli, ["--db", url, "init"], input=jawaban)
    assert hasil.exit_code == 0, hasil.output
    assert "Kata sandi minimal 8 karakter." in hasil.output
    assert "Kedua kata sandi tidak sama." in hasil.output
    assert "Akun pertama dibuat: rina (Admin)" in hasil.output
    assert SANDI not in hasil.output


# ---- ppa pengguna ----------------------------------------------------------------------


def test_pengguna_add_list_disable_reset(tmp_path: Path) -> None:
    url = _polos(tmp_path)
    hasil = ppa(url, "pengguna", "tambah", "rina.s", "--nama-lengkap", "Rina Safitri",
                "--peran", "operator", "--peran", "pendamping")
    assert hasil.exit_code == 0, hasil.output
    assert "Akun rina.s dibuat (Operator/Penerima pengaduan, Pendamping PPA)" in hasil.output
    sementara = SEMENTARA.search(hasil.output).group(0)

    # a temporary password logs in, and says it must be changed first
    hasil = ppa(url, "cari", "aisyah", pengguna="rina.s", sandi=sementara)
    assert hasil.exit_code == 1 and "sementara" in hasil.output
    assert "ppa pengguna sandi" in hasil.output
    hasil = ppa(url, "pengguna", "sandi", pengguna="rina.s", sandi=sementara,
                input=f"{SANDI}\n{SANDI}\n")
    assert hasil.exit_code == 0, hasil.output
    assert ppa(url, "cari", "aisyah", pengguna="rina.s").exit_code == 0

    hasil = ppa(url, "pengguna", "daftar")
    assert hasil.exit_code == 0, hasil.output
    baris = {b.split()[0]: b for b in hasil.output.splitlines()[1:]}
    assert "Rina Safitri" in baris["rina.s"] and "operator,pendamping" in baris["rina.s"]
    assert " aktif " in baris["rina.s"] and "kepala" in baris
    assert "Rina Safitri" in ppa(url, "pengguna", "list").output  # the English alias

    # an operator does not manage accounts
    hasil = ppa(url, "pengguna", "daftar", pengguna="rina.s")
    assert hasil.exit_code == 1
    assert "Mengelola akun pengguna hanya bisa dilakukan oleh Admin atau Kepala UPTD PPA" \
        in hasil.output

    # reset: a new temporary password, printed once, that logs in
    hasil = ppa(url, "pengguna", "atur-ulang", "rina.s")
    assert hasil.exit_code == 0, hasil.output
    baru = SEMENTARA.search(hasil.output).group(0)
    assert baru != sementara
    assert "sementara" in ppa(url, "cari", "xyz", pengguna="rina.s", sandi=baru).output
    assert "salah" in ppa(url, "cari", "xyz", pengguna="rina.s").output  # the old one is gone

    # disable: asked first, then she cannot log in
    hasil = ppa(url, "pengguna", "nonaktifkan", "rina.s", input="tidak\n")
    assert hasil.exit_code == 1 and "Dibatalkan" in hasil.output
    hasil = ppa(url, "pengguna", "disable", "rina.s", "--ya")  # English alias
    assert hasil.exit_code == 0 and "Akun rina.s dinonaktifkan." in hasil.output
    hasil = ppa(url, "cari", "aisyah", pengguna="rina.s", sandi=baru)
    assert hasil.exit_code == 1 and "dinonaktifkan" in hasil.output
    assert "nonaktif" in ppa(url, "pengguna", "daftar").output

    # the last Kepala/Admin cannot be disabled; unknown names and roles are sentences
    hasil = ppa(url, "pengguna", "nonaktifkan", "kepala", "--ya")
    assert hasil.exit_code == 1 and "akun aktif terakhir" in hasil.output
    hasil = ppa(url, "pengguna", "reset", "siapa")
    assert hasil.exit_code == 1 and "Tidak ada akun bernama siapa." in hasil.output
    hasil = ppa(url, "pengguna", "add", "budi", "--peran", "satpam")
    assert hasil.exit_code == 1 and "Peran tidak dikenal: satpam" in hasil.output
    hasil = ppa(url, "pengguna", "tambah", "budi")
    assert hasil.exit_code == 2 and "--peran" in hasil.output
    _indonesia(hasil)


# ---- ppa audit --------------------------------------------------------------------------


def test_audit_lists_and_verifies_and_names_a_tampered_entry(tmp_path: Path) -> None:
    url = _polos(tmp_path)
    nomor = _kasus(url)
    _tambah(url, "rina", "operator")
    assert ppa(url, "laporan", "--bulan", "2026-11", "--keluar", str(tmp_path)).exit_code == 0

    hasil = ppa(url, "audit")
    assert hasil.exit_code == 0, hasil.output
    kepala = hasil.output.splitlines()[0].split()
    assert kepala == ["No.", "Waktu", "Pengguna", "Aksi", "Objek", "Kasus"]
    assert "Mengekspor" in hasil.output and "Masuk" in hasil.output
    assert "Mengganti kata sandi" in hasil.output
    pertama = hasil.output.splitlines()[1].split()[0]
    assert int(pertama) > int(hasil.output.splitlines()[2].split()[0])  # newest first

    hasil = ppa(url, "audit", "--pengguna", "rina", "--batas", "2")
    assert hasil.exit_code == 0, hasil.output
    assert all(" rina " in b for b in hasil.output.splitlines()[1:3])
    assert "2 entri terbaru" in hasil.output
    hasil = ppa(url, "audit", "--kasus", nomor)
    assert hasil.exit_code == 0, hasil.output
    assert nomor in hasil.output and "Membuat" in hasil.output
    hasil = ppa(url, "audit", "--kasus", "PPA/2026/0999")
    assert hasil.exit_code == 1 and "tidak ada" in hasil.output

    hasil = ppa(url, "audit", pengguna="rina")  # an operator does not read the log
    assert hasil.exit_code == 1 and "Membaca log audit hanya bisa dilakukan oleh" in hasil.output
    hasil = ppa(url, "audit", "periksa", pengguna="rina")
    assert hasil.exit_code == 1

    hasil = ppa(url, "audit", "verify")
    assert hasil.exit_code == 0, hasil.output
    assert re.fullmatch(r"Log audit utuh: \d+ entri\.\n", hasil.output)

    from ppa_tui.sesi import masuk
    from ppa_tui.settings import Settings

    sesi = masuk(Settings.load(database_url=url).with_device_id(), "kepala", SANDI)
    with sesi.database.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET pengguna = 'orang lain' WHERE urutan = 3"))
    sesi.close()
    hasil = ppa(url, "audit", "periksa")
    assert hasil.exit_code == 1
    assert "Entri #3 diubah" in hasil.output and "TIDAK utuh" in hasil.output
    _indonesia(hasil)


# ---- masked search, permissions of laporan and cetak -------------------------------------


def test_cari_masks_a_case_for_an_officer_not_assigned_to_it(tmp_path: Path) -> None:
    url = _polos(tmp_path)
    nomor = _kasus(url)
    _tambah(url, "rina", "operator")
    _tambah(url, "kasi", "kasi_rujukan")

    for teks in ("aisyah", "0812-3456", "1971014506120001"):
        hasil = ppa(url, "cari", teks, pengguna="rina")
        assert hasil.exit_code == 0, hasil.output
        assert nomor in hasil.output and "S. A." in hasil.output
        for pribadi in ("Siti", "Aisyah", "1971014506120001", "0812", "6281234567890"):
            assert pribadi not in hasil.output, (teks, hasil.output)
    hasil = ppa(url, "cari", "aisyah", "--json", pengguna="rina")
    data = json.loads(hasil.output)
    assert data[0]["korban"] == ["S. A."] and data[0]["cocok"] == "korban: S. A."
    assert "Siti" not in hasil.output

    hasil = ppa(url, "cari", "aisyah", "--json", pengguna="kasi")
    assert json.loads(hasil.output)[0]["korban"] == ["Siti Aisyah"]

    # assigned to the case, the operator sees it whole
    from ppa_tui.domain.dokumen import cari_kasus
    from ppa_tui.domain.pengguna import cari_pengguna, tugaskan_diri

    db = Database.open(url, "desk")
    with db.session() as s:
        tugaskan_diri(s, cari_kasus(s, nomor).id, cari_pengguna(s, "rina").id)
    db.close()
    assert "Siti Aisyah" in ppa(url, "cari", "aisyah", pengguna="rina").output


def test_laporan_needs_its_permission_and_is_audited(tmp_path: Path) -> None:
    url = _polos(tmp_path)
    _kasus(url)
    _tambah(url, "rina", "operator")
    hasil = ppa(url, "laporan", "--bulan", "2026-11", "--keluar", str(tmp_path), pengguna="rina")
    assert hasil.exit_code == 1 and "Membuat rekap dan ekspor hanya bisa" in hasil.output
    hasil = ppa(url, "laporan", "--bulan", "2026-11", "--keluar", str(tmp_path))
    assert hasil.exit_code == 0, hasil.output
    assert "Mengekspor" in ppa(url, "audit", "--batas", "3").output


# ---- encryption: ppa init on a new database, ppa pemulihan, ppa enkripsi -----------------


def _jumlah_kasus(url: str, nama: str = "kepala", sandi: str = SANDI) -> int:
    from sqlmodel import func, select

    from ppa_tui.domain.models import Kasus
    from ppa_tui.sesi import masuk
    from ppa_tui.settings import Settings

    sesi = masuk(Settings.load(database_url=url).with_device_id(), nama, sandi)
    try:
        with sesi.database.baca() as s:
            return s.exec(select(func.count()).select_from(Kasus)).one()
    finally:
        sesi.close()


def test_init_scripted_makes_an_encrypted_database_and_shows_the_recovery_code(
        tmp_path: Path) -> None:
    path = tmp_path / "baru" / "ppa.db"
    url = f"sqlite:///{path}"
    hasil = ppa(url, "init")
    assert hasil.exit_code == 0, hasil.output
    assert "Akun pertama dibuat: kepala (Kepala UPTD PPA)" in hasil.output
    assert "Basis data dibuat terenkripsi" in hasil.output
    assert len(KODE.findall(hasil.output)) == 1
    assert "KODE PEMULIHAN (hanya ditampilkan sekali ini)" in hasil.output
    assert "terpisah dari laptop" in hasil.output and "ppa pemulihan" in hasil.output
    assert f"Berkas kunci: {path}.kunci" in hasil.output
    assert "Basis data siap" in hasil.output
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    assert Path(f"{path}.kunci").is_file()

    hasil = ppa(url, "init")  # once made: log in, then today's check
    assert hasil.exit_code == 0 and "Basis data siap" in hasil.output
    assert not KODE.search(hasil.output)
    hasil = ppa(url, "cari", "aisyah", sandi="Bukan-Sandinya-1")
    assert hasil.exit_code == 1 and "kata sandi salah" in hasil.output
    _indonesia(hasil)
    hasil = ppa(url, "demo", "--cases", "2")
    assert hasil.exit_code == 0, hasil.output
    assert _jumlah_kasus(url) == 2

    Path(f"{path}.kunci").rename(tmp_path / "kunci-di-tempat-lain")
    for args in (["init"], ["cari", "aisyah"]):
        hasil = ppa(url, *args)
        assert hasil.exit_code == 1
        assert "terenkripsi, tetapi berkas kuncinya (ppa.db.kunci) tidak ada" in hasil.output


def test_pemulihan_sets_a_new_password_with_the_recovery_code(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ppa.db'}"
    hasil = ppa(url, "init")
    kode = KODE.search(hasil.output).group(0)
    _tambah(url, "rina", "operator")

    hasil = ppa(url, "pemulihan", pengguna="", sandi=None,
                input="AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF\n")
    assert hasil.exit_code == 1 and "Kode pemulihan salah" in hasil.output
    baru = "Pulau-Lepar-2031"
    hasil = ppa(url, "pemulihan", pengguna="", sandi=None,
                input=f"{kode.lower()}\nkepala\n{baru}\n{baru}\n")
    assert hasil.exit_code == 0, hasil.output
    assert "Kata sandi akun kepala diganti" in hasil.output
    assert kode not in hasil.output and baru not in hasil.output
    kode_baru = KODE.search(hasil.output).group(0)

    assert ppa(url, "cari", "xyz").exit_code == 1  # the old password is gone
    assert ppa(url, "cari", "xyz", sandi=baru).exit_code == 0
    assert ppa(url, "cari", "xyz", pengguna="rina").exit_code == 0  # others untouched
    assert "Memakai kode pemulihan" in ppa(url, "audit", sandi=baru).output

    hasil = ppa(url, "pemulihan", pengguna="", sandi=None, input=f"{kode}\n")
    assert hasil.exit_code == 1 and "Kode pemulihan salah" in hasil.output  # replaced
    hasil = ppa(url, "pemulihan", pengguna="", sandi=None, input=f"{kode_baru}\nsiapa\n")
    assert hasil.exit_code == 1 and "Tidak ada akun bernama siapa" in hasil.output


def test_pemulihan_and_enkripsi_refuse_what_they_cannot_do(tmp_path: Path) -> None:
    url = _polos(tmp_path)
    hasil = ppa(url, "pemulihan")
    assert hasil.exit_code == 1 and "tidak terenkripsi" in hasil.output
    hasil = ppa("postgresql+psycopg://siti@127.0.0.1:1/ppa", "enkripsi")
    assert hasil.exit_code == 1 and "hanya untuk basis data SQLite" in hasil.output
    _tambah(url, "rina", "operator")
    hasil = ppa(url, "enkripsi", pengguna="rina")
    assert hasil.exit_code == 1 and "Mengelola akun pengguna hanya bisa" in hasil.output
    baru = f"sqlite:///{tmp_path / 'baru.db'}"
    assert ppa(baru, "init").exit_code == 0
    hasil = ppa(baru, "enkripsi")
    assert hasil.exit_code == 1 and "sudah terenkripsi" in hasil.output


def test_enkripsi_keeps_every_case_and_gives_the_others_temporary_passwords(
        tmp_path: Path) -> None:
    path = tmp_path / "ppa.db"
    url = f"sqlite:///{path}"
    assert runner.invoke(cli, ["--db", url, "demo", "--cases", "8"]).exit_code == 0
    assert ppa(url, "init").exit_code == 0  # the first account, on the plain file
    _tambah(url, "rina", "operator")
    _tambah(url, "kasi", "kasi_rujukan")
    assert ppa(url, "pengguna", "nonaktifkan", "kasi", "--ya").exit_code == 0
    sebelum = _jumlah_kasus(url)
    assert sebelum == 8

    hasil = ppa(url, "enkripsi")
    assert hasil.exit_code == 0, hasil.output
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    assert _jumlah_kasus(url) == sebelum
    assert "Membuat cadangan" in hasil.output  # the steps, as they start
    assert len(KODE.findall(hasil.output)) == 1
    cadangan = re.search(r"Cadangan TIDAK terenkripsi: (\S+)", hasil.output).group(1)
    assert Path(cadangan).read_bytes()[:16] == b"SQLite format 3\x00"
    assert "HAPUS cadangan" in hasil.output

    baris = {b.split()[0]: b.split()[-1] for b in hasil.output.splitlines()
             if SEMENTARA.fullmatch(b.split()[-1] if b.split() else "")}
    assert set(baris) == {"rina"}  # not the disabled one, not herself
    hasil = ppa(url, "cari", "xyz", pengguna="rina", sandi=baris["rina"])
    assert hasil.exit_code == 1 and "sementara" in hasil.output  # logs in, must change it
    assert ppa(url, "pengguna", "sandi", pengguna="rina", sandi=baris["rina"],
               input=f"{SANDI}\n{SANDI}\n").exit_code == 0
    assert _jumlah_kasus(url, "rina") == sebelum
    assert ppa(url, "cari", "xyz", pengguna="kasi").exit_code == 1  # disabled: no slot
