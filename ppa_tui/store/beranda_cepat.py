"""The first home load without the ORM: stdlib `sqlite3` (`sqlcipher3` for an
encrypted file), or bare `psycopg`.

SQLAlchemy, SQLModel and Alembic cost ~350 ms of imports before the first query; the
officer should see her cases before that. So the first load connects with the driver
alone, checks in one query that the schema is at head, and runs home's queries in one
short read-only transaction. Anything unusual (no file, another URL form, behind head,
a locked or damaged database) returns None, and the caller takes the ORM path, which
migrates and reports errors as usual. Same SQL, same rows, same read models as
`views.beranda` (a test compares them on a demo database).

Values come back as SQLAlchemy stores them. SQLite: UUIDs as 32-char hex, datetimes as
naive UTC text (read with `datetime.fromisoformat`, as SQLAlchemy does), booleans 0/1.
PostgreSQL: native UUIDs and booleans, naive UTC timestamps.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the readers import what they need when they run, in their thread

    from ppa_tui.domain.readmodel import Beranda

_SQLITE = re.compile(r"sqlite(\+pysqlite)?:///(?P<path>[^?#%]+)")
_POSTGRES = re.compile(r"postgresql\+psycopg://(?P<rest>[^#]+)")
_REVISI = re.compile(r"(\d{4})_\w+\.py")


@cache
def head() -> str | None:
    """The newest schema revision, from the migration file names (`0002_….py`), so
    the check needs no Alembic."""
    versi = Path(__file__).with_name("migrations") / "versions"
    nama = (_REVISI.fullmatch(p.name) for p in versi.iterdir())
    return max((m.group(1) for m in nama if m), default=None)


def berkas_sqlite(url: str) -> Path | None:
    """The file behind a plain `sqlite:///path` URL; None for anything else (other
    databases, memory, query options), which the fast path leaves to the ORM."""
    m = _SQLITE.fullmatch(url)
    if m is None or m.group("path") == ":memory:":
        return None
    return Path(m.group("path")).expanduser()


def dsn_postgres(url: str) -> str | None:
    """A libpq URI for a `postgresql+psycopg://` URL: SQLAlchemy hands the same
    user, host, database and query parameters (`options=…`) to psycopg."""
    m = _POSTGRES.fullmatch(url)
    return None if m is None else f"postgresql://{m.group('rest')}"


def baca_beranda(url: str, sejak: datetime, kalender: object = None, *,
                 kunci: bytes | None = None) -> Beranda | None:
    """Home as `views.beranda` builds it, or None when this path cannot serve it.
    `kunci`: the SQLCipher key of an encrypted file (read with sqlcipher3)."""
    try:
        if (path := berkas_sqlite(url)) is not None:
            return _sqlite(path, sejak, kalender, kunci)
        if (dsn := dsn_postgres(url)) is not None:
            return _postgres(dsn, sejak, kalender)
    except Exception:  # noqa: BLE001  (locked, damaged, unreachable: the ORM path decides)
        return None
    return None


def _sqlite(path: Path, sejak: datetime, kalender: object,
            kunci: bytes | None = None) -> Beranda | None:
    from urllib.parse import quote

    if not path.is_file():
        return None  # the ORM path creates it
    if kunci is None:
        import sqlite3 as modul
    else:
        import sqlcipher3.dbapi2 as modul
    conn = modul.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True,
                         isolation_level=None, timeout=5, check_same_thread=False)
    try:
        if kunci is not None:
            from ppa_tui.store.cipher import pakai_kunci

            pakai_kunci(conn, kunci)
        conn.execute("BEGIN")  # one snapshot for the three lists
        try:
            return _baca(conn.execute, SQLITE, sejak, kalender)
        finally:
            conn.execute("ROLLBACK")
    finally:
        conn.close()


def _postgres(dsn: str, sejak: datetime, kalender: object) -> Beranda | None:
    import psycopg

    with psycopg.connect(dsn, connect_timeout=5) as conn:
        conn.read_only = True
        try:
            return _baca(lambda sql, p=(): conn.execute(sql, p).fetchall(), POSTGRES, sejak,
                         kalender)
        finally:
            conn.rollback()


def _waktu_teks(teks: str | None) -> datetime | None:
    return None if teks is None else datetime.fromisoformat(teks).replace(tzinfo=UTC)


def _id_hex(teks: str | None) -> uuid.UUID | None:
    return None if teks is None else uuid.UUID(hex=teks)


def _waktu_naif(nilai: datetime | None) -> datetime | None:
    return None if nilai is None else nilai.replace(tzinfo=UTC)


def _sama(nilai: Any) -> Any:
    return nilai


@dataclass(frozen=True)
class Dialek:
    """What differs between the two drivers; the queries are otherwise one text."""

    p: str  # the driver's placeholder
    join: str  # SQLite: CROSS JOIN keeps the open steps outside (see below)
    satu_dari: Callable[[int], str]  # "kasus_id IN (…)" for `n` ids
    id: Callable[[Any], uuid.UUID | None]
    waktu: Callable[[Any], datetime | None]
    param_waktu: Callable[[datetime], object]
    param_ids: Callable[[list], tuple]


SQLITE = Dialek(
    "?", "CROSS JOIN", lambda n: f"IN ({', '.join('?' * n)})", _id_hex, _waktu_teks,
    lambda t: t.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f"),
    tuple,
)
POSTGRES = Dialek(
    "%s", "JOIN", lambda _n: "= ANY(%s)", _sama, _waktu_naif,
    lambda t: t.astimezone(UTC).replace(tzinfo=None), lambda ids: (ids,),
)


def _baca(q: Callable[..., Any], d: Dialek, sejak: datetime,
          kalender: object = None) -> Beranda | None:
    from ppa_tui.domain.readmodel import BATAS_KASUS_BERANDA, draft_dari, susun_beranda

    if list(q("SELECT version_num FROM alembic_version")) != [(head(),)]:
        return None  # behind (or ahead of) this code: the ORM path migrates or refuses
    p = d.p
    tamu = [
        (d.id(i), nama, keperluan, d.waktu(masuk), d.waktu(keluar), nomor, d.id(kasus_id))
        for i, nama, keperluan, masuk, keluar, nomor, kasus_id in q(
            "SELECT t.id, t.nama, t.keperluan, t.waktu_masuk, t.waktu_keluar,"
            " k.nomor_register, t.kasus_id"
            " FROM buku_tamu t LEFT OUTER JOIN kasus k ON t.kasus_id = k.id"
            f" WHERE t.waktu_masuk >= {p} AND t.deleted_at IS NULL"
            f" ORDER BY t.waktu_masuk DESC, t.created_at DESC, t.id DESC LIMIT {p}",
            (d.param_waktu(sejak), BATAS_KASUS_BERANDA))
    ]
    # With langkah_kasus outside, SQLite walks the partial index on open steps in
    # deadline order and stops at the limit, with or without statistics.
    kasus_mentah = list(q(
        "SELECT k.id, k.nomor_register, l.sop_kode, l.langkah_kode, l.started_at,"
        " l.deadline_at"
        f" FROM langkah_kasus l {d.join} kasus k ON l.kasus_id = k.id"
        " WHERE l.finished_at IS NULL AND l.deleted_at IS NULL"
        " AND k.status = 'aktif' AND k.deleted_at IS NULL"
        f" ORDER BY l.deadline_at ASC NULLS LAST, k.nomor_register LIMIT {p}",
        (BATAS_KASUS_BERANDA,)))
    korban = []
    if kasus_mentah:
        ids = [row[0] for row in kasus_mentah]
        korban = [
            (d.id(kasus_id), nama, anak) for kasus_id, nama, anak in q(
                f"SELECT kasus_id, nama, anak FROM pihak WHERE kasus_id {d.satu_dari(len(ids))}"
                " AND peran = 'korban' AND deleted_at IS NULL ORDER BY created_at, id",
                d.param_ids(ids))
        ]
    kasus = [(d.id(i), nomor, sop, langkah, d.waktu(mulai), d.waktu(tenggat))
             for i, nomor, sop, langkah, mulai, tenggat in kasus_mentah]
    draft = [
        x for x in (
            draft_dari(kunci, form_id, judul, isi, d.waktu(diubah))
            for kunci, form_id, judul, isi, diubah in q(
                "SELECT kunci, form_id, judul, isi, updated_at FROM draft"
                " ORDER BY updated_at DESC"))
        if x is not None
    ]
    return susun_beranda(tamu, kasus, korban, draft, kalender)
