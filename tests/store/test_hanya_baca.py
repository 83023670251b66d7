"""A database this desk may only read (file mode 0444, or a read-only folder) can still
be read: `ppa init` and the app do not crash trying to migrate or write it, and a write
says in Indonesian that the database is read-only.

Root ignores file modes, so when the tests run as root the child process runs without
the capabilities that let root write anyway (`setpriv`), as an officer would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ppa_tui.store.database import Database

TANPA_ROOT = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
              "--inh-caps=-dac_override,-dac_read_search"]

BACA_DAN_TULIS = """
import sys
from pathlib import Path
from ppa_tui.backend import Backend
from ppa_tui.galat import pesan_galat
from ppa_tui.settings import Settings

url = sys.argv[1]
backend = Backend(Settings(data_dir=Path(sys.argv[2]), database_url=url, device_id="d"))
print("kasus aktif:", len(backend.beranda().kasus))
try:
    backend.simpan_draft("korban:-:baru", "korban", "Korban", {"nama": "Siti"})
    print("TERTULIS")
except Exception as exc:
    print("tulis:", pesan_galat(exc))
backend.close()
"""


def _jalankan(*args: str) -> subprocess.CompletedProcess[str]:
    awalan: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root without setpriv: a file mode cannot stop root writing")
        awalan = TANPA_ROOT
    return subprocess.run([*awalan, sys.executable, *args], capture_output=True, text=True,
                          timeout=120, check=False)


def _buat(path: Path) -> str:
    url = f"sqlite:///{path}"
    db = Database.open(url, device_id="desk")
    db.close()  # a clean close: no -wal or -shm left beside the file
    return url


@pytest.fixture(params=["berkas 0444", "folder hanya-baca"])
def basis_data_hanya_baca(request: pytest.FixtureRequest, tmp_path: Path):
    folder = tmp_path / "data"
    url = _buat(folder / "ppa.db")
    if request.param == "berkas 0444":
        (folder / "ppa.db").chmod(0o444)
    else:
        folder.chmod(0o555)
    yield url, folder
    folder.chmod(0o700)


def test_init_reads_a_read_only_database_and_says_so(basis_data_hanya_baca) -> None:
    url, _folder = basis_data_hanya_baca
    hasil = _jalankan("-c", "from ppa_tui.mulai import main; main()", "--db", url, "init")
    assert hasil.returncode == 0, hasil.stderr
    assert "hanya bisa dibaca" in hasil.stdout
    assert "Traceback" not in hasil.stdout + hasil.stderr


def test_app_reads_a_read_only_database_and_refuses_writes_in_indonesian(
        basis_data_hanya_baca) -> None:
    url, folder = basis_data_hanya_baca
    hasil = _jalankan("-c", BACA_DAN_TULIS, url, str(folder))
    assert hasil.returncode == 0, hasil.stderr
    assert "kasus aktif: 0" in hasil.stdout
    assert "TERTULIS" not in hasil.stdout
    assert "tulis: Basis data hanya bisa dibaca" in hasil.stdout
