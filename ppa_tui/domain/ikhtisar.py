"""The dashboard (ikhtisar) for the Kasi, and the counts of home's case filters.

Home's counts (`hitung_beranda`) are of every kept case, synthetic ones too, since
home lists them all: ``aktif``, ``selesai``, ``semua`` and ``terlambat``, the active
cases with at least one running step (any track) past its deadline. Overdue cases are
counted up to `BATAS_TERLAMBAT` ("1.000+" past it, as the overdue board stops at
"10.000+"): each needs its case read, and at 1,000,000 cases there can be 250,000.

The dashboard (`ikhtisar`) follows mutu baku's rule for synthetic cases (`Kasus.demo`):
beside a single real case they are left out; a database holding only synthetic cases
shows theirs, marked ``contoh``. Its figures:

- the kept cases by status, and how many active ones are overdue (bounded as above);
- the running steps of active cases per SOP step (a case's main track and each
  service's pendampingan), and how many of them are past their deadline;
- cases received this month against last month, and per week over the last
  `MINGGU` weeks (local weeks from Monday; the current week so far is the last);
- the cases received in the month by bentuk kekerasan (the SIMFONI-PPA value of each
  recorded form; a case counts once per value), by kab/kota of the kejadian, and
  their korban by SIMFONI age group at the kejadian (`pihak.kelompok_usia`).

Each figure is a grouped count on an index (revision 0008 adds the ones they need),
never a read of every case: at 1,000,000 cases, bench/ikhtisar.py.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, or_
from sqlmodel import Session, col, select

from ppa_tui.domain import referensi
from ppa_tui.domain.models import Kasus, KekerasanKasus, LangkahKasus, Pihak
from ppa_tui.domain.mutu import Periode, periode_bulan
from ppa_tui.domain.sop import semua_sop

__all__ = ["BATAS_TERLAMBAT", "MINGGU", "Baris", "Ikhtisar", "LangkahBerjalan",
           "hitung_beranda", "hitung_terlambat", "ikhtisar", "lebih_dari_batas"]

MINGGU = 26
BATAS_TERLAMBAT = 1000  # overdue cases are counted this far ("1.000+"), see `hitung_terlambat`
LAINNYA = "Lainnya"
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
    """The month before; while `bulan` is under way, only as many of its days as
    `bulan` has had (1–2 Nov beside 1–2 Dec), so a comparison is fair."""
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


def _status_lain():  # noqa: ANN202
    """Any status but "aktif" and "selesai", as three ranges of the status index."""
    s = col(Kasus.status)
    return or_(s < "aktif", and_(s > "aktif", s < "selesai"), s > "selesai")


def _per_status_cepat(session: Session) -> dict[str, int]:
    """Every kept case per status without counting the closed ones one by one: the
    table's size (which SQLite knows without reading a row) less the removed ones
    (`ix_kasus_dihapus`), the active ones and any other status (ranges of
    `ix_kasus_status_demo`); "selesai" is what remains."""
    def hitung(*syarat: Any) -> int:
        return session.exec(select(func.count()).select_from(Kasus).where(*syarat)).one()

    semua = hitung() - hitung(col(Kasus.deleted_at).is_not(None))
    aktif = hitung(Kasus.status == "aktif", _hidup())
    lain = hitung(_status_lain(), _hidup())
    return {"aktif": aktif, "selesai": semua - aktif - lain, "semua": semua}


def _per_status(session: Session, *syarat: Any) -> dict[str, int]:
    """Kept cases per status, through the (status, demo, deleted_at) index alone."""
    jumlah = dict(session.exec(
        select(Kasus.status, func.count()).where(_hidup(), *syarat).group_by(Kasus.status)
    ).all())
    return {"aktif": jumlah.get("aktif", 0), "selesai": jumlah.get("selesai", 0),
            "semua": sum(jumlah.values())}


def hitung_terlambat(session: Session, now: datetime, *syarat: Any,
               batas: int = BATAS_TERLAMBAT) -> int:
    """Active kept cases with a running step past its deadline, counted no further
    than ``batas + 1``. The overdue open steps are read from the oldest deadline on
    (the partial index by deadline; ``status || ''`` keeps the planner off the status
    index), at most ``2 * batas`` of them, and their cases counted: past ``batas``
    cases the count stops there. Only when those steps belong to fewer cases (several
    overdue clocks each) is every one counted. Counting every overdue case reads a case
    per overdue step: 1.7 s for 246,000 of them at 1,000,000 cases on SQLite."""
    def langkah(*lagi: Any):  # noqa: ANN202
        return (select(LangkahKasus.kasus_id)
                .join(Kasus, Kasus.id == LangkahKasus.kasus_id)
                .where(col(LangkahKasus.finished_at).is_(None),
                       col(LangkahKasus.deleted_at).is_(None),
                       col(LangkahKasus.deadline_at) < now,
                       col(Kasus.status).concat("") == "aktif", _hidup(), *syarat, *lagi))

    baca = 2 * batas
    awal = langkah().order_by(col(LangkahKasus.deadline_at)).limit(baca).subquery()
    n_langkah, n_kasus = session.exec(
        select(func.count(), func.count(func.distinct(awal.c.kasus_id)))).one()
    if n_langkah < baca:
        return n_kasus  # every overdue step was read
    if n_kasus > batas:
        return batas + 1
    semua = langkah().subquery()
    return session.exec(select(func.count(func.distinct(semua.c.kasus_id)))).one()


def hitung_beranda(session: Session, now: datetime) -> dict[str, int]:
    """Home's tabs: aktif, selesai, semua and terlambat (every kept case, demo ones
    too); terlambat stops past `BATAS_TERLAMBAT` (`lebih_dari_batas`)."""
    hasil = _per_status_cepat(session)
    hasil["terlambat"] = hitung_terlambat(session, now)
    return hasil


def lebih_dari_batas(n: int) -> bool:
    """A terlambat count that stopped at its bound: "1.000+"."""
    return n > BATAS_TERLAMBAT


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
    if ini.sejak <= now < ini.sampai:  # a month under way beside the same days of the last
        lalu = replace(lalu, sampai=min(lalu.sampai, lalu.sejak + (now - ini.sejak)))
    contoh = _hanya_contoh(session)
    nyata = () if contoh else (col(Kasus.demo).is_(False),)

    status = _per_status(session, *nyata)
    status["terlambat"] = hitung_terlambat(session, now, *nyata)

    def diterima(sejak: datetime, sampai: datetime) -> int:
        return session.exec(select(func.count()).select_from(Kasus).where(
            col(Kasus.waktu_diterima) >= sejak, col(Kasus.waktu_diterima) < sampai,
            _hidup(), *nyata)).one()

    minggu_awal = _awal_minggu(now, z) - timedelta(weeks=MINGGU - 1)
    batas = [_tengah_malam(minggu_awal + timedelta(weeks=i), z) for i in range(MINGGU)]
    per_minggu = tuple(diterima(a, b) for a, b in zip(batas, [*batas[1:], now], strict=True))
    jumlah = {p: diterima(p.sejak, p.sampai) for p in (ini, lalu)}
    return Ikhtisar(
        now=now, bulan=ini, bulan_lalu=lalu, contoh=contoh and status["semua"] > 0,
        status=status, langkah=_langkah(session, now, nyata),
        diterima=jumlah[ini], diterima_lalu=jumlah[lalu],
        per_minggu=per_minggu, minggu_awal=minggu_awal,
        kekerasan=_kekerasan(session, (ini, lalu), nyata, jumlah),
        kabkota=_kabkota(session, (ini, lalu), nyata),
        usia=_usia(session, (ini, lalu), nyata))


def _langkah(session: Session, now: datetime, nyata: tuple) -> tuple[LangkahBerjalan, ...]:
    """Running steps of active kept cases per SOP step, in the SOP files' order; a step
    of another version of the SOP data after them, by its code.

    Every running step is counted from `ix_langkah_kasus_terbuka_langkah` alone (0.1 s
    at 330,000 of them), then the steps of removed cases and, beside real ones, of
    synthetic cases are taken off (found from those cases: few, or none). A running step
    of a closed case is not looked for: closing a case stops every clock it has
    (`terminasi.tutup_kasus`). Joining each step to its case instead reads a case per
    step: 1.6-3.5 s at 1,000,000 cases on SQLite without statistics."""
    lewat = func.sum(case((col(LangkahKasus.deadline_at) < now, 1), else_=0))
    terbuka = (col(LangkahKasus.finished_at).is_(None), col(LangkahKasus.deleted_at).is_(None))
    kolom = (LangkahKasus.sop_kode, LangkahKasus.langkah_kode)
    angka: dict[tuple[str, str], list[int]] = {
        (s, k): [int(n), int(t or 0)] for s, k, n, t in session.exec(
            select(*kolom, func.count(), lewat).where(*terbuka).group_by(*kolom)).all()}
    # the cases first (each by its own index), then their steps: a join would make
    # SQLite walk every running step to find their cases
    bukan = list(session.exec(select(Kasus.id).where(col(Kasus.deleted_at).is_not(None))))
    if nyata:
        bukan += session.exec(select(Kasus.id).where(
            Kasus.status == "aktif", col(Kasus.demo).is_(True), _hidup())).all()
    for i in range(0, len(bukan), 500):
        for s, k, n, t in session.exec(
                select(*kolom, func.count(), lewat)
                .where(*terbuka, col(LangkahKasus.kasus_id).in_(bukan[i:i + 500]))
                .group_by(*kolom)).all():
            angka[(s, k)][0] -= int(n)
            angka[(s, k)][1] -= int(t or 0)
    angka = {kunci: n for kunci, n in angka.items() if n[0] > 0}
    hasil = []
    for sop_kode, sop in semua_sop().items():
        for lk in sop.langkah:
            if (n := angka.pop((sop_kode, lk.kode), None)) is not None:
                hasil.append(LangkahBerjalan(sop_kode, lk.kode, f"{lk.kode} {lk.ringkas}",
                                             *n, sop_kode == "layanan"))
    for (sop_kode, kode), n in sorted(angka.items()):
        hasil.append(LangkahBerjalan(sop_kode, kode, f"{sop_kode} {kode}", *n,
                                     sop_kode == "layanan"))
    return tuple(hasil)


def _bulan(periode: Periode, nyata: tuple) -> tuple:
    """The kept cases received in the period (`ix_kasus_diterima`)."""
    return (col(Kasus.waktu_diterima) >= periode.sejak,
            col(Kasus.waktu_diterima) < periode.sampai, _hidup(), *nyata)


def _susun(hitung: tuple[Counter, Counter], urutan: list[tuple[str, str]]) -> tuple[Baris, ...]:
    """Rows in ``urutan`` (label, key) that have a figure in either month, then the
    rest of the keys (labelled by themselves)."""
    ini, lalu = hitung
    dikenal = {k for _, k in urutan}
    lain = sorted((set(ini) | set(lalu)) - dikenal)
    return tuple(Baris(label, ini.get(k, 0), lalu.get(k, 0), k)
                 for label, k in [*urutan, *((k, k) for k in lain)]
                 if ini.get(k, 0) or lalu.get(k, 0))


def _nilai_simfoni() -> tuple[dict[str, str], list[str]]:
    """bentuk code -> its SIMFONI-PPA value, and the values in the data file's order."""
    peta = {p.kode: p.simfoni or LAINNYA for p in referensi.pilihan("bentuk_kekerasan")}
    return peta, list(dict.fromkeys(peta.values()))


