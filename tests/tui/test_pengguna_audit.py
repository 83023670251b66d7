"""The accounts screen (add, disable, reset, each once and with the refusals said) and
the audit log screen (newest first, a user filter, the chain check naming a tampered
entry), reached from home by a logged-in Kepala."""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import Checkbox, DataTable, Input, Label, Static

from ppa_tui.tui.app import build_app
from ppa_tui.tui.screens.audit import LogAudit
from ppa_tui.tui.screens.dialogs import Konfirmasi
from ppa_tui.tui.screens.home import HomeScreen
from ppa_tui.tui.screens.pengguna import DaftarPengguna, TambahAkun
from tests.tui.akun_uji import SANDI_KEPALA, di_layar, siapkan_akun
from tests.tui.conftest import beranda_siap, ketik, pengaduan_baru, settle, tunggu


@pytest.fixture
def akun(settings):
    return siapkan_akun(settings, ("rina", "Rina Marlina", {"kasi_pengaduan"}),
                        ("budi", "Budi Santoso", {"operator"}))


async def masuk_sebagai(pilot, nama: str, sandi: str) -> None:
    from ppa_tui.tui.screens.masuk import LayarMasuk

    await di_layar(pilot, LayarMasuk, "layar masuk")
    await ketik(pilot, nama)
    await pilot.press("enter")
    await ketik(pilot, sandi)
    await pilot.press("enter")
    await beranda_siap(pilot)


def _teks_dialog(app) -> str:
    from textual.css.query import NoMatches

    try:
        return str(app.screen.query_one(".pertanyaan", Label).render())
    except NoMatches:  # not composed yet
        return ""


