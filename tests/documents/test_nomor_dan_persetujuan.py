"""Letter numbers (pattern, per year, kept on reprint) and the consent rule of letters
that leave the unit (SOP 18, PERINGATAN 3)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from ppa_tui.documents.cetak import CetakGagal, cetak
from ppa_tui.domain.clock import FixedClock
from ppa_tui.domain.models import Surat
from ppa_tui.domain.surat import beri_nomor
from ppa_tui.settings import PengaturanSalah, Settings


def test_letter_numbers_are_kept_and_consecutive(db, settings, clock, tmp_path, buat_kasus,
                                                 teks_pdf) -> None:
    kasus = buat_kasus(db)
    pertama = cetak(db, settings, kasus.nomor, "pelimpahan", keluar=tmp_path, clock=clock,
                    tanpa_data_pribadi=True)
    assert pertama.nomor_surat == "001/UPTD-PPA/XI/2026"
    clock.set(datetime(2026, 12, 2, 3, 0, tzinfo=UTC))  # reprinted a week later
    lagi = cetak(db, settings, kasus.nomor, "pelimpahan", keluar=tmp_path, clock=clock,
                 tanpa_data_pribadi=True)
    assert lagi.nomor_surat == pertama.nomor_surat
    teks = teks_pdf(lagi.path)
    assert "Nomor : 001/UPTD-PPA/XI/2026" in teks
    assert "Pangkalpinang, 23 November 2026" in teks  # the letter keeps its date
    rujukan = cetak(db, settings, kasus.nomor, "rujukan", keluar=tmp_path, clock=clock,
                    tanpa_data_pribadi=True)
    assert rujukan.nomor_surat == "002/UPTD-PPA/XII/2026"
    lain = cetak(db, settings, kasus.nomor, "rujukan", ref=1, keluar=tmp_path, clock=clock)
    assert lain.nomor_surat == "003/UPTD-PPA/XII/2026"  # another rencana, another letter
    assert cetak(db, settings, kasus.nomor, "status-klien", keluar=tmp_path,
                 clock=clock).nomor_surat == ""
    with db.baca() as s:
        kunci = sorted(r.kunci for r in s.exec(select(Surat)))
    assert kunci == sorted([f"pelimpahan:{kasus.kasus_id}:-",
                            f"rujukan:{kasus.kasus_id}:{kasus.rencana_hukum}",
                            f"rujukan:{kasus.kasus_id}:{kasus.rencana_kesehatan}"])


def test_numbers_start_again_each_year_in_the_configured_pattern(db, settings, tmp_path,
                                                                 buat_kasus) -> None:
    kasus = buat_kasus(db, lengkap=False)
    pola = replace(settings, pola_nomor_surat="UPTD/{tahun}/{bulan:02d}/{urut}")
    akhir = FixedClock(datetime(2026, 12, 31, 16, 0, tzinfo=UTC))  # 23.00 WIB, still 2026
    assert cetak(db, pola, kasus.nomor, "disposisi", keluar=tmp_path,
                 clock=akhir).nomor_surat == "UPTD/2026/12/1"
    akhir.set(datetime(2026, 12, 31, 17, 0, tzinfo=UTC))  # 1 January 2027, 00.00 WIB
    assert cetak(db, pola, kasus.nomor, "mediasi", keluar=tmp_path,
                 clock=akhir).nomor_surat == "UPTD/2027/01/1"


def test_a_letter_numbered_by_two_desks_at_once_gets_one_number(db, buat_kasus, clock,
                                                                monkeypatch) -> None:
    from ppa_tui.domain import surat

    kasus = buat_kasus(db, lengkap=False)
    with db.session() as s:
        a = beri_nomor(s, dokumen="bap", kasus_id=kasus.kasus_id, ref=None, sekarang=clock.now())
    # The other desk looked before this one committed: it finds no letter, takes the next
    # number, and meets this desk's key when it writes.
    asli = surat.cari_surat
    dilihat = []
    monkeypatch.setattr(surat, "cari_surat",
                        lambda s, k: None if not dilihat.append(k) and len(dilihat) == 1
                        else asli(s, k))
    with db.session() as s:
        b = beri_nomor(s, dokumen="bap", kasus_id=kasus.kasus_id, ref=None, sekarang=clock.now())
        c = beri_nomor(s, dokumen="rekomendasi", kasus_id=kasus.kasus_id, ref=None,
                       sekarang=clock.now())
    assert a.nomor == b.nomor == "001/UPTD-PPA/XI/2026"
    assert c.nomor == "002/UPTD-PPA/XI/2026"  # the lost race gave no number away


@pytest.mark.parametrize(("pola", "alasan"), [
    ("{urut}", "harus memuat {tahun}"),
    ("{urut}/{tahun}/{kota}", "isian {kota} tidak dikenal"),
    ("{urut:03d}/{tahun", "kurung kurawal"),
    ("{urut}/{bulan_romawi:d}/{tahun}", "format isiannya tidak bisa dipakai"),
])
def test_a_bad_pattern_stops_the_start_naming_the_setting(pola, alasan, monkeypatch) -> None:
    monkeypatch.setenv("PPA_POLA_NOMOR_SURAT", pola)
    with pytest.raises(PengaturanSalah) as exc:
        Settings.load()
    assert str(exc.value).startswith("Pengaturan `pola_nomor_surat` dari variabel lingkungan "
                                     "PPA_POLA_NOMOR_SURAT tidak sah: ")
    assert alasan in str(exc.value)


def test_consent_decides_what_a_provider_reads(db, settings, clock, tmp_path, buat_kasus,
                                               teks_pdf) -> None:
    kasus = buat_kasus(db, izin={"izin_kesehatan": True})
    sehat = cetak(db, settings, kasus.nomor, "rujukan", ref=1, keluar=tmp_path, clock=clock)
    teks = teks_pdf(sehat.path)
    assert "Nama : Siti Aminah" in teks and "1971014501100001" in teks
    assert "Jl. Melati No. 5" in teks and "tidak dicantumkan" not in teks
    assert sehat.dihilangkan == []

    catatan = ("Data pribadi korban S. A. tidak dicantumkan: belum ada persetujuan pemberian "
               "informasi untuk Kepolisian/lembaga hukum.")
    for dokumen in ("rujukan", "bap"):
        with pytest.raises(CetakGagal) as tolak:  # refused, naming the missing consent
            cetak(db, settings, kasus.nomor, dokumen, ref=2, keluar=tmp_path, clock=clock)
        assert str(tolak.value).endswith(
            "tidak dicetak: belum ada persetujuan pemberian informasi dari korban S. A. untuk "
            "Kepolisian/lembaga hukum. Catat persetujuannya lebih dulu, atau cetak tanpa data "
            "pribadinya."), dokumen
        hukum = cetak(db, settings, kasus.nomor, dokumen, ref=2, keluar=tmp_path, clock=clock,
                      tanpa_data_pribadi=True)
        teks = teks_pdf(hukum.path)
        assert hukum.dihilangkan == [catatan], dokumen
        assert catatan in teks, dokumen
        assert "Nama : S. A." in teks, dokumen
        for rahasia in ("Siti Aminah", "1971014501100001", "Melati", "0812-9999-8888",
                        "5 Januari 2010"):
            assert rahasia not in teks, (dokumen, rahasia)
        assert "16 tahun (anak)" in teks  # age stays: the service needs it

    limpah = cetak(db, settings, kasus.nomor, "pelimpahan", keluar=tmp_path, clock=clock,
                   tanpa_data_pribadi=True)
    teks = teks_pdf(limpah.path)
    assert "Siti Aminah" not in teks  # not in the rows, nor in the kronologi
    assert "S. A. dipukul di rumah oleh tetangganya." in teks
    assert "untuk UPTD PPA kab/kota." in teks


def test_consent_for_the_kab_kota_lets_the_pelimpahan_name_her(db, settings, clock, tmp_path,
                                                               buat_kasus, teks_pdf) -> None:
    kasus = buat_kasus(db, izin={"izin_uptd_kabkota": True})
    limpah = cetak(db, settings, kasus.nomor, "pelimpahan", keluar=tmp_path, clock=clock)
    assert limpah.dihilangkan == []
    teks = teks_pdf(limpah.path)
    assert "Nama : Siti Aminah" in teks and "Siti Aminah dipukul" in teks


def test_a_refused_letter_takes_no_number(db, settings, clock, tmp_path, buat_kasus) -> None:
    kasus = buat_kasus(db)
    with pytest.raises(CetakGagal, match="untuk UPTD PPA kab/kota"):
        cetak(db, settings, kasus.nomor, "pelimpahan", keluar=tmp_path, clock=clock)
    with db.baca() as s:
        assert list(s.exec(select(Surat))) == []
    assert not list(tmp_path.glob("pelimpahan-*.pdf"))
    hasil = cetak(db, settings, kasus.nomor, "pelimpahan", keluar=tmp_path, clock=clock,
                  tanpa_data_pribadi=True)
    assert hasil.nomor_surat == "001/UPTD-PPA/XI/2026"


def test_every_print_is_in_the_audit_log(db, settings, clock, tmp_path, buat_kasus) -> None:
    from ppa_tui.domain import audit

    kasus = buat_kasus(db, izin={"izin_uptd_kabkota": True})
    cetak(db, settings, kasus.nomor, "pelimpahan", keluar=tmp_path, clock=clock)
    with db.baca() as s:
        entri = [e for e in audit.daftar(s, kasus_id=kasus.kasus_id) if e.aksi == "cetak"]
    assert [e.rincian["dokumen"] for e in entri] == ["pelimpahan"]
    assert entri[0].rincian["tanpa_data_pribadi"] is False
