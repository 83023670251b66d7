"""The overdue board, mutu baku and the case list against a large SQLite database.

    .venv/bin/python bench/papan.py                  # 1,000,000 cases
    .venv/bin/python bench/papan.py --cases 100000 --runs 7

The database is filled straight through sqlite3 (in the app's storage forms) and
cached as /tmp/ppa-bench/papan-N.db; delete it to rebuild. Cases spread over
2020-2026: 70 % closed, 30 % active. Every case has three finished steps (L1, L2, L3,
some late); an active one also has a running step, most of them long overdue, and one
in ten a pendampingan run. 5,000 shelter stays, one in ten still inside past its limit.
No case is marked demo (mutu baku leaves demo cases out). Each read runs once to warm
the cache, then `--runs` times; the table shows the median and the slowest.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
SOP_L = ("L1", "L2", "L3")


def _t(dt: datetime) -> str:
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _id() -> str:
    return uuid.uuid4().hex


def _isi(path: Path, n: int) -> None:
    from sqlalchemy import Boolean, Integer

    from ppa_tui.domain.models import Kasus, LangkahKasus, Penampungan, Pihak, RencanaIntervensi
    from ppa_tui.store.database import Database

    Database.open(f"sqlite:///{path}", device_id="bench").close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")

    def penulis(model):
        kolom = list(model.__table__.c)
        sql = (f"INSERT INTO {model.__tablename__} ({', '.join(c.name for c in kolom)}) "
               f"VALUES ({', '.join('?' * len(kolom))})")

        def baris(**v):
            out = []
            for c in kolom:
                if c.name in v:
                    out.append(v[c.name])
                elif c.nullable:
                    out.append(None)
                elif isinstance(c.type, (Boolean, Integer)):
                    out.append(0)
                else:
                    out.append("")
            return tuple(out)

        return sql, baris

    rng = random.Random(2026)
    kasus_sql, kasus = penulis(Kasus)
    pihak_sql, pihak = penulis(Pihak)
    langkah_sql, langkah = penulis(LangkahKasus)
    tampung_sql, tampung = penulis(Penampungan)
    rencana_sql, rencana = penulis(RencanaIntervensi)
    awal = datetime(2020, 1, 6, 2, tzinfo=UTC)
    rentang = (NOW - awal).total_seconds()
    per_tahun: dict[int, int] = {}
    waktu = sorted(awal + timedelta(seconds=rng.random() * rentang) for _ in range(n))
    buf: dict[str, list] = {"k": [], "p": [], "l": [], "t": [], "r": []}
    ids = []

    def tulis() -> None:
        conn.executemany(kasus_sql, buf["k"])
        conn.executemany(pihak_sql, buf["p"])
        conn.executemany(rencana_sql, buf["r"])
        conn.executemany(langkah_sql, buf["l"])
        for v in buf.values():
            v.clear()

    for i, masuk in enumerate(waktu):
        tahun = masuk.year
        per_tahun[tahun] = urutan = per_tahun.get(tahun, 0) + 1
        kid = _id()
        ids.append(kid)
        aktif = rng.random() < 0.3
        stamp = _t(masuk)
        buf["k"].append(kasus(id=kid, created_at=stamp, updated_at=stamp,
                              nomor_register=f"PPA/{tahun}/{urutan:04d}", tahun=tahun,
                              urutan=urutan, sop_kode="layanan", jalur="dasar",
                              status="aktif" if aktif else "selesai", waktu_diterima=stamp))
        buf["p"].append(pihak(id=_id(), created_at=stamp, updated_at=stamp, kasus_id=kid,
                              peran="korban", nama=f"Korban {i}", anak=rng.random() < 0.4))
        t = masuk
        for kode, batas in zip(SOP_L, (10, 15, 120), strict=True):
            lama = timedelta(minutes=rng.uniform(0.3, 1.6) * batas)
            buf["l"].append(langkah(id=_id(), created_at=stamp, updated_at=stamp,
                                    kasus_id=kid, sop_kode="layanan", langkah_kode=kode,
                                    started_at=_t(t), deadline_at=_t(t + timedelta(minutes=batas)),
                                    finished_at=_t(t + lama),
                                    durasi_detik=int(lama.total_seconds())))
            t += lama
        if aktif:
            mulai = NOW - timedelta(days=2) if rng.random() < 0.2 else t
            buf["l"].append(langkah(id=_id(), created_at=stamp, updated_at=stamp, kasus_id=kid,
                                    sop_kode="layanan", langkah_kode="L4b",
                                    started_at=_t(mulai),
                                    deadline_at=_t(mulai + timedelta(days=3 if mulai > t
                                                                     else 0, hours=2))))
            if rng.random() < 0.1:
                rid = _id()
                buf["r"].append(rencana(id=rid, created_at=stamp, updated_at=stamp,
                                        kasus_id=kid, layanan="kesehatan"))
                buf["l"].append(langkah(id=_id(), created_at=stamp, updated_at=stamp,
                                        kasus_id=kid, sop_kode="pendampingan",
                                        langkah_kode="P2", started_at=_t(t), rencana_id=rid,
                                        deadline_at=_t(t + timedelta(minutes=45))))
        if len(buf["k"]) >= 20_000:
            tulis()
    tulis()
    for j in range(5000):
        kid = rng.choice(ids)
        masuk = NOW - timedelta(days=rng.uniform(1, 400))
        keluar = None if j % 10 == 0 else _t(masuk + timedelta(days=10))
        conn.execute(tampung_sql, tampung(id=_id(), created_at=_t(masuk), updated_at=_t(masuk),
                                          kasus_id=kid, waktu_masuk=_t(masuk),
                                          batas_at=_t(masuk + timedelta(days=14)),
                                          waktu_keluar=keluar))
    conn.commit()
    conn.close()


# Targets, as multiples of home's read (the officer waits as long for either): the
# board and a page of cases are capped lists over an index, like home; mutu baku
# aggregates a whole period in Python.
SASARAN = {"papan_terlambat": 3, "daftar_kasus": 3, "mutu_baku": 15, "mutu_baku tahun": 60}


def _ukur(nama: str, fn, runs: int) -> tuple[str, float, float, str]:
    hasil = fn()
    waktu = []
    for _ in range(runs):
        t0 = time.perf_counter()
        hasil = fn()
        waktu.append((time.perf_counter() - t0) * 1000)
    return nama, statistics.median(waktu), max(waktu), hasil


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    folder = Path("/tmp/ppa-bench")
    folder.mkdir(exist_ok=True)
    path = folder / f"papan-{args.cases}.db"
    if not path.exists():
        t0 = time.perf_counter()
        sementara = path.with_suffix(".tmp")
        sementara.unlink(missing_ok=True)
        _isi(sementara, args.cases)
        sementara.rename(path)
        print(f"filled {args.cases:,} cases in {time.perf_counter() - t0:.0f} s")

    from datetime import time as jam
    from zoneinfo import ZoneInfo

    from ppa_tui.domain.daftar import daftar_kasus, hitung_status
    from ppa_tui.domain.kalender import Kalender
    from ppa_tui.domain.mutu import mutu_baku, periode_bulan, periode_tahun
    from ppa_tui.domain.papan import papan_terlambat
    from ppa_tui.store.database import Database

    wib = ZoneInfo("Asia/Jakarta")
    kal = Kalender(frozenset(range(5)), jam(8), jam(16), wib)
    db = Database.open(f"sqlite:///{path}", device_id="bench")
    bulan, tahun = periode_bulan(2026, 11, wib), periode_tahun(2026, wib)

    def baca(fn):
        def jalan():
            with db.baca() as s:
                return fn(s)
        return jalan

    def ujung(s):  # the oldest page: keyset, no OFFSET
        return daftar_kasus(s, "semua", (2020, 50))

    from ppa_tui.domain.views import beranda

    dasar = _ukur("baseline: home's read (views.beranda)", baca(
        lambda s: beranda(s, NOW - timedelta(hours=7), kal)), args.runs)
    rows = [
        _ukur("papan_terlambat (500 rows + counts)", baca(
            lambda s: papan_terlambat(s, NOW, kal)), args.runs),
        _ukur("mutu_baku November 2026", baca(
            lambda s: mutu_baku(s, bulan.sejak, bulan.sampai, kal)), args.runs),
        _ukur("mutu_baku Tahun 2026", baca(
            lambda s: mutu_baku(s, tahun.sejak, tahun.sampai, kal)), max(1, args.runs // 2)),
        _ukur("daftar_kasus semua, page 1", baca(lambda s: daftar_kasus(s, "semua")), args.runs),
        _ukur("daftar_kasus selesai, page 1", baca(lambda s: daftar_kasus(s, "selesai")),
              args.runs),
        _ukur("daftar_kasus semua, last page", baca(ujung), args.runs),
        _ukur("daftar_kasus selesai, turn (no counts)", baca(
            lambda s: daftar_kasus(s, "selesai", (2023, 5000), hitung=False)), args.runs),
        _ukur("hitung_status (part of each page)", baca(hitung_status), args.runs),
    ]
    db.close()
    print(f"{args.cases:,} cases, SQLite, median / max of {args.runs} runs (ms); the ratio"
          " is against home's read in the same run, with its target")
    print(f"  {dasar[0]:38} {dasar[1]:9.1f} {dasar[2]:9.1f}")
    for nama, med, mx, hasil in rows:
        sasaran = SASARAN.get(nama.split(" ")[0] + (" tahun" if "Tahun" in nama else ""))
        rasio = f"{med / dasar[1]:6.1f}x" if dasar[1] else "     -"
        rasio += f" (target <= {sasaran}x)" if sasaran else ""
        extra = ""
        if hasattr(hasil, "total"):
            extra = f"{len(hasil.baris)} rows of {hasil.total}"
        elif hasattr(hasil, "dihentikan"):
            extra = f"{sum(r.selesai for r in hasil.baris)} finished steps"
        elif hasattr(hasil, "jumlah"):
            extra = f"{len(hasil.baris)} rows, {hasil.jumlah}"
        print(f"  {nama:38} {med:9.1f} {mx:9.1f} {rasio}  {extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
