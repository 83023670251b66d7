"""A real pseudo-terminal for end-to-end checks: start a command at 80x24, write keys,
and wait, event by event, until text appears on its screen.

Standard library only (`pty`, `select`). Waiting is driven by what the program
writes; the timeouts are a safety net that turns a hang into a failure, never a
measure of anything. Used by tests/pty and by bench/keystroke.py.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Sequence
from pathlib import Path

# CSI (ESC [ … final), OSC (ESC ] … BEL/ST), DCS/APC (ESC P/_ … ST), and two-byte ESC x.
_ESC = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    rb"|\x1b[P_^][^\x1b]*\x1b\\"
    rb"|\x1b[@-Z\\-_]"
)


def polos(data: bytes) -> str:
    """The printable text in terminal output, escape sequences removed."""
    return _ESC.sub(b"", data).decode("utf-8", errors="ignore")


def env_terisolasi(tmp: Path, **extra: str) -> dict[str, str]:
    """An environment whose config, data and cache folders are under `tmp`."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp / "home"),
        "XDG_DATA_HOME": str(tmp / "xdg-data"),
        "XDG_CONFIG_HOME": str(tmp / "xdg-config"),
        "XDG_CACHE_HOME": str(tmp / "xdg-cache"),
        "XDG_STATE_HOME": str(tmp / "xdg-state"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "COLORTERM": "truecolor",
    }
    env.update(extra)
    return env


class Terminal:
    """One program running in a pseudo-terminal of `cols` x `rows`."""

    def __init__(self, argv: Sequence[str], env: dict[str, str], cols: int = 80,
                 rows: int = 24) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # child: size the terminal before the program can ask for it
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.execve(argv[0], list(argv), env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.keluaran = bytearray()
        self.selesai = False
        self.rusage: os.struct_rusage | None = None
        """The program's resource use (CPU time…), once `bunuh` has reaped it."""

    def _baca(self, batas: float) -> float | None:
        """Read what is available within `batas` seconds; the arrival time, or None."""
        siap, _, _ = select.select([self.fd], [], [], batas)
        if not siap:
            return None
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the program has gone
            data = b""
        t = time.perf_counter()
        if not data:
            self.selesai = True
            return None
        self.keluaran += data
        return t

    def tanda(self) -> int:
        """A mark in the output: later waits look only at what comes after it."""
        return len(self.keluaran)

    def layar_sejak(self, tanda: int = 0) -> str:
        return polos(bytes(self.keluaran[tanda:]))

    def tunggu(self, teks: str, sejak: int | None = None, batas: float = 30.0) -> float:
        """Read until `teks` appears after `sejak`; returns when it arrived
        (`perf_counter`). Raises AssertionError when the program ends or `batas`
        seconds pass without it (a hang, not a slow machine)."""
        mulai = self.tanda() if sejak is None else sejak
        if teks in self.layar_sejak(mulai):
            return time.perf_counter()
        akhir = time.monotonic() + batas
        while not self.selesai:
            sisa = akhir - time.monotonic()
            if sisa <= 0:
                break
            t = self._baca(sisa)
            if t is not None and teks in self.layar_sejak(mulai):
                return t
        ekor = self.layar_sejak(mulai)[-400:]
        raise AssertionError(f"{teks!r} tidak muncul di terminal; terakhir: {ekor!r}")

    def tulis(self, data: str | bytes) -> float:
        """Write keys; returns when they were written (`perf_counter`)."""
        raw = data.encode() if isinstance(data, str) else data
        t = time.perf_counter()
        os.write(self.fd, raw)
        return t

    def kuras(self, batas: float = 0.05) -> None:
        """Read whatever is pending (a quiet moment ends it)."""
        while not self.selesai and self._baca(batas) is not None:
            pass

    def bunuh(self, sinyal: int = signal.SIGKILL) -> None:
        """Kill the program (as the laptop dying would) and reap it."""
        try:
            os.kill(self.pid, sinyal)
        except ProcessLookupError:
            pass
        while not self.selesai and self._baca(1.0) is not None:
            pass  # drain, so the child is not blocked writing
        try:
            _, _, self.rusage = os.wait4(self.pid, 0)
        except ChildProcessError:
            pass
        try:
            os.close(self.fd)
        except OSError:
            pass

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.bunuh()


def perintah_ppa() -> Path:
    """The `ppa` console script of the interpreter running this code (the venv's)."""
    return Path(sys.executable).parent / "ppa"


PENGGUNA_UJI = ("rina", "Sandi-Meja-2026")
"""The account `akun_uji` makes: what a pty test or a bench types at the login."""


def akun_uji(url: str, data_dir: Path) -> None:
    """A plain SQLite database at `url` with one account (`PENGGUNA_UJI`, Kepala), so
    `ppa` opens at its login screen instead of the first-account screen."""
    from ppa_tui.sesi import perlu_akun_pertama, sesi_pertama
    from ppa_tui.settings import Settings
    from ppa_tui.store.database import Database

    settings = Settings(data_dir=data_dir, database_url=url, device_id="uji")
    Database.open(url).close()
    if perlu_akun_pertama(settings):
        nama, sandi = PENGGUNA_UJI
        sesi_pertama(settings, nama, "Rina", {"kepala"}, sandi, enkripsi=False).close()


def masuk(term: Terminal, batas: float = 60.0, nama: str | None = None,
          sandi: str | None = None, jeda: float = 0.0) -> float:
    """Log in at `ppa`'s login screen (as `PENGGUNA_UJI` unless told); the moment
    Enter was written. `jeda` (benches only): seconds before Enter, as an officer's
    typing takes, during which the app prepares the login (tests never wait)."""
    nama = PENGGUNA_UJI[0] if nama is None else nama
    sandi = PENGGUNA_UJI[1] if sandi is None else sandi
    term.tunggu("Kata sandi", sejak=0, batas=batas)
    term.tulis(nama)
    term.tunggu(nama, batas=batas)
    tanda = term.tanda()
    term.tulis("\t")  # keys written in one burst with the Tab land in the old field
    term.tunggu(nama, sejak=tanda, batas=batas)  # redrawn: the focus has moved
    for huruf in sandi:  # one key at a time: a redraw may draw only the new bullets
        tanda = term.tanda()
        term.tulis(huruf)
        term.tunggu("•", sejak=tanda, batas=batas)
    if jeda > 0:
        time.sleep(jeda)
    return term.tulis("\r")
