"""The App: wires settings, clock and the backend, and shows the home screen."""

from __future__ import annotations

from textual.app import App

from ppa_tui.backend import Backend
from ppa_tui.domain.clock import Clock, SystemClock
from ppa_tui.settings import Settings
from ppa_tui.tui.screens.home import HomeScreen


class PpaApp(App[None]):
    """Keyboard-first desk app. Owns no rules: the domain decides, screens draw."""

    TITLE = "PPA"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.backend))

    def on_unmount(self) -> None:
        self.backend.close()


def build_app(settings: Settings, clock: Clock | None = None) -> PpaApp:
    """The one factory for the CLI and the tests."""
    backend = Backend(settings, clock or SystemClock())
    backend.mulai_beranda(tunggu=0.2)  # home's first rows, before the loop starts
    return PpaApp(backend)
