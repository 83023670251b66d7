"""Below 80x24 the tables cut their columns silently ("lewat 36" for "lewat 364
hari"): say so instead, over whatever is open, and step aside when the window grows.
Nothing underneath is closed, so a half-filled form stays as it was."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static

MINIMAL = Size(80, 24)


def terlalu_kecil(ukuran: Size) -> bool:
    return ukuran.width < MINIMAL.width or ukuran.height < MINIMAL.height


def periksa_ukuran(app: App) -> None:
    """Show the notice while the terminal is too small; take it away when it is not.
    Called at start and from every screen's resize."""
    tampil = isinstance(app.screen, LayarKecil)
    if terlalu_kecil(app.size) and not tampil:
        app.push_screen(LayarKecil())
    elif tampil and not terlalu_kecil(app.size):
        app.pop_screen()


class LayarKecil(ModalScreen[None]):
    """Shown while the terminal is smaller than 80x24."""

    DEFAULT_CSS = """
    LayarKecil { align: center middle; background: $background; }
    LayarKecil Static { width: auto; max-width: 100%; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="pesan")

    def on_mount(self) -> None:
        self._tulis()

    def on_resize(self) -> None:
        self._tulis()
        periksa_ukuran(self.app)

    def _tulis(self) -> None:
        w, h = self.app.size
        self.query_one("#pesan", Static).update(
            f"Jendela terlalu kecil ({w}×{h}). Perbesar sampai minimal "
            f"{MINIMAL.width}×{MINIMAL.height}; isian tidak hilang.")
