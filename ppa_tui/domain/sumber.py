"""Where the data files live: `data/` (SOPs, reference lists) and `screens/` (form
specs) sit at the top of the repository beside `ppa_tui/`; the wheel carries them
inside the package (hatch `force-include`). Installed or in a checkout, one lookup."""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


@cache
def folder(nama: str) -> Traversable:
    """`data` or `screens`: inside the installed package, else beside it."""
    dalam = resources.files("ppa_tui") / nama
    if dalam.is_dir():
        return dalam
    return Path(__file__).resolve().parents[2] / nama
