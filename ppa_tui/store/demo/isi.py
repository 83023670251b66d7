"""`isi_demo`: reserve register numbers and bulk-insert generated cases per batch."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import column, func, select, table

from ppa_tui.domain.clock import Clock
from ppa_tui.domain.models import (
    Asesmen,
    BukuTamu,
    CatatanKegiatan,
    DisabilitasPihak,
    Disposisi,
    HubunganKorbanPelaku,
    Kasus,
    KekerasanKasus,
    LangkahKasus,
    Mediasi,
    NomorRegister,
    Pelimpahan,
    Penampungan,
    Persetujuan,
    Pihak,
    RencanaIntervensi,
    RujukanMasuk,
    Terminasi,
)
from ppa_tui.galat import PesanPetugas

if TYPE_CHECKING:
    from sqlmodel import Session

    from ppa_tui.domain.kalender import Kalender
    from ppa_tui.store.database import Database


from ppa_tui.store.demo.acak import _PILIH_JAM, _Acak
from ppa_tui.store.demo.alur import Paksa
from ppa_tui.store.demo.generator import _Format, _Generator
from ppa_tui.store.demo.konstanta import BUKA, HARI_KE_BELAKANG, TABEL, TUTUP, WIB
from ppa_tui.store.demo.waktu import KalenderCepat

# ---- when the cases arrived -----------------------------------------------------------


def _waktu_masuk(rng: random.Random, jumlah: int, now: datetime) -> list[datetime]:
    """Arrival times: a few today (up to now), the rest over the past year's office
    hours (mostly weekdays, busier mid-morning, somewhat busier recently). Sorted."""
    lokal = now.astimezone(WIB)
    hari_ini = lokal.date()
    mulai = datetime.combine(hari_ini, BUKA, WIB)
    akhir = min(lokal, datetime.combine(hari_ini, TUTUP, WIB))
    if akhir - mulai < timedelta(minutes=5):  # before opening: the night duty's guests
        tengah_malam = datetime.combine(hari_ini, time(0, 0), WIB)
        mulai, akhir = max(tengah_malam, lokal - timedelta(hours=1)), lokal
    n_hari_ini = min(jumlah, max(3, min(40, jumlah // 100)))
    n_pekan = min(jumlah - n_hari_ini, max(2, jumlah // 50))  # a backlog from this week
    out: list[datetime] = []
    rentang = (akhir - mulai).total_seconds()
    for _ in range(n_hari_ini):
        out.append((mulai + timedelta(seconds=rng.random() * rentang)).astimezone(UTC))
    tutup_menit = (TUTUP.hour - BUKA.hour) * 60 + TUTUP.minute - BUKA.minute
    for i in range(jumlah - n_hari_ini):
        for _coba in range(3):
            if i < n_pekan:
                mundur = rng.randint(1, 7)
            elif rng.random() < 0.2:
                mundur = rng.randint(1, 30)
            else:
                mundur = rng.randint(1, HARI_KE_BELAKANG)
            hari = hari_ini - timedelta(days=mundur)
            if hari.weekday() < 5:
                break
        jam = _PILIH_JAM(rng)
        menit = rng.randrange(60)
        t = datetime.combine(hari, time(jam, menit), WIB) + timedelta(seconds=rng.randrange(60))
        t = min(t, datetime.combine(hari, BUKA, WIB) + timedelta(minutes=tutup_menit))
        out.append(t.astimezone(UTC))
    out.sort()
    return out


# ---- which cases must show which state ------------------------------------------------

_BARU = (  # the newest cases: every step of both SOP Layanan tracks running
    Paksa(rujukan=False, macet="L1", aktif=True),
    Paksa(rujukan=False, macet="L2", aktif=True),
    Paksa(rujukan=False, macet="L3", aktif=True),
    Paksa(rujukan=True, macet="L4a", aktif=True),
    Paksa(rujukan=False, kewenangan="provinsi", macet="L4b", aktif=True),
    Paksa(rujukan=True, macet="L5", aktif=True),
    Paksa(rujukan=False, kewenangan="provinsi", macet="L6", aktif=True),
    Paksa(rujukan=True, macet="L7", aktif=True),
    Paksa(rujukan=False, kewenangan="provinsi", macet="L8", aktif=True),
    Paksa(rujukan=True, macet="L9", aktif=True),
)


def _umur(hari_min: float, hari_maks: float, **v: object) -> tuple[float, float, Paksa]:
    return hari_min, hari_maks, Paksa(**v)


def _bertahap() -> list[tuple[float, float, Paksa]]:
    """Older cases, each with the age its state needs (days)."""
    prov = {"rujukan": False, "kewenangan": "provinsi"}
    out = [
        _umur(1, 8, rujukan=False, kewenangan="kabkota", terima=False, aktif=True),
        _umur(20, 200, rujukan=False, kewenangan="kabkota", terima=True, tutup="alami"),
        _umur(10, 100, rujukan=False, kewenangan="kabkota", terima=True, aktif=True),
        _umur(20, 200, rujukan=False, kewenangan="pusat", terima=True),
    ]
    for i, kode in enumerate(("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8")):
        umur = (6, 30) if kode <= "P4" else (25, 60)
        asal = {"rujukan": True} if i % 2 else prov
        out.append(_umur(*umur, p_jalan=kode, aktif=True, **asal))
    out += [
        _umur(60, 250, p_selesai=True, tutup="alami", **prov),
        _umur(40, 120, p_selesai=True, aktif=True, rujukan=True),
        _umur(30, 200, p_tolak=True, rujukan=True),
        _umur(5, 12, tampung="dalam", aktif=True, **prov),
        _umur(17, 30, tampung="lewat", aktif=True, rujukan=True),
        _umur(30, 200, tampung="keluar", **prov),
        _umur(17, 30, tampung="panjang", aktif=True, **prov),
        _umur(40, 200, mediasi=True, **prov),
        _umur(40, 200, mediasi=True, aktif=True, rujukan=True),
        _umur(30, 300, tutup="awal", **prov),
        _umur(30, 300, tutup="awal", rujukan=False, kewenangan="kabkota"),
        _umur(20, 200, tutup="awal", buka=True, **prov),
        _umur(20, 200, tutup="awal", buka=True, rujukan=True),
    ]
    return out


def _paksa(masuk: list[datetime], now: datetime, lewati: datetime | None,
           rng: random.Random) -> dict[int, Paksa]:
    """Which case (index into `masuk`) must show which state, so that a fill of a few
    hundred cases holds every state the screens and documents can show. The newest
    get the running steps; the others the case whose age fits the state best (a
    sample of them on a big fill, so this stays cheap at a million)."""
    n = len(masuk)
    bebas = [i for i in range(n - 1, -1, -1) if masuk[i] != lewati]
    out: dict[int, Paksa] = {}
    for p, i in zip(_BARU, bebas, strict=False):
        out[i] = replace(p)  # a copy: the generator fills in what it drew
    sisa = [i for i in bebas if i not in out]
    if len(sisa) > 4000:
        sisa = sorted(rng.sample(sisa, 4000))
    for lo, hi, p in _bertahap():
        if not sisa:
            break
        tengah = (lo + hi) / 2
        pas = [i for i in sisa if lo <= (now - masuk[i]).total_seconds() / 86400 <= hi]
        if pas:
            i = rng.choice(pas)
        else:
            i = min(sisa, key=lambda i: abs((now - masuk[i]).total_seconds() / 86400 - tengah))
        sisa.remove(i)
        out[i] = p
    return out


# ---- the public entry point --------------------------------------------------------------


def _cadangkan(session: Session, tahun: int, banyak: int) -> int:
    """Reserve `banyak` register numbers of `tahun` with one atomic upsert; returns the
    first one. Same statement shape as `domain.register.ambil_nomor`."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    table = NomorRegister.__table__
    stmt = (
        upsert(table)
        .values(tahun=tahun, terakhir=banyak)
        .on_conflict_do_update(
            index_elements=[table.c.tahun],
            set_={"terakhir": table.c.terakhir + banyak},
        )
        .returning(table.c.terakhir)
    )
    terakhir = session.execute(stmt).scalar_one()
    return terakhir - banyak + 1


