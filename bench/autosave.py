"""Autosave latency: the time to persist one field change of a form as a draft.

    .venv/bin/python bench/autosave.py
    .venv/bin/python bench/autosave.py --calls 1000 --cases 50000 --no-pg

Calls `Backend.simpan_draft(kunci, form_id, judul, isi)` -- the code path the form
screen's autosave worker runs -- with a ~15-field korban form in which one field
changes per call (the officer typing), on a temporary SQLite file database (WAL, as the
app opens it). Measured per call with `perf_counter`: open a session, BEGIN IMMEDIATE,
find the draft, update it, commit. Reported after a warm-up (the first call creates
the draft row and opens the database).

Twice: on an empty database, and on one pre-filled with `ppa demo`'s 20,000 cases, to
show that a full office database does not slow autosave down. The same on PostgreSQL
when it is reachable (informational; `PPA_BENCH_PG_URL`, else `PPA_TEST_PG_URL`, else
postgres@127.0.0.1:5432/test; each run uses a temporary schema).

Target: median < 5 ms on SQLite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

TARGET_MS = 5.0
PG_URL = os.environ.get("PPA_BENCH_PG_URL") or os.environ.get(
    "PPA_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def form_korban() -> dict[str, object]:
    """Raw widget values of a korban form, as the form screen autosaves them."""
    return {
        "nama": "Siti Aminah", "jenis_kelamin": "p", "tanggal_lahir": "14-03-2011",
        "usia": "", "nik": "1971015403110003", "telepon": "0812 3456 7890",
        "alamat": "Jl. Depati Amir No. 12, RT 003/RW 001, Kel. Bacang",
        "kabkota_kode": "19.71", "pendidikan": "sltp", "pekerjaan": "pelajar_mahasiswa",
        "status_perkawinan": "belum_kawin", "disabilitas": "tidak_ada",
        "catatan": "", "hubungan": "", "adalah_korban": False,
    }


def ketik(isi: dict[str, object], i: int) -> dict[str, object]:
    """The next keystroke: one text field changes (grows, or is retyped when long)."""
    medan = ("alamat", "nama", "catatan", "telepon")[i % 4]
    teks = str(isi[medan])
    isi = dict(isi)
    isi[medan] = teks[: len(teks) // 2] if len(teks) > 150 else teks + "abcdefghij"[i % 10]
    return isi


def ukur(url: str, calls: int, warmup: int) -> list[float]:
    """Per-call milliseconds of `Backend.simpan_draft` on the database at `url`."""
    from ppa_tui.backend import Backend, kunci_draft
    from ppa_tui.settings import Settings

    tmp = Path(tempfile.mkdtemp(prefix="ppa-bench-autosave-"))
    settings = Settings(data_dir=tmp, database_url=url, petugas="bench", device_id="bench-desk")
    backend = Backend(settings)
    kasus_id = uuid.uuid4()
    kunci = kunci_draft("korban", kasus_id, None)
    judul = "Data Korban · PPA/2026/0001"
    isi = form_korban()
    waktu: list[float] = []
    try:
        for i in range(warmup + calls):
            isi = ketik(isi, i)
            t = time.perf_counter()
            backend.simpan_draft(kunci, "korban", judul, isi)
            dt = (time.perf_counter() - t) * 1000
            if i >= warmup:
                waktu.append(dt)
        backend.hapus_draft(kunci)
    finally:
        backend.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return waktu


def isi(url: str, cases: int) -> float:
    """Fill the database at `url` with demo cases; returns seconds taken."""
    from ppa_tui.domain.clock import SystemClock
    from ppa_tui.store.database import Database
    from ppa_tui.store.demo import isi_demo

    database = Database.open(url, "bench-demo")
    try:
        t = time.perf_counter()
        isi_demo(database, cases, SystemClock())
        return time.perf_counter() - t
    finally:
        database.close()


@contextmanager
def sqlite_url() -> Iterator[str]:
    tmp = Path(tempfile.mkdtemp(prefix="ppa-bench-autosave-db-"))
    try:
        yield f"sqlite:///{tmp / 'ppa.db'}"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def pg_url() -> Iterator[str]:
    from sqlalchemy import create_engine, text

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, connect_args={"connect_timeout": 3})
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def pg_reachable() -> str | None:
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__}: {str(exc).splitlines()[0][:80]}"
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--calls", type=int, default=500, help="measured calls (default 500)")
    ap.add_argument("--warmup", type=int, default=50, help="unmeasured calls first (default 50)")
    ap.add_argument("--cases", type=int, default=20_000,
                    help="demo cases in the pre-filled database (default 20000)")
    ap.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    args = ap.parse_args()

    baris: list[tuple[str, list[float] | str, bool]] = []
    catatan: list[str] = []

    def jalankan(nama: str, url_cm: Callable[[], AbstractContextManager[str]], wajib: bool) -> None:
        with url_cm() as url:
            baris.append((f"{nama}, empty database", ukur(url, args.calls, args.warmup), wajib))
        with url_cm() as url:
            detik = isi(url, args.cases)
            catatan.append(f"{nama}: isi_demo({args.cases:,} cases) took {detik:.1f} s")
            baris.append((f"{nama}, {args.cases:,} demo cases", ukur(url, args.calls, args.warmup),
                          wajib))

    jalankan("SQLite", sqlite_url, True)
    if not args.no_pg:
        if (alasan := pg_reachable()) is None:
            jalankan("PostgreSQL (info)", pg_url, False)
        else:
            baris.append(("PostgreSQL (info)", f"not reachable: {alasan}", False))

    print(f"Autosave: Backend.simpan_draft, one of 15 fields changed per call, "
          f"{args.calls} calls after {args.warmup} warm-up")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU")
    print()
    print(f"{'database':<36}{'median':>9}{'p95':>9}{'max':>9}   target")
    gagal = False
    for nama, hasil, wajib in baris:
        if isinstance(hasil, str):
            print(f"{nama:<36}{hasil}")
            continue
        med = statistics.median(hasil)
        p95 = statistics.quantiles(hasil, n=20)[-1]
        if wajib:
            ok = med < TARGET_MS
            gagal |= not ok
            nilai = f"< {TARGET_MS:g} ms median  {'OK' if ok else 'OVER TARGET'}"
        else:
            nilai = "(informational)"
        print(f"{nama:<36}{med:7.2f}ms{p95:7.2f}ms{max(hasil):7.2f}ms   {nilai}")
    print()
    for c in catatan:
        print(c)
    sys.exit(1 if gagal else 0)


if __name__ == "__main__":
    main()
