"""The dashboard's figures and home's filter counts on both backends, on a fixed set of
cases worked out by hand. Now is Monday 23 Nov 2026 09:00 WIB; times below are WIB.

| case | status | received | kab/kota | bentuk kekerasan | korban (age at kejadian) | open steps |
|---|---|---|---|---|---|---|
| K1 | aktif | 2 Nov | 19.01 | fisik, psikis | 15, 8 (pelapor 40) | L2 20 Nov (late), P2 24 Nov |
| K2 | aktif | 10 Nov | 19.71 | pencabulan, perkosaan (both Seksual) | unknown | L2 due 24 Nov |
| K3 | selesai | 20 Nov | — | none | 30 | none (closing stopped them) |
| K4 | aktif | 15 Oct | 19.01 | fisik | 40 | L3 due 16 Oct (late) |
| K5 | aktif | 31 Oct 23:30 (still October locally) | 16.71 | trafficking | none | none |
| K6 | aktif | 1 Nov 00:30 (31 Oct UTC) | 19.02 | a removed row only | a removed one | removed L1 |
| K7 | aktif, demo | 5 Nov | 19.03 | fisik | 20 | L1 due 5 Nov (late) |
| K8 | aktif, removed | 3 Nov | 19.01 | fisik | 10 | L1 due 3 Nov (late) |
| K9 | selesai | 1 Sep | 19.04 | psikis | 50 | none |

Home (demo counted, removed not): aktif K1 K2 K4 K5 K6 K7 = 6, selesai K3 K9 = 2,
semua 8, terlambat K1 K4 K7 = 3.

Dashboard (a real case exists, so K7 is left out): aktif 5, selesai 2, semua 7,
terlambat K1 K4 = 2. Running steps: L2 2 (1 late: K1), L3 1 (1 late), P2 1 (0 late).
Received in November K1 K2 K3 K6 = 4; November is under way, so October is compared
by its same days, 1 Oct to 23 Oct 09:00: K4 = 1 (K5, 31 Oct, is past that).
Weeks from Mon 1 Jun (the 26th week back from 23 Nov): 1 Sep is day 92 -> week 13,
15 Oct day 136 -> 19, 31 Oct and 1 Nov days 152, 153 -> 21, 2 Nov -> 22, 10 Nov -> 23,
20 Nov -> 24.

November by bentuk: Fisik 1, Psikis 1, Seksual 1 (K2 once), Belum diisi 2 (K3, K6);
1–23 October: Fisik 1. Kab/kota November: Bangka 1, Belitung 1, Pangkalpinang 1, Belum
diisi 1; 1–23 October: Bangka 1. Korban by age, November: 6–12 1, 13–17 1, 25–44 1,
Tidak diketahui 1; 1–23 October: 25–44 1. A past month (October, beside all of
September) compares whole months.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from ppa_tui.domain.ikhtisar import MINGGU, hitung_beranda, ikhtisar
from ppa_tui.domain.models import Kasus, KekerasanKasus, LangkahKasus, Pihak, RencanaIntervensi
from ppa_tui.domain.referensi import kode_kelompok_usia

WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=WIB).astimezone(UTC)


def wib(bulan: int, hari: int, jam: int = 9, menit: int = 0) -> datetime:
    return datetime(2026, bulan, hari, jam, menit, tzinfo=WIB).astimezone(UTC)


@pytest.fixture
def kasus_tetap(db) -> None:
    with db.session() as s:
        urut = iter(range(1, 100))

        def kasus(diterima, kab="", status="aktif", bentuk=(), usia=(), langkah=(), **kw):
            n = next(urut)
            k = Kasus(nomor_register=f"PPA/2026/{n:04d}", tahun=2026, urutan=n,
                      waktu_diterima=diterima, status=status, kejadian_kabkota_kode=kab, **kw)
            s.add(k)
            s.flush()
            for b in bentuk:
                hapus = b.startswith("-")
                s.add(KekerasanKasus(kasus_id=k.id, bentuk=b.lstrip("-"),
                                     deleted_at=NOW if hapus else None))
            for u in usia:
                hapus = u == "hapus"
                umur = None if u in (None, "hapus") else u
                s.add(Pihak(kasus_id=k.id, peran="korban", nama="Korban", usia_kejadian=umur,
                            kelompok_usia="" if umur is None else kode_kelompok_usia(umur),
                            deleted_at=NOW if hapus else None))
            for kode, tenggat, *lain in langkah:
                rencana_id = None
                if kode.startswith("P"):
                    r = RencanaIntervensi(kasus_id=k.id, layanan="kesehatan")
                    s.add(r)
                    s.flush()
                    rencana_id = r.id
                s.add(LangkahKasus(kasus_id=k.id, sop_kode="pendampingan" if rencana_id
                                   else "layanan", langkah_kode=kode, started_at=diterima,
                                   deadline_at=tenggat, rencana_id=rencana_id,
                                   deleted_at=NOW if lain == ["hapus"] else None))
            s.flush()
            return k

        k1 = kasus(wib(11, 2), "19.01", bentuk=("fisik", "psikis"), usia=(15, 8),
                   langkah=[("L2", wib(11, 20)), ("P2", wib(11, 24))])
        s.add(Pihak(kasus_id=k1.id, peran="pelapor", nama="Ibu", usia_kejadian=40,
                    kelompok_usia="usia_25_44"))
        kasus(wib(11, 10), "19.71", bentuk=("seksual_pencabulan", "seksual_perkosaan"),
              usia=(None,), langkah=[("L2", wib(11, 24))])
        kasus(wib(11, 20), "", status="selesai", usia=(30,))
        kasus(wib(10, 15), "19.01", bentuk=("fisik",), usia=(40,),
              langkah=[("L3", wib(10, 16))])
        kasus(wib(10, 31, 23, 30), "16.71", bentuk=("trafficking",))
        kasus(wib(11, 1, 0, 30), "19.02", bentuk=("-fisik",), usia=("hapus",),
              langkah=[("L1", wib(11, 1), "hapus")])
        kasus(wib(11, 5), "19.03", bentuk=("fisik",), usia=(20,), langkah=[("L1", wib(11, 5))],
              demo=True)
        kasus(wib(11, 3), "19.01", bentuk=("fisik",), usia=(10,), langkah=[("L1", wib(11, 3))],
              deleted_at=wib(11, 4))
        kasus(wib(9, 1), "19.04", status="selesai", bentuk=("psikis",), usia=(50,))


def _baris(baris) -> list[tuple[str, int, int]]:
    return [(b.label, b.jumlah, b.lalu) for b in baris]


def test_home_counts_every_kept_case_demo_too(db, kasus_tetap) -> None:
    with db.baca() as s:
        assert hitung_beranda(s, NOW) == {"aktif": 6, "selesai": 2, "semua": 8, "terlambat": 3}


def test_home_counts_an_empty_database(db) -> None:
    with db.baca() as s:
        assert hitung_beranda(s, NOW) == {"aktif": 0, "selesai": 0, "semua": 0, "terlambat": 0}


def test_dashboard_figures_leave_demo_cases_out(db, kasus_tetap) -> None:
    with db.baca() as s:
        ik = ikhtisar(s, NOW, WIB)
    assert not ik.contoh
    assert ik.bulan.judul == "November 2026" and ik.bulan_lalu.judul == "Oktober 2026"
    assert ik.status == {"aktif": 5, "selesai": 2, "semua": 7, "terlambat": 2}
    assert [(b.label, b.berjalan, b.terlambat, b.utama) for b in ik.langkah] == [
        ("L2 Mencatat aduan", 2, 1, True),
        ("L3 Kewenangan & pelimpahan", 1, 1, True),
        ("P2 Informasi & persetujuan", 1, 0, False),
    ]
    assert (ik.diterima, ik.diterima_lalu) == (4, 1)
    assert ik.bulan_lalu.sampai == wib(10, 23)  # the same days and hours of October
    minggu = [0] * MINGGU
    for i, n in ((13, 1), (19, 1), (21, 2), (22, 1), (23, 1), (24, 1)):
        minggu[i] = n
    assert list(ik.per_minggu) == minggu
    assert ik.minggu_awal.isoformat() == "2026-06-01"
    assert _baris(ik.kekerasan) == [("Fisik", 1, 1), ("Psikis", 1, 0), ("Seksual", 1, 0),
                                    ("Belum diisi", 2, 0)]
    assert _baris(ik.kabkota) == [("Bangka", 1, 1), ("Belitung", 1, 0),
                                  ("Pangkalpinang", 1, 0), ("Belum diisi", 1, 0)]
    assert _baris(ik.usia) == [("6–12", 1, 0), ("13–17", 1, 0), ("25–44", 1, 1),
                               ("Tidak diketahui", 1, 0)]


def test_dashboard_of_another_month(db, kasus_tetap) -> None:
    with db.baca() as s:
        ik = ikhtisar(s, NOW, WIB, 2026, 10)
    # October (K4, K5) against September (K9)
    assert (ik.bulan.judul, ik.diterima, ik.diterima_lalu) == ("Oktober 2026", 2, 1)
    assert _baris(ik.kekerasan) == [("Fisik", 1, 0), ("Psikis", 0, 1), ("Trafficking", 1, 0)]
    assert _baris(ik.kabkota) == [("Bangka", 1, 0), ("Bangka Tengah", 0, 1),
                                  ("Luar provinsi", 1, 0)]
    assert ik.status["aktif"] == 5  # the state of today, whichever month


def test_a_demo_only_database_shows_demo_figures_marked(db) -> None:
    with db.session() as s:
        k = Kasus(nomor_register="PPA/2026/0001", tahun=2026, urutan=1, demo=True,
                  waktu_diterima=wib(11, 2), kejadian_kabkota_kode="19.05")
        s.add(k)
        s.flush()
        s.add(KekerasanKasus(kasus_id=k.id, bentuk="penelantaran"))
        s.add(LangkahKasus(kasus_id=k.id, sop_kode="layanan", langkah_kode="L1",
                           started_at=wib(11, 2), deadline_at=wib(11, 2, 9, 10)))
    with db.baca() as s:
        ik = ikhtisar(s, NOW, WIB)
    assert ik.contoh
    assert ik.status == {"aktif": 1, "selesai": 0, "semua": 1, "terlambat": 1}
    assert _baris(ik.kekerasan) == [("Penelantaran", 1, 0)]
    assert _baris(ik.kabkota) == [("Bangka Barat", 1, 0)]
    assert _baris(ik.usia) == []  # no korban recorded


def test_an_empty_database_is_not_marked_as_demo(db) -> None:
    with db.baca() as s:
        ik = ikhtisar(s, NOW, WIB)
    assert not ik.contoh and ik.kosong
    assert (ik.langkah, ik.kekerasan, ik.kabkota, ik.usia) == ((), (), (), ())
    assert sum(ik.per_minggu) == 0


def test_overdue_cases_are_counted_up_to_a_bound(db) -> None:
    """Five overdue cases; the first has three overdue clocks, the oldest deadlines.
    Twice the bound of steps is read first: with bound 3, six steps of four cases: the
    count stops at 4 ("3+" on screen). With bound 2, four steps of only two cases: not
    enough to tell, so every case is counted (5)."""
    from ppa_tui.domain.ikhtisar import hitung_terlambat

    with db.session() as s:
        for n in range(1, 6):
            k = Kasus(nomor_register=f"PPA/2026/{n:04d}", tahun=2026, urutan=n,
                      waktu_diterima=wib(10, 1))
            s.add(k)
            s.flush()
            tenggat = [wib(10, 1, 10 + i) for i in range(3)] if n == 1 else [wib(11, n)]
            for t in tenggat:
                s.add(LangkahKasus(kasus_id=k.id, sop_kode="layanan", langkah_kode="L1",
                                   started_at=wib(10, 1), deadline_at=t))
    with db.baca() as s:
        assert hitung_terlambat(s, NOW) == 5
        assert hitung_terlambat(s, NOW, batas=3) == 4
        assert hitung_terlambat(s, NOW, batas=2) == 5
        assert hitung_terlambat(s, NOW, batas=10) == 5