def _kekerasan(session: Session, dua: tuple[Periode, Periode], nyata: tuple,
               jumlah: dict[Periode, int]) -> tuple[Baris, ...]:
    """Cases per SIMFONI value of their forms (a case once per value: two sub-types of
    Seksual are one Seksual), and those with none recorded ("Belum diisi") of the
    ``jumlah`` cases received in each period."""
    peta, urutan = _nilai_simfoni()
    nilai = case(peta, value=KekerasanKasus.bentuk, else_=LAINNYA) if peta else LAINNYA
    hitung = []
    for periode in dua:
        syarat = (col(KekerasanKasus.deleted_at).is_(None), *_bulan(periode, nyata))
        gabung = (KekerasanKasus, Kasus.id == KekerasanKasus.kasus_id)
        c = Counter(dict(session.exec(
            select(nilai, func.count(func.distinct(KekerasanKasus.kasus_id)))
            .select_from(Kasus).join(*gabung).where(*syarat).group_by(nilai)).all()))
        ada = (select(KekerasanKasus.id).where(KekerasanKasus.kasus_id == Kasus.id,
                                               col(KekerasanKasus.deleted_at).is_(None))
               .exists())
        if jumlah[periode] and (tanpa := session.exec(
                select(func.count()).select_from(Kasus)
                .where(*_bulan(periode, nyata), ~ada)).one()):
            c[BELUM_DIISI] = tanpa
        hitung.append(c)
    return _susun((hitung[0], hitung[1]), [(v, v) for v in [*urutan, BELUM_DIISI]])


