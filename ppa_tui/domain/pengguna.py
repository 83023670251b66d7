"""Accounts (issue 12): the first account, adding, disabling and resetting officers,
changing a password, and logging in with a lock-out after repeated failures.

Accounts are disabled, never deleted: their names stay on every record and audit
entry. Every change is audited by the session's hook; logins and failures by `catat`.
A failed login is written too, so `masuk` returns its outcome instead of raising: the
caller's unit of work commits the failure before the officer is told.
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlmodel import Session, col, func, select

from ppa_tui.domain import audit
from ppa_tui.domain.akses import Akun, aturan, periksa
from ppa_tui.domain.kata_sandi import (
    BATAS_GAGAL,
    LAMA_TERKUNCI,
    hash_sandi,
    periksa_sandi_baru,
    pesan_terkunci,
    sandi_cocok,
)
from ppa_tui.domain.models_akses import Pengguna, PenugasanKasus, PeranPengguna
from ppa_tui.galat import PesanPetugas

_NAMA = re.compile(r"[a-z0-9][a-z0-9._-]{1,59}")
PERAN_PERTAMA = ("kepala", "admin")
"""The first account of a new database is the Kepala or the Admin."""
SALAH = "Nama pengguna atau kata sandi salah."


class AkunSalah(PesanPetugas):
    """A request about accounts that cannot be done; the text says why."""


@dataclass(frozen=True)
class HasilMasuk:
    """A login's outcome: the account, or the sentence for the officer."""

    akun: Akun | None
    pesan: str = ""


@dataclass(frozen=True)
class AkunRingkas:
    """One row of the account list."""

    id: uuid.UUID
    nama: str
    nama_lengkap: str
    peran: tuple[str, ...]
    aktif: bool
    harus_ganti_sandi: bool
    terkunci_sampai: datetime | None
    masuk_terakhir: datetime | None


def lipat_nama(nama: str) -> str:
    return (nama or "").strip().lower()


def periksa_nama(nama: str) -> str:
    nama = lipat_nama(nama)
    if not _NAMA.fullmatch(nama):
        raise AkunSalah("Nama pengguna 2–60 huruf kecil, angka, titik, garis bawah atau "
                        "strip, diawali huruf atau angka (mis. rina atau rina.s).")
    return nama


def periksa_peran(peran: Iterable[str]) -> frozenset[str]:
    kode = frozenset(peran)
    if not kode:
        raise AkunSalah("Pilih sedikitnya satu peran.")
    if asing := sorted(kode - set(aturan().peran)):
        raise AkunSalah(f"Peran tidak dikenal: {', '.join(asing)}. Pilihan: "
                        f"{', '.join(aturan().peran)}.")
    return kode


def ada_akun(session: Session) -> bool:
    return session.exec(select(Pengguna.id).limit(1)).first() is not None


def _peran_dari(session: Session, pengguna_id: uuid.UUID) -> frozenset[str]:
    q = select(PeranPengguna.peran).where(PeranPengguna.pengguna_id == pengguna_id,
                                          col(PeranPengguna.deleted_at).is_(None))
    return frozenset(session.exec(q))


def akun_dari(session: Session, p: Pengguna) -> Akun:
    return Akun(p.id, p.nama, p.nama_lengkap, _peran_dari(session, p.id), p.harus_ganti_sandi)


def cari_pengguna(session: Session, nama: str) -> Pengguna | None:
    return session.exec(select(Pengguna).where(Pengguna.nama == lipat_nama(nama))).first()


def buat_akun(session: Session, nama: str, nama_lengkap: str, peran: Iterable[str],
              sandi: str, *, oleh: Akun | None, sementara: bool = True) -> Pengguna:
    """A new account. The first account of a database needs no `oleh` and must be the
    Kepala or the Admin; every later one is made by someone who may manage accounts,
    with a temporary password she changes at her first login."""
    pertama = not ada_akun(session)
    if not pertama:
        if oleh is None:
            raise AkunSalah("Akun baru dibuat oleh Kepala atau Admin yang sudah masuk.")
        periksa(oleh, "kelola_pengguna")
    nama = periksa_nama(nama)
    kode = periksa_peran(peran)
    if pertama and not kode & set(PERAN_PERTAMA):
        raise AkunSalah("Akun pertama harus Kepala UPTD PPA atau Admin.")
    if (pesan := periksa_sandi_baru(sandi)) is not None:
        raise AkunSalah(pesan)
    if cari_pengguna(session, nama) is not None:
        raise AkunSalah(f"Nama pengguna {nama} sudah dipakai (akun tidak pernah dihapus, "
                        "hanya dinonaktifkan).")
    p = Pengguna(nama=nama, nama_lengkap=(nama_lengkap or "").strip()[:200],
                 sandi_hash=hash_sandi(sandi), harus_ganti_sandi=sementara and not pertama)
    session.add(p)
    session.flush()
    for k in sorted(kode):
        session.add(PeranPengguna(pengguna_id=p.id, peran=k))
    session.flush()
    return p


