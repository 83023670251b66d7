"""Forms kept in the case file: tanda terima, data klien, persetujuan, asesmen and the
lembar disposisi. They stay inside the unit, so names are written in full."""

from __future__ import annotations

from ppa_tui.domain import referensi
from ppa_tui.domain.dokumen.bahan import (
    Bahan,
    Cetakan,
    baris_kejadian,
    baris_orang,
    jadi,
    label,
    nama_korban,
    peran,
    tabel_rencana,
    tgl,
    usia_teks,
    waktu,
    ya_tidak,
)
from ppa_tui.domain.dokumen.bentuk import (
    Bagian,
    Baris,
    Centang,
    Dokumen,
    Paragraf,
    TandaTangan,
)
from ppa_tui.domain.kasus import IZIN_LEMBAGA
from ppa_tui.domain.sop import load_sop
from ppa_tui.domain.unit import data_unit


def tanda_terima(b: Bahan, c: Cetakan) -> Dokumen:
    """Given to the client. Only what she needs to come back: no kronologi, no korban
    (the paper may be found at home by the very person she reported)."""
    k, pelapor = b.kasus, b.pelapor
    unit = data_unit()
    return jadi(b, c, bagian=(
        Bagian(isi=(
            Paragraf("Telah diterima pengaduan dari:"),
            Baris("Nama pelapor", pelapor.nama if pelapor else ""),
            Baris("Waktu diterima", waktu(k.waktu_diterima, b.konteks.zona)),
            Baris("Nomor register", k.nomor_register),
            Baris("Diterima oleh", k.petugas),
            Paragraf("Pengaduan ini dicatat dan ditindaklanjuti sesuai SOP Layanan "
                     f"{unit.unit_singkat}. Sebutkan nomor register di atas bila menghubungi "
                     f"kami di telepon {unit.telepon}."),
        )),
    ), tanda_tangan=(
        TandaTangan("Pelapor", pelapor.nama if pelapor else "", nip=False),
        TandaTangan(peran("pendampingan", "operator"), k.petugas, keterangan="Petugas,"),
    ))


def data_klien(b: Bahan, c: Cetakan) -> Dokumen:
    k = b.kasus
    try:
        sop = load_sop(k.sop_kode)
        jalur = sop.jalur.get(k.jalur, k.jalur)
    except (KeyError, OSError, ValueError):
        jalur = k.jalur
    bagian = [
        Bagian("Data kasus", (
            Baris("Nomor register", k.nomor_register),
            Baris("Waktu diterima", waktu(k.waktu_diterima, b.konteks.zona)),
            Baris("Petugas penerima", k.petugas),
            Baris("Jalur layanan", jalur),
            Baris("Kewenangan", label("kewenangan", k.kewenangan)),
        )),
        Bagian("Pelapor", baris_orang(b.pelapor, peran_kosong="pelapor")),
    ]
    korban = b.korban or [None]
    for i, p in enumerate(korban, 1):
        judul = "Korban/klien" + (f" {i}" if len(korban) > 1 else "")
        bagian.append(Bagian(judul, baris_orang(p)))
    pelaku = b.pelaku or [None]
    for i, p in enumerate(pelaku, 1):
        judul = "Terlapor/pelaku" + (f" {i}" if len(pelaku) > 1 else "")
        bagian.append(Bagian(judul, baris_orang(p, peran_kosong="pelaku")))
    bagian.append(Bagian("Kejadian", baris_kejadian(k, b.bentuk, b.konteks.zona)))
    return jadi(b, c, bagian=tuple(bagian), tanda_tangan=(
        TandaTangan(peran("layanan", "klien"), b.pelapor.nama if b.pelapor else "", nip=False),
        TandaTangan(peran("layanan", "kasi_pengaduan"), k.petugas, keterangan="Petugas,"),
    ))


