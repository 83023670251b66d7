"""Nothing typed is lost, checked at the terminal: the real `ppa` in a pseudo-terminal,
typing without ever pausing, killed with SIGKILL.

Each key is written only after the previous one showed on the screen (event driven:
no sleep), so the gaps between keys are far below the 0.5 s autosave pause. Before
the maximum wait, such typing never produced a draft; now one is on disk within about
2 s, so it appears within a bounded number of keys.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.pty.terminal import Terminal, akun_uji, env_terisolasi, masuk, perintah_ppa

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pseudo-terminal")

MAKS_KETIKAN = 190  # the name field holds 200 characters
HURUF = "abcdefgijknoprstuvwxyz"


def _nama_draft(db: Path) -> str | None:
    """The name in the guest's draft, read-only, or None while there is none."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    except sqlite3.OperationalError:
        return None  # not created yet
    try:
        rows = conn.execute("SELECT isi FROM draft WHERE form_id = 'buku_tamu'").fetchall()
    except sqlite3.OperationalError:
        return None  # the schema is not there yet
    finally:
        conn.close()
    for (isi,) in rows:
        nama = json.loads(isi).get("nama")
        if nama:
            return nama
    return None


def test_typing_without_a_pause_leaves_a_draft_when_killed(tmp_path: Path) -> None:
    ppa = perintah_ppa()
    assert ppa.exists(), ppa
    db = tmp_path / "ppa.db"
    env = env_terisolasi(tmp_path, PPA_KURSOR_KEDIP="0", PPA_AUTOSAVE_DETIK="0.5",
                         PPA_PETUGAS="Rina")
    acak = random.Random(9)
    diketik = ""
    akun_uji(f"sqlite:///{db}", tmp_path / "data")
    with Terminal([str(ppa), "--db", f"sqlite:///{db}"], env) as term:
        masuk(term)
        term.tunggu("kasus aktif", sejak=0, batas=60)  # home has loaded the database
        term.tulis("t")
        term.tunggu("Jenis identitas", batas=30)  # the guest form is open
        term.kuras()
        for _ in range(MAKS_KETIKAN):
            tanda = term.tanda()
            diketik += acak.choice(HURUF)
            term.tulis(diketik[-1])
            term.tunggu(diketik[-6:], sejak=tanda, batas=30)  # echoed on the screen
            if _nama_draft(db):
                break
        term.bunuh()  # SIGKILL: no Esc, no Ctrl+S, no clean shutdown
    nama = _nama_draft(db)
    assert nama, f"tidak ada draf setelah {len(diketik)} ketikan tanpa jeda"
    assert diketik.startswith(nama)
