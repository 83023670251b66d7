"""Logging in at the app (`build_app(masuk=True)`): the first account of a new
database, the login with its refusals and lock-out, the forced change of a temporary
password, and the account shown in the Header."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, Static

from ppa_tui.tui.app import build_app
from ppa_tui.tui.screens.home import HomeScreen
from ppa_tui.tui.screens.masuk import AkunPertama, GantiSandi, KodePemulihan, LayarMasuk
from tests.tui.akun_uji import SANDI_KEPALA, di_layar, siapkan_akun
from tests.tui.conftest import beranda_siap, ketik, settle, tunggu


def _pesan(app, id_: str) -> str:
    return str(app.screen.query_one(f"#{id_}", Static).render())


async def _isi(pilot, id_: str, teks: str) -> None:
    masukan = pilot.app.screen.query_one(f"#{id_}", Input)
    masukan.focus()
    masukan.value = ""
    await ketik(pilot, teks)


async def _masuk(pilot, nama: str, sandi: str) -> None:
    await di_layar(pilot, LayarMasuk, "layar masuk")
    await _isi(pilot, "nama", nama)
    await _isi(pilot, "sandi", sandi)
    await pilot.press("enter")
    await settle(pilot)


@pytest.fixture
def akun(settings):
    return siapkan_akun(settings, ("rina", "Rina Marlina", {"kasi_pengaduan"}))


async def test_login_opens_home_with_the_account_in_the_header(settings, tui_clock, akun):
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await _masuk(pilot, "kepala", SANDI_KEPALA)
        await beranda_siap(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.backend.akun is not None and app.backend.akun.nama == "kepala"
        assert app.sub_title == "Bu Kepala · Kepala UPTD PPA"


async def test_wrong_password_says_so_keeps_the_name_and_locks_out_after_five(
        settings, tui_clock, akun):
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await _masuk(pilot, "rina", "salah-sekali")
        assert isinstance(app.screen, LayarMasuk)
        assert "salah" in _pesan(app, "status") and "Sisa 4 percobaan" in _pesan(app, "status")
        assert app.screen.query_one("#nama", Input).value == "rina"  # kept
        assert app.screen.query_one("#sandi", Input).value == ""  # cleared
        assert app.focused is app.screen.query_one("#sandi", Input)
        for _ in range(4):
            await ketik(pilot, "salah-lagi")
            await pilot.press("enter")
            await settle(pilot)
        assert "dikunci sementara" in _pesan(app, "status")
        # now even the right password is refused until the time is up
        await ketik(pilot, akun["rina"].sandi)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LayarMasuk) and "dikunci" in _pesan(app, "status")


async def test_empty_fields_are_said_beside_them(settings, tui_clock, akun):
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await di_layar(pilot, LayarMasuk, "layar masuk")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert "Isi nama pengguna" in _pesan(app, "pesan-nama")
        await ketik(pilot, "rina")
        await pilot.press("enter", "enter")
        assert "Isi kata sandi" in _pesan(app, "pesan-sandi")


async def test_a_temporary_password_must_be_changed_first(settings, tui_clock, akun):
    app = build_app(settings, tui_clock, masuk=True)
    sementara = akun["rina"].sandi
    async with app.run_test(size=(80, 24)) as pilot:
        await _masuk(pilot, "rina", sementara)
        await di_layar(pilot, GantiSandi, "ganti sandi")
        await pilot.press("escape")  # cannot be skipped
        assert isinstance(app.screen, GantiSandi)
        await ketik(pilot, sementara)
        await pilot.press("enter")
        await ketik(pilot, "rina-baru-123")
        await pilot.press("enter")
        await ketik(pilot, "rina-baru-124")  # not the same
        await pilot.press("enter")
        await settle(pilot)
        assert "tidak sama" in _pesan(app, "pesan-baru2")
        assert all(m.value == "" for m in app.screen.query(Input))
        await ketik(pilot, sementara)
        await pilot.press("enter")
        await ketik(pilot, "rina-baru-123")
        await pilot.press("enter")
        await ketik(pilot, "rina-baru-123")
        await pilot.press("enter")
        await di_layar(pilot, HomeScreen, "beranda")
        assert app.sub_title == "Rina Marlina · Kasi Pelayanan Pengaduan"
        assert not app.backend.akun.harus_ganti_sandi
    # the new password is the one that works now
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await _masuk(pilot, "rina", "rina-baru-123")
        await di_layar(pilot, HomeScreen, "beranda")


async def test_first_account_of_a_new_database(settings, tui_clock, monkeypatch):
    from ppa_tui.store.database import Database

    Database.open(settings.url, device_id=settings.device_id).close()  # plain, no account
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await di_layar(pilot, AkunPertama, "akun pertama")
        await ketik(pilot, "Bu Kepala")  # not a login name
        await pilot.press("enter")
        await ketik(pilot, "Siti Kepala")
        await pilot.press("enter")
        await ketik(pilot, "pendek")
        await pilot.press("enter")
        await pilot.press("enter")
        await settle(pilot)
        assert "huruf kecil" in _pesan(app, "pesan-nama")
        assert "minimal 8" in _pesan(app, "pesan-sandi")
        assert app.focused is app.screen.query_one("#nama", Input)
        assert app.screen.query_one("#nama_lengkap", Input).value == "Siti Kepala"
        await _isi(pilot, "nama", "kepala")
        await _isi(pilot, "sandi", "sandi-kepala-1")
        await _isi(pilot, "sandi2", "sandi-kepala-2")
        await pilot.press("enter")
        await settle(pilot)
        assert "tidak sama" in _pesan(app, "pesan-sandi2")
        await _isi(pilot, "sandi", "sandi-kepala-1")
        await _isi(pilot, "sandi2", "sandi-kepala-1")
        await pilot.press("enter")
        await di_layar(pilot, HomeScreen, "beranda")
        assert app.backend.akun.nama == "kepala" and app.backend.akun.peran == {"kepala"}


async def test_the_recovery_key_is_shown_once_then_home(settings, tui_clock, monkeypatch):
    """A new encrypted database gives a recovery key: shown on its own screen with the
    warning, Enter goes on."""
    from ppa_tui.backend import Backend

    monkeypatch.setattr(Backend, "perlu_akun_pertama", lambda self: True)
    monkeypatch.setattr(Backend, "siapkan_pertama",
                        lambda self, *a: "ABCD-EFGH-IJKL-MNOP")
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await di_layar(pilot, AkunPertama, "akun pertama")
        await ketik(pilot, "kepala")
        await pilot.press("enter")
        await ketik(pilot, "Siti Kepala")
        await pilot.press("enter")
        await ketik(pilot, "sandi-kepala-1")
        await pilot.press("enter")
        await ketik(pilot, "sandi-kepala-1")
        await pilot.press("enter")
        await di_layar(pilot, KodePemulihan, "kunci pemulihan")
        teks = str(app.screen.query_one("#kode", Static).render())
        assert teks == "ABCD-EFGH-IJKL-MNOP"
        assert "hanya ditampilkan sekali" in str(
            app.screen.query_one(".peringatan", Static).render())
        await pilot.press("enter")
        await di_layar(pilot, HomeScreen, "beranda")


async def test_change_password_from_the_palette(settings, tui_clock, akun):
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await _masuk(pilot, "kepala", SANDI_KEPALA)
        await beranda_siap(pilot)
        await pilot.press("ctrl+p")
        await tunggu(pilot, lambda: CommandPalette.is_open(app) and app.screen.is_mounted
                     and app.focused is not None, "palet")
        await ketik(pilot, "ganti kata sandi")
        await settle(pilot)
        await pilot.press("enter")
        await di_layar(pilot, GantiSandi, "ganti sandi")
        await ketik(pilot, "salah-sandi-lama")
        await pilot.press("enter")
        await ketik(pilot, "kepala-baru-22")
        await pilot.press("enter")
        await ketik(pilot, "kepala-baru-22")
        await pilot.press("enter")
        await settle(pilot)
        assert "lama salah" in _pesan(app, "status")
        await pilot.press("escape")
        await di_layar(pilot, HomeScreen, "beranda")


async def test_a_fresh_machine_gets_an_encrypted_database_and_its_recovery_key(
        settings, tui_clock):
    """No database file yet: the first account makes it, encrypted (SQLCipher), and
    its recovery key is shown once before home."""
    from pathlib import Path

    db = Path(settings.url.removeprefix("sqlite:///"))
    assert not db.exists()
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await di_layar(pilot, AkunPertama, "akun pertama")
        for teks in ("kepala", "Siti Kepala", "sandi-kepala-1", "sandi-kepala-1"):
            await ketik(pilot, teks)
            await pilot.press("enter")
        await di_layar(pilot, KodePemulihan, "kunci pemulihan")
        kode = str(app.screen.query_one("#kode", Static).render())
        assert len(kode) >= 16
        await pilot.press("enter")
        await beranda_siap(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert not db.read_bytes().startswith(b"SQLite format 3")
