"""Arrows point down, and start-up stays light.

The domain, the store and the backend run without a terminal (outreach sync, the CLI,
tests), so they must not pull in Textual or Typer. The TUI's first frame must not wait
for SQLModel or Alembic: the database opens lazily, after the app is on screen.
Each check runs in a fresh interpreter, so nothing imported by the test run itself
can hide a leak.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import ppa_tui.domain

DOMAIN_MODULES = sorted(
    f"ppa_tui.domain.{m.name}" for m in pkgutil.iter_modules(ppa_tui.domain.__path__)
)


def _loaded_after(imports: list[str], watched: list[str]) -> dict[str, list[str]]:
    """Import `imports` in a fresh interpreter; which of `watched` (or their submodules)
    ended up in sys.modules."""
    code = (
        "import importlib, json, sys\n"
        f"for name in {imports!r}:\n"
        "    importlib.import_module(name)\n"
        f"watched = {watched!r}\n"
        "print(json.dumps({w: sorted(m for m in sys.modules if m == w or m.startswith(w + '.'))"
        " for w in watched}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_domain_modules_are_all_covered() -> None:
    assert {"ppa_tui.domain.models", "ppa_tui.domain.forms", "ppa_tui.domain.kasus",
            "ppa_tui.domain.views", "ppa_tui.domain.clock"} <= set(DOMAIN_MODULES)


def test_domain_store_and_backend_import_no_ui() -> None:
    imports = [*DOMAIN_MODULES, "ppa_tui.store.database", "ppa_tui.backend"]
    loaded = _loaded_after(imports, ["textual", "typer"])
    assert loaded["textual"] == []
    assert loaded["typer"] == []


def test_domain_imports_no_store_backend_tui_or_cli() -> None:
    """Arrows point down: the domain decides, and knows nothing of who calls it."""
    loaded = _loaded_after(DOMAIN_MODULES, ["ppa_tui.store", "ppa_tui.backend",
                                            "ppa_tui.tui", "ppa_tui.cli"])
    assert loaded == {"ppa_tui.store": [], "ppa_tui.backend": [], "ppa_tui.tui": [],
                      "ppa_tui.cli": []}


def test_domain_store_and_backend_really_import() -> None:
    """The check above is meaningful: the modules did load their own heavy deps."""
    loaded = _loaded_after([*DOMAIN_MODULES, "ppa_tui.store.database"], ["sqlmodel"])
    assert "sqlmodel" in loaded["sqlmodel"]


def test_tui_app_import_does_not_load_the_database_stack() -> None:
    loaded = _loaded_after(["ppa_tui.tui.app"], ["sqlmodel", "alembic", "textual"])
    assert loaded["sqlmodel"] == []
    assert loaded["alembic"] == []
    assert "textual" in loaded["textual"]  # sanity: the app module did load


def test_plain_ppa_entry_point_loads_no_typer() -> None:
    """`ppa` with no subcommand opens the TUI; Typer (and pydantic) stay unloaded."""
    loaded = _loaded_after(["ppa_tui.mulai"], ["typer", "click", "pydantic"])
    assert loaded == {"typer": [], "click": [], "pydantic": []}


def test_each_table_module_can_be_imported_first() -> None:
    """`models_akses` first (as `ppa audit periksa` does) must not be a circular import:
    `_loaded_after` fails on the fresh interpreter's ImportError."""
    for modul in ("ppa_tui.domain.models_akses", "ppa_tui.domain.audit",
                  "ppa_tui.domain.pengguna"):
        _loaded_after([modul, "ppa_tui.domain.models"], ["ppa_tui.domain"])
