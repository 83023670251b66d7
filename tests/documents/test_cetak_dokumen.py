"""Every SOP document prints to PDF, for a full case and for an empty one, and says
what the officer needs to read on paper."""

from __future__ import annotations

import re
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from ppa_tui.documents.cetak import DAFTAR_DOKUMEN, CetakGagal, cetak, folder_cetak
from ppa_tui.domain.dokumen import BERNOMOR

NOMOR_SURAT = re.compile(r"^(\d{3})/UPTD-PPA/XI/2026$")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_document_prints_for_a_full_case(db, settings, clock, tmp_path, buat_kasus,
                                               teks_pdf, umask_022) -> None:
    nama = "Siti² Aminah 😀 [bold]"
    kasus = buat_kasus(db, nama)
    teks = {}
    for dokumen in DAFTAR_DOKUMEN:
        hasil = cetak(db, settings, kasus.nomor, dokumen, keluar=tmp_path, clock=clock,
                      tanpa_data_pribadi=True)
        assert hasil.path.parent == tmp_path and hasil.path.suffix == ".pdf"
        assert _mode(hasil.path) == 0o600, dokumen
        teks[dokumen] = teks_pdf(hasil.path)
        assert "PPA/2026/0001" in teks[dokumen], dokumen
        assert "UPTD PPA" in teks[dokumen] and "(0717) 425517" in teks[dokumen], dokumen
        assert "dp3acskb@babelprov.go.id" in teks[dokumen]
        assert "Kelurahan Air Itam, Pangkalpinang" in teks[dokumen]  # Settings.alamat_unit
        assert "Pangkalpinang, 23 November 2026" in teks[dokumen], dokumen
        assert bool(hasil.nomor_surat) == (dokumen in BERNOMOR), dokumen
        if hasil.nomor_surat:
            assert NOMOR_SURAT.match(hasil.nomor_surat), hasil.nomor_surat
            assert hasil.nomor_surat in teks[dokumen]
    # inside the unit, the korban is named in full, markup and symbols as typed
    for dokumen in ("data-klien", "status-klien", "asesmen", "penampungan", "disposisi"):
        assert "Siti² Aminah" in teks[dokumen] and "[bold]" in teks[dokumen], dokumen
    assert "1971014501100001" in teks["data-klien"]
    assert "20 November 2026 12.00 WIB" in teks["data-klien"]  # the kejadian, local time
    assert "Joko Susilo" in teks["data-klien"] and "Budi Santoso" in teks["tanda-terima"]
    assert "Kronologi" not in teks["tanda-terima"] and "Siti²" not in teks["tanda-terima"]
    assert "☑ Tindak lanjuti" in teks["disposisi"] and "☑ Mediasi" in teks["disposisi"]
    assert "☐ Asesmen lanjutan" in teks["disposisi"] and "25 November 2026" in teks["disposisi"]
    assert "( Hj. Kepala )" in teks["disposisi"] and "Kepala UPTD PPA" in teks["disposisi"]
    assert "☑ Layanan kesehatan (puskesmas/RS)" in teks["persetujuan"]
    assert "☐ Kepolisian/lembaga hukum" in teks["persetujuan"]
    assert "( Budi Santoso )" in teks["persetujuan"]
    assert "Visum et repertum" in teks["asesmen"] and "LBH Babel" in teks["asesmen"]
    assert "Riwayat langkah SOP" in teks["status-klien"]
    assert "1/3 Klien mengadukan" in teks["status-klien"]  # step 1 of the dasar track
    assert "Kamar 2" in teks["status-klien"] and "Pak Mediator" in teks["status-klien"]
    assert "Yth. UPTD PPA Kabupaten Bangka" in teks["pelimpahan"]
    assert "Rujuk ke RSUD untuk visum." in teks["rekomendasi"]
    assert "Korban didampingi ke RSUD." in teks["laporan-pendampingan"]
    # per rencana, by default the most recent one (bantuan hukum)
    assert "Yth. LBH Babel" in teks["rujukan"] and "Rujukan layanan bantuan hukum" in teks[
        "rujukan"]
    assert "8. Pendokumentasian" in teks["laporan-akhir"]
    assert "Senin, tanggal 23 November 2026, pukul 09.00" in teks["mediasi"]
    assert "( Budi Santoso )" in teks["mediasi"] and "( Joko Susilo )" in teks["mediasi"]
    assert "7 Desember 2026" in teks["penampungan"]  # 14 days after admission
    assert "Pendamping PPA" in teks["bap"] and "Yang menerima" in teks["bap"]


