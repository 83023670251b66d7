"""TUI fixtures: an app on its own SQLite file, a clock that only moves when told,
and `settle`, which awaits workers instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from ppa_tui.domain.clock import FixedClock
from ppa_tui.settings import Settings
from ppa_tui.tui.app import PpaApp, build_app

AWAL = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 09:00 WIB


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'ppa.db'}",
        petugas="Rina", device_id="desk-test", autosave_detik=0, kursor_kedip=False,
    )


@pytest.fixture
def tui_clock() -> FixedClock:
    return FixedClock(AWAL)


@pytest.fixture
def make_app(settings: Settings, tui_clock: FixedClock) -> Callable[[], PpaApp]:
    return lambda: build_app(settings, tui_clock)


async def settle(pilot: Pilot) -> None:
    """Let every worker finish and its messages be handled: three quiet rounds in a
    row. The `buka-form` worker lives as long as its form is open: not waited for."""
    app = pilot.app
    quiet = 0
    for _ in range(500):
        await pilot.pause()
        busy = [w for w in app.workers if w.group != "buka-form" and w.is_running]
        for worker in busy:
            await worker.wait()
        quiet = 0 if busy else quiet + 1
        if quiet >= 3:
            return


async def tunggu(pilot: Pilot, kondisi: Callable[[], bool], apa: str = "") -> None:
    """Process events until `kondisi()` holds (bounded by rounds, never by time)."""
    for _ in range(500):
        if kondisi():
            return
        await pilot.pause()
        for worker in [w for w in pilot.app.workers if w.group != "buka-form" and w.is_running]:
            await worker.wait()
    raise AssertionError(f"tidak tercapai: {apa or kondisi}")


async def beranda_siap(pilot: Pilot) -> None:
    """Wait until home has done its whole load (the light read, the rows below the
    fold, the database's warm-up and the reload that follows it), so a key pressed
    next is not overtaken by a reload moving the cursor."""
    from ppa_tui.tui.screens.home import HomeScreen

    await settle(pilot)
    await tunggu(pilot, lambda: isinstance(pilot.app.screen, HomeScreen)
                 and pilot.app.screen.siap_penuh, "beranda selesai dimuat")
    await settle(pilot)


async def buka(pilot: Pilot, key: str) -> None:
    """Press a key that opens a form, and wait until the form has its focus."""
    from ppa_tui.tui.screens.form import FormScreen

    await pilot.press(key)
    await tunggu(pilot, lambda: isinstance(pilot.app.screen, FormScreen)
                 and pilot.app.focused is not None, f"formulir terbuka ({key})")
    await settle(pilot)


async def simpan(pilot: Pilot) -> None:
    """Ctrl+S on a valid form, and wait until it has closed and the screen reloaded."""
    from ppa_tui.tui.screens.form import FormScreen

    form = pilot.app.screen
    await pilot.press("ctrl+s")
    await tunggu(pilot, lambda: pilot.app.screen is not form
                 and not isinstance(pilot.app.screen, FormScreen), "formulir tersimpan")
    await settle(pilot)


async def ketik(pilot: Pilot, teks: str) -> None:
    await pilot.press(*teks)


async def pilih(pilot: Pilot, teks: str) -> None:
    """Choose in a focused Select by typing the start of the option's label."""
    await pilot.press("enter")
    await pilot.press(*teks)
    await pilot.press("enter")


def baris(settings: Settings, model: type, **where: object) -> list:
    """The stored rows of `model` (optionally filtered by attribute), read with a
    connection of its own, as another program would see them."""
    from sqlmodel import Session, create_engine, select

    engine = create_engine(settings.url)
    with Session(engine) as s:
        stmt = select(model)
        for attr, value in where.items():
            stmt = stmt.where(getattr(model, attr) == value)
        rows = list(s.exec(stmt))
    engine.dispose()
    return rows


async def pengaduan_baru(pilot: Pilot, nama: str = "Rosmawati") -> None:
    """From home: a guest who complains (`t`, her name, Ctrl+S); her case opens."""
    from ppa_tui.tui.screens.kasus import KasusScreen

    await buka(pilot, "t")
    await ketik(pilot, nama)
    await simpan(pilot)
    assert isinstance(pilot.app.screen, KasusScreen)
