"""Password rules shared by the store (key slots) and the domain (accounts).
(Interim copy; the store engineer's version replaces it at merge.)"""

from __future__ import annotations

from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import Argon2Error, InvalidHashError
from argon2.low_level import Type, hash_secret_raw

BATAS_GAGAL = 5
LAMA_TERKUNCI = timedelta(minutes=15)
_HASHER = PasswordHasher()


def hash_sandi(sandi: str) -> str:
    return _HASHER.hash(sandi)


def sandi_cocok(hash_: str, sandi: str) -> bool:
    try:
        return _HASHER.verify(hash_, sandi)
    except (Argon2Error, InvalidHashError, ValueError):
        return False


def turunkan_kunci(sandi: str, garam: bytes) -> bytes:
    return hash_secret_raw(sandi.encode(), garam, time_cost=3, memory_cost=65536,
                           parallelism=2, hash_len=32, type=Type.ID)


def periksa_sandi_baru(sandi: str) -> str | None:
    if len(sandi) < 8:
        return "Kata sandi minimal 8 karakter."
    if len(set(sandi)) < 3:
        return "Kata sandi terlalu mudah ditebak."
    return None
