"""Schema migrations, applied automatically at start.

Importing Alembic costs ~0.4 s, so start-up first reads `alembic_version` with plain
SQL and only loads Alembic when the database is behind (a new install or an upgrade).
"""

from __future__ import annotations

from importlib.resources import files

from sqlalchemy import Engine, inspect, text

HEAD = "0001"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision`; a no-op (without Alembic) when already there."""
    if revision == "head" and current_revision(engine) == HEAD:
        return
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def alembic_config(connection=None):  # noqa: ANN001, ANN201
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("ppa_tui.store") / "migrations"))
    config.attributes["connection"] = connection
    return config
