"""Autosave latency: the whole path from a changed field to its draft on disk.

    .venv/bin/python bench/autosave.py
    .venv/bin/python bench/autosave.py --calls 1000 --cases 50000 --no-pg

What the form screen does for a change, per call: the debounce decision (`Debounce`,
here with no pause so every change is due), the check of the changed field and the
rules that read it (`forms.periksa_sebagian`), and the write (`Backend.simpan_draft`,
as the autosave worker runs it). The draft belongs to a real case: a guest who
complained is saved first and the korban form of her case is prepared with
`Backend.siapkan_form`, so the key, spec and context are the ones the desk uses. One
of ~15 korban fields changes per call (the officer typing). Measured with
`perf_counter` after a warm-up (the first call opens the database and makes the row).

Three situations, each on SQLite (WAL, as the app opens it):

- an empty database;
- one pre-filled with `ppa demo`'s cases (default 20,000);
- the pre-filled one while another desk (a second process, its own connection)
  reloads the home screen (`Backend.beranda()`) in a loop: the write competes with
  those reads for the database.

The same on PostgreSQL when reachable (informational; `PPA_BENCH_PG_URL`, else
`PPA_TEST_PG_URL`, else postgres@127.0.0.1:5432/test; each run uses a temporary schema).

Targets on SQLite: the whole path < 5 ms median; while another desk reloads home,
< 5 ms median and < 50 ms p99.
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
TARGET_P99_BERSAMA_MS = 50.0
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


def ketik(isi: dict[str, object], i: int) -> tuple[dict[str, object], str]:
    """The next keystroke: one text field changes (grows, or is retyped when long)."""
    medan = ("alamat", "nama", "catatan", "telepon")[i % 4]
    teks = str(isi.get(medan) or "")
    isi = dict(isi)
    isi[medan] = teks[: len(teks) // 2] if len(teks) > 150 else teks + "abcdefghij"[i % 10]
    return isi, medan


def siapkan_kasus(url: str, tmp: Path) -> tuple[object, object]:
    """A backend on `url` and the korban form of a fresh complaint's case."""
    from ppa_tui.backend import Backend
    from ppa_tui.domain.forms import periksa_form
    from ppa_tui.settings import Settings

    settings = Settings(data_dir=tmp, database_url=url, petugas="bench", device_id="bench-desk")
    backend = Backend(settings)
    tamu = backend.siapkan_form("buku_tamu")
    mentah = {**tamu.mentah, "nama": "Tamu Bench"}
    hasil = backend.simpan(tamu, periksa_form(tamu.spec, mentah, tamu.konteks).nilai)
    return backend, backend.siapkan_form("korban", hasil.kasus_id)


def ukur(url: str, calls: int, warmup: int) -> list[tuple[float, float]]:
    """Per call: (whole path ms, of which debounce + check ms)."""
    from ppa_tui.domain.draft import Debounce
    from ppa_tui.domain.forms import periksa_sebagian

    tmp = Path(tempfile.mkdtemp(prefix="ppa-bench-autosave-"))
    backend, siap = siapkan_kasus(url, tmp)
    debounce = Debounce(0, 2.0)  # every change due now: the write is always measured
    isi = {**siap.mentah, **form_korban()}
    waktu: list[tuple[float, float]] = []
    try:
        for i in range(warmup + calls):
            isi, medan = ketik(isi, i)
            t0 = time.perf_counter()
            if debounce.changed() <= 0:
                periksa_sebagian(siap.spec, isi, siap.konteks, medan)
                t1 = time.perf_counter()
                backend.simpan_draft(siap.kunci, siap.spec.id, siap.judul, isi)
                debounce.written()
            t2 = time.perf_counter()
            if i >= warmup:
                waktu.append(((t2 - t0) * 1000, (t1 - t0) * 1000))
        backend.hapus_draft(siap.kunci)
    finally:
        backend.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return waktu


