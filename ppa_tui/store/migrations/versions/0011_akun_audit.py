"""Accounts with roles, officers assigned to cases, and the hash-chained audit log

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 12:00:00

New tables only; no existing row changes. A database upgraded to this revision has no
account yet: the app asks for the first one (Kepala or Admin) before anything else.
- pengguna: login name, full name, argon2id password hash, temporary-password flag,
  active flag, failed logins in a row and lock-out time, last login.
- peran_pengguna: one row per role of an account.
- penugasan_kasus: an officer assigned to a case (sees its personal data).
- audit_log: append-only entries in order (`urutan`), each with the hash of the one
  before it and of its own content.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _rekam() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), primary_key=True, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "pengguna",
        *_rekam(),
        sa.Column("nama", sa.String(length=60), nullable=False, unique=True),
        sa.Column("nama_lengkap", sa.String(length=200), nullable=False),
        sa.Column("sandi_hash", sa.String(length=200), nullable=False),
        sa.Column("harus_ganti_sandi", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("aktif", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("gagal_berturut", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("terkunci_sampai", sa.DateTime(), nullable=True),
        sa.Column("masuk_terakhir", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "peran_pengguna",
        *_rekam(),
        sa.Column("pengguna_id", sa.Uuid(), sa.ForeignKey("pengguna.id"), nullable=False),
        sa.Column("peran", sa.String(length=30), nullable=False),
    )
    op.create_index("ix_peran_pengguna_pengguna_id", "peran_pengguna", ["pengguna_id"])
    op.create_table(
        "penugasan_kasus",
        *_rekam(),
        sa.Column("kasus_id", sa.Uuid(), sa.ForeignKey("kasus.id"), nullable=False),
        sa.Column("pengguna_id", sa.Uuid(), sa.ForeignKey("pengguna.id"), nullable=False),
    )
    op.create_index("ix_penugasan_kasus_kasus_id", "penugasan_kasus", ["kasus_id"])
    op.create_index("ix_penugasan_kasus_pengguna_id", "penugasan_kasus", ["pengguna_id"])
    op.create_table(
        "audit_log",
        sa.Column("urutan", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.Column("pengguna", sa.String(length=60), nullable=False),
        sa.Column("aksi", sa.String(length=30), nullable=False),
        sa.Column("tabel", sa.String(length=40), nullable=False),
        sa.Column("objek_id", sa.String(length=40), nullable=False),
        sa.Column("kasus_id", sa.Uuid(), nullable=True),
        sa.Column("rincian", sa.Text(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("hash_sebelum", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
    )
    op.create_index("ix_audit_log_kasus_id", "audit_log", ["kasus_id"])
    op.create_index("ix_audit_log_pengguna", "audit_log", ["pengguna"])


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("penugasan_kasus")
    op.drop_table("peran_pengguna")
    op.drop_table("pengguna")
