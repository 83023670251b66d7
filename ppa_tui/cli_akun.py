"""`ppa init`, `ppa pengguna` and `ppa audit` (issue 12): the first account, managing
accounts, and reading and checking the audit log from the command line. Registered on
the `ppa` app by `ppa_tui.cli`."""

from __future__ import annotations

import os
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ppa_tui.cli_masuk import (
    ENV_NAMA_LENGKAP,
    ENV_PENGGUNA,
    ENV_PERAN,
    _pesan_gagal,
    _safe_url,
    dibuka,
    gagal,
    interaktif,
    kunci_hilang,
    sandi_baru,
)

if TYPE_CHECKING:
    from ppa_tui.settings import Settings

_GRUP = {"options_metavar": "[OPSI]", "subcommand_metavar": "PERINTAH [ARG]...",
         "add_completion": False}


# ---- ppa init -------------------------------------------------------------------------


def init(ctx: typer.Context) -> None:
    """Siapkan basis data: akun pertama dan enkripsi, atau periksa keutuhannya.

    Pada basis data baru: buat akun pertama (Kepala atau Admin) dan basis data
    terenkripsi, lalu tampilkan kode pemulihan sekali saja (tanpa terminal: dari
    PPA_PENGGUNA, PPA_NAMA_LENGKAP, PPA_PERAN dan PPA_KATA_SANDI). Setelah ada akun:
    masuk, lalu periksa keutuhan basis data."""
    from ppa_tui.sesi import perlu_akun_pertama

    settings: Settings = ctx.obj
    kunci_hilang(settings)
    with _pesan_gagal(settings.data_dir):
        pertama = perlu_akun_pertama(settings)
    if not pertama:
        with dibuka(ctx, settings) as masuk:
            _periksa_keutuhan(masuk.database, settings)
        return
    nama = (ctx.meta.get("pengguna") or os.environ.get(ENV_PENGGUNA, "")).strip()
    if nama or interaktif():
        _akun_pertama(settings, nama)
        return
    with _pesan_gagal(settings.data_dir):  # a script of old: the database, no account
        from ppa_tui.store.database import Database

        database = Database.open(settings.url, settings.device_id,
                                 folder_data=settings.data_dir,
                                 izinkan_tanpa_tls=settings.pg_tanpa_tls)
        try:
            _periksa_keutuhan(database, settings)
        finally:
            database.close()
    typer.echo("Belum ada akun: jalankan `ppa init` di terminal (atau dengan PPA_PENGGUNA dan "
               "PPA_KATA_SANDI) untuk membuat akun pertama.")


def _akun_pertama(settings: Settings, nama: str) -> None:
    """Ask (or read from the variables) the first account, create it, show the
    recovery code once, then check the database."""
    from ppa_tui.domain.akses import aturan
    from ppa_tui.domain.pengguna import PERAN_PERTAMA, periksa_nama
    from ppa_tui.galat import PesanPetugas
    from ppa_tui.sesi import berkas_db, berkas_kunci, sesi_pertama

    skrip = bool(nama)
    if not skrip:
        typer.echo("Membuat akun pertama (Kepala UPTD PPA atau Admin). Akun lain dibuat "
                   "sesudahnya dengan `ppa pengguna tambah`.")
        nama = typer.prompt("Nama pengguna untuk masuk (mis. rina)")
    try:
        nama = periksa_nama(nama)
    except PesanPetugas as exc:
        gagal(str(exc), 2 if skrip else 1)
    pilihan = " atau ".join(PERAN_PERTAMA)
    if skrip:
        nama_lengkap = os.environ.get(ENV_NAMA_LENGKAP, "")
        peran = (os.environ.get(ENV_PERAN) or PERAN_PERTAMA[0]).strip().lower()
    else:
        nama_lengkap = typer.prompt("Nama lengkap", default="", show_default=False)
        peran = typer.prompt(f"Peran ({pilihan})", default=PERAN_PERTAMA[0]).strip().lower()
    if peran not in PERAN_PERTAMA:
        gagal(f"Peran akun pertama \"{peran}\" tidak bisa dipakai: pilih {pilihan}.", 2)
    sandi = sandi_baru(nama, dari_env=True)
    with _pesan_gagal(settings.data_dir, awalan="Akun pertama tidak dibuat"):
        sesi = sesi_pertama(settings, nama, nama_lengkap, [peran], sandi)
        try:
            typer.echo(f"Akun pertama dibuat: {sesi.akun.nama} ({aturan().label_peran(peran)}).")
            kunci = berkas_kunci(settings)
            if sesi.kode_pemulihan:
                typer.echo(f"Basis data dibuat terenkripsi: {_safe_url(settings.url)}")
                tampilkan_kode_pemulihan(sesi.kode_pemulihan, kunci)
            elif berkas_db(settings) is not None and kunci is None:
                typer.echo("Basis data ini sudah ada sebelumnya dan belum terenkripsi: "
                           "jalankan `ppa enkripsi` untuk mengenkripsinya.")
            _periksa_keutuhan(sesi.database, settings)
        finally:
            sesi.close()


