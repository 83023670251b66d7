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

No name, NIK, phone number or address is read for a recap: every figure is a GROUP BY
count in the database (a year of 100,000 cases in well under 2 s); only the list of
korban not yet in SIMFONI-PPA reads names, to give their initials.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, distinct, exists, func, literal, or_, select, union_all
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


def _peta_sql(kolom: Any, peta: dict[str, str]) -> Any:
    """The SIMFONI value of a code column, '' for empty or unknown codes."""
    if not peta:
        return literal("")
    return case(peta, value=kolom, else_=literal(""))


def _usia_sql(kelompok: Any, usia: Any) -> tuple[Any, list[str]]:
    """The age group's SIMFONI value: from the stored group, else from the age at the
    kejadian by the data file's bounds, else ''."""
    peta, urut = _kategori("kelompok_usia")
    rentang = []
    for e in referensi.pilihan("kelompok_usia"):
        batas = _batas_usia(e.kode)
        if batas is None:
            continue
        bawah, atas = batas
        syarat = usia >= bawah if atas is None else and_(usia >= bawah, usia <= atas)
        rentang.append((syarat, literal(peta[e.kode])))
    dari_usia = case(*rentang, else_=literal("")) if rentang else literal("")
    return case((kelompok.in_(list(peta)), _peta_sql(kelompok, peta)),
                (usia.is_not(None), dari_usia), else_=literal("")), urut


def _batas_usia(kode: str) -> tuple[int, int | None] | None:
    for e in referensi._entri("kelompok_usia"):  # noqa: SLF001  (min/max are not in Pilihan)
        if e["kode"] == kode and isinstance(e.get("min"), int):
            return e["min"], e.get("max")
    return None


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


def rekap(session: Session, periode: Periode, kode_periode: str = "") -> Rekap:
    """The recap of ``periode`` (see the module's docstring)."""
    h = _Hitung(session, periode, hanya_contoh(session))
    kasus_n, korban = _ringkas(h)
    tabel = [
        korban[0],
        _bentuk(h, kasus_n, korban[1]),
        _usia(h),
        _disabilitas(h, korban[1]),
        _hubungan(h),
        _per_kasus(h, "tempat_kejadian", "Kasus menurut tempat kejadian", "Tempat kejadian",
                   Kasus.tempat_kejadian),
        _kabkota_tabel(h),
        _layanan(h, kasus_n, korban[1]),
        _per_kasus(h, "saluran", "Kasus menurut saluran pengaduan", "Saluran",
                   Kasus.saluran),
        _per_kasus(h, "jenis_kasus", "Kasus menurut jenis kasus", "Jenis kasus",
                   Kasus.jenis_kasus),
        _per_kasus(h, "tingkat_risiko", "Kasus menurut tingkat risiko (saat pengaduan)",
                   "Tingkat risiko", Kasus.tingkat_risiko),
        _per_kasus(h, "kejadian_berulang", "Kasus menurut kejadian sekali atau berulang",
                   "Kejadian", Kasus.kejadian_berulang),
        _mutu(session, periode),
    ]
    return Rekap(periode, kode_periode, tuple(tabel), h.contoh, kasus_n, korban[1])


def _ringkas(h: _Hitung) -> tuple[int, tuple[TabelRekap, int]]:
    kasus_n, polisi = (int(x or 0) for x in h.rows(
        select(func.count(), func.sum(case((col(Kasus.dilaporkan_polisi).is_(True), 1),
                                           else_=0)))
        .select_from(Kasus).where(*h.syarat_kasus()))[0])
    p = Pihak
    korban = h.rows(
        select(func.count(),
               func.sum(case((p.jenis_kelamin == "p", 1), else_=0)),
               func.sum(case((p.jenis_kelamin == "l", 1), else_=0)),
               func.sum(case((col(p.anak_kejadian).is_(True), 1), else_=0)),
               func.sum(case((col(p.simfoni_diinput_pada).is_(None), 1), else_=0)))
        .select_from(p).join(Kasus, Kasus.id == p.kasus_id)
        .where(*h.syarat_kasus(), *h.korban()))[0]
    jumlah, perempuan, laki, anak, belum = (int(x or 0) for x in korban)
    pelaku = h.session.execute(
        select(func.count()).select_from(p).join(Kasus, Kasus.id == p.kasus_id)
        .where(*h.syarat_kasus(), p.peran == "pelaku", col(p.deleted_at).is_(None))
    ).scalar_one()
    baris = (("Kasus diterima", kasus_n), ("Korban", jumlah),
             ("Korban perempuan", perempuan), ("Korban laki-laki", laki),
             ("Korban anak (di bawah 18 tahun saat kejadian)", anak),
             ("Pelaku", pelaku), ("Kasus sudah dilaporkan ke polisi", polisi),
             ("Korban belum diinput ke SIMFONI-PPA", belum))
    return kasus_n, (TabelRekap("ringkasan", "Ringkasan", ("Uraian", "Jumlah"), baris,
                                "Kasus yang diterima dalam periode, dengan korban dan "
                                "pelakunya."), jumlah)


