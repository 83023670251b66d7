"""`ppa cari TEKS [--json]`: the search screen's results on the command line."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from ppa_tui.cli import cli

runner = CliRunner()


def _isi(url: str) -> None:
    from ppa_tui.domain.models import Kasus, Pihak
    from ppa_tui.store.database import Database

    db = Database.open(url, "test-desk")
    with db.session() as s:
        k = Kasus(nomor_register="PPA/2026/0007", tahun=2026, urutan=7, status="aktif",
                  waktu_diterima=datetime(2026, 11, 2, 2, tzinfo=UTC),
                  kejadian_kabkota_kode="19.04")
        s.add(k)
        s.flush()
        s.add(Pihak(kasus_id=k.id, peran="korban", nama="Sofía [Aisyah]", anak=True,
                    telepon="+6281234567890"))
    db.close()


def test_prints_number_status_kabkota_and_names(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ppa.db'}"
    _isi(url)
    hasil = runner.invoke(cli, ["--db", url, "cari", "sofia"])
    assert hasil.exit_code == 0, hasil.output
    assert "PPA/2026/0007  aktif    Kab. Bangka Tengah  Sofía [Aisyah]" in hasil.output
    assert "1 kasus cocok." in hasil.output
    hasil = runner.invoke(cli, ["--db", url, "cari", "0812-3456", "--json"])
    assert json.loads(hasil.output) == [{
        "nomor_register": "PPA/2026/0007", "korban": ["Sofía [Aisyah]"], "anak": True,
        "status": "aktif", "kabkota_kode": "19.04", "kabkota": "Kab. Bangka Tengah",
        "cocok": "telepon korban"}]


def test_nothing_found_short_query_and_bad_database_are_sentences(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ppa.db'}"
    _isi(url)
    hasil = runner.invoke(cli, ["--db", url, "cari", "qxzqxz"])
    assert hasil.exit_code == 0
    assert "Tidak ditemukan" in hasil.output
    hasil = runner.invoke(cli, ["--db", url, "cari", "--json", "qxzqxz"])
    assert json.loads(hasil.output) == []
    hasil = runner.invoke(cli, ["--db", url, "cari", "si"])
    assert hasil.exit_code == 2 and "paling sedikit 3 huruf" in hasil.output
    hasil = runner.invoke(cli, ["--db", "postgresql+psycopg://siti@127.0.0.1:1/ppa", "cari",
                                "aisyah"])
    assert hasil.exit_code == 1
    assert "Pencarian gagal" in hasil.output and "Traceback" not in hasil.output