def tampilkan_kode_pemulihan(kode: str, berkas_kunci: Any = None) -> None:
    """The recovery code, once, with what to do with it."""
    if berkas_kunci is not None:
        typer.echo(f"Berkas kunci: {berkas_kunci}\nCadangkan berkas kunci SELALU bersama "
                   "berkas basis data: tanpa berkas kunci, basis data tidak bisa dibuka.")
    typer.echo(
        "\nKODE PEMULIHAN (hanya ditampilkan sekali ini):\n\n"
        f"    {kode}\n\n"
        "Tulis kode ini di kertas sekarang dan simpan terpisah dari laptop (mis. di lemari "
        "terkunci kantor); jangan difoto dan jangan disimpan di laptop ini. Bila semua kata "
        "sandi hilang, hanya kode ini yang bisa membuka basis data (`ppa pemulihan`). "
        "Siapa pun yang memegang kode ini bersama laptopnya bisa membuka semua data.\n")


def _periksa_keutuhan(database: Any, settings: Settings) -> None:
    """Today's `ppa init` check: damaged, read-only, or ready."""
    url = _safe_url(settings.url)
    masalah = database.periksa_keutuhan()
    if masalah:
        gagal(f"Berkas basis data RUSAK: {url}\n"
              "Pemeriksaan keutuhan menemukan kerusakan. Jangan isi data baru ke berkas ini. "
              "Salin berkasnya (beserta -wal bila ada) ke tempat aman dan minta bantuan "
              "pengelola untuk memulihkannya.")
    if database.hanya_baca():
        typer.echo(f"Basis data hanya bisa dibaca: {url}\n"
                   "Data bisa dilihat, tetapi perubahan tidak bisa disimpan (izin berkas "
                   "atau folder).")
        return
    typer.echo(f"Basis data siap: {url}")


# ---- ppa pengguna ---------------------------------------------------------------------

pengguna_app = typer.Typer(
    no_args_is_help=True, **_GRUP,
    help="Akun petugas: tambah, nonaktifkan, atur ulang kata sandi, daftar (Kepala atau "
         "Admin), dan ganti kata sandi sendiri. Akun tidak pernah dihapus, hanya "
         "dinonaktifkan.")


def tambah(
    ctx: typer.Context,
    nama: Annotated[str, typer.Argument(metavar="NAMA", help="Nama pengguna untuk masuk, "
                                        "mis. rina.s (huruf kecil, angka, titik, strip).")],
    nama_lengkap: Annotated[str, typer.Option(
        "--nama-lengkap", metavar="TEKS", help="Nama lengkap petugas.")] = "",
    peran: Annotated[list[str] | None, typer.Option(
        "--peran", metavar="KODE",
        help="Peran (boleh diulang): kepala, kasi_pengaduan, kasi_rujukan, kasubbag_tu, "
             "pendamping, operator, admin.")] = None,
) -> None:
    """Buat akun petugas dengan kata sandi sementara.

    Kata sandi sementara ditampilkan sekali; ia menggantinya saat pertama masuk."""
    from ppa_tui.domain.akses import aturan

    if not peran:
        gagal("Pilih perannya dengan --peran KODE (boleh diulang). Pilihan: "
              + ", ".join(aturan().peran) + ".", 2)
    settings: Settings = ctx.obj
    with dibuka(ctx, settings, "Akun tidak dibuat", perlu_akun=True) as masuk:
        sementara = masuk.backend.tambah_akun(nama, nama_lengkap, peran)
    label = ", ".join(aturan().label_peran(k) for k in sorted(set(peran)))
    typer.echo(f"Akun {nama.strip().lower()} dibuat ({label}).")
    _tampilkan_sementara(sementara)


