"""No traceback reaches the screen: an unexpected error is one Indonesian notification,
the app keeps its screen, and the private log gets the details without any value."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

from ppa_tui.settings import Settings
from ppa_tui.tui.app import PESAN_BERHENTI, PpaApp
from ppa_tui.tui.screens.form import FormScreen
from ppa_tui.tui.screens.home import HomeScreen
from tests.tui.conftest import buka, ketik, settle, tunggu

NAMA = "Siti Aminah Korbanwati"


def _jaga_traceback(app: PpaApp) -> list[str]:
    """Record any use of Textual's exit-with-traceback path."""
    dipakai: list[str] = []
    app._fatal_error = lambda: dipakai.append("_fatal_error")  # type: ignore[method-assign]
    app.panic = lambda *r: dipakai.append("panic")  # type: ignore[method-assign]
    return dipakai


def _notifikasi(app: PpaApp) -> list[str]:
    return [n.message for n in app._notifications]


def _periksa_log(settings: Settings) -> None:
    log = settings.data_dir / "ppa.log"
    assert log.exists()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    isi = log.read_text(encoding="utf-8")
    assert "galat di" in isi
    assert "Siti" not in isi and "Aminah" not in isi


async def test_an_action_that_raises_leaves_the_app_running(
    make_app: Callable[[], PpaApp], settings: Settings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def meledak(self: HomeScreen) -> None:
        raise RuntimeError(f"tidak bisa memproses {NAMA}")

    monkeypatch.setattr(HomeScreen, "action_tamu_baru", meledak)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dipakai = _jaga_traceback(app)
        await settle(pilot)
        layar = app.screen
        await pilot.press("t")
        await tunggu(pilot, lambda: bool(app._notifications), "notifikasi galat")
        pesan = _notifikasi(app)
        assert any("kesalahan yang tidak terduga" in p for p in pesan), pesan
        assert not any("Siti" in p for p in pesan)
        assert app.is_running and app.screen is layar
        # The screen still answers keys after the error.
        monkeypatch.undo()
        await buka(pilot, "t")
        assert isinstance(app.screen, FormScreen)
        assert dipakai == [] and app._exit_renderables == []
        assert app.return_code is None
    _periksa_log(settings)


async def test_an_error_in_a_widget_handler_keeps_the_form_and_its_text(
    make_app: Callable[[], PpaApp], settings: Settings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dipakai = _jaga_traceback(app)
        await settle(pilot)
        await buka(pilot, "t")
        form = app.screen
        await ketik(pilot, "Siti")
        asli = Input.validate
        sekali = []

        def validate(self: Input, value: str):
            if not sekali:
                sekali.append(1)
                raise ValueError(f"nilai {value!r} milik {NAMA}")
            return asli(self, value)

        monkeypatch.setattr(Input, "validate", validate)
        await ketik(pilot, " A")
        await tunggu(pilot, lambda: bool(sekali) and bool(_notifikasi(app)), "notifikasi")
        await ketik(pilot, "minah")
        await settle(pilot)
        assert app.screen is form
        assert isinstance(app.focused, Input)
        # Typing goes on after the error (the interrupted key may land out of place).
        assert app.focused.value.startswith("Siti") and "minah" in app.focused.value
        assert not any("Siti" in p for p in _notifikasi(app))
        assert dipakai == []
    _periksa_log(settings)


async def test_a_failing_worker_with_exit_on_error_is_a_notification(
    make_app: Callable[[], PpaApp], settings: Settings,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dipakai = _jaga_traceback(app)
        await settle(pilot)

        def kerja() -> None:
            raise KeyError(NAMA)

        app.screen.run_worker(kerja, thread=True, exit_on_error=True)
        await tunggu(pilot, lambda: bool(_notifikasi(app)), "notifikasi")
        assert app.is_running and isinstance(app.screen, HomeScreen)
        assert dipakai == []
    _periksa_log(settings)


async def test_a_screen_that_cannot_be_built_is_closed_with_a_message(
    make_app: Callable[[], PpaApp], monkeypatch: pytest.MonkeyPatch,
) -> None:
    def rusak(self: FormScreen):
        raise RuntimeError(NAMA)

    monkeypatch.setattr(FormScreen, "compose", rusak)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dipakai = _jaga_traceback(app)
        await settle(pilot)
        await pilot.press("t")
        await tunggu(pilot, lambda: bool(_notifikasi(app)), "notifikasi")
        await tunggu(pilot, lambda: isinstance(app.screen, HomeScreen), "kembali ke beranda")
        assert any("tidak bisa dibuka" in p for p in _notifikasi(app))
        assert dipakai == []


def test_when_the_first_screen_cannot_be_built_the_app_stops_in_indonesian(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    from ppa_tui.tui.app import build_app

    def rusak(self: HomeScreen):
        raise RuntimeError(NAMA)

    monkeypatch.setattr(HomeScreen, "compose", rusak)
    app = build_app(settings)
    dipakai = _jaga_traceback(app)
    app.run(headless=True, size=(80, 24))
    err = capsys.readouterr().err
    assert app.return_code == 1
    assert dipakai == []
    assert PESAN_BERHENTI.split(".")[0] in " ".join(err.split())
    assert "Traceback" not in err and "Siti" not in err
    assert Path(settings.data_dir / "ppa.log").exists()


async def test_an_error_that_repeats_every_second_is_reported_once(
    make_app: Callable[[], PpaApp], settings: Settings,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dipakai = _jaga_traceback(app)
        await settle(pilot)

        def detak() -> None:
            raise ValueError(NAMA)

        for _ in range(3):  # as a failing timer would, but not within the storm window
            try:
                detak()
            except ValueError as exc:
                app._handle_exception(exc)
            app._galat_baru.clear()
        await pilot.pause()
        assert len(_notifikasi(app)) == 1
        assert app.is_running and dipakai == []
    isi = (settings.data_dir / "ppa.log").read_text(encoding="utf-8")
    assert isi.count("ValueError") == 1
