"""The `ppa` command: the TUI by default, plus `init`, `demo`, `cetak` and `laporan`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ppa_tui import __version__
from ppa_tui.mulai import _hanya_tui, _jalankan_tui, _settings, main  # noqa: F401
from ppa_tui.settings import Settings


class _GrupPpa(TyperGroup):
    """The `ppa` group: Typer's own texts switch to Indonesian when it starts."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        from ppa_tui.cli_bahasa import pasang

        pasang()
        return super().main(*args, **kwargs)


cli = typer.Typer(
    cls=_GrupPpa,
    add_completion=False,
    no_args_is_help=False,
    options_metavar="[OPSI]",
    subcommand_metavar="PERINTAH [ARG]...",
    help="Aplikasi layanan UPTD PPA Provinsi Kepulauan Bangka Belitung. Tanpa perintah: "
    "buka aplikasi terminal.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ppa-tui {__version__}")
        raise typer.Exit()


@cli.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option("--db", metavar="URL",
                     help="Alamat basis data (bawaan: SQLite di folder data)."),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Tampilkan versi."),
    ] = False,
) -> None:
    """Tanpa perintah: buka aplikasi terminal."""
    settings = _settings(db)
    ctx.obj = settings
    if ctx.invoked_subcommand is None:
        raise typer.Exit(_jalankan_tui(settings))


@cli.command()
def init(ctx: typer.Context) -> None:
    """Buat dan siapkan basis data, lalu periksa keutuhannya (tanpa membuka aplikasi)."""
    from ppa_tui.store.database import Database

    settings: Settings = ctx.obj
    url = _safe_url(settings.url)
    with _pesan_gagal(settings.data_dir):
        database = Database.open(settings.url, settings.device_id,
                                 folder_data=settings.data_dir)
        try:
            masalah = database.periksa_keutuhan()
            hanya_baca = not masalah and database.hanya_baca()
        finally:
            database.close()
    if masalah:
        typer.echo(
            f"Berkas basis data RUSAK: {url}\n"
            "Pemeriksaan keutuhan menemukan kerusakan. Jangan isi data baru ke berkas ini. "
            "Salin berkasnya (beserta -wal bila ada) ke tempat aman dan minta bantuan "
            "pengelola untuk memulihkannya.", err=True)
        raise typer.Exit(1)
    if hanya_baca:
        typer.echo(f"Basis data hanya bisa dibaca: {url}\n"
                   "Data bisa dilihat, tetapi perubahan tidak bisa disimpan (izin berkas "
                   "atau folder).")
        return
    typer.echo(f"Basis data siap: {url}")


@cli.command()
def demo(
    ctx: typer.Context,
    cases: Annotated[int, typer.Option("--cases", min=1, help="Jumlah kasus contoh.")] = 50,
    seed: Annotated[int, typer.Option("--seed", help="Benih acak (hasil sama tiap kali).")] = 2026,
    campur: Annotated[bool, typer.Option(
        "--campur",
        help="Tetap isi walau basis data sudah berisi kasus nyata (kasus contoh bercampur "
             "dengannya dan memakai nomor register berikutnya).")] = False,
) -> None:
    """Isi basis data dengan kasus contoh (data sintetis, ditandai demo) untuk mencoba
    dan uji kinerja. Menolak basis data yang sudah berisi kasus nyata, kecuali --campur."""
    from ppa_tui.domain.clock import SystemClock
    from ppa_tui.store.database import Database
    from ppa_tui.store.demo import AdaKasusNyata, isi_demo
    from ppa_tui.store.demo.isi import hitung_kasus_nyata

    settings: Settings = ctx.obj
    with _pesan_gagal(settings.data_dir):
        database = Database.open(settings.url, settings.device_id, folder_data=settings.data_dir)
        try:
            if not campur and (nyata := hitung_kasus_nyata(database)):
                typer.echo(f"Kasus contoh tidak dibuat. {AdaKasusNyata(nyata)}", err=True)
                raise typer.Exit(1)
            with typer.progressbar(length=cases, label="Membuat kasus contoh") as bar:
                from ppa_tui.domain.kalender import kalender_dari

                made = isi_demo(database, cases, SystemClock(), seed=seed,
                                progress=bar.update, campur=True,  # checked just above
                                kalender=kalender_dari(settings))  # the unit's hours
        finally:
            database.close()
    typer.echo(f"{made} kasus contoh dibuat di {_safe_url(settings.url)}")


