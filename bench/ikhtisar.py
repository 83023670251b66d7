"""The dashboard (ikhtisar) and home's filter counts against a large SQLite database,
beside home's own read in the same run.

    .venv/bin/python bench/ikhtisar.py                  # 1,000,000 cases
    .venv/bin/python bench/ikhtisar.py --cases 100000 --runs 7

The database is `bench/papan.py`'s (same fill: 2020-2026, 70 % closed, 30 % active,
most active cases long overdue), with what the dashboard groups by added on top:
every case a kab/kota of the kejadian (the seven of the province and one elsewhere),
one or two bentuk kekerasan, and its korban an age at the kejadian and its SIMFONI age
group (one in ten unknown). Cached as
/tmp/ppa-bench/ikhtisar-N.db; delete it to rebuild. No statistics (no ANALYZE): the
reads must be fast without them, as on a desk's fresh database.

Targets: the dashboard (`ikhtisar`) <= 1 s; home's counts (`hitung_beranda`: aktif,
terlambat, selesai, semua) <= 3x home's read (`views.beranda`) in the same run. Each
read runs once to warm the cache, then `--runs` times; median and slowest are shown.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from papan import NOW, _isi, _ukur  # the same fill and timing as the board's bench

KABKOTA = ("19.01", "19.02", "19.03", "19.04", "19.05", "19.06", "19.71", "16.71")
BENTUK = ("fisik", "psikis", "seksual_pencabulan", "seksual_persetubuhan", "penelantaran",
          "eksploitasi", "trafficking", "lainnya")
TARGET_IKHTISAR_MS = 1000.0
TARGET_HITUNG_RASIO = 3.0


def _tambah(path: Path) -> None:
    """What the dashboard groups by, on top of the board's fill, in plain SQL."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    kab = " ".join(f"WHEN {i} THEN '{k}'" for i, k in enumerate(KABKOTA))
    conn.execute(f"UPDATE kasus SET kejadian_kabkota_kode = CASE abs(random()) % "
                 f"{len(KABKOTA)} {kab} END")
    conn.execute("UPDATE pihak SET usia = CASE WHEN abs(random()) % 10 = 0 THEN NULL"
                 " ELSE abs(random()) % 70 END WHERE peran = 'korban'")
    conn.execute("UPDATE pihak SET anak = (usia IS NOT NULL AND usia < 18)"
                 " WHERE peran = 'korban'")
    kelompok = " ".join(f"WHEN usia >= {lo} THEN 'usia_{nama}'" for lo, nama in (
        (60, "60_plus"), (45, "45_59"), (25, "25_44"), (18, "18_24"), (13, "13_17"),
        (6, "6_12"), (0, "0_5")))
    conn.execute(f"UPDATE pihak SET usia_kejadian = usia, anak_kejadian = anak,"
                 f" kelompok_usia = CASE WHEN usia IS NULL THEN '' {kelompok} END"
                 " WHERE peran = 'korban'")
    bentuk = " ".join(f"WHEN {i} THEN '{b}'" for i, b in enumerate(BENTUK))
    for syarat in ("1", "abs(random()) % 10 < 4"):  # one each, a second for 40 %
        conn.execute(
            "INSERT INTO kekerasan_kasus (id, created_at, updated_at, device_id, deleted_at,"
            " kasus_id, bentuk)"
            " SELECT lower(hex(randomblob(16))), created_at, updated_at, 'bench', NULL, id,"
            f" CASE abs(random()) % {len(BENTUK)} {bentuk} END FROM kasus WHERE {syarat}")
    conn.commit()
    conn.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    folder = Path("/tmp/ppa-bench")
    folder.mkdir(exist_ok=True)
    path = folder / f"ikhtisar-{args.cases}.db"
    if not path.exists():
        t0 = time.perf_counter()
        sementara = path.with_suffix(".tmp")
        sementara.unlink(missing_ok=True)
        _isi(sementara, args.cases)
        _tambah(sementara)
        sementara.rename(path)
        print(f"filled {args.cases:,} cases in {time.perf_counter() - t0:.0f} s")

    from datetime import time as jam
    from zoneinfo import ZoneInfo

    from ppa_tui.domain.ikhtisar import hitung_beranda, ikhtisar
    from ppa_tui.domain.kalender import Kalender
    from ppa_tui.domain.views import beranda
    from ppa_tui.store.database import Database

    wib = ZoneInfo("Asia/Jakarta")
    kal = Kalender(frozenset(range(5)), jam(8), jam(16), wib)
    t0 = time.perf_counter()
    db = Database.open(f"sqlite:///{path}", device_id="bench")  # migrates a cached file
    buka = time.perf_counter() - t0

    def baca(fn):
        def jalan():
            with db.baca() as s:
                return fn(s)
        return jalan

    dasar = _ukur("baseline: home's read (views.beranda)", baca(
        lambda s: beranda(s, NOW - timedelta(hours=7), kal)), args.runs)
    hitung = _ukur("hitung_beranda (4 counts)", baca(lambda s: hitung_beranda(s, NOW)),
                   args.runs)
    dasbor = _ukur("ikhtisar November 2026", baca(
        lambda s: ikhtisar(s, NOW, wib)), args.runs)
    db.close()
    print(f"{args.cases:,} cases, SQLite, median / max of {args.runs} runs (ms);"
          f" opening (and migrating) the file took {buka:.1f} s")
    print(f"  {dasar[0]:40} {dasar[1]:9.1f} {dasar[2]:9.1f}")
    rasio = hitung[1] / dasar[1] if dasar[1] else float("inf")
    tanda = "met" if rasio <= TARGET_HITUNG_RASIO else "MISSED"
    print(f"  {hitung[0]:40} {hitung[1]:9.1f} {hitung[2]:9.1f} {rasio:6.1f}x of home's read"
          f" (target <= {TARGET_HITUNG_RASIO:g}x: {tanda})  {hitung[3]}")
    tanda = "met" if dasbor[1] <= TARGET_IKHTISAR_MS else "MISSED"
    print(f"  {dasbor[0]:40} {dasbor[1]:9.1f} {dasbor[2]:9.1f}"
          f" (target <= {TARGET_IKHTISAR_MS:.0f} ms: {tanda})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
