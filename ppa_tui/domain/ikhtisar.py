"""The dashboard (ikhtisar) for the Kasi, and the counts of home's case filters.

Home's counts (`hitung_beranda`) are of every kept case, synthetic ones too, since
home lists them all: ``aktif``, ``selesai``, ``semua`` and ``terlambat``, the active
cases with at least one running step (any track) past its deadline.

The dashboard (`ikhtisar`) follows mutu baku's rule for synthetic cases (`Kasus.demo`):
beside a single real case they are left out; a database holding only synthetic cases
shows theirs, marked ``contoh``. Its figures:

- the kept cases by status, and how many active ones are overdue;
- the running steps of active cases per SOP step (a case's main track and each
  service's pendampingan), and how many of them are past their deadline;
- cases received this month against last month, and per week over the last
  `MINGGU` weeks (local weeks from Monday; the current week so far is the last);
- the cases received in the month by bentuk kekerasan (the SIMFONI-PPA value of each
  recorded form; a case counts once per value), by kab/kota of the kejadian, and
  their korban by SIMFONI age group (`referensi.kelompok_usia` of `pihak.usia`).

Each figure is one grouped query on an index (revision 0008 adds the covering ones),
never a read of every case: at 1,000,000 cases, bench/ikhtisar.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from ppa_tui.domain import referensi
from ppa_tui.domain.models import Kasus, KekerasanKasus, LangkahKasus, Pihak
from ppa_tui.domain.mutu import Periode, periode_bulan
from ppa_tui.domain.sop import semua_sop

__all__ = ["MINGGU", "Baris", "Ikhtisar", "LangkahBerjalan", "hitung_beranda", "ikhtisar"]

MINGGU = 26
BELUM_DIISI = "Belum diisi"
TIDAK_DIKETAHUI = "Tidak diketahui"
LUAR_PROVINSI = "Luar provinsi"
PROVINSI = "19"  # Kepulauan Bangka Belitung: its kab/kota are named one by one


@dataclass(frozen=True)
class Baris:
    """One row of a breakdown: this month's figure and last month's."""

    label: str
    jumlah: int
    lalu: int
    kunci: str = ""  # the stored code(s) it stands for, where there is one


@dataclass(frozen=True)
class LangkahBerjalan:
    """Running steps of one SOP step over the active cases."""

    sop_kode: str
    langkah_kode: str
    label: str  # "L2 Mencatat aduan"
    berjalan: int
    terlambat: int
    utama: bool  # a step of the main track (SOP Layanan), not of a service's run


@dataclass(frozen=True)
class Ikhtisar:
    now: datetime
    bulan: Periode
    bulan_lalu: Periode
    contoh: bool  # the figures are of synthetic cases (a demo-only database)
    status: dict[str, int]  # aktif, terlambat, selesai, semua
    langkah: tuple[LangkahBerjalan, ...]
    diterima: int  # cases received in `bulan` (up to now)
    diterima_lalu: int
    per_minggu: tuple[int, ...]  # cases received per week, oldest first, MINGGU of them
    minggu_awal: date  # the Monday the first of those weeks starts on
    kekerasan: tuple[Baris, ...]
    kabkota: tuple[Baris, ...]
    usia: tuple[Baris, ...]

    @property
    def kosong(self) -> bool:
        return self.status.get("semua", 0) == 0


# ---- home's counts ------------------------------------------------------------------


def _hidup():  # noqa: ANN202
    return col(Kasus.deleted_at).is_(None)


def _per_status(session: Session, *syarat: Any) -> dict[str, int]:
    """Kept cases per status, through the (status, demo, deleted_at) index alone."""
    jumlah = dict(session.exec(
        select(Kasus.status, func.count()).where(_hidup(), *syarat).group_by(Kasus.status)
    ).all())
    return {"aktif": jumlah.get("aktif", 0), "selesai": jumlah.get("selesai", 0),
            "semua": sum(jumlah.values())}


def _terlambat(session: Session, now: datetime, *syarat: Any) -> int:
    """Active kept cases with a running step past its deadline: the overdue open
    steps (the partial index by deadline, which carries the case), each case once."""
    return session.exec(
        select(func.count(func.distinct(LangkahKasus.kasus_id)))
        .join(Kasus, Kasus.id == LangkahKasus.kasus_id)
        .where(col(LangkahKasus.finished_at).is_(None), col(LangkahKasus.deleted_at).is_(None),
               col(LangkahKasus.deadline_at) < now,
               col(Kasus.status).concat("") == "aktif", _hidup(), *syarat)
    ).one()


def hitung_beranda(session: Session, now: datetime) -> dict[str, int]:
    """Home's tabs: aktif, terlambat, selesai, semua (every kept case, demo too)."""
    hasil = _per_status(session)
    hasil["terlambat"] = _terlambat(session, now)
    return hasil


