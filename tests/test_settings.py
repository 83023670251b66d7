"""Settings as the officer's machine gives them: private folders, and a bad value is
one Indonesian sentence naming the key and where it came from, before the app opens."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from ppa_tui.settings import Settings


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    lama = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(lama)


def test_data_folder_and_device_id_are_private(tmp_path: Path, umask_022: None) -> None:
    data = tmp_path / "data" / "ppa-tui"
    settings = Settings.load(data_dir=str(data)).with_device_id()
    assert _mode(data) == 0o700
    assert _mode(data / "device-id") == 0o600
    assert settings.device_id


def test_existing_open_folders_are_tightened(tmp_path: Path, umask_022: None) -> None:
    data = tmp_path / "xdg-data" / "ppa-tui"
    data.mkdir(parents=True, mode=0o755)
    data.chmod(0o755)
    config = tmp_path / "xdg-config" / "ppa-tui"
    config.mkdir(parents=True)
    config.chmod(0o755)
    Settings.load().with_device_id()
    assert _mode(data) == 0o700
    assert _mode(config) == 0o700


def test_the_log_is_private(tmp_path: Path, umask_022: None) -> None:
    from ppa_tui.galat import catat_galat, pasang_log

    data = tmp_path / "d"
    log = pasang_log(data)
    assert log is not None
    log.chmod(0o644)  # a log left by an older version
    pasang_log(data)
    try:
        raise RuntimeError("Siti")
    except RuntimeError as exc:
        catat_galat(exc, "uji")
    assert _mode(data) == 0o700 and _mode(log) == 0o600
    assert "Siti" not in log.read_text(encoding="utf-8")


def test_private_writes_ignore_the_umask(tmp_path: Path, umask_022: None) -> None:
    from ppa_tui.pribadi import buka_pribadi, tulis_pribadi

    tulis_pribadi(tmp_path / "a.txt", "x")
    with buka_pribadi(tmp_path / "b.csv", "wb") as f:
        f.write(b"x")
    assert _mode(tmp_path / "a.txt") == 0o600 and _mode(tmp_path / "b.csv") == 0o600


def test_main_sets_a_private_umask(monkeypatch: pytest.MonkeyPatch, umask_022: None) -> None:
    from ppa_tui import cli

    monkeypatch.setattr("sys.argv", ["ppa", "--version"])
    with pytest.raises(SystemExit):
        cli.main()
    sekarang = os.umask(0o022)
    assert sekarang == 0o077
