"""Opening a case: logged once per opening; a case that is not hers (masked) asks for
a reason first, and Esc leaves without showing anything."""

from __future__ import annotations

import json
import sqlite3

from textual.widgets import DataTable, Input, Static

from ppa_tui.tui.app import build_app
from ppa_tui.tui.screens.dialogs import AlasanBuka
from ppa_tui.tui.screens.home import HomeScreen
from ppa_tui.tui.screens.kasus import KasusScreen
from tests.tui.akun_uji import SANDI_KEPALA, di_layar, siapkan_akun
from tests.tui.conftest import beranda_siap, ketik, pengaduan_baru, settle, tunggu
from tests.tui.test_kunci_layar import teks_layar
from tests.tui.test_pengguna_audit import masuk_sebagai


def _audit(settings, aksi: str) -> list[tuple[str, dict]]:
    db = sqlite3.connect(settings.url.removeprefix("sqlite:///"))
    rows = db.execute("SELECT pengguna, rincian FROM audit_log WHERE aksi = ? ORDER BY urutan",
                      (aksi,)).fetchall()
    db.close()
    return [(p, json.loads(r or "{}")) for p, r in rows]


async def _kasus_dibuat(settings, tui_clock) -> None:
    """A case made at the desk by the process itself: assigned to nobody."""
    app = build_app(settings, tui_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        await pengaduan_baru(pilot, "Rosmawati")


async def test_a_masked_case_opens_only_with_a_reason(settings, tui_clock):
    from ppa_tui.sesi import masuk

    akun = siapkan_akun(settings, ("budi", "Budi Santoso", {"operator"}))
    sesi = masuk(settings, "budi", akun["budi"].sandi)
    sesi.ganti_sandi(akun["budi"].sandi, "budi-sandi-99")
    sesi.close()
    await _kasus_dibuat(settings, tui_clock)

    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await masuk_sebagai(pilot, "budi", "budi-sandi-99")
        assert "Rosmawati" not in teks_layar(app)  # masked on home
        app.screen.query_one("#kasus", DataTable).focus()
        await pilot.press("enter")
        await di_layar(pilot, AlasanBuka, "alasan")
        teks = teks_layar(app)
        assert "bukan tugas Anda" in teks and "log audit" in teks
        assert "Rosmawati" not in teks
        await pilot.press("escape")  # cancel: back home, nothing read, nothing logged
        await di_layar(pilot, HomeScreen, "beranda")
        await settle(pilot)
        assert _audit(settings, "buka_tersamar") == []

        await pilot.press("enter")
        await di_layar(pilot, AlasanBuka, "alasan")
        await ketik(pilot, "abc")
        await pilot.press("enter")
        await settle(pilot)
        assert "minimal 5 huruf" in str(app.screen.query_one("#pesan-alasan", Static).render())
        app.screen.query_one("#alasan", Input).value = ""
        await ketik(pilot, "korban datang lagi, petugasnya cuti")
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen)
                     and app.screen.detail is not None, "kasus terbuka")
        await settle(pilot)
        assert "PPA/2026/0001 · Layanan Dasar" in teks_layar(app)
        assert _audit(settings, "buka_tersamar") == [
            ("budi", {"alasan": "korban datang lagi, petugasnya cuti"})]


async def test_an_unmasked_case_is_logged_once_per_opening(settings, tui_clock):
    siapkan_akun(settings)
    await _kasus_dibuat(settings, tui_clock)
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await masuk_sebagai(pilot, "kepala", SANDI_KEPALA)
        app.screen.query_one("#kasus", DataTable).focus()
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen)
                     and app.screen.detail is not None, "kasus terbuka")
        assert not any(isinstance(s, AlasanBuka) for s in app.screen_stack)
        app.screen.muat()  # a reload (another desk's change, a save)
        await settle(pilot)
        # (the first entry: the process itself, which opened it after the save)
        assert [p for p, _ in _audit(settings, "lihat")] == ["", "kepala"]
        await pilot.press("escape")
        await di_layar(pilot, HomeScreen, "beranda")
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen)
                     and app.screen.detail is not None, "kasus terbuka")
        await settle(pilot)
        assert [p for p, _ in _audit(settings, "lihat")] == ["", "kepala", "kepala"]
