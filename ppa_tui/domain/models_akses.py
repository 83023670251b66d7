"""The tables of accounts, case assignments and the audit log (revision 0011).

Accounts are never deleted: a disabled account keeps its name in every audit entry and
every record it wrote. The audit log is append-only and not a `Rekam`: an entry is
never updated, soft-deleted or merged; each carries the hash of the one before it.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, true
from sqlmodel import Field, SQLModel

from ppa_tui.domain.models_dasar import Rekam, UTCDateTime, tanda, teks_panjang


class Pengguna(Rekam, table=True):
    """One officer's account: her login name, password hash (argon2id) and state."""

    __tablename__ = "pengguna"

    nama: str = Field(max_length=60, unique=True)
    """Login name, folded to lower case."""
    nama_lengkap: str = Field(default="", max_length=200)
    sandi_hash: str = Field(default="", max_length=200)
    harus_ganti_sandi: bool = tanda()
    """A temporary password (a new account, a reset): changed at the first login."""
    aktif: bool = Field(default=True, nullable=False, sa_column_kwargs={"server_default": true()})
    gagal_berturut: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    terkunci_sampai: datetime | None = Field(default=None, sa_type=UTCDateTime)
    masuk_terakhir: datetime | None = Field(default=None, sa_type=UTCDateTime)


class PeranPengguna(Rekam, table=True):
    """One role of an account (an officer may hold several: a Kasi who is also the
    Manajer Kasus). A removed role is soft-deleted, so its history stays."""

    __tablename__ = "peran_pengguna"

    pengguna_id: uuid.UUID = Field(foreign_key="pengguna.id", index=True)
    peran: str = Field(max_length=30)


class PenugasanKasus(Rekam, table=True):
    """An officer assigned to a case: she sees its personal data unmasked. Whoever
    opens a case is assigned to it; a Kasi or the Kepala assigns others."""

    __tablename__ = "penugasan_kasus"

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    pengguna_id: uuid.UUID = Field(foreign_key="pengguna.id", index=True)


class AuditEntri(SQLModel, table=True):
    """One entry of the append-only audit log; `hash` covers its own content and
    `hash_sebelum`, so an edited, deleted or reordered entry breaks the chain."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_kasus_id", "kasus_id"),
                      Index("ix_audit_log_pengguna", "pengguna"))

    urutan: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    waktu: datetime = Field(sa_type=UTCDateTime, nullable=False)
    pengguna: str = Field(default="", max_length=60)
    aksi: str = Field(max_length=30)
    tabel: str = Field(default="", max_length=40)
    objek_id: str = Field(default="", max_length=40)
    kasus_id: uuid.UUID | None = Field(default=None)
    rincian: str = teks_panjang()
    device_id: str = Field(default="", max_length=64)
    hash_sebelum: str = Field(default="", max_length=64)
    hash: str = Field(max_length=64)
