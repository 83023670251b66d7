"""Accounts on both backends: the first account, who may add and disable, login with
lock-out, temporary passwords, and that nothing is ever deleted."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from ppa_tui.domain import audit
from ppa_tui.domain.akses import Ditolak
from ppa_tui.domain.kata_sandi import BATAS_GAGAL, LAMA_TERKUNCI
from ppa_tui.domain.models_akses import Pengguna
from ppa_tui.domain.pengguna import (
    SALAH,
    AkunSalah,
    akun_dari,
    atur_ulang_sandi,
    buat_akun,
    ganti_sandi,
    masuk,
    nonaktifkan,
)
from ppa_tui.store.database import Database

SANDI = "rahasia-desk-1"


def _kepala(db: Database):
    with db.session() as s:
        return akun_dari(s, buat_akun(s, "bu.kepala", "Bu Kepala", {"kepala"}, SANDI,
                                      oleh=None))


def _masuk(db: Database, nama: str, sandi: str, now):
    with db.session() as s:
        return masuk(s, nama, sandi, now)


def test_the_first_account_is_the_kepala_or_the_admin(db: Database) -> None:
    with db.session() as s, pytest.raises(AkunSalah, match="Akun pertama"):
        buat_akun(s, "rina", "Rina", {"operator"}, SANDI, oleh=None)
    kepala = _kepala(db)
    assert kepala.peran == {"kepala"} and not kepala.harus_ganti_sandi
    with db.session() as s, pytest.raises(AkunSalah, match="sudah masuk"):
        buat_akun(s, "rina", "Rina", {"operator"}, SANDI, oleh=None)


def test_only_who_manages_accounts_adds_one_and_it_starts_temporary(db: Database) -> None:
    kepala = _kepala(db)
    with db.session() as s:
        rina = akun_dari(s, buat_akun(s, "Rina", "Rina S", {"operator"}, "sementara-1",
                                      oleh=kepala))
    assert rina.nama == "rina" and rina.harus_ganti_sandi
    with db.session() as s, pytest.raises(Ditolak, match="Mengelola akun pengguna"):
        buat_akun(s, "budi", "Budi", {"operator"}, SANDI, oleh=rina)
    with db.session() as s, pytest.raises(AkunSalah, match="sudah dipakai"):
        buat_akun(s, "RINA", "Rina lagi", {"operator"}, SANDI, oleh=kepala)
    with db.session() as s, pytest.raises(AkunSalah, match="minimal 8"):
        buat_akun(s, "budi", "Budi", {"operator"}, "pendek", oleh=kepala)
    with db.session() as s, pytest.raises(AkunSalah, match="Peran tidak dikenal"):
        buat_akun(s, "budi", "Budi", {"klien"}, SANDI, oleh=kepala)


def test_wrong_passwords_count_down_then_lock_the_account(db: Database, clock) -> None:
    _kepala(db)
    now = clock.now()
    for i in range(1, BATAS_GAGAL):
        hasil = _masuk(db, "bu.kepala", "salah-salah", now)
        assert hasil.akun is None
        sisa = BATAS_GAGAL - i
        assert hasil.pesan == f"{SALAH} Sisa {sisa} percobaan sebelum akun dikunci sementara."
    hasil = _masuk(db, "bu.kepala", "salah-salah", now)
    assert "dikunci sementara" in hasil.pesan
    assert _masuk(db, "bu.kepala", SANDI, now + timedelta(minutes=1)).akun is None  # still
    ok = _masuk(db, "bu.kepala", SANDI, now + LAMA_TERKUNCI + timedelta(seconds=1))
    assert ok.akun is not None and ok.akun.nama == "bu.kepala"
    with db.baca() as s:
        aksi = [e.aksi for e in reversed(audit.daftar(s))]
    assert aksi.count("gagal_masuk") == BATAS_GAGAL + 1 and aksi[-1] == "masuk"


def test_an_unknown_name_reads_like_a_wrong_password(db: Database, clock) -> None:
    _kepala(db)
    assert _masuk(db, "tidak.ada", SANDI, clock.now()).pesan == SALAH


def test_a_disabled_account_cannot_log_in_and_is_never_deleted(db: Database, clock) -> None:
    kepala = _kepala(db)
    with db.session() as s:
        buat_akun(s, "rina", "Rina", {"operator"}, SANDI, oleh=kepala)
    with db.session() as s:
        nonaktifkan(s, "rina", oleh=kepala)
    assert "dinonaktifkan" in _masuk(db, "rina", SANDI, clock.now()).pesan
    with db.baca() as s:
        assert s.exec(select(Pengguna).where(Pengguna.nama == "rina")).one().aktif is False


def test_the_last_account_manager_cannot_be_disabled(db: Database) -> None:
    kepala = _kepala(db)
    with db.session() as s, pytest.raises(AkunSalah, match="terakhir"):
        nonaktifkan(s, "bu.kepala", oleh=kepala)


def test_a_reset_gives_a_temporary_password_to_change_at_login(db: Database, clock) -> None:
    kepala = _kepala(db)
    with db.session() as s:
        buat_akun(s, "rina", "Rina", {"operator"}, SANDI, oleh=kepala)
    with db.session() as s:
        _, sementara = atur_ulang_sandi(s, "rina", oleh=kepala)
    assert _masuk(db, "rina", SANDI, clock.now()).akun is None
    rina = _masuk(db, "rina", sementara, clock.now()).akun
    assert rina is not None and rina.harus_ganti_sandi
    with db.session() as s, pytest.raises(AkunSalah, match="lama salah"):
        ganti_sandi(s, rina, "bukan-itu", "sandi-baru-rina")
    with db.session() as s:
        ganti_sandi(s, rina, sementara, "sandi-baru-rina")
    rina = _masuk(db, "rina", "sandi-baru-rina", clock.now()).akun
    assert rina is not None and not rina.harus_ganti_sandi
    with db.baca() as s:  # the audit log names the change, never the hash
        ubah = [e for e in audit.daftar(s) if e.aksi == "ubah" and e.tabel == "pengguna"]
    assert ubah and all(e.rincian.get("sandi_hash") == "(diubah)" for e in ubah)