@cli.command()
def cetak(
    ctx: typer.Context,
    nomor: Annotated[str | None, typer.Argument(
        metavar="NOMOR", help="Nomor register kasus, mis. PPA/2026/0001.")] = None,
    dokumen: Annotated[str | None, typer.Argument(
        metavar="DOKUMEN", help="Jenis dokumen, mis. pelimpahan (lihat --daftar).")] = None,
    keluar: Annotated[Path | None, typer.Option(
        "--keluar", metavar="BERKAS",
        help="Berkas PDF yang ditulis, atau foldernya (bawaan: folder ini, nama dari "
             "dokumen dan nomor register).")] = None,
    rencana: Annotated[str | None, typer.Option(
        "--rencana", metavar="N",
        help="Rencana intervensi ke-N (surat rujukan, BAP, laporan akhir), atau mediasi, "
             "penampungan, disposisi, persetujuan, asesmen ke-N; bawaan: yang terakhir.")
    ] = None,
    daftar: Annotated[bool, typer.Option(
        "--daftar", help="Tampilkan jenis dokumen yang bisa dicetak.")] = False,
    tanpa_data_pribadi: Annotated[bool, typer.Option(
        "--tanpa-data-pribadi",
        help="Surat ke lembaga luar yang belum dicakup persetujuan korban: cetak dengan "
             "inisial, tanpa nama, NIK, alamat dan telepon (tanpa opsi ini: ditolak).")
    ] = False,
) -> None:
    """Cetak dokumen SOP sebuah kasus ke PDF (hanya bisa dibaca pemilik akun)."""
    from ppa_tui.domain.dokumen import DAFTAR_DOKUMEN

    if daftar:
        lebar = max(map(len, DAFTAR_DOKUMEN))
        for kode, judul in DAFTAR_DOKUMEN.items():
            typer.echo(f"{kode.ljust(lebar)}  {judul}")
        return
    if not nomor or not dokumen:
        typer.echo("Tulis nomor register dan jenis dokumennya, mis. ppa cetak PPA/2026/0001 "
                   "pelimpahan (daftar jenis: ppa cetak --daftar).", err=True)
        raise typer.Exit(2)
    if dokumen not in DAFTAR_DOKUMEN:
        typer.echo(f"Dokumen \"{dokumen}\" tidak dikenal. Yang ada: "
                   + ", ".join(DAFTAR_DOKUMEN) + ".", err=True)
        raise typer.Exit(2)
    from ppa_tui.documents.cetak import CetakGagal
    from ppa_tui.documents.cetak import cetak as cetak_dokumen
    from ppa_tui.store.database import Database

    settings: Settings = ctx.obj
    with _pesan_gagal(settings.data_dir, awalan="Dokumen tidak tercetak"):
        database = Database.open(settings.url, settings.device_id, folder_data=settings.data_dir)
        try:
            hasil = cetak_dokumen(database, settings, nomor, dokumen, ref=rencana,
                                  keluar=keluar, petugas=settings.petugas,
                                  tanpa_data_pribadi=tanpa_data_pribadi)
        except CetakGagal as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(1) from None
        finally:
            database.close()
    typer.echo(str(hasil.path))
    if hasil.nomor_surat:
        typer.echo(f"Nomor surat: {hasil.nomor_surat}")
    for catatan in hasil.dihilangkan:
        typer.echo(catatan)


