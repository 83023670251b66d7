"""A Kasi assigns an officer to a case (`t` on the case screen); that officer then sees
its names unmasked. An operator is refused the key."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList

from ppa_tui.backend import Backend
from ppa_tui.tui.app import build_app
from ppa_tui.tui.screens.kasus import KasusScreen
from ppa_tui.tui.screens.penugasan import PilihPetugas
from tests.tui.akun_uji import SANDI_KEPALA, di_layar, siapkan_akun
from tests.tui.conftest import pengaduan_baru, settle, tunggu
from tests.tui.test_pengguna_audit import masuk_sebagai


def _sandi_tetap(settings, akun) -> None:
    from ppa_tui.sesi import masuk

    for nama, a in akun.items():
        if nama != "kepala":
            sesi = masuk(settings, nama, a.sandi)
            sesi.ganti_sandi(a.sandi, f"{nama}-sandi-99")
            sesi.close()


async def test_the_kepala_assigns_an_officer_who_then_sees_the_names(settings,
                                                                     tui_clock) -> None:
    akun = siapkan_akun(settings, ("budi", "Budi Santoso", {"operator"}))
    _sandi_tetap(settings, akun)
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await masuk_sebagai(pilot, "kepala", SANDI_KEPALA)
        await pengaduan_baru(pilot, "Rosmawati")
        kasus_id = app.screen.kasus_id
        budi = Backend(settings, tui_clock)
        budi.masuk("budi", "budi-sandi-99")
        assert [t.nama for t in budi.beranda().tamu] == ["R."]
        budi.close()
        await pilot.press("t")
        await di_layar(pilot, PilihPetugas, "pilih petugas")
        pilihan = app.screen.query_one(OptionList)
        assert pilihan.get_option_at_index(0).id == "budi"
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen), "kembali ke kasus")
        await settle(pilot)
        budi = Backend(settings, tui_clock)
        budi.masuk("budi", "budi-sandi-99")
        assert [t.nama for t in budi.beranda().tamu] == ["Rosmawati"]
        assert not budi.perlu_alasan(kasus_id)
        budi.close()


async def test_an_operator_cannot_assign(settings, tui_clock) -> None:
    akun = siapkan_akun(settings, ("budi", "Budi Santoso", {"operator"}))
    _sandi_tetap(settings, akun)
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await masuk_sebagai(pilot, "budi", "budi-sandi-99")
        await pengaduan_baru(pilot, "Rosmawati")
        assert isinstance(app.screen, KasusScreen)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, KasusScreen)  # the key is off for her
        assert app.screen.check_action("tugaskan", ()) is None
        assert app.screen.query_one("#butir", DataTable) is not None
