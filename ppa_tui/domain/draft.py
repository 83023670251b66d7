"""Drafts: what the officer has typed but not saved, written as she types.

Stored in the database (not a side file) so it shares the database's durability and,
later, its encryption. Values are the raw widget values (strings, lists, booleans),
exactly what the form needs to show every field as it was.
"""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, col, delete, select

from ppa_tui.domain.models import Draft, utcnow
from ppa_tui.domain.readmodel import DraftTersimpan, draft_dari


def simpan_draft(session: Session, kunci: str, form_id: str, judul: str, isi: dict[str, Any]) -> None:
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


def daftar_draft(session: Session) -> list[DraftTersimpan]:
    rows = session.exec(select(Draft).order_by(col(Draft.updated_at).desc()))
    return [d for d in map(_baca, rows) if d is not None]


def _baca(row: Draft) -> DraftTersimpan | None:
    return draft_dari(row.kunci, row.form_id, row.judul, row.isi, row.updated_at)
