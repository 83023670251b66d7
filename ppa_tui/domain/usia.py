"""A person's age at the kejadian. SIMFONI-PPA counts korban by their age when the
violence happened, and the anak flag of the law follows the same day: a girl of 17
abused last year who turns 18 before she comes to the desk was a child."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from ppa_tui.domain import referensi, validasi
from ppa_tui.domain.models import Kasus, Pihak


def umur(lahir: date, pada: date) -> int:
    """Whole years from `lahir` to `pada`."""
    return pada.year - lahir.year - ((pada.month, pada.day) < (lahir.month, lahir.day))


def usia_pada(tanggal_lahir: date | None, usia: int | None, diterima: date,
              kejadian: date | None) -> int | None:
    """The age on the kejadian day (the day the complaint came in when the kejadian
    is not known): exact from the date of birth; from an age typed at the desk,
    that age less the whole years since the kejadian; None when neither is known."""
    pada = kejadian or diterima
    if tanggal_lahir is not None:
        return max(0, umur(tanggal_lahir, pada))
    if usia is None:
        return None
    lalu = umur(pada, diterima) if pada <= diterima else 0
    return max(0, usia - lalu)


def tandai_usia_kejadian(pihak: Pihak, kasus: Kasus, zona: str | ZoneInfo = "Asia/Jakarta") -> None:
    """Set `usia_kejadian`, its SIMFONI group and `anak_kejadian` on one person."""
    z = zona if isinstance(zona, ZoneInfo) else ZoneInfo(zona)
    diterima = _tanggal(kasus.waktu_diterima, z)
    kejadian = _tanggal(kasus.waktu_kejadian, z) if kasus.waktu_kejadian else None
    nilai = usia_pada(pihak.tanggal_lahir, pihak.usia, diterima, kejadian)
    pihak.usia_kejadian = nilai
    pihak.kelompok_usia = "" if nilai is None else referensi.kode_kelompok_usia(nilai)
    pihak.anak_kejadian = validasi.adalah_anak(nilai)


def _tanggal(waktu: datetime, zona: ZoneInfo) -> date:
    return waktu.astimezone(zona).date()