@cli.command()
def cari(
    ctx: typer.Context,
    teks: Annotated[str, typer.Argument(
        metavar="TEKS", help="Potongan nama (korban, pelapor, pelaku, tamu), NIK, telepon, "
                             "nomor register, atau kata dari kronologi.")],
    json_: Annotated[bool, typer.Option("--json", help="Keluaran JSON.")] = False,
    semua: Annotated[bool, typer.Option(
        "--semua", help="Semua hasil, bukan hanya 50 yang terbaru.")] = False,
) -> None:
    """Cari kasus seperti layar cari (/): nomor register, nama korban, status, kab/kota."""
    import json

    from ppa_tui.domain.clock import SystemClock
    from ppa_tui.domain.referensi import nama_wilayah
    from ppa_tui.store.cari import HITUNG_MAKS, PESAN_PENDEK
    from ppa_tui.store.cari import cari as cari_kasus
    from ppa_tui.store.database import Database

    if not teks.strip():
        typer.echo("Tulis yang dicari, mis. ppa cari aisyah (nama, NIK, telepon, nomor "
                   "register atau kata dari kronologi).", err=True)
        raise typer.Exit(2)
    settings: Settings = ctx.obj
    with _pesan_gagal(settings.data_dir, awalan="Pencarian gagal"):
        database = Database.open(settings.url, settings.device_id, folder_data=settings.data_dir)
        try:
            now = SystemClock().now()
            with database.baca() as s:
                halaman = cari_kasus(s, teks, now=now)
                baris = list(halaman.baris)
                while semua and halaman.berikut is not None:
                    halaman = cari_kasus(s, teks, setelah=halaman.berikut, now=now,
                                         hitung=False)
                    baris.extend(halaman.baris)
        finally:
            database.close()
    if halaman.pesan == PESAN_PENDEK:
        typer.echo(PESAN_PENDEK, err=True)
        raise typer.Exit(2)

    def kab(kode: str) -> str:
        return (nama_wilayah(kode) or kode) if kode else ""

    if json_:
        typer.echo(json.dumps([{
            "nomor_register": b.nomor_register, "korban": list(b.korban), "anak": b.anak,
            "status": b.status, "kabkota_kode": b.kabkota_kode, "kabkota": kab(b.kabkota_kode),
            "cocok": b.cocok} for b in baris], ensure_ascii=False, indent=2))
        return
    if not baris:
        typer.echo(f"Tidak ditemukan: tidak ada kasus yang cocok dengan \"{teks}\".")
        return
    lebar = max(len(b.nomor_register) for b in baris)
    for b in baris:
        korban = ", ".join(n or "(tanpa nama)" for n in b.korban) or "(belum ada korban)"
        cocok = f"  ({b.cocok})" if b.cocok else ""
        typer.echo(f"{b.nomor_register.ljust(lebar)}  {b.status:<7}  "
                   f"{kab(b.kabkota_kode) or '-'}  {korban}{cocok}")
    if not semua and halaman.berikut is not None:
        jumlah = halaman.jumlah or 0
        dari = (f"lebih dari {HITUNG_MAKS:,}".replace(",", ".") if jumlah > HITUNG_MAKS
                else f"{jumlah:,}".replace(",", "."))
        typer.echo(f"{len(baris)} kasus terbaru dari {dari} yang cocok (semua: --semua).")
    else:
        typer.echo(f"{len(baris)} kasus cocok.")


