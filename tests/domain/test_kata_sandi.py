"""Password rules: argon2id hashes, the key derivation, weak new passwords."""

from __future__ import annotations

import pytest

from ppa_tui.domain import kata_sandi
from ppa_tui.domain.kata_sandi import (
    BATAS_GAGAL,
    LAMA_TERKUNCI,
    BiayaKunci,
    hash_sandi,
    periksa_sandi_baru,
    sandi_cocok,
    turunkan_kunci,
)

MURAH = BiayaKunci(waktu=1, memori_kib=1024, paralel=1)


def test_hash_is_argon2id_and_checks() -> None:
    h = hash_sandi("Melati-Biru-7")
    assert h.startswith("$argon2id$")
    assert "Melati" not in h
    assert sandi_cocok(h, "Melati-Biru-7")
    assert not sandi_cocok(h, "melati-biru-7")
    assert hash_sandi("Melati-Biru-7") != h  # a fresh salt each time


@pytest.mark.parametrize("rusak", ["", "bukan hash", "$argon2id$v=19$m=1,t=1,p=1$xx$yy",
                                   "$2b$12$abcdefghijklmnopqrstuu", None])
def test_bad_hash_is_a_mismatch_not_an_exception(rusak) -> None:
    assert sandi_cocok(rusak, "apa saja") is False


def test_key_derivation_is_deterministic_32_bytes() -> None:
    garam = bytes(range(16))
    k = turunkan_kunci("Melati-Biru-7", garam, MURAH)
    assert len(k) == 32
    assert k == turunkan_kunci("Melati-Biru-7", garam, MURAH)
    assert k != turunkan_kunci("Melati-Biru-8", garam, MURAH)
    assert k != turunkan_kunci("Melati-Biru-7", bytes(16), MURAH)
    assert k != turunkan_kunci("Melati-Biru-7", garam, BiayaKunci(2, 1024, 1))


def test_default_cost_is_the_written_one() -> None:
    assert kata_sandi.BIAYA_KUNCI == BiayaKunci(waktu=3, memori_kib=65536, paralel=4)


@pytest.mark.parametrize(("sandi", "kata"), [
    ("pendek", "minimal 8"),
    ("aaaaaaaaaa", "diulang"),
    ("abababab", "4 karakter berbeda"),
    ("12345678", "berurutan"),
    ("hgfedcba", "berurutan"),
    ("Password", "terlalu umum"),
    ("bismillah", "terlalu umum"),
    (" sandi panjang", "spasi"),
    ("rina.ppa2026", "nama pengguna"),
    ("x" * 300 + "yzab", "paling panjang"),
])
def test_weak_passwords_are_refused_in_indonesian(sandi: str, kata: str) -> None:
    pesan = periksa_sandi_baru(sandi, nama="Rina")
    assert pesan is not None and kata in pesan


@pytest.mark.parametrize("sandi", ["Melati-Biru-7", "kopi pagi di pangkal", "Ru4ng-Tunggu"])
def test_reasonable_passwords_pass(sandi: str) -> None:
    assert periksa_sandi_baru(sandi, nama="rina") is None


def test_lockout_policy() -> None:
    assert BATAS_GAGAL == 5
    assert LAMA_TERKUNCI.total_seconds() == 15 * 60
