"""Settings as the officer's machine gives them: private folders, and a bad value is
one Indonesian sentence naming the key and where it came from, before the app opens."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ppa_tui.settings import Settings


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_folder_and_device_id_are_private(tmp_path: Path, umask_022: None) -> None:
    data = tmp_path / "data" / "ppa-tui"
    settings = Settings.load(data_dir=str(data)).with_device_id()
    assert _mode(data) == 0o700
    assert _mode(data / "device-id") == 0o600
    assert settings.device_id


def test_existing_open_folders_are_tightened(tmp_path: Path, umask_022: None) -> None:
    data = tmp_path / "xdg-data" / "ppa-tui"
    data.mkdir(parents=True, mode=0o755)
    data.chmod(0o755)
    config = tmp_path / "xdg-config" / "ppa-tui"
    config.mkdir(parents=True)
    config.chmod(0o755)
    Settings.load().with_device_id()
    assert _mode(data) == 0o700
    assert _mode(config) == 0o700


def test_the_log_is_private(tmp_path: Path, umask_022: None) -> None:
    from ppa_tui.galat import catat_galat, pasang_log

    data = tmp_path / "d"
    log = pasang_log(data)
    assert log is not None
    log.chmod(0o644)  # a log left by an older version
    pasang_log(data)
    try:
        raise RuntimeError("Siti")
    except RuntimeError as exc:
        catat_galat(exc, "uji")
    assert _mode(data) == 0o700 and _mode(log) == 0o600
    assert "Siti" not in log.read_text(encoding="utf-8")


def test_private_writes_ignore_the_umask(tmp_path: Path, umask_022: None) -> None:
    from ppa_tui.pribadi import buka_pribadi, tulis_pribadi

    tulis_pribadi(tmp_path / "a.txt", "x")
    with buka_pribadi(tmp_path / "b.csv", "wb") as f:
        f.write(b"x")
    assert _mode(tmp_path / "a.txt") == 0o600 and _mode(tmp_path / "b.csv") == 0o600


def test_main_sets_a_private_umask(monkeypatch: pytest.MonkeyPatch, umask_022: None) -> None:
    from ppa_tui import cli

    monkeypatch.setattr("sys.argv", ["ppa", "--version"])
    with pytest.raises(SystemExit):
        cli.main()
    sekarang = os.umask(0o022)
    assert sekarang == 0o077


# ---- a bad setting is one sentence at start ------------------------------------------

def _config(tmp_path: Path, isi: str) -> Path:
    folder = tmp_path / "xdg-config" / "ppa-tui"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    path.write_text(isi, encoding="utf-8")
    return path


@pytest.mark.parametrize(("env", "nilai", "kunci"), [
    ("PPA_ZONA_WAKTU", "Asia/Jakrta", "zona_waktu"),
    ("PPA_AUTOSAVE_DETIK", "cepat", "autosave_detik"),
    ("PPA_AUTOSAVE_DETIK", "nan", "autosave_detik"),
    ("PPA_KURSOR_KEDIP", "mungkin", "kursor_kedip"),
    ("PPA_KUNCI_LAYAR_MENIT", "lima", "kunci_layar_menit"),
    ("PPA_KUNCI_LAYAR_MENIT", "-1", "kunci_layar_menit"),
    ("PPA_PELAKSANA_BELUM_PASTI", "kadang", "pelaksana_belum_pasti"),
    ("PPA_DATABASE_URL", "ppa.db", "database_url"),
    ("PPA_HARI_KERJA", "senen-jumat", "hari_kerja"),
    ("PPA_HARI_KERJA", "jumat-senin", "hari_kerja"),
    ("PPA_HARI_KERJA", "senin,,jumat", "hari_kerja"),
    ("PPA_JAM_KERJA", "8-16", "jam_kerja"),
    ("PPA_JAM_KERJA", "16:00-08:00", "jam_kerja"),
    ("PPA_JAM_KERJA", "08:00-08:00", "jam_kerja"),
    ("PPA_JAM_KERJA", "08:00-24:00", "jam_kerja"),
    ("PPA_JAM_KERJA", "08:60-16:00", "jam_kerja"),
    ("PPA_CUTI_BERSAMA", "/tidak/ada/cuti.toml", "cuti_bersama"),
])
def test_a_bad_environment_variable_names_itself(
    monkeypatch: pytest.MonkeyPatch, env: str, nilai: str, kunci: str,
) -> None:
    from ppa_tui.settings import PengaturanSalah

    monkeypatch.setenv(env, nilai)
    with pytest.raises(PengaturanSalah) as info:
        Settings.load()
    pesan = str(info.value)
    assert f"`{kunci}`" in pesan and env in pesan and "tidak sah" in pesan


@pytest.mark.parametrize(("isi", "kunci", "kata"), [
    ('zona_waktu = "Asia/Jakrta"', "zona_waktu", "Asia/Jakrta"),
    ('autosave_detik = "cepat"', "autosave_detik", "angka detik"),
    ("autosave_detik = true", "autosave_detik", "angka detik"),
    ('kursor_kedip = "mungkin"', "kursor_kedip", "true atau false"),
    ("kunci_layar_menit = 1000", "kunci_layar_menit", "angka menit"),
    ("database_url = 5", "database_url", "teks"),
    ('zona_wktu = "Asia/Jakarta"', "zona_wktu", "tidak dikenal"),
    ("hari_kerja = 5", "hari_kerja", "teks"),
    ('hari_kerja = "senin-minggon"', "hari_kerja", "minggon"),
    ('hari_kerja = ["senin", 2]', "hari_kerja", "senin-jumat"),
    ('jam_kerja = "08:00"', "jam_kerja", "JJ:MM-JJ:MM"),
    ('jam_kerja = "16:00-08:00"', "jam_kerja", "harus sebelum"),
    ('cuti_bersama = ""', "cuti_bersama", "tidak boleh kosong"),
])
def test_a_bad_config_file_value_names_the_key_and_the_file(
    tmp_path: Path, isi: str, kunci: str, kata: str,
) -> None:
    from ppa_tui.settings import PengaturanSalah

    path = _config(tmp_path, isi + "\n")
    with pytest.raises(PengaturanSalah) as info:
        Settings.load()
    pesan = str(info.value)
    assert f"`{kunci}`" in pesan and str(path) in pesan and kata in pesan


def test_a_config_file_that_does_not_parse_is_named_with_its_line(tmp_path: Path) -> None:
    from ppa_tui.settings import PengaturanSalah

    path = _config(tmp_path, 'petugas = "Rina"\nzona_waktu = Asia/Jakarta\n')
    with pytest.raises(PengaturanSalah) as info:
        Settings.load()
    assert str(path) in str(info.value) and "baris 2" in str(info.value)


def test_good_values_from_each_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(tmp_path, 'zona_waktu = "Asia/Makassar"\nautosave_detik = 1\nkursor_kedip = false\n'
                      'data_dir = "~/ppa-data"\nkunci_layar_menit = 0\n')
    monkeypatch.setenv("PPA_KURSOR_KEDIP", "ya")
    s = Settings.load(database_url="sqlite:///x.db")
    assert s.kunci_layar_menit == 0
    assert (s.zona_waktu, s.autosave_detik, s.kursor_kedip) == ("Asia/Makassar", 1.0, True)
    assert s.data_dir == Path("~/ppa-data").expanduser()
    assert s.database_url == "sqlite:///x.db"


def test_the_cli_stops_before_anything_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    from typer.testing import CliRunner

    from ppa_tui import cli

    monkeypatch.setenv("PPA_ZONA_WAKTU", "Asia/Jakrta")
    result = CliRunner().invoke(cli.cli, ["init"])
    assert result.exit_code == 2
    assert "`zona_waktu`" in result.output and "PPA_ZONA_WAKTU" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "xdg-data" / "ppa-tui" / "ppa.db").exists()

    # Plain `ppa` (no Typer) says the same before the TUI would start.
    monkeypatch.setattr("sys.argv", ["ppa"])
    monkeypatch.setattr("ppa_tui.tui.app.build_app", None)  # never reached
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 2
    assert "`zona_waktu`" in capsys.readouterr().err
    monkeypatch.delenv("PPA_ZONA_WAKTU")
    result = CliRunner().invoke(cli.cli, ["--db", "ppa.db", "init"])
    assert result.exit_code == 2 and "opsi --db" in result.output


def test_working_calendar_defaults_and_good_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import time

    s = Settings.load()
    assert s.hari_kerja == frozenset(range(5))  # 0 = Senin
    assert s.jam_kerja == (time(8), time(16))
    assert s.cuti_bersama is None
    assert Settings.load(hari_kerja="senin-sabtu").hari_kerja == frozenset(range(6))
    assert Settings.load(hari_kerja="Senin, Rabu ,jum'at").hari_kerja == frozenset({0, 2, 4})
    assert Settings.load(hari_kerja="senin-kamis,sabtu").hari_kerja == frozenset({0, 1, 2, 3, 5})
    assert Settings.load(jam_kerja=" 7:30 - 15:30 ").jam_kerja == (time(7, 30), time(15, 30))

    cuti = tmp_path / "cuti.toml"
    cuti.write_text("2026 = [2026-06-08]\n", encoding="utf-8")
    _config(tmp_path, f'hari_kerja = ["senin", "selasa"]\ncuti_bersama = "{cuti}"\n')
    monkeypatch.setenv("PPA_JAM_KERJA", "09:00-17:00")
    s = Settings.load()
    assert s.hari_kerja == frozenset({0, 1})
    assert s.jam_kerja == (time(9), time(17))
    assert s.cuti_bersama == cuti


def test_a_bad_cuti_bersama_file_stops_the_start(tmp_path: Path) -> None:
    from ppa_tui.settings import PengaturanSalah

    cuti = tmp_path / "cuti.toml"
    cuti.write_text("2026 = [2027-01-01]\n", encoding="utf-8")
    path = _config(tmp_path, f'cuti_bersama = "{cuti}"\n')
    with pytest.raises(PengaturanSalah) as info:
        Settings.load()
    pesan = str(info.value)
    assert "`cuti_bersama`" in pesan and str(path) in pesan and "tahun lain" in pesan
