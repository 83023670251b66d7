"""The intake with the keyboard only, one form per test, then the stored rows read back.

Each test starts from the state the previous form would leave (made through the domain
services) and reaches its fields by id, so one form's layout change breaks one test,
not the whole walk, and the tests run in parallel.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from textual.pilot import Pilot
from textual.widgets import SelectionList

from ppa_tui.domain.models import (
    Asesmen,
    BukuTamu,
    Kasus,
    KekerasanKasus,
    LangkahKasus,
    Persetujuan,
    Pihak,
    RencanaIntervensi,
)
from ppa_tui.tui.screens.dialogs import Konfirmasi
from ppa_tui.tui.screens.form import FormScreen
from ppa_tui.tui.screens.kasus import KasusScreen
from tests.tui.conftest import AWAL, baris, buka, ketik, pilih, settle, simpan, tunggu


async def ke(pilot: Pilot, nama: str) -> None:
    """Put the focus on a form field by its name, as Tab would."""
    pilot.app.screen.query_one(f"#f-{nama}").focus()
    await pilot.pause()


async def isi(pilot: Pilot, nama: str, teks: str) -> None:
    await ke(pilot, nama)
    await ketik(pilot, teks)


async def pilih_di(pilot: Pilot, nama: str, teks: str) -> None:
    await ke(pilot, nama)
    await pilih(pilot, teks)


@pytest.fixture
def kasus_baru(make_app, tui_clock) -> Callable:
    """An app on a database holding one complaint (a case with step 1 running), with
    the case screen open, plus whatever `siapkan(session, kasus)` adds first."""
    from ppa_tui.domain.bukutamu import catat_tamu
    from ppa_tui.domain.kasus import simpan_pihak

    def buat(siapkan: Callable | None = None, korban_anak: bool = True):
        app = make_app()
        with app.backend.database.session() as s:
            _, kasus = catat_tamu(
                s, {"nama": "Rosmawati", "keperluan": "pengaduan"}, clock=tui_clock, petugas="Rina"
            )
            if korban_anak:
                simpan_pihak(
                    s,
                    kasus.id,
                    "korban",
                    {"nama": "Ani", "usia": 12, "anak": True, "jenis_kelamin": "p"},
                )
            if siapkan:
                siapkan(s, kasus)
            kasus_id = kasus.id
        return app, kasus_id

    return buat


async def buka_kasus(pilot: Pilot, kasus_id) -> None:
    await settle(pilot)
    pilot.app.screen.buka_kasus(kasus_id)
    await tunggu(
        pilot,
        lambda: isinstance(pilot.app.screen, KasusScreen) and pilot.app.screen.detail is not None,
        "kasus terbuka",
    )
    await settle(pilot)


async def test_guest_who_complains_gets_a_case_with_step_one_running(
    make_app, settings, tui_clock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        assert isinstance(app.screen, FormScreen)
        await isi(pilot, "nama", "Rosmawati")  # keperluan stays "Pengaduan"
        await pilih_di(pilot, "jenis_identitas", "KTP")
        await isi(pilot, "nomor_identitas", "1971015203850002")
        await isi(pilot, "telepon", "0812-7123-4567")
        tui_clock.advance(timedelta(minutes=3))  # typing took three minutes
        await simpan(pilot)
        assert isinstance(app.screen, KasusScreen)
        pita = str(app.screen.query_one("#jam").render())
        assert "1/3 Klien mengadukan · 7:00 lagi (jam kerja)" in pita

    tamu = baris(settings, BukuTamu)[0]
    kasus = baris(settings, Kasus)[0]
    assert (tamu.nama, tamu.jenis_identitas, tamu.telepon) == ("Rosmawati", "ktp", "+6281271234567")
    assert tamu.waktu_masuk == AWAL and tamu.kasus_id == kasus.id
    assert kasus.nomor_register == "PPA/2026/0001"


async def test_pelapor_is_recorded_by_keyboard(kasus_baru, settings) -> None:
    app, kasus_id = kasus_baru(korban_anak=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await buka_kasus(pilot, kasus_id)
        await buka(pilot, "p")
        assert app.screen.query_one("#f-nama").value == "Rosmawati"  # from the buku tamu
        await pilih_di(pilot, "hubungan", "Orang")
        await pilih_di(pilot, "jenis_kelamin", "Per")
        await simpan(pilot)
    pelapor = baris(settings, Pihak, peran="pelapor")[0]
    assert (pelapor.nama, pelapor.hubungan, pelapor.jenis_kelamin) == (
        "Rosmawati",
        "orang_tua",
        "p",
    )


async def test_korban_age_comes_from_the_date_of_birth(kasus_baru, settings) -> None:
    app, kasus_id = kasus_baru(korban_anak=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await buka_kasus(pilot, kasus_id)
        await buka(pilot, "k")
        await isi(pilot, "nama", "Ani")
        await pilih_di(pilot, "jenis_kelamin", "Per")
        await isi(pilot, "tanggal_lahir", "12-03-2014")
        await isi(pilot, "nik", "1971015203140001")
        await simpan(pilot)
    korban = baris(settings, Pihak, peran="korban")[0]
    assert (korban.nama, korban.usia, korban.anak, korban.jenis_kelamin) == ("Ani", 12, True, "p")


async def test_pelaku_is_recorded_by_keyboard(kasus_baru, settings) -> None:
    app, kasus_id = kasus_baru()
    async with app.run_test(size=(80, 24)) as pilot:
        await buka_kasus(pilot, kasus_id)
        await buka(pilot, "l")
        await isi(pilot, "nama", "Budi")
        await pilih_di(pilot, "hubungan", "Ayah tiri")
        await pilih_di(pilot, "jenis_kelamin", "Lak")
        await simpan(pilot)
    pelaku = baris(settings, Pihak, peran="pelaku")[0]
    assert (pelaku.nama, pelaku.hubungan) == ("Budi", "ayah_tiri")


async def test_kejadian_with_several_forms_of_violence(kasus_baru, settings) -> None:
    app, kasus_id = kasus_baru()
    async with app.run_test(size=(80, 24)) as pilot:
        await buka_kasus(pilot, kasus_id)
        await buka(pilot, "j")
        await isi(pilot, "waktu_kejadian", "22-11-2026 19:30")
        await pilih_di(pilot, "tempat_kejadian", "Rumah")
        await isi(pilot, "kejadian_kabkota_kode", "Pangkalpinang")
        await ke(pilot, "bentuk_kekerasan")
        assert isinstance(app.focused, SelectionList)
        await pilot.press("space", "down", "space")  # Fisik, Psikis
        daftar = app.focused
        assert [daftar.render_line(i).text[1] for i in range(3)] == ["✓", "✓", " "]
        await isi(pilot, "kronologi", "Dipukul dengan [ikat pinggang].")
        await simpan(pilot)
    kasus = baris(settings, Kasus)[0]
    assert kasus.tempat_kejadian == "rumah_tangga"
    assert kasus.kejadian_kabkota_kode == "19.71"
    assert kasus.waktu_kejadian == datetime(2026, 11, 22, 12, 30, tzinfo=UTC)
    assert kasus.kronologi == "Dipukul dengan [ikat pinggang]."
    assert {k.bentuk for k in baris(settings, KekerasanKasus)} == {"fisik", "psikis"}


async def test_a_child_consents_through_her_guardian(kasus_baru, settings) -> None:
    app, kasus_id = kasus_baru()
    async with app.run_test(size=(80, 24)) as pilot:
        await buka_kasus(pilot, kasus_id)
        await buka(pilot, "s")  # the only korban is preselected, the giver is the wali
        await isi(pilot, "wali_nama", "Rosmawati")
        await ke(pilot, "izin_kesehatan")
        await pilot.press("space")
        await ke(pilot, "izin_hukum")
        await pilot.press("space")
        await simpan(pilot)
    izin = baris(settings, Persetujuan)[0]
    korban = baris(settings, Pihak, peran="korban")[0]
    assert (izin.pemberi, izin.wali_nama, izin.korban_id) == (
        "orang_tua_wali",
        "Rosmawati",
        korban.id,
    )
    assert (izin.izin_kesehatan, izin.izin_hukum, izin.izin_psikolog) == (True, True, False)


async def test_asesmen_and_a_planned_service(kasus_baru, settings) -> None:
    app, kasus_id = kasus_baru()
    async with app.run_test(size=(80, 24)) as pilot:
        await buka_kasus(pilot, kasus_id)
        await buka(pilot, "a")
        await pilih_di(pilot, "tingkat_risiko", "Ting")
        await isi(pilot, "kebutuhan_keamanan", "Ayah tiri masih serumah")
        await simpan(pilot)
        await buka(pilot, "r")
        await pilih_di(pilot, "layanan", "Kes")
        await isi(pilot, "penyedia", "RSUD Depati Hamzah")
        await simpan(pilot)
    assert baris(settings, Asesmen)[0].tingkat_risiko == "tinggi"
    assert baris(settings, RencanaIntervensi)[0].penyedia == "RSUD Depati Hamzah"


async def test_finishing_step_one_starts_step_two(kasus_baru, settings, tui_clock) -> None:
    app, kasus_id = kasus_baru()
    async with app.run_test(size=(80, 24)) as pilot:
        await buka_kasus(pilot, kasus_id)
        tui_clock.advance(timedelta(minutes=3))
        await pilot.press("n")
        await tunggu(pilot, lambda: isinstance(app.screen, Konfirmasi), "konfirmasi")
        await pilot.press("enter")
        await tunggu(pilot, lambda: "2/3" in str(app.screen.query_one("#jam").render()))
        assert "2/3 Mencatat aduan" in str(app.screen.query_one("#jam").render())
    steps = sorted(baris(settings, LangkahKasus), key=lambda x: x.started_at)
    assert [x.langkah_kode for x in steps] == ["L1", "L2"]
    assert steps[0].durasi_detik == 180
