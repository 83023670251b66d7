"""How the logged-in account is named on screen: "Rina · Kasi Pelayanan Pengaduan"."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ppa_tui.domain.akses import Akun

NAMA_UNIT = "UPTD PPA Kep. Bangka Belitung"


def peran_pendek(kode: str) -> str:
    """A role's label cut to fit a sub-title: "Kasi Pelayanan Pengaduan", "Operator"."""
    from ppa_tui.domain.akses import aturan

    return aturan().label_peran(kode).split(" Informasi")[0].split("/")[0]


def label_peran(peran: object) -> str:
    """An account's roles, short, in the order of `data/akses.toml`."""
    from ppa_tui.domain.akses import aturan

    return ", ".join(peran_pendek(k) for k in aturan().peran if k in peran)  # type: ignore[operator]


def label_akun(akun: Akun | None) -> str:
    """The account and its first role, for the Header's sub-title and the lock screen."""
    if akun is None:
        return ""
    from ppa_tui.domain.akses import aturan

    kode = next((k for k in aturan().peran if k in akun.peran), None)
    return akun.label if kode is None else f"{akun.label} · {peran_pendek(kode)}"
