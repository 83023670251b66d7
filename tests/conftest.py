"""Fixtures: every test gets its own database, on SQLite and on PostgreSQL.

PostgreSQL is required, never skipped: `.ci/run` must fail when it is unreachable.
Each PostgreSQL test runs in a fresh schema of the `test` database.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

PG_URL = os.environ.get(
    "PPA_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@pytest.fixture(autouse=True)
def _isolate_host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read the officer's real config, data folder or PPA_* variables."""
    for name in list(os.environ):
        if name.startswith("PPA_") and name != "PPA_TEST_PG_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


def _pg_schema_url(schema: str) -> str:
    return f"{PG_URL}?options=-csearch_path%3D{schema}"


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual shell umask, under which the app must still write private files."""
    lama = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(lama)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ppa.db'}"
        return
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield _pg_schema_url(schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def db(db_url: str):
    """An open, migrated `Database` on each backend."""
    from ppa_tui.store.database import Database

    database = Database.open(db_url, device_id="test-desk")
    yield database
    database.close()


@pytest.fixture
def sqlite_db(tmp_path: Path):
    """SQLite only, for the TUI tests (the domain tests cover PostgreSQL)."""
    from ppa_tui.store.database import Database

    database = Database.open(f"sqlite:///{tmp_path / 'ppa.db'}", device_id="test-desk")
    yield database
    database.close()


@pytest.fixture
def clock():
    """A clock that only moves when the test moves it: 23 Nov 2026, 09:00 WIB."""
    from ppa_tui.domain.clock import FixedClock

    return FixedClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
