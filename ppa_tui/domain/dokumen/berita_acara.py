"""Formal records of the unit's own services: the berita acara of a mediation with its
kesepakatan (signed by both parties, Permen PPPA 2/2022), and of a shelter stay
(penampungan sementara, at most 14 days)."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from ppa_tui.domain import referensi
from ppa_tui.domain.dokumen.bahan import (
    Bahan,
    Cetakan,
    baris_orang,
    hari,
    jadi,
    label,
    nama_korban,
    peran,
    tgl,
    waktu,
    ya_tidak,
)
from ppa_tui.domain.dokumen.bentuk import Bagian, Baris, Dokumen, Paragraf, TandaTangan
from ppa_tui.domain.unit import data_unit

TITIK = "…………………………"


def _batas_penampungan() -> timedelta:
    """At most 14 days (Permen PPPA 2/2022), as `[penampungan]` of referensi says."""
    return timedelta(days=int(referensi.tabel("penampungan").get("batas_hari", 14)))


def _dua_pihak(teks: str) -> tuple[str, str]:
    """The two parties' names when the record lists exactly two (one per line)."""
    nama = [x.strip() for x in teks.splitlines() if x.strip()]
    return (nama[0], nama[1]) if len(nama) == 2 else ("", "")


def mediasi(b: Bahan, c: Cetakan) -> Dokumen:
    m, zona, unit = c.row, b.konteks.zona, data_unit()
    saat = m.waktu.astimezone(ZoneInfo(zona)) if m and m.waktu else None
    pertama, kedua = _dua_pihak(m.pihak if m else "")
    return jadi(b, c, bagian=(
        Bagian(isi=(Paragraf(
            f"Pada hari ini {hari(saat.date()) if saat else TITIK}, tanggal "
            f"{tgl(saat.date()) if saat else TITIK}, pukul "
            f"{f'{saat:%H.%M}' if saat else TITIK}, bertempat di ruang "
            f"mediasi {unit.unit_singkat} {unit.provinsi}, telah dilaksanakan mediasi atas "
            f"kasus nomor register {b.kasus.nomor_register} antara para pihak berikut."),)),
        Bagian("Para pihak", (
            Baris("Para pihak", m.pihak if m else "", panjang=True),
            Baris("Korban", nama_korban(b)),
            Baris("Mediator", m.mediator if m else ""),
        )),
        Bagian("Jalannya mediasi", (Baris("Berita acara", m.berita_acara if m else "",
                                          panjang=True),)),
        Bagian("Hasil dan kesepakatan", (
            Baris("Hasil", label("hasil_mediasi", m.hasil) if m else ""),
            Baris("Kesepakatan", m.kesepakatan if m else "", panjang=True),
            Paragraf("Kesepakatan ini dibuat dengan sadar, tanpa paksaan dari pihak mana pun, "
                     "dan ditandatangani oleh kedua pihak."),
            Baris("Ditandatangani kedua pihak", ya_tidak(m.ditandatangani) if m else ""),
        )),
    ), tanda_tangan=(
        TandaTangan("Pihak pertama", pertama, nip=False),
        TandaTangan("Pihak kedua", kedua, nip=False),
        TandaTangan("Mediator", m.mediator if m else ""),
        TandaTangan(peran("layanan", "kepala"), keterangan="Mengetahui,"),
    ))


def penampungan(b: Bahan, c: Cetakan) -> Dokumen:
    p, zona = c.row, b.konteks.zona
    korban = b.korban_dari(p.korban_id if p else None)
    return jadi(b, c, bagian=(
        Bagian(isi=(Paragraf(
            "Telah ditempatkan di penampungan sementara UPTD PPA korban berikut. Penampungan "
            "sementara paling lama 14 hari (Peraturan Menteri PPPA Nomor 2 Tahun 2022); "
            "perpanjangan hanya dengan alasan yang dicatat, dan sesudahnya korban dirujuk "
            "lebih lanjut."),)),
        Bagian("Korban", baris_orang(korban)[:8]),
        Bagian("Penempatan", (
            Baris("Waktu masuk", waktu(p.waktu_masuk, zona) if p else ""),
            Baris("Ruang", p.ruang if p else ""),
            Baris(f"Batas {_batas_penampungan().days} hari sejak masuk",
                  tgl(p.waktu_masuk + _batas_penampungan(), zona) if p else ""),
            Baris("Batas penampungan", tgl(p.batas_at, zona) if p else ""),
            Baris("Perpanjangan", f"{p.perpanjangan_hari} hari" if p and p.perpanjangan_hari
                  else ("Tidak ada" if p else "")),
            Baris("Alasan perpanjangan", p.perpanjangan_alasan if p else "", panjang=True),
        )),
        Bagian("Keluar", (
            Baris("Waktu keluar", waktu(p.waktu_keluar, zona) if p else ""),
            Baris("Tujuan keluar",
                  label("tujuan_keluar_penampungan", p.tujuan_keluar) if p else ""),
            Baris("Keterangan", p.keterangan if p else "", panjang=True),
        )),
    ), tanda_tangan=(
        TandaTangan("Korban/orang tua/wali", korban.nama if korban else "", nip=False),
        TandaTangan(peran("pendampingan", "pendamping"), p.petugas if p else "",
                    keterangan="Petugas,"),
        TandaTangan(peran("layanan", "kepala"), keterangan="Mengetahui,"),
    ))
