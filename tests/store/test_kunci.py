"""Key slots beside an encrypted database: each user's password opens the one key,
failures count down to a lock-out, the recovery code opens it, a damaged file says so."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ppa_tui.domain.kata_sandi import BATAS_GAGAL, LAMA_TERKUNCI, BiayaKunci
from ppa_tui.galat import PesanPetugas
from ppa_tui.store import kunci as modul
from ppa_tui.store.kunci import (
    BerkasKunci,
    BerkasKunciRusak,
    KodePemulihanSalah,
    SandiSalah,
    Terkunci,
    kunci_acak,
    path_kunci,
)

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _murah(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cheap derivation: the behaviour is the same, the tests fast."""
    monkeypatch.setattr(modul, "BIAYA_KUNCI", BiayaKunci(waktu=1, memori_kib=1024, paralel=1))


@pytest.fixture
def berkas(tmp_path: Path) -> tuple[BerkasKunci, bytes]:
    kunci = kunci_acak()
    b = BerkasKunci.buat(path_kunci(tmp_path / "ppa.db"), kunci)
    b.tambah("rina", "Melati-Biru-7", kunci)
    b.tambah("budi", "Kopi-Pagi-42", kunci)
    return b, kunci


def test_path_and_file_mode(tmp_path: Path, berkas, umask_022) -> None:
    b, _ = berkas
    assert b.path == tmp_path / "ppa.db.kunci"
    assert BerkasKunci.ada(b.path)
    assert not BerkasKunci.ada(tmp_path / "lain.db.kunci")
    assert stat.S_IMODE(b.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(Path(f"{b.path}.lock").stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_each_user_opens_with_own_password(berkas) -> None:
    b, kunci = berkas
    assert len(kunci) == 32
    assert b.nama() == ["budi", "rina"]
    assert b.buka("rina", "Melati-Biru-7", T0) == kunci
    assert BerkasKunci.baca(b.path).buka("budi", "Kopi-Pagi-42", T0) == kunci
    with pytest.raises(SandiSalah):
        b.buka("rina", "Kopi-Pagi-42", T0)  # another user's password


def test_key_not_in_file(berkas) -> None:
    b, kunci = berkas
    isi = b.path.read_bytes()
    assert kunci not in isi and kunci.hex().encode() not in isi
    assert b"Melati" not in isi


def test_wrong_password_counts_down_then_locks(berkas) -> None:
    b, kunci = berkas
    for i in range(1, BATAS_GAGAL):
        with pytest.raises(SandiSalah) as e:
            b.buka("rina", "salah", T0 + timedelta(seconds=i))
        assert e.value.sisa == BATAS_GAGAL - i
        assert f"Sisa percobaan: {BATAS_GAGAL - i}" in str(e.value)
    with pytest.raises(Terkunci) as e:
        b.buka("rina", "salah", T0 + timedelta(seconds=BATAS_GAGAL))
    sampai = T0 + timedelta(seconds=BATAS_GAGAL) + LAMA_TERKUNCI
    assert e.value.sampai == sampai
    assert "dikunci sementara. Coba lagi dalam 15 menit" in str(e.value)
    # locked: even the right password waits, and the lock is in the file
    with pytest.raises(Terkunci):
        BerkasKunci.baca(b.path).buka("rina", "Melati-Biru-7", sampai - timedelta(seconds=1))
    assert b.buka("budi", "Kopi-Pagi-42", T0) == kunci  # other users are not locked
    assert b.buka("rina", "Melati-Biru-7", sampai) == kunci  # over
    with pytest.raises(SandiSalah) as e:
        b.buka("rina", "salah", sampai + timedelta(seconds=1))
    assert e.value.sisa == BATAS_GAGAL - 1  # a fresh count


def test_success_resets_the_count(berkas) -> None:
    b, kunci = berkas
    for i in range(BATAS_GAGAL - 1):
        with pytest.raises(SandiSalah):
            b.buka("rina", "salah", T0 + timedelta(seconds=i))
    assert b.buka("rina", "Melati-Biru-7", T0 + timedelta(minutes=1)) == kunci
    with pytest.raises(SandiSalah) as e:
        b.buka("rina", "salah", T0 + timedelta(minutes=2))
    assert e.value.sisa == BATAS_GAGAL - 1


def test_failures_are_taken_once_for_the_audit(berkas) -> None:
    b, _ = berkas
    for i in range(2):
        with pytest.raises(SandiSalah):
            b.buka("rina", "salah", T0 + timedelta(seconds=i))
    b.buka("rina", "Melati-Biru-7", T0 + timedelta(seconds=5))
    lain = BerkasKunci.baca(b.path)  # another process
    assert lain.ambil_gagal("rina") == [T0, T0 + timedelta(seconds=1)]
    assert lain.ambil_gagal("rina") == []
    assert b.ambil_gagal("rina") == []
    assert b.ambil_gagal("budi") == []


def test_unknown_name_behaves_like_wrong_password(berkas, monkeypatch) -> None:
    b, _ = berkas
    turunan = []
    asli = modul.turunkan_kunci
    monkeypatch.setattr(modul, "turunkan_kunci",
                        lambda *a, **k: turunan.append(1) or asli(*a, **k))
    hasil = []
    for nama in ("rina", "siapa"):
        turunan.clear()
        with pytest.raises(SandiSalah) as e:
            b.buka(nama, "salah", T0)
        hasil.append((type(e.value), e.value.sisa, str(e.value), len(turunan)))
    assert hasil[0] == hasil[1]
    assert hasil[0][3] == 1
    for i in range(BATAS_GAGAL - 2):
        with pytest.raises(SandiSalah):
            b.buka("siapa", "salah", T0 + timedelta(seconds=i + 1))
    with pytest.raises(Terkunci):
        b.buka("siapa", "salah", T0 + timedelta(seconds=9))


def test_password_change_rewraps_only_that_slot(berkas) -> None:
    b, kunci = berkas
    sebelum = json.loads(b.path.read_text())["pengguna"]
    b.tambah("rina", "Sandi-Baru-99", kunci)
    sesudah = json.loads(b.path.read_text())["pengguna"]
    assert sesudah["budi"] == sebelum["budi"]
    assert sesudah["rina"] != sebelum["rina"]
    assert b.buka("rina", "Sandi-Baru-99", T0) == kunci
    with pytest.raises(SandiSalah):
        b.buka("rina", "Melati-Biru-7", T0)


def test_reset_clears_a_lockout(berkas) -> None:
    b, kunci = berkas
    for i in range(BATAS_GAGAL):
        with pytest.raises((SandiSalah, Terkunci)):
            b.buka("rina", "salah", T0 + timedelta(seconds=i))
    b.tambah("rina", "Sementara-123", kunci)
    assert b.buka("rina", "Sementara-123", T0 + timedelta(seconds=10)) == kunci


def test_removed_slot_no_longer_opens(berkas) -> None:
    b, kunci = berkas
    assert b.hapus("budi") is True
    assert b.hapus("budi") is False
    assert b.nama() == ["rina"]
    with pytest.raises(SandiSalah):
        BerkasKunci.baca(b.path).buka("budi", "Kopi-Pagi-42", T0)
    assert b.buka("rina", "Melati-Biru-7", T0) == kunci


def test_slot_moved_to_another_name_does_not_open(berkas) -> None:
    b, _ = berkas
    data = json.loads(b.path.read_text())
    data["pengguna"]["budi"] = data["pengguna"]["rina"]
    b.path.write_text(json.dumps(data))
    with pytest.raises(SandiSalah):
        BerkasKunci.baca(b.path).buka("budi", "Melati-Biru-7", T0)


def test_recovery_code(berkas) -> None:
    b, kunci = berkas
    kode = b.pemulihan_baru(kunci)
    kelompok = kode.split("-")
    assert len(kelompok) == 6 and all(len(k) == 5 for k in kelompok)
    assert kode not in b.path.read_text()
    ketik = " ".join(kelompok).lower()
    assert BerkasKunci.baca(b.path).buka_pemulihan(ketik) == kunci
    assert b.buka_pemulihan(kode.replace("-", "")) == kunci
    with pytest.raises(KodePemulihanSalah):
        b.buka_pemulihan("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA")
    with pytest.raises(KodePemulihanSalah):
        b.buka_pemulihan("terlalu pendek")
    baru = b.pemulihan_baru(kunci)  # replaces the earlier one
    assert b.buka_pemulihan(baru) == kunci
    with pytest.raises(KodePemulihanSalah):
        b.buka_pemulihan(kode)


def test_no_recovery_slot_yet(tmp_path: Path) -> None:
    b = BerkasKunci.buat(tmp_path / "x.kunci", kunci_acak())
    with pytest.raises(KodePemulihanSalah):
        b.buka_pemulihan("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA")


def test_wrong_database_key_makes_no_slot(berkas) -> None:
    b, _ = berkas
    with pytest.raises(PesanPetugas, match="tidak cocok"):
        b.tambah("sari", "Sandi-Sari-1", kunci_acak())
    with pytest.raises(PesanPetugas, match="tidak cocok"):
        b.pemulihan_baru(kunci_acak())
    assert b.nama() == ["budi", "rina"]


def test_create_refuses_to_overwrite(berkas) -> None:
    b, _ = berkas
    isi = b.path.read_bytes()
    with pytest.raises(BerkasKunciRusak, match="sudah ada"):
        BerkasKunci.buat(b.path, kunci_acak())
    assert b.path.read_bytes() == isi


@pytest.mark.parametrize("isi", [
    b"", b"{", b"\xff\xfe rusak", b"[]", b'{"format": "lain"}',
    b'{"format": "ppa-kunci", "versi": 1}',
])
def test_damaged_file_is_an_indonesian_error(tmp_path: Path, isi: bytes) -> None:
    path = tmp_path / "ppa.db.kunci"
    path.write_bytes(isi)
    with pytest.raises(BerkasKunciRusak) as e:
        BerkasKunci.baca(path)
    assert "rusak atau bukan berkas kunci" in str(e.value)
    assert isinstance(e.value, PesanPetugas)


def test_damaged_slot_is_an_indonesian_error(berkas) -> None:
    b, _ = berkas
    data = json.loads(b.path.read_text())
    data["pengguna"]["rina"]["garam"] = "bukan base64!"
    b.path.write_text(json.dumps(data))
    with pytest.raises(BerkasKunciRusak):
        BerkasKunci.baca(b.path)
    with pytest.raises(BerkasKunciRusak):
        b.buka("budi", "Kopi-Pagi-42", T0)  # the next change re-reads it


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BerkasKunciRusak, match="tidak ada"):
        BerkasKunci.baca(tmp_path / "ppa.db.kunci")
