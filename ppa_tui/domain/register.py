"""Register numbers: readable, unique and sequential per year (`PPA/2026/0001`).

The counter row is bumped with one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING`,
so two desks writing to one database at once can never get the same number: the
database serialises them (a row lock on PostgreSQL, the write lock on SQLite).
"""

from __future__ import annotations

from sqlalchemy import literal_column
from sqlmodel import Session

from ppa_tui.domain.models import NomorRegister

FORMAT = "PPA/{tahun}/{urutan:04d}"


def format_nomor(tahun: int, urutan: int) -> str:
    return FORMAT.format(tahun=tahun, urutan=urutan)


def ambil_nomor(session: Session, tahun: int) -> tuple[int, str]:
    """Take the next number of `tahun` inside the caller's transaction."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    table = NomorRegister.__table__
    stmt = (
        insert(table)
        .values(tahun=tahun, terakhir=1)
        .on_conflict_do_update(
            index_elements=[table.c.tahun],
            set_={"terakhir": table.c.terakhir + literal_column("1")},
        )
        .returning(table.c.terakhir)
    )
    urutan = session.execute(stmt).scalar_one()
    return urutan, format_nomor(tahun, urutan)
