"""`ppa pemulihan` and `ppa enkripsi` (issue 12): opening an encrypted database with
its recovery code when every password is lost, and encrypting an existing plain one in
place. Registered on the `ppa` app by `ppa_tui.cli`; the key slots and the encryption
itself are `store/kunci.py` and `store/enkripsi.py`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ppa_tui.cli_akun import _tabel, tampilkan_kode_pemulihan
from ppa_tui.cli_masuk import _pesan_gagal, _safe_url, dibuka, gagal, nama_pengguna, sandi_baru

if TYPE_CHECKING:
    from ppa_tui.settings import Settings

_BUKAN_SQLITE = ("Enkripsi berkas hanya untuk basis data SQLite. Pada PostgreSQL data "
                 "dilindungi oleh servernya (TLS, peran, enkripsi disk, cadangan): lihat "
                 "README, bagian \"Akun, peran dan enkripsi\".")


def pemulihan(ctx: typer.Context) -> None:
    """Semua kata sandi hilang: buka basis data dengan kode pemulihan.

    Beri satu akun (biasanya Kepala atau Admin) kata sandi baru, lalu tampilkan kode
    pemulihan BARU sekali saja (kode lama tidak berlaku lagi)."""
    from ppa_tui.sesi import berkas_db, berkas_kunci

    settings: Settings = ctx.obj
    if berkas_db(settings) is None:
        gagal("Kode pemulihan hanya untuk basis data SQLite terenkripsi. Pada PostgreSQL, "
              "pengelola server yang mengatur ulang aksesnya.")
    path = berkas_kunci(settings)
    if path is None:
        gagal("Basis data ini tidak terenkripsi (tidak ada berkas kunci di sampingnya), jadi "
              "tidak memakai kode pemulihan. Kata sandi yang lupa diatur ulang oleh Kepala atau "
              "Admin: `ppa pengguna atur-ulang NAMA`.")
    from ppa_tui.store.kunci import BerkasKunci

    with _pesan_gagal(settings.data_dir, awalan="Pemulihan gagal"):
        berkas = BerkasKunci.baca(path)
        kode = typer.prompt("Kode pemulihan", hide_input=True)
        kunci = berkas.buka_pemulihan(kode)
        nama = nama_pengguna(ctx, "Akun yang diberi kata sandi baru (mis. Kepala atau Admin)")
        database = _buka(settings, kunci)
        try:
            nama = _pulihkan(database, berkas, kunci, nama)
        finally:
            database.close()
        kode_baru = berkas.pemulihan_baru(kunci)  # after the commit: the old one stays till here
    typer.echo(f"Kata sandi akun {nama} diganti; akun itu bisa masuk sekarang. Kata sandi "
               "akun lain tidak berubah (atur ulang dengan `ppa pengguna atur-ulang NAMA`).")
    typer.echo("Kode pemulihan lama tidak berlaku lagi. Ini penggantinya.")
    tampilkan_kode_pemulihan(kode_baru)


def _buka(settings: Settings, kunci: bytes) -> Any:
    from ppa_tui.store.database import Database

    return Database.open(settings.url, settings.device_id, folder_data=settings.data_dir,
                         kunci=kunci)


def _pulihkan(database: Any, berkas: Any, kunci: bytes, nama: str) -> str:
    """Set the account's new password in the database (final: not temporary, lock-out
    lifted), write the `pemulihan` entry, then re-wrap its key slot."""
    from ppa_tui.domain import audit
    from ppa_tui.domain.kata_sandi import hash_sandi
    from ppa_tui.domain.pengguna import cari_pengguna, lipat_nama

    with database.baca() as s:
        p = cari_pengguna(s, nama)
        if p is None:
            gagal(f"Tidak ada akun bernama {lipat_nama(nama)}. Lihat nama akun di catatan "
                  "kantor (mis. akun Kepala atau Admin).")
        if not p.aktif:
            gagal(f"Akun {p.nama} nonaktif: pilih akun yang aktif.")
        nama = p.nama
    sandi = sandi_baru(nama)
    database.pengguna = nama
    with database.session() as s:
        p = cari_pengguna(s, nama)
        p.sandi_hash, p.harus_ganti_sandi = hash_sandi(sandi), False
        p.gagal_berturut, p.terkunci_sampai = 0, None
        s.add(p)
        audit.catat(s, "pemulihan", tabel="pengguna", objek_id=p.id.hex,
                    rincian={"akun": nama})
    berkas.tambah(nama, sandi, kunci)  # clears its lock-out in the key file too
    return nama


def enkripsi(ctx: typer.Context) -> None:
    """Enkripsi basis data SQLite yang sudah ada, semua data tetap.

    Cadangan dibuat dan diperiksa lebih dulu. Masuk dengan akun Kepala atau Admin; akun
    aktif lain mendapat kata sandi sementara baru (ditampilkan sekali)."""
    from ppa_tui.sesi import berkas_db, berkas_kunci

    settings: Settings = ctx.obj
    db = berkas_db(settings)
    if db is None:
        gagal(_BUKAN_SQLITE)
    if not db.is_file() or db.stat().st_size == 0:
        gagal("Basis data belum ada: `ppa init` membuat basis data baru yang langsung "
              "terenkripsi.")
    from ppa_tui.store.cipher import terenkripsi

    if berkas_kunci(settings) is not None or terenkripsi(db):
        gagal(f"Basis data ini sudah terenkripsi: {db}")
    with dibuka(ctx, settings, "Basis data tidak dienkripsi", perlu_akun=True) as masuk:
        masuk.backend.periksa("kelola_pengguna")
        sesi = masuk.sesi
        assert sesi is not None  # perlu_akun
        akun, sandi = sesi.akun, masuk.sandi
        lain = [a.nama for a in masuk.backend.daftar_akun() if a.aktif and a.nama != akun.nama]
    # closed: encrypting needs the file to itself
    with _pesan_gagal(settings.data_dir, awalan="Basis data tidak dienkripsi"):
        kunci, kode, cadangan = _enkripsi(db, akun.nama, sandi)
    typer.echo(f"Basis data terenkripsi: {_safe_url(settings.url)} (setiap tabel diperiksa: "
               "jumlah barisnya sama dengan sebelumnya).")
    sementara, gagal_atur = _sandi_sementara(settings, akun, kunci, lain)
    if sementara:
        typer.echo("\nKata sandi sementara akun lain (hanya ditampilkan sekali ini; sampaikan "
                   "langsung kepada masing-masing; mereka menggantinya saat pertama masuk):")
        _tabel([("Nama", "Kata sandi sementara"), *sementara])
    if gagal_atur:
        typer.echo(f"Kata sandi akun {', '.join(gagal_atur)} belum diatur ulang: jalankan "
                   "`ppa pengguna atur-ulang NAMA` untuk masing-masing.", err=True)
    tampilkan_kode_pemulihan(kode, berkas_kunci(settings))
    typer.echo(f"Cadangan TIDAK terenkripsi: {cadangan}\nSetelah Anda memastikan aplikasi "
               "terbuka dengan akun Anda, HAPUS cadangan itu: isinya bisa dibaca siapa pun "
               "yang memegang laptop ini.")


def _enkripsi(db: Path, nama: str, sandi: str) -> tuple[bytes, str, Path]:
    """The key-slot file first (her slot and the recovery code), then the database
    encrypted in place; the key file is removed again when the encryption fails, so
    the plain database goes on as before."""
    from ppa_tui.store.enkripsi import enkripsi_di_tempat
    from ppa_tui.store.kunci import BerkasKunci, kunci_acak, path_kunci

    kunci = kunci_acak()
    path = path_kunci(db)
    typer.echo("Membuat berkas kunci…", err=True)
    try:
        berkas = BerkasKunci.buat(path, kunci)
        berkas.tambah(nama, sandi, kunci)
        kode = berkas.pemulihan_baru(kunci)
        cadangan = enkripsi_di_tempat(db, kunci, progress=_langkah)
    except BaseException:
        if path.exists() and _masih_polos(db):
            path.unlink(missing_ok=True)
            Path(f"{path}.lock").unlink(missing_ok=True)
        raise
    return kunci, kode, cadangan


def _masih_polos(db: Path) -> bool:
    from ppa_tui.store.cipher import terenkripsi

    return not terenkripsi(db)


def _langkah(langkah: str) -> None:
    typer.echo(f"{langkah}…", err=True)


def _sandi_sementara(settings: Settings, akun: Any, kunci: bytes,
                     lain: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """A new temporary password (and key slot) for every other active account, on the
    encrypted database. One that fails is named, not fatal: the recovery code must
    still be shown."""
    from ppa_tui.galat import catat_galat
    from ppa_tui.sesi import Sesi

    if not lain:
        return [], []
    hasil: list[tuple[str, str]] = []
    gagal_atur: list[str] = []
    try:
        database = _buka(settings, kunci)
    except Exception as exc:  # noqa: BLE001
        catat_galat(exc, "enkripsi")
        return [], lain
    database.pengguna = akun.nama
    sesi = Sesi(settings, database, akun, kunci)
    try:
        with typer.progressbar(lain, label="Kata sandi sementara", file=sys.stderr) as bar:
            for nama in bar:
                try:
                    hasil.append((nama, sesi.atur_ulang_sandi(nama)))
                except Exception as exc:  # noqa: BLE001
                    catat_galat(exc, "enkripsi")
                    gagal_atur.append(nama)
    finally:
        sesi.close()
    return hasil, gagal_atur
