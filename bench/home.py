"""Home with data on screen: process start → the first frame showing case rows, in a
real 80x24 pseudo-terminal, against a bare Textual app showing a 200-row DataTable.

    .venv/bin/python bench/home.py                       # 5 interleaved runs of each
    .venv/bin/python bench/home.py --runs 7 --sizes 0,100000 --no-pg

Each run spawns the app in a fresh pseudo-terminal (80x24, `TERM=xterm-256color`) and
reads what it writes until the screen shows its data: for `ppa` a register number
(`PPA/`), or "0 kasus aktif" on the empty database; for the bare app its first row.
Since issue 12 `ppa` opens at its login screen ("Masuk"), so a ppa run is two
stretches added together: spawn → the login screen ("Kata sandi" on screen), then,
after the bench has typed the name and password (tests/pty/terminal.py `masuk`,
waiting for each echo), Enter → the first frame with rows. The officer's own typing
is left out: the figure is what she waits for. Each stretch is timed from the
spawn or the Enter to the read that completed the text, so it holds interpreter
start, imports, settings, the login (its database open and account check), the
database read and every frame up to the one with rows, encoded to escape sequences
as on a real terminal. The bench databases get the bench account
(tests/pty/terminal.py `akun_uji`, plain: no encryption, see bench/masuk.py) when
they have none.

Scenarios, interleaved run by run so machine noise hits each alike:

* bare      -- Header, a DataTable with 200 rows (added on mount), Footer;
* ppa N     -- the real `ppa --db URL` command on a SQLite database with N demo cases
               (made once with `ppa demo` and cached under /tmp/ppa-bench: 1,000,000
               takes several minutes the first time);
* ppa pg    -- the same on PostgreSQL with 100,000 cases in a temporary schema, filled
               at the start and dropped at the end (informational when PostgreSQL is
               unreachable: `PPA_BENCH_PG_URL`, else `PPA_TEST_PG_URL`, else
               postgresql+psycopg://postgres@127.0.0.1:5432/test);
* first     -- `ppa` on a path with no database yet: spawn → its first-account screen
               (nothing is created before the account is typed; no target);
* python    -- `python -c pass`, the floor.

Targets: ppa ≤ 1.5 × bare at every SQLite size, ≤ 2 × bare on PostgreSQL (medians).
The bench databases get the two indexes of the final schema (`pihak(kasus_id, peran)`
and the partial index on open steps) when they lack them, and no statistics: the
first home read must be fast without `ANALYZE`.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import platform
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CACHE = Path("/tmp/ppa-bench")
TARGET_SQLITE = 1.5
TARGET_PG = 2.0
BARE_ROWS = 200
PG_CASES = 100_000

BARE_APP = f'''
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Nomor", "Korban", "Langkah", "Sisa")
        table.add_rows((f"BARIS/{{i:04d}}", "Nama Korban", "1/9 Klien mengadukan", "2 jam")
                       for i in range({BARE_ROWS}))

Bare().run()
'''


# ---- one run in a pseudo-terminal ----------------------------------------------------


def in_pty(cmd: list[str], want: bytes, env: dict[str, str],
           timeout: float = 120.0) -> tuple[float, float]:
    """Seconds from spawning `cmd` in an 80x24 pty until its output contains `want`,
    and the CPU seconds the process had used when it was killed right after."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env,
                            start_new_session=True, close_fds=True)
    os.close(slave)
    out = bytearray()
    try:
        while True:
            left = timeout - (time.perf_counter() - start)
            if left <= 0 or not select.select([master], [], [], left)[0]:
                raise RuntimeError(f"{cmd[-1]!r}: no {want!r} after {timeout:.0f}s")
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # EIO: the child closed the terminal
                chunk = b""
            if not chunk:
                tail = out[-600:].decode("utf-8", "replace")
                raise RuntimeError(f"{cmd!r} exited before showing {want!r}:\n{tail}")
            seen = len(out)
            out += chunk
            if out.find(want, max(0, seen - len(want))) >= 0:
                wall = time.perf_counter() - start
                break
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, proc.returncode, usage = os.wait4(proc.pid, 0)
        os.close(master)
    return wall, usage.ru_utime + usage.ru_stime


def in_pty_masuk(cmd: list[str], want: bytes, env: dict[str, str],
                 timeout: float = 120.0, jeda: float = 1.0) -> tuple[float, float, float, float]:
    """`ppa` behind its login: (spawn → login screen, Enter → `want` on screen, their
    sum, CPU seconds at the kill), the sum being what the officer waits for. The
    name and password are typed in between, each key's echo awaited (not counted)."""
    from tests.pty.terminal import Terminal, masuk

    start = time.perf_counter()
    with Terminal(cmd, env) as term:
        layar_masuk = term.tunggu("Kata sandi", sejak=0, batas=timeout) - start
        enter = masuk(term, batas=timeout, jeda=jeda)  # jeda: her typing, not timed
        tanda = term.tanda()
        baris = term.tunggu(want.decode(), sejak=tanda, batas=timeout) - enter
    usage = term.rusage
    cpu = usage.ru_utime + usage.ru_stime if usage is not None else float("nan")
    return layar_masuk, baris, layar_masuk + baris, cpu


