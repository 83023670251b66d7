"""The desk's use cases under accounts (plain SQLite here; the encrypted file in
tests/store): who sees names, the reasoned opening of a masked case, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from ppa_tui.backend import Backend
from ppa_tui.domain.akses import Ditolak
from ppa_tui.domain.forms import Konteks, load_form, periksa_form
from ppa_tui.galat import PesanPetugas
from ppa_tui.sesi import sesi_pertama
from ppa_tui.settings import Settings
from ppa_tui.store.database import Database

SANDI = "rahasia-desk-1"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    s = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'ppa.db'}",
                 device_id="desk-uji")
    Database.open(s.url).close()  # an existing plain database, as before accounts
    return s


@pytest.fixture
def sandi(settings: Settings, clock) -> dict[str, str]:
    """The Kepala, two operators and a Kasi, with their passwords."""
    sesi = sesi_pertama(settings, "kepala", "Bu Kepala", {"kepala"}, SANDI, clock,
                        enkripsi=False)
    try:
        return {"kepala": SANDI,
                "rina": sesi.tambah_akun("rina", "Rina", {"operator"}),
                "budi": sesi.tambah_akun("budi", "Budi", {"operator"}),
                "sari": sesi.tambah_akun("sari", "Sari", {"kasi_pengaduan"})}
    finally:
        sesi.close()


def _backend(settings, clock, sandi, nama: str) -> Backend:
    b = Backend(settings, clock)
    b.masuk(nama, sandi[nama])
    return b


def _simpan(b: Backend, form_id: str, nilai: dict, kasus_id=None):
    siap = b.siapkan_form(form_id, kasus_id)
    hasil = periksa_form(load_form(form_id), {**siap.mentah, **nilai},
                         Konteks(sekarang=b.clock.now(), zona=b.zona))
    assert hasil.ok, hasil.galat
    return b.simpan(siap, hasil.nilai)


def _kasus_rina(settings, clock, sandi):
    rina = _backend(settings, clock, sandi, "rina")
    tamu = _simpan(rina, "buku_tamu", {"nama": "Siti Aisyah", "keperluan": "pengaduan"})
    _simpan(rina, "korban", {"nama": "Siti Aisyah", "jenis_kelamin": "p"}, tamu.kasus_id)
    return rina, tamu.kasus_id


def test_the_officer_who_opened_a_case_sees_it_others_see_initials(settings, clock,
                                                                    sandi) -> None:
    rina, kasus_id = _kasus_rina(settings, clock, sandi)
    assert [k.korban for k in rina.beranda().kasus] == ["Siti Aisyah"]
    assert rina.detail(kasus_id) is not None

    budi = _backend(settings, clock, sandi, "budi")
    home = budi.beranda()
    assert [k.korban for k in home.kasus] == ["S. A."]
    assert [t.nama for t in home.tamu] == ["S. A."]
    hasil = budi.cari("siti")
    assert [b.korban for b in hasil.baris] == [("S. A.",)]
    assert "Siti" not in hasil.baris[0].cocok
    assert all("Siti" not in b.korban for b in budi.daftar_kasus().baris)
    with pytest.raises(Ditolak):
        budi.detail(kasus_id)

    sari = _backend(settings, clock, sandi, "sari")  # a Kasi sees every case
    assert [k.korban for k in sari.beranda().kasus] == ["Siti Aisyah"]
    assert not sari.perlu_alasan(kasus_id)


def test_a_masked_case_opens_with_a_reason_and_the_opening_is_logged(settings, clock,
                                                                     sandi) -> None:
    _, kasus_id = _kasus_rina(settings, clock, sandi)
    budi = _backend(settings, clock, sandi, "budi")
    assert budi.perlu_alasan(kasus_id)
    with pytest.raises(PesanPetugas, match="alasan"):
        budi.buka_kasus(kasus_id, "")
    budi.buka_kasus(kasus_id, "Menggantikan Rina yang cuti")
    assert budi.detail(kasus_id) is not None
    assert [k.korban for k in budi.beranda().kasus] == ["Siti Aisyah"]

    kepala = _backend(settings, clock, sandi, "kepala")
    entri = [e for e in kepala.audit(kasus_id=kasus_id) if e.aksi == "buka_tersamar"]
    assert entri[0].pengguna == "budi"
    assert entri[0].rincian == {"alasan": "Menggantikan Rina yang cuti"}


def test_refusals_follow_the_roles(settings, clock, sandi) -> None:
    rina, kasus_id = _kasus_rina(settings, clock, sandi)
    with pytest.raises(Ditolak, match="Kepala UPTD PPA"):
        rina.siapkan_form("disposisi", kasus_id)
    with pytest.raises(Ditolak, match="Menutup"):
        rina.siapkan_form("terminasi", kasus_id)
    rina.selesaikan_langkah(_langkah_berjalan(rina, kasus_id))  # L1: the desk records it
    with pytest.raises(Ditolak, match="hanya bisa diselesaikan oleh"):  # L2: the Kasi's
        rina.selesaikan_langkah(_langkah_berjalan(rina, kasus_id))
    sari = _backend(settings, clock, sandi, "sari")
    sari.selesaikan_langkah(_langkah_berjalan(sari, kasus_id))
    with pytest.raises(Ditolak, match="Mengelola akun"):
        rina.daftar_akun()
    with pytest.raises(Ditolak, match="log audit"):
        rina.audit()


def _langkah_berjalan(b: Backend, kasus_id):
    from sqlmodel import select

    from ppa_tui.domain.models import LangkahKasus

    with b.database.baca() as s:
        return s.exec(select(LangkahKasus.id).where(
            LangkahKasus.kasus_id == kasus_id,
            LangkahKasus.finished_at.is_(None))).first()  # type: ignore[union-attr]


def test_accounts_are_managed_by_the_kepala(settings, clock, sandi) -> None:
    kepala = _backend(settings, clock, sandi, "kepala")
    sementara = kepala.tambah_akun("dewi", "Dewi", {"pendamping"})
    kepala.nonaktifkan_akun("budi")
    nama = {a.nama: a for a in kepala.daftar_akun()}
    assert nama["dewi"].harus_ganti_sandi and not nama["budi"].aktif
    dewi = Backend(settings, clock)
    assert dewi.masuk("dewi", sementara).harus_ganti_sandi
    with pytest.raises(PesanPetugas, match="dinonaktifkan"):
        Backend(settings, clock).masuk("budi", sandi["budi"])


def test_the_unit_decides_who_finishes_a_step_whose_roles_the_seed_lost(settings, clock,
                                                                         sandi) -> None:
    """L6 (pelaksana_dikonfirmasi = false) is the Kasi Tindakan dan Rujukan's by our
    reading; with `pelaksana_belum_pasti = "semua"` any officer finishes it."""
    from dataclasses import replace

    from sqlmodel import select

    from ppa_tui.domain.models import LangkahKasus

    rina, kasus_id = _kasus_rina(settings, clock, sandi)
    with rina.database.session() as s:  # the case has reached step 6 of the rujukan track
        for r in s.exec(select(LangkahKasus).where(LangkahKasus.kasus_id == kasus_id)):
            r.langkah_kode = "L6"
            s.add(r)
    with pytest.raises(Ditolak, match="Kasi Tindakan dan Rujukan"):
        rina.selesaikan_langkah(_langkah_berjalan(rina, kasus_id))
    longgar = Backend(replace(settings, pelaksana_belum_pasti="semua"), clock)
    longgar.masuk("rina", sandi["rina"])
    longgar.selesaikan_langkah(_langkah_berjalan(longgar, kasus_id))


def test_an_assignment_made_at_another_desk_unmasks_the_case(settings, clock, sandi) -> None:
    _, kasus_id = _kasus_rina(settings, clock, sandi)
    budi = _backend(settings, clock, sandi, "budi")
    budi.versi_data()  # the desk's watcher starts
    assert budi.perlu_alasan(kasus_id)
    sari = _backend(settings, clock, sandi, "sari")
    sari.tugaskan(kasus_id, "budi")
    budi.versi_data()  # the watcher sees the change
    assert not budi.perlu_alasan(kasus_id)
