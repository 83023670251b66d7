"""Seeded random choices, faster than `random.choices` for the demo's millions of draws."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

from ppa_tui.store.demo.kata import _HUB_ANAK, _HUB_DEWASA, _KABKOTA


class _Acak(random.Random):
    """`random.Random` with cheaper integer draws (one float each): the generator makes
    ~50 draws per case, and the stdlib's exact-but-slow versions were a third of its time.
    Still fully determined by the seed."""

    def choice(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None) -> int:
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))


class _Pilih:
    """Weighted choice over a fixed table, with precomputed cumulative weights."""

    def __init__(self, bobot: dict[str, float] | Sequence[tuple[Any, float]]) -> None:
        items = list(bobot.items()) if isinstance(bobot, dict) else list(bobot)
        self.nilai = [k for k, _ in items]
        self.kumulatif = list(accumulate(w for _, w in items))

    def __call__(self, rng: random.Random) -> Any:
        return self.nilai[bisect(self.kumulatif, rng.random() * self.kumulatif[-1])]


_PILIH_KABKOTA = _Pilih({k: w for k, (w, _) in _KABKOTA.items()})
_PILIH_HUB_ANAK = _Pilih(_HUB_ANAK)
_PILIH_HUB_DEWASA = _Pilih(_HUB_DEWASA)
# korban age bands: skewed to children and young women
_PILIH_UMUR = _Pilih([((0, 5), 7), ((6, 12), 22), ((13, 17), 31), ((18, 24), 13),
                      ((25, 44), 21), ((45, 65), 6)])
_PILIH_JAM = _Pilih([(8, 14), (9, 20), (10, 20), (11, 14), (12, 6), (13, 12), (14, 9), (15, 5)])

