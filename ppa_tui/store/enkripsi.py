"""Encrypting an existing plain SQLite database in place (`ppa enkripsi`), every row kept.

Order, so that no step can lose a record:

1. The file must be plain and open in no other process: switching it to rollback
   journal mode needs sole access (and folds the WAL into the file). A write lock is
   then held to the end, so no desk can write meanwhile.
2. A backup copy beside it, `<name>.sebelum-enkripsi-<YYYYMMDD-HHMMSS>` (0600), made
   with SQLite's backup API and verified: `PRAGMA integrity_check`, and the row count
   of every table equal to the original's.
3. The encrypted copy, made by SQLCipher's `sqlcipher_export` into a temp file beside
   it (`user_version` copied), verified the same way.
4. Only then the temp file replaces the original (an atomic rename), and any stale
   -wal/-shm of the plain file is removed.

The FTS5 search index (revision 0009) is copied as its tables and its triggers; the
`ppa_lipat` function is registered on both connections all the same, so a trigger
that fires anywhere in the export finds it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ppa_tui.galat import PesanPetugas
from ppa_tui.pribadi import BERKAS
from ppa_tui.store.cipher import pakai_kunci, terenkripsi
from ppa_tui.store.kunci import fsync_folder


class EnkripsiGagal(PesanPetugas):
    """The database could not be encrypted; the original is untouched."""


def enkripsi_di_tempat(db_path: Path, kunci_db: bytes,
                       progress: Callable[[str], None] | None = None) -> Path:
    """Encrypt the plain SQLite file `db_path` with `kunci_db`, in place; returns the
    path of the verified plain backup made first. `progress(step)` hears each step
    (an Indonesian phrase) before it starts."""
    import sqlite3

    import sqlcipher3.dbapi2 as sqlcipher

    from ppa_tui.store.cari import lipat

    db_path = Path(db_path)
    lapor = progress or (lambda _langkah: None)
    if not db_path.is_file():
        raise EnkripsiGagal(f"Basis data {db_path} tidak ada.")
    if terenkripsi(db_path):
        raise EnkripsiGagal(f"Basis data {db_path} sudah terenkripsi.")
    waktu = datetime.now().strftime("%Y%m%d-%H%M%S")
    cadangan = db_path.with_name(f"{db_path.name}.sebelum-enkripsi-{waktu}")
    sementara = db_path.with_name(f".{db_path.name}.enkripsi-{waktu}.tmp")
    if cadangan.exists():
        raise EnkripsiGagal(f"Cadangan {cadangan} sudah ada; coba lagi sebentar lagi.")

    lapor("Memeriksa basis data")
    diganti = False
    kunci_tulis = sqlite3.connect(db_path, isolation_level=None, timeout=0)
    try:
        kunci_tulis.create_function("ppa_lipat", 1, lipat, deterministic=True)
        _sendiri(kunci_tulis)
        try:
            kunci_tulis.execute("BEGIN IMMEDIATE")  # no desk writes until the end
            asli = hitung_baris(kunci_tulis)

            lapor("Membuat cadangan")
            _buat_kosong(cadangan)
            # from a reader of its own: the backup API refuses (SQLITE_LOCKED, retried
            # forever by Python) a source connection that holds a write transaction
            asal, tujuan = sqlite3.connect(db_path), sqlite3.connect(cadangan)
            try:
                asal.backup(tujuan)
            finally:
                tujuan.close()
                asal.close()
            _periksa_salinan(sqlite3.connect(cadangan), asli, "cadangan")

            lapor("Mengenkripsi")
            _buat_kosong(sementara)
            _ekspor(sqlcipher, db_path, sementara, kunci_db, lipat)
            salinan = sqlcipher.connect(sementara)
            pakai_kunci(salinan, kunci_db)
            _periksa_salinan(salinan, asli, "salinan terenkripsi")

            lapor("Mengganti berkas")
            os.replace(sementara, db_path)
            diganti = True
            for sisa in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
                sisa.unlink(missing_ok=True)
            fsync_folder(db_path.parent)
        finally:
            if kunci_tulis.in_transaction:
                kunci_tulis.execute("ROLLBACK")
    except BaseException:
        sementara.unlink(missing_ok=True)
        if not diganti:  # the original stands: no second plain copy left lying about
            cadangan.unlink(missing_ok=True)
            try:  # the plain original goes on as it was opened before
                kunci_tulis.execute("PRAGMA journal_mode=WAL")
            except sqlite3.Error:
                pass
        raise
    finally:
        kunci_tulis.close()
    return cadangan


def hitung_baris(conn) -> dict[str, int]:  # noqa: ANN001
    """Rows of every table (the search index's tables included), by name."""
    nama = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in nama}


def _sendiri(conn) -> None:  # noqa: ANN001
    """Rollback journal mode, which SQLite grants only to the one connection open on
    the file: proof that no desk has it open. Also folds the WAL into the file."""
    import sqlite3

    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.DatabaseError:
        mode = None
    if mode != "delete":
        raise EnkripsiGagal(
            "Basis data sedang dibuka di aplikasi lain (meja lain atau jendela lain). "
            "Tutup semua aplikasi ppa yang memakainya, lalu jalankan lagi.")


def _ekspor(sqlcipher, asal: Path, tujuan: Path, kunci: bytes, lipat) -> None:  # noqa: ANN001
    """`sqlcipher_export` of the plain file into the empty file `tujuan`, encrypted."""
    conn = sqlcipher.connect(asal, isolation_level=None)
    try:
        conn.create_function("ppa_lipat", 1, lipat, deterministic=True)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"ATTACH DATABASE ? AS terenkripsi KEY \"x'{kunci.hex()}'\"",
                     (str(tujuan),))
        conn.execute("SELECT sqlcipher_export('terenkripsi')").fetchall()
        versi = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA terenkripsi.user_version = {int(versi)}")
        conn.execute("DETACH DATABASE terenkripsi")
    finally:
        conn.close()


def _periksa_salinan(conn, asli: dict[str, int], nama: str) -> None:  # noqa: ANN001
    """The copy is sound and holds as many rows in every table as the original."""
    try:
        hasil = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        baris = hitung_baris(conn)
    finally:
        conn.close()
    if hasil != ["ok"]:
        raise EnkripsiGagal(f"Pemeriksaan {nama} gagal (integrity_check); berkas asli tidak "
                            "diubah.")
    beda = sorted(n for n in asli.keys() | baris.keys() if asli.get(n) != baris.get(n))
    if beda:
        raise EnkripsiGagal(f"Jumlah baris {nama} tidak sama dengan aslinya (tabel "
                            f"{', '.join(beda[:5])}); berkas asli tidak diubah.")


def _buat_kosong(path: Path) -> None:
    """An empty 0600 file for SQLite to fill (it keeps the mode it finds)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, BERKAS))
