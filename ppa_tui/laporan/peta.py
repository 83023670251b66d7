"""`docs/simfoni.md`, the written mapping from the unit's codes to SIMFONI-PPA's
values, made from `data/referensi.toml` so the two cannot drift apart (a test compares
them). Regenerate after editing the data file:

    .venv/bin/python -m ppa_tui.laporan.peta > docs/simfoni.md
"""

from __future__ import annotations

from ppa_tui.domain import referensi

DAFTAR_REKAP = (
    ("bentuk_kekerasan", "Bentuk kekerasan", "kasus dan korban menurut bentuk kekerasan"),
    ("kelompok_usia", "Kelompok usia korban", "korban menurut usia dan jenis kelamin"),
    ("jenis_kelamin", "Jenis kelamin", "korban menurut usia; pelaku menurut hubungan"),
    ("disabilitas", "Ragam disabilitas", "korban menurut ragam disabilitas"),
    ("hubungan_pelaku", "Hubungan pelaku dengan korban",
     "pelaku menurut hubungan (per pasangan korban–pelaku)"),
    ("tempat_kejadian", "Tempat kejadian", "kasus menurut tempat kejadian"),
    ("kabkota", "Kabupaten/kota", "kasus dan korban menurut kab/kota kejadian"),
    ("layanan", "Layanan", "korban menurut layanan yang diberikan"),
    ("saluran", "Saluran pengaduan", "kasus menurut saluran"),
    ("jenis_kasus", "Jenis kasus", "kasus menurut jenis kasus"),
    ("tingkat_risiko", "Tingkat risiko", "kasus menurut tingkat risiko"),
    ("kejadian_berulang", "Kejadian sekali/berulang", "kasus menurut kejadian berulang"),
    ("pendidikan", "Pendidikan", "(dicatat, belum direkap)"),
    ("pekerjaan", "Pekerjaan", "(dicatat, belum direkap)"),
    ("status_perkawinan", "Status perkawinan", "(dicatat, belum direkap)"),
)

_KEPALA = """# Pemetaan kode ppa-tui ke kategori SIMFONI-PPA

Berkas ini dibuat dari `data/referensi.toml` (jangan disunting dengan tangan; sesudah
menyunting berkas data, jalankan `.venv/bin/python -m ppa_tui.laporan.peta >
docs/simfoni.md`; sebuah tes memeriksa keduanya sama).

Rekap `ppa laporan` (dan layar Laporan, `l` di beranda) menghitung menurut nilai
SIMFONI-PPA di kolom ketiga: kode yang lebih rinci (mis. `pacar` dan `teman`) dijumlah
ke satu nilai SIMFONI, sehingga angkanya bisa dimasukkan ke SIMFONI-PPA tanpa
klasifikasi ulang. Daftar tanpa nilai SIMFONI (—) direkap dengan label unit. Setiap
tabel rekap memuat semua nilai (juga yang 0) dan satu baris "Tidak diisi" untuk data
yang kosong atau kode yang tidak dikenal lagi oleh berkas data.

Daftar bertanda **PERLU KONFIRMASI** belum dipastikan dengan SIMFONI-PPA atau pedoman
unit (`[catatan] perlu_konfirmasi` di berkas data); nilainya bisa diubah unit tanpa
mengubah program. SIMFONI-PPA versi 3 (manajemen kasus, Januari 2026) mungkin
mengubah sebagian daftar.

Cara menghitung (lihat juga `ppa_tui/domain/rekap.py`):

- Periode = kasus yang **diterima** dalam bulan/tahun itu (zona waktu unit), dengan
  korban, pelaku, bentuk kekerasan dan layanannya. Kepatuhan SOP = langkah yang
  **selesai** dalam periode.
- Bentuk kekerasan seorang korban = baris bentuk miliknya bila ada, selain itu baris
  kasus yang tanpa korban. Sebuah kasus dihitung pada suatu bentuk bila salah satu
  barisnya memuat bentuk itu. Satu korban/kasus dihitung sekali per nilai SIMFONI.
- Usia = kelompok usia saat kejadian (dari usia saat kejadian bila kelompoknya kosong).
- Disabilitas: seorang korban dihitung pada setiap ragamnya; "Tidak ada" bila hanya
  itu yang tercatat; "Tidak diisi" bila tidak ada catatan.
- Hubungan pelaku: satu per pasangan korban–pelaku, seperti SIMFONI-PPA menghitung.
  "tidak diketahui (NA)" (hubungannya memang tidak diketahui) berbeda dari "Tidak
  diisi" (belum dicatat).
- Layanan: setiap korban menerima Pengaduan; layanan lain dihitung bila rencana
  intervensinya berjalan atau selesai dan tidak ditolak; rencana tanpa korban
  dihitung untuk setiap korban kasusnya.
- Kab/kota: tujuh kab/kota provinsi ini, lalu "Luar Kep. Bangka Belitung" untuk kode
  sah lainnya.
- Kasus contoh (`ppa demo`) tidak pernah dihitung bersama kasus nyata; basis data yang
  hanya berisi kasus contoh direkap dengan tanda DATA CONTOH. Baris yang dihapus tidak
  pernah dihitung. Rekap tidak memuat nama, NIK, telepon atau alamat siapa pun.
"""


def dokumen_peta() -> str:
    konfirmasi = set(referensi.tabel("catatan").get("perlu_konfirmasi", ()))
    keluar = [_KEPALA]
    ada = set(referensi.daftar_nama())
    for nama, judul, dipakai in DAFTAR_REKAP:
        if nama not in ada:
            continue
        tanda = " — **PERLU KONFIRMASI**" if nama in konfirmasi else ""
        keluar.append(f"\n## {judul} (`{nama}`){tanda}\n\nDipakai: {dipakai}.\n\n"
                      "| kode | label | SIMFONI-PPA |\n|---|---|---|\n")
        for p in referensi.pilihan(nama):
            keluar.append(f"| `{p.kode}` | {p.label} | {p.simfoni or '—'} |\n")
    return "".join(keluar)


if __name__ == "__main__":
    print(dokumen_peta(), end="")
