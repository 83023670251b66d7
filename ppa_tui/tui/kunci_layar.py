"""The idle lock: after `kunci_layar_menit` without a key or a mouse event the screen
locks, and one key (Ctrl+L) locks it at once when someone walks up to the desk.

Locking pushes `LayarTerkunci` on top of everything (forms, dialogs, the command
palette); nothing is closed, so whatever was being typed is there again after the
password. The watcher keeps only the time of the last input and one timer that is
re-armed for the rest of the idle time, so a key costs one clock read, not a timer
restart.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.await_complete import AwaitComplete

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from ppa_tui.backend import Backend
    from ppa_tui.tui.app import PpaApp
    from ppa_tui.tui.screens.terkunci import LayarTerkunci

TOMBOL_KUNCI = "ctrl+l"
"""Blank the screen now. Ctrl+L is bound by no screen and no text widget (Input and
TextArea leave it alone), and terminals send it as a key, so it works from inside a
text field too."""


class PenjagaDiam:
    """Locks the app after `menit` idle minutes (0: never).

    `waktu` is the clock the idle time is read from (monotonic: a change of the wall
    clock neither locks nor delays); tests replace it and call `periksa`."""

    def __init__(self, app: App, menit: float, kunci: Callable[[], None],
                 waktu: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.batas = max(0.0, menit) * 60
        self.kunci = kunci
        self.waktu = waktu
        self.terakhir = waktu()
        self._timer: Timer | None = None

    @property
    def aktif(self) -> bool:
        return self.batas > 0

    def mulai(self) -> None:
        """Count from now (at start, and after an unlock)."""
        self.terakhir = self.waktu()
        self._pasang(self.batas)

    def aktivitas(self) -> None:
        """A key or a mouse event: the idle time starts again."""
        self.terakhir = self.waktu()

    def berhenti(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def periksa(self) -> None:
        """Lock when the idle time is up, else wait for the rest of it."""
        self._timer = None
        if not self.aktif:
            return
        sisa = self.batas - (self.waktu() - self.terakhir)
        if sisa <= 0:
            self.kunci()
        else:
            self._pasang(sisa)

    def _pasang(self, detik: float) -> None:
        self.berhenti()
        if self.aktif:
            self._timer = self.app.set_timer(detik, self.periksa, name="kunci-layar")


class KunciLayar:
    """The App's part of the lock (a mixin of `PpaApp`): the key, the idle watcher,
    and keeping the lock screen on top.

    While locked, a screen below may still finish something: a form's save closes the
    form, then home opens the new case. Textual's `dismiss` pops whatever screen is on
    top, which would be the lock screen, and a push would land above it. So while
    locked every push and pop is held back and replayed, in order, after the unlock:
    personal data never appears over the lock screen and it is never taken away but
    by the password."""

    backend: Backend

    def pasang_kunci(self: PpaApp) -> None:  # type: ignore[misc]
        self._terkunci: LayarTerkunci | None = None
        self._tertunda: list[Callable[[], object]] = []
        self.penjaga = PenjagaDiam(self, self.backend.settings.kunci_layar_menit,
                                   self.action_kunci_layar)

    @property
    def terkunci(self) -> bool:
        return self._terkunci is not None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent | events.Paste) and not event.is_forwarded:
            self.penjaga.aktivitas()
        await super().on_event(event)  # type: ignore[misc]

    def action_kunci_layar(self: PpaApp) -> None:  # type: ignore[misc]
        """Hide everything now; the account's password (or Enter, when nobody is
        logged in) brings it back as it was."""
        from ppa_tui.tui.screens.terkunci import LayarTerkunci

        if self._terkunci is not None or not self._boleh_kunci():
            return
        self.penjaga.berhenti()
        self.clear_notifications()
        layar = LayarTerkunci(self.backend)
        self._terkunci = layar
        self.push_screen(layar, self._dibuka)

    def _boleh_kunci(self) -> bool:
        """Something to hide: locking the login screen itself would help nobody."""
        return bool(getattr(self, "sesi_aktif", True))

    def _dibuka(self, _: object = None) -> None:
        self._terkunci = None
        self.penjaga.mulai()
        tertunda, self._tertunda = self._tertunda, []
        for langkah in tertunda:
            langkah()

    def push_screen(self, screen, callback=None, wait_for_dismiss=False, *, mode=None):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN201
        """Textual's push, held back while locked (see the class)."""
        kunci = self._terkunci
        if kunci is None or screen is kunci:
            return super().push_screen(  # type: ignore[misc]
                screen, callback, wait_for_dismiss, mode=mode)
        if not wait_for_dismiss:
            self._tertunda.append(lambda: super(KunciLayar, self).push_screen(  # type: ignore[misc]
                screen, callback, mode=mode))
            return AwaitComplete()
        hasil: asyncio.Future = asyncio.get_running_loop().create_future()

        def selesai(nilai: object) -> None:
            if callback is not None:
                callback(nilai)
            if not hasil.done():
                hasil.set_result(nilai)

        self._tertunda.append(lambda: super(KunciLayar, self).push_screen(  # type: ignore[misc]
            screen, selesai, mode=mode))
        return hasil

    def pop_screen(self) -> AwaitComplete:
        """Textual's pop; while locked only the lock screen's own, after the password."""
        kunci = self._terkunci
        if kunci is not None and not kunci.dibuka:
            self._tertunda.append(super().pop_screen)  # type: ignore[misc]
            return AwaitComplete()
        return super().pop_screen()  # type: ignore[misc]
