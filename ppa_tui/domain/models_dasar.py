"""What every table shares: UTC times and the `Rekam` columns (identity and provenance
for sync). Its own module so the tables of `models` and `models_akses` can each be
imported first."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Text, TypeDecorator, false
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC: SQLite and PostgreSQL then behave alike."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def teks_panjang() -> object:
    return Field(default="", sa_column=Column(Text, nullable=False, default=""))


def tanda() -> object:
    """A yes/no column added after release: existing rows need a default in the
    database itself (`server_default`), not only in Python."""
    return Field(default=False, nullable=False, sa_column_kwargs={"server_default": false()})


class Rekam(SQLModel):
    """Columns every table shares: identity and provenance for sync."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(
        default_factory=utcnow, sa_type=UTCDateTime, nullable=False
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_type=UTCDateTime, nullable=False
    )
    device_id: str = Field(default="", max_length=64)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
