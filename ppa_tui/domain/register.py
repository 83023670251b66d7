"""Register numbers: readable, unique and sequential per year (`PPA/2026/0001`), and
the per-year counter letter numbers share (`surat.py`).

A counter row is bumped with one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING`,
so two desks writing to one database at once can never get the same number: the
database serialises them (a row lock on PostgreSQL, the write lock on SQLite).
"""

from __future__ import annotations

from sqlalchemy import Table, literal_column
from sqlmodel import Session

from ppa_tui.domain.models import NomorRegister

FORMAT = "PPA/{tahun}/{urutan:04d}"


def format_nomor(tahun: int, urutan: int) -> str:
    return FORMAT.format(tahun=tahun, urutan=urutan)


def naikkan(session: Session, table: Table, tahun: int) -> int:
    """Bump the counter of `tahun` in `table` (columns `tahun`, `terakhir`) inside the
    caller's transaction and return the new value: 1 for a year not seen before."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = (
        insert(table)
        .values(tahun=tahun, terakhir=1)
        .on_conflict_do_update(
            index_elements=[table.c.tahun],
            set_={"terakhir": table.c.terakhir + literal_column("1")},
        )
        .returning(table.c.terakhir)
    )
    return session.execute(stmt).scalar_one()


def ambil_nomor(session: Session, tahun: int) -> tuple[int, str]:
    """Take the next register number of `tahun` inside the caller's transaction."""
    urutan = naikkan(session, NomorRegister.__table__, tahun)
    return urutan, format_nomor(tahun, urutan)
