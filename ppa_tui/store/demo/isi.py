"""`isi_demo`: reserve register numbers and bulk-insert generated cases per batch."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import column, func, insert, select, table

from ppa_tui.domain.clock import Clock
from ppa_tui.domain.models import (
    BukuTamu,
    Kasus,
    KekerasanKasus,
    LangkahKasus,
    NomorRegister,
    Pihak,
)
from ppa_tui.galat import PesanPetugas

if TYPE_CHECKING:
    from sqlmodel import Session

    from ppa_tui.store.database import Database


from ppa_tui.store.demo.acak import _PILIH_JAM, _Acak
from ppa_tui.store.demo.generator import _Format, _Generator
from ppa_tui.store.demo.konstanta import BUKA, HARI_KE_BELAKANG, TUTUP, WIB

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


_URUTAN_TABEL = (  # parents before children (foreign keys are checked per row on SQLite)
    ("kasus", Kasus), ("tamu", BukuTamu), ("pelapor", Pihak), ("pihak", Pihak),
    ("kekerasan", KekerasanKasus), ("langkah", LangkahKasus),
)


class _Tabel:
    """A type-less mirror of a model's table (same name, same columns) and the
    converters that put the generator's rows into storage form for it."""

    def __init__(self, model: type, fmt: _Format) -> None:
        asli = model.__table__
        self.cermin = table(asli.name, *(column(c.name) for c in asli.c))
        self.ubah = [(c.name, f) for c in asli.c
                     if c.name != "deleted_at"  # always None here
                     and (f := fmt.pengubah(c)) is not None]

    def siapkan(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for row in rows:
            for nama, f in self.ubah:
                row[nama] = f(row[nama])
        return rows


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
) -> int:
    """Add `jumlah` synthetic cases to `database`, each marked `demo`; returns how many
    were made. Refuses (`AdaKasusNyata`) a database that holds real cases unless
    `campur`.

    One transaction per `batch` cases (its register numbers, reserved in the same
    transaction, are rolled back with it on error); `progress(n)` after each batch.
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
    gen = _Generator(rng, ids, now, database.device_id, fmt)
    masuk = _waktu_masuk(rng, jumlah, now)
    # the newest case from before today stays stuck on a step, so the desk always has
    # an overdue case to look at, however small the fill
    hari_ini = now.astimezone(WIB).date()
    lama = [t for t in masuk if t.astimezone(WIB).date() < hari_ini
            and timedelta(hours=6) <= now - t < timedelta(days=14)]
    gen.paksa_macet = max(lama, default=None)
    tabel = {k: _Tabel(model, fmt) for k, model in _URUTAN_TABEL}
    dibuat = 0
    for awal in range(0, jumlah, batch):
        potong = masuk[awal:awal + batch]
        tahun_tiap = [t.astimezone(WIB).year for t in potong]
        with database.session() as s:
            berikut = {th: _cadangkan(s, th, n) for th, n in sorted(Counter(tahun_tiap).items())}
            rows: dict[str, list[dict]] = {k: [] for k, _ in _URUTAN_TABEL}
            for diterima, tahun in zip(potong, tahun_tiap, strict=True):
                urutan = berikut[tahun]
                berikut[tahun] += 1
                for k, v in gen.kasus(diterima, tahun, urutan).items():
                    rows[k].extend(v)
            for k, _model in _URUTAN_TABEL:
                if rows[k]:
                    s.execute(insert(tabel[k].cermin), tabel[k].siapkan(rows[k]))
            fmt.lupakan()
        dibuat += len(potong)
        if progress is not None:
            progress(len(potong))
    database.segarkan_statistik(penuh=True)  # a bulk load: the planner must know
    return dibuat
