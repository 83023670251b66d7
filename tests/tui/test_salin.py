"""Typed once: the guest becomes the pelapor, a parent pelapor becomes the consent's
wali, and one key copies the pelapor's address into a korban."""

from __future__ import annotations

from textual.widgets import Input

from ppa_tui.tui.screens.form import FormScreen
from ppa_tui.tui.screens.kasus import KasusScreen
from tests.tui.conftest import buka, ketik, pilih, settle, simpan, tunggu


async def _isi(pilot, nama: str, teks: str) -> None:
    pilot.app.screen.query_one(f"#f-{nama}").focus()
    await ketik(pilot, teks)


async def test_guest_to_pelapor_to_wali_and_the_address_key(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        await ketik(pilot, "Bu Yanti")
        await _isi(pilot, "telepon", "0812 3456 7890")
        await _isi(pilot, "alamat", "Jl. Depati Amir 12")
        await simpan(pilot)
        assert isinstance(app.screen, KasusScreen)

        # The pelapor starts with what the guest said.
        await buka(pilot, "p")
        form = app.screen
        assert form.query_one("#f-nama", Input).value == "Bu Yanti"
        assert form.query_one("#f-telepon", Input).value == "0812-3456-7890"
        assert form.query_one("#f-alamat", Input).value == "Jl. Depati Amir 12"
        assert all(b.binding.action != "salin" for b in form.active_bindings.values())
        await _isi(pilot, "kabkota_kode", "Pangkalpinang")
        form.query_one("#f-hubungan").focus()
        await pilih(pilot, "Orang")
        await simpan(pilot)

        # The korban form has one key that copies the pelapor's address.
        await buka(pilot, "k")
        form = app.screen
        kunci = {b.binding.key: b.binding.description for b in form.active_bindings.values()}
        assert kunci.get("f3") == "Salin alamat pelapor"
        assert form.query_one("#f-alamat", Input).value == ""
        await ketik(pilot, "Putri")
        await pilot.press("f3")
        await settle(pilot)
        assert form.query_one("#f-alamat", Input).value == "Jl. Depati Amir 12"
        assert form.query_one("#f-kabkota_kode", Input).value != ""
        assert form.mentah()["alamat"] == "Jl. Depati Amir 12"
        await _isi(pilot, "tanggal_lahir", "12-03-2014")
        await simpan(pilot)

        # The consent of a child: the parent pelapor is the wali already.
        await buka(pilot, "s")
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.mentah()["pemberi"] == "orang_tua_wali"
        assert form.query_one("#f-wali_nama", Input).value == "Bu Yanti"
        assert form.query_one("#f-wali_hubungan", Input).value == "Orang tua"
        assert form.query_one("#f-wali_telepon", Input).value == "0812-3456-7890"
        await simpan(pilot)
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen), "kasus")


async def test_without_a_pelapor_the_key_says_so(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        await ketik(pilot, "Pak Tetangga")
        await simpan(pilot)
        await buka(pilot, "k")
        await pilot.press("f3")
        await settle(pilot)
        assert app.screen.query_one("#f-alamat", Input).value == ""
        assert any("Belum ada data pelapor" in n.message for n in app._notifications)
