"""Reports composed from the case as it stands: the Dokumen Status Klien (SOP Layanan
L3, L5, L9), the rekomendasi (L7), the catatan hasil kegiatan pendampingan (L8) and,
per service, the laporan akhir pendampingan (SOP 18 step 8)."""

from __future__ import annotations

from ppa_tui.domain import referensi
from ppa_tui.domain.dokumen.bahan import (
    Bahan,
    Cetakan,
    baris_kejadian,
    baris_orang,
    batas_langkah,
    durasi,
    jadi,
    keadaan_langkah,
    label,
    label_langkah,
    nama_korban,
    peran,
    tabel_langkah,
    tabel_rencana,
    tgl,
    usia_teks,
    waktu,
    ya_tidak,
)
from ppa_tui.domain.dokumen.bentuk import Bagian, Baris, Dokumen, Paragraf, Tabel, TandaTangan
from ppa_tui.domain.kasus import IZIN_LEMBAGA
from ppa_tui.domain.sop import load_sop


def _ringkas_izin(row: object) -> str:
    izin = [p.label for p in referensi.pilihan("lembaga_persetujuan")
            if getattr(row, IZIN_LEMBAGA.get(p.kode, ""), False)]
    return ", ".join(izin) or "tidak untuk dibagikan"


def _register(b: Bahan) -> Bagian:
    k = b.kasus
    try:
        sop = load_sop(k.sop_kode)
        nama_sop, jalur = sop.nama, sop.jalur.get(k.jalur, k.jalur)
    except (KeyError, OSError, ValueError):
        nama_sop, jalur = k.sop_kode, k.jalur
    return Bagian("Register", (
        Baris("Nomor register", k.nomor_register),
        Baris("Waktu diterima", waktu(k.waktu_diterima, b.konteks.zona)),
        Baris("Petugas penerima", k.petugas),
        Baris("SOP", nama_sop),
        Baris("Jalur", jalur),
        Baris("Status", k.status),
        Baris("Kewenangan", label("kewenangan", k.kewenangan)),
    ))