def _tampilkan_sementara(sandi: str) -> None:
    typer.echo(f"Kata sandi sementara (hanya ditampilkan sekali ini; sampaikan langsung "
               f"kepadanya): {sandi}\nIa harus menggantinya saat pertama masuk.")


def nonaktifkan(
    ctx: typer.Context,
    nama: Annotated[str, typer.Argument(metavar="NAMA", help="Nama pengguna.")],
    ya: Annotated[bool, typer.Option("--ya", help="Tanpa pertanyaan konfirmasi.")] = False,
) -> None:
    """Nonaktifkan akun (tidak bisa masuk lagi; namanya tetap di catatan dan log audit)."""
    settings: Settings = ctx.obj
    with dibuka(ctx, settings, "Akun tidak dinonaktifkan", perlu_akun=True) as masuk:
        if not ya:
            jawab = typer.prompt(f"Nonaktifkan akun {nama}? Ketik ya untuk lanjut",
                                 default="", show_default=False)
            if jawab.strip().lower() not in ("ya", "y"):
                gagal(f"Dibatalkan: akun {nama} tidak diubah.")
        masuk.backend.nonaktifkan_akun(nama)
    typer.echo(f"Akun {nama.strip().lower()} dinonaktifkan.")


def atur_ulang(
    ctx: typer.Context,
    nama: Annotated[str, typer.Argument(metavar="NAMA", help="Nama pengguna.")],
) -> None:
    """Kata sandi sementara baru untuk akun yang lupa sandi atau terkunci.

    Ditampilkan sekali; ia menggantinya saat masuk. Kuncian akun dibuka."""
    settings: Settings = ctx.obj
    with dibuka(ctx, settings, "Kata sandi tidak diatur ulang", perlu_akun=True) as masuk:
        sementara = masuk.backend.atur_ulang_sandi(nama)
    typer.echo(f"Kata sandi akun {nama.strip().lower()} diatur ulang; kuncian dibuka.")
    _tampilkan_sementara(sementara)


def daftar(ctx: typer.Context) -> None:
    """Daftar akun: nama, nama lengkap, peran, aktif/nonaktif, terkunci, masuk terakhir."""
    from ppa_tui.domain.clock import SystemClock

    settings: Settings = ctx.obj
    with dibuka(ctx, settings, "Daftar akun tidak dibaca", perlu_akun=True) as masuk:
        akun = masuk.backend.daftar_akun()
    sekarang = SystemClock().now()
    baris = [("Nama", "Nama lengkap", "Peran", "Status", "Terkunci", "Masuk terakhir")]
    for a in akun:
        status = "aktif" if a.aktif else "nonaktif"
        if a.aktif and a.harus_ganti_sandi:
            status += ", sandi sementara"
        terkunci = (f"sampai {_jam(a.terkunci_sampai, settings)}"
                    if a.terkunci_sampai is not None and a.terkunci_sampai > sekarang else "-")
        baris.append((a.nama, a.nama_lengkap or "-", ",".join(a.peran) or "-", status,
                      terkunci, _jam(a.masuk_terakhir, settings) or "belum pernah"))
    _tabel(baris)


def ganti_sandi(ctx: typer.Context) -> None:
    """Ganti kata sandi sendiri (juga kata sandi sementara dari Kepala atau Admin)."""
    settings: Settings = ctx.obj
    ctx.meta["sandi_sementara_boleh"] = True
    with dibuka(ctx, settings, "Kata sandi tidak diganti", perlu_akun=True) as masuk:
        sesi = masuk.sesi
        assert sesi is not None  # perlu_akun
        baru = sandi_baru(sesi.akun.nama)
        sesi.ganti_sandi(masuk.sandi, baru)
    typer.echo("Kata sandi diganti. Pakai kata sandi baru mulai sekarang.")


def _jam(waktu: datetime | None, settings: Settings) -> str:
    from zoneinfo import ZoneInfo

    if waktu is None:
        return ""
    return f"{waktu.astimezone(ZoneInfo(settings.zona_waktu)):%d-%m-%Y %H:%M}"


def _tabel(baris: list[tuple[str, ...]]) -> None:
    lebar = [max(len(b[i]) for b in baris) for i in range(len(baris[0]))]
    for b in baris:
        typer.echo("  ".join(k.ljust(w) for k, w in zip(b, lebar, strict=True)).rstrip())