def masuk(session: Session, nama: str, sandi: str, sekarang: datetime, *,
          sandi_terbukti: bool = False) -> HasilMasuk:
    """Check a login. An unknown name and a wrong password read alike (and cost the
    same hash), so names cannot be probed; BATAS_GAGAL failures in a row lock the
    account for LAMA_TERKUNCI. `sandi_terbukti`: the password already unwrapped this
    account's key slot (an encrypted file), so the hash is not derived a second time."""
    nama = lipat_nama(nama)
    p = cari_pengguna(session, nama)
    if p is None:
        sandi_cocok(_hash_tiruan(), sandi)
        audit.catat(session, "gagal_masuk", tabel="pengguna", pengguna=nama[:60],
                    rincian={"alasan": "nama tidak dikenal"})
        return HasilMasuk(None, SALAH)
    if p.terkunci_sampai is not None and p.terkunci_sampai > sekarang:
        audit.catat(session, "gagal_masuk", tabel="pengguna", objek_id=p.id.hex,
                    pengguna=p.nama, rincian={"alasan": "terkunci"})
        return HasilMasuk(None, pesan_terkunci(p.terkunci_sampai, sekarang))
    if not sandi_terbukti and not sandi_cocok(p.sandi_hash, sandi):
        return HasilMasuk(None, gagal(session, p, sekarang))
    if not p.aktif:
        audit.catat(session, "gagal_masuk", tabel="pengguna", objek_id=p.id.hex,
                    pengguna=p.nama, rincian={"alasan": "nonaktif"})
        return HasilMasuk(None, "Akun ini sudah dinonaktifkan. Hubungi Kepala atau Admin.")
    p.gagal_berturut, p.terkunci_sampai, p.masuk_terakhir = 0, None, sekarang
    session.add(p)
    audit.catat(session, "masuk", tabel="pengguna", objek_id=p.id.hex, pengguna=p.nama)
    return HasilMasuk(akun_dari(session, p))


def gagal(session: Session, p: Pengguna, sekarang: datetime, catatan: str = "") -> str:
    """Count a failure (and lock the account at the limit); the sentence to show."""
    p.gagal_berturut = (p.gagal_berturut or 0) + 1
    rincian = {"alasan": catatan or "sandi salah", "berturut": p.gagal_berturut}
    if p.gagal_berturut >= BATAS_GAGAL:
        p.terkunci_sampai, p.gagal_berturut = sekarang + LAMA_TERKUNCI, 0
        rincian["terkunci_sampai"] = p.terkunci_sampai
    session.add(p)
    audit.catat(session, "gagal_masuk", tabel="pengguna", objek_id=p.id.hex,
                pengguna=p.nama, rincian=rincian)
    if p.terkunci_sampai is not None and p.terkunci_sampai > sekarang:
        return pesan_terkunci(p.terkunci_sampai, sekarang)
    sisa = BATAS_GAGAL - p.gagal_berturut
    return f"{SALAH} Sisa {sisa} percobaan sebelum akun dikunci sementara."


def cocokkan_sandi(session: Session, akun: Akun, sandi: str, sekarang: datetime) -> str | None:
    """The idle lock's check of the logged-in account's password: None when right,
    else the sentence (failures count toward the lock-out, as at login)."""
    p = session.get(Pengguna, akun.id)
    if p is None or not p.aktif:
        return "Akun ini sudah dinonaktifkan."
    if p.terkunci_sampai is not None and p.terkunci_sampai > sekarang:
        return pesan_terkunci(p.terkunci_sampai, sekarang)
    if sandi_cocok(p.sandi_hash, sandi):
        if p.gagal_berturut:
            p.gagal_berturut = 0
            session.add(p)
        return None
    return gagal(session, p, sekarang, "buka layar terkunci")


def ganti_sandi(session: Session, akun: Akun, lama: str, baru: str) -> Pengguna:
    """Change one's own password (the temporary one at first login too)."""
    p = session.get(Pengguna, akun.id)
    if p is None or not p.aktif:
        raise AkunSalah("Akun ini sudah dinonaktifkan.")
    if not sandi_cocok(p.sandi_hash, lama):
        raise AkunSalah("Kata sandi lama salah.")
    if lama == baru:
        raise AkunSalah("Kata sandi baru harus berbeda dari yang lama.")
    if (pesan := periksa_sandi_baru(baru)) is not None:
        raise AkunSalah(pesan)
    p.sandi_hash, p.harus_ganti_sandi = hash_sandi(baru), False
    session.add(p)
    audit.catat(session, "ganti_sandi", tabel="pengguna", objek_id=p.id.hex)
    return p


def sandi_sementara() -> str:
    """A temporary password to read out: three groups of four (no 0/O, 1/l)."""
    huruf = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(huruf) for _ in range(4)) for _ in range(3))


