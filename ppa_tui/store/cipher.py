"""SQLCipher's few rules, in one light module (no SQLAlchemy): the engine, home's
first read and the in-place encryption all open files this way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

KEPALA_POLOS = b"SQLite format 3\x00"
"""How a plain SQLite file begins; an encrypted one begins with random bytes."""


def pakai_kunci(conn: Any, kunci: bytes) -> None:
    """Give a fresh sqlcipher3 connection its raw 256-bit key: the very first
    statement. A raw key (`x'…'`) skips SQLCipher's own PBKDF2: the password was
    already stretched by argon2id (`store/kunci.py`). SQLCipher's log goes to stderr,
    i.e. onto the officer's terminal, so it is silenced first."""
    if len(kunci) != 32:
        raise ValueError("kunci must be 32 bytes")
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{kunci.hex()}'\"")


def terenkripsi(path: Path) -> bool:
    """Whether the SQLite file at `path` is encrypted: it exists, is not empty and
    does not begin as a plain SQLite file does."""
    try:
        with open(path, "rb") as f:
            awal = f.read(len(KEPALA_POLOS))
    except OSError:
        return False
    return bool(awal) and awal != KEPALA_POLOS