def pembaca(url: str, mulai: object, berhenti: object, putaran: object) -> None:
    """Another desk: reload home in a loop until told to stop (a child process)."""
    from ppa_tui.backend import Backend
    from ppa_tui.settings import Settings

    tmp = Path(tempfile.mkdtemp(prefix="ppa-bench-pembaca-"))
    backend = Backend(Settings(data_dir=tmp, database_url=url, petugas="desk-b",
                               device_id="bench-desk-b"))
    try:
        backend.beranda()
        mulai.set()  # type: ignore[attr-defined]
        while not berhenti.is_set():  # type: ignore[attr-defined]
            backend.beranda()
            putaran.value += 1  # type: ignore[attr-defined]
    finally:
        backend.close()
        shutil.rmtree(tmp, ignore_errors=True)


def ukur_bersama(url: str, calls: int, warmup: int) -> tuple[list[tuple[float, float]], int]:
    """`ukur` while another process reloads home; also how many reloads it did."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    mulai, berhenti, putaran = ctx.Event(), ctx.Event(), ctx.Value("i", 0)
    proses = ctx.Process(target=pembaca, args=(url, mulai, berhenti, putaran), daemon=True)
    proses.start()
    try:
        if not mulai.wait(120):
            raise RuntimeError("pembaca tidak mulai")
        return ukur(url, calls, warmup), putaran.value
    finally:
        berhenti.set()
        proses.join(60)


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

    baris: list[tuple[str, list[tuple[float, float]] | str, bool, bool]] = []
    catatan: list[str] = []

    def jalankan(nama: str, url_cm: Callable[[], AbstractContextManager[str]], wajib: bool) -> None:
        with url_cm() as url:
            baris.append((f"{nama}, empty", ukur(url, args.calls, args.warmup), wajib, False))
        with url_cm() as url:
            detik = isi(url, args.cases)
            catatan.append(f"{nama}: isi_demo({args.cases:,} cases) took {detik:.1f} s")
            baris.append((f"{nama}, {args.cases:,} cases", ukur(url, args.calls, args.warmup),
                          wajib, False))
            hasil, putaran = ukur_bersama(url, args.calls, args.warmup)
            catatan.append(f"{nama}: the other desk reloaded home {putaran} times meanwhile")
            baris.append((f"{nama}, {args.cases:,}, desk B on home", hasil, wajib, True))

    jalankan("SQLite", sqlite_url, True)
    if not args.no_pg:
        if (alasan := pg_reachable()) is None:
            jalankan("PostgreSQL (info)", pg_url, False)
        else:
            baris.append(("PostgreSQL (info)", f"not reachable: {alasan}", False, False))

    print("Autosave, whole path per change: debounce decision + periksa_sebagian + "
          f"Backend.simpan_draft; {args.calls} calls after {args.warmup} warm-up")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU")
    print()
    print(f"{'database':<34}{'median':>10}{'p95':>10}{'p99':>10}{'max':>11}{'check':>9}   target")
    gagal = False
    for nama, hasil, wajib, bersama in baris:
        if isinstance(hasil, str):
            print(f"{nama:<34}{hasil}")
            continue
        total = [t for t, _ in hasil]
        med, cek = statistics.median(total), statistics.median(c for _, c in hasil)
        q = statistics.quantiles(total, n=100)
        p95, p99 = q[94], q[98]
        if wajib:
            ok = med < TARGET_MS and (not bersama or p99 < TARGET_P99_BERSAMA_MS)
            gagal |= not ok
            target = f"< {TARGET_MS:g} ms median" + (
                f", p99 < {TARGET_P99_BERSAMA_MS:g} ms" if bersama else "")
            nilai = f"{target}  {'OK' if ok else 'OVER TARGET'}"
        else:
            nilai = "(informational)"
        print(f"{nama:<34}{med:8.2f}ms{p95:8.2f}ms{p99:8.2f}ms{max(total):9.1f}ms"
              f"{cek:7.2f}ms   {nilai}")
    print()
    print("check = the debounce decision and periksa_sebagian alone (median), inside the total")
    for c in catatan:
        print(c)
    sys.exit(1 if gagal else 0)


if __name__ == "__main__":
    main()
