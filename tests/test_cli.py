"""The `ppa` command as a person types it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ppa_tui import __version__
from ppa_tui.cli import cli
from ppa_tui.store.engine import make_engine
from ppa_tui.store.migrate import HEAD, current_revision

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"ppa-tui {__version__}"


def test_init_creates_the_default_database_in_the_data_folder(tmp_path: Path) -> None:
    result = runner.invoke(cli, ["init"])  # XDG_DATA_HOME points into tmp_path (conftest)
    assert result.exit_code == 0, result.output
    path = tmp_path / "xdg-data" / "ppa-tui" / "ppa.db"
    assert path.exists()
    engine = make_engine(f"sqlite:///{path}")
    assert current_revision(engine) == HEAD
    engine.dispose()


def test_db_option_and_environment_variable_choose_the_database(
    tmp_path: Path, monkeypatch
) -> None:
    lain = tmp_path / "lain.db"
    assert runner.invoke(cli, ["--db", f"sqlite:///{lain}", "init"]).exit_code == 0
    assert lain.exists()
    env = tmp_path / "env.db"
    monkeypatch.setenv("PPA_DATABASE_URL", f"sqlite:///{env}")
    assert runner.invoke(cli, ["init"]).exit_code == 0
    assert env.exists()


def test_unreachable_database_is_a_message_not_a_traceback() -> None:
    result = runner.invoke(cli, ["--db", "nonsense://x", "init"])
    assert result.exit_code == 1
    assert "Gagal membuka basis data" in result.output
    assert "Traceback" not in result.output


def test_database_errors_are_indonesian_sentences() -> None:
    for url, kata in (
        ("nonsense://x", "Alamat basis data tidak dikenali"),
        ("postgresql+psycopg://siti@127.0.0.1:1/ppa", "tidak bisa dihubungi"),
    ):
        result = runner.invoke(cli, ["--db", url, "init"])
        assert result.exit_code == 1, result.output
        assert kata in result.output
        for inggris in ("sqlalche.me", "Error", "connection", "Can't", "Could not", "siti"):
            assert inggris not in result.output, result.output


def test_plain_ppa_opens_the_app_without_typer() -> None:
    from ppa_tui.cli import _hanya_tui

    assert _hanya_tui([]) == ""
    assert _hanya_tui(["--db", "sqlite:///x.db"]) == "sqlite:///x.db"
    assert _hanya_tui(["--db=sqlite:///x.db"]) == "sqlite:///x.db"
    for args in (["init"], ["--help"], ["--version"], ["--db", "u", "demo"], ["--db"]):
        assert _hanya_tui(args) is None, args


def test_help_is_indonesian() -> None:
    for args in (["--help"], ["init", "--help"], ["demo", "--help"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        out = result.output
        assert "Pemakaian: " in out and "[OPSI]" in out
        assert "Tampilkan bantuan ini lalu keluar." in out
        for inggris in ("Usage", "Options", "Commands", "Show this message", "[default", "<bool>"):
            assert inggris not in out, (args, inggris)
    out = runner.invoke(cli, ["--help"]).output
    assert "Perintah" in out and "Alamat basis data" in out


def test_cli_errors_are_as_indonesian_as_typer_allows() -> None:
    cases = {
        ("--bogus",): "Opsi tidak dikenal: --bogus",
        ("ini",): "Perintah 'ini' tidak ada. Maksudnya 'init'?",
        ("init", "lebih"): "Ada argumen yang tidak dikenal: lebih",
        ("--db",): "Opsi '--db' perlu diberi nilai.",
        ("demo", "--cases", "x"): "Nilai untuk '--cases' tidak sah: harus bilangan bulat.",
        ("demo", "--cases", "0"): "Nilai untuk '--cases' tidak sah: paling kecil 1.",
    }
    for args, pesan in cases.items():
        result = runner.invoke(cli, list(args))
        assert result.exit_code == 2, (args, result.output)
        teks = " ".join(result.output.replace("│", " ").split())
        assert pesan in teks, (args, result.output)
        for inggris in ("Error", "Usage", "Try ", "No such", "Invalid value", "requires"):
            assert inggris not in result.output, (args, result.output)
