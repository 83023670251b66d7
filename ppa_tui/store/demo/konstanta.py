"""Constants shared by the demo modules."""

from datetime import time, timedelta, timezone

SOP = "layanan"
WIB = timezone(timedelta(hours=7), "WIB")  # Asia/Jakarta: no DST since 1964
BUKA, TUTUP = time(8, 0), time(15, 30)  # when guests are received
HARI_KE_BELAKANG = 365
TABEL = (  # the generator's row lists, parents before children (foreign keys)
    "kasus", "tamu", "pelapor", "pihak", "kekerasan", "rujukan", "pelimpahan", "disposisi",
    "asesmen", "persetujuan", "rencana", "langkah", "penampungan", "mediasi", "catatan",
    "terminasi", "disabilitas", "hubungan",
)
