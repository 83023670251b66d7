"""What every `ppa` command shares (issue 12): the one way from the command line to an
open database for a person, the prompts for names and passwords, and errors as one
Indonesian sentence.

The rule for a database with accounts and one without (README, "Akun, peran dan
enkripsi"): once a database has an account, every command that opens it logs in
first (name from `ppa --pengguna NAMA` or `PPA_PENGGUNA`, else asked; password from
`PPA_KATA_SANDI`, for scripts only, else asked without echo). A plain database
without any account, made before accounts existed, is used as before, without a
login, until `ppa init` creates its first account; the commands that manage accounts
or the audit log refuse it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

if TYPE_CHECKING:
    from ppa_tui.backend import Backend
    from ppa_tui.sesi import Sesi
    from ppa_tui.settings import Settings

ENV_PENGGUNA = "PPA_PENGGUNA"
ENV_SANDI = "PPA_KATA_SANDI"
ENV_NAMA_LENGKAP = "PPA_NAMA_LENGKAP"
ENV_PERAN = "PPA_PERAN"
COBA_SANDI_BARU = 3  # a new password typed twice: tries before giving up


@dataclass
class Masuk:
    """A command's way into the database: the Backend (its `sesi` is the person, None
    on a database without accounts) and the password typed, for the commands that
    re-wrap a key slot with it."""

    backend: Backend
    sandi: str = ""

    @property
    def sesi(self) -> Sesi | None:
        return self.backend.sesi

    @property
    def database(self) -> Any:
        return self.backend.database

    def close(self) -> None:
        sesi = self.backend.sesi
        self.backend.close()  # closes the database only if the Backend itself used it
        if sesi is not None:
            sesi.close()  # (disposing twice is harmless)


def interaktif() -> bool:
    """Whether a person is at a terminal to answer questions (tests patch this)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def nama_pengguna(ctx: typer.Context, tanya: str = "Nama pengguna") -> str:
    """The account name: `ppa --pengguna NAMA`, else `PPA_PENGGUNA`, else asked."""
    nama = ctx.meta.get("pengguna") or os.environ.get(ENV_PENGGUNA, "")
    return nama.strip() or typer.prompt(tanya).strip()


def sandi_masuk(tanya: str = "Kata sandi") -> str:
    """The password: `PPA_KATA_SANDI` (scripts only), else asked without echo."""
    return os.environ.get(ENV_SANDI) or typer.prompt(tanya, hide_input=True)


def sandi_baru(nama: str = "", tanya: str = "Kata sandi baru", *,
               dari_env: bool = False) -> str:
    """A new password, typed twice and checked (`PPA_KATA_SANDI` when `dari_env`);
    exit 1 after COBA_SANDI_BARU tries, or at once for a weak one from the variable."""
    from ppa_tui.domain.kata_sandi import periksa_sandi_baru

    if dari_env and (sandi := os.environ.get(ENV_SANDI)):
        if (pesan := periksa_sandi_baru(sandi, nama)) is not None:
            gagal(f"{pesan} (dari variabel lingkungan {ENV_SANDI})")
        return sandi
    for _ in range(COBA_SANDI_BARU):
        sandi = typer.prompt(tanya, hide_input=True)
        if (pesan := periksa_sandi_baru(sandi, nama)) is not None:
            typer.echo(pesan, err=True)
            continue
        if typer.prompt("Ulangi kata sandi baru", hide_input=True) != sandi:
            typer.echo("Kedua kata sandi tidak sama. Ketik lagi.", err=True)
            continue
        return sandi
    gagal("Kata sandi baru tidak diatur: tiga kali tidak berhasil.")


def gagal(pesan: str, kode: int = 1) -> NoReturn:
    """One sentence on stderr and the exit code (1 refused or failed, 2 bad usage)."""
    typer.echo(pesan, err=True)
    raise typer.Exit(kode)


