"""`ppa init` and `ppa demo` on the officer's real database: a damaged file is said to
be damaged, and demo data never mixes silently with real cases."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from ppa_tui.cli import cli
from ppa_tui.domain.clock import FixedClock
from ppa_tui.store.database import Database
from ppa_tui.store.demo import isi_demo

runner = CliRunner()
HALAMAN = 4096


def _rusakkan(path: Path, dari: int, banyak: int = 5) -> None:
    """Zero `banyak` pages from page `dari` (a disk or copy gone wrong)."""
    with path.open("r+b") as f:
        f.seek(HALAMAN * dari)
        f.write(b"\0" * HALAMAN * banyak)


def _isi(path: Path) -> None:
    db = Database.open(f"sqlite:///{path}", device_id="desk")
    isi_demo(db, 300, FixedClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC)), seed=1)
    db.close()


def test_init_says_plainly_when_pages_are_zeroed(tmp_path: Path) -> None:
    path = tmp_path / "ppa.db"
    _isi(path)
    _rusakkan(path, path.stat().st_size // HALAMAN // 3)  # data pages; the schema is intact
    result = runner.invoke(cli, ["--db", f"sqlite:///{path}", "init"])
    assert result.exit_code == 1
    assert "Berkas basis data RUSAK" in result.output  # opened, then quick_check
    assert "siap" not in result.output
    assert "Traceback" not in result.output and "btreeInitPage" not in result.output


def test_init_says_plainly_when_the_schema_pages_are_zeroed(tmp_path: Path) -> None:
    path = tmp_path / "ppa.db"
    _isi(path)
    _rusakkan(path, 1, 40)
    result = runner.invoke(cli, ["--db", f"sqlite:///{path}", "init"])
    assert result.exit_code == 1
    assert "RUSAK" in result.output
    assert "malformed" not in result.output and "Background" not in result.output


def test_init_on_a_sound_database_says_ready(tmp_path: Path) -> None:
    path = tmp_path / "ppa.db"
    _isi(path)
    result = runner.invoke(cli, ["--db", f"sqlite:///{path}", "init"])
    assert result.exit_code == 0, result.output
    assert "Basis data siap" in result.output


def _kasus(url: str) -> list[tuple[str, bool]]:
    from sqlmodel import select

    from ppa_tui.domain.models import Kasus

    db = Database.open(url)
    try:
        with db.baca() as s:
            return sorted((k.nomor_register, k.demo) for k in s.exec(select(Kasus)))
    finally:
        db.close()


def test_demo_marks_its_cases_and_refuses_a_database_with_real_cases(tmp_path: Path) -> None:
    from ppa_tui.domain.kasus import buka_kasus

    url = f"sqlite:///{tmp_path / 'ppa.db'}"
    result = runner.invoke(cli, ["--db", url, "demo", "--cases", "5"])
    assert result.exit_code == 0, result.output
    assert [demo for _, demo in _kasus(url)] == [True] * 5
    assert runner.invoke(cli, ["--db", url, "demo", "--cases", "3"]).exit_code == 0  # demo only

    db = Database.open(url, device_id="meja")  # the officer's first real case
    with db.session() as s:
        nyata = buka_kasus(s, waktu_diterima=datetime.now(UTC), petugas="Rina").nomor_register
    db.close()
    sebelum = _kasus(url)

    result = runner.invoke(cli, ["--db", url, "demo", "--cases", "5"])
    assert result.exit_code == 1
    assert "1 kasus nyata" in result.output and "--campur" in result.output
    assert "Traceback" not in result.output
    assert _kasus(url) == sebelum  # nothing written

    result = runner.invoke(cli, ["--db", url, "demo", "--cases", "2", "--campur"])
    assert result.exit_code == 0, result.output
    sesudah = dict(_kasus(url))
    assert len(sesudah) == len(sebelum) + 2
    assert sesudah[nyata] is False and sum(sesudah.values()) == len(sesudah) - 1


def test_demo_help_is_indonesian() -> None:
    result = runner.invoke(cli, ["demo", "--help"])
    assert "--campur" in result.output and "Jumlah kasus contoh" in result.output
