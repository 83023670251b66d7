"""Keystroke latency: from writing a key to a pseudo-terminal to seeing it on screen.

    .venv/bin/python bench/keystroke.py
    .venv/bin/python bench/keystroke.py --runs 7 --keys 40

Two programs, each started fresh in an 80x24 pseudo-terminal (tests/pty/terminal.py),
interleaved run by run so that machine noise hits both alike:

- **bare**: a Textual app with one focused `Input` (this file, `--driver bare`);
- **ppa**: the real `ppa` command on a SQLite database made beforehand with `ppa init`
  and given the bench account (tests/pty/terminal.py `akun_uji`); the bench logs in at
  the login screen (`masuk`), then `t` opens the guest form, whose first field (Nama)
  has the focus. The login is not timed: only the keys in the form are.

When the program is ready (its marker text is on screen and it has been quiet for a
moment), keys are written one at a time; each is timed from `os.write` to the
moment the typed text (its last six characters) arrives on the terminal; the next key
follows after a short quiet gap (`--jeda`, 0.1 s: a fast typist), so a key never waits
for Textual's frame limit (60 fps) because of the key before it. The *first
key* in a form is reported apart from the *later keys* (median of keys 2..N of the
run). Reported: the median over runs of each, with the ratio to bare and its target
(first key <= 2x bare, later keys <= 1.5x bare).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_PERTAMA = 2.0
TARGET_BERIKUT = 1.5
HURUF = "abcdefgijknoprstuvwxyz"


def bare() -> None:
    """The baseline: one Input, focused, nothing else."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input, Label

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Label("Nama siap")
            yield Input(id="nama")

        def on_mount(self) -> None:
            masukan = self.query_one(Input)
            masukan.cursor_blink = False
            masukan.focus()

    Bare().run()


def satu_run(nama: str, tmp: Path, keys: int, seed: int,
             jeda: float) -> tuple[float, list[float]]:
    """Milliseconds of the first key and of each later key in one fresh process."""
    from tests.pty.terminal import Terminal, env_terisolasi, masuk, perintah_ppa

    env = env_terisolasi(tmp, PPA_KURSOR_KEDIP="0", PPA_PETUGAS="bench")
    if nama == "bare":
        argv = [sys.executable, str(Path(__file__).resolve()), "--driver", "bare"]
    else:  # a fresh copy of the initialised database: no draft from the run before
        db = tmp / f"run-{seed}.db"
        for akhiran in ("", "-wal"):
            if (asal := tmp / f"ppa.db{akhiran}").exists():
                shutil.copyfile(asal, Path(f"{db}{akhiran}"))
        argv = [str(perintah_ppa()), "--db", f"sqlite:///{db}"]
    acak = random.Random(seed)
    with Terminal(argv, env) as term:
        if nama == "bare":
            term.tunggu("Nama siap", sejak=0, batas=60)
        else:
            masuk(term)  # the login screen first (issue 12); not timed
            term.tunggu("kasus aktif", batas=60)
            term.kuras(0.3)
            term.tulis("t")
            term.tunggu("Jenis identitas", batas=60)
        term.kuras(0.3)  # ready and quiet: nothing else is being drawn
        diketik = "Z"  # a letter no label on either screen starts a word with
        waktu: list[float] = []
        for i in range(keys):
            if i:
                diketik += acak.choice(HURUF)
            tanda = term.tanda()
            t0 = term.tulis(diketik[-1])
            t1 = term.tunggu(diketik[-6:], sejak=tanda, batas=30)
            waktu.append((t1 - t0) * 1000)
            term.kuras(jeda)  # a typist's pause: no key waits for the previous frame
    return waktu[0], waktu[1:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="runs of each program (default 5)")
    ap.add_argument("--keys", type=int, default=30, help="keys typed per run (default 30)")
    ap.add_argument("--jeda", type=float, default=0.1,
                    help="seconds of quiet after each echo, as between a typist's keys "
                         "(default 0.1; 0 types back to back and measures the frame rate)")
    ap.add_argument("--driver", choices=["bare"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.driver == "bare":
        bare()
        return

    tmp = Path(tempfile.mkdtemp(prefix="ppa-bench-keystroke-"))
    try:
        from tests.pty.terminal import akun_uji, env_terisolasi, perintah_ppa

        url = f"sqlite:///{tmp / 'ppa.db'}"
        subprocess.run([str(perintah_ppa()), "--db", url, "init"],
                       env=env_terisolasi(tmp), check=True, capture_output=True)
        akun_uji(url, tmp / "data")  # so `ppa` opens at its login screen
        pertama: dict[str, list[float]] = {"bare": [], "ppa": []}
        berikut: dict[str, list[float]] = {"bare": [], "ppa": []}
        for run in range(args.runs):
            for nama in ("bare", "ppa"):
                satu, lain = satu_run(nama, tmp, args.keys, run, args.jeda)
                pertama[nama].append(satu)
                berikut[nama].append(statistics.median(lain))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"Keystroke -> echo in an 80x24 pseudo-terminal, {args.runs} interleaved runs, "
          f"{args.keys} keys per run, {args.jeda:g} s between an echo and the next key")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU")
    print()
    print(f"{'':<14}{'bare Input':>12}{'ppa form':>12}{'ratio':>8}   target")
    gagal = False
    for judul, data, target in (("first key", pertama, TARGET_PERTAMA),
                                ("later keys", berikut, TARGET_BERIKUT)):
        b, p = statistics.median(data["bare"]), statistics.median(data["ppa"])
        ok = p <= target * b
        gagal |= not ok
        print(f"{judul:<14}{b:10.1f}ms{p:10.1f}ms{p / b:7.2f}x   <= {target:g}x  "
              f"{'OK' if ok else 'OVER TARGET'}")
    print()
    for nama in ("bare", "ppa"):
        print(f"{nama:>5} first key per run: " + " ".join(f"{x:.1f}" for x in pertama[nama])
              + " ms; later keys (median per run): "
              + " ".join(f"{x:.1f}" for x in berikut[nama]) + " ms")
    sys.exit(1 if gagal else 0)


if __name__ == "__main__":
    main()
