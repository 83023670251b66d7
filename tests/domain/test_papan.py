"""The overdue board on both backends, on a fixed history checked by hand.

Now is Monday 23 Nov 2026 09:00 WIB. Working time is Monday-Friday 08:00-16:00 (no
holiday in November 2026). What is in the history, and what the board must say:

| row | case | what | deadline (WIB) | overdue at now |
|---|---|---|---|---|
| 1 | 0001 Ani +1 | shelter, Ani inside | Sun 15 Nov 10:00 | 7 days 23 h (clock time) |
| 2 | 0001 | L2 main track | Fri 20 Nov 14:15 | Fri 14:15-16:00 + Mon 08:00-09:00 = 2:45 working |
| 3 | 0001 | P2 of the Kesehatan run | Mon 23 Nov 08:45 | 0:15 working |
| 4 | 0002 no korban | L1 main track | Mon 23 Nov 08:50 | 0:10 working |

Not on the board: a closed case's step, a removed case's step, a removed step, a step
due later today, a finished step, a step without a deadline, a shelter stay that has
ended, one not yet at its limit, and a removed case's shelter stay.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from ppa_tui.domain.kalender import Kalender
from ppa_tui.domain.models import Kasus, LangkahKasus, Penampungan, Pihak, RencanaIntervensi
from ppa_tui.domain.papan import papan_terlambat

WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=WIB).astimezone(UTC)
KALENDER = Kalender(frozenset(range(5)), time(8), time(16), WIB)


def wib(hari: int, jam: int, menit: int = 0, bulan: int = 11) -> datetime:
    return datetime(2026, bulan, hari, jam, menit, tzinfo=WIB).astimezone(UTC)


def kasus(s, urutan: int, **kw) -> Kasus:
    k = Kasus(nomor_register=f"PPA/2026/{urutan:04d}", tahun=2026, urutan=urutan,
              waktu_diterima=wib(2, 9), **kw)
    s.add(k)
    s.flush()
    return k


def langkah(s, k: Kasus, kode: str, mulai: datetime, tenggat: datetime | None,
            sop: str = "layanan", **kw) -> LangkahKasus:
    row = LangkahKasus(kasus_id=k.id, sop_kode=sop, langkah_kode=kode, started_at=mulai,
                       deadline_at=tenggat, **kw)
    s.add(row)
    return row


def isi_riwayat(database) -> dict[str, uuid.UUID]:
    with database.session() as s:
        a = kasus(s, 1)
        ani = Pihak(kasus_id=a.id, peran="korban", nama="Ani", anak=True,
                    created_at=wib(2, 9))
        s.add(ani)
        s.add(Pihak(kasus_id=a.id, peran="korban", nama="Budi", created_at=wib(2, 10)))
        s.add(Pihak(kasus_id=a.id, peran="pelapor", nama="Rosmawati"))
        s.flush()
        langkah(s, a, "L2", wib(20, 14), wib(20, 14, 15))
        rencana = RencanaIntervensi(kasus_id=a.id, layanan="kesehatan")
        s.add(rencana)
        s.flush()
        langkah(s, a, "P2", wib(23, 8), wib(23, 8, 45), sop="pendampingan",
                rencana_id=rencana.id)
        langkah(s, a, "P4", wib(2, 9), None, sop="pendampingan", rencana_id=rencana.id)
        tampung = Penampungan(kasus_id=a.id, korban_id=ani.id, waktu_masuk=wib(1, 10),
                              batas_at=wib(15, 10))
        s.add(tampung)
        s.add(Penampungan(kasus_id=a.id, waktu_masuk=wib(1, 10), batas_at=wib(15, 10),
                          waktu_keluar=wib(14, 10)))  # left in time
        s.add(Penampungan(kasus_id=a.id, waktu_masuk=wib(20, 10), batas_at=wib(4, 10, 0, 12)))

        b = kasus(s, 2)
        langkah(s, b, "L1", wib(23, 8, 40), wib(23, 8, 50))

        ditutup = kasus(s, 3, status="selesai")
        langkah(s, ditutup, "L1", wib(2, 9), wib(2, 9, 10))
        dihapus = kasus(s, 4, deleted_at=wib(3, 9))
        langkah(s, dihapus, "L1", wib(2, 9), wib(2, 9, 10))
        s.add(Penampungan(kasus_id=dihapus.id, waktu_masuk=wib(1, 10), batas_at=wib(15, 10)))
        lain = kasus(s, 5)
        langkah(s, lain, "L3", wib(23, 8, 30), wib(23, 10, 30))  # due later today
        langkah(s, lain, "L1", wib(2, 9), wib(2, 9, 10), finished_at=wib(2, 9, 30))
        langkah(s, lain, "L2", wib(2, 9), wib(2, 9, 15), deleted_at=wib(2, 10))
        s.flush()
        return {"a": a.id, "b": b.id, "tampung": tampung.id}


@pytest.fixture
def riwayat(db) -> dict[str, uuid.UUID]:
    return isi_riwayat(db)


def test_the_board_lists_what_is_overdue_the_longest_first(db, riwayat) -> None:
    with db.baca() as s:
        papan = papan_terlambat(s, NOW, KALENDER)
    assert (papan.total, papan.langkah, papan.penampungan) == (4, 3, 1)
    rows = [(r.nomor_register, r.korban, r.anak, r.alur, r.langkah, r.terlambat)
            for r in papan.baris]
    assert rows == [
        ("PPA/2026/0001", "Ani", True, "Penampungan", "Maks. 14 hari",
         timedelta(days=7, hours=23)),
        ("PPA/2026/0001", "Ani +1", True, "Utama", "2/3 Mencatat aduan",
         timedelta(hours=2, minutes=45)),
        ("PPA/2026/0001", "Ani +1", True, "Kesehatan", "2/8 Informasi & persetujuan",
         timedelta(minutes=15)),
        ("PPA/2026/0002", "(belum ada)", False, "Utama", "1/3 Klien mengadukan",
         timedelta(minutes=10)),
    ]
    assert [r.peran for r in papan.baris] == [
        ("Kasi Tindakan dan Rujukan/Manajer Kasus",),
        ("Kasi Pelayanan Pengaduan Informasi dan Kerjasama", "Kepala UPTD PPA"),
        ("Pendamping PPA",),
        ("Korban/Pelapor/Klien", "Kasubbag TU"),
    ]
    assert papan.baris[0].kunci == f"penampungan:{riwayat['tampung']}"
    assert papan.baris[0].kasus_id == papan.baris[1].kasus_id == riwayat["a"]
    # home's units: clock time for the shelter, working time under a working day reads
    # like clock time ("2:45:00"), whole working days as "HK"
    assert [r.ringkas(NOW) for r in papan.baris] == ["7 hari", "2:45:00", "15:00", "10:00"]


def test_the_overdue_time_grows_with_working_time_only(db, riwayat) -> None:
    with db.baca() as s:
        papan = papan_terlambat(s, NOW, KALENDER)
    tampung, l2 = papan.baris[0], papan.baris[1]
    assert l2.lewat(NOW + timedelta(minutes=1)) == timedelta(hours=2, minutes=46)
    malam = wib(23, 20)  # after hours: the working time stands still, the shelter's not
    assert l2.lewat(malam) == timedelta(hours=9, minutes=45)
    assert tampung.lewat(malam) == timedelta(days=8, hours=10)
    assert l2.ringkas(wib(24, 16)) == "2 HK"  # 1:45 + 8 h + 8 h = 17:45: two whole days


def test_without_a_calendar_every_step_counts_clock_time(db, riwayat) -> None:
    with db.baca() as s:
        papan = papan_terlambat(s, NOW)
    assert papan.baris[1].terlambat == timedelta(days=2, hours=18, minutes=45)
    assert papan.baris[1].ringkas(NOW) == "2 hari"


def test_the_board_is_capped_and_still_counts_everything(db, riwayat) -> None:
    with db.baca() as s:
        papan = papan_terlambat(s, NOW, KALENDER, batas=2)
    assert [r.alur for r in papan.baris] == ["Penampungan", "Utama"]
    assert (papan.total, papan.langkah, papan.penampungan) == (4, 3, 1)


def test_an_empty_board(db) -> None:
    with db.baca() as s:
        papan = papan_terlambat(s, NOW, KALENDER)
    assert papan.baris == () and papan.total == 0


def test_the_board_reads_the_partial_index_of_open_steps(sqlite_db) -> None:
    """The plan of the board's own queries walks the open-steps index by deadline and
    the shelter index by limit, not every active case (SQLite's plan, here without
    statistics; PostgreSQL chooses by its statistics)."""
    from sqlalchemy import event
    from sqlmodel import Session

    isi_riwayat(sqlite_db)
    rencana: list[str] = []

    def lihat(conn, cursor, statement, parameters, context, executemany) -> None:
        if "deadline_at <" in statement or "batas_at <" in statement:
            plan = cursor.connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
            rencana.append(" / ".join(str(r[-1]) for r in plan))

    event.listen(sqlite_db.engine, "before_cursor_execute", lihat)
    try:
        with Session(sqlite_db.engine) as s:
            papan_terlambat(s, NOW, KALENDER, batas=1)  # capped: the counts run too
    finally:
        event.remove(sqlite_db.engine, "before_cursor_execute", lihat)
    assert len(rencana) == 4, rencana
    tabel = ("SCAN langkah_kasus", "SCAN kasus", "SCAN penampungan")
    for plan in rencana:  # every table is searched by an index, none scanned whole
        assert not [x for x in plan.split(" / ") if x.startswith(tabel)], plan
        assert "ix_langkah_kasus_terbuka" in plan or "ix_penampungan_batas_at" in plan, plan
        assert "ix_kasus_status" not in plan, plan


def test_the_counts_stop_past_their_bound(db, riwayat) -> None:
    with db.baca() as s:
        papan = papan_terlambat(s, NOW, KALENDER, batas=1, batas_hitung=2)
    assert (papan.langkah, papan.penampungan, papan.lebih) == (3, 1, True)  # 3 = "2+"
    with db.baca() as s:
        papan = papan_terlambat(s, NOW, KALENDER, batas=1, batas_hitung=3)
    assert (papan.langkah, papan.penampungan, papan.lebih) == (3, 1, False)
