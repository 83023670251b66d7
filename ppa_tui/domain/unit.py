"""The unit's identity for letterheads and signature blocks, from `data/unit.toml`.

The address is not in the data file: it is the setting `alamat_unit`, which the unit
can correct without editing the installed package."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from ppa_tui.domain.sumber import folder

_KUNCI = ("dinas", "dinas_singkat", "provinsi", "unit_singkat", "unit", "telepon", "faks",
          "email", "tempat")


@dataclass(frozen=True)
class Unit:
    """DP3ACSKB Provinsi Kepulauan Bangka Belitung — UPTD PPA, as the kop surat says."""

    dinas: str
    dinas_singkat: str
    provinsi: str
    unit_singkat: str
    unit: str
    telepon: str
    faks: str
    email: str
    tempat: str
    """Written above signatures: "Pangkalpinang, 23 November 2026"."""


@cache
def data_unit() -> Unit:
    data = tomllib.loads(folder("data").joinpath("unit.toml").read_text(encoding="utf-8"))
    for kunci in _KUNCI:
        if not isinstance(data.get(kunci), str):
            raise ValueError(f"unit.toml: '{kunci}' harus teks")
    return Unit(**{k: data[k] for k in _KUNCI})
