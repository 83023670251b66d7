"""Reusable widgets."""

from ppa_tui.tui.widgets.step_clock import StepClock

__all__ = ["StepClock"]
