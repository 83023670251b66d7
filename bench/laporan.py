"""The monthly and yearly recap (`ppa laporan`) over a database filled by `ppa demo`.

    .venv/bin/python bench/laporan.py                    # 100,000 cases
    .venv/bin/python bench/laporan.py --cases 20000 --runs 3

The database is made once with `ppa demo --cases N` (the app's own generator: every
table the recap reads is filled as the desk fills it) and cached as
/tmp/ppa-bench/laporan-N.db; delete it to rebuild (100,000 cases take about a minute).
A demo-only database counts its synthetic cases (marked DATA CONTOH), so the recap
reads all of them. The period is the calendar year holding most cases, and its busiest
month.

Measured, each once to warm the cache and then `--runs` times (median and slowest):
- baseline: a plain ``COUNT(*)`` of the period's cases, in the same run;
- the recap of the year (target: <= 2 s) and of the month, whole (every table, SOP
  compliance included) and without the SOP compliance table (the mutu baku's share);
- writing the year's recap as XLSX, CSV and PDF (from the computed recap).
Beside the wall-clock median (the target's measure) the median CPU time of the process
is shown: SQLite runs in this process, so on an idle machine wall time is about CPU
time, and on a busy one CPU time is the steadier figure. Exits non-zero when the yearly
recap misses its target.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SASARAN_TAHUN = 2000.0  # ms


def _ukur(fn, runs: int) -> tuple[float, float, float, object]:
    """Median and slowest wall time, and median CPU time of this process (ms): on a
    shared machine wall time swings with the others' load, CPU time much less."""
    hasil = fn()
    waktu, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        hasil = fn()
        waktu.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(waktu), max(waktu), statistics.median(cpu), hasil


def _siapkan(path: Path, n: int) -> None:
    if path.exists():
        return
    sementara = path.with_suffix(".tmp.db")
    sementara.unlink(missing_ok=True)
    ppa = Path(sys.executable).with_name("ppa")
    t0 = time.perf_counter()
    subprocess.run([str(ppa), "--db", f"sqlite:///{sementara}", "demo", "--cases", str(n)],
                   check=True, stdout=subprocess.DEVNULL)
    sementara.rename(path)
    print(f"ppa demo: {n:,} cases in {time.perf_counter() - t0:.0f} s")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    folder = Path("/tmp/ppa-bench")
    folder.mkdir(exist_ok=True)
    path = folder / f"laporan-{args.cases}.db"
    _siapkan(path, args.cases)

    from zoneinfo import ZoneInfo

    from sqlalchemy import func, select
    from sqlmodel import col

    from ppa_tui.domain import rekap as rk
    from ppa_tui.domain.models import Kasus
    from ppa_tui.domain.mutu import periode_bulan, periode_tahun
    from ppa_tui.laporan import isi_berkas
    from ppa_tui.store.database import Database

    wib = ZoneInfo("Asia/Jakarta")
    db = Database.open(f"sqlite:///{path}", device_id="bench")
    per_bulan: dict[tuple[int, int], int] = {}
    with db.baca() as s:
        for (t,) in s.execute(select(Kasus.waktu_diterima)):
            lokal = t.astimezone(wib)
            per_bulan[(lokal.year, lokal.month)] = per_bulan.get(
                (lokal.year, lokal.month), 0) + 1
    per_tahun: dict[int, int] = {}
    for (th, _), n in per_bulan.items():
        per_tahun[th] = per_tahun.get(th, 0) + n
    tahun = max(per_tahun, key=per_tahun.get)
    bulan = max((b for b in per_bulan if b[0] == tahun), key=per_bulan.get)
    p_tahun = periode_tahun(tahun, wib)
    p_bulan = periode_bulan(*bulan, wib)

    def baca(fn):
        def jalan():
            with db.baca() as s:
                return fn(s)
        return jalan

    def hitung(periode):
        return baca(lambda s: s.execute(
            select(func.count()).select_from(Kasus)
            .where(col(Kasus.waktu_diterima) >= periode.sejak,
                   col(Kasus.waktu_diterima) < periode.sampai,
                   col(Kasus.deleted_at).is_(None))).scalar_one())

    def tanpa_mutu(periode):
        def fn(s):
            asli = rk._mutu
            rk._mutu = lambda *a: rk.TabelRekap("kepatuhan_sop", "", ("",), ())
            try:
                return rk.rekap(s, periode, "")
            finally:
                rk._mutu = asli
        return baca(fn)

    runs = args.runs
    baris = [
        ("baseline: COUNT(*) of the year's cases", *_ukur(hitung(p_tahun), runs), None),
        (f"recap {p_tahun.judul}", *_ukur(baca(lambda s: rk.rekap(s, p_tahun, "")), runs),
         SASARAN_TAHUN),
        ("  without SOP compliance", *_ukur(tanpa_mutu(p_tahun), runs), None),
        ("baseline: COUNT(*) of the month's cases", *_ukur(hitung(p_bulan), runs), None),
        (f"recap {p_bulan.judul}", *_ukur(baca(lambda s: rk.rekap(s, p_bulan, "")), runs),
         None),
        ("belum SIMFONI list (500 oldest + count)",
         *_ukur(baca(lambda s: rk.belum_simfoni(s, wib, batas=rk.BATAS_BELUM)), runs), None),
    ]
    with db.baca() as s:
        hasil = rk.rekap(s, p_tahun, str(tahun))
    for fmt in ("xlsx", "csv", "pdf"):
        baris.append((f"write {fmt} ({p_tahun.judul})",
                      *_ukur(lambda f=fmt: isi_berkas(hasil, f, alamat_unit="Pangkalpinang"),
                             runs), None))
    db.close()
    print(f"{args.cases:,} cases from ppa demo, SQLite; {p_tahun.judul}: "
          f"{per_tahun[tahun]:,} cases, {p_bulan.judul}: {per_bulan[bulan]:,}; "
          f"median / max wall and median CPU of {runs} runs (ms)")
    gagal = False
    for nama, med, mx, cpu, _hasil, sasaran in baris:
        teks = f"  {nama:44} {med:9.1f} {mx:9.1f} {cpu:9.1f}"
        if sasaran is not None:
            ok = med <= sasaran
            gagal |= not ok
            teks += f"   target <= {sasaran:.0f} ms: {'ok' if ok else 'MISSED'}"
        print(teks)
    print(f"  recap year: {hasil.kasus:,} cases, {hasil.korban:,} korban"
          + (" (DATA CONTOH)" if hasil.contoh else ""))
    return 1 if gagal else 0


if __name__ == "__main__":
    raise SystemExit(main())
