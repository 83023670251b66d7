"""The store: one engine per process, sessions for the domain services."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, event, text
from sqlmodel import Session, SQLModel

from ppa_tui.domain import audit  # noqa: F401  (its before_flush hook writes the audit log)
from ppa_tui.domain.models import Rekam, utcnow
from ppa_tui.store.engine import make_engine, pembaca, pribadi
from ppa_tui.store.migrate import upgrade
from ppa_tui.store.watcher import KANAL_SQL, ChangeWatcher, buat_pengamat

_NOTIFY = text(f"SELECT pg_notify({KANAL_SQL}, '')")


class Database:
    """Owns the engine; hands out short sessions. Every write goes through a domain
    service inside `session()`, where permission checks and audit entries will sit."""

    def __init__(self, engine: Engine, device_id: str = "") -> None:
        self.engine = engine
        self.device_id = device_id
        self.pengguna = ""
        """The logged-in account's name, on every audit entry this process writes."""
        self._pembaca = pembaca(engine)
        self._beri_tahu = engine.dialect.name == "postgresql"

    @classmethod
    def open(cls, url: str, device_id: str = "", *, folder_data: Path | None = None,
             kunci: bytes | None = None, izinkan_tanpa_tls: bool = False) -> Database:
        """Open (creating and migrating if needed) the database at `url`. The app's
        data folder, when given, is made readable by this user only (0700). `kunci`:
        the SQLCipher key of an encrypted SQLite file (`store/kunci.py`);
        `izinkan_tanpa_tls`: allow a remote PostgreSQL server without TLS."""
        if folder_data is not None:
            pribadi(Path(folder_data))
        engine = make_engine(url, kunci, izinkan_tanpa_tls=izinkan_tanpa_tls)
        upgrade(engine)
        database = cls(engine, device_id)
        if engine.dialect.name == "sqlite":
            database.segarkan_statistik()
        return database

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            session.info["device_id"] = self.device_id
            session.info["pengguna"] = self.pengguna
            session.info["audit"] = True
            try:
                yield session
                if self._beri_tahu:  # the other desks' watchers (delivered on commit)
                    session.execute(_NOTIFY)
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def baca(self) -> Iterator[Session]:
        """A read-only unit of work: on SQLite a deferred transaction, which takes no
        lock in WAL mode, so reads never wait for a save nor make one wait. Anything
        written here is refused (a write belongs in `session()`)."""
        with Session(self._pembaca, expire_on_commit=False) as session:
            session.info["baca"] = True
            try:
                yield session
                session.flush()  # a pending change raises (before_flush), never vanishes
            finally:
                session.rollback()

    def segarkan_statistik(self, penuh: bool = False) -> None:
        """Keep the query planner's statistics current, so home's queries pick the
        fitting index at any size (without them SQLite read every korban row at 1M).

        SQLite, on open: `PRAGMA optimize` (re-analyses what has grown), or a bounded
        ANALYZE when the file has never been analysed. After a bulk fill (`penuh`):
        ANALYZE on SQLite, and ANALYZE of this app's tables on PostgreSQL (whose
        autovacuum keeps them current otherwise). Skipped quietly on a read-only, busy
        or damaged database: statistics help, they are never required."""
        from sqlalchemy.exc import DatabaseError

        sqlite = self.engine.dialect.name == "sqlite"
        try:
            with self.engine.connect() as conn:
                if sqlite:
                    conn.exec_driver_sql("PRAGMA analysis_limit=1000")  # bounded at 1M rows
                    ada = conn.exec_driver_sql(
                        "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first()
                    conn.exec_driver_sql("ANALYZE" if penuh or not ada
                                         else "PRAGMA optimize=0x10002")
                elif penuh:
                    tabel = ", ".join(self.engine.dialect.identifier_preparer.quote(t.name)
                                      for t in SQLModel.metadata.sorted_tables)
                    conn.exec_driver_sql(f"ANALYZE {tabel}")
                conn.commit()
        except DatabaseError:
            pass  # read-only, busy or damaged: `ppa init` reports the damage

    def periksa_keutuhan(self, batas: int = 20) -> list[str]:
        """What SQLite's `PRAGMA quick_check` finds wrong with the file (empty when it
        is sound; always empty on PostgreSQL, whose server checks its own pages)."""
        if self.engine.dialect.name != "sqlite":
            return []
        from sqlalchemy.exc import DatabaseError

        try:
            with self._pembaca.connect() as conn:
                rows = conn.exec_driver_sql(f"PRAGMA quick_check({int(batas)})").scalars().all()
        except DatabaseError as exc:  # so damaged that the check itself stops
            if "malformed" in str(exc.orig).lower() or "not a database" in str(exc.orig).lower():
                return [str(exc.orig)]
            raise
        return [] if rows == ["ok"] else [str(r) for r in rows]

    def hanya_baca(self) -> bool:
        """True when this desk can read the database but not write it (file or folder
        permissions, read-only media, a standby server). Tries a write that changes
        nothing and rolls it back."""
        if self.engine.dialect.name != "sqlite":
            with self._pembaca.connect() as conn:
                return conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on"
        from sqlalchemy.exc import OperationalError

        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("UPDATE alembic_version SET version_num = version_num")
                conn.rollback()
        except OperationalError as exc:
            if "readonly" in str(exc.orig).lower():
                return True
            raise
        return False

    def pengamat(self) -> ChangeWatcher:
        """A watcher of other desks' changes, with a connection of its own."""
        return buat_pengamat(self.engine)

    def close(self) -> None:
        self.engine.dispose()


@event.listens_for(Session, "before_flush")
def _stamp_provenance(session: Session, _context, _instances) -> None:  # noqa: ANN001
    """Every row written says when and by which device, for the outreach merge."""
    if session.info.get("baca"):
        raise RuntimeError("write in a read-only unit of work (Database.baca)")
    device = session.info.get("device_id", "")
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, Rekam) and not obj.device_id:
            obj.device_id = device
    for obj in session.dirty:
        if isinstance(obj, Rekam) and session.is_modified(obj):
            obj.updated_at = now
            obj.device_id = device
