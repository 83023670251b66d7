"""Start-up time: process start → first frame of `ppa`, against a bare Textual app.

    .venv/bin/python bench/startup.py            # 7 runs of each, alternating
    .venv/bin/python bench/startup.py --runs 15

Each run is a fresh interpreter (this file, in `--driver` mode) that builds the app
and runs it headless with an auto-pilot. The auto-pilot waits until the app's first
real screen (ppa's login screen, "Masuk", since issue 12, or its first-account screen
on a new database; the bare app's only screen) is mounted and has been painted once
(`Screen.wait_for_refresh`), takes `time.perf_counter()` and exits.
`perf_counter` is the system-wide monotonic clock, so the parent compares that
timestamp with the one it took just before starting the process: the figure includes
interpreter start, every import, building the app and the first frame, and nothing
after it (app teardown, interpreter exit).

Scenarios, all measured in the same run and interleaved so machine noise hits each
alike:

* bare      -- a Textual App with a Header, a DataTable and a Footer;
* ppa       -- the real `ppa` command (Typer CLI, settings, build_app) on a database
               made beforehand with `ppa init` and given the bench account
               (tests/pty/terminal.py `akun_uji`), so migrations are not in the path;
               its first screen is the login (the populated home behind the password
               is bench/home.py's and bench/masuk.py's);
* first     -- the same on a database path that does not exist yet: the first start
               on a new laptop, whose first screen asks for the first account
               (nothing is created before it is typed);
* python    -- `python -c pass`, the floor no app can go under.

Target: ppa ≤ 1.5 × bare (median).

Headless Textual composes and lays out every frame exactly as on a terminal but does
not encode it into escape sequences, so absolute numbers are a little lower than on a
real terminal, equally for both apps.
"""

import time

_T0 = time.perf_counter()  # before any other import: the driver's own start

import sys  # noqa: E402

TARGET_RATIO = 1.5


# ---- driver (runs in the child process) ------------------------------------------


def _driver(mode: str, url: str) -> None:
    import asyncio

    frame: list[float] = []

    async def auto_pilot(pilot) -> None:
        app = pilot.app
        # ppa's first real screen: the login, or the first account on a new database
        want = ("LayarMasuk", "AkunPertama", "HomeScreen") if mode == "ppa" else None
        while not (app.screen.is_mounted
                   and (want is None or type(app.screen).__name__ in want)):
            await asyncio.sleep(0)
        await app.screen.wait_for_refresh()
        frame.append(time.perf_counter())
        app.exit()

    if mode == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import DataTable, Footer, Header

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield DataTable()
                yield Footer()

        Bare().run(headless=True, auto_pilot=auto_pilot)
    elif mode == "ppa":
        # The real command, with App.run made headless and driven by the auto-pilot.
        from textual.app import App

        asli = App.run

        def run(self, *args, **kwargs):
            kwargs.update(headless=True, auto_pilot=auto_pilot)
            return asli(self, *args, **kwargs)

        App.run = run
        from ppa_tui.mulai import main

        sys.argv = ["ppa", "--db", url]
        try:
            main()
        except SystemExit as e:
            if e.code not in (0, None):
                raise
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    if not frame:
        raise SystemExit("no frame was painted")
    print(f"FRAME {_T0!r} {frame[0]!r}", flush=True)


# ---- parent -------------------------------------------------------------------------


def _main() -> None:
    import argparse
    import os
    import platform
    import shutil
    import statistics
    import subprocess
    import tempfile
    from pathlib import Path

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="runs per scenario (default 7)")
    args = ap.parse_args()

    python = sys.executable
    me = str(Path(__file__).resolve())
    tmp = Path(tempfile.mkdtemp(prefix="ppa-bench-startup-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PPA_")}
    env.update(XDG_DATA_HOME=str(tmp / "data"), XDG_CONFIG_HOME=str(tmp / "config"))
    db_url = f"sqlite:///{tmp / 'ppa.db'}"

    def ppa(*argv: str) -> None:
        subprocess.run([python, "-c", "from ppa_tui.mulai import main; main()", *argv],
                       env=env, check=True, capture_output=True)

    ppa("--db", db_url, "init")  # migrations done here, not in the measured path
    sys.path.insert(0, str(Path(me).parent.parent))
    from tests.pty.terminal import akun_uji

    akun_uji(db_url, tmp / "akun")  # an account: ppa opens at its login screen

    fresh = iter(range(10**6))

    def once(scenario: str) -> tuple[float, float, float]:
        """(start→frame, in-process part, wall incl. teardown) in ms."""
        if scenario == "python":
            cmd = [python, "-c", "pass"]
        elif scenario == "bare":
            cmd = [python, me, "--driver", "bare", ""]
        elif scenario == "ppa":
            cmd = [python, me, "--driver", "ppa", db_url]
        else:  # first start: a database that does not exist yet
            cmd = [python, me, "--driver", "ppa", f"sqlite:///{tmp / f'baru-{next(fresh)}.db'}"]
        start = time.perf_counter()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if out.returncode != 0:
            raise SystemExit(f"{scenario} failed:\n{out.stdout}\n{out.stderr}")
        if scenario == "python":
            return wall * 1000, 0.0, wall * 1000
        line = next(x for x in out.stdout.splitlines() if x.startswith("FRAME "))
        t0, frame = (float(x) for x in line.split()[1:])
        return (frame - start) * 1000, (frame - t0) * 1000, wall * 1000

    scenarios = ["bare", "ppa", "first", "python"]
    for s in scenarios:  # warm-up: byte-code caches, OS file cache
        once(s)
    hasil: dict[str, list[tuple[float, float, float]]] = {s: [] for s in scenarios}
    for _ in range(args.runs):
        for s in scenarios:
            hasil[s].append(once(s))

    def med(s: str, i: int) -> float:
        return statistics.median(r[i] for r in hasil[s])

    import textual

    print(f"Start-up: process start → first frame painted (headless), "
          f"{args.runs} runs each, alternating")
    print(f"Python {platform.python_version()}, Textual {textual.__version__}, "
          f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU")
    print()
    label = {
        "bare": "bare Textual app (Header+DataTable+Footer)",
        "ppa": "ppa (existing database, login screen)",
        "first": "ppa first start (first-account screen)",
        "python": "python -c pass (interpreter only)",
    }
    print(f"{'scenario':<44}{'median':>9}{'min':>9}{'in-proc':>10}{'wall+exit':>11}")
    for s in ["bare", "ppa", "first", "python"]:
        mn = min(r[0] for r in hasil[s])
        inproc = f"{med(s, 1):8.0f}ms" if s != "python" else f"{'—':>10}"
        print(f"{label[s]:<44}{med(s, 0):7.0f}ms{mn:7.0f}ms{inproc}{med(s, 2):9.0f}ms")
    print()
    rasio = med("ppa", 0) / med("bare", 0)
    rasio_min = min(r[0] for r in hasil["ppa"]) / min(r[0] for r in hasil["bare"])
    ok = "OK" if rasio <= TARGET_RATIO else "OVER TARGET"
    print(f"ratio ppa / bare: {rasio:.2f}× median, {rasio_min:.2f}× min"
          f"   (target ≤ {TARGET_RATIO}× bare)   {ok}")
    print("in-proc: from the driver's first line (after interpreter start); "
          "wall+exit: whole process incl. teardown")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--driver":
        _driver(sys.argv[2], sys.argv[3])
    else:
        _main()