def test_a_per_rencana_document_takes_the_rencana(db, settings, clock, tmp_path, buat_kasus,
                                                  teks_pdf) -> None:
    kasus = buat_kasus(db)
    pertama = cetak(db, settings, kasus.nomor, "laporan-akhir", ref=1, keluar=tmp_path,
                    clock=clock)
    assert pertama.path.name == "laporan-akhir-PPA-2026-0001-1.pdf"
    teks = teks_pdf(pertama.path)
    assert "RSUD Depati Hamzah" in teks and "Kesehatan" in teks
    assert "23 November 2026 09.00 WIB 23 November 2026 09.07 WIB 7 menit 10 menit" in teks
    assert "tepat waktu" in teks
    lewat_id = cetak(db, settings, kasus.nomor, "rujukan", ref=str(kasus.rencana_kesehatan),
                     keluar=tmp_path, clock=clock)
    assert "Yth. RSUD Depati Hamzah" in teks_pdf(lewat_id.path)
    with pytest.raises(CetakGagal, match=r"^Rencana ke-3 tidak ada pada kasus PPA/2026/0001"):
        cetak(db, settings, kasus.nomor, "rujukan", ref=3, keluar=tmp_path, clock=clock)


def test_an_empty_case_prints_every_document_with_lines_to_fill(
        sqlite_db, settings, clock, tmp_path, buat_kasus, teks_pdf) -> None:
    kasus = buat_kasus(sqlite_db, lengkap=False)
    for dokumen in DAFTAR_DOKUMEN:
        hasil = cetak(sqlite_db, settings, kasus.nomor, dokumen, keluar=tmp_path, clock=clock)
        teks = teks_pdf(hasil.path)
        assert "PPA/2026/0001" in teks, dokumen
        assert "(…………………………………)" in teks, dokumen  # a name to write by hand
        assert hasil.dihilangkan == [], dokumen  # nobody's data to leave out
    assert "Yth. ………" in teks_pdf(tmp_path / "rujukan-PPA-2026-0001.pdf")
    assert "Nama :" in teks_pdf(tmp_path / "data-klien-PPA-2026-0001.pdf")


def test_default_file_is_in_the_current_folder_and_private(sqlite_db, settings, clock, tmp_path,
                                                           buat_kasus, monkeypatch,
                                                           umask_022) -> None:
    kasus = buat_kasus(sqlite_db, lengkap=False)
    monkeypatch.chdir(tmp_path)
    hasil = cetak(sqlite_db, settings, kasus.nomor, "pelimpahan", clock=clock)
    assert hasil.path == tmp_path / "pelimpahan-PPA-2026-0001.pdf"
    assert _mode(hasil.path) == 0o600
    berkas = tmp_path / "lain.pdf"
    berkas.write_bytes(b"lama")
    berkas.chmod(0o644)
    cetak(sqlite_db, settings, kasus.kasus_id, "tanda-terima", keluar=berkas, clock=clock)
    assert _mode(berkas) == 0o600 and berkas.read_bytes().startswith(b"%PDF")
    folder = folder_cetak(settings)
    assert folder == settings.data_dir / "cetak" and _mode(folder) == 0o700


def test_unknowns_are_indonesian_sentences(sqlite_db, settings, clock, tmp_path,
                                           buat_kasus) -> None:
    kasus = buat_kasus(sqlite_db, lengkap=False)
    for args, pesan in (
        (("PPA/2026/0099", "pelimpahan"), "Kasus dengan nomor register PPA/2026/0099 tidak ada"),
        ((kasus.nomor, "surat-cinta"), "Dokumen \"surat-cinta\" tidak dikenal"),
        ((kasus.nomor, "status-klien"), "tidak memilih rencana"),
        ((kasus.nomor, "mediasi"), "Mediasi ke-2 tidak ada pada kasus PPA/2026/0001 "
                                   "(belum ada satu pun)"),
    ):
        ref = "2" if args[1] in {"mediasi", "status-klien"} else None
        with pytest.raises(CetakGagal, match=re.escape(pesan)):
            cetak(sqlite_db, settings, *args, ref=ref, keluar=tmp_path, clock=clock)
    with pytest.raises(CetakGagal, match="tidak ada: buat dulu"):
        cetak(sqlite_db, settings, kasus.nomor, "bap", keluar=tmp_path / "x" / "y.pdf",
              clock=clock)


def test_register_number_is_found_however_it_is_written(sqlite_db, settings, clock, tmp_path,
                                                        buat_kasus) -> None:
    kasus = buat_kasus(sqlite_db, lengkap=False)
    for tulisan in ("ppa/2026/0001", "PPA-2026-0001", " PPA/2026/0001 ", str(kasus.kasus_id)):
        cetak(sqlite_db, replace(settings), tulisan, "data-klien", keluar=tmp_path, clock=clock)
