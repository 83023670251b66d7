"""Private files: the folders the app keeps data in are 0700, the files it writes 0600.

Every victim's record lives in these files, and a laptop at the front desk has other
accounts on it. The usual umask (022) would leave them readable by all, so modes are
set explicitly, whatever the umask, and existing folders are tightened when opened.
"""

from __future__ import annotations

import os
from pathlib import Path

FOLDER = 0o700
BERKAS = 0o600


def folder_pribadi(path: Path) -> Path:
    """Create `path` (and missing parents) and make `path` itself 0700.

    Parents are left as they are: they belong to the user (e.g. ~/.local/share)."""
    path.mkdir(parents=True, exist_ok=True, mode=FOLDER)
    if (path.stat().st_mode & 0o777) != FOLDER:
        path.chmod(FOLDER)
    return path


def buka_pribadi(path: Path, mode: str = "w", encoding: str | None = "utf-8"):  # noqa: ANN201
    """Open `path` for writing ("w", "a", "wb", "ab"), created 0600 and kept 0600.

    The one way the app writes a file of its own (log, device id, exports)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags, BERKAS)
    try:
        os.fchmod(fd, BERKAS)  # an existing file keeps its old mode otherwise
        return os.fdopen(fd, mode, encoding=None if "b" in mode else encoding)
    except BaseException:
        os.close(fd)
        raise


def tulis_pribadi(path: Path, teks: str) -> None:
    """Write `teks` to `path`, readable by this user only."""
    with buka_pribadi(path) as f:
        f.write(teks)
