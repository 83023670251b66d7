"""The first home load on SQLite, with the stdlib `sqlite3` only.

SQLAlchemy, SQLModel and Alembic cost ~350 ms of imports before the first query; the
officer should see her cases before that. So the first load opens the file read-only,
checks in one query that the schema is at head, and runs home's queries in one short
read transaction. Anything unusual (no file, not SQLite, behind head, a locked or
damaged file) returns None, and the caller takes the ORM path, which migrates and
reports errors as usual. Same SQL, same rows, same read models as `views.beranda`
(a test compares them on a demo database).

SQLAlchemy's storage on SQLite, read back here the way it reads it: UUIDs are 32-char
hex, datetimes naive UTC text (`datetime.fromisoformat`), booleans 0/1.
"""

from __future__ import annotations

import re
import sqlite3
import uuid
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

from ppa_tui.domain.readmodel import (
    BATAS_KASUS_BERANDA,
    Beranda,
    draft_dari,
    susun_beranda,
)

_URL = re.compile(r"sqlite(\+pysqlite)?:///(?P<path>[^?#%]+)")
_REVISI = re.compile(r"(\d{4})_\w+\.py")


@cache
def head() -> str | None:
    """The newest schema revision, from the migration file names (`0002_….py`), so
    the check needs no Alembic."""
    nama = (_REVISI.fullmatch(p.name) for p in files("ppa_tui.store").joinpath(
        "migrations", "versions").iterdir())
    return max((m.group(1) for m in nama if m), default=None)


def berkas_sqlite(url: str) -> Path | None:
    """The file behind a plain `sqlite:///path` URL; None for anything else (other
    databases, memory, query options), which the fast path leaves to the ORM."""
    m = _URL.fullmatch(url)
    if m is None or m.group("path") == ":memory:":
        return None
    return Path(m.group("path")).expanduser()


def baca_beranda(url: str, sejak: datetime) -> Beranda | None:
    """Home as `views.beranda` builds it, or None when this path cannot serve it."""
    path = berkas_sqlite(url)
    if path is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True,
                               isolation_level=None, timeout=5, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        conn.execute("BEGIN")  # one snapshot for the three lists
        try:
            versi = conn.execute("SELECT version_num FROM alembic_version").fetchall()
            if versi != [(head(),)]:
                return None
            return _baca(conn, sejak)
        finally:
            conn.execute("ROLLBACK")
    except Exception:  # noqa: BLE001  (locked, damaged, unreadable: the ORM path decides)
        return None
    finally:
        conn.close()


def _waktu(teks: str | None) -> datetime | None:
    return None if teks is None else datetime.fromisoformat(teks).replace(tzinfo=UTC)


def _id(teks: str | None) -> uuid.UUID | None:
    return None if teks is None else uuid.UUID(hex=teks)


def _baca(conn: sqlite3.Connection, sejak: datetime) -> Beranda:
    batas = sejak.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    tamu = [
        (_id(i), nama, keperluan, _waktu(masuk), _waktu(keluar), nomor, _id(kasus_id))
        for i, nama, keperluan, masuk, keluar, nomor, kasus_id in conn.execute(
            "SELECT t.id, t.nama, t.keperluan, t.waktu_masuk, t.waktu_keluar,"
            " k.nomor_register, t.kasus_id"
            " FROM buku_tamu t LEFT OUTER JOIN kasus k ON t.kasus_id = k.id"
            " WHERE t.waktu_masuk >= ? AND t.deleted_at IS NULL"
            " ORDER BY t.waktu_masuk DESC, t.created_at DESC, t.id DESC LIMIT ?", (batas, BATAS_KASUS_BERANDA))
    ]
    # CROSS JOIN keeps langkah_kasus outside, so SQLite walks the partial index on
    # open steps in deadline order and stops at the limit, statistics or not.
    kasus_mentah = conn.execute(
        "SELECT k.id, k.nomor_register, l.sop_kode, l.langkah_kode, l.started_at,"
        " l.deadline_at"
        " FROM langkah_kasus l CROSS JOIN kasus k ON l.kasus_id = k.id"
        " WHERE l.finished_at IS NULL AND l.deleted_at IS NULL"
        " AND k.status = 'aktif' AND k.deleted_at IS NULL"
        " ORDER BY l.deadline_at ASC NULLS LAST, k.nomor_register LIMIT ?",
        (BATAS_KASUS_BERANDA,)).fetchall()
    korban = []
    if kasus_mentah:
        ids = [row[0] for row in kasus_mentah]
        korban = [
            (_id(kasus_id), nama, anak) for kasus_id, nama, anak in conn.execute(
                "SELECT kasus_id, nama, anak FROM pihak"
                f" WHERE kasus_id IN ({', '.join('?' * len(ids))}) AND peran = 'korban'"
                " AND deleted_at IS NULL ORDER BY created_at, id", ids)
        ]
    kasus = [(_id(i), nomor, sop, langkah, _waktu(mulai), _waktu(tenggat))
             for i, nomor, sop, langkah, mulai, tenggat in kasus_mentah]
    draft = [
        d for d in (
            draft_dari(kunci, form_id, judul, isi, _waktu(diubah))
            for kunci, form_id, judul, isi, diubah in conn.execute(
                "SELECT kunci, form_id, judul, isi, updated_at FROM draft"
                " ORDER BY updated_at DESC"))
        if d is not None
    ]
    return susun_beranda(tamu, kasus, korban, draft)
