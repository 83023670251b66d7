"""A fixed history for the board, mutu baku and the case list, written through the
models: now (the TUI clock) is Monday 23 Nov 2026 09:00 WIB.

- PPA/2026/0001 Nurhayati, active: in the shelter since 1 Nov (limit 15 Nov 10:00, the
  most overdue), L2 due Fri 20 Nov 14:15 (2:45 working time overdue).
- PPA/2026/0002 Ani (a child), active: L1 due 08:50 today, and P2 of her Kesehatan
  service due 08:45.
- PPA/2026/0003 Sari, closed (selesai).
- PPA/2026/0004 Dewi, active: L3 due at 10:30, not overdue.

Finished in November: L1 of each case (two late), L2 of 0002..0004 (one late), L3 of
0003 (on time), and P1 of Ani's service.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from ppa_tui.domain.models import Kasus, LangkahKasus, Penampungan, Pihak, RencanaIntervensi
from ppa_tui.settings import Settings

WIB = ZoneInfo("Asia/Jakarta")


def wib(hari: int, jam: int, menit: int = 0) -> datetime:
    return datetime(2026, 11, hari, jam, menit, tzinfo=WIB).astimezone(UTC)


def isi_riwayat(settings: Settings) -> dict[str, object]:
    from ppa_tui.store.database import Database

    db = Database.open(settings.url, device_id="desk-test")
    ids: dict[str, object] = {}
    try:
        with db.session() as s:
            def kasus(urutan: int, nama: str, status: str = "aktif", anak: bool = False,
                      hari: int = 2) -> Kasus:
                k = Kasus(nomor_register=f"PPA/2026/{urutan:04d}", tahun=2026, urutan=urutan,
                          waktu_diterima=wib(hari, 9), status=status)
                s.add(k)
                s.flush()
                p = Pihak(kasus_id=k.id, peran="korban", nama=nama, anak=anak)
                s.add(p)
                s.flush()
                ids[nama] = k.id
                ids[f"korban:{nama}"] = p.id
                return k

            def langkah(k: Kasus, kode: str, mulai, tenggat, selesai=None, **kw) -> None:
                s.add(LangkahKasus(kasus_id=k.id, sop_kode=kw.pop("sop", "layanan"),
                                   langkah_kode=kode, started_at=mulai, deadline_at=tenggat,
                                   finished_at=selesai, **kw))

            a = kasus(1, "Nurhayati", hari=20)
            langkah(a, "L1", wib(20, 13, 50), wib(20, 14), wib(20, 14))
            langkah(a, "L2", wib(20, 14), wib(20, 14, 15))
            s.add(Penampungan(kasus_id=a.id, korban_id=ids["korban:Nurhayati"],
                              waktu_masuk=wib(1, 10), batas_at=wib(15, 10), ruang="Melati"))
            b = kasus(2, "Ani", anak=True, hari=23)
            langkah(b, "L1", wib(23, 8, 40), wib(23, 8, 50))
            r = RencanaIntervensi(kasus_id=b.id, layanan="kesehatan", penyedia="RSUD Depati Hamzah")
            s.add(r)
            s.flush()
            langkah(b, "P1", wib(20, 15), wib(20, 15, 10), wib(20, 15, 8), sop="pendampingan",
                    rencana_id=r.id)
            langkah(b, "P2", wib(23, 8), wib(23, 8, 45), sop="pendampingan", rencana_id=r.id)
            c = kasus(3, "Sari", status="selesai", hari=3)
            langkah(c, "L1", wib(3, 9), wib(3, 9, 10), wib(3, 9, 25))
            langkah(c, "L2", wib(3, 9, 25), wib(3, 9, 40), wib(3, 9, 35))
            langkah(c, "L3", wib(3, 9, 35), wib(3, 11, 35), wib(3, 10, 50))
            d = kasus(4, "Dewi", hari=23)
            langkah(d, "L1", wib(23, 8, 10), wib(23, 8, 20), wib(23, 8, 15))
            langkah(d, "L2", wib(23, 8, 15), wib(23, 8, 30), wib(23, 8, 40))
            langkah(d, "L3", wib(23, 8, 40), wib(23, 10, 40))
    finally:
        db.close()
    return ids
