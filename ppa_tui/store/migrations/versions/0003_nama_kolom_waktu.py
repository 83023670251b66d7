"""Timestamp columns follow one rule: `*_at` for moments the machine stamps (UTC),
`waktu_*` / `tanggal*` for times the officer enters or may correct.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 17:00:00

`kasus.kejadian_at` (typed by the officer) becomes `waktu_kejadian`, and
`kasus.diterima_at` (the guest's arrival, which the officer may correct) becomes
`waktu_diterima`, like `buku_tamu.waktu_masuk`. A plain RENAME COLUMN on both
dialects (SQLite >= 3.25): no table copy, data and indexes stay.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NAMA = (("kejadian_at", "waktu_kejadian"), ("diterima_at", "waktu_diterima"))


def upgrade() -> None:
    for lama, baru in NAMA:
        op.execute(f"ALTER TABLE kasus RENAME COLUMN {lama} TO {baru}")


def downgrade() -> None:
    for lama, baru in NAMA:
        op.execute(f"ALTER TABLE kasus RENAME COLUMN {baru} TO {lama}")
