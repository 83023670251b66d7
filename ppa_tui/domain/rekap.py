"""The monthly and yearly recap, in SIMFONI-PPA's categories, and the korban not yet
entered into SIMFONI-PPA.

**What a period holds.** The cases *received* in it (``kasus.waktu_diterima`` in the
local month or year, the unit's zone), their korban, pelaku, bentuk kekerasan and the
services given to them, whenever those were recorded: the recap of November is the
cohort of November's complaints. SOP compliance is the exception: it is the mutu baku
of the period (`domain/mutu.py`'s `kepatuhan`), the steps *finished* in it, counted
in the database: finished, with a deadline, within it (the median and P90 of their
working-time durations stay on the mutu baku screen: at 700,000 steps a year they
take Python tens of seconds).

**What is never counted.** Removed rows (``deleted_at``) of any table, and a row whose
person or case is removed. Synthetic cases (``kasus.demo``, `ppa demo`) beside real
ones; a database that holds only synthetic cases shows theirs, marked DATA CONTOH (the
rule of `domain/mutu.py`).

**Categories.** Every row of a table is a SIMFONI-PPA value: our finer codes map to it
through the ``simfoni =`` key of their list in ``data/referensi.toml`` (a list without
it, such as the channel, shows the unit's labels). Every value has its row, also with
0, in the file's order, and a last row counts what is missing: not filled in, or a
code the data file no longer knows. `docs/simfoni.md` lists every mapping.

- *Bentuk kekerasan*: a korban's forms are the rows with her ``korban_id`` when she has
  any, else the case's rows without a korban. A case counts under a form when any of
  its rows has it; a korban (and a case) once per SIMFONI value, however many finer
  codes map to it.
- *Usia*: the korban's age group at the kejadian (``kelompok_usia``; from
  ``usia_kejadian`` when the group is empty), by sex.
- *Disabilitas*: a korban once under each ragam she has; "tidak ada" only when that is
  all she has; "tidak diisi" when nothing was recorded.
- *Hubungan pelaku*: one per korban–pelaku pair (``hubungan_korban_pelaku``), as
  SIMFONI counts, by the pelaku's sex.
- *Layanan*: a korban once per service she received: every korban of a case received
  "Pengaduan"; a rencana intervensi counts once it runs or ran (``berjalan``,
  ``selesai``) and was not refused; a rencana without a korban counts for each korban
  of its case.

No name, NIK, phone number or address is read for a recap: every figure is counted by
a GROUP BY in the database, one query per family of tables (the per-case lists
together, the korban together, each per-person set of rows once), grouped by the
stored codes and summed under their SIMFONI values afterwards; "distinct" counts (a
korban with several codes of one SIMFONI value) take the set of values of each person
or case as bits (SUM(DISTINCT) of one bit per value), grouped by that set.
`bench/laporan.py` measures a year of 100,000 cases. Only the list of korban not yet
in SIMFONI-PPA reads names, to give their initials.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, distinct, func, literal, or_, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from ppa_tui.domain import referensi
from ppa_tui.domain.models import (
    DisabilitasPihak,
    HubunganKorbanPelaku,
    Kasus,
    KekerasanKasus,
    Pihak,
    RencanaIntervensi,
)
from ppa_tui.domain.mutu import Periode, periode_bulan, periode_tahun

__all__ = [
    "BATAS_BELUM",
    "TIDAK_DIISI",
    "BelumSimfoni",
    "DaftarBelum",
    "PeriodeSalah",
    "Rekap",
    "TabelRekap",
    "belum_simfoni",
    "rekap",
    "urai_periode",
]

TIDAK_DIISI = "Tidak diisi"
JUMLAH = "Jumlah"
LUAR_PROVINSI = "Luar Kep. Bangka Belitung"
BATAS_BELUM = 500
"""Rows of the not-yet-in-SIMFONI list a screen shows (the CLI prints them all)."""
LAYANAN_JALAN = ("berjalan", "selesai")

Nilai = int | float | str | None


class PeriodeSalah(ValueError):
    """A period that is not a month (2026-11) or a year (2026); the text is the
    Indonesian sentence to show."""


@dataclass(frozen=True)
class TabelRekap:
    """One table: a sheet of the spreadsheet, a section of the CSV and of the PDF."""

    kode: str  # "bentuk_kekerasan": the sheet name and the CSV's table column
    judul: str  # "Kasus dan korban menurut bentuk kekerasan"
    kolom: tuple[str, ...]  # headings, the first of the row labels
    baris: tuple[tuple[Nilai, ...], ...]  # label, then numbers (int; None: no figure)
    catatan: str = ""  # how it is counted, one sentence
    jumlah: bool = False  # the last row is the total of the rows above

    def nilai(self, label: str, kolom: str) -> Nilai:
        """The figure of row ``label`` in column ``kolom`` (for tests and readers)."""
        i = self.kolom.index(kolom)
        for b in self.baris:
            if b[0] == label:
                return b[i]
        raise KeyError(label)


@dataclass(frozen=True)
class Rekap:
    periode: Periode
    kode_periode: str  # "2026-11", "2026"
    tabel: tuple[TabelRekap, ...]
    contoh: bool = False  # figures of synthetic cases (a demo-only database)
    kasus: int = 0
    korban: int = 0

    def tabel_kode(self, kode: str) -> TabelRekap:
        return next(t for t in self.tabel if t.kode == kode)


@dataclass(frozen=True)
class BelumSimfoni:
    """A korban not yet entered into SIMFONI-PPA: her initials only."""

    kasus_id: uuid.UUID
    korban_id: uuid.UUID
    nomor_register: str
    inisial: str
    diterima: date  # local date the case was received


@dataclass(frozen=True)
class DaftarBelum:
    baris: tuple[BelumSimfoni, ...]
    jumlah: int  # all of them (``baris`` may stop at a limit)
    contoh: bool = False


# ---- the period ------------------------------------------------------------------

_BULAN = re.compile(r"(\d{4})-(\d{1,2})")
_TAHUN = re.compile(r"\d{4}")


def urai_periode(teks: str, zona: str | ZoneInfo = "Asia/Jakarta") -> tuple[Periode, str]:
    """"2026-11" -> November 2026, "2026" -> the year; with its canonical code."""
    t = (teks or "").strip()
    if m := _BULAN.fullmatch(t):
        tahun, bulan = int(m[1]), int(m[2])
        if 1 <= bulan <= 12 and 1900 < tahun < 3000:
            return periode_bulan(tahun, bulan, zona), f"{tahun}-{bulan:02d}"
        raise PeriodeSalah(f"Bulan \"{teks}\" tidak ada: tulis tahun-bulan, mis. 2026-11.")
    if _TAHUN.fullmatch(t) and 1900 < int(t) < 3000:
        return periode_tahun(int(t), zona), t
    raise PeriodeSalah(f"Periode \"{teks}\" tidak dikenali: tulis bulan sebagai 2026-11 "
                       "atau tahun sebagai 2026.")


# ---- categories from the data file ---------------------------------------------------


def _kategori(daftar: str, kecuali: Sequence[str] = ()) -> tuple[dict[str, str], list[str]]:
    """code -> SIMFONI value (the label when the list has none), and the values in file
    order, each once."""
    peta: dict[str, str] = {}
    urut: list[str] = []
    for p in referensi.pilihan(daftar):
        if p.kode in kecuali:
            continue
        nilai = p.simfoni or p.label
        peta[p.kode] = nilai
        if nilai not in urut:
            urut.append(nilai)
    return peta, urut


def _kabkota() -> tuple[dict[str, str], list[str]]:
    peta = {p.kode: p.label for p in referensi.pilihan("kabkota")}
    return peta, [*peta.values(), LUAR_PROVINSI]


# ---- the recap ----------------------------------------------------------------------


@dataclass
class _Hitung:
    session: Session
    periode: Periode
    contoh: bool

    def syarat_kasus(self) -> list[Any]:
        s = [col(Kasus.waktu_diterima) >= self.periode.sejak,
             col(Kasus.waktu_diterima) < self.periode.sampai,
             col(Kasus.deleted_at).is_(None)]
        if not self.contoh:
            s.append(col(Kasus.demo).is_(False))
        return s

    def korban(self, p: Any = Pihak) -> list[Any]:
        return [p.peran == "korban", p.deleted_at.is_(None)]

    def rows(self, stmt: Any) -> list[tuple]:
        return [tuple(r) for r in self.session.execute(stmt).all()]


def _baris(urut: list[str], hitung: dict[str, tuple[int, ...]], lebar: int,
           tidak_diisi: tuple[int, ...] | None = None, label_kosong: str = TIDAK_DIISI,
           jumlah: bool = False) -> tuple[tuple[Nilai, ...], ...]:
    nol = (0,) * lebar
    out: list[tuple[Nilai, ...]] = [(v, *hitung.get(v, nol)) for v in urut]
    out.append((label_kosong, *(tidak_diisi if tidak_diisi is not None
                               else hitung.get("", nol))))
    if jumlah:
        out.append((JUMLAH, *(sum(int(r[i + 1]) for r in out) for i in range(lebar))))
    return tuple(out)


def hanya_contoh(session: Session) -> bool:
    """True when the database has synthetic cases and no real one (`domain/mutu.py`)."""
    nyata = session.execute(select(Kasus.id).where(col(Kasus.demo).is_(False))
                            .where(col(Kasus.deleted_at).is_(None)).limit(1)).first()
    if nyata is not None:
        return False
    return session.execute(select(Kasus.id).where(col(Kasus.deleted_at).is_(None))
                           .limit(1)).first() is not None


# The per-case lists: one GROUP BY over the period's cases gives all of them.
_PER_KASUS = (
    ("tempat_kejadian", "Kasus menurut tempat kejadian", "Tempat kejadian"),
    ("saluran", "Kasus menurut saluran pengaduan", "Saluran"),
    ("jenis_kasus", "Kasus menurut jenis kasus", "Jenis kasus"),
    ("tingkat_risiko", "Kasus menurut tingkat risiko (saat pengaduan)", "Tingkat risiko"),
    ("kejadian_berulang", "Kasus menurut kejadian sekali atau berulang", "Kejadian"),
)


def rekap(session: Session, periode: Periode, kode_periode: str = "") -> Rekap:
    """The recap of ``periode`` (see the module's docstring)."""
    h = _Hitung(session, periode, hanya_contoh(session))
    kasus = _kasus(h)
    orang = _orang(h)
    kasus_n, korban_n = kasus["jumlah"], orang["korban"]
    per_kasus = {kode: _tabel_kasus(kode, judul, kepala, kasus[kode])
                 for kode, judul, kepala in _PER_KASUS}
    tabel = [
        _ringkas(kasus, orang),
        _bentuk(h, kasus_n, korban_n),
        _usia(orang),
        _disabilitas(h, korban_n),
        _hubungan(h),
        per_kasus["tempat_kejadian"],
        _kabkota_tabel(kasus, orang),
        _layanan(h, kasus_n, korban_n),
        per_kasus["saluran"],
        per_kasus["jenis_kasus"],
        per_kasus["tingkat_risiko"],
        per_kasus["kejadian_berulang"],
        _mutu(session, periode),
    ]
    return Rekap(periode, kode_periode, tuple(tabel), h.contoh, kasus_n, korban_n)


def _kab(kode: str, peta: dict[str, str]) -> str:
    """The kab/kota row of a stored code (``peta`` of `_kabkota`, made once per table:
    a year has thousands of groups): its name, outside the province, or ''."""
    if not kode:
        return ""
    return peta.get(kode, LUAR_PROVINSI)


def _usia_dari(kelompok: str, usia: int | None, peta: dict[str, str]) -> str:
    """The SIMFONI age group of a stored group code, else of the age at the kejadian
    (``peta``: the kelompok_usia codes' values)."""
    if kelompok in peta:
        return peta[kelompok]
    if usia is None or usia < 0:
        return ""
    try:
        return peta.get(referensi.kode_kelompok_usia(usia), "")
    except ValueError:
        return ""


def _kasus(h: _Hitung) -> dict[str, Any]:
    """One GROUP BY of the period's cases by the stored codes of every per-case list and
    the kab/kota; the groups' counts are then summed under their SIMFONI values."""
    daftar = [kode for kode, _, _ in _PER_KASUS]
    peta = {kode: _kategori(kode)[0] for kode in daftar}
    kol = [getattr(Kasus, kode) for kode in daftar] + [Kasus.kejadian_kabkota_kode]
    polisi = func.sum(case((col(Kasus.dilaporkan_polisi).is_(True), 1), else_=0))
    hasil: dict[str, Any] = {kode: {} for kode in daftar}
    hasil.update(jumlah=0, polisi=0, kabkota={})
    peta_kab, _ = _kabkota()
    for *kunci, kab, n, pol in h.rows(
            select(*kol, func.count(), polisi).select_from(Kasus)
            .where(*h.syarat_kasus()).group_by(*kol)):
        hasil["jumlah"] += n
        hasil["polisi"] += int(pol or 0)
        for kode, v in zip(daftar, kunci, strict=True):
            nilai = peta[kode].get(v or "", "")
            hasil[kode][nilai] = hasil[kode].get(nilai, 0) + n
        k = _kab(kab or "", peta_kab)
        hasil["kabkota"][k] = hasil["kabkota"].get(k, 0) + n
    return hasil


def _orang(h: _Hitung) -> dict[str, Any]:
    """One GROUP BY of the period's korban by the stored age group (the age at the
    kejadian only where the group is empty), sex and the case's kab/kota, summing the
    anak and not-yet-in-SIMFONI ones; and a count of the pelaku."""
    p = Pihak
    kol = [p.kelompok_usia, case((p.kelompok_usia == "", p.usia_kejadian), else_=None),
           p.jenis_kelamin, Kasus.kejadian_kabkota_kode]
    hasil: dict[str, Any] = {"korban": 0, "p": 0, "l": 0, "anak": 0, "belum": 0,
                             "usia": {}, "kabkota": {}}
    peta_kab, _ = _kabkota()
    peta_usia, _ = _kategori("kelompok_usia")
    for kelompok, usia, kelamin, kab, n, anak, belum in h.rows(
            select(*kol, func.count(),
                   func.sum(case((col(p.anak_kejadian).is_(True), 1), else_=0)),
                   func.sum(case((col(p.simfoni_diinput_pada).is_(None), 1), else_=0)))
            .select_from(p).join(Kasus, Kasus.id == p.kasus_id)
            .where(*h.syarat_kasus(), *h.korban()).group_by(*kol)):
        hasil["korban"] += n
        jk = kelamin if kelamin in ("p", "l") else ""
        if jk:
            hasil[jk] += n
        hasil["anak"] += int(anak or 0)
        hasil["belum"] += int(belum or 0)
        r = hasil["usia"].setdefault(_usia_dari(kelompok or "", usia, peta_usia),
                                     [0, 0, 0, 0])
        r[{"p": 0, "l": 1}.get(jk, 2)] += n
        r[3] += n
        k = _kab(kab or "", peta_kab)
        hasil["kabkota"][k] = hasil["kabkota"].get(k, 0) + n
    hasil["pelaku"] = h.session.execute(
        select(func.count()).select_from(p).join(Kasus, Kasus.id == p.kasus_id)
        .where(*h.syarat_kasus(), p.peran == "pelaku", col(p.deleted_at).is_(None))
    ).scalar_one()
    return hasil


def _ringkas(kasus: dict[str, Any], orang: dict[str, Any]) -> TabelRekap:
    baris = (("Kasus diterima", kasus["jumlah"]), ("Korban", orang["korban"]),
             ("Korban perempuan", orang["p"]), ("Korban laki-laki", orang["l"]),
             ("Korban anak (di bawah 18 tahun saat kejadian)", orang["anak"]),
             ("Pelaku", orang["pelaku"]), ("Kasus sudah dilaporkan ke polisi", kasus["polisi"]),
             ("Korban belum diinput ke SIMFONI-PPA", orang["belum"]))
    return TabelRekap("ringkasan", "Ringkasan", ("Uraian", "Jumlah"), baris,
                      "Kasus yang diterima dalam periode, dengan korban dan pelakunya.")


def _bit(kolom: Any, peta: dict[str, str], urut: Sequence[str], lain: bool = False) -> Any:
    """Per row, the bit of its code's SIMFONI value (value i of ``urut``: 1 << i; for a
    code the data file does not know, or none, 0, or with ``lain`` 1 << len(urut)).
    SUM(DISTINCT) of it over a group is the set of values the group has: one cheap
    expression per row where a flag per value took one CASE each (the per-korban
    bentuk kekerasan of a year: 0.55 s, now 0.35 s)."""
    return case({k: 1 << urut.index(v) for k, v in peta.items()}, value=kolom,
                else_=(1 << len(urut)) if lain else 0)


def _urai_bit(baris: Sequence[tuple], n: int) -> tuple[list[int], int]:
    """Rows (set of values as bits, how many groups): per value the groups that have it,
    and the groups with any known value."""
    per_nilai, ada = [0] * n, 0
    for bit, jumlah in baris:
        bit = int(bit or 0)
        for i in range(n):
            if bit & (1 << i):
                per_nilai[i] += jumlah
        if bit:
            ada += jumlah
    return per_nilai, ada


def _bentuk(h: _Hitung, kasus_n: int, korban_n: int) -> TabelRekap:
    peta, urut = _kategori("bentuk_kekerasan")
    kk, p = KekerasanKasus, Pihak
    pk = aliased(Pihak)
    bit = _bit(kk.bentuk, peta, urut)
    per_kasus = (select(kk.kasus_id, func.sum(distinct(bit)).label("bit"))
                 .select_from(kk).join(Kasus, Kasus.id == kk.kasus_id)
                 .outerjoin(pk, pk.id == kk.korban_id)
                 .where(*h.syarat_kasus(), col(kk.deleted_at).is_(None),
                        or_(col(kk.korban_id).is_(None), col(pk.deleted_at).is_(None)))
                 .group_by(kk.kasus_id)).subquery()
    per_kasus_n, kasus_ada = _urai_bit(h.rows(
        select(per_kasus.c.bit, func.count()).group_by(per_kasus.c.bit)), len(urut))

    # Each korban with her case's rows that are hers or the case's (korban_id NULL), in
    # one pass: the values of "hers" and of "the case's" rows, and whether she has any
    # row of her own; she counts by her own rows when she has them, else by the case's.
    milik = kk.korban_id == p.id
    per_orang = (select(p.id, func.max(case((milik, 1), else_=0)).label("sendiri"),
                        func.sum(distinct(case((milik, bit)))).label("bit_s"),
                        func.sum(distinct(case((col(kk.korban_id).is_(None), bit))))
                        .label("bit_k"))
                 .select_from(p).join(Kasus, Kasus.id == p.kasus_id)
                 .join(kk, and_(kk.kasus_id == p.kasus_id, col(kk.deleted_at).is_(None),
                                or_(milik, col(kk.korban_id).is_(None))))
                 .where(*h.syarat_kasus(), *h.korban()).group_by(p.id)).subquery()
    c = per_orang.c
    bit_orang = case((c.sendiri == 1, c.bit_s), else_=c.bit_k)
    per_korban, korban_ada = _urai_bit(h.rows(
        select(bit_orang, func.count()).group_by(bit_orang)), len(urut))
    hitung = {v: (per_kasus_n[i], per_korban[i]) for i, v in enumerate(urut)}
    return TabelRekap(
        "bentuk_kekerasan", "Kasus dan korban menurut bentuk kekerasan",
        ("Bentuk kekerasan", "Kasus", "Korban"),
        _baris(urut, hitung, 2, (kasus_n - kasus_ada, korban_n - korban_ada)),
        "Seorang korban dapat mengalami beberapa bentuk: jumlah baris bisa melebihi "
        "jumlah kasus dan korban.")


def _usia(orang: dict[str, Any]) -> TabelRekap:
    _, urut = _kategori("kelompok_usia")
    return TabelRekap(
        "usia_jenis_kelamin", "Korban menurut kelompok usia dan jenis kelamin",
        ("Kelompok usia (saat kejadian)", "Perempuan", "Laki-laki", "JK tidak diisi",
         "Jumlah"),
        _baris(urut, {k: tuple(v) for k, v in orang["usia"].items()}, 4,
               label_kosong="Usia tidak diketahui", jumlah=True),
        "Usia korban pada saat kejadian; anak = di bawah 18 tahun. JK = jenis kelamin.",
        jumlah=True)


def _disabilitas(h: _Hitung, korban_n: int) -> TabelRekap:
    peta, urut = _kategori("disabilitas", kecuali=("tidak_ada",))
    tanpa = referensi.label("disabilitas", "tidak_ada")
    d, p = DisabilitasPihak, Pihak
    # Read from the few disabilitas rows, each asking whether its korban is one of the
    # period's (EXISTS): joined the other way round the planner walked every korban.
    korban_periode = (select(literal(1)).select_from(p).join(Kasus, Kasus.id == p.kasus_id)
                      .where(p.id == d.pihak_id, *h.syarat_kasus(), *h.korban()).exists())
    per_orang = (select(d.pihak_id, func.sum(distinct(_bit(d.ragam, peta, urut)))
                        .label("bit"))
                 .where(col(d.deleted_at).is_(None), korban_periode)
                 .group_by(d.pihak_id)).subquery()
    baris_bit = h.rows(select(per_orang.c.bit, func.count()).group_by(per_orang.c.bit))
    per_ragam, penyandang = _urai_bit(baris_bit, len(urut))
    ada_isi = sum(int(n) for _, n in baris_bit)
    baris = [(v, per_ragam[i]) for i, v in enumerate(urut)]
    baris += [("Korban penyandang disabilitas (orang)", penyandang),
              (tanpa if tanpa != "tidak_ada" else "Tidak ada", ada_isi - penyandang),
              (TIDAK_DIISI, korban_n - ada_isi)]
    return TabelRekap(
        "disabilitas", "Korban menurut ragam disabilitas", ("Ragam disabilitas", "Korban"),
        tuple(baris),
        "Seorang korban dapat menyandang beberapa ragam (dihitung di setiap ragamnya); "
        "\"Tidak ada\" bila hanya itu yang tercatat.")


def _hubungan(h: _Hitung) -> TabelRekap:
    peta, urut = _kategori("hubungan_pelaku")
    hk = HubunganKorbanPelaku
    pk, pl = aliased(Pihak), aliased(Pihak)
    hitung: dict[str, list[int]] = {}
    for kode, kelamin, n in h.rows(
            select(hk.hubungan, pl.jenis_kelamin, func.count()).select_from(hk)
            .join(Kasus, Kasus.id == hk.kasus_id)
            .join(pk, pk.id == hk.korban_id).join(pl, pl.id == hk.pelaku_id)
            .where(*h.syarat_kasus(), col(hk.deleted_at).is_(None),
                   col(pk.deleted_at).is_(None), col(pl.deleted_at).is_(None))
            .group_by(hk.hubungan, pl.jenis_kelamin)):
        r = hitung.setdefault(peta.get(kode or "", ""), [0, 0, 0, 0])
        r[{"l": 0, "p": 1}.get(kelamin, 2)] += n
        r[3] += n
    return TabelRekap(
        "hubungan_pelaku", "Pelaku menurut hubungan dengan korban",
        ("Hubungan pelaku dengan korban", "Pelaku laki-laki", "Pelaku perempuan",
         "JK tidak diisi", "Jumlah"),
        _baris(urut, {k: tuple(v) for k, v in hitung.items()}, 4, jumlah=True),
        "Satu hitungan per pasangan korban–pelaku, seperti SIMFONI-PPA menghitung; JK = "
        "jenis kelamin pelaku.",
        jumlah=True)


def _tabel_kasus(daftar: str, judul: str, kepala: str, hitung: dict[str, int]) -> TabelRekap:
    _, urut = _kategori(daftar)
    return TabelRekap(daftar, judul, (kepala, "Kasus"),
                      _baris(urut, {v: (n,) for v, n in hitung.items()}, 1, jumlah=True),
                      jumlah=True)


def _kabkota_tabel(kasus: dict[str, Any], orang: dict[str, Any]) -> TabelRekap:
    _, urut = _kabkota()
    hitung = {v: (kasus["kabkota"].get(v, 0), orang["kabkota"].get(v, 0))
              for v in [*urut, ""]}
    return TabelRekap(
        "kabkota", "Kasus dan korban menurut kabupaten/kota kejadian",
        ("Kab/kota kejadian", "Kasus", "Korban"),
        _baris(urut, hitung, 2, jumlah=True), jumlah=True)


def _layanan(h: _Hitung, kasus_n: int, korban_n: int) -> TabelRekap:
    peta, urut = _kategori("layanan")
    pengaduan = peta.get("pengaduan")
    r, p = RencanaIntervensi, Pihak
    syarat = [*h.syarat_kasus(), *h.korban(), col(r.deleted_at).is_(None),
              col(r.status).in_(LAYANAN_JALAN),
              or_(r.persetujuan_layanan != "menolak", col(r.persetujuan_layanan).is_(None))]
    # A code the data file does not know gets the bit after the values': "lain".
    per_korban = (select(p.id.label("pid"), p.kasus_id.label("kid"),
                         func.sum(distinct(_bit(r.layanan, peta, urut, lain=True)))
                         .label("bit"))
                  .select_from(r).join(Kasus, Kasus.id == r.kasus_id)
                  .join(p, and_(p.kasus_id == r.kasus_id,
                                or_(r.korban_id == p.id, col(r.korban_id).is_(None))))
                  .where(*syarat).group_by(p.id, p.kasus_id)).subquery()
    kolom = []
    for i in range(len(urut) + 1):
        punya = per_korban.c.bit.op("&")(1 << i) != 0
        kolom += [func.sum(case((punya, 1), else_=0)),
                  func.count(distinct(case((punya, per_korban.c.kid))))]
    angka = [int(x or 0) for x in h.rows(select(*kolom))[0]]
    hitung = {v: (angka[2 * i], angka[2 * i + 1]) for i, v in enumerate(urut)}
    lain = (angka[-2], angka[-1])
    if pengaduan is not None:
        hitung[pengaduan] = (korban_n, kasus_n)
    return TabelRekap(
        "layanan", "Korban menurut layanan yang diberikan", ("Layanan", "Korban", "Kasus"),
        _baris(urut, hitung, 2, lain,
               label_kosong="Layanan lain (kode tidak dikenal)"),
        "Setiap korban menerima layanan pengaduan; layanan lain dihitung bila rencana "
        "intervensinya berjalan atau selesai (tidak ditolak). Seorang korban dapat "
        "menerima beberapa layanan.")


def _mutu(session: Session, periode: Periode) -> TabelRekap:
    from ppa_tui.domain.mutu import kepatuhan

    laporan = kepatuhan(session, periode.sejak, periode.sampai)
    baris = tuple(
        (m.label, m.selesai, m.dengan_batas, m.tepat_waktu,
         None if m.persen_tepat is None else round(m.persen_tepat, 1), m.batas_teks)
        for m in laporan.baris)
    return TabelRekap(
        "kepatuhan_sop", "Kepatuhan SOP per langkah",
        ("Langkah SOP", "Selesai", "Berbatas waktu", "Tepat waktu", "% tepat waktu",
         "Batas SOP"),
        baris,
        "Langkah yang selesai dalam periode (bukan menurut kasus yang diterima); tepat "
        "waktu = selesai paling lambat pada tenggatnya; % dari yang berbatas waktu. "
        f"{laporan.dihentikan} langkah dihentikan penutupan kasus tidak dihitung. Median "
        "dan P90 lamanya: layar Mutu baku (m di beranda).")


# ---- korban not yet in SIMFONI-PPA -------------------------------------------------------


def belum_simfoni(session: Session, zona: str | ZoneInfo = "Asia/Jakarta",
                  periode: Periode | None = None, batas: int | None = None) -> DaftarBelum:
    """Korban of kept cases with no "diinput ke SIMFONI-PPA pada" date, oldest case
    first (optionally of the cases received in ``periode``): register number, the
    korban's initials and the date received. Same demo rule as the recap."""
    from ppa_tui.domain.akses import inisial

    z = ZoneInfo(zona) if isinstance(zona, str) else zona
    contoh = hanya_contoh(session)
    p = Pihak
    syarat = [p.peran == "korban", col(p.deleted_at).is_(None),
              col(p.simfoni_diinput_pada).is_(None), col(Kasus.deleted_at).is_(None)]
    if not contoh:
        syarat.append(col(Kasus.demo).is_(False))
    if periode is not None:
        syarat += [col(Kasus.waktu_diterima) >= periode.sejak,
                   col(Kasus.waktu_diterima) < periode.sampai]
    jumlah = session.execute(select(func.count()).select_from(p)
                             .join(Kasus, Kasus.id == p.kasus_id).where(*syarat)).scalar_one()
    stmt = (select(Kasus.id, p.id, Kasus.nomor_register, p.nama, Kasus.waktu_diterima)
            .select_from(p).join(Kasus, Kasus.id == p.kasus_id).where(*syarat)
            .order_by(Kasus.waktu_diterima, Kasus.tahun, Kasus.urutan, p.created_at))
    if batas is not None:
        stmt = stmt.limit(batas)
    baris = tuple(
        BelumSimfoni(kid, pid, nomor, inisial(nama or "") or "—",
                     diterima.astimezone(z).date())
        for kid, pid, nomor, nama, diterima in session.execute(stmt).all())
    return DaftarBelum(baris, jumlah, contoh)


def tanggal_teks(hari: date | datetime) -> str:
    """23-11-2026, as the forms write dates."""
    return f"{hari:%d-%m-%Y}"
