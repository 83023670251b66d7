"""The login, then home: the populated home still within the start-up goal once the
password is typed (issue 12), on a plain and on an encrypted SQLite database.

    .venv/bin/python bench/masuk.py                      # 100,000 cases, 7 runs each
    .venv/bin/python bench/masuk.py --cases 20000 --runs 5

Each run spawns the real `ppa --db URL` in a fresh 80x24 pseudo-terminal
(`TERM=xterm-256color`, as bench/home.py) and times two stretches, leaving out the
officer's own typing between them:

- **login screen**: spawn → the login screen on the terminal ("Kata sandi");
- **Enter → rows**: after the bench has typed the name and the password
  (tests/pty/terminal.py `masuk`: each echo awaited) and waited 1 s as an officer's
  typing takes (the app imports the database layer and loads the holidays meanwhile;
  none of it counted), Enter → the first frame with a
  register number (`PPA/`) on it: the login (on the encrypted file the unlock, the
  argon2id key derivation of `BerkasKunci.buka`, slow by design), opening the
  database, checking the account, and home's read and frames;
- **total**: their sum, what the officer waits for.

Scenarios, interleaved run by run after one warm-up round so machine noise hits each
alike:

- **bare**: bench/home.py's baseline, a Textual app with a 200-row `DataTable`,
  spawn → its first row on the terminal;
- **plain N**: bench/home.py's cached `ppa demo` database (/tmp/ppa-bench/demo-N.db)
  with the bench account (`akun_uji`, plain);
- **encrypted N**: the same database encrypted as `ppa enkripsi` does it (a random
  key, the account's key slot in `<db>.kunci`, `store.enkripsi.enkripsi_di_tempat`),
  made once from a copy of the plain one and cached as /tmp/ppa-bench/masuk-N.terkunci.db
  (delete it after a schema change, with demo-N.db).

Each login adds an audit entry to the cached databases: they are not copied per run
(1 GB at 100,000 cases). The unlock is also timed in-process (`BerkasKunci.buka` on a
copy of the key file), so the reader sees how much of the encrypted Enter → rows is
the deliberate key derivation.

Targets: total ≤ 1.5 × bare for both (the start-up goal), and encrypted Enter → rows
≤ 1.5 × plain Enter → rows (medians). Exits non-zero when one is missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from home import BARE_APP, CACHE, in_pty, in_pty_masuk, sqlite_db  # noqa: E402

TARGET_TOTAL = 1.5  # × bare
TARGET_ENKRIPSI = 1.5  # encrypted Enter → rows / plain Enter → rows


def terkunci_db(n: int, polos: Path) -> tuple[Path, float | None]:
    """The cached encrypted twin of `polos` with the bench account's key slot, and the
    seconds the encryption took when it was made now."""
    from ppa_tui.store.enkripsi import enkripsi_di_tempat
    from ppa_tui.store.kunci import BerkasKunci, kunci_acak, path_kunci
    from tests.pty.terminal import PENGGUNA_UJI

    path = CACHE / f"masuk-{n}.terkunci.db"
    if path.exists() and path_kunci(path).exists():
        return path, None
    for p in CACHE.glob(f"masuk-{n}.*"):
        p.unlink()
    sementara = CACHE / f"masuk-{n}.sementara.db"
    print(f"encrypting a copy of {polos} …", file=sys.stderr, flush=True)
    asal, tujuan = sqlite3.connect(polos), sqlite3.connect(sementara)
    try:
        asal.backup(tujuan)  # a consistent copy, whatever WAL a killed run left
    finally:
        tujuan.close()
        asal.close()
    kunci = kunci_acak()
    t0 = time.perf_counter()
    cadangan = enkripsi_di_tempat(sementara, kunci)  # what `ppa enkripsi` runs
    detik = time.perf_counter() - t0
    cadangan.unlink()
    sementara.rename(path)
    nama, sandi = PENGGUNA_UJI
    BerkasKunci.buat(path_kunci(path), kunci).tambah(nama, sandi, kunci)
    return path, detik


def ukur_buka(db: Path, runs: int, tmp: Path) -> list[float]:
    """ms of `BerkasKunci.buka` (argon2id, then AES-GCM) on a copy of the key file."""
    from ppa_tui.store.kunci import BerkasKunci, path_kunci
    from tests.pty.terminal import PENGGUNA_UJI

    salinan = tmp / "salinan.db.kunci"
    shutil.copyfile(path_kunci(db), salinan)
    nama, sandi = PENGGUNA_UJI
    hasil = []
    for i in range(runs + 1):
        t0 = time.perf_counter()
        BerkasKunci.baca(salinan).buka(nama, sandi, datetime.now(UTC))
        if i:  # the first one imports argon2 and the crypto library
            hasil.append((time.perf_counter() - t0) * 1000)
    return hasil


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=int, default=100_000, help="demo cases (100000)")
    ap.add_argument("--runs", type=int, default=7, help="runs per scenario (7)")
    args = ap.parse_args()

    python = sys.executable
    ppa = str(Path(python).with_name("ppa"))
    tmp = Path(tempfile.mkdtemp(prefix="ppa-bench-masuk-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PPA_")}
    env.update(XDG_DATA_HOME=str(tmp / "data"), XDG_CONFIG_HOME=str(tmp / "config"),
               TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8")
    env.pop("TEXTUAL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its byte-code
    bare_py = tmp / "bare.py"
    bare_py.write_text(BARE_APP, encoding="utf-8")

    try:
        t0 = time.perf_counter()
        url = sqlite_db(args.cases, env)
        siap = time.perf_counter() - t0
        polos = Path(url.removeprefix("sqlite:///"))
        terkunci, enkripsi_detik = terkunci_db(args.cases, polos)
        n = f"{args.cases:,}"
        scen = {
            "bare": [python, str(bare_py)],
            f"plain {n}": [ppa, "--db", url],
            f"encrypted {n}": [ppa, "--db", f"sqlite:///{terkunci}"],
        }
        login: dict[str, list[float]] = {s: [] for s in scen}
        baris: dict[str, list[float]] = {s: [] for s in scen}
        total: dict[str, list[float]] = {s: [] for s in scen}
        cpu: dict[str, list[float]] = {s: [] for s in scen}

        def once(name: str, catat: bool) -> None:
            if name == "bare":
                wall, dipakai = in_pty(scen[name], b"BARIS/0000", env)
                a = b = float("nan")
            else:
                a, b, wall, dipakai = in_pty_masuk(scen[name], b"PPA/", env)
            if catat:
                login[name].append(a * 1000)
                baris[name].append(b * 1000)
                total[name].append(wall * 1000)
                cpu[name].append(dipakai * 1000)

        for name in scen:  # warm-up: byte-code caches, OS file cache
            once(name, False)
        for _ in range(args.runs):
            for name in scen:
                once(name, True)
        buka = ukur_buka(terkunci, max(5, args.runs), tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    import textual

    from ppa_tui.domain.kata_sandi import BIAYA_KUNCI

    med = statistics.median
    print(f"Login then home with rows, 80x24 pty, {args.cases:,} demo cases, median of "
          f"{args.runs} interleaved runs")
    print(f"Python {platform.python_version()}, Textual {textual.__version__}, "
          f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU, "
          f"load {os.getloadavg()[0]:.1f}")
    print(f"files: plain {polos.stat().st_size / 1e6:,.0f} MB, encrypted "
          f"{terkunci.stat().st_size / 1e6:,.0f} MB"
          + (f"; encrypted now in {enkripsi_detik:.0f} s" if enkripsi_detik else "")
          + (f"; plain made/checked in {siap:.0f} s" if siap > 5 else ""))
    print()
    bare, bare_cpu = med(total["bare"]), med(cpu["bare"])
    print(f"{'scenario':<20}{'login scr.':>11}{'Enter→rows':>11}{'total':>9}{'min':>8}"
          f"{'max':>8}{'× bare':>8}{'target':>9}{'cpu':>9}{'× bare':>8}")
    gagal = False
    for name in scen:
        t = med(total[name])
        rasio = t / bare
        if name == "bare":
            a = b = "—"
            tgt, ok = "—", ""
        else:
            a, b = f"{med(login[name]):.0f}ms", f"{med(baris[name]):.0f}ms"
            tgt = f"≤{TARGET_TOTAL:g}×"
            ok = "  OK" if rasio <= TARGET_TOTAL else "  OVER"
            gagal |= rasio > TARGET_TOTAL
        print(f"{name:<20}{a:>11}{b:>11}{t:7.0f}ms{min(total[name]):6.0f}ms"
              f"{max(total[name]):6.0f}ms{rasio:7.2f}×{tgt:>9}{med(cpu[name]):7.0f}ms"
              f"{med(cpu[name]) / bare_cpu:7.2f}×{ok}")
    p, e = med(baris[f"plain {n}"]), med(baris[f"encrypted {n}"])
    rasio = e / p
    gagal |= rasio > TARGET_ENKRIPSI
    print()
    print(f"encrypted / plain, Enter → rows: {e:.0f} / {p:.0f} ms = {rasio:.2f}×   "
          f"(target ≤ {TARGET_ENKRIPSI:g}×)  {'OK' if rasio <= TARGET_ENKRIPSI else 'OVER'}")
    print(f"unlock (BerkasKunci.buka in-process, argon2id t={BIAYA_KUNCI.waktu}, "
          f"m={BIAYA_KUNCI.memori_kib // 1024} MiB, p={BIAYA_KUNCI.paralel}): median "
          f"{med(buka):.0f} ms, max {max(buka):.0f} ms: deliberate, inside the encrypted "
          "Enter → rows")
    print()
    print("login scr.: spawn → login screen; Enter→rows: Enter → first frame with a register "
          "number; total: their sum per run (the typing between left out); bare: spawn → "
          "first of 200 rows")
    print("cpu: median CPU time (user+sys) the process had used when killed (ppa: typing "
          "included), steadier than wall time on a busy machine")
    sys.exit(1 if gagal else 0)


if __name__ == "__main__":
    main()