def _kabkota(session: Session, dua: tuple[Periode, Periode],
             nyata: tuple) -> tuple[Baris, ...]:
    dikenal = {p.kode for p in referensi.pilihan("kabkota")}

    def kunci(kode: str) -> str:
        kode = (kode or "").strip()
        if not kode:
            return BELUM_DIISI
        return kode if kode in dikenal else LUAR_PROVINSI

    hitung = []
    for periode in dua:
        c: Counter = Counter()
        for kode, n in session.exec(
                select(Kasus.kejadian_kabkota_kode, func.count()).where(*_bulan(periode, nyata))
                .group_by(Kasus.kejadian_kabkota_kode)).all():
            c[kunci(kode)] += n
        hitung.append(c)
    urutan = [(_label_kabkota(p.label), p.kode) for p in referensi.pilihan("kabkota")]
    return _susun((hitung[0], hitung[1]), [*urutan, (LUAR_PROVINSI, LUAR_PROVINSI),
                                           (BELUM_DIISI, BELUM_DIISI)])


def _label_kabkota(label: str) -> str:
    """"Kab. Bangka Selatan" -> "Bangka Selatan", "Kota Pangkalpinang" -> "Pangkalpinang":
    short enough for a bar row at 80 columns (all seven differ without the prefix)."""
    for awalan in ("Kab. ", "Kabupaten ", "Kota "):
        if label.startswith(awalan):
            return label[len(awalan):]
    return label


def _usia(session: Session, dua: tuple[Periode, Periode], nyata: tuple) -> tuple[Baris, ...]:
    """The korban of the month's cases per SIMFONI age group at the kejadian
    (`pihak.kelompok_usia`, a referensi `kelompok_usia` code; '' for an unknown age:
    "Tidak diketahui"). ``peran || ''``: from the month's cases to their korban, never
    from every korban (`ix_pihak_peran`) to her case (3.7 s at 1,000,000 cases without
    statistics)."""
    hitung = []
    for periode in dua:
        hitung.append(Counter({(kode or TIDAK_DIKETAHUI): n for kode, n in session.exec(
            select(Pihak.kelompok_usia, func.count()).select_from(Kasus)
            .join(Pihak, Pihak.kasus_id == Kasus.id)
            .where(col(Pihak.peran).concat("") == "korban", col(Pihak.deleted_at).is_(None),
                   *_bulan(periode, nyata))
            .group_by(Pihak.kelompok_usia)).all()}))
    urutan = [(p.simfoni or p.label, p.kode) for p in referensi.pilihan("kelompok_usia")]
    return _susun((hitung[0], hitung[1]), [*urutan, (TIDAK_DIKETAHUI, TIDAK_DIKETAHUI)])
