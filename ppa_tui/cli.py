"""The `ppa` command: the TUI by default, plus `init`, `demo`, `cetak` and `laporan`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ppa_tui import __version__, cli_akun, cli_kunci
from ppa_tui.cli_masuk import _safe_url, dibuka, gagal
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
    "buka aplikasi terminal.\n\nPertama kali: `ppa init` membuat akun pertama (Kepala atau "
    "Admin) dan basis data terenkripsi, lalu menampilkan kode pemulihan sekali saja; "
    "`ppa` saja juga menanyakan akun pertama. Setelah ada akun, setiap perintah meminta "
    "nama pengguna dan kata sandi.",
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
    pengguna: Annotated[
        str | None,
        typer.Option("--pengguna", metavar="NAMA",
                     help="Masuk sebagai akun ini (bawaan: PPA_PENGGUNA, atau ditanyakan). "
                          "Kata sandi ditanyakan (PPA_KATA_SANDI hanya untuk skrip)."),
    ] = None,
) -> None:
    """Tanpa perintah: buka aplikasi terminal."""
    settings = _settings(db)
    ctx.obj = settings
    ctx.meta["pengguna"] = pengguna or ""
    if ctx.invoked_subcommand is None:
        raise typer.Exit(_jalankan_tui(settings))


cli.command()(cli_akun.init)


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
    from ppa_tui.store.demo import AdaKasusNyata, isi_demo
    from ppa_tui.store.demo.isi import hitung_kasus_nyata

    settings: Settings = ctx.obj
    with dibuka(ctx, settings) as masuk:
        masuk.backend.periksa("ubah_kasus")
        database = masuk.database
        if not campur and (nyata := hitung_kasus_nyata(database)):
            typer.echo(f"Kasus contoh tidak dibuat. {AdaKasusNyata(nyata)}", err=True)
            raise typer.Exit(1)
        with typer.progressbar(length=cases, label="Membuat kasus contoh") as bar:
            from ppa_tui.domain.kalender import kalender_dari

            made = isi_demo(database, cases, SystemClock(), seed=seed,
                            progress=bar.update, campur=True,  # checked just above
                            kalender=kalender_dari(settings))  # the unit's hours
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

    settings: Settings = ctx.obj
    with dibuka(ctx, settings, "Dokumen tidak tercetak") as masuk:
        backend = masuk.backend
        backend.periksa("cetak")
        try:
            kasus_id = _kasus_id(backend.database, nomor)
            if not backend.lihat(kasus_id):
                gagal(f"Kasus {nomor} bukan tugas Anda: dokumennya tidak dicetak. Minta Kasi "
                      "atau Kepala menugaskan Anda ke kasus ini.")
            hasil = cetak_dokumen(backend.database, backend.settings, nomor, dokumen,
                                  ref=rencana, keluar=keluar, petugas=backend.settings.petugas,
                                  tanpa_data_pribadi=tanpa_data_pribadi)  # audits the print
        except CetakGagal as exc:
            gagal(str(exc))
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

    if not teks.strip():
        typer.echo("Tulis yang dicari, mis. ppa cari aisyah (nama, NIK, telepon, nomor "
                   "register atau kata dari kronologi).", err=True)
        raise typer.Exit(2)
    settings: Settings = ctx.obj
    with dibuka(ctx, settings, "Pencarian gagal") as masuk:
        backend = masuk.backend
        backend.periksa("lihat_kasus")
        now = SystemClock().now()
        with backend.database.baca() as s:
            halaman = cari_kasus(s, teks, now=now)
            baris = list(halaman.baris)
            while semua and halaman.berikut is not None:
                halaman = cari_kasus(s, teks, setelah=halaman.berikut, now=now, hitung=False)
                baris.extend(halaman.baris)
        baris = _samarkan_cari(backend, baris)  # initials only, for a case not hers
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
    with dibuka(ctx, settings, "Laporan tidak dibuat") as masuk:
        masuk.backend.periksa("laporan")
        if belum_simfoni:
            _cetak_belum(masuk.database, settings, periode)
            return
        _tulis_laporan(masuk.backend, settings, periode, kode, format_, keluar)


def _tulis_laporan(backend: Any, settings: Settings, periode: Any, kode: str,
                   format_: str, keluar: Path | None) -> None:
    from ppa_tui.domain.rekap import rekap
    from ppa_tui.laporan import LaporanGagal, folder_laporan, tulis_rekap

    with backend.database.baca() as s:
        hasil = rekap(s, periode, kode)
    tujuan = keluar if keluar is not None else folder_laporan(settings.data_dir)
    try:
        path = tulis_rekap(hasil, format_, tujuan, alamat_unit=settings.alamat_unit,
                           zona=settings.zona_waktu)
    except LaporanGagal as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    backend.catat_audit("ekspor", tabel="rekap", rincian={"format": format_,
                                                          "berkas": path.name})
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


def _kasus_id(database: Any, nomor: str) -> Any:
    """The id of the case with register number `nomor` (CetakGagal when there is none)."""
    from ppa_tui.documents.cetak import CetakGagal
    from ppa_tui.domain.dokumen import DataTidakAda, cari_kasus

    try:
        with database.baca() as s:
            return cari_kasus(s, nomor).id
    except DataTidakAda as exc:
        raise CetakGagal(str(exc)) from None


def _samarkan_cari(backend: Any, baris: list[Any]) -> list[Any]:
    """Search rows as the app masks them: the korban's initials and what matched by
    its label only, for a case the account is not assigned to."""
    from ppa_tui.domain.samaran import samarkan_cocok, samarkan_nama

    return backend.samarkan(baris, korban=lambda r: tuple(samarkan_nama(n) for n in r.korban),
                            cocok=lambda r: samarkan_cocok(r.cocok))


cli.command()(cli_kunci.pemulihan)
cli.command()(cli_kunci.enkripsi)
cli.add_typer(cli_akun.pengguna_app, name="pengguna")
cli.add_typer(cli_akun.audit_app, name="audit")