def status_klien(b: Bahan, c: Cetakan) -> Dokumen:
    z = b.konteks.zona
    terbuka = [r for r in b.langkah if r.finished_at is None and r.keputusan != "dihentikan"]
    bagian = [
        _register(b),
        Bagian("Langkah SOP yang berjalan", (Tabel(
            ("Langkah", "Mulai", "Batas waktu", "Keadaan"),
            tuple((label_langkah(r.sop_kode, r.langkah_kode), waktu(r.started_at, z),
                   waktu(r.deadline_at, z) or "ditetapkan petugas",
                   keadaan_langkah(r, b.konteks.sekarang)) for r in terbuka),
            lebar=(3, 2.2, 2.2, 2.4), kosong=1),)),
    ]
    korban = b.korban or [None]
    for i, p in enumerate(korban, 1):
        bagian.append(Bagian("Korban" + (f" {i}" if len(korban) > 1 else ""), baris_orang(p)))
    bagian += [
        Bagian("Pelapor dan terlapor", (Tabel(
            ("Peran", "Nama", "Jenis kelamin", "Usia", "Hubungan"),
            tuple(("Pelapor" if p.peran == "pelapor" else "Terlapor", p.nama,
                   label("jenis_kelamin", p.jenis_kelamin), usia_teks(p),
                   "korban sendiri" if p.adalah_korban else label(
                       "hubungan_pelaku" if p.peran == "pelaku" else "hubungan_pelapor",
                       p.hubungan))
                  for p in b.pihak if p.peran in {"pelapor", "pelaku"}),
            lebar=(1.2, 3, 1.4, 1.2, 2)),)),
        Bagian("Kejadian", baris_kejadian(b.kasus, b.bentuk, z)),
    ]
    if b.rujukan_masuk:
        bagian.append(Bagian("Rujukan dari kab/kota", (Tabel(
            ("Lembaga asal", "Nomor surat", "Tanggal surat", "Ringkasan"),
            tuple((r.lembaga_asal, r.nomor_surat, tgl(r.tanggal_surat), r.ringkasan)
                  for r in b.rujukan_masuk), lebar=(2, 2, 1.6, 3.4)),)))
    asesmen = b.asesmen[-1] if b.asesmen else None
    bagian += [
        Bagian("Persetujuan pemberian informasi", (Tabel(
            ("Tanggal", "Diberikan oleh", "Untuk"),
            tuple((tgl(r.tanggal), "orang tua/wali" if r.pemberi == "orang_tua_wali"
                   else "korban", _ringkas_izin(r)) for r in b.persetujuan),
            lebar=(1.6, 1.6, 5), kosong=1),)),
        Bagian("Asesmen", (
            Baris("Tanggal", tgl(asesmen.tanggal) if asesmen else ""),
            Baris("Tingkat risiko", label("tingkat_risiko", asesmen.tingkat_risiko)
                  if asesmen else ""),
        )),
        Bagian("Layanan (rencana intervensi)", (Tabel(
            ("Layanan", "Penyedia", "Status", "Mulai", "Selesai", "Hasil"),
            tuple((label("layanan", r.layanan), r.penyedia, label("status_rencana", r.status),
                   tgl(r.tanggal_mulai), tgl(r.tanggal_selesai), r.hasil) for r in b.rencana),
            lebar=(1.6, 2, 1.4, 1.5, 1.5, 2.5), kosong=1),)),
        Bagian("Disposisi", (Tabel(
            ("Tanggal", "Instruksi", "Kepada", "Batas"),
            tuple((tgl(d.tanggal), ", ".join(
                label("instruksi_disposisi", x.strip()) for x in d.instruksi.split(",")
                if x.strip()) + (f"; {d.instruksi_lain}" if d.instruksi_lain else ""),
                   d.kepada, tgl(d.batas_tanggal)) for d in b.disposisi),
            lebar=(1.5, 4, 2, 1.5), kosong=1),)),
        Bagian("Pelimpahan", (Tabel(
            ("Tujuan", "Nomor surat", "Dikirim", "Tanda terima"),
            tuple((r.tujuan_nama or label("tujuan_pelimpahan", r.tujuan_jenis), r.nomor_surat,
                   tgl(r.tanggal_kirim), tgl(r.tanggal_tanda_terima)) for r in b.pelimpahan),
            lebar=(3, 2.2, 1.6, 1.6), kosong=1),)),
        Bagian("Penampungan sementara", (Tabel(
            ("Masuk", "Ruang", "Batas", "Keluar", "Tujuan keluar"),
            tuple((waktu(r.waktu_masuk, z), r.ruang, tgl(r.batas_at, z), waktu(r.waktu_keluar, z),
                   label("tujuan_keluar_penampungan", r.tujuan_keluar)) for r in b.penampungan),
            lebar=(2.2, 1.2, 1.6, 2.2, 1.8), kosong=1),)),
        Bagian("Mediasi", (Tabel(
            ("Waktu", "Mediator", "Hasil", "Kesepakatan ditandatangani"),
            tuple((waktu(r.waktu, z), r.mediator, label("hasil_mediasi", r.hasil),
                   ya_tidak(r.ditandatangani)) for r in b.mediasi),
            lebar=(2.2, 2.4, 1.8, 1.8), kosong=1),)),
        Bagian("Catatan kegiatan", (_tabel_catatan(b.catatan, kosong=1),)),
    ]
    if b.terminasi:
        bagian.append(Bagian("Terminasi", (Tabel(
            ("Tanggal", "Alasan", "Keterangan", "Dibuka kembali"),
            tuple((tgl(r.tanggal), label("alasan_terminasi", r.alasan), r.keterangan,
                   waktu(r.dibuka_kembali_at, z)) for r in b.terminasi),
            lebar=(1.6, 1.8, 3.4, 2)),)))
    bagian.append(Bagian("Riwayat langkah SOP", (tabel_langkah(b.langkah, b.konteks, b),)))
    return jadi(b, c, bagian=tuple(bagian), tanda_tangan=(
        TandaTangan(peran("layanan", "kasi_pengaduan"), keterangan="Disusun oleh,"),
        TandaTangan(peran("layanan", "kepala"), keterangan="Mengetahui,"),
    ))


def _tabel_catatan(rows: list, kosong: int = 5) -> Tabel:
    return Tabel(("Tanggal", "Kegiatan", "Petugas", "Uraian", "Pemulihan"),
                 tuple((tgl(r.tanggal), label("jenis_catatan", r.jenis), r.petugas, r.uraian,
                        label("pemulihan", r.pemulihan)) for r in rows),
                 lebar=(1.6, 1.9, 1.5, 3.8, 1.2), kosong=kosong)


def _ringkasan(b: Bahan) -> Bagian:
    asesmen = b.asesmen[-1] if b.asesmen else None
    return Bagian("Kasus", (
        Baris("Nomor register", b.kasus.nomor_register),
        Baris("Korban", nama_korban(b)),
        Baris("Bentuk kekerasan", ", ".join(label("bentuk_kekerasan", x) for x in b.bentuk)),
        Baris("Kewenangan", label("kewenangan", b.kasus.kewenangan)),
        Baris("Tingkat risiko", label("tingkat_risiko", asesmen.tingkat_risiko)
              if asesmen else ""),
    ))