def atur_ulang_sandi(session: Session, nama: str, *, oleh: Akun | None,
                     sandi: str | None = None) -> tuple[Pengguna, str]:
    """A new temporary password for an officer (forgotten, or locked out): changed at
    her next login. Also lifts a lock-out."""
    periksa(oleh, "kelola_pengguna")
    p = _harus_ada(session, nama)
    sandi = sandi or sandi_sementara()
    p.sandi_hash, p.harus_ganti_sandi = hash_sandi(sandi), True
    p.gagal_berturut, p.terkunci_sampai = 0, None
    session.add(p)
    audit.catat(session, "atur_ulang_sandi", tabel="pengguna", objek_id=p.id.hex,
                rincian={"nama": p.nama})
    return p, sandi


def nonaktifkan(session: Session, nama: str, *, oleh: Akun | None) -> Pengguna:
    """Disable an account (never deleted). The last active account that can manage
    accounts cannot be disabled: nobody could add or reset one afterwards."""
    periksa(oleh, "kelola_pengguna")
    p = _harus_ada(session, nama)
    if not p.aktif:
        raise AkunSalah(f"Akun {p.nama} sudah nonaktif.")
    pengelola = aturan().aksi["kelola_pengguna"]
    if _peran_dari(session, p.id) & pengelola:
        lain = session.exec(
            select(func.count(func.distinct(Pengguna.id)))
            .join(PeranPengguna, col(PeranPengguna.pengguna_id) == Pengguna.id)
            .where(Pengguna.aktif, Pengguna.id != p.id, col(PeranPengguna.peran).in_(pengelola),
                   col(PeranPengguna.deleted_at).is_(None))).one()
        if not lain:
            raise AkunSalah("Ini akun aktif terakhir yang bisa mengelola akun (Kepala/Admin): "
                            "buat akun Kepala atau Admin lain dulu.")
    p.aktif = False
    session.add(p)
    audit.catat(session, "nonaktifkan", tabel="pengguna", objek_id=p.id.hex,
                rincian={"nama": p.nama})
    return p


def aktifkan(session: Session, nama: str, *, oleh: Akun | None) -> Pengguna:
    periksa(oleh, "kelola_pengguna")
    p = _harus_ada(session, nama)
    p.aktif = True
    session.add(p)
    return p


def _harus_ada(session: Session, nama: str) -> Pengguna:
    p = cari_pengguna(session, nama)
    if p is None:
        raise AkunSalah(f"Tidak ada akun bernama {lipat_nama(nama)}.")
    return p


def daftar_akun(session: Session) -> list[AkunRingkas]:
    rows = session.exec(select(Pengguna).order_by(Pengguna.nama)).all()
    peran: dict[uuid.UUID, list[str]] = {}
    for pid, kode in session.exec(select(PeranPengguna.pengguna_id, PeranPengguna.peran)
                                  .where(col(PeranPengguna.deleted_at).is_(None))):
        peran.setdefault(pid, []).append(kode)
    return [AkunRingkas(p.id, p.nama, p.nama_lengkap, tuple(sorted(peran.get(p.id, []))),
                        p.aktif, p.harus_ganti_sandi, p.terkunci_sampai, p.masuk_terakhir)
            for p in rows]


def tugaskan(session: Session, kasus_id: uuid.UUID, nama: str, *, oleh: Akun | None) -> None:
    """Assign an officer to a case (she then sees its personal data)."""
    periksa(oleh, "tugaskan")
    p = _harus_ada(session, nama)
    if not p.aktif:
        raise AkunSalah(f"Akun {p.nama} nonaktif.")
    tugaskan_diri(session, kasus_id, p.id)


def tugaskan_diri(session: Session, kasus_id: uuid.UUID, pengguna_id: uuid.UUID) -> None:
    """Record an assignment unless it exists (whoever opens a case is assigned)."""
    ada = session.exec(select(PenugasanKasus.id).where(
        PenugasanKasus.kasus_id == kasus_id, PenugasanKasus.pengguna_id == pengguna_id,
        col(PenugasanKasus.deleted_at).is_(None))).first()
    if ada is None:
        session.add(PenugasanKasus(kasus_id=kasus_id, pengguna_id=pengguna_id))


def kasus_ditugaskan(session: Session, pengguna_id: uuid.UUID) -> frozenset[uuid.UUID]:
    q = select(PenugasanKasus.kasus_id).where(PenugasanKasus.pengguna_id == pengguna_id,
                                              col(PenugasanKasus.deleted_at).is_(None))
    return frozenset(session.exec(q))


def petugas_kasus(session: Session, kasus_id: uuid.UUID) -> list[str]:
    q = (select(Pengguna.nama).join(PenugasanKasus, col(PenugasanKasus.pengguna_id)
                                    == Pengguna.id)
         .where(PenugasanKasus.kasus_id == kasus_id, col(PenugasanKasus.deleted_at).is_(None))
         .order_by(Pengguna.nama))
    return list(session.exec(q))


@cache
def _hash_tiruan() -> str:
    """Checked against when the name is unknown, so that costs as a wrong password does."""
    return hash_sandi(secrets.token_hex(16))
