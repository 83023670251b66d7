"""Opening a form from any screen: prepare it off the event loop, then push it."""

from __future__ import annotations

import asyncio
import uuid
from typing import TYPE_CHECKING

from textual import work

from ppa_tui.tui.aksi import LayarBeraksi

if TYPE_CHECKING:
    from ppa_tui.backend import Backend, Tersimpan


class FormLauncher(LayarBeraksi):
    """A screen that opens forms. Subclasses set `backend` and react to saves in
    `form_tersimpan`."""

    backend: Backend

    @work(exclusive=True, group="buka-form", exit_on_error=False)
    async def buka_form(
        self, form_id: str, kasus_id: uuid.UUID | None = None,
        target_id: uuid.UUID | None = None, kunci: str | None = None,
    ) -> None:
        """Open a form; `kunci` reopens that draft (from the draft list)."""
        from ppa_tui.galat import catat_galat, pesan_galat
        from ppa_tui.tui.screens.form import FormScreen

        try:
            siap = await asyncio.to_thread(self.backend.siapkan_form, form_id, kasus_id,
                                           target_id, kunci)
        except Exception as exc:  # noqa: BLE001  (shown, never fatal)
            catat_galat(exc, "buka_form")
            self.notify(pesan_galat(exc, "Formulir tidak bisa dibuka"), severity="error")
            return
        hasil = await self.app.push_screen_wait(FormScreen(siap, self.backend))
        if hasil is not None:
            self.form_tersimpan(hasil)
        else:
            self.form_ditutup()

    def form_tersimpan(self, hasil: Tersimpan) -> None:
        """Called after a form saved; refresh what the screen shows."""

    def form_ditutup(self) -> None:
        """Called after a form was closed without saving (its draft may remain)."""