# ---- databases ---------------------------------------------------------------------------


def final_indexes(url: str) -> None:
    """Add the two indexes of schema revision 0002 when the database lacks them, so
    the figures reflect the final schema whatever revision the file is at."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            sql = [r[0] or "" for r in conn.execute(text(
                "SELECT sql FROM sqlite_master WHERE type = 'index'"))]
        else:
            sql = [r[0] for r in conn.execute(text(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"))]
        norm = [" ".join(s.lower().replace('"', "").split()) for s in sql]
        if not any("pihak" in s and "(kasus_id, peran)" in s for s in norm):
            conn.execute(text("CREATE INDEX ix_pihak_kasus_id_peran ON pihak (kasus_id, peran)"))
        if not any("langkah_kasus" in s and "finished_at is null" in s for s in norm):
            conn.execute(text(
                "CREATE INDEX ix_langkah_kasus_terbuka ON langkah_kasus (deadline_at) "
                "WHERE finished_at IS NULL AND deleted_at IS NULL"))
    engine.dispose()


def ppa_cmd(env: dict[str, str], *argv: str) -> None:
    ppa = str(Path(sys.executable).with_name("ppa"))
    subprocess.run([ppa, *argv], env=env, check=True, capture_output=True)


def sqlite_db(n: int, env: dict[str, str]) -> str:
    """The cached demo database with `n` cases, made on first use."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{n}.db"
    if not path.exists():
        tmp = CACHE / f"demo-{n}.tmp.db"
        for p in CACHE.glob(f"demo-{n}.tmp.db*"):
            p.unlink()
        print(f"making {path} ({n} cases) …", file=sys.stderr, flush=True)
        if n:
            ppa_cmd(env, "--db", f"sqlite:///{tmp}", "demo", "--cases", str(n))
        else:
            ppa_cmd(env, "--db", f"sqlite:///{tmp}", "init")
        tmp.rename(path)
    url = f"sqlite:///{path}"
    final_indexes(url)
    beri_akun(url)
    return url


def beri_akun(url: str) -> None:
    """The bench account (tests/pty/terminal.py `PENGGUNA_UJI`, a Kepala) in a database
    that has no account yet, so `ppa` opens at its login screen and the bench can log in."""
    from tests.pty.terminal import akun_uji

    with tempfile.TemporaryDirectory(prefix="ppa-bench-akun-") as data:
        akun_uji(url, Path(data))


