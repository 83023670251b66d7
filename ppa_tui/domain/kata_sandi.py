"""Password rules shared by the store (key slots) and the domain (accounts).

Pure Python over argon2-cffi: no store, no Textual. A password is never kept; only an
argon2id hash (to check a login) or a key derived from it (to unwrap the database key
in `store/kunci.py`).

Key derivation cost (`BIAYA_KUNCI`): argon2id, 3 passes over 64 MiB, 4 lanes (RFC 9106's
second recommended setting, argon2-cffi's own default for hashes). Measured on the
2-CPU development machine: ~100 ms idle, ~145 ms with another process busy. Each
slot file records the cost it was made with, so it can be raised later without
locking anyone out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

BATAS_GAGAL = 5
"""Failed logins in a row before an account is locked out."""
LAMA_TERKUNCI = timedelta(minutes=15)
"""How long a lock-out lasts, counted from the last failure."""

PANJANG_MINIMAL = 8
PANJANG_MAKSIMAL = 256  # argon2 takes any length; a pasted novel is a mistake
PANJANG_KUNCI = 32  # bytes: AES-256


@dataclass(frozen=True)
class BiayaKunci:
    """argon2id's cost: passes, memory in KiB, lanes."""

    waktu: int = 3
    memori_kib: int = 65536
    paralel: int = 4


BIAYA_KUNCI = BiayaKunci()

_TERLALU_UMUM = frozenset({
    "password", "password1", "passw0rd", "12345678", "123456789", "1234567890",
    "87654321", "qwertyui", "qwerty123", "asdfghjk", "iloveyou", "sandi123",
    "katasandi", "rahasia1", "rahasia123", "indonesia", "bismillah", "admin123",
    "administrator", "petugas1", "uptdppa1", "babel123", "pangkalpinang",
})


def _hasher():  # noqa: ANN202  (argon2's PasswordHasher, imported when first needed)
    from argon2 import PasswordHasher

    return PasswordHasher()  # argon2id, RFC 9106 low-memory profile


def hash_sandi(sandi: str) -> str:
    """An argon2id hash with its own salt and parameters (a `$argon2id$…` string)."""
    return _hasher().hash(sandi)


def sandi_cocok(hash_tersimpan: str, sandi: str) -> bool:
    """Whether `sandi` is the password behind `hash_tersimpan`. False, never an
    exception, for a wrong password or an empty, damaged or foreign hash: a login
    screen must only ever say "salah"."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(hash_tersimpan, sandi))
    except (VerificationError, InvalidHashError, TypeError, ValueError, AttributeError):
        return False


def turunkan_kunci(sandi: str, garam: bytes, biaya: BiayaKunci | None = None) -> bytes:
    """A 32-byte key from a password and a salt (argon2id, raw output), to wrap the
    database key. Deterministic: the same password, salt and cost give the same key."""
    from argon2.low_level import Type, hash_secret_raw

    b = biaya or BIAYA_KUNCI
    return hash_secret_raw(sandi.encode("utf-8"), garam, time_cost=b.waktu,
                           memory_cost=b.memori_kib, parallelism=b.paralel,
                           hash_len=PANJANG_KUNCI, type=Type.ID)


def periksa_sandi_baru(sandi: str, nama: str = "") -> str | None:  # noqa: PLR0911
    """Why `sandi` is too weak to be a new password (one Indonesian sentence), or None
    when it may be used. `nama`, the account's user name, must not be the password."""
    if len(sandi) < PANJANG_MINIMAL:
        return f"Kata sandi minimal {PANJANG_MINIMAL} karakter."
    if len(sandi) > PANJANG_MAKSIMAL:
        return f"Kata sandi paling panjang {PANJANG_MAKSIMAL} karakter."
    if sandi != sandi.strip():
        return "Kata sandi tidak boleh diawali atau diakhiri spasi."
    if len(set(sandi)) == 1:
        return "Kata sandi tidak boleh satu karakter yang diulang."
    if len(set(sandi)) < 4:
        return "Kata sandi terlalu sederhana: pakai paling sedikit 4 karakter berbeda."
    if _berurutan(sandi.lower()):
        return "Kata sandi tidak boleh berupa deretan berurutan (mis. 12345678 atau abcdefgh)."
    if sandi.lower() in _TERLALU_UMUM:
        return "Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain."
    if nama and nama.strip().lower() in sandi.lower():
        return "Kata sandi tidak boleh memuat nama pengguna."
    return None


def _berurutan(teks: str) -> bool:
    """Every character one above (or one below) the one before it."""
    langkah = {ord(b) - ord(a) for a, b in zip(teks, teks[1:], strict=False)}
    return langkah in ({1}, {-1})


def pesan_terkunci(sampai: datetime, sekarang: datetime) -> str:
    """The lock-out sentence, in minutes left (the same in any time zone)."""
    menit = max(1, -(-int((sampai - sekarang).total_seconds()) // 60))
    return ("Terlalu banyak percobaan yang salah: akun ini dikunci sementara. Coba lagi "
            f"dalam {menit} menit, atau minta Kepala/Admin mengatur ulang kata sandi.")
