"""The one place that opens the database: SQLite by default, PostgreSQL by URL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url


def make_engine(url: str) -> Engine:
    """An engine with SQLite tuned for a desk laptop: WAL survives a crash mid-write,
    `synchronous=NORMAL` keeps autosave fast, foreign keys on, and a busy timeout so
    two desks on one file wait for each other instead of failing."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001
    # Let SQLAlchemy, not the driver, issue BEGIN, so `_sqlite_begin` controls locking.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


BACA = "ppa_baca"
"""Execution option: this unit of work only reads, so it starts a deferred transaction."""
EKSKLUSIF = "ppa_eksklusif"
"""Execution option: schema changes, one process at a time (BEGIN EXCLUSIVE)."""


def _sqlite_begin(connection) -> None:  # noqa: ANN001
    # A write takes the write lock up front (IMMEDIATE): a unit of work that reads and
    # then writes can then never deadlock against another desk (SQLITE_BUSY
    # mid-transaction). A read starts deferred: in WAL mode it takes no lock at all,
    # so three desks reloading home never make a save wait.
    options = connection.get_execution_options()
    if options.get(BACA):
        connection.exec_driver_sql("BEGIN")
    elif options.get(EKSKLUSIF):
        connection.exec_driver_sql("BEGIN EXCLUSIVE")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def pembaca(engine: Engine) -> Engine:
    """The same engine (same pool) whose transactions only read."""
    return engine.execution_options(**{BACA: True})


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