def masuk(ctx: typer.Context, settings: Settings, *, perlu_akun: bool = False) -> Masuk:
    """Open the database for the person at the keyboard (see the module's rule).
    Call inside `_pesan_gagal`. A refused login is its sentence and exit 1; so is a
    temporary password not yet changed, unless `ctx.meta["sandi_sementara_boleh"]`
    (`ppa pengguna sandi`, which changes it)."""
    from ppa_tui.backend import Backend
    from ppa_tui.sesi import GagalMasuk, berkas_kunci

    kunci_hilang(settings)
    if berkas_kunci(settings) is None:
        database = _buka_tanpa_akun(settings)
        if database is not None:
            if perlu_akun:
                database.close()
                gagal("Basis data ini belum punya akun: buat akun pertama dengan `ppa init`.")
            return Masuk(Backend(settings, _database=database))
        if perlu_akun and _belum_ada(settings):
            gagal("Basis data belum ada: buat dengan akun pertamanya lewat `ppa init`.")
        if _belum_ada(settings):  # a new file, as before accounts: made plain, no login
            return Masuk(Backend(settings))
    nama = nama_pengguna(ctx)
    sandi = sandi_masuk()
    from ppa_tui.sesi import masuk as masuk_sesi

    try:
        sesi = masuk_sesi(settings, nama, sandi)
    except GagalMasuk as exc:
        gagal(str(exc))
    if sesi.akun.harus_ganti_sandi and not ctx.meta.get("sandi_sementara_boleh"):
        sesi.close()
        gagal("Kata sandi ini sementara: gantilah dulu dengan `ppa pengguna sandi` (atau di "
              "aplikasi), lalu ulangi perintahnya.")
    return Masuk(Backend(replace(settings, petugas=sesi.akun.label), sesi=sesi), sandi)


def kunci_hilang(settings: Settings) -> None:
    """Exit 1 with the sentence when the SQLite file is encrypted but its key-slot file
    is not beside it (else opening it would read as a damaged file)."""
    from ppa_tui.sesi import berkas_db, berkas_kunci

    db = berkas_db(settings)
    if db is None or berkas_kunci(settings) is not None:
        return
    from ppa_tui.store.cipher import terenkripsi

    if terenkripsi(db):
        gagal(f"Basis data {db} terenkripsi, tetapi berkas kuncinya ({db.name}.kunci) tidak "
              "ada di sampingnya. Pulihkan berkas kunci itu dari cadangan yang sama dengan "
              "basis datanya.")


def _belum_ada(settings: Settings) -> bool:
    from ppa_tui.sesi import berkas_db

    db = berkas_db(settings)
    return db is not None and (not db.exists() or db.stat().st_size == 0)


def _buka_tanpa_akun(settings: Settings) -> Any:
    """The open database when it exists and has no account yet, else None (closed)."""
    if _belum_ada(settings):
        return None
    from ppa_tui.domain.pengguna import ada_akun
    from ppa_tui.store.database import Database

    database = Database.open(settings.url, settings.device_id, folder_data=settings.data_dir,
                             izinkan_tanpa_tls=settings.pg_tanpa_tls)
    try:
        with database.baca() as s:
            ada = ada_akun(s)
    except BaseException:
        database.close()
        raise
    if ada:
        database.close()
        return None
    return database


@contextmanager
def dibuka(ctx: typer.Context, settings: Settings, awalan: str = "Gagal membuka basis data",
           *, perlu_akun: bool = False) -> Iterator[Masuk]:
    """`masuk` inside `_pesan_gagal`, closed at the end."""
    with _pesan_gagal(settings.data_dir, awalan=awalan):
        m = masuk(ctx, settings, perlu_akun=perlu_akun)
        try:
            yield m
        finally:
            m.close()


@contextmanager
def _pesan_gagal(data_dir: Path | None = None,
                 awalan: str = "Gagal membuka basis data") -> Iterator[None]:
    """A bad URL, an unreachable server or a damaged file is one Indonesian sentence and
    exit code 1: no traceback, no driver English, no SQL or parameters (those go to the
    private log)."""
    from ppa_tui.galat import laporkan, pasang_log

    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # noqa: BLE001
        if data_dir is not None:
            pasang_log(data_dir)
        asal = str(getattr(exc, "orig", "") or "").lower()
        if "malformed" in asal or "not a database" in asal:
            from ppa_tui.galat import catat_galat

            catat_galat(exc, "cli")
            typer.echo(f"{awalan}: berkas basis data RUSAK. Jangan isi data baru ke berkas "
                       "ini; salin berkasnya ke tempat aman dan minta bantuan pengelola.",
                       err=True)
        else:
            typer.echo(laporkan(exc, "cli", awalan), err=True)
        raise typer.Exit(1) from None


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