def pg_base_url() -> str:
    return os.environ.get("PPA_BENCH_PG_URL") or os.environ.get(
        "PPA_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def pg_db(n: int) -> tuple[str, str] | None:
    """(url, schema) of a temporary schema filled with `n` demo cases; None when
    PostgreSQL is unreachable."""
    from sqlalchemy import create_engine, text

    from ppa_tui.domain.clock import SystemClock
    from ppa_tui.store.database import Database
    from ppa_tui.store.demo import isi_demo

    base = pg_base_url()
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(base)
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        admin.dispose()
    except Exception as exc:  # noqa: BLE001
        print(f"PostgreSQL unreachable ({type(exc).__name__}): skipped", file=sys.stderr)
        return None
    url = f"{base}?options=-csearch_path%3D{schema}"
    print(f"filling PostgreSQL schema {schema} with {n} cases …", file=sys.stderr, flush=True)
    database = Database.open(url)
    try:
        isi_demo(database, n, SystemClock(), seed=2026)
    finally:
        database.close()
    final_indexes(url)
    beri_akun(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    engine.dispose()
    return url, schema


def drop_pg(schema: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(pg_base_url())
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    admin.dispose()


# ---- main --------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per scenario (default 5)")
    ap.add_argument("--sizes", default="0,100000,1000000",
                    help="SQLite demo sizes, comma-separated (default 0,100000,1000000)")
    ap.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    ap.add_argument("--no-first", action="store_true", help="skip the first-start scenario")
    ap.add_argument("--before", metavar="DIR",
                    help="also run each ppa scenario with ppa_tui imported from DIR (e.g. "
                         "an older tree from `git archive REV ppa_tui | tar -x -C DIR`)")
    args = ap.parse_args()

    python = sys.executable
    ppa = str(Path(python).with_name("ppa"))
    tmp = Path(tempfile.mkdtemp(prefix="ppa-bench-home-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PPA_")}
    env.update(XDG_DATA_HOME=str(tmp / "data"), XDG_CONFIG_HOME=str(tmp / "config"),
               TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8")
    env.pop("TEXTUAL", None)
    # An installed app has its byte-code compiled (pip does it); so must the checkout.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bare_py = tmp / "bare.py"
    bare_py.write_text(BARE_APP, encoding="utf-8")

    env_before = dict(env, PYTHONPATH=str(Path(args.before).resolve())) if args.before else None
    # a tree from before issue 12 has no login screen: its home comes up at once
    before_masuk = bool(args.before) and (
        Path(args.before) / "ppa_tui" / "tui" / "screens" / "masuk.py").exists()

    # scenario -> (command, text that means "rows are on screen", target ratio or None)
    scen: dict[str, tuple[list[str], bytes, float | None]] = {
        "bare": ([python, str(bare_py)], b"BARIS/0000", None),
    }
    for n in (int(x) for x in args.sizes.split(",") if x.strip()):
        url = sqlite_db(n, env)
        scen[f"ppa {n:,}"] = ([ppa, "--db", url], b"PPA/" if n else b"0 kasus aktif",
                              TARGET_SQLITE)
        if env_before:
            scen[f"before {n:,}"] = (scen[f"ppa {n:,}"][0], scen[f"ppa {n:,}"][1], None)
    pg = None if args.no_pg else pg_db(PG_CASES)
    try:
        if pg is not None:
            scen[f"ppa pg {PG_CASES:,}"] = ([ppa, "--db", pg[0]], b"PPA/", TARGET_PG)
            if env_before:
                scen[f"before pg {PG_CASES:,}"] = ([ppa, "--db", pg[0]], b"PPA/", None)
        fresh = iter(range(10**6))
        if not args.no_first:
            scen["first"] = ([ppa, "--db", ""], b"Ulangi sandi", None)
        scen["python"] = ([python, "-c", "pass"], b"", None)

        # ppa runs: (spawn → login screen, Enter → rows) of each run, in ms
        bagian: dict[str, list[tuple[float, float]]] = {name: [] for name in scen}

        def once(name: str) -> tuple[float, float]:
            cmd, want, _ = scen[name]
            if name == "python":
                start = time.perf_counter()
                pid = subprocess.Popen(cmd, env=env).pid
                _, _, usage = os.wait4(pid, 0)
                return time.perf_counter() - start, usage.ru_utime + usage.ru_stime
            if name == "first":
                cmd = [*cmd[:-1], f"sqlite:///{tmp / f'baru-{next(fresh)}.db'}"]
            if name.startswith("ppa") or (name.startswith("before") and before_masuk):
                masuk, baris, wall, dipakai = in_pty_masuk(
                    cmd, want, env_before if name.startswith("before") else env)
                bagian[name].append((masuk * 1000, baris * 1000))
                return wall, dipakai
            return in_pty(cmd, want, env_before if name.startswith("before") else env)

        for name in scen:  # warm-up: byte-code caches, OS file cache, SQLite pages
            once(name)
        for runs in bagian.values():
            runs.clear()
        hasil: dict[str, list[float]] = {name: [] for name in scen}
        cpu: dict[str, list[float]] = {name: [] for name in scen}
        for _ in range(args.runs):
            for name in scen:
                wall, dipakai = once(name)
                hasil[name].append(wall * 1000)
                cpu[name].append(dipakai * 1000)
    finally:
        if pg is not None:
            drop_pg(pg[1])
        shutil.rmtree(tmp, ignore_errors=True)

    import textual

    print(f"Home with rows on screen: spawn → first frame with data (ppa: spawn → login "
          f"screen + Enter → rows), 80x24 pty, median of {args.runs} interleaved runs")
    print(f"Python {platform.python_version()}, Textual {textual.__version__}, "
          f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU")
    print()
    bare = statistics.median(hasil["bare"])
    bare_cpu = statistics.median(cpu["bare"])
    print(f"{'scenario':<22}{'median':>9}{'min':>9}{'max':>9}{'× bare':>8}{'target':>8}"
          f"{'cpu':>11}{'× bare':>8}{'login':>9}{'Enter→':>9}")
    gagal = False
    for name, (_, _, target) in scen.items():
        med = statistics.median(hasil[name])
        ratio = med / bare
        ok = "" if target is None else ("  OK" if ratio <= target else "  OVER")
        gagal |= ok == "  OVER" and "pg" not in name
        tgt = f"≤{target:.1f}×" if target else "—"
        med_cpu = statistics.median(cpu[name])
        dua = ""
        if bagian[name]:
            dua = (f"{statistics.median(b[0] for b in bagian[name]):7.0f}ms"
                   f"{statistics.median(b[1] for b in bagian[name]):7.0f}ms")
        print(f"{name:<22}{med:7.0f}ms{min(hasil[name]):7.0f}ms{max(hasil[name]):7.0f}ms"
              f"{ratio:7.2f}×{tgt:>8}{med_cpu:9.0f}ms{med_cpu / bare_cpu:7.2f}×{dua}{ok}")
    print()
    print(f"bare = Textual Header + {BARE_ROWS}-row DataTable + Footer; first = ppa on a "
          "path with no database yet, spawn → its first-account screen")
    print("ppa: median = spawn → login screen (login) + Enter → rows (Enter→), the typing "
          "in between left out; cpu includes the login's keys")
    print("median/min/max: wall time, the target's measure; cpu: median CPU time (user+sys) "
          "the process had used when killed, steadier on a busy machine")
    sys.exit(1 if gagal else 0)


if __name__ == "__main__":
    main()
