"""Opening the database for a person (issue 12): the one path from a name and a
password to an open `Database` and an `Akun`, for the app and the CLI alike.

An encrypted SQLite database (the default for a new one) has a key-slot file beside
it (`store/kunci.py`): the password unwraps the database key, which opens the file;
the account is then checked in the database as on PostgreSQL or a plain file. Account
changes that touch a password or an account's existence also re-wrap or remove that
user's slot, after the database has committed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ppa_tui.domain.clock import Clock, SystemClock
from ppa_tui.galat import PesanPetugas
from ppa_tui.settings import Settings

if TYPE_CHECKING:
    from ppa_tui.domain.akses import Akun
    from ppa_tui.store.database import Database


class GagalMasuk(PesanPetugas):
    """A login refused; the text is the sentence for the officer."""


def berkas_db(settings: Settings) -> Path | None:
    """The SQLite file behind the settings' URL, None for PostgreSQL or memory."""
    from ppa_tui.store.beranda_cepat import berkas_sqlite

    return berkas_sqlite(settings.url)


def berkas_kunci(settings: Settings) -> Path | None:
    """The key-slot file of an encrypted database (`<db>.kunci`, `store/kunci.py`),
    None when it is not encrypted. A file check only: start-up stays free of crypto."""
    db = berkas_db(settings)
    if db is None:
        return None
    path = Path(f"{db}.kunci")
    return path if path.is_file() else None


def _baru(settings: Settings) -> bool:
    db = berkas_db(settings)
    return db is not None and (not db.exists() or db.stat().st_size == 0)


def _buka(settings: Settings, kunci: bytes | None) -> Database:
    from ppa_tui.store.database import Database

    return Database.open(settings.url, settings.device_id, folder_data=settings.data_dir,
                         kunci=kunci, izinkan_tanpa_tls=settings.pg_tanpa_tls)


def _hapus_baru(settings: Settings) -> None:
    """Remove what a failed first start made: the key file and the new database."""
    from ppa_tui.store.kunci import path_kunci

    db = berkas_db(settings)
    if db is None:
        return
    for path in (path_kunci(db), db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        path.unlink(missing_ok=True)


def perlu_akun_pertama(settings: Settings) -> bool:
    """No account yet: a new database, or one made before accounts existed."""
    if berkas_kunci(settings) is not None:
        return False  # an encrypted database is made with its first account
    if _baru(settings):
        return True
    if (ada := _ada_akun_cepat(settings)) is not None:
        return not ada
    from ppa_tui.domain.pengguna import ada_akun

    database = _buka(settings, None)
    try:
        with database.baca() as s:
            return not ada_akun(s)
    finally:
        database.close()


def _ada_akun_cepat(settings: Settings) -> bool | None:
    """Whether a plain SQLite file has an account, read with the bare driver (the login
    screen must not wait ~0.5 s for SQLAlchemy's imports); None when it cannot say
    (no `pengguna` table yet, a locked or damaged file, PostgreSQL): the full path
    opens and upgrades the database and decides."""
    import sqlite3
    from urllib.parse import quote

    db = berkas_db(settings)
    if db is None or not db.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(str(db.resolve()))}?mode=ro", uri=True,
                               timeout=5)
        try:
            return conn.execute("SELECT 1 FROM pengguna LIMIT 1").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return None


_IMPOR = threading.Lock()


def siapkan_impor() -> None:
    """Import what logging in needs (SQLAlchemy, SQLModel, the models, argon2, the
    key file's crypto) while the officer types her password, so Enter waits only for
    the key derivation and the database. Logging in calls it too and waits for the
    same lock: two threads importing one package at once can deadlock on its locks."""
    with _IMPOR:
        import ppa_tui.domain.pengguna
        import ppa_tui.domain.views
        import ppa_tui.store.database
        import ppa_tui.store.kunci  # noqa: F401


@dataclass
class Sesi:
    """A person logged in: the open database, her account and the database key."""

    settings: Settings
    database: Database
    akun: Akun
    kunci_db: bytes | None = None
    kode_pemulihan: str | None = None
    """Shown once, right after the first account of a new encrypted database."""
    clock: Clock = field(default_factory=SystemClock)

    def _slot(self):  # noqa: ANN202
        path = berkas_kunci(self.settings)
        if path is None or self.kunci_db is None:
            return None
        from ppa_tui.store.kunci import BerkasKunci

        return BerkasKunci.baca(path)

    def tambah_akun(self, nama: str, nama_lengkap: str, peran: Iterable[str],
                    sandi: str | None = None) -> str:
        """A new officer with a temporary password (returned, to be read out once)."""
        from ppa_tui.domain.pengguna import buat_akun, sandi_sementara

        sandi = sandi or sandi_sementara()
        with self.database.session() as s:
            p = buat_akun(s, nama, nama_lengkap, peran, sandi, oleh=self.akun)
            nama = p.nama
        if (slot := self._slot()) is not None:
            slot.tambah(nama, sandi, self.kunci_db)
        return sandi

    def atur_ulang_sandi(self, nama: str, sandi: str | None = None) -> str:
        from ppa_tui.domain.pengguna import atur_ulang_sandi

        with self.database.session() as s:
            p, sandi = atur_ulang_sandi(s, nama, oleh=self.akun, sandi=sandi)
            nama, aktif = p.nama, p.aktif
        if aktif and (slot := self._slot()) is not None:
            slot.tambah(nama, sandi, self.kunci_db)
        return sandi

    def nonaktifkan_akun(self, nama: str) -> None:
        from ppa_tui.domain.pengguna import nonaktifkan

        with self.database.session() as s:
            nama = nonaktifkan(s, nama, oleh=self.akun).nama
        if (slot := self._slot()) is not None:
            slot.hapus(nama)

    def ganti_sandi(self, lama: str, baru: str) -> None:
        from dataclasses import replace

        from ppa_tui.domain.pengguna import ganti_sandi

        with self.database.session() as s:
            ganti_sandi(s, self.akun, lama, baru)
        if (slot := self._slot()) is not None:
            slot.tambah(self.akun.nama, baru, self.kunci_db)
        self.akun = replace(self.akun, harus_ganti_sandi=False)

    def cocokkan_sandi(self, sandi: str) -> str | None:
        """The idle lock's check: None when right, else the sentence."""
        from ppa_tui.domain.pengguna import cocokkan_sandi

        with self.database.session() as s:
            return cocokkan_sandi(s, self.akun, sandi, self.clock.now())

    def close(self) -> None:
        self.database.close()