def _bentuk(h: _Hitung, kasus_n: int, korban_n: int) -> TabelRekap:
    peta, urut = _kategori("bentuk_kekerasan")
    kk, p = KekerasanKasus, Pihak
    pk = aliased(Pihak)
    nilai = _peta_sql(kk.bentuk, peta)
    per_kasus = dict(h.rows(
        select(nilai, func.count(distinct(kk.kasus_id)))
        .select_from(kk).join(Kasus, Kasus.id == kk.kasus_id)
        .outerjoin(pk, pk.id == kk.korban_id)
        .where(*h.syarat_kasus(), col(kk.deleted_at).is_(None),
               or_(col(kk.korban_id).is_(None), col(pk.deleted_at).is_(None)))
        .group_by(nilai)))
    kasus_ada = h.session.execute(
        select(func.count(distinct(kk.kasus_id))).select_from(kk)
        .join(Kasus, Kasus.id == kk.kasus_id).outerjoin(pk, pk.id == kk.korban_id)
        .where(*h.syarat_kasus(), col(kk.deleted_at).is_(None), nilai != "",
               or_(col(kk.korban_id).is_(None), col(pk.deleted_at).is_(None)))).scalar_one()

    x = aliased(KekerasanKasus)
    punya_sendiri = exists().where(x.kasus_id == p.kasus_id, x.korban_id == p.id,
                                   col(x.deleted_at).is_(None))
    sendiri = (select(p.id.label("pid"), kk.bentuk.label("bentuk"))
               .select_from(p).join(Kasus, Kasus.id == p.kasus_id)
               .join(kk, and_(kk.kasus_id == p.kasus_id, kk.korban_id == p.id))
               .where(*h.syarat_kasus(), *h.korban(), col(kk.deleted_at).is_(None)))
    dari_kasus = (select(p.id.label("pid"), kk.bentuk.label("bentuk"))
                  .select_from(p).join(Kasus, Kasus.id == p.kasus_id)
                  .join(kk, and_(kk.kasus_id == p.kasus_id, col(kk.korban_id).is_(None)))
                  .where(*h.syarat_kasus(), *h.korban(), col(kk.deleted_at).is_(None),
                         ~punya_sendiri))
    u = union_all(sendiri, dari_kasus).subquery()
    nilai_u = _peta_sql(u.c.bentuk, peta)
    per_korban = dict(h.rows(select(nilai_u, func.count(distinct(u.c.pid)))
                             .group_by(nilai_u)))
    korban_ada = h.session.execute(select(func.count(distinct(u.c.pid)))
                                   .where(nilai_u != "")).scalar_one()
    hitung = {v: (per_kasus.get(v, 0), per_korban.get(v, 0)) for v in urut}
    return TabelRekap(
        "bentuk_kekerasan", "Kasus dan korban menurut bentuk kekerasan",
        ("Bentuk kekerasan", "Kasus", "Korban"),
        _baris(urut, hitung, 2, (kasus_n - kasus_ada, korban_n - korban_ada)),
        "Seorang korban dapat mengalami beberapa bentuk: jumlah baris bisa melebihi "
        "jumlah kasus dan korban.")


def _usia(h: _Hitung) -> TabelRekap:
    p = Pihak
    kelompok, urut = _usia_sql(p.kelompok_usia, p.usia_kejadian)
    jk = case((p.jenis_kelamin == "p", "p"), (p.jenis_kelamin == "l", "l"), else_="")
    hitung: dict[str, list[int]] = {}
    for g, kelamin, n in h.rows(
            select(kelompok, jk, func.count()).select_from(p)
            .join(Kasus, Kasus.id == p.kasus_id)
            .where(*h.syarat_kasus(), *h.korban()).group_by(kelompok, jk)):
        r = hitung.setdefault(g, [0, 0, 0, 0])
        r[{"p": 0, "l": 1}.get(kelamin, 2)] += n
        r[3] += n
    return TabelRekap(
        "usia_jenis_kelamin", "Korban menurut kelompok usia dan jenis kelamin",
        ("Kelompok usia (saat kejadian)", "Perempuan", "Laki-laki", "JK tidak diisi",
         "Jumlah"),
        _baris(urut, {k: tuple(v) for k, v in hitung.items()}, 4,
               label_kosong="Usia tidak diketahui", jumlah=True),
        "Usia korban pada saat kejadian; anak = di bawah 18 tahun. JK = jenis kelamin.",
        jumlah=True)