_MODEL = {
    "kasus": Kasus, "tamu": BukuTamu, "pelapor": Pihak, "pihak": Pihak,
    "kekerasan": KekerasanKasus, "rujukan": RujukanMasuk, "pelimpahan": Pelimpahan,
    "disposisi": Disposisi, "asesmen": Asesmen, "persetujuan": Persetujuan,
    "rencana": RencanaIntervensi, "langkah": LangkahKasus, "penampungan": Penampungan,
    "mediasi": Mediasi, "catatan": CatatanKegiatan, "terminasi": Terminasi,
    "disabilitas": DisabilitasPihak, "hubungan": HubunganKorbanPelaku,
}
# parents before children (foreign keys are checked per row on SQLite)
_URUTAN_TABEL = tuple((k, _MODEL[k]) for k in TABEL)


def bawaan(model: type) -> dict[str, Any]:
    """A row of `model` with every column at its model default (None where the model
    has none: the generator must give those), so no row dict ever lacks a column."""
    from pydantic_core import PydanticUndefined

    row: dict[str, Any] = {}
    for c in model.__table__.c:
        f = model.model_fields.get(c.name)
        d = None if f is None or f.default is PydanticUndefined else f.default
        row[c.name] = d
    return row


class _Tabel:
    """A type-less mirror of a model's table (same name, same columns), the converters
    that put the generator's rows into storage form for it, and the driver-level
    INSERT they go through (`executemany` of plain tuples: SQLAlchemy's per-row
    parameter building was a quarter of the fill's time)."""

    def __init__(self, model: type, fmt: _Format) -> None:
        asli = model.__table__
        self.cermin = table(asli.name, *(column(c.name) for c in asli.c))
        self.kolom = [c.name for c in asli.c]
        self.ubah = [(i, f) for i, c in enumerate(asli.c)
                     if c.name != "deleted_at"  # always None here
                     and (f := fmt.pengubah(c)) is not None]
        q = fmt.dialect.identifier_preparer.quote
        tanda = "?" if fmt.dialect.paramstyle == "qmark" else "%s"
        self.sql = (f"INSERT INTO {q(asli.name)} ({', '.join(q(k) for k in self.kolom)}) "
                    f"VALUES ({', '.join([tanda] * len(self.kolom))})")
        self._ambil = itemgetter(*self.kolom)

    def siapkan(self, rows: list[dict[str, Any]]) -> list[tuple]:
        """The rows as tuples in column order, every value in its stored form."""
        ambil, ubah = self._ambil, self.ubah
        out = []
        for row in rows:
            v = list(ambil(row))
            for i, f in ubah:
                v[i] = f(v[i])
            out.append(tuple(v))
        return out


