"""Masked views (issue 12): what an officer not assigned to a case sees of it in
lists, search results and the board: the korban's initials, never a name, NIK,
address or phone. Applied to the read models after they are read, so every list
masks the same way and no query needs to know who is asking."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TypeVar

from ppa_tui.domain.akses import inisial

T = TypeVar("T")
_TANDA = re.compile(r"\s*\+\d+$")  # "Siti Aisyah +2": the count of the other korban


def samarkan_nama(teks: str) -> str:
    """"Siti Aisyah, Bunga +2" -> "S. A., B. +2"; the list's placeholders stay."""
    if not teks or teks.startswith("("):
        return teks
    tambah = _TANDA.search(teks)
    inti = teks[: tambah.start()] if tambah else teks
    bagian = [inisial(n) or "—" for n in inti.split(",")]
    return ", ".join(bagian) + (tambah.group(0) if tambah else "")


def samarkan_cocok(cocok: str) -> str:
    """What a search matched, without the matched text: "korban: S. A.", "NIK korban",
    "kronologi"."""
    bagian = []
    for b in cocok.split("; "):
        label, _, isi = b.partition(": ")
        if not isi:
            bagian.append(b)
        elif label == "kronologi":
            bagian.append("kronologi")
        else:
            bagian.append(f"{label}: {samarkan_nama(isi)}")
    return "; ".join(bagian)


def samarkan(baris: Iterable[T], lihat: Callable[[uuid.UUID], bool],
             kasus_dari: Callable[[T], uuid.UUID | None], **ubah: Callable[[T], object]
             ) -> list[T]:
    """Each row whose case `lihat` refuses, with `ubah`'s fields replaced."""
    hasil = []
    for b in baris:
        kid = kasus_dari(b)
        if kid is not None and not lihat(kid):
            b = replace(b, **{k: f(b) for k, f in ubah.items()})  # type: ignore[type-var]
        hasil.append(b)
    return hasil