def _disabilitas(h: _Hitung, korban_n: int) -> TabelRekap:
    peta, urut = _kategori("disabilitas", kecuali=("tidak_ada",))
    tanpa = referensi.label("disabilitas", "tidak_ada")
    d, p = DisabilitasPihak, Pihak
    dasar = (select(d.pihak_id, d.ragam).select_from(d).join(p, p.id == d.pihak_id)
             .join(Kasus, Kasus.id == p.kasus_id)
             .where(*h.syarat_kasus(), *h.korban(), col(d.deleted_at).is_(None))).subquery()
    nilai = _peta_sql(dasar.c.ragam, peta)
    per_ragam = dict(h.rows(select(nilai, func.count(distinct(dasar.c.pihak_id)))
                            .group_by(nilai)))
    ada_isi = h.session.execute(select(func.count(distinct(dasar.c.pihak_id)))).scalar_one()
    penyandang = h.session.execute(select(func.count(distinct(dasar.c.pihak_id)))
                                   .where(nilai != "")).scalar_one()
    baris = [(v, per_ragam.get(v, 0)) for v in urut]
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
    nilai = _peta_sql(hk.hubungan, peta)
    jk = case((pl.jenis_kelamin == "l", "l"), (pl.jenis_kelamin == "p", "p"), else_="")
    hitung: dict[str, list[int]] = {}
    for v, kelamin, n in h.rows(
            select(nilai, jk, func.count()).select_from(hk)
            .join(Kasus, Kasus.id == hk.kasus_id)
            .join(pk, pk.id == hk.korban_id).join(pl, pl.id == hk.pelaku_id)
            .where(*h.syarat_kasus(), col(hk.deleted_at).is_(None),
                   col(pk.deleted_at).is_(None), col(pl.deleted_at).is_(None))
            .group_by(nilai, jk)):
        r = hitung.setdefault(v, [0, 0, 0, 0])
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


def _per_kasus(h: _Hitung, daftar: str, judul: str, kepala: str, kolom: Any) -> TabelRekap:
    peta, urut = _kategori(daftar)
    nilai = _peta_sql(kolom, peta)
    hitung = {v: (n,) for v, n in h.rows(
        select(nilai, func.count()).select_from(Kasus).where(*h.syarat_kasus())
        .group_by(nilai))}
    return TabelRekap(daftar, judul, (kepala, "Kasus"), _baris(urut, hitung, 1, jumlah=True),
                      jumlah=True)


def _kabkota_tabel(h: _Hitung) -> TabelRekap:
    peta, urut = _kabkota()
    kode = Kasus.kejadian_kabkota_kode
    nilai = case((kode == "", literal("")), else_=_peta_sql_else(kode, peta, LUAR_PROVINSI))
    per_kasus = dict(h.rows(select(nilai, func.count()).select_from(Kasus)
                            .where(*h.syarat_kasus()).group_by(nilai)))
    per_korban = dict(h.rows(
        select(nilai, func.count()).select_from(Pihak).join(Kasus, Kasus.id == Pihak.kasus_id)
        .where(*h.syarat_kasus(), *h.korban()).group_by(nilai)))
    hitung = {v: (per_kasus.get(v, 0), per_korban.get(v, 0)) for v in [*urut, ""]}
    return TabelRekap(
        "kabkota", "Kasus dan korban menurut kabupaten/kota kejadian",
        ("Kab/kota kejadian", "Kasus", "Korban"),
        _baris(urut, hitung, 2, jumlah=True), jumlah=True)


def _peta_sql_else(kolom: Any, peta: dict[str, str], lain: str) -> Any:
    return case(peta, value=kolom, else_=literal(lain))


def _layanan(h: _Hitung, kasus_n: int, korban_n: int) -> TabelRekap:
    peta, urut = _kategori("layanan")
    pengaduan = peta.get("pengaduan")
    r, p = RencanaIntervensi, Pihak
    syarat = [*h.syarat_kasus(), *h.korban(), col(r.deleted_at).is_(None),
              col(r.status).in_(LAYANAN_JALAN),
              or_(r.persetujuan_layanan != "menolak", col(r.persetujuan_layanan).is_(None))]
    pasangan = (select(p.id.label("pid"), p.kasus_id.label("kid"), r.layanan.label("layanan"))
                .select_from(r).join(Kasus, Kasus.id == r.kasus_id)
                .join(p, and_(p.kasus_id == r.kasus_id,
                              or_(r.korban_id == p.id, col(r.korban_id).is_(None))))
                .where(*syarat)).subquery()
    nilai = _peta_sql(pasangan.c.layanan, peta)
    hitung: dict[str, tuple[int, int]] = {}
    for v, korban, kasus in h.rows(
            select(nilai, func.count(distinct(pasangan.c.pid)),
                   func.count(distinct(pasangan.c.kid))).group_by(nilai)):
        hitung[v] = (korban, kasus)
    if pengaduan is not None:
        hitung[pengaduan] = (korban_n, kasus_n)
    return TabelRekap(
        "layanan", "Korban menurut layanan yang diberikan", ("Layanan", "Korban", "Kasus"),
        _baris(urut, hitung, 2, label_kosong="Layanan lain (kode tidak dikenal)"),
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
    from ppa_tui.domain.dokumen.bahan import inisial

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