@cli.command()
def laporan(
    ctx: typer.Context,
    bulan: Annotated[str | None, typer.Option(
        "--bulan", metavar="TTTT-BB", help="Rekap satu bulan, mis. 2026-11.")] = None,
    tahun: Annotated[str | None, typer.Option(
        "--tahun", metavar="TTTT", help="Rekap satu tahun, mis. 2026.")] = None,
    format_: Annotated[str, typer.Option(
        "--format", metavar="xlsx|csv|pdf", help="Bentuk berkas (bawaan: xlsx).")] = "xlsx",
    keluar: Annotated[Path | None, typer.Option(
        "--keluar", metavar="BERKAS",
        help="Berkas yang ditulis, atau foldernya (bawaan: folder laporan/ di folder "
             "data, nama rekap-TTTT-BB.xlsx).")] = None,
    belum_simfoni: Annotated[bool, typer.Option(
        "--belum-simfoni",
        help="Daftar korban yang belum diinput ke SIMFONI-PPA (nomor register, inisial, "
             "tanggal diterima); dengan --bulan/--tahun hanya kasus periode itu.")] = False,
) -> None:
    """Rekap bulanan atau tahunan dalam kategori SIMFONI-PPA (XLSX, CSV atau PDF), tanpa
    nama, NIK, telepon atau alamat siapa pun."""
    from ppa_tui.domain.rekap import PeriodeSalah, urai_periode
    from ppa_tui.laporan import FORMAT

    settings: Settings = ctx.obj

    def gagal(pesan: str, kode: int = 2) -> None:
        typer.echo(pesan, err=True)
        raise typer.Exit(kode)

    if bulan is not None and tahun is not None:
        gagal("Pilih salah satu: --bulan (mis. 2026-11) atau --tahun (mis. 2026).")
    if bulan is None and tahun is None and not belum_simfoni:
        gagal("Pilih periodenya: ppa laporan --bulan 2026-11 atau --tahun 2026 (atau "
              "--belum-simfoni untuk korban yang belum diinput ke SIMFONI-PPA).")
    if format_ not in FORMAT:
        gagal(f"Format \"{format_}\" tidak dikenal: pilih xlsx, csv atau pdf.")
    periode = kode = None
    try:
        if bulan is not None:
            if "-" not in bulan:
                raise PeriodeSalah(f"Bulan \"{bulan}\" tidak dikenali: tulis tahun-bulan, "
                                   "mis. --bulan 2026-11.")
            periode, kode = urai_periode(bulan, settings.zona_waktu)
        elif tahun is not None:
            if "-" in tahun:
                raise PeriodeSalah(f"Tahun \"{tahun}\" tidak dikenali: tulis empat angka, "
                                   "mis. --tahun 2026 (satu bulan: --bulan 2026-11).")
            periode, kode = urai_periode(tahun, settings.zona_waktu)
    except PeriodeSalah as exc:
        gagal(str(exc))
    from ppa_tui.store.database import Database

    with _pesan_gagal(settings.data_dir, awalan="Laporan tidak dibuat"):
        database = Database.open(settings.url, settings.device_id, folder_data=settings.data_dir)
        try:
            if belum_simfoni:
                _cetak_belum(database, settings, periode)
                return
            _tulis_laporan(database, settings, periode, kode, format_, keluar)
        finally:
            database.close()


def _tulis_laporan(database: Any, settings: Settings, periode: Any, kode: str,
                   format_: str, keluar: Path | None) -> None:
    from ppa_tui.domain.rekap import rekap
    from ppa_tui.laporan import LaporanGagal, folder_laporan, tulis_rekap

    with database.baca() as s:
        hasil = rekap(s, periode, kode)
    tujuan = keluar if keluar is not None else folder_laporan(settings.data_dir)
    try:
        path = tulis_rekap(hasil, format_, tujuan, alamat_unit=settings.alamat_unit,
                           zona=settings.zona_waktu)
    except LaporanGagal as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    typer.echo(str(path))
    typer.echo(f"Rekap {hasil.periode.judul}: {hasil.kasus} kasus, {hasil.korban} korban"
               + (" · DATA CONTOH (basis data hanya berisi kasus contoh)" if hasil.contoh
                  else ""))


def _cetak_belum(database: Any, settings: Settings, periode: Any) -> None:
    from ppa_tui.domain.rekap import belum_simfoni, tanggal_teks

    with database.baca() as s:
        daftar = belum_simfoni(s, settings.zona_waktu, periode)
    if not daftar.jumlah:
        typer.echo("Semua korban sudah diinput ke SIMFONI-PPA"
                   + (f" ({periode.judul})." if periode else "."))
        return
    lebar = max(len("Nomor register"), *(len(b.nomor_register) for b in daftar.baris))
    typer.echo(f"{'Nomor register'.ljust(lebar)}  {'Inisial':<10}  Diterima")
    for b in daftar.baris:
        typer.echo(f"{b.nomor_register.ljust(lebar)}  {b.inisial:<10}  "
                   f"{tanggal_teks(b.diterima)}")
    typer.echo(f"{daftar.jumlah} korban belum diinput ke SIMFONI-PPA"
               + (f" ({periode.judul})" if periode else "")
               + (" · DATA CONTOH" if daftar.contoh else ""))


@contextmanager
def _pesan_gagal(data_dir: Path | None = None,
                awalan: str = "Gagal membuka basis data") -> Iterator[None]:
    """A bad URL, an unreachable server or a damaged file is one Indonesian sentence and
    exit code 1: no traceback, no driver English, no SQL or parameters (those go to the
    private log)."""
    from ppa_tui.galat import laporkan, pasang_log

    try:
        yield
    except typer.Exit:
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
