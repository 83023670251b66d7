"""The search index: SQLite FTS5 (trigram) kept current by triggers; PostgreSQL pg_trgm

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-01 16:30:00

What is searched and how: `ppa_tui/store/cari.py`. The index is built here for the
cases already in the database, so an upgraded desk finds its old cases at once. On
SQLite the triggers call ``ppa_lipat``, which the app's engine registers on every
connection (`store.engine`); on PostgreSQL ``ppa_lipat`` is created here as an SQL
function, with the pg_trgm and unaccent extensions in schema public.
"""

from alembic import op

from ppa_tui.store.cari import PG_BUAT, PG_HAPUS, SQLITE_BUAT, SQLITE_HAPUS

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def _jalankan(perintah: list[str]) -> None:
    conn = op.get_bind()
    for sql in perintah:
        conn.exec_driver_sql(sql)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _jalankan(SQLITE_BUAT)
    else:
        _jalankan(PG_BUAT)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _jalankan(SQLITE_HAPUS)
    else:
        _jalankan(PG_HAPUS)
