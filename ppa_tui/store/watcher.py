"""Has another desk changed the database since the last look? One cheap call.

SQLite: `PRAGMA data_version` changes when any *other* connection commits, so the
watcher keeps a connection of its own that never writes. PostgreSQL: every write unit
of work sends a NOTIFY on the schema's channel (`Database.session`); the watcher's own
connection LISTENs and drains what has arrived without waiting.

Blocking calls: run them in a worker, never on Textual's event loop.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import Engine

KANAL_SQL = "left('ppa:' || coalesce(current_schema(), ''), 63)"
"""The NOTIFY channel: one per schema, so databases sharing a server do not mix."""


class ChangeWatcher(Protocol):
    def berubah(self, tunggu: float = 0) -> bool:
        """True when another connection committed since the last call (or since the
        watcher was made). `tunggu`: PostgreSQL may wait that many seconds for a
        notification to arrive (for tests); 0 never waits."""

    def close(self) -> None: ...


def buat_pengamat(engine: Engine) -> ChangeWatcher:
    if engine.dialect.name == "sqlite":
        return _SqliteWatcher(engine)
    return _PgWatcher(engine)


class _SqliteWatcher:
    def __init__(self, engine: Engine) -> None:
        self._raw = engine.raw_connection()  # held: data_version is per connection
        self._terakhir = self._versi()

    def _versi(self) -> int:
        cursor = self._raw.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            return int(cursor.fetchone()[0])
        finally:
            cursor.close()

    def berubah(self, tunggu: float = 0) -> bool:
        versi = self._versi()
        berubah, self._terakhir = versi != self._terakhir, versi
        return berubah

    def close(self) -> None:
        self._raw.close()


class _PgWatcher:
    def __init__(self, engine: Engine) -> None:
        from psycopg import sql

        self._raw = engine.raw_connection()
        conn = self._conn = self._raw.driver_connection
        conn.rollback()
        conn.autocommit = True  # LISTEN takes effect at once; notifications flow in idle
        kanal = conn.execute(f"SELECT {KANAL_SQL}").fetchone()[0]
        conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(kanal)))

    def berubah(self, tunggu: float = 0) -> bool:
        ada = False
        for _ in self._conn.notifies(timeout=tunggu):
            ada = True
            break
        for _ in self._conn.notifies(timeout=0):  # drain the rest: one change reported
            pass
        return ada

    def close(self) -> None:
        self._raw.invalidate()  # LISTENing and autocommit: never back into the pool
