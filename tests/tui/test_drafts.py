"""Drafts at the desk: written before a save, one per new record, listed by whose
they are, and reopened from the list as they were."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace

from sqlmodel import Session, create_engine, select
from textual.widgets import Input, OptionList, Static

from ppa_tui.backend import Backend, kunci_draft, urai_kunci
from ppa_tui.domain.draft import siapa_draft
from ppa_tui.domain.models import BukuTamu, Draft
from ppa_tui.tui.app import build_app
from ppa_tui.tui.screens.dialogs import DaftarDraft, Konfirmasi
from ppa_tui.tui.screens.form import FormScreen
from ppa_tui.tui.screens.home import HomeScreen
from tests.tui.conftest import baris, buka, ketik, pengaduan_baru, pilih, settle, simpan, tunggu


def _drafts(settings) -> list[Draft]:
    engine = create_engine(settings.url)
    with Session(engine) as s:
        rows = s.exec(select(Draft)).all()
    engine.dispose()
    return list(rows)


async def _tutup_simpan_draf(pilot) -> None:
    """Esc, then "Tutup, simpan draf" (the first, focused choice)."""
    app = pilot.app
    await pilot.press("escape")
    await tunggu(pilot, lambda: isinstance(app.screen, Konfirmasi), "konfirmasi")
    await pilot.press("enter")
    await tunggu(pilot, lambda: not isinstance(app.screen, (FormScreen, Konfirmasi)), "tutup")
    await settle(pilot)


def test_new_records_get_keys_of_their_own_and_old_keys_still_parse() -> None:
    a, b = kunci_draft("buku_tamu", None, None), kunci_draft("buku_tamu", None, None)
    assert a != b and a.startswith("buku_tamu:-:baru-")
    assert urai_kunci(a) == ("buku_tamu", None, None)
    assert urai_kunci("buku_tamu:-:baru") == ("buku_tamu", None, None)  # before this change
    k, t = uuid.uuid4(), uuid.uuid4()
    assert kunci_draft("korban", k, t) == f"korban:{k}:{t}" == kunci_draft("korban", k, t)
    assert urai_kunci(f"korban:{k}:{t}") == ("korban", k, t)


def test_whose_draft_is_a_name_else_the_first_filled_field() -> None:
    assert (
        siapa_draft("buku_tamu", {"nama": "  Siti   Aminah ", "telepon": "0812"}) == "Siti Aminah"
    )
    assert (
        siapa_draft(
            "buku_tamu", {"nama": "", "waktu_masuk": "23-11-2026 09:00", "telepon": "0812 3456"}
        )
        == "Telepon: 0812 3456"
    )
    assert siapa_draft("persetujuan", {"wali_nama": "Bu Yanti"}) == "Bu Yanti"
    assert siapa_draft("buku_tamu", {"keperluan": "pengaduan"}) == ""
    assert siapa_draft("tidak_ada", {"nama": "X"}) == ""
    assert len(siapa_draft("buku_tamu", {"nama": "A" * 100})) == 40


async def test_ctrl_s_writes_the_draft_before_the_save(settings, tui_clock) -> None:
    """No autosave yet (a long pause), and the save fails: the text is on disk."""
    app = build_app(replace(settings, autosave_detik=60), tui_clock)

    def gagal(*_a, **_k):
        raise RuntimeError("disk hilang")

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        await ketik(pilot, "Siti Aminah")
        await settle(pilot)
        assert _drafts(settings) == []  # the debounce has not fired
        app.backend.simpan = gagal  # type: ignore[method-assign]
        await pilot.press("ctrl+s")
        await tunggu(
            pilot,
            lambda: "Gagal menyimpan" in str(app.screen.query_one("#status", Static).render()),
            "gagal",
        )
        assert isinstance(app.screen, FormScreen)
    [draft] = _drafts(settings)
    assert '"nama": "Siti Aminah"' in draft.isi


async def test_two_walk_ins_do_not_share_a_draft(make_app, settings) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        await ketik(pilot, "Tamu Pertama")
        await _tutup_simpan_draf(pilot)
        await buka(pilot, "t")
        assert app.screen.query_one("#f-nama", Input).value == ""  # not the first guest
        await ketik(pilot, "Tamu Kedua")
        await _tutup_simpan_draf(pilot)
        drafts = _drafts(settings)
        assert len({d.kunci for d in drafts}) == 2
        assert sorted(siapa_draft(d.form_id, json.loads(d.isi)) for d in drafts) == [
            "Tamu Kedua",
            "Tamu Pertama",
        ]

        # The list says whose draft each is, and reopens the one chosen.
        await pilot.press("d")
        await tunggu(pilot, lambda: isinstance(app.screen, DaftarDraft), "daftar draf")
        daftar = app.screen.query_one(OptionList)
        teks = [str(daftar.get_option_at_index(i).prompt) for i in range(daftar.option_count)]
        assert any("Buku Tamu · Tamu Pertama · " in t for t in teks), teks
        assert any("Buku Tamu · Tamu Kedua · " in t for t in teks), teks
        pertama = next(i for i, t in enumerate(teks) if "Tamu Pertama" in t)
        daftar.highlighted = pertama
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, FormScreen) and app.focused is not None)
        await settle(pilot)
        assert app.screen.query_one("#f-nama", Input).value == "Tamu Pertama"
        await pilot.press("tab")
        await pilih(pilot, "Kons")  # konsultasi: no case, back home
        await simpan(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert [t.nama for t in baris(settings, BukuTamu)] == ["Tamu Pertama"]
    assert [siapa_draft(d.form_id, json.loads(d.isi)) for d in _drafts(settings)] == ["Tamu Kedua"]


async def test_an_old_format_draft_still_opens_and_goes_with_the_save(
    make_app, settings, tui_clock
) -> None:
    backend = Backend(settings, tui_clock)
    siap = backend.siapkan_form("buku_tamu")
    backend.simpan_draft(
        "buku_tamu:-:baru",
        "buku_tamu",
        "Buku Tamu",
        {**siap.mentah, "nama": "Bu Lama", "keperluan": "konsultasi"},
    )
    backend.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await tunggu(pilot, lambda: isinstance(app.screen, DaftarDraft), "tawaran draf")
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, FormScreen) and app.focused is not None)
        await settle(pilot)
        assert app.screen.siap.kunci == "buku_tamu:-:baru"
        assert app.screen.query_one("#f-nama", Input).value == "Bu Lama"
        await simpan(pilot)
    assert [t.nama for t in baris(settings, BukuTamu)] == ["Bu Lama"]
    assert _drafts(settings) == []


async def test_two_new_korban_of_one_case_keep_their_own_drafts(make_app, settings) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pengaduan_baru(pilot)
        await buka(pilot, "k")
        await ketik(pilot, "Ani")
        await _tutup_simpan_draf(pilot)
        await buka(pilot, "k")
        assert app.screen.query_one("#f-nama", Input).value == ""
        await ketik(pilot, "Budi")
        await _tutup_simpan_draf(pilot)
    drafts = [d for d in _drafts(settings) if d.form_id == "korban"]
    assert len(drafts) == 2
    assert len({urai_kunci(d.kunci)[1] for d in drafts}) == 1  # one case, two keys
    assert sorted(siapa_draft("korban", json.loads(d.isi)) for d in drafts) == ["Ani", "Budi"]


async def test_errors_in_the_form_show_no_driver_text_and_are_logged(make_app, settings) -> None:
    """A failed save or draft write shows one Indonesian sentence, never the
    exception's text (SQL, parameters, a name); the details go to the log."""
    app = make_app()
    bocor = "INSERT INTO buku_tamu (nama) VALUES (?) [parameters: ('Siti Rahasia',)]"

    def gagal(*_a, **_k):
        raise RuntimeError(bocor)

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await buka(pilot, "t")
        app.backend.simpan_draft = gagal  # type: ignore[method-assign]
        app.backend.simpan = gagal  # type: ignore[method-assign]
        if True:  # the details go to the app's private log file
            await ketik(pilot, "Siti Rahasia")
            await settle(pilot)
            pesan = [n.message for n in app._notifications]
            assert any(m.startswith("Draf gagal disimpan: ") for m in pesan), pesan
            await pilot.press("ctrl+s")
            await tunggu(
                pilot,
                lambda: "Gagal menyimpan" in str(app.screen.query_one("#status", Static).render()),
                "gagal",
            )
            status = str(app.screen.query_one("#status", Static).render())
        for teks in [status, *pesan]:
            assert "Rahasia" not in teks and "INSERT" not in teks and "parameters" not in teks
        assert "Isian tidak hilang" in status
        log = (settings.data_dir / "ppa.log").read_text(encoding="utf-8")
        assert "galat di form.draf" in log and "galat di form.simpan" in log
        assert "Rahasia" not in log