class AdaKasusNyata(PesanPetugas):
    """The database already holds real cases: synthetic ones would mix with them and
    take the next register numbers."""

    def __init__(self, jumlah: int) -> None:
        super().__init__(
            f"Basis data ini sudah berisi {jumlah} kasus nyata. Kasus contoh akan bercampur "
            "dengannya dan memakai nomor register berikutnya. Pakai basis data lain untuk "
            "mencoba (--db), atau tambahkan --campur bila memang disengaja.")
        self.jumlah = jumlah


def hitung_kasus_nyata(database: Database) -> int:
    """Cases not made by `ppa demo` (deleted ones too: their numbers are taken)."""
    with database.baca() as s:
        return s.execute(select(func.count()).select_from(Kasus)
                         .where(Kasus.demo.is_(False))).scalar_one()


def isi_demo(
    database: Database,
    jumlah: int,
    clock: Clock,
    *,
    seed: int = 2026,
    progress: Callable[[int], None] | None = None,
    batch: int = 1000,
    campur: bool = False,
    kalender: Kalender | None = None,
) -> int:
    """Add `jumlah` synthetic cases to `database`, each marked `demo`; returns how many
    were made. Refuses (`AdaKasusNyata`) a database that holds real cases unless
    `campur`.

    One transaction per `batch` cases (its register numbers, reserved in the same
    transaction, are rolled back with it on error); `progress(n)` after each batch.
    Deadlines count `kalender`'s working time (default: the unit's default calendar,
    Senin-Jumat 08:00-16:00 WIB without holidays and cuti bersama).
    """
    if jumlah <= 0:
        return 0
    if not campur and (nyata := hitung_kasus_nyata(database)):
        raise AdaKasusNyata(nyata)
    batch = max(1, batch)
    now = clock.now().astimezone(UTC)
    rng = _Acak(seed)
    with database.session() as s:
        sudah = s.execute(select(func.coalesce(func.sum(NomorRegister.terakhir), 0))).scalar_one()
    ids = random.Random(f"ppa-demo:{seed}:{database.device_id}:{sudah}")
    fmt = _Format(database.engine.dialect)
    masuk = _waktu_masuk(rng, jumlah, now)
    if kalender is None:
        from ppa_tui.domain.kalender import kalender_dari
        from ppa_tui.settings import Settings

        kalender = kalender_dari(Settings(data_dir=Path(".")))
    kal = KalenderCepat(kalender, masuk[0].astimezone(WIB).date() - timedelta(days=7),
                        now.astimezone(WIB).date() + timedelta(days=400))
    tabel = {k: _Tabel(model, fmt) for k, model in _URUTAN_TABEL}
    gen = _Generator(rng, ids, now, database.device_id, fmt, kal,
                     {k: bawaan(model) for k, model in _URUTAN_TABEL})
    # the newest case from before today stays stuck on a step, so the desk always has
    # an overdue case to look at, however small the fill
    hari_ini = now.astimezone(WIB).date()
    lama = [t for t in masuk if t.astimezone(WIB).date() < hari_ini
            and timedelta(hours=6) <= now - t < timedelta(days=14)]
    gen.paksa_macet = max(lama, default=None)
    paksa = _paksa(masuk, now, gen.paksa_macet, random.Random(f"ppa-demo-paksa:{seed}"))
    dibuat = 0
    for awal in range(0, jumlah, batch):
        potong = masuk[awal:awal + batch]
        tahun_tiap = [t.astimezone(WIB).year for t in potong]
        with database.session() as s:
            berikut = {th: _cadangkan(s, th, n) for th, n in sorted(Counter(tahun_tiap).items())}
            rows: dict[str, list[dict]] = {k: [] for k, _ in _URUTAN_TABEL}
            for i, (diterima, tahun) in enumerate(zip(potong, tahun_tiap, strict=True), awal):
                urutan = berikut[tahun]
                berikut[tahun] += 1
                for k, v in gen.kasus(diterima, tahun, urutan, paksa.get(i)).items():
                    rows[k].extend(v)
            for k, _model in _URUTAN_TABEL:
                if rows[k]:
                    s.connection().exec_driver_sql(tabel[k].sql, tabel[k].siapkan(rows[k]))
            fmt.lupakan()
        dibuat += len(potong)
        if progress is not None:
            progress(len(potong))
    database.segarkan_statistik(penuh=True)  # a bulk load: the planner must know
    return dibuat
