"""A case carried to closure at 80x24 with the keyboard: a walk-in handed over to a
kab/kota, and a referral through disposisi, shelter, a refused mediation, the
rujukan track's steps, a health service's SOP Pendampingan P1..P8, closure and
reopening. Fields are reached by id as Tab would (see test_intake_walk)."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from ppa_tui.domain.models import (
    CatatanKegiatan,
    Disposisi,
    Kasus,
    LangkahKasus,
    Mediasi,
    Pelimpahan,
    Penampungan,
    RencanaIntervensi,
    RujukanMasuk,
    Terminasi,
)
from ppa_tui.tui.screens.dialogs import Konfirmasi
from ppa_tui.tui.screens.form import FormScreen
from ppa_tui.tui.screens.kasus import KasusScreen
from tests.tui.conftest import (
    baris,
    beranda_siap,
    buka,
    pengaduan_baru,
    settle,
    simpan,
    tunggu,
)
from tests.tui.test_intake_walk import isi, ke, pilih_di


def _kasus(app) -> KasusScreen:
    assert isinstance(app.screen, KasusScreen)
    return app.screen


async def _n_ya(pilot) -> None:
    """`n` on a step that needs no form: the confirmation says what follows; Enter."""
    await pilot.press("n")
    await tunggu(pilot, lambda: isinstance(pilot.app.screen, Konfirmasi), "konfirmasi")
    await pilot.press("enter")
    await tunggu(pilot, lambda: isinstance(pilot.app.screen, KasusScreen), "kembali ke kasus")
    await settle(pilot)


def _pita(app) -> str:
    return str(app.screen.query_one("#jam").render())


async def _ke_baris(pilot, tabel: str, awalan: str) -> None:
    """Move the cursor of a table, with the arrow keys, to the first row whose key
    starts with `awalan`."""
    table = pilot.app.screen.query_one(tabel, DataTable)
    table.focus()
    await pilot.pause()
    keys = [r.key.value or "" for r in table.ordered_rows]
    tujuan = next(i for i, k in enumerate(keys) if k.startswith(awalan))
    while table.cursor_row != tujuan:
        await pilot.press("down" if table.cursor_row < tujuan else "up")


async def _simpan_dengan_peringatan(pilot) -> None:
    """Ctrl+S shows the warnings (yellow); Ctrl+S once more saves past them."""
    form = pilot.app.screen
    await pilot.press("ctrl+s")
    await settle(pilot)
    if pilot.app.screen is form:
        await simpan(pilot)


async def test_walk_in_handed_over_to_a_kab_kota_then_closed(make_app, settings, tui_clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        await pengaduan_baru(pilot, "Rosmawati")
        await _n_ya(pilot)  # 1/3 → 2/3
        assert "2/3 Mencatat aduan" in _pita(app)
        await _n_ya(pilot)  # 2/3 → 3/3
        assert "3/3 Kewenangan & pelimpahan" in _pita(app)
        await buka(pilot, "n")  # step 3 asks who has authority
        assert app.screen.siap.spec.id == "selesai_kewenangan"
        await pilih_di(pilot, "keputusan", "Kab")
        await pilih_di(pilot, "tujuan_jenis", "UPTD PPA kab")
        await isi(pilot, "tujuan_nama", "UPTD PPA Kabupaten Bangka Tengah")
        await isi(pilot, "kabkota_kode", "Bangka Tengah")
        await simpan(pilot)
        kasus = _kasus(app)
        await tunggu(pilot, lambda: "menunggu tanda terima" in _pita(app), "menunggu")
        # the receipt comes back: Enter on the Pelimpahan row, its date
        await _ke_baris(pilot, "#butir", "pelimpahan:")
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, FormScreen), "form pelimpahan")
        await settle(pilot)
        await isi(pilot, "tanggal_tanda_terima", "23-11-2026")
        await isi(pilot, "penerima", "Bu Sari")
        await simpan(pilot)
        await tunggu(pilot, lambda: "tanda terima sudah kembali" in _pita(app), "diterima")
        # closure: x, the reason, the checklist ticked with Space
        await buka(pilot, "x")
        await pilih_di(pilot, "alasan", "Dilimp")
        for nama in ("kebutuhan_terpenuhi", "korban_aman", "ditinjau_kasi"):
            await ke(pilot, nama)
            await pilot.press("space")
        await simpan(pilot)
        await tunggu(pilot, lambda: "Kasus ditutup: Dilimpahkan, tuntas" in _pita(app), "tutup")
        assert kasus.check_action("langkah_selesai", ()) is False  # nothing left to finish
    [k] = baris(settings, Kasus)
    assert (k.status, k.kewenangan) == ("selesai", "kabkota")
    [p] = baris(settings, Pelimpahan)
    assert (p.tujuan_nama, p.kabkota_kode, p.penerima) == (
        "UPTD PPA Kabupaten Bangka Tengah", "19.04", "Bu Sari")
    assert p.tanggal_tanda_terima is not None
    [t] = baris(settings, Terminasi)
    assert (t.alasan, t.kebutuhan_terpenuhi, t.korban_aman, t.ditinjau_kasi) == (
        "dilimpahkan_tuntas", True, True, True)
    steps = sorted(baris(settings, LangkahKasus), key=lambda r: r.started_at)
    assert [(r.langkah_kode, r.keputusan) for r in steps] == [
        ("L1", ""), ("L2", ""), ("L3", "kabkota")]


async def _siapkan_tpks(app, kasus_id) -> None:
    """What intake recorded before (its forms are walked in test_intake_walk): a child
    korban, an adult pelaku, sexual violence."""
    from ppa_tui.domain.kasus import simpan_kejadian, simpan_pihak

    with app.backend.database.session() as s:
        simpan_pihak(s, kasus_id, "korban", {"nama": "Ani", "usia": 9, "anak": True,
                                             "jenis_kelamin": "p"})
        simpan_pihak(s, kasus_id, "pelaku", {"nama": "Budi", "usia": 41})
        simpan_kejadian(s, kasus_id, {"bentuk_kekerasan": ["seksual_pencabulan"]})


async def test_referral_through_every_step_of_both_sops_to_closure_and_reopening(
    make_app, settings, tui_clock
):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        # L4a: a referral from a kab/kota opens its case directly
        await buka(pilot, "r")
        await isi(pilot, "lembaga_asal", "UPTD PPA Kabupaten Bangka")
        await isi(pilot, "nomor_surat", "045/UPTD-PPA/XI/2026")
        await isi(pilot, "ringkasan", "Anak 9 tahun, dugaan pencabulan oleh tetangga")
        await simpan(pilot)
        kasus = _kasus(app)
        await tunggu(pilot, lambda: "1/7 Menerima rujukan" in _pita(app), "L4a berjalan")
        await _siapkan_tpks(app, kasus.kasus_id)
        kasus.muat()
        await settle(pilot)
        await _n_ya(pilot)  # → 2/7 Mencatat kasus (L4b): the Kepala's disposisi
        assert "2/7 Mencatat kasus" in _pita(app)
        await buka(pilot, "i")
        await ke(pilot, "instruksi")
        await pilot.press("space")  # "Tindak lanjuti"
        await isi(pilot, "kepada", "Kasi Tindakan dan Rujukan")
        await simpan(pilot)
        await _n_ya(pilot)  # → 3/7 Lapor ke pimpinan
        await _n_ya(pilot)  # → 4/7 Mengelola kasus: shelter, mediation
        assert "4/7 Mengelola kasus" in _pita(app)
        await buka(pilot, "g")
        await isi(pilot, "ruang", "Kamar 2")
        await simpan(pilot)
        assert any(b.penampungan_id for b in kasus.detail.berjalan)  # its own clock
        await pilot.press("m")  # refused: sexual violence, adult pelaku
        await tunggu(pilot, lambda: isinstance(app.screen, Konfirmasi), "penolakan mediasi")
        assert "UU 12/2022" in str(app.screen.query_one(".pertanyaan").render())
        await pilot.press("enter")
        await settle(pilot)
        await _n_ya(pilot)  # → 5/7 Menyusun rekomendasi
        await buka(pilot, "e")
        await pilih_di(pilot, "jenis", "Rekom")
        await isi(pilot, "uraian", "Visum dan pendampingan hukum")
        await simpan(pilot)
        await _n_ya(pilot)  # → 6/7 Pelaksanaan rekomendasi
        await _n_ya(pilot)  # → 7/7 Memantau pemulihan
        assert "7/7 Memantau pemulihan" in _pita(app)
        # a health service, and its own SOP Pendampingan run beside the main track
        await buka(pilot, "r")
        await pilih_di(pilot, "layanan", "Kes")
        await isi(pilot, "penyedia", "RSUD Depati Hamzah")
        await simpan(pilot)
        await pilot.press("u")
        await tunggu(pilot, lambda: isinstance(app.screen, Konfirmasi), "mulai pendampingan")
        await pilot.press("enter")
        await tunggu(pilot, lambda: len(kasus.detail.berjalan) == 3, "tiga jam berjalan")

        async def n_pendampingan() -> None:
            """`n` on the health service's running row of the step table."""
            jalan = next(b for b in kasus.detail.berjalan if b.alur.startswith("Kesehatan"))
            await _ke_baris(pilot, "#langkah", jalan.kunci)
            await pilot.press("n")
            await tunggu(pilot, lambda: isinstance(app.screen, Konfirmasi | FormScreen), "n")
            await settle(pilot)

        async def label_p() -> str:
            b = next(b for b in kasus.detail.berjalan if b.alur.startswith("Kesehatan"))
            return b.jam.label

        await n_pendampingan()  # P1
        await pilot.press("enter")
        await settle(pilot)
        assert await label_p() == "2/8 Informasi & persetujuan"
        await n_pendampingan()  # P2: the client's consent to this service
        await pilih_di(pilot, "keputusan", "Setuju")
        await simpan(pilot)
        await n_pendampingan()  # P3 → P4 has no limit in the SOP: the officer sets it
        assert app.screen.siap.spec.id == "tenggat_langkah"
        await isi(pilot, "tenggat_berikut", "30-11-2026 12:00")
        await simpan(pilot)
        assert await label_p() == "4/8 Koordinasi & pemantauan"
        for _ in range(1):  # P4 → P5
            await n_pendampingan()
            await pilot.press("enter")
            await settle(pilot)
        await n_pendampingan()  # P5 review
        await isi(pilot, "catatan", "Terpenuhi")
        await simpan(pilot)
        await n_pendampingan()  # P6 end of the accompaniment, its result
        await isi(pilot, "hasil", "Visum selesai, hasil diserahkan ke penyidik")
        await simpan(pilot)
        for _ in range(2):  # P7, P8
            await n_pendampingan()
            await pilot.press("enter")
            await settle(pilot)
        assert [b.alur for b in kasus.detail.berjalan if b.langkah_id] == ["Utama"]
        await _n_ya(pilot)  # L9 done: the main track ends, the case stays open
        await tunggu(pilot, lambda: "Jalur utama selesai" in _pita(app)
                     or any(b.penampungan_id for b in kasus.detail.berjalan), "L9 selesai")
        # closing is refused while she is in the shelter: her exit first
        await _ke_baris(pilot, "#butir", "penampungan:")
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, FormScreen), "form penampungan")
        await settle(pilot)
        await isi(pilot, "waktu_keluar", "23-11-2026 09:00")
        await pilih_di(pilot, "tujuan_keluar", "Kemb")
        await simpan(pilot)
        await buka(pilot, "x")
        await pilih_di(pilot, "alasan", "Kebutuhan")
        await _simpan_dengan_peringatan(pilot)  # the unticked checklist warns, not blocks
        await tunggu(pilot, lambda: kasus.detail.ditutup, "ditutup")
        # reopening, with its reason
        await buka(pilot, "o")
        await isi(pilot, "alasan_buka_kembali", "Korban datang lagi")
        await simpan(pilot)
        await tunggu(pilot, lambda: not kasus.detail.ditutup, "dibuka kembali")
    [k] = baris(settings, Kasus)
    assert (k.status, k.jalur) == ("aktif", "rujukan")
    [r] = baris(settings, RujukanMasuk)
    assert r.lembaga_asal == "UPTD PPA Kabupaten Bangka"
    [d] = baris(settings, Disposisi)
    assert (d.instruksi, d.kepada) == ("tindak_lanjuti", "Kasi Tindakan dan Rujukan")
    [p] = baris(settings, Penampungan)
    assert p.waktu_keluar is not None and p.tujuan_keluar == "keluarga"
    assert p.batas_at == p.waktu_masuk + timedelta(days=14)
    assert baris(settings, Mediasi) == []
    assert [c.jenis for c in baris(settings, CatatanKegiatan)] == ["rekomendasi"]
    [rencana] = baris(settings, RencanaIntervensi)
    assert (rencana.status, rencana.persetujuan_layanan) == ("selesai", "setuju")
    assert rencana.hasil.startswith("Visum selesai")
    steps = sorted(baris(settings, LangkahKasus), key=lambda x: (x.started_at, x.created_at))
    utama = [x.langkah_kode for x in steps if x.rencana_id is None]
    assert utama == ["L4a", "L4b", "L5", "L6", "L7", "L8", "L9"]
    pendampingan = [x for x in steps if x.rencana_id is not None]
    assert [x.langkah_kode for x in pendampingan] == [f"P{i}" for i in range(1, 9)]
    assert next(x for x in pendampingan if x.langkah_kode == "P4").batas_manual
    [t] = baris(settings, Terminasi)
    assert (t.alasan, t.alasan_buka_kembali) == ("kebutuhan_terpenuhi", "Korban datang lagi")
    assert t.dibuka_kembali_at is not None


async def test_a_section_whose_fields_are_all_hidden_hides_its_title(make_app):
    """Step 3 decided "provinsi": the pelimpahan section has nothing to fill, so its
    title goes too; kab/kota brings it back."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        await pengaduan_baru(pilot, "Rosmawati")
        for _ in range(2):
            await _n_ya(pilot)
        await buka(pilot, "n")
        judul = app.screen.query_one("#bagian-1")
        assert "Pelimpahan" in str(judul.render())
        assert not judul.has_class("-tersembunyi")
        await pilih_di(pilot, "keputusan", "Prov")
        await settle(pilot)
        assert judul.has_class("-tersembunyi")
        await pilih_di(pilot, "keputusan", "Kab")
        await settle(pilot)
        assert not judul.has_class("-tersembunyi")
