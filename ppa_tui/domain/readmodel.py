"""Home's read models, and how plain rows become them.

Free of SQLAlchemy and SQLModel on purpose: the first home load on SQLite reads with the
stdlib `sqlite3` (`store/beranda_cepat.py`) before the ORM is imported, and the ORM
path (`views.beranda`) builds the very same objects through `susun_beranda`.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ppa_tui.domain import referensi
from ppa_tui.domain.clock import BacaanJam, baca_jam, deadline_of
from ppa_tui.domain.sop import load_sop

BATAS_KASUS_BERANDA = 200


@dataclass(frozen=True)
class JamLangkah:
    """The active step of a case, with everything needed to tick without the database."""

    label: str
    started_at: datetime
    deadline_at: datetime | None
    peringatan_rasio: float
    kalender: Any = field(default=None, compare=False)
    """How this clock counts: the unit's working time, or None for clock time."""

    def baca(self, now: datetime) -> BacaanJam:
        if self.kalender is None:
            return baca_jam(self.started_at, self.deadline_at, None, now, self.peringatan_rasio)
        return baca_jam(self.started_at, self.deadline_at, None, now, self.peringatan_rasio,
                        kalender=self.kalender)


def jam_langkah(sop_kode: str, langkah_kode: str, started_at: datetime,
                deadline_at: datetime | None = None, kalender: Any = None) -> JamLangkah:
    """The clock of a step; the deadline defaults to the SOP's limit from `started_at`.
    `kalender` is the unit's working-time calendar: used where the SOP counts working
    time (`hitungan`), else the clock counts."""
    hitungan = None
    try:
        sop = load_sop(sop_kode)
        label = sop.label_langkah(langkah_kode)
        if kalender is not None:
            from ppa_tui.domain.kalender import untuk_sop

            hitungan = untuk_sop(sop, kalender)
            if not getattr(hitungan, "kerja", False):
                hitungan = None
        if deadline_at is None:
            batas = sop.langkah_by_kode(langkah_kode).batas
            deadline_at = (deadline_of(started_at, batas) if hitungan is None
                           else deadline_of(started_at, batas, hitungan))
        rasio = sop.peringatan_rasio
    except KeyError:  # a step from another version of the SOP data: shown, not fatal
        label, rasio = f"{sop_kode} {langkah_kode}", 0.25
    return JamLangkah(label, started_at, deadline_at, rasio, hitungan)


@dataclass(frozen=True)
class TamuBaris:
    id: uuid.UUID
    nama: str
    keperluan: str
    waktu_masuk: datetime
    waktu_keluar: datetime | None
    nomor_register: str
    kasus_id: uuid.UUID | None


@dataclass(frozen=True)
class KasusBaris:
    id: uuid.UUID
    nomor_register: str
    korban: str
    anak: bool
    jam: JamLangkah | None


@dataclass(frozen=True)
class DraftTersimpan:
    kunci: str
    form_id: str
    judul: str
    isi: dict[str, Any]
    updated_at: datetime
    siapa: str = ""  # whose draft: a name, else the first filled field


@dataclass(frozen=True)
class Beranda:
    tamu: list[TamuBaris]
    kasus: list[KasusBaris]
    draft: list[DraftTersimpan]


# Fields renamed by a schema revision (0003): a draft typed before it still opens whole.
NAMA_LAMA = {"kejadian_at": "waktu_kejadian"}


def draft_dari(kunci: str, form_id: str, judul: str, isi: str,
               updated_at: datetime) -> DraftTersimpan | None:
    """A stored draft, or None when its JSON is damaged: skipped, never a crash."""
    try:
        nilai = json.loads(isi)
    except json.JSONDecodeError:
        return None
    if not isinstance(nilai, dict):
        return None
    nilai = {NAMA_LAMA.get(k, k): v for k, v in nilai.items()}
    return DraftTersimpan(kunci, form_id, judul, nilai, updated_at, siapa_draft(form_id, nilai))


_JENIS_TEKS = {"teks", "teks_panjang", "nik", "telepon", "wilayah"}


def siapa_draft(form_id: str, isi: dict[str, Any], maks: int = 40) -> str:
    """A name in the draft (the person's, a guardian's), else "Label: value" of the
    first filled text field that has no default; "" when nothing is typed yet."""
    from ppa_tui.domain.forms import load_form

    try:
        spec = load_form(form_id)
    except (OSError, KeyError, ValueError, TypeError):
        return ""  # a draft of a form this version does not know: still listed

    def isi_dari(nama: str) -> str:
        value = isi.get(nama)
        return " ".join(value.split()) if isinstance(value, str) else ""

    teks = ""
    for f in spec.fields:
        if "nama" in f.nama and (value := isi_dari(f.nama)):
            teks = value
            break
    else:
        for f in spec.fields:
            if f.jenis in _JENIS_TEKS and f.bawaan is None and (value := isi_dari(f.nama)):
                teks = f"{f.label}: {value}"
                break
    return teks if len(teks) <= maks else teks[: maks - 1] + "…"


# Plain rows, in the column order both readers select:
#   tamu:   (id, nama, keperluan, waktu_masuk, waktu_keluar, nomor_register | None, kasus_id)
#   kasus:  (id, nomor_register, sop_kode, langkah_kode, started_at, deadline_at)
#   korban: (kasus_id, nama, anak), in display order


def susun_beranda(tamu: Iterable[tuple], kasus: Iterable[tuple], korban: Iterable[tuple],
                  draft: list[DraftTersimpan], kalender: Any = None) -> Beranda:
    """Home from plain rows; ids are `uuid.UUID`, times aware UTC. A case running
    several clocks (its main track and a service's pendampingan) is one row, with its
    most urgent clock: the rows come ordered by deadline, so the first one counts."""
    per_kasus: dict[uuid.UUID, list[tuple[str, bool]]] = defaultdict(list)
    for kasus_id, nama, anak in korban:
        per_kasus[kasus_id].append((nama, bool(anak)))
    dilihat: set[uuid.UUID] = set()
    kasus = [row for row in kasus if not (row[0] in dilihat or dilihat.add(row[0]))]
    return Beranda(
        tamu=[TamuBaris(id_, nama, referensi.label("keperluan", keperluan), masuk, keluar,
                        nomor or "", kasus_id)
              for id_, nama, keperluan, masuk, keluar, nomor, kasus_id in tamu],
        kasus=[KasusBaris(id_, nomor, ", ".join(n or "(tanpa nama)" for n, _ in per_kasus[id_]),
                          any(a for _, a in per_kasus[id_]),
                          jam_langkah(sop_kode, langkah_kode, started_at, deadline_at,
                                      kalender))
               for id_, nomor, sop_kode, langkah_kode, started_at, deadline_at in kasus],
        draft=draft,
    )


def awal_hari(now: datetime, zona: str) -> datetime:
    """Local midnight of `now`, as aware UTC, for "today's" lists."""
    from zoneinfo import ZoneInfo

    local = now.astimezone(ZoneInfo(zona))
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
