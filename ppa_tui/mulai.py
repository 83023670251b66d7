"""The `ppa` entry point, kept free of Typer: the plain start opens the TUI directly,
every subcommand and option goes to `ppa_tui.cli`."""

from __future__ import annotations

import os
import sys

from ppa_tui.settings import Settings


def main() -> None:
    """Entry point. Plain `ppa [--db URL]` opens the app without loading Typer (it
    costs 15–40 ms on the path to the first rows); anything else goes to the CLI."""
    os.umask(0o077)  # every file this process creates is private, whatever the shell's umask
    url = _hanya_tui(sys.argv[1:])
    if url is None:
        from ppa_tui.cli import cli

        try:
            cli(standalone_mode=True)
        except Exception as exc:  # noqa: BLE001  (one Indonesian sentence, details logged)
            from ppa_tui.galat import laporkan

            print(laporkan(exc, "cli"), file=sys.stderr)
            sys.exit(1)
        return
    sys.exit(_jalankan_tui(_settings(url)))


def _settings(db: str | None) -> Settings:
    """Settings checked before anything opens: a bad one is one Indonesian sentence
    naming the key and its source, on stderr, and exit code 2."""
    from ppa_tui.galat import pasang_log
    from ppa_tui.settings import PengaturanSalah

    try:
        settings = Settings.load(database_url=db).with_device_id()
    except PengaturanSalah as exc:
        print(exc, file=sys.stderr)
        sys.exit(2)
    pasang_log(settings.data_dir)
    return settings


def _jalankan_tui(settings: Settings) -> int:
    """Run the app; its exit code (1 after an error it could not carry on from)."""
    from ppa_tui.tui.app import build_app

    app = build_app(settings, masuk=True)  # every start opens at the login
    app.run()
    return app.return_code or 0


def _hanya_tui(args: list[str]) -> str | None:
    """The database URL when the arguments only ask to open the app ("" for the
    default); None when Typer must handle them (a subcommand, --help, --version)."""
    if not args:
        return ""
    if len(args) == 2 and args[0] == "--db" and not args[1].startswith("-"):
        return args[1]
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > 5:
        return args[0][5:]
    return None
