"""The active SOP step and its countdown, e.g. `2/9 Mencatat aduan · 11:32 lagi`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

if TYPE_CHECKING:
    from ppa_tui.domain.clock import Clock
    from ppa_tui.domain.views import JamLangkah


class PitaJam(Static):  # "pita": the one-line bar the clock sits in
    """Ticks once a second from the stored start and deadline; never from a timer's
    own count, so it shows the same time after a restart."""

    DEFAULT_CSS = """
    PitaJam {
        height: 1;
        padding: 0 1;
        background: $success-muted;
        color: $text;
    }
    PitaJam.-peringatan { background: $warning; color: $text-warning; text-style: bold; }
    PitaJam.-terlambat { background: $error; color: $text; text-style: bold; }
    PitaJam.-kosong { background: $panel; color: $text-muted; }
    """

    jam: reactive[JamLangkah | None] = reactive(None, always_update=True)

    def __init__(self, clock: Clock, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__("", id=id)
        self.clock = clock
        self.kosong = "Tidak ada langkah SOP yang berjalan"

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick)

    def watch_jam(self) -> None:
        self.tick()

    def tick(self) -> None:
        from ppa_tui.domain.clock import StatusJam

        jam = self.jam
        if jam is None:
            self.set_classes("-kosong")
            self.update(Text(self.kosong), layout=False)
            return
        bacaan = jam.baca(self.clock.now())
        self.set_classes({StatusJam.PERINGATAN: "-peringatan",
                          StatusJam.TERLAMBAT: "-terlambat"}.get(bacaan.status, ""))
        # One fixed-height line: a tick never changes the layout, so it redraws only
        # this line instead of relaying out the whole screen every second.
        self.update(Text(f"» {jam.label} · {bacaan.teks}"), layout=False)