def masuk(settings: Settings, nama: str, sandi: str, clock: Clock | None = None) -> Sesi:
    """Log in: unwrap the database key (encrypted file), open the database, check the
    account. Raises GagalMasuk with the officer's sentence."""
    siapkan_impor()
    from ppa_tui.domain import audit
    from ppa_tui.domain.pengguna import lipat_nama
    from ppa_tui.domain.pengguna import masuk as masuk_akun

    clock = clock or SystemClock()
    nama = lipat_nama(nama)
    kunci, gagal_tertunda = None, []
    if (path := berkas_kunci(settings)) is not None:
        from ppa_tui.store.kunci import BerkasKunci

        berkas = BerkasKunci.baca(path)
        try:
            kunci = berkas.buka(nama, sandi, clock.now())
        except PesanPetugas as exc:
            raise GagalMasuk(str(exc)) from None
        gagal_tertunda = berkas.ambil_gagal(nama)
    elif _baru(settings):
        raise GagalMasuk("Basis data belum ada: buat akun pertama dengan `ppa init`.")
    database = _buka(settings, kunci)
    try:
        with database.session() as s:
            for waktu in gagal_tertunda:  # failures the encrypted file could not record
                audit.catat(s, "gagal_masuk", tabel="pengguna", pengguna=nama,
                            rincian={"alasan": "sandi salah (sebelum basis data dibuka)",
                                     "waktu": waktu})
            hasil = masuk_akun(s, nama, sandi, clock.now(), sandi_terbukti=kunci is not None)
    except BaseException:
        database.close()
        raise
    if hasil.akun is None:
        database.close()
        raise GagalMasuk(hasil.pesan)
    database.pengguna = hasil.akun.nama
    return Sesi(settings, database, hasil.akun, kunci, clock=clock)


def sesi_pertama(settings: Settings, nama: str, nama_lengkap: str, peran: Iterable[str],
                 sandi: str, clock: Clock | None = None, *, enkripsi: bool = True) -> Sesi:
    """Create the first account (Kepala or Admin) and log it in. A new SQLite database
    is created encrypted (unless `enkripsi` is False), with a recovery code to show
    once; an existing plain one stays plain (`ppa enkripsi` encrypts it)."""
    from ppa_tui.domain import audit
    from ppa_tui.domain.kata_sandi import periksa_sandi_baru
    from ppa_tui.domain.pengguna import (
        PERAN_PERTAMA,
        AkunSalah,
        akun_dari,
        buat_akun,
        periksa_nama,
        periksa_peran,
    )

    clock = clock or SystemClock()
    nama, kode = periksa_nama(nama), periksa_peran(peran)
    if not kode & set(PERAN_PERTAMA):
        raise AkunSalah("Akun pertama harus Kepala UPTD PPA atau Admin.")
    if (pesan := periksa_sandi_baru(sandi)) is not None:
        raise AkunSalah(pesan)
    if not perlu_akun_pertama(settings):
        raise AkunSalah("Basis data ini sudah punya akun: masuk dengan akun itu.")
    kunci = berkas = kode_pemulihan = None
    if enkripsi and _baru(settings):
        from ppa_tui.store.kunci import BerkasKunci, kunci_acak, path_kunci

        db = berkas_db(settings)
        assert db is not None
        kunci = kunci_acak()
        db.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        berkas = BerkasKunci.buat(path_kunci(db), kunci)
    database = None
    try:
        database = _buka(settings, kunci)
        with database.session() as s:
            p = buat_akun(s, nama, nama_lengkap, kode, sandi, oleh=None, sementara=False)
            p.masuk_terakhir = clock.now()
            akun = akun_dari(s, p)
            audit.catat(s, "masuk", tabel="pengguna", objek_id=p.id.hex, pengguna=p.nama,
                        rincian={"akun_pertama": True})
            if berkas is not None and kunci is not None:  # before the commit: all or none
                berkas.tambah(akun.nama, sandi, kunci)
                kode_pemulihan = berkas.pemulihan_baru(kunci)
    except BaseException:
        if database is not None:
            database.close()
        if berkas is not None:  # a half-made new database would lock its maker out
            _hapus_baru(settings)
        raise
    database.pengguna = akun.nama
    return Sesi(settings, database, akun, kunci, kode_pemulihan, clock)
