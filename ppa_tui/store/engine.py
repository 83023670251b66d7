"""The one place that opens the database: SQLite by default, PostgreSQL by URL."""

from __future__ import annotations

import os
import sqlite3
from functools import partial
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import make_url

from ppa_tui.galat import PesanPetugas
from ppa_tui.store.cipher import pakai_kunci, terenkripsi

CACHE_TERENKRIPSI = -65536
"""Page cache of an encrypted connection, in KiB (64 MiB): a cached page is already
decrypted, so every hit saves an AES pass and an HMAC check (bench/enkripsi.py)."""


class KunciSalah(PesanPetugas):
    """The SQLite file does not open with the key given (or is not encrypted)."""


class PerluKunci(KunciSalah):
    """An encrypted SQLite file (its key-slot file beside it) opened without a key."""


def make_engine(url: str, kunci: bytes | None = None, *,
                izinkan_tanpa_tls: bool = False) -> Engine:
    """An engine with SQLite tuned for a desk laptop: WAL survives a crash mid-write,
    `synchronous=NORMAL` keeps autosave fast, foreign keys on, and a busy timeout so
    two desks on one file wait for each other instead of failing.

    With `kunci` (32 bytes, SQLite only) the file is opened with SQLCipher, every
    page encrypted on disk, WAL included; connections stay pooled, so the key is set
    once per connection, not per query. PostgreSQL refuses a remote server without
    TLS unless `izinkan_tanpa_tls`."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            berkas_pribadi(Path(database).expanduser())
            if kunci is None:
                _periksa_tanpa_kunci(Path(database).expanduser())
        if kunci is None:
            engine = create_engine(
                url, connect_args={"check_same_thread": False, "timeout": 30}
            )
            event.listen(engine, "do_connect", _sqlite_connect)
        else:
            import sqlcipher3.dbapi2 as sqlcipher

            if len(kunci) != 32:
                raise ValueError("kunci must be 32 bytes")
            engine = create_engine(url, module=sqlcipher,
                                   connect_args={"check_same_thread": False, "timeout": 30})
            event.listen(engine, "do_connect", partial(_sqlcipher_connect, kunci))
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if kunci is not None:
        raise ValueError("kunci is for SQLite files; PostgreSQL encrypts on the server")
    if parsed.get_backend_name() == "postgresql" and not izinkan_tanpa_tls:
        periksa_tls(parsed)
    return create_engine(url, pool_pre_ping=True)


def _periksa_tanpa_kunci(path: Path) -> None:
    """An encrypted file would otherwise fail as "not a database", read as damaged."""
    from ppa_tui.store.kunci import path_kunci

    if terenkripsi(path) and path_kunci(path).is_file():
        raise PerluKunci("Basis data ini terenkripsi: buka dengan nama pengguna dan kata "
                         "sandi, atau dengan kode pemulihan (`ppa pemulihan`).")


_LOKAL = {"", "localhost", "127.0.0.1", "::1"}
_SSL_AMAN = {"require", "verify-ca", "verify-full"}


def periksa_tls(url: URL) -> None:
    """Refuse a PostgreSQL URL that would send records unencrypted over a network: a
    host other than this machine (or a unix socket) without `sslmode` require,
    verify-ca or verify-full (in the URL, else libpq's PGSSLMODE)."""
    host = _nilai(url.query.get("host")) or url.host or os.environ.get("PGHOST", "")
    jauh = [h for h in (x.strip().rsplit(":", 1)[0] if x.count(":") == 1 else x.strip()
                        for x in host.split(","))
            if h.strip("[]") not in _LOKAL and not h.startswith("/")]
    sslmode = _nilai(url.query.get("sslmode")) or os.environ.get("PGSSLMODE", "")
    if jauh and sslmode not in _SSL_AMAN:
        raise PesanPetugas(
            f"Sambungan ke server basis data {jauh[0]} tidak terenkripsi (TLS), padahal "
            "data korban melewati jaringan. Tambahkan `?sslmode=verify-full` (atau "
            "`require`) pada alamat basis data; hanya bila jaringannya memang tertutup, "
            "setel `pg_tanpa_tls = true` di pengaturan.")


def _nilai(v: str | tuple[str, ...] | None) -> str:
    if isinstance(v, tuple):
        return ",".join(v)
    return v or ""


def berkas_pribadi(path: Path) -> None:
    """The database file, its -wal and -shm, readable by this user only, whatever the
    umask: a new file is made 0600 before SQLite opens it (SQLite gives -wal and -shm
    the database file's mode), an existing one loses its group and other bits. An
    owner's own read-only bit is kept: a file made 0444 stays read-only (0400)."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        pribadi(path.parent)
    if not path.exists():
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass  # another desk made it just now
        except OSError:
            return  # a read-only folder: SQLite says so when it opens
    for berkas in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        pribadi(berkas)


def pribadi(path: Path) -> None:
    """Drop group and other permission bits (0644 -> 0600, 0755 -> 0700, 0444 -> 0400)."""
    try:
        mode = path.stat().st_mode & 0o7777
        if mode & 0o077:
            path.chmod(mode & 0o700)
    except OSError:
        pass  # missing, or another user's file: nothing this desk may change


def _sqlite_connect(dialect, _record, cargs, cparams):  # noqa: ANN001, ANN202
    """Connect; in a folder this user cannot write, a WAL database whose -wal and -shm
    are absent cannot be opened at all (SQLITE_READONLY_DIRECTORY), so it is opened
    immutable instead: it can still be read, and every write says it is read-only."""
    conn = sqlite3.connect(*cargs, **cparams)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") != "SQLITE_READONLY_DIRECTORY":
            return conn  # any other trouble shows where the app reads or writes
        conn.close()
    nama = str(cargs[0])
    if not nama.startswith("file:"):
        nama = Path(nama).resolve().as_uri()
    nama += ("&" if "?" in nama else "?") + "immutable=1"
    return sqlite3.connect(nama, **(cparams | {"uri": True}))


def _sqlcipher_connect(kunci: bytes, dialect, _record, cargs, cparams):  # noqa: ANN001, ANN202
    """Connect with SQLCipher: the raw key first (no passphrase derivation: the
    password was already stretched by argon2id in `store/kunci.py`), then one query
    proves the key opens the file. A folder this user cannot write falls back to
    an immutable open, as `_sqlite_connect` does."""
    modul = dialect.dbapi
    conn = modul.connect(*cargs, **cparams)
    pakai_kunci(conn, kunci)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except modul.DatabaseError as exc:
        nama_galat = getattr(exc, "sqlite_errorname", "")
        if nama_galat == "SQLITE_NOTADB":
            conn.close()
            raise KunciSalah(_pesan_kunci_salah(Path(str(cargs[0])))) from None
        if nama_galat != "SQLITE_READONLY_DIRECTORY":
            return conn  # any other trouble shows where the app reads or writes
        conn.close()
        nama = str(cargs[0])
        if not nama.startswith("file:"):
            nama = Path(nama).resolve().as_uri()
        nama += ("&" if "?" in nama else "?") + "immutable=1"
        conn = modul.connect(nama, **(cparams | {"uri": True}))
        pakai_kunci(conn, kunci)
    conn.execute(f"PRAGMA cache_size={CACHE_TERENKRIPSI}")
    return conn


def _pesan_kunci_salah(path: Path) -> str:
    if path.is_file() and not terenkripsi(path):
        return ("Basis data ini belum dienkripsi, jadi tidak bisa dibuka dengan kunci. "
                "Jalankan `ppa enkripsi` untuk mengenkripsinya.")
    return ("Basis data tidak bisa dibuka dengan kunci ini: kata sandi atau berkas kuncinya "
            "bukan untuk basis data ini, atau berkasnya rusak.")


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001
    # Let SQLAlchemy, not the driver, issue BEGIN, so `_sqlite_begin` controls locking.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
    except getattr(dbapi_connection, "OperationalError", sqlite3.OperationalError):
        pass  # a read-only file keeps its journal mode; it can still be read
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
    # the search index's fold (store/cari.py): its triggers call it on every write
    from ppa_tui.store.cari import lipat

    dbapi_connection.create_function("ppa_lipat", 1, lipat, deterministic=True)


BACA = "ppa_baca"
"""Execution option: this unit of work only reads, so it starts a deferred transaction."""
EKSKLUSIF = "ppa_eksklusif"
"""Execution option: schema changes, one process at a time (BEGIN EXCLUSIVE)."""


def _sqlite_begin(connection) -> None:  # noqa: ANN001
    # A write takes the write lock up front (IMMEDIATE): a unit of work that reads and
    # then writes can then never deadlock against another desk (SQLITE_BUSY
    # mid-transaction). A read starts deferred: in WAL mode it takes no lock at all,
    # so three desks reloading home never make a save wait.
    options = connection.get_execution_options()
    if options.get(BACA):
        connection.exec_driver_sql("BEGIN")
    elif options.get(EKSKLUSIF):
        connection.exec_driver_sql("BEGIN EXCLUSIVE")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def pembaca(engine: Engine) -> Engine:
    """The same engine (same pool) whose transactions only read."""
    return engine.execution_options(**{BACA: True})


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
