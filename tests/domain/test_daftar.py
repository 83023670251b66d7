"""Every case, paged, on both backends: status filter, counts, keyset pages in register
order (as numbers, not text), and what the Status column says."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ppa_tui.domain.daftar import daftar_kasus, hitung_status
from ppa_tui.domain.models import Kasus, LangkahKasus, Pihak, RencanaIntervensi

AWAL = datetime(2026, 11, 2, 2, tzinfo=UTC)


@pytest.fixture
def kasus(db) -> None:
    """2025/0007 selesai; 2026/9999 aktif with L2 running; 2026/10000 aktif whose main
    track is done (only a pendampingan step runs); 2026/10001 selesai; 2026/10002
    removed."""
    with db.session() as s:
        def buat(tahun: int, urutan: int, status: str = "aktif", **kw) -> Kasus:
            k = Kasus(nomor_register=f"PPA/{tahun}/{urutan:04d}", tahun=tahun, urutan=urutan,
                      waktu_diterima=AWAL, status=status, **kw)
            s.add(k)
            s.flush()
            return k

        buat(2025, 7, "selesai")
        a = buat(2026, 9999)
        s.add(Pihak(kasus_id=a.id, peran="korban", nama="Ani", anak=True))
        s.add(LangkahKasus(kasus_id=a.id, sop_kode="layanan", langkah_kode="L1",
                           started_at=AWAL, finished_at=AWAL))
        s.add(LangkahKasus(kasus_id=a.id, sop_kode="layanan", langkah_kode="L2",
                           started_at=AWAL))
        b = buat(2026, 10000)
        r = RencanaIntervensi(kasus_id=b.id, layanan="kesehatan")
        s.add(r)
        s.flush()
        s.add(LangkahKasus(kasus_id=b.id, sop_kode="pendampingan", langkah_kode="P3",
                           started_at=AWAL, rencana_id=r.id))
        c = buat(2026, 10001, "selesai")
        s.add(Pihak(kasus_id=c.id, peran="korban", nama="Sari"))
        buat(2026, 10002, deleted_at=AWAL)


def test_all_cases_newest_number_first(db, kasus) -> None:
    with db.baca() as s:
        halaman = daftar_kasus(s, "semua")
    assert [(b.nomor_register, b.korban, b.status, b.keadaan) for b in halaman.baris] == [
        ("PPA/2026/10001", "Sari", "selesai", "ditutup"),
        ("PPA/2026/10000", "(belum ada)", "aktif", "jalur selesai"),
        ("PPA/2026/9999", "Ani", "aktif", "2/3 Mencatat aduan"),
        ("PPA/2025/0007", "(belum ada)", "selesai", "ditutup"),
    ]
    assert halaman.baris[2].anak
    assert halaman.berikut is None
    assert halaman.jumlah == {"aktif": 2, "selesai": 2, "semua": 4}


def test_status_filter(db, kasus) -> None:
    with db.baca() as s:
        aktif = daftar_kasus(s, "aktif")
        selesai = daftar_kasus(s, "selesai")
    assert [b.nomor_register for b in aktif.baris] == ["PPA/2026/10000", "PPA/2026/9999"]
    assert [b.nomor_register for b in selesai.baris] == ["PPA/2026/10001", "PPA/2025/0007"]
    with pytest.raises(ValueError, match="status"):
        with db.baca() as s:
            daftar_kasus(s, "tutup")


def test_pages_follow_each_other(db, kasus) -> None:
    with db.baca() as s:
        satu = daftar_kasus(s, "semua", batas=3)
        dua = daftar_kasus(s, "semua", satu.berikut, batas=3)
        hitung = hitung_status(s)
    assert [b.nomor_register for b in satu.baris] == [
        "PPA/2026/10001", "PPA/2026/10000", "PPA/2026/9999"]
    assert satu.berikut == (2026, 9999)
    assert [b.nomor_register for b in dua.baris] == ["PPA/2025/0007"]
    assert dua.berikut is None and dua.setelah == (2026, 9999)
    assert hitung["semua"] == 4


def test_an_empty_list(db) -> None:
    with db.baca() as s:
        halaman = daftar_kasus(s, "selesai")
    assert halaman.baris == () and halaman.berikut is None
    assert halaman.jumlah == {"aktif": 0, "selesai": 0, "semua": 0}


def test_a_page_turn_may_leave_the_counts_out(db, kasus) -> None:
    with db.baca() as s:
        halaman = daftar_kasus(s, "aktif", (2026, 10000), hitung=False)
    assert [b.nomor_register for b in halaman.baris] == ["PPA/2026/9999"]
    assert halaman.jumlah == {}
