"""Private files: the database, its -wal and -shm, and the data folder are readable by
this user only, whatever the umask, also when they were made before this rule."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ppa_tui.backend import Backend
from ppa_tui.settings import Settings


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def _berkas(data: Path) -> dict[str, int]:
    return {p.name: _mode(p) for p in sorted(data.iterdir()) if p.name.startswith("ppa.db")}


def test_new_database_and_data_folder_are_private(tmp_path: Path, umask_022: None) -> None:
    data = tmp_path / "data"
    backend = Backend(Settings(data_dir=data, device_id="desk"))  # the default SQLite file
    try:
        backend.beranda()  # opens: creates, migrates, reads (WAL and SHM exist while open)
        assert _mode(data) == 0o700
        assert _berkas(data) == {"ppa.db": 0o600, "ppa.db-shm": 0o600, "ppa.db-wal": 0o600}
    finally:
        backend.close()


def test_database_made_before_is_made_private_on_open(tmp_path: Path, umask_022: None) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    lama = sqlite3.connect(data / "ppa.db")  # an older version's file: 0644 under umask 022
    lama.execute("PRAGMA journal_mode=WAL")
    lama.execute("CREATE TABLE t (x)")
    lama.commit()  # kept open: -wal and -shm stay on disk
    try:
        assert _berkas(data) == {"ppa.db": 0o644, "ppa.db-shm": 0o644, "ppa.db-wal": 0o644}
        assert _mode(data) == 0o755
        backend = Backend(Settings(data_dir=data, device_id="desk"))
        try:
            backend.beranda()
        finally:
            backend.close()
        assert _mode(data) == 0o700
        assert _berkas(data) == {"ppa.db": 0o600, "ppa.db-shm": 0o600, "ppa.db-wal": 0o600}
    finally:
        lama.close()


def test_a_file_the_officer_made_read_only_stays_read_only(tmp_path: Path) -> None:
    from ppa_tui.store.engine import pribadi

    berkas = tmp_path / "arsip.db"
    berkas.write_bytes(b"")
    berkas.chmod(0o444)
    pribadi(berkas)
    assert _mode(berkas) == 0o400
