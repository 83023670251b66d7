"""The first home load on an up-to-date database (SQLite or PostgreSQL) imports no
SQLAlchemy, SQLModel or Alembic (~350 ms before the first query): the officer sees
her cases first, and the ORM opens after. Checked in a fresh interpreter, so nothing
the test run imported can
hide a leak."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ppa_tui.domain.clock import FixedClock
from ppa_tui.store.database import Database
from ppa_tui.store.demo import isi_demo

BERAT = ["sqlalchemy", "sqlmodel", "alembic"]


def _muat_beranda(url: str, data_dir: Path, awal: bool = False) -> dict:
    """In a fresh interpreter: the TUI's modules, then `Backend.beranda()` as home's
    worker calls it (or, with `awal`, the early read `build_app` starts); what was
    loaded and what was read."""
    baca = (
        "b = ppa_tui.tui.app.build_app(s).backend\n"
        "b._awal.result(timeout=60)\n"  # its bounded wait may end first on a busy machine
        "home = b.beranda_siap()\n"
    ) if awal else "b = Backend(s)\nhome = b.beranda()\n"
    code = (
        "import json, sys\n"
        "import ppa_tui.tui.app\n"
        "from ppa_tui.backend import Backend\n"
        "from ppa_tui.settings import Settings\n"
        f"s = Settings(data_dir={str(data_dir)!r}, database_url={url!r})\n"
        + baca +
        f"berat = {BERAT!r}\n"
        "print(json.dumps({'kasus': len(home.kasus), 'terbuka': b.terbuka,"
        " 'dimuat': sorted(m for m in sys.modules if m.split('.')[0] in berat)}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture
def url(db_url: str, clock: FixedClock) -> str:
    database = Database.open(db_url)
    isi_demo(database, 40, FixedClock(clock.now()))
    database.close()
    return db_url


@pytest.mark.parametrize("awal", [False, True], ids=["worker", "build_app"])
def test_first_home_load_imports_no_orm(url: str, tmp_path: Path, awal: bool) -> None:
    hasil = _muat_beranda(url, tmp_path, awal)
    assert hasil["kasus"] > 0
    assert hasil["dimuat"] == []
    assert hasil["terbuka"] is False


def test_a_missing_database_still_opens_through_the_orm(tmp_path: Path) -> None:
    """The check above is meaningful: the ORM path does load them (and creates the file)."""
    baru = tmp_path / "baru.db"
    hasil = _muat_beranda(f"sqlite:///{baru}", tmp_path)
    assert hasil["kasus"] == 0 and hasil["terbuka"] is True
    assert {"sqlalchemy", "sqlmodel"} <= {m.split(".")[0] for m in hasil["dimuat"]}
    assert baru.exists()
