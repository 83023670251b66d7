"""The SIMFONI-PPA details at the desk, keys only at 80x24: a korban's birthplace,
kecamatan, religion, two disabilities and her own bentuk kekerasan on her form; in a
case of two sisters, the pelaku's relationship to one of them changed on its own line."""

from __future__ import annotations

from textual.widgets import SelectionList

from ppa_tui.domain.models import DisabilitasPihak, HubunganKorbanPelaku, KekerasanKasus, Pihak
from ppa_tui.tui.screens.form import FormScreen
from ppa_tui.tui.screens.kasus import KasusScreen
from tests.tui import test_intake_walk
from tests.tui.conftest import baris, simpan, tunggu
from tests.tui.test_alur_walk import _ke_baris
from tests.tui.test_intake_walk import buka_kasus, isi, ke, pilih_di

kasus_baru = test_intake_walk.kasus_baru  # the fixture: a case with its screen open


def _dua_korban_satu_pelaku(s, kasus) -> None:
    from ppa_tui.domain.kasus import simpan_pihak

    simpan_pihak(s, kasus.id, "korban", {"nama": "Bunga", "usia": 8, "jenis_kelamin": "p"})
    simpan_pihak(s, kasus.id, "pelaku", {"nama": "Darto", "usia": 44, "hubungan": "ayah_tiri"})


async def _buka_baris(pilot, awalan: str) -> None:
    await _ke_baris(pilot, "#butir", awalan)
    await pilot.press("enter")
    await tunggu(pilot, lambda: isinstance(pilot.app.screen, FormScreen), "formulir")


async def test_a_korbans_own_details_and_one_pairs_relationship(kasus_baru, settings) -> None:
    app, kasus_id = kasus_baru(_dua_korban_satu_pelaku)
    [ani] = [p for p in baris(settings, Pihak, peran="korban") if p.nama == "Ani"]
    [bunga] = [p for p in baris(settings, Pihak, peran="korban") if p.nama == "Bunga"]
    async with app.run_test(size=(80, 24)) as pilot:
        await buka_kasus(pilot, kasus_id)
        # each korban–pelaku pair has its line; Darto is Bunga's uncle, not stepfather
        pasangan = [p for p in baris(settings, HubunganKorbanPelaku)
                    if p.korban_id == bunga.id]
        await _buka_baris(pilot, f"hubungan:{pasangan[0].id}")
        assert app.screen.siap.spec.id == "hubungan"
        await pilih_di(pilot, "hubungan", "Paman")
        await simpan(pilot)
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen), "kembali")
        # Ani's form: birthplace, kecamatan, religion, two disabilities, her bentuk
        await _buka_baris(pilot, f"korban:{ani.id}")
        await isi(pilot, "tempat_lahir", "Koba")
        await pilih_di(pilot, "agama", "Islam")
        await isi(pilot, "kecamatan", "Koba")
        await ke(pilot, "ragam_disabilitas")
        assert isinstance(app.focused, SelectionList)
        await pilot.press("down", "space", "down", "down", "down", "space")  # fisik, sensorik
        await ke(pilot, "bentuk_kekerasan")
        await pilot.press("down", "down", "down", "down", "space")  # Seksual – pencabulan
        await isi(pilot, "sekolah", "SD Negeri 3 Koba")
        await simpan(pilot)
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen), "kembali")
    hub = {p.korban_id: p.hubungan for p in baris(settings, HubunganKorbanPelaku)}
    assert hub == {ani.id: "ayah_tiri", bunga.id: "paman_bibi"}
    [ani] = [p for p in baris(settings, Pihak, peran="korban") if p.nama == "Ani"]
    assert (ani.tempat_lahir, ani.agama, ani.kecamatan, ani.sekolah) == (
        "Koba", "islam", "Koba", "SD Negeri 3 Koba")
    assert (ani.usia_kejadian, ani.kelompok_usia, ani.anak_kejadian) == (12, "usia_6_12", True)
    assert sorted(r.ragam for r in baris(settings, DisabilitasPihak)) == ["fisik", "sensorik"]
    assert [(r.korban_id, r.bentuk) for r in baris(settings, KekerasanKasus)] == [
        (ani.id, "seksual_pencabulan")]
