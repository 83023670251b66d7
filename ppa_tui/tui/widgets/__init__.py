"""Reusable widgets."""

from ppa_tui.tui.widgets.pita_jam import PitaJam

__all__ = ["PitaJam"]
