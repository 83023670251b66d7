"""The PDF layer draws; it never loads the terminal UI (the CLI and later a sync
service print without a screen)."""

from __future__ import annotations

import json
import subprocess
import sys


def test_documents_import_no_textual() -> None:
    code = (
        "import json, sys\n"
        "import ppa_tui.documents.cetak, ppa_tui.documents.tata, ppa_tui.documents.surat\n"
        "import ppa_tui.documents.formulir, ppa_tui.documents.laporan\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual' "
        "or m.startswith('ppa_tui.tui'))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def test_settings_stay_light() -> None:
    """`settings.py` checks `pola_nomor_surat` on the path to the first frame."""
    code = ("import json, sys\nimport ppa_tui.settings\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('sqlmodel', 'sqlalchemy', 'fpdf', 'babel'))))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []
