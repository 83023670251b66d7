"""Drafts: what the officer has typed but not saved, written as she types.

Stored in the database (not a side file) so it shares the database's durability and,
later, its encryption. Values are the raw widget values (strings, lists, booleans),
exactly what the form needs to show every field as it was.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from sqlmodel import Session, col, delete, select

from ppa_tui.domain.models import Draft, utcnow


class Debounce:
    """When to write the draft: `jeda` seconds after the last change, but never later
    than `maks` seconds after the first unwritten one, so fast typing without a pause
    still reaches the disk. Pure timing (the clock is injected): the screen asks it,
    the tests step its clock."""

    def __init__(
        self, jeda: float, maks: float = 2.0, now: Callable[[], float] = time.monotonic
    ) -> None:
        self.jeda = jeda
        self.maks = max(maks, jeda)
        self._now = now
        self._pertama: float | None = None  # first change not yet written
        self._terakhir = 0.0

    @property
    def tertunda(self) -> bool:
        """Whether a change waits to be written."""
        return self._pertama is not None

    def changed(self) -> float:
        """Record a change; seconds until the draft is due (0: write now)."""
        t = self._now()
        if self._pertama is None:
            self._pertama = t
        self._terakhir = t
        return self.sisa()

    def sisa(self) -> float:
        """Seconds until the pending change is due (0 when due or nothing pends)."""
        if self._pertama is None or self.jeda <= 0:
            return 0.0
        due = min(self._terakhir + self.jeda, self._pertama + self.maks)
        return max(0.0, due - self._now())

    def written(self) -> None:
        """The pending changes are on their way to the disk."""
        self._pertama = None


from ppa_tui.domain.readmodel import DraftTersimpan, draft_dari, siapa_draft  # noqa: E402, F401


def simpan_draft(
    session: Session, kunci: str, form_id: str, judul: str, isi: dict[str, Any]
) -> None:
    """Upsert the draft for `kunci` (one per form and target)."""
    text = json.dumps(isi, ensure_ascii=False, default=str)
    row = session.exec(select(Draft).where(Draft.kunci == kunci)).first()
    if row is None:
        session.add(Draft(kunci=kunci, form_id=form_id, judul=judul, isi=text))
        return
    row.isi, row.judul, row.updated_at = text, judul, utcnow()
    session.add(row)


def hapus_draft(session: Session, kunci: str) -> None:
    session.exec(delete(Draft).where(col(Draft.kunci) == kunci))


def ambil_draft(session: Session, kunci: str) -> DraftTersimpan | None:
    row = session.exec(select(Draft).where(Draft.kunci == kunci)).first()
    return _baca(row) if row else None


def hitung_draft(session: Session, awalan: str) -> int:
    """How many drafts have a key starting with `awalan` (e.g. new guests)."""
    rows = session.exec(select(Draft.kunci).where(col(Draft.kunci).startswith(awalan)))
    return len(rows.all())


def daftar_draft(session: Session) -> list[DraftTersimpan]:
    rows = session.exec(select(Draft).order_by(col(Draft.updated_at).desc()))
    return [d for d in map(_baca, rows) if d is not None]


def _baca(row: Draft) -> DraftTersimpan | None:
    return draft_dari(row.kunci, row.form_id, row.judul, row.isi, row.updated_at)