# ---- the dashboard ------------------------------------------------------------------


def _hanya_contoh(session: Session) -> bool:
    """No real case at all: the database is one to try the app on."""
    return session.exec(select(Kasus.id).where(col(Kasus.demo).is_(False)).limit(1)
                        ).first() is None


def _awal_minggu(now: datetime, zona: ZoneInfo) -> date:
    hari = now.astimezone(zona).date()
    return hari - timedelta(days=hari.weekday())


def _tengah_malam(hari: date, zona: ZoneInfo) -> datetime:
    return datetime(hari.year, hari.month, hari.day, tzinfo=zona).astimezone(UTC)


def ikhtisar(session: Session, now: datetime, zona: ZoneInfo | str = "Asia/Jakarta",
             tahun: int | None = None, bulan: int | None = None) -> Ikhtisar:
    """The dashboard at ``now`` for the local month (``tahun``, ``bulan``; default the
    month of ``now``). Overdue is past the stored deadline, so no calendar is needed."""
    z = ZoneInfo(zona) if isinstance(zona, str) else zona
    lokal = now.astimezone(z)
    tahun, bulan = (tahun or lokal.year), (bulan or lokal.month)
    ini, lalu = periode_bulan(tahun, bulan, z), periode_bulan(tahun, bulan - 1, z)
    contoh = _hanya_contoh(session)
    nyata = () if contoh else (col(Kasus.demo).is_(False),)

    status = _per_status(session, *nyata)
    status["terlambat"] = _terlambat(session, now, *nyata)
    langkah = _langkah(session, now, nyata)

    # received: this month and last, and per week, from one read of the index by time
    minggu_awal = _awal_minggu(now, z) - timedelta(weeks=MINGGU - 1)
    sejak = min(_tengah_malam(minggu_awal, z), lalu.sejak)
    sampai = max(ini.sampai, now)
    waktu = session.exec(
        select(Kasus.waktu_diterima)
        .where(col(Kasus.waktu_diterima) >= sejak, col(Kasus.waktu_diterima) < sampai,
               _hidup(), *nyata)
    ).all()
    per_minggu = [0] * MINGGU
    diterima = diterima_lalu = 0
    batas_minggu = _tengah_malam(minggu_awal, z)
    for t in waktu:
        if ini.sejak <= t < ini.sampai:
            diterima += 1
        elif lalu.sejak <= t < lalu.sampai:
            diterima_lalu += 1
        if t >= batas_minggu and t <= now:
            i = (t.astimezone(z).date() - minggu_awal).days // 7
            if 0 <= i < MINGGU:
                per_minggu[i] += 1

    dua = (_kasus_bulan(session, ini, nyata), _kasus_bulan(session, lalu, nyata))
    return Ikhtisar(
        now=now, bulan=ini, bulan_lalu=lalu, contoh=contoh and status["semua"] > 0,
        status=status, langkah=langkah, diterima=diterima, diterima_lalu=diterima_lalu,
        per_minggu=tuple(per_minggu), minggu_awal=minggu_awal,
        kekerasan=_kekerasan(session, dua), kabkota=_kabkota(session, dua),
        usia=_usia(session, dua))


def _langkah(session: Session, now: datetime, nyata: tuple) -> tuple[LangkahBerjalan, ...]:
    """Running steps of active kept cases per SOP step, in the SOP files' order; a step
    of another version of the SOP data after them, by its code."""
    rows = session.exec(
        select(LangkahKasus.sop_kode, LangkahKasus.langkah_kode, func.count(),
               func.sum(case((col(LangkahKasus.deadline_at) < now, 1), else_=0)))
        .join(Kasus, Kasus.id == LangkahKasus.kasus_id)
        .where(col(LangkahKasus.finished_at).is_(None), col(LangkahKasus.deleted_at).is_(None),
               col(Kasus.status).concat("") == "aktif", _hidup(), *nyata)
        .group_by(LangkahKasus.sop_kode, LangkahKasus.langkah_kode)
    ).all()
    angka = {(s, k): (int(n), int(t or 0)) for s, k, n, t in rows}
    hasil = []
    sops = semua_sop()
    for sop_kode, sop in sops.items():
        for lk in sop.langkah:
            if (n := angka.pop((sop_kode, lk.kode), None)) is not None:
                hasil.append(LangkahBerjalan(sop_kode, lk.kode, f"{lk.kode} {lk.ringkas}",
                                             *n, sop_kode == "layanan"))
    for (sop_kode, kode), n in sorted(angka.items()):
        hasil.append(LangkahBerjalan(sop_kode, kode, f"{sop_kode} {kode}", *n,
                                     sop_kode == "layanan"))
    return tuple(hasil)