def persetujuan(b: Bahan, c: Cetakan) -> Dokumen:
    row = c.row
    korban = b.korban_dari(row.korban_id if row else None)
    wali = row is not None and row.pemberi == "orang_tua_wali"
    if row is None:
        pemberi = (
            Centang(tuple((p.label, False) for p in referensi.pilihan("pemberi_persetujuan"))),
            Baris("Nama"), Baris("Hubungan dengan korban"), Baris("NIK"), Baris("Telepon"),
        )
    elif wali:
        pemberi = (Baris("Nama", row.wali_nama), Baris("Hubungan dengan korban",
                   row.wali_hubungan), Baris("NIK", row.wali_nik), Baris("Telepon",
                   row.wali_telepon))
    else:
        pemberi = (Paragraf("Korban sendiri:"),)
    izin = tuple(
        (p.label + (f": {row.lainnya_keterangan}" if row and p.kode == "lainnya"
                    and row.lainnya_keterangan else ""),
         bool(row and getattr(row, IZIN_LEMBAGA.get(p.kode, ""), False)))
        for p in referensi.pilihan("lembaga_persetujuan"))
    nama_pemberi = (row.wali_nama if wali else (korban.nama if korban else "")) if row else ""
    return jadi(b, c, bagian=(
        Bagian("Yang memberi persetujuan", (Paragraf("Yang bertanda tangan di bawah ini:"),
                                            *pemberi)),
        Bagian("Korban", (
            Baris("Nama", korban.nama if korban else ""),
            Baris("Usia", usia_teks(korban) if korban else ""),
            Baris("Alamat", korban.alamat if korban else ""),
        )),
        Bagian("Persetujuan", (
            Paragraf("menyatakan telah mendapat penjelasan tentang layanan UPTD PPA dan "
                     "MENYETUJUI UPTD PPA memberikan informasi pribadi korban, sebatas yang "
                     "diperlukan untuk layanannya, kepada lembaga yang dicentang:"),
            Centang(izin),
            Paragraf("Lembaga yang tidak dicentang tidak menerima informasi pribadi korban. "
                     "Persetujuan ini dapat ditarik kembali kapan saja."),
            Baris("Tanggal", tgl(row.tanggal) if row else ""),
        )),
    ), tanda_tangan=(
        TandaTangan("Orang tua/wali" if wali else "Korban", nama_pemberi, nip=False,
                    keterangan="Yang memberi persetujuan,"),
        TandaTangan("Saksi", row.saksi if row else "", nip=False),
        TandaTangan(peran("pendampingan", "pendamping"), row.petugas if row else "",
                    keterangan="Petugas,"),
    ))


def asesmen(b: Bahan, c: Cetakan) -> Dokumen:
    a = c.row
    korban = b.korban_dari(a.korban_id if a else None)

    def teks(attr: str) -> str:
        return getattr(a, attr) if a else ""

    return jadi(b, c, bagian=(
        Bagian("Korban", baris_orang(korban)[:5]),
        Bagian("Asesmen", (
            Baris("Tanggal", tgl(a.tanggal) if a else ""),
            Baris("Petugas", teks("petugas")),
            Baris("Tingkat risiko", label("tingkat_risiko", teks("tingkat_risiko"))),
            Baris("Kebutuhan kesehatan", teks("kebutuhan_kesehatan"), panjang=True),
            Baris("Kebutuhan psikologis", teks("kebutuhan_psikologis"), panjang=True),
            Baris("Kebutuhan hukum", teks("kebutuhan_hukum"), panjang=True),
            Baris("Kebutuhan sosial ekonomi", teks("kebutuhan_sosial_ekonomi"), panjang=True),
            Baris("Butuh penampungan", ya_tidak(a.butuh_penampungan) if a else ""),
            Baris("Kebutuhan penampungan", teks("kebutuhan_penampungan"), panjang=True),
            Baris("Kebutuhan keamanan", teks("kebutuhan_keamanan"), panjang=True),
        )),
        Bagian("Rencana intervensi", (tabel_rencana(b),)),
    ), tanda_tangan=(
        TandaTangan(peran("pendampingan", "pendamping"), teks("petugas"),
                    keterangan="Petugas asesmen,"),
        TandaTangan(peran("pendampingan", "manajer_kasus"), keterangan="Mengetahui,"),
    ))


def disposisi(b: Bahan, c: Cetakan) -> Dokumen:
    d = c.row
    dipilih = {x.strip() for x in (d.instruksi if d else "").split(",") if x.strip()}
    return jadi(b, c, bagian=(
        Bagian("Kasus", (
            Baris("Nomor register", b.kasus.nomor_register),
            Baris("Korban", nama_korban(b)),
            Baris("Bentuk kekerasan", ", ".join(label("bentuk_kekerasan", x) for x in b.bentuk)),
            Baris("Tanggal disposisi", tgl(d.tanggal) if d else ""),
            Baris("Kepada", d.kepada if d else ""),
            Baris("Batas waktu", tgl(d.batas_tanggal) if d else ""),
        )),
        Bagian("Instruksi", (
            Centang(tuple((p.label, p.kode in dipilih)
                          for p in referensi.pilihan("instruksi_disposisi"))),
            Baris("Catatan", d.instruksi_lain if d else "", panjang=True),
        )),
    ), tanda_tangan=(TandaTangan(peran("layanan", "kepala"), d.oleh if d else ""),))
