"""The kejadian form by keyboard: a date alone, marked approximate, saved, summed up
on the case screen and shown alone again when the form is reopened."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, create_engine
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from ppa_tui.domain.models import Kasus
from ppa_tui.tui.screens.kasus import KasusScreen
from tests.tui.conftest import buka, ketik, settle, simpan, tunggu


async def isi(pilot: Pilot, nama: str, teks: str) -> None:
    """Reach a form field by id, as Tab would, and type into it."""
    pilot.app.screen.query_one(f"#f-{nama}").focus()
    await pilot.pause()
    await ketik(pilot, teks)


async def test_a_date_alone_marked_approximate_is_saved_and_summed_up(
    make_app, settings, tui_clock,
) -> None:
    from ppa_tui.domain.bukutamu import catat_tamu

    app = make_app()
    with app.backend.database.session() as s:
        _, kasus = catat_tamu(s, {"nama": "Rosmawati", "keperluan": "pengaduan"},
                              clock=tui_clock, petugas="Rina")
        assert kasus is not None
        kasus_id = kasus.id

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.buka_kasus(kasus_id)
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen)
                     and app.screen.detail is not None, "kasus terbuka")
        await settle(pilot)

        await buka(pilot, "j")
        await isi(pilot, "waktu_kejadian", "22-11-2026")  # "last Sunday": no hour known
        app.screen.query_one("#f-kejadian_perkiraan").focus()
        await pilot.press("space")
        await isi(pilot, "kronologi", "Dipukul ayah tiri di dapur.")
        await simpan(pilot)

        assert isinstance(app.screen, KasusScreen)
        tabel = app.screen.query_one("#butir", DataTable)
        ringkas = str(tabel.get_cell("kejadian", "ringkas"))
        assert ringkas == "22-11-2026 (perkiraan) · Dipukul ayah tiri di dapur."

        await buka(pilot, "j")  # reopened: the date alone, not "22-11-2026 00:00"
        assert app.screen.query_one("#f-waktu_kejadian", Input).value == "22-11-2026"
        assert app.screen.query_one("#f-kejadian_perkiraan").value is True

    engine = create_engine(settings.url)
    with Session(engine) as s:
        row = s.get(Kasus, kasus_id)
        assert row is not None
        assert row.waktu_kejadian == datetime(2026, 11, 21, 17, 0, tzinfo=UTC)  # local midnight
        assert (row.kejadian_tanpa_jam, row.kejadian_perkiraan) == (True, True)
    engine.dispose()