def rekomendasi(b: Bahan, c: Cetakan) -> Dokumen:
    rows = [r for r in b.catatan if r.jenis == "rekomendasi"]
    isi = tuple(Baris(f"{tgl(r.tanggal) or 'Tanpa tanggal'}" + (f" · {r.petugas}"
                      if r.petugas else ""), r.uraian, panjang=True) for r in rows)
    return jadi(b, c, bagian=(
        _ringkasan(b),
        Bagian("Kejadian", tuple(r for r in baris_kejadian(b.kasus, b.bentuk, b.konteks.zona)
                                 if r.label in {"Waktu kejadian", "Kronologi"})),
        Bagian("Layanan yang sudah direncanakan", (tabel_rencana(b),)),
        Bagian("Rekomendasi tindakan selanjutnya",
               isi or (Baris("Rekomendasi", panjang=True),)),
    ), tanda_tangan=(
        TandaTangan(peran("layanan", "kasi_rujukan"), rows[-1].petugas if rows else "",
                    keterangan="Disusun oleh,"),
        TandaTangan(peran("layanan", "kepala"), keterangan="Menyetujui,"),
    ))


def laporan_pendampingan(b: Bahan, c: Cetakan) -> Dokumen:
    rows = [r for r in b.catatan if r.jenis in {"pendampingan", "pemantauan"}]
    return jadi(b, c, bagian=(
        _ringkasan(b),
        Bagian("Layanan", (tabel_rencana(b),)),
        Bagian("Kegiatan pendampingan dan pemantauan", (_tabel_catatan(rows),)),
        Bagian("Perkembangan dan tindak lanjut", (Baris("Catatan", panjang=True),)),
    ), tanda_tangan=(
        TandaTangan(peran("pendampingan", "pendamping"), rows[-1].petugas if rows else "",
                    keterangan="Pendamping,"),
        TandaTangan(peran("layanan", "lembaga_kabkota"), keterangan="Pendamping kab/kota,"),
        TandaTangan(peran("layanan", "kasi_rujukan"), keterangan="Mengetahui,"),
    ))


def laporan_akhir(b: Bahan, c: Cetakan) -> Dokumen:
    r, z = c.row, b.konteks.zona
    korban = b.korban_dari(r.korban_id if r else None)
    sop = load_sop("pendampingan")
    run = [x for x in b.langkah if r is not None and x.rencana_id == r.id]
    baris = []
    for lk in sop.langkah:
        jalan = [x for x in run if x.langkah_kode == lk.kode]
        x = jalan[-1] if jalan else None
        baris.append((f"{lk.nomor}. {lk.ringkas}", waktu(x.started_at, z) if x else "",
                      waktu(x.finished_at, z) if x else "", durasi(x.durasi_detik) if x else "",
                      batas_langkah(sop.kode, lk.kode),
                      keadaan_langkah(x, b.konteks.sekarang) if x else ""))
    persetujuan = ""
    if r is not None and r.persetujuan_layanan:
        persetujuan = r.persetujuan_layanan + (f" ({tgl(r.tanggal_persetujuan)})"
                                               if r.tanggal_persetujuan else "")
    return jadi(b, c, bagian=(
        Bagian("Korban", (Baris("Nama", korban.nama if korban else ""),
                          Baris("Usia", usia_teks(korban) if korban else ""),
                          Baris("Nomor register", b.kasus.nomor_register))),
        Bagian("Layanan", (
            Baris("Layanan", label("layanan", r.layanan) if r else ""),
            Baris("Penyelenggara layanan", r.penyedia if r else ""),
            Baris("Alamat penyelenggara", r.penyedia_alamat if r else ""),
            Baris("Pendamping", r.pendamping if r else ""),
            Baris("Persetujuan penerima manfaat", persetujuan),
            Baris("Tanggal mulai", tgl(r.tanggal_mulai) if r else ""),
            Baris("Tanggal selesai", tgl(r.tanggal_selesai) if r else ""),
            Baris("Status", label("status_rencana", r.status) if r else ""),
        )),
        Bagian(f"Langkah {sop.nama} (SOP {sop.nomor_dokumen})", (
            Tabel(("Langkah", "Mulai", "Selesai", "Lama", "Batas SOP", "Keadaan"),
                  tuple(baris), lebar=(2.6, 2.1, 2.1, 1.5, 1.6, 1.6)),)),
        Bagian("Hasil layanan", (Baris("Hasil", r.hasil if r else "", panjang=True),
                                 Paragraf("Dokumen pendampingan disimpan dalam berkas kasus."))),
    ), tanda_tangan=(
        TandaTangan(peran("pendampingan", "pendamping"), r.pendamping if r else ""),
        TandaTangan(peran("pendampingan", "manajer_kasus")),
        TandaTangan(peran("pendampingan", "kepala"), keterangan="Mengetahui,"),
    ))
