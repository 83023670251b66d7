"""Snapshots at 80x24 of the login screen, the lock screen, the accounts screen and the
audit log (`pytest --snapshot-update` to accept a deliberate change, after looking at
the svg). Accounts are made before the app starts, on a plain database, at the fixed
clock; the audit entries' times and object ids (real time, random ids) are fixed
afterwards and the chain rehashed, as a forger who rewrites every hash would."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ppa_tui.tui.app import build_app
from tests.tui.akun_uji import SANDI_KEPALA, di_layar, siapkan_akun
from tests.tui.conftest import AWAL, beranda_siap, ketik, settle, tunggu

UKURAN = (80, 24)


@pytest.fixture
def akun(settings):
    return siapkan_akun(settings, ("rina", "Rina Marlina", {"kasi_pengaduan"}),
                        ("budi", "Budi Santoso", {"operator"}),
                        ("sari", "Sari Wulandari", {"pendamping", "operator"}))


async def _masuk(pilot) -> None:
    from ppa_tui.tui.screens.masuk import LayarMasuk

    await di_layar(pilot, LayarMasuk, "layar masuk")
    await ketik(pilot, "kepala")
    await pilot.press("enter")
    await ketik(pilot, SANDI_KEPALA)
    await pilot.press("enter")
    await beranda_siap(pilot)


def _rantai_tetap(settings) -> None:
    """Every audit entry at AWAL + its number in minutes, with its number as object id,
    the chain rehashed (written with a plain session: the audit hook stays out)."""
    from sqlmodel import Session, create_engine, select

    from ppa_tui.domain.audit import hitung_hash
    from ppa_tui.domain.models_akses import AuditEntri

    engine = create_engine(settings.url)
    with Session(engine) as s:
        sebelum = ""
        for e in s.exec(select(AuditEntri).order_by(AuditEntri.urutan)).all():
            e.waktu = AWAL + timedelta(minutes=e.urutan)
            e.objek_id = f"{e.urutan:032d}" if e.objek_id else ""
            e.hash_sebelum = sebelum
            e.hash = sebelum = hitung_hash(e)
            s.add(e)
        s.commit()
    engine.dispose()


def _selesai(pilot):
    pilot.app.clear_notifications()
    return pilot.pause()


def test_layar_masuk(snap_compare, settings, tui_clock, akun) -> None:
    async def run(pilot):
        from ppa_tui.tui.screens.masuk import LayarMasuk

        await di_layar(pilot, LayarMasuk, "layar masuk")
        await ketik(pilot, "rina")
        await pilot.press("enter")
        await ketik(pilot, "salah-sandi")
        await pilot.press("enter")
        await settle(pilot)
        await _selesai(pilot)

    assert snap_compare(build_app(settings, tui_clock, masuk=True), terminal_size=UKURAN,
                        run_before=run)


def test_layar_terkunci(snap_compare, settings, tui_clock, akun) -> None:
    async def run(pilot):
        await _masuk(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
        await _selesai(pilot)

    assert snap_compare(build_app(settings, tui_clock, masuk=True), terminal_size=UKURAN,
                        run_before=run)


def test_akun_pengguna(snap_compare, settings, tui_clock, akun) -> None:
    async def run(pilot):
        await _masuk(pilot)
        await pilot.press("p")
        await settle(pilot)
        await _selesai(pilot)

    assert snap_compare(build_app(settings, tui_clock, masuk=True), terminal_size=UKURAN,
                        run_before=run)


def test_log_audit(snap_compare, settings, tui_clock, akun) -> None:
    from ppa_tui.tui.screens.audit import LogAudit

    async def run(pilot):
        await _masuk(pilot)
        _rantai_tetap(settings)
        await pilot.press("j")
        await tunggu(pilot, lambda: isinstance(pilot.app.screen, LogAudit)
                     and pilot.app.screen.entri, "log audit")
        await pilot.press("v")
        await settle(pilot)
        await _selesai(pilot)

    assert snap_compare(build_app(settings, tui_clock, masuk=True), terminal_size=UKURAN,
                        run_before=run)
