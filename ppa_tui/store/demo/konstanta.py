"""Constants shared by the demo modules."""

from datetime import time, timedelta, timezone

SOP = "layanan"
JALUR = "dasar"
WIB = timezone(timedelta(hours=7), "WIB")  # Asia/Jakarta: no DST since 1964
BUKA, TUTUP = time(8, 0), time(15, 30)  # when guests are received
HARI_KE_BELAKANG = 365