def _baris(app, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(table_id, DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def _ke_baris(pilot, nama: str) -> None:
    table = pilot.app.screen.query_one("#akun", DataTable)
    table.move_cursor(row=table.get_row_index(nama))
    await settle(pilot)


async def test_accounts_add_disable_reset(settings, tui_clock, akun):
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await masuk_sebagai(pilot, "kepala", SANDI_KEPALA)
        await pilot.press("p")
        await di_layar(pilot, DaftarPengguna, "akun")
        await settle(pilot)
        rows = _baris(app, "#akun")
        assert [r[0] for r in rows] == ["budi", "kepala", "rina"]
        assert rows[2][1:4] == ["Rina Marlina", "Kasi Pelayanan Pengaduan", "aktif"]

        # add: a bad name and no role are said beside the fields
        await pilot.press("t")
        await di_layar(pilot, TambahAkun, "tambah akun")
        await ketik(pilot, "Sari W")
        await pilot.press("tab")
        await ketik(pilot, "Sari Wulandari")
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert "huruf kecil" in str(dialog.query_one("#pesan-nama", Static).render())
        assert "sedikitnya satu peran" in str(dialog.query_one("#pesan-peran", Static).render())
        dialog.query_one("#nama", Input).value = ""
        dialog.query_one("#nama", Input).focus()
        await ketik(pilot, "sari")
        dialog.query_one("#peran-pendamping", Checkbox).focus()
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await di_layar(pilot, Konfirmasi, "sandi sementara")
        teks = _teks_dialog(app)
        assert "Akun sari dibuat" in teks and "tidak ditampilkan lagi" in teks
        sandi_sari = teks.split("sari:")[1].split()[0]
        await pilot.press("enter")
        await di_layar(pilot, DaftarPengguna, "akun")
        await settle(pilot)
        rows = _baris(app, "#akun")
        assert ["sari", "Sari Wulandari", "Pendamping PPA", "aktif"] == rows[3][:4]

        # the same name again: the domain's refusal, said
        await pilot.press("t")
        await di_layar(pilot, TambahAkun, "tambah akun")
        await ketik(pilot, "sari")
        await pilot.press("tab")
        await ketik(pilot, "Sari Lain")
        app.screen.query_one("#peran-operator", Checkbox).value = True
        await pilot.press("ctrl+s")
        await di_layar(pilot, DaftarPengguna, "akun")
        await settle(pilot)
        assert any("sudah dipakai" in n.message for n in app._notifications)

        # disable: asked first (Kembali is the default), then done
        await _ke_baris(pilot, "budi")
        await pilot.press("x")
        await di_layar(pilot, Konfirmasi, "konfirmasi")
        assert "Nonaktifkan akun budi (Budi Santoso)?" in _teks_dialog(app)
        await pilot.press("enter")  # Kembali
        await di_layar(pilot, DaftarPengguna, "akun")
        await settle(pilot)
        assert _baris(app, "#akun")[0][3] == "aktif"
        await pilot.press("x")
        await di_layar(pilot, Konfirmasi, "konfirmasi")
        await pilot.press("right", "enter")  # Ya, nonaktifkan
        await tunggu(pilot, lambda: isinstance(app.screen, DaftarPengguna)
                     and _baris(app, "#akun")[0][3] == "nonaktif", "budi nonaktif")
        await pilot.press("x")  # already disabled: nothing to ask
        await settle(pilot)
        assert isinstance(app.screen, DaftarPengguna)

        # the last account that can manage accounts cannot be disabled
        await _ke_baris(pilot, "kepala")
        await pilot.press("x")
        await di_layar(pilot, Konfirmasi, "konfirmasi")
        await pilot.press("right", "enter")
        await di_layar(pilot, DaftarPengguna, "akun")
        await settle(pilot)
        assert any("akun aktif terakhir" in n.message for n in app._notifications)

        # reset: asked, then a new temporary password shown once
        await _ke_baris(pilot, "rina")
        await pilot.press("r")
        await di_layar(pilot, Konfirmasi, "konfirmasi")
        await pilot.press("right", "enter")
        await tunggu(pilot, lambda: isinstance(app.screen, Konfirmasi)
                     and "diatur ulang" in _teks_dialog(app), "sandi sementara")
        sandi_rina = _teks_dialog(app).split("rina:")[1].split()[0]
        await pilot.press("enter")
        await di_layar(pilot, DaftarPengguna, "akun")

    # the temporary passwords work (and must be changed); budi cannot log in
    from ppa_tui.sesi import masuk

    for nama, sandi in (("sari", sandi_sari), ("rina", sandi_rina)):
        sesi = masuk(settings, nama, sandi)
        assert sesi.akun.harus_ganti_sandi
        sesi.close()
    from ppa_tui.galat import PesanPetugas

    with pytest.raises(PesanPetugas, match="dinonaktifkan"):
        masuk(settings, "budi", akun["budi"].sandi)


async def test_accounts_and_audit_are_not_offered_to_an_operator(settings, tui_clock, akun):
    from ppa_tui.sesi import masuk

    sesi = masuk(settings, "budi", akun["budi"].sandi)
    sesi.ganti_sandi(akun["budi"].sandi, "budi-sandi-99")
    sesi.close()
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await masuk_sebagai(pilot, "budi", "budi-sandi-99")
        await pilot.press("p", "j")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        palet = [c.title for c in app.get_system_commands(app.screen)]
        assert not any("Akun pengguna" in t or "Log audit" in t for t in palet)
        # the backend refuses anyway
        from ppa_tui.galat import PesanPetugas

        with pytest.raises(PesanPetugas, match="hanya bisa dilakukan oleh"):
            app.backend.daftar_akun()


async def test_audit_lists_filters_and_names_a_tampered_entry(settings, tui_clock, akun):
    app = build_app(settings, tui_clock, masuk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await masuk_sebagai(pilot, "kepala", SANDI_KEPALA)
        await pengaduan_baru(pilot, "Rosmawati")
        await pilot.press("escape")
        await beranda_siap(pilot)
        await pilot.press("j")
        await tunggu(pilot, lambda: isinstance(app.screen, LogAudit) and app.screen.entri,
                     "log audit")
        await settle(pilot)
        rows = _baris(app, "#log")
        nomor = [int(r[0]) for r in rows]
        assert nomor == sorted(nomor, reverse=True)  # newest first
        assert any(r[3] == "Masuk" and r[2] == "kepala" for r in rows)
        assert any(r[5].startswith("PPA/2026/") for r in rows)  # the case's number
        assert "entri" in str(app.screen.query_one("#ringkas", Static).render())

        # filter by a user
        await pilot.press("f")
        assert isinstance(app.focused, Input)
        await ketik(pilot, "rina")
        await pilot.press("enter")
        await settle(pilot)
        assert _baris(app, "#log") == []
        assert "Belum ada entri oleh rina" in str(app.screen.query_one("#ringkas").render())
        await pilot.press("f")
        app.focused.value = ""
        await pilot.press("enter")
        await settle(pilot)
        assert len(_baris(app, "#log")) == len(rows)

        # whole
        await pilot.press("v")
        await settle(pilot)
        hasil = str(app.screen.query_one("#hasil", Static).render())
        assert hasil.startswith("Log audit utuh:") and f"{max(nomor)} entri" in hasil

        # an entry edited behind the app's back
        db = sqlite3.connect(settings.url.removeprefix("sqlite:///"))
        db.execute("UPDATE audit_log SET pengguna = 'siapa' WHERE urutan = 2")
        db.commit()
        db.close()
        await pilot.press("v")
        await settle(pilot)
        hasil = str(app.screen.query_one("#hasil", Static).render())
        assert "TIDAK utuh" in hasil and "Entri #2 diubah" in hasil


async def test_backend_names_cases_by_their_register_number(make_app):
    import uuid

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await beranda_siap(pilot)
        await pengaduan_baru(pilot, "Rosmawati")
        kasus_id = app.screen.kasus_id
        nomor = app.backend.nomor_kasus([kasus_id, uuid.uuid4(), None])
        assert nomor == {kasus_id: "PPA/2026/0001"}
        assert app.backend.nomor_kasus([]) == {}
