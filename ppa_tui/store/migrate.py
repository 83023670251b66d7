"""Schema migrations, applied automatically at start.

Importing Alembic costs ~0.1-0.4 s, so start-up reads `alembic_version` with one plain
query and only loads Alembic when the database is behind (a new install or an
upgrade). The head revision is read from the versions folder's files, not written
here by hand, so it cannot go stale when a revision is added.

Rule: a released revision never changes; every schema change is a new revision.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from ppa_tui.store.engine import EKSKLUSIF, pembaca

_REVISI = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_TURUNAN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(?:['\"]([^'\"]+)['\"]|None)", re.M)


@cache
def head() -> str:
    """The one revision no other revision revises, from the versions folder's text."""
    revisi: set[str] = set()
    turunan: set[str] = set()
    for berkas in (files("ppa_tui.store") / "migrations" / "versions").iterdir():
        if not berkas.name.endswith(".py"):
            continue
        isi = berkas.read_text(encoding="utf-8")
        if (r := _REVISI.search(isi)) is None:
            continue
        revisi.add(r.group(1))
        if (d := _TURUNAN.search(isi)) is not None and d.group(1):
            turunan.add(d.group(1))
    kepala = revisi - turunan
    if len(kepala) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(kepala)}")
    return kepala.pop()


HEAD = head()


def current_revision(engine: Engine) -> str | None:
    """The database's revision with one query; None when it has no schema yet."""
    with pembaca(engine).connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:
            return None  # no alembic_version table: a new database


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision`; a no-op (without Alembic) when already there.

    Several desks may start at once on a new database: the set-up runs one process at
    a time (PostgreSQL: an advisory lock held to the end of the transaction; SQLite:
    an exclusive transaction), and each re-reads the version once it has the lock, so
    the ones that waited find the schema made and do nothing."""
    if revision == "head" and current_revision(engine) == HEAD:
        return
    try:
        _upgrade_sendiri(engine, revision)
    except DBAPIError as exc:
        teks = str(exc.orig).lower()
        if "readonly" not in teks and "read-only" not in teks:
            raise
        from ppa_tui.galat import PesanPetugas

        raise PesanPetugas(
            "Basis data hanya bisa dibaca, padahal perlu disiapkan atau diperbarui untuk "
            "versi aplikasi ini. Buka sekali dengan izin tulis, lalu coba lagi.") from exc


def _upgrade_sendiri(engine: Engine, revision: str) -> None:
    with engine.execution_options(**{EKSKLUSIF: True}).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text(
                "SELECT pg_advisory_xact_lock(hashtext('ppa-tui skema ' || "
                "coalesce(current_schema(), '')))"))
        if revision == "head" and _revisi_dalam(conn) == HEAD:
            return  # another desk set it up while this one waited
        from alembic import command

        command.upgrade(alembic_config(conn), revision)


def _revisi_dalam(conn: Connection) -> str | None:
    """The version inside a transaction (where a failed query would abort it)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(connection=None):  # noqa: ANN001, ANN201
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("ppa_tui.store") / "migrations"))
    config.attributes["connection"] = connection
    return config
