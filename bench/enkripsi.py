"""Encryption at rest: the same database plain and encrypted (SQLCipher), same run.

    .venv/bin/python bench/enkripsi.py                   # 100,000 cases
    .venv/bin/python bench/enkripsi.py --cases 20000 --saves 200 --queries 400

The plain database is made once with `ppa demo`'s fill (bench/autosave.py's `isi`, in
this process, so with this tree's schema) and cached as /tmp/ppa-bench/enkripsi-N.db;
its encrypted twin is made from a copy with `store.enkripsi.enkripsi_di_tempat` (the
in-place encryption of `ppa enkripsi`, timed) and cached as enkripsi-N.terkunci.db,
under a fixed bench key (synthetic data). Each run works on fresh copies of both, so saves do not
accumulate. Measured, plain and encrypted interleaved call by call so that machine
noise hits both alike:

- **save**: one form saved through the domain service, as the desk saves it
  (`Backend.simpan` of a buku tamu complaint: a new case, its first SOP step, the
  search index's triggers), and one autosave (`Backend.simpan_draft`); median and p95.
  Target: encrypted / plain <= 1.5 (median and p95);
- **search**: `store.cari.cari` (LIMIT 50, rows) on bench/cari.py's fragments (names,
  rare names, NIK, phone, misses). Target: p95 encrypted / plain <= 1.5;
- **home's first read**: `store.beranda_cepat.baca_beranda`, a fresh connection each
  time as at start-up, with the key and without; and the unlock that comes before it
  with a key, `BerkasKunci.buka` (argon2id at the app's cost, then AES-GCM).
  Target: read encrypted / plain <= 1.5; unlock informational (paid once, while the
  officer presses Enter; the start-up bench has the whole picture).

Exits non-zero when a ratio misses its target.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from autosave import isi  # noqa: E402  (`ppa demo`'s fill, in this process)
from cari import _pct, fragmen  # noqa: E402  (the search bench's queries)

CACHE = Path("/tmp/ppa-bench")
KUNCI = hashlib.sha256(b"ppa-bench-enkripsi").digest()  # synthetic data, fixed key
RASIO = 1.5


def siapkan(n: int) -> tuple[Path, Path]:
    """The cached plain database and its encrypted twin."""
    from ppa_tui.store.enkripsi import enkripsi_di_tempat

    CACHE.mkdir(exist_ok=True)
    polos = CACHE / f"enkripsi-{n}.db"
    terkunci = CACHE / f"enkripsi-{n}.terkunci.db"
    if not polos.exists():  # filled by this tree's code (its schema), under a temp name
        sementara = CACHE / f"enkripsi-{n}.isi.db"
        sementara.unlink(missing_ok=True)
        print(f"ppa demo: {n:,} cases in {isi(f'sqlite:///{sementara}', n):.0f} s")
        sementara.rename(polos)
    if not terkunci.exists():
        sementara = CACHE / f"enkripsi-{n}.sementara.db"
        sementara.unlink(missing_ok=True)
        shutil.copyfile(polos, sementara)
        t0 = time.perf_counter()
        cadangan = enkripsi_di_tempat(sementara, KUNCI)
        print(f"enkripsi_di_tempat ({n:,} cases, backup and checks included): "
              f"{time.perf_counter() - t0:.1f} s")
        cadangan.unlink()
        sementara.rename(terkunci)
    return polos, terkunci


def _backend(path: Path, kunci: bytes | None, tmp: Path, nama: str):
    from ppa_tui.backend import Backend
    from ppa_tui.settings import Settings

    folder = tmp / f"data-{nama}"
    folder.mkdir()
    return Backend(Settings(data_dir=folder, database_url=f"sqlite:///{path}",
                            petugas="bench", device_id=f"bench-{nama}"), kunci_db=kunci)


def ukur_simpan(polos: Path, terkunci: Path, saves: int, tmp: Path) -> dict[str, dict]:
    """ms per save, by kind, for 'polos' and 'terkunci', interleaved."""
    from ppa_tui.domain.forms import periksa_form

    backends = {"polos": _backend(polos, None, tmp, "polos"),
                "terkunci": _backend(terkunci, KUNCI, tmp, "terkunci")}
    siap, nilai = {}, {}
    for nama, b in backends.items():
        siap[nama] = b.siapkan_form("buku_tamu")
        tamu = {**siap[nama].mentah, "nama": "Tamu Bench", "keperluan": "pengaduan"}
        nilai[nama] = periksa_form(siap[nama].spec, tamu, siap[nama].konteks).nilai
    hasil: dict[str, dict[str, list[float]]] = {
        n: {"simpan kasus baru": [], "autosave draf": []} for n in backends}
    try:
        for i in range(10 + saves):
            for nama in (("polos", "terkunci") if i % 2 else ("terkunci", "polos")):
                b = backends[nama]
                t0 = time.perf_counter()
                b.simpan(siap[nama], nilai[nama])
                t1 = time.perf_counter()
                b.simpan_draft("korban:-:baru", "korban", "Korban",
                               {"nama": "Siti", "alamat": "Jl. " + "x" * (i % 50)})
                t2 = time.perf_counter()
                if i >= 10:  # after the warm-up
                    hasil[nama]["simpan kasus baru"].append((t1 - t0) * 1000)
                    hasil[nama]["autosave draf"].append((t2 - t1) * 1000)
    finally:
        for b in backends.values():
            b.close()
    return hasil


def ukur_cari(polos: Path, terkunci: Path, queries: int, seed: int) -> dict[str, list[float]]:
    from ppa_tui.domain.clock import SystemClock
    from ppa_tui.store.cari import cari
    from ppa_tui.store.database import Database

    dbs = {"polos": Database.open(f"sqlite:///{polos}", "bench"),
           "terkunci": Database.open(f"sqlite:///{terkunci}", "bench", kunci=KUNCI)}
    try:
        qs = fragmen(dbs["polos"].engine, queries, seed)
        now = SystemClock().now()
        hasil: dict[str, list[float]] = {n: [] for n in dbs}
        sesi = {n: db.baca() for n, db in dbs.items()}
        s = {n: cm.__enter__() for n, cm in sesi.items()}
        try:
            for _, q in qs[:20]:  # warm-up: files opened, first pages cached
                for n in dbs:
                    cari(s[n], q, now=now, hitung=False)
            for i, (_, q) in enumerate(qs):
                for n in (("polos", "terkunci") if i % 2 else ("terkunci", "polos")):
                    t0 = time.perf_counter()
                    cari(s[n], q, now=now, hitung=False)
                    hasil[n].append((time.perf_counter() - t0) * 1000)
        finally:
            for cm in sesi.values():
                cm.__exit__(None, None, None)
        return hasil
    finally:
        for db in dbs.values():
            db.close()


def ukur_beranda(polos: Path, terkunci: Path, runs: int, tmp: Path) -> dict[str, list[float]]:
    from ppa_tui.domain import kata_sandi
    from ppa_tui.store.beranda_cepat import baca_beranda
    from ppa_tui.store.kunci import BerkasKunci

    sejak = datetime.now(UTC) - timedelta(days=1)
    hasil: dict[str, list[float]] = {"polos": [], "terkunci": [], "buka kunci": []}
    for _ in range(2):  # warm-up (imports, OS cache)
        baca_beranda(f"sqlite:///{polos}", sejak)
        baca_beranda(f"sqlite:///{terkunci}", sejak, kunci=KUNCI)
    for i in range(runs):
        for n in (("polos", "terkunci") if i % 2 else ("terkunci", "polos")):
            t0 = time.perf_counter()
            b = baca_beranda(f"sqlite:///{polos if n == 'polos' else terkunci}", sejak,
                             kunci=None if n == "polos" else KUNCI)
            hasil[n].append((time.perf_counter() - t0) * 1000)
            if b is None or not b.kasus:
                raise RuntimeError(f"home's fast path did not read the {n} database")
    slot = BerkasKunci.buat(tmp / "ppa.db.kunci", KUNCI)
    slot.tambah("bench", "Melati-Biru-7", KUNCI)
    for _ in range(max(3, runs // 4)):
        t0 = time.perf_counter()
        slot.buka("bench", "Melati-Biru-7", datetime.now(UTC))
        hasil["buka kunci"].append((time.perf_counter() - t0) * 1000)
    biaya = kata_sandi.BIAYA_KUNCI
    print(f"  (unlock cost: argon2id t={biaya.waktu}, m={biaya.memori_kib // 1024} MiB, "
          f"p={biaya.paralel})")
    return hasil


def _baris(judul: str, p: list[float], t: list[float], target: bool = True) -> bool:
    m_p, m_t = statistics.median(p), statistics.median(t)
    q_p, q_t = _pct(p, 95), _pct(t, 95)
    ok = not target or (m_t / m_p <= RASIO and q_t / q_p <= RASIO)
    sasaran = f"<= {RASIO:g}x  {'OK' if ok else 'OVER TARGET'}" if target else "(info)"
    print(f"  {judul:<22}{m_p:>9.2f}{m_t:>9.2f}{m_t / m_p:>7.2f}x"
          f"{q_p:>10.2f}{q_t:>9.2f}{q_t / q_p:>7.2f}x   {sasaran}")
    return ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=int, default=100_000, help="demo cases (100000)")
    ap.add_argument("--saves", type=int, default=200, help="saves of each kind (200)")
    ap.add_argument("--queries", type=int, default=400, help="search queries (400)")
    ap.add_argument("--runs", type=int, default=20, help="home first reads each (20)")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    random.seed(args.seed)
    print(f"Encryption bench, Python {sys.version.split()[0]}, {os.cpu_count()} CPU, "
          f"{args.cases:,} cases")
    polos_cache, terkunci_cache = siapkan(args.cases)
    tmp = Path(tempfile.mkdtemp(prefix="ppa-bench-enkripsi-"))
    try:
        polos, terkunci = tmp / "polos.db", tmp / "terkunci.db"
        shutil.copyfile(polos_cache, polos)
        shutil.copyfile(terkunci_cache, terkunci)
        print(f"  files: plain {polos.stat().st_size / 1e6:,.0f} MB, encrypted "
              f"{terkunci.stat().st_size / 1e6:,.0f} MB")
        simpan = ukur_simpan(polos, terkunci, args.saves, tmp)
        cari = ukur_cari(polos, terkunci, args.queries, args.seed)
        beranda = ukur_beranda(polos, terkunci, args.runs, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"\n  {'ms':<22}{'plain':>9}{'encr.':>9}{'ratio':>8}{'p95 pl.':>10}{'encr.':>9}"
          f"{'ratio':>8}   target (encrypted / plain)")
    ok = True
    for jenis in ("simpan kasus baru", "autosave draf"):
        ok &= _baris(f"save: {jenis}", simpan["polos"][jenis], simpan["terkunci"][jenis])
    ok &= _baris(f"search ({len(cari['polos'])} q.)", cari["polos"], cari["terkunci"])
    ok &= _baris("home's first read", beranda["polos"], beranda["terkunci"])
    buka = beranda["buka kunci"]
    print(f"  {'unlock (BerkasKunci.buka)':<26} median {statistics.median(buka):.1f} ms, "
          f"max {max(buka):.1f} ms   (info: once per login, before the first read)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
