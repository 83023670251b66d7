"""pelapor_id where 0001 lacked it, indexes for home, kasus.demo and kejadian flags

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 09:00:00

Revision 0001 was edited after release (`pihak.pelapor_id` was added inside it), so
a database made by the first release is stamped 0001 without that column. This
revision adds it when it is missing and is a no-op for it otherwise.

Indexes: `pihak(kasus_id, peran)` for the victims of each case, and a partial index
on open steps by deadline for home's active cases.

`kasus.demo` marks synthetic cases (`ppa demo`); `kejadian_tanpa_jam` and
`kejadian_perkiraan` let a kejadian be a date alone, possibly approximate.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TERBUKA = "finished_at IS NULL AND deleted_at IS NULL"
TANDA_KASUS = ("kejadian_tanpa_jam", "kejadian_perkiraan", "demo")


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    kolom = {c["name"] for c in sa.inspect(bind).get_columns("pihak")}
    if "pelapor_id" not in kolom:
        if sqlite:
            # SQLite cannot add a constraint to a table, and copying `pihak` (batch
            # mode) would drop a table that persetujuan and asesmen point at: the
            # reference goes inline, which ADD COLUMN allows for a NULL column.
            op.execute("ALTER TABLE pihak ADD COLUMN pelapor_id CHAR(32) REFERENCES pihak (id)")
        else:
            op.add_column("pihak", sa.Column("pelapor_id", sa.Uuid(), nullable=True))
            op.create_foreign_key("pihak_pelapor_id_fkey", "pihak", "pihak",
                                  ["pelapor_id"], ["id"])

    # IF NOT EXISTS: a database tuned by hand (or by bench/home.py) may have them.
    op.create_index("ix_pihak_kasus_id_peran", "pihak", ["kasus_id", "peran"],
                    if_not_exists=True)
    op.create_index("ix_langkah_kasus_terbuka", "langkah_kasus", ["deadline_at"],
                    sqlite_where=sa.text(TERBUKA), postgresql_where=sa.text(TERBUKA),
                    if_not_exists=True)

    for nama in TANDA_KASUS:
        op.add_column("kasus", sa.Column(nama, sa.Boolean(), nullable=False,
                                         server_default=sa.false()))


def downgrade() -> None:
    # `pihak.pelapor_id` stays: the released 0001 files have it.
    op.drop_index("ix_langkah_kasus_terbuka", table_name="langkah_kasus")
    op.drop_index("ix_pihak_kasus_id_peran", table_name="pihak")
    if op.get_bind().dialect.name == "sqlite":
        for nama in TANDA_KASUS:  # SQLite >= 3.35 drops a plain column in place
            op.execute(f"ALTER TABLE kasus DROP COLUMN {nama}")
    else:
        for nama in TANDA_KASUS:
            op.drop_column("kasus", nama)