def _kasus_bulan(session: Session, periode: Periode, nyata: tuple) -> dict:
    """id -> kab/kota code of the kept cases received in the period."""
    return dict(session.exec(
        select(Kasus.id, Kasus.kejadian_kabkota_kode)
        .where(col(Kasus.waktu_diterima) >= periode.sejak,
               col(Kasus.waktu_diterima) < periode.sampai, _hidup(), *nyata)
    ).all())


def _per_bagian(session: Session, ids: list, kolom: tuple, *syarat: Any) -> list[tuple]:
    """Rows of ``kolom`` for the cases ``ids``, read in bounded IN lists."""
    out: list[tuple] = []
    for i in range(0, len(ids), 500):
        out.extend(session.exec(select(*kolom).where(
            col(kolom[0]).in_(ids[i:i + 500]), *syarat)).all())
    return out


def _susun(hitung: tuple[Counter, Counter], urutan: list[tuple[str, str]]) -> tuple[Baris, ...]:
    """Rows in ``urutan`` (label, key) that have a figure in either month, then the
    rest of the keys (labelled by themselves)."""
    ini, lalu = hitung
    dikenal = {k for _, k in urutan}
    lain = sorted((set(ini) | set(lalu)) - dikenal)
    return tuple(Baris(label, ini.get(k, 0), lalu.get(k, 0), k)
                 for label, k in [*urutan, *((k, k) for k in lain)]
                 if ini.get(k, 0) or lalu.get(k, 0))


def _kekerasan(session: Session, dua: tuple[dict, dict]) -> tuple[Baris, ...]:
    hitung = []
    for kasus in dua:
        per_kasus: dict[Any, set[str]] = defaultdict(set)
        for kasus_id, bentuk in _per_bagian(
                session, list(kasus), (KekerasanKasus.kasus_id, KekerasanKasus.bentuk),
                col(KekerasanKasus.deleted_at).is_(None)):
            per_kasus[kasus_id].add(referensi.simfoni("bentuk_kekerasan", bentuk) or "Lainnya")
        c = Counter(v for nilai in per_kasus.values() for v in nilai)
        if tanpa := len(kasus) - len(per_kasus):
            c[BELUM_DIISI] = tanpa
        hitung.append(c)
    urutan: list[str] = []
    for p in referensi.pilihan("bentuk_kekerasan"):
        nilai = p.simfoni or "Lainnya"
        if nilai not in urutan:
            urutan.append(nilai)
    return _susun((hitung[0], hitung[1]), [(v, v) for v in [*urutan, BELUM_DIISI]])


def _kabkota(session: Session, dua: tuple[dict, dict]) -> tuple[Baris, ...]:
    dikenal = {p.kode for p in referensi.pilihan("kabkota")}

    def kunci(kode: str) -> str:
        kode = (kode or "").strip()
        if not kode:
            return BELUM_DIISI
        return kode if kode in dikenal else LUAR_PROVINSI

    hitung = tuple(Counter(kunci(k) for k in kasus.values()) for kasus in dua)
    urutan = [(_label_kabkota(p.label), p.kode) for p in referensi.pilihan("kabkota")]
    return _susun(hitung, [*urutan, (LUAR_PROVINSI, LUAR_PROVINSI),
                           (BELUM_DIISI, BELUM_DIISI)])


def _label_kabkota(label: str) -> str:
    """"Kab. Bangka Selatan" -> "Bangka Selatan", "Kota Pangkalpinang" -> "Pangkalpinang":
    short enough for a bar row at 80 columns (all seven differ without the prefix)."""
    for awalan in ("Kab. ", "Kabupaten ", "Kota "):
        if label.startswith(awalan):
            return label[len(awalan):]
    return label


def _usia(session: Session, dua: tuple[dict, dict]) -> tuple[Baris, ...]:
    hitung = []
    for kasus in dua:
        c: Counter = Counter()
        for _kasus_id, usia in _per_bagian(
                session, list(kasus), (Pihak.kasus_id, Pihak.usia),
                Pihak.peran == "korban", col(Pihak.deleted_at).is_(None)):
            c[referensi.kelompok_usia(usia) if usia is not None and usia >= 0
              else TIDAK_DIKETAHUI] += 1
        hitung.append(c)
    urutan = []
    for p in referensi.pilihan("kelompok_usia"):
        nilai = p.simfoni or p.label
        urutan.append((nilai, nilai))
    return _susun((hitung[0], hitung[1]), [*urutan, (TIDAK_DIKETAHUI, TIDAK_DIKETAHUI)])

