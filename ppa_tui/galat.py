"""Errors as the officer sees them, and the private log where their details go.

Nothing personal may reach the screen by accident: an exception's text can carry SQL,
bound parameters (a victim's name) or driver English. So the screen gets one
Indonesian sentence chosen by the kind of error, and the log gets the kind, the SQL
error code and where it happened, never the message text or any value.

Pure Python: the TUI, the CLI and the backend all use it; it imports neither Textual
nor SQLAlchemy (it recognises their exceptions by name).
"""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path

NAMA_LOG = "ppa.log"
_log = logging.getLogger("ppa_tui")
_log.addHandler(logging.NullHandler())  # before pasang_log: nothing on stderr, ever
_log.propagate = False

UMUM = "Terjadi kesalahan yang tidak terduga. Isian tidak hilang; coba lagi."


class PesanPetugas(Exception):
    """An error whose text is already a safe Indonesian sentence for the officer."""


def pesan_galat(exc: BaseException, awalan: str = "") -> str:
    """One Indonesian sentence for `exc`, without SQL, parameters or driver text."""
    pesan = _pesan(exc)
    return f"{awalan}: {pesan}" if awalan else pesan


def laporkan(exc: BaseException, di: str, awalan: str = "") -> str:
    """Log `exc` privately (value-free) and return the sentence for the screen."""
    catat_galat(exc, di)
    return pesan_galat(exc, awalan)


def _pesan(exc: BaseException) -> str:  # noqa: PLR0911  (one sentence per kind)
    from ppa_tui.domain.validasi import Invalid

    if isinstance(exc, Invalid | PesanPetugas):
        return str(exc)
    nama = {c.__name__ for c in type(exc).__mro__}
    if "AturanDilanggar" in nama or "PengaturanSalah" in nama:  # written for the officer
        return str(exc)
    asal = getattr(exc, "orig", None)
    teks_asal = str(asal or "").lower()  # read to classify, never shown
    if "ArgumentError" in nama or "NoSuchModuleError" in nama:
        return ("Alamat basis data tidak dikenali. Contoh: sqlite:///ppa.db atau "
                "postgresql+psycopg://pengguna@server/ppa.")
    if "OperationalError" in nama or "InterfaceError" in nama:
        if "locked" in teks_asal or "busy" in teks_asal:
            return "Basis data sedang dipakai meja lain. Coba lagi sebentar lagi."
        if "readonly" in teks_asal or "read-only" in teks_asal or "read only" in teks_asal:
            return "Basis data hanya bisa dibaca (izin berkas). Perubahan tidak tersimpan."
        if "malformed" in teks_asal or "not a database" in teks_asal:
            return "Berkas basis data rusak. Jalankan `ppa init` untuk memeriksanya."
        if "disk" in teks_asal and "full" in teks_asal:
            return "Disk penuh: basis data tidak bisa menulis."
        if "no such table" in teks_asal or "no such column" in teks_asal:
            return _SKEMA
        if "unable to open" in teks_asal:
            return "Berkas basis data tidak bisa dibuka. Periksa folder dan izinnya."
        if "authentication" in teks_asal or "password" in teks_asal:
            return "Server basis data menolak nama pengguna atau kata sandinya."
        return "Basis data tidak bisa dihubungi. Periksa sambungan atau berkasnya."
    if "ProgrammingError" in nama and (
        "does not exist" in teks_asal or "undefined" in teks_asal
    ):
        return _SKEMA
    if "DataError" in nama:
        return "Ada isian yang tidak bisa disimpan (terlalu panjang atau tidak sah)."
    if "IntegrityError" in nama:
        return "Data ini bertabrakan dengan data lain yang sudah tersimpan."
    if "DatabaseError" in nama or "DBAPIError" in nama or "SQLAlchemyError" in nama:
        return "Basis data menolak perubahan ini."
    if "TidakDitemukan" in nama:
        return "Data yang dicari tidak ada lagi (mungkin sudah dihapus di meja lain)."
    if isinstance(exc, OverflowError):
        return "Ada angka yang terlalu besar untuk disimpan."
    if isinstance(exc, ModuleNotFoundError) and exc.name in _DRIVER:
        return "Driver basis data untuk alamat ini tidak terpasang."
    if isinstance(exc, PermissionError):
        return "Tidak ada izin untuk membaca atau menulis berkas aplikasi."
    if isinstance(exc, OSError):
        return "Berkas aplikasi tidak bisa dibaca atau ditulis."
    return UMUM


_DRIVER = {"psycopg", "psycopg2", "pg8000", "asyncpg", "pymysql", "MySQLdb", "oracledb",
           "cx_Oracle", "pyodbc"}
_SKEMA = ("Struktur basis data tidak cocok dengan versi aplikasi ini. "
          "Jalankan `ppa init` untuk memperbaruinya.")


def pasang_log(data_dir: Path) -> Path | None:
    """Send the app's log to `data_dir/ppa.log`, readable by this user only."""
    from ppa_tui.pribadi import buka_pribadi, folder_pribadi

    data_dir = Path(data_dir)
    path = data_dir / NAMA_LOG
    try:
        folder_pribadi(data_dir)
        stream = buka_pribadi(path, "a")
    except OSError:
        return None  # a read-only home must not stop the desk
    for h in list(_log.handlers):
        _log.removeHandler(h)
        h.close()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    _log.addHandler(handler)
    _log.setLevel(logging.INFO)
    _log.propagate = False
    return path


def catat_galat(exc: BaseException, di: str = "") -> None:
    """Log what went wrong and where: exception kinds, SQL error codes and the stack's
    file:line:function, never the message text, parameters or local variables."""
    _log.error("galat di %s: %s", di or "?", ringkas_teknis(exc))


def ringkas_teknis(exc: BaseException) -> str:
    """A value-free description of `exc` (and its causes) for the private log."""
    bagian: list[str] = []
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        jenis = f"{type(cur).__module__}.{type(cur).__qualname__}"
        kode = _kode(cur)
        asal = getattr(cur, "orig", None)
        if asal is not None:
            kode = kode or _kode(asal)
            jenis += f" <- {type(asal).__module__}.{type(asal).__qualname__}"
        frames = traceback.extract_tb(cur.__traceback__)
        kita = [f for f in frames if f"{os.sep}ppa_tui{os.sep}" in f.filename][-6:]
        if frames and (not kita or kita[-1] is not frames[-1]):
            kita.append(frames[-1])  # where it was raised, even inside a library
        tempat = " > ".join(f"{Path(f.filename).name}:{f.lineno}:{f.name}" for f in kita)
        bagian.append(jenis + (f" [{kode}]" if kode else "") + (f" @ {tempat}" if tempat else ""))
        cur = cur.__cause__ or cur.__context__
    return " | ".join(bagian)


def _kode(exc: BaseException) -> str | None:
    """The SQL error code (PostgreSQL SQLSTATE or SQLite's name): says what, not whom."""
    return getattr(exc, "sqlstate", None) or getattr(exc, "sqlite_errorname", None)
