"""Cases built through the domain services (with a row of every 0004 table), and the
text of a printed PDF."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from ppa_tui.domain import kasus as ks
from ppa_tui.domain.models import (
    CatatanKegiatan,
    Disposisi,
    LangkahKasus,
    Mediasi,
    Pelimpahan,
    Penampungan,
)

MASUK = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 09.00 WIB, the `clock` fixture's now


@dataclass
class Contoh:
    kasus_id: uuid.UUID
    nomor: str
    korban_id: uuid.UUID
    rencana_kesehatan: uuid.UUID
    rencana_hukum: uuid.UUID


def buat_kasus(database, nama_korban: str = "Siti Aminah", *, izin: dict | None = None,
               lengkap: bool = True) -> Contoh:
    with database.session() as s:
        k = ks.buka_kasus(s, waktu_diterima=MASUK, petugas="Rina")
        if not lengkap:
            return Contoh(k.id, k.nomor_register, uuid.uuid4(), uuid.uuid4(), uuid.uuid4())
        ks.simpan_pihak(s, k.id, "pelapor", {"nama": "Budi Santoso", "telepon": "+6281234567890",
                                             "hubungan": "orang_tua"})
        korban = ks.simpan_pihak(s, k.id, "korban", {
            "nama": nama_korban, "nik": "1971014501100001", "jenis_kelamin": "p", "usia": 16,
            "anak": True, "alamat": "Jl. Melati No. 5", "telepon": "+6281299998888",
            "tanggal_lahir": date(2010, 1, 5), "kabkota_kode": "19.71"})
        ks.simpan_pihak(s, k.id, "pelaku", {"nama": "Joko Susilo", "jenis_kelamin": "l",
                                            "hubungan": "tetangga"})
        ks.simpan_kejadian(s, k.id, {
            "waktu_kejadian": datetime(2026, 11, 20, 5, 0, tzinfo=UTC),
            "tempat_kejadian": "rumah_tangga", "kejadian_kabkota_kode": "19.01",
            "kronologi": f"{nama_korban} dipukul di rumah oleh tetangganya.",
            "bentuk_kekerasan": ["fisik", "psikis"]})
        s.flush()
        ks.simpan_persetujuan(s, k.id, {"korban_id": str(korban.id), "pemberi": "orang_tua_wali",
                                        "wali_nama": "Budi Santoso", "wali_hubungan": "Ayah",
                                        "tanggal": date(2026, 11, 23), "saksi": "Ani",
                                        **(izin if izin is not None else
                                           {"izin_kesehatan": True})})
        ks.simpan_asesmen(s, k.id, {"korban_id": str(korban.id), "tingkat_risiko": "tinggi",
                                    "kebutuhan_kesehatan": "Visum et repertum",
                                    "tanggal": date(2026, 11, 23), "petugas": "Dewi"})
        sehat = ks.simpan_rencana(s, k.id, {
            "layanan": "kesehatan", "penyedia": "RSUD Depati Hamzah", "korban_id": str(korban.id),
            "pendamping": "Dewi", "penyedia_alamat": "Jl. Soekarno Hatta, Pangkalpinang"})
        s.flush()
        hukum = ks.simpan_rencana(s, k.id, {"layanan": "bantuan_hukum", "penyedia": "LBH Babel",
                                            "korban_id": str(korban.id)})
        s.flush()
        s.add(LangkahKasus(kasus_id=k.id, sop_kode="pendampingan", langkah_kode="P1",
                           started_at=MASUK, deadline_at=MASUK + timedelta(minutes=10),
                           finished_at=MASUK + timedelta(minutes=7), durasi_detik=420,
                           rencana_id=sehat.id))
        s.add(Disposisi(kasus_id=k.id, tanggal=date(2026, 11, 23), kepada="Kasi Tindakan",
                        instruksi="tindak_lanjuti,mediasi", instruksi_lain="Segera.",
                        batas_tanggal=date(2026, 11, 25), oleh="Hj. Kepala"))
        s.add(Pelimpahan(kasus_id=k.id, tujuan_jenis="uptd_ppa_kabkota",
                         tujuan_nama="UPTD PPA Kabupaten Bangka", kabkota_kode="19.01"))
        s.add(Mediasi(kasus_id=k.id, waktu=MASUK, pihak="Budi Santoso\nJoko Susilo",
                      mediator="Pak Mediator", kesepakatan="Terlapor tidak mendekati korban."))
        s.add(Penampungan(kasus_id=k.id, korban_id=korban.id, waktu_masuk=MASUK,
                          batas_at=MASUK + timedelta(days=14), ruang="Kamar 2"))
        s.add(CatatanKegiatan(kasus_id=k.id, jenis="rekomendasi", tanggal=date(2026, 11, 23),
                              uraian="Rujuk ke RSUD untuk visum.", petugas="Kasi Rujukan"))
        s.add(CatatanKegiatan(kasus_id=k.id, jenis="pendampingan", tanggal=date(2026, 11, 24),
                              uraian="Korban didampingi ke RSUD.", petugas="Dewi"))
        return Contoh(k.id, k.nomor_register, korban.id, sehat.id, hukum.id)


def teks_pdf(path: Path) -> str:
    """Every page's text, runs of whitespace as one space (lines wrap anywhere)."""
    teks = " ".join(p.extract_text() for p in PdfReader(path).pages)
    return re.sub(r"\s+", " ", teks)


@pytest.fixture(name="buat_kasus")
def _buat_kasus():
    return buat_kasus


@pytest.fixture(name="teks_pdf")
def _teks_pdf():
    return teks_pdf


@pytest.fixture
def settings(tmp_path: Path):
    from ppa_tui.settings import Settings

    return Settings.load(data_dir=str(tmp_path / "data"), petugas="Rina")
