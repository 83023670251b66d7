"""The login screen's question "does this database have an account?" answered with the
bare driver on a plain SQLite file, the same as the full path answers it."""

from __future__ import annotations

from pathlib import Path

from ppa_tui.sesi import _ada_akun_cepat, perlu_akun_pertama, sesi_pertama
from ppa_tui.settings import Settings
from ppa_tui.store.database import Database


def test_the_bare_check_agrees_with_the_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ppa.db'}"
    settings = Settings(data_dir=tmp_path, database_url=url, device_id="uji")
    assert _ada_akun_cepat(settings) is None  # no file yet
    assert perlu_akun_pertama(settings)
    Database.open(url).close()
    assert _ada_akun_cepat(settings) is False
    assert perlu_akun_pertama(settings)
    sesi_pertama(settings, "kepala", "Bu Kepala", {"kepala"}, "Kunci-Meja-2026").close()
    assert _ada_akun_cepat(settings) is True
    assert not perlu_akun_pertama(settings)


def test_a_file_that_is_not_a_database_goes_the_full_way(tmp_path: Path) -> None:
    (tmp_path / "ppa.db").write_bytes(b"bukan basis data" * 100)
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'ppa.db'}")
    assert _ada_akun_cepat(settings) is None
