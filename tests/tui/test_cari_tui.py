"""The search screen at the desk: `/` from home, results as you type, Enter opens the
case, Esc comes back to the same query, filters and cursor; a snapshot at 80x24."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.tui.conftest import beranda_siap, settle, tunggu

UKURAN = (80, 24)
AWAL = datetime(2026, 11, 2, 2, tzinfo=UTC)


@pytest.fixture
def kasus(settings) -> None:
    """Four cases; names with markup characters, accents, apostrophes, a child."""
    from ppa_tui.domain.models import Kasus, KekerasanKasus, Pihak
    from ppa_tui.store.database import Database

    db = Database.open(settings.url, "desk-test")
    data = [
        (1, "aktif", "19.71", [("korban", "Siti [bold]Aisyah[/bold]", True),
                                ("pelaku", "Budi Santoso", False)], "fisik"),
        (2, "selesai", "19.04", [("korban", "Sofía Aisyah", False)], "psikis"),
        (3, "aktif", "19.02", [("korban", "Rina Ma'ruf", False),
                                ("pelapor", "Aisyah Putri", False)], "seksual"),
        (4, "aktif", "19.03", [("korban", "Maya Lestari", True)], "fisik"),
    ]
    with db.session() as s:
        for urutan, status, kab, orang, bentuk in data:
            k = Kasus(nomor_register=f"PPA/2026/{urutan:04d}", tahun=2026, urutan=urutan,
                      status=status, waktu_diterima=AWAL + timedelta(days=urutan),
                      kejadian_kabkota_kode=kab, kronologi="Kejadian di rumah.")
            s.add(k)
            s.flush()
            for peran, nama, anak in orang:
                s.add(Pihak(kasus_id=k.id, peran=peran, nama=nama, anak=anak))
            s.add(KekerasanKasus(kasus_id=k.id, bentuk=bentuk))
    db.close()


def _tabel(app):
    return app.screen.query_one("#hasil")


async def _cari(pilot, teks: str) -> None:
    await pilot.press(*teks)
    await settle(pilot)


async def test_slash_type_enter_case_esc_back_to_the_same_results(make_app, kasus) -> None:
    from ppa_tui.tui.screens.cari import CariScreen
    from ppa_tui.tui.screens.home import HomeScreen
    from ppa_tui.tui.screens.kasus import KasusScreen

    app = make_app()
    async with app.run_test(size=UKURAN) as pilot:
        await beranda_siap(pilot)
        await pilot.press("slash")
        await tunggu(pilot, lambda: isinstance(app.screen, CariScreen), "layar cari")
        await _cari(pilot, "aisyah")
        layar = app.screen
        table = _tabel(app)
        nomor = [table.get_row_at(i)[0].plain for i in range(table.row_count)]
        assert nomor == ["PPA/2026/0003", "PPA/2026/0002", "PPA/2026/0001"]
        assert str(layar.query_one("#ringkas").render()) == "3 kasus ditemukan · «aisyah»"
        # markup characters are shown as typed, not as style
        assert table.get_row_at(2)[1].plain == "ANAK Siti [bold]Aisyah[/bold]"
        await pilot.press("down")  # from the query to the results
        await pilot.press("down")
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen), "kasus terbuka")
        await settle(pilot)
        assert app.screen.kasus_id == layar.data.baris[1].id
        await pilot.press("escape")
        await tunggu(pilot, lambda: app.screen is layar, "kembali ke pencarian")
        await settle(pilot)
        assert layar.kueri == "aisyah"
        assert table.row_count == 3 and table.cursor_row == 1
        # typing on the results goes on with the query (the focus returns to its box)
        await pilot.press("x")
        await settle(pilot)
        assert layar.query_one("#kueri").value == "aisyahx"
        assert app.focused is layar.query_one("#kueri")
        await pilot.press("escape")
        await tunggu(pilot, lambda: isinstance(app.screen, HomeScreen), "kembali ke beranda")


async def test_enter_in_the_query_opens_the_first_and_slash_is_typed(make_app, kasus) -> None:
    from ppa_tui.tui.screens.cari import CariScreen
    from ppa_tui.tui.screens.kasus import KasusScreen

    app = make_app()
    async with app.run_test(size=UKURAN) as pilot:
        await beranda_siap(pilot)
        await pilot.press("ctrl+f")
        await tunggu(pilot, lambda: isinstance(app.screen, CariScreen), "layar cari")
        await _cari(pilot, "2026/0002")  # `/` in the query field is a character
        assert app.screen.kueri == "2026/0002"
        assert [b.nomor_register for b in app.screen.data.baris] == ["PPA/2026/0002"]
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, KasusScreen), "kasus terbuka")
        await settle(pilot)
        await pilot.press("slash")  # from the case screen too
        await tunggu(pilot, lambda: isinstance(app.screen, CariScreen), "layar cari lagi")


async def test_nothing_found_short_query_and_filters(make_app, kasus) -> None:
    from ppa_tui.tui.screens.cari import CariScreen

    app = make_app()
    async with app.run_test(size=UKURAN) as pilot:
        await beranda_siap(pilot)
        await pilot.press("slash")
        await tunggu(pilot, lambda: isinstance(app.screen, CariScreen), "layar cari")
        layar = app.screen
        ringkas = layar.query_one("#ringkas")
        await settle(pilot)
        assert str(ringkas.render()) == "Kasus terbaru"  # empty query: newest first
        assert _tabel(app).row_count == 4
        await _cari(pilot, "qxz")
        assert str(ringkas.render()) == "Tidak ditemukan · «qxz»"
        for _ in range(3):
            await pilot.press("backspace")
        await _cari(pilot, "ma")
        assert "paling sedikit 3 huruf" in str(ringkas.render())
        await pilot.press("backspace", "backspace")
        await pilot.press("tab", "tab", "tab", "tab")  # to the "Anak" checkbox
        await pilot.press("tab", "tab", "space")
        await settle(pilot)
        assert layar.saringan().anak
        assert [b.nomor_register for b in layar.data.baris] == ["PPA/2026/0004",
                                                                  "PPA/2026/0001"]
        await pilot.press("f3")
        await settle(pilot)
        assert _tabel(app).row_count == 4
        layar.query_one("#dari").value = "05-11-2026"
        await settle(pilot)
        assert [b.nomor_register for b in layar.data.baris] == ["PPA/2026/0004",
                                                                  "PPA/2026/0003"]


async def test_the_palette_offers_the_search(make_app, kasus) -> None:
    from ppa_tui.tui.screens.cari import CariScreen

    app = make_app()
    async with app.run_test(size=UKURAN) as pilot:
        await beranda_siap(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"cari kasus")
        await settle(pilot)
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, CariScreen), "layar cari")


def test_search_screen_snapshot(snap_compare, make_app, kasus) -> None:
    async def run(pilot):
        await beranda_siap(pilot)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"aisyah")
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=UKURAN, run_before=run)