for _nama, _fungsi, _inggris in (("tambah", tambah, "add"),
                                 ("nonaktifkan", nonaktifkan, "disable"),
                                 ("atur-ulang", atur_ulang, "reset"),
                                 ("daftar", daftar, "list"),
                                 ("sandi", ganti_sandi, None)):
    pengguna_app.command(_nama)(_fungsi)
    if _inggris:
        pengguna_app.command(_inggris, hidden=True)(_fungsi)


# ---- ppa audit ------------------------------------------------------------------------

audit_app = typer.Typer(
    invoke_without_command=True, **_GRUP,
    help="Log audit (hanya Kepala): siapa melihat, membuat, mengubah, mencetak atau "
         "mengekspor apa. `ppa audit periksa`: periksa keutuhan rantainya.")


@audit_app.callback()
def audit_daftar(
    ctx: typer.Context,
    kasus: Annotated[str | None, typer.Option(
        "--kasus", metavar="NOMOR", help="Hanya entri satu kasus (nomor register).")] = None,
    pengguna: Annotated[str | None, typer.Option(
        "--pengguna", metavar="NAMA", help="Hanya entri satu pengguna.")] = None,
    batas: Annotated[int, typer.Option(
        "--batas", min=1, metavar="N", help="Paling banyak N entri terbaru.")] = 50,
) -> None:
    """Daftar entri log audit, terbaru dulu: nomor, waktu, pengguna, aksi, objek, kasus."""
    if ctx.invoked_subcommand is not None:
        return
    from ppa_tui.domain.dokumen import DataTidakAda, cari_kasus

    settings: Settings = ctx.obj
    with dibuka(ctx, settings, "Log audit tidak dibaca", perlu_akun=True) as masuk:
        backend = masuk.backend
        backend.periksa("baca_audit")
        kasus_id = None
        if kasus:
            try:
                with backend.database.baca() as s:
                    kasus_id = cari_kasus(s, kasus).id
            except DataTidakAda as exc:
                gagal(str(exc))
        entri = backend.audit(kasus_id=kasus_id, pengguna=pengguna or "", batas=batas)
        nomor = _nomor_kasus(backend.database, {e.kasus_id for e in entri if e.kasus_id})
    if not entri:
        typer.echo("Tidak ada entri log audit yang cocok.")
        return
    baris = [("No.", "Waktu", "Pengguna", "Aksi", "Objek", "Kasus")]
    for e in entri:
        objek = f"{e.tabel} {e.objek_id[:8]}".strip() or "-"
        baris.append((str(e.urutan), _jam(e.waktu, settings), e.pengguna or "-",
                      e.aksi_label, objek, nomor.get(e.kasus_id, "-") if e.kasus_id else "-"))
    _tabel(baris)
    if len(entri) == batas:
        typer.echo(f"{batas} entri terbaru (lebih banyak: --batas N).")


def _nomor_kasus(database: Any, ids: set[Any]) -> dict[Any, str]:
    if not ids:
        return {}
    from sqlmodel import col, select

    from ppa_tui.domain.models import Kasus

    with database.baca() as s:
        return dict(s.exec(select(Kasus.id, Kasus.nomor_register)
                           .where(col(Kasus.id).in_(ids))).all())


def audit_periksa(ctx: typer.Context) -> None:
    """Periksa keutuhan rantai log audit.

    Entri yang diubah, dihapus atau ditukar disebut nomornya (kode keluar 1)."""
    from sqlmodel import func, select

    from ppa_tui.domain.models_akses import AuditEntri

    settings: Settings = ctx.obj
    with dibuka(ctx, settings, "Log audit tidak diperiksa", perlu_akun=True) as masuk:
        temuan = masuk.backend.verifikasi_audit()
        with masuk.database.baca() as s:
            jumlah = s.exec(select(func.count()).select_from(AuditEntri)).one()
    if not temuan:
        typer.echo(f"Log audit utuh: {jumlah} entri.")
        return
    for t in temuan:
        typer.echo(t.pesan)
    gagal(f"Log audit TIDAK utuh: {len(temuan)} temuan dari {jumlah} entri. Simpan salinan "
          "basis data apa adanya dan laporkan kepada Kepala.")


audit_app.command("periksa")(audit_periksa)
audit_app.command("verify", hidden=True)(audit_periksa)
