"""Snapshots of the main screens at 80x24 (`pytest --snapshot-update` to accept a
deliberate change, after looking at the report)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ppa_tui.backend import Backend
from tests.tui.conftest import beranda_siap, buka, ketik, settle

UKURAN = (80, 24)


@pytest.fixture
def contoh(settings, tui_clock):
    """Two guests today, one of them complaining about her daughter; a case from 08:40
    whose first step is already overdue."""
    backend = Backend(settings, tui_clock)

    def simpan(form_id, kasus_id=None, target_id=None, **mentah):
        from ppa_tui.domain.forms import periksa_form

        siap = backend.siapkan_form(form_id, kasus_id, target_id)
        hasil = periksa_form(siap.spec, {**siap.mentah, **mentah}, siap.konteks)
        assert hasil.ok, hasil.galat
        return backend.simpan(siap, hasil.nilai)

    lama = simpan("buku_tamu", nama="Nurhayati", waktu_masuk="23-11-2026 08:40")
    simpan("korban", lama.kasus_id, nama="Nurhayati", jenis_kelamin="p", usia="34")
    kasus = simpan("buku_tamu", nama="Rosmawati", jenis_identitas="ktp",
                   nomor_identitas="1971015203850002", telepon="0812-7123-4567")
    simpan("pelapor", kasus.kasus_id, nama="Rosmawati", hubungan="orang_tua", jenis_kelamin="p")
    simpan("korban", kasus.kasus_id, nama="Ani", jenis_kelamin="p", tanggal_lahir="12-03-2014",
           nik="1971015203140001")
    simpan("pelaku", kasus.kasus_id, nama="Budi", hubungan="ayah_tiri", jenis_kelamin="l")
    simpan("buku_tamu", nama="Pak Rahman", keperluan="konsultasi")
    backend.close()
    tui_clock.advance(timedelta(minutes=6))
    return kasus


async def _ke_kasus(pilot) -> None:
    await beranda_siap(pilot)
    await pilot.press("enter")  # the most urgent case is first; Rosmawati's is second
    await settle(pilot)


def _tanpa_notifikasi(fn):
    async def run(pilot):
        await fn(pilot)
        await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()
    return run


def test_home(snap_compare, make_app, contoh) -> None:
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_tanpa_notifikasi(settle))


def test_buku_tamu(snap_compare, make_app) -> None:
    async def run(pilot):
        await settle(pilot)
        await buka(pilot, "t")
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_tanpa_notifikasi(run))


def test_kasus(snap_compare, make_app, contoh) -> None:
    async def run(pilot):
        await beranda_siap(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_tanpa_notifikasi(run))


def test_korban_with_errors(snap_compare, make_app, contoh) -> None:
    async def run(pilot):
        await _ke_kasus(pilot)
        await buka(pilot, "k")
        await ketik(pilot, "Dewi")
        await pilot.press("tab", "tab")
        await ketik(pilot, "31-02-2014")
        await pilot.press("tab", "tab")
        await ketik(pilot, "19710152")
        await pilot.press("tab")
        await ketik(pilot, "12345")
        await pilot.press("ctrl+s")
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_tanpa_notifikasi(run))


@pytest.mark.parametrize("key", ["p", "l", "j", "s", "a", "r"])
def test_forms_of_a_case(snap_compare, make_app, contoh, key) -> None:
    async def run(pilot):
        await beranda_siap(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await buka(pilot, key)
    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=_tanpa_notifikasi(run))
