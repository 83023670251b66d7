"""The `ppa` command as a person types it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ppa_tui import __version__
from ppa_tui.cli import cli
from ppa_tui.store.migrate import HEAD, current_revision
from ppa_tui.store.engine import make_engine

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


def test_db_option_and_environment_variable_choose_the_database(tmp_path: Path, monkeypatch) -> None:
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
    for url, kata in (("nonsense://x", "Alamat basis data tidak dikenali"),
                      ("postgresql+psycopg://siti@127.0.0.1:1/ppa", "tidak bisa dihubungi")):
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
