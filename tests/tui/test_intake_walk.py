"""The whole intake with the keyboard only, then the stored records read back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session, create_engine, select
from textual.widgets import SelectionList

from ppa_tui.domain.models import (
    Asesmen,
    BukuTamu,
    Kasus,
    KekerasanKasus,
    LangkahKasus,
    Persetujuan,
    Pihak,
    RencanaIntervensi,
)
from ppa_tui.tui.screens.form import FormScreen
from ppa_tui.tui.screens.kasus import KasusScreen
from ppa_tui.tui.screens.dialogs import Konfirmasi
from tests.tui.conftest import AWAL, buka, ketik, pilih, settle, simpan, tunggu


async def test_officer_records_a_whole_complaint_by_keyboard(make_app, settings, tui_clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)

        # Buku tamu: a mother comes to complain; arrival is stamped automatically.
        await buka(pilot, "t")
        assert isinstance(app.screen, FormScreen)
        await ketik(pilot, "Rosmawati")
        await pilot.press("tab", "tab")  # keperluan stays "Pengaduan"
        await pilih(pilot, "KTP")
        await pilot.press("tab")
        await ketik(pilot, "1971015203850002")
        await pilot.press("tab")
        await ketik(pilot, "0812-7123-4567")
        tui_clock.advance(timedelta(minutes=3))  # typing took three minutes
        await simpan(pilot)
        assert isinstance(app.screen, KasusScreen)
        assert "1/9 Klien mengadukan · 7:00 lagi" in str(app.screen.query_one("#jam").render())

        # Pelapor: the mother, not the korban herself.
        await buka(pilot, "p")
        await pilot.press("tab")
        assert app.focused.value == "Rosmawati"  # carried over from the buku tamu
        await pilot.press("tab")
        await pilih(pilot, "Orang")
        await pilot.press("tab")
        await pilih(pilot, "Per")
        await simpan(pilot)

        # Korban: her 12-year-old daughter.
        await buka(pilot, "k")
        await ketik(pilot, "Ani")
        await pilot.press("tab")
        await pilih(pilot, "Per")
        await pilot.press("tab")
        await ketik(pilot, "12-03-2014")
        await pilot.press("tab", "tab")
        await ketik(pilot, "1971015203140001")
        await simpan(pilot)

        # Pelaku: the stepfather.
        await buka(pilot, "l")
        await ketik(pilot, "Budi")
        await pilot.press("tab")
        await pilih(pilot, "Ayah tiri")
        await pilot.press("tab")
        await pilih(pilot, "Lak")
        await simpan(pilot)

        # Kejadian: yesterday evening at home, physical and psychological violence.
        await buka(pilot, "j")
        await ketik(pilot, "22-11-2026 19:30")
        await pilot.press("tab")
        await pilih(pilot, "Rumah")
        await pilot.press("tab")
        await ketik(pilot, "Pangkalpinang")
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, SelectionList)
        await pilot.press("space", "down", "space")  # Fisik, Psikis
        daftar = app.focused
        assert [daftar.render_line(i).text[1] for i in range(3)] == ["✓", "✓", " "]
        await pilot.press("tab")
        await ketik(pilot, "Dipukul dengan [ikat pinggang].")
        await simpan(pilot)

        # Persetujuan: the child cannot consent alone; her mother does.
        await buka(pilot, "s")
        await pilot.press("tab")  # the only korban is preselected
        await pilih(pilot, "Orang")
        await pilot.press("tab")
        assert app.focused.value == "Rosmawati"  # the pelapor is her mother: the wali
        await pilot.press("tab", "tab", "tab", "tab")  # hubungan, NIK, telepon wali
        await pilot.press("space")  # kesehatan
        await pilot.press("tab", "space")  # kepolisian / hukum
        await simpan(pilot)

        # Asesmen and one planned service.
        await buka(pilot, "a")
        await pilot.press("tab")
        await pilih(pilot, "Ting")
        await pilot.press("tab")
        await ketik(pilot, "Ayah tiri masih serumah")
        await simpan(pilot)
        await buka(pilot, "r")
        await pilih(pilot, "Kes")
        await pilot.press("tab")
        await ketik(pilot, "RSUD Depati Hamzah")
        await simpan(pilot)

        # Step 1 done: confirm, and step 2 starts.
        await pilot.press("n")
        await tunggu(pilot, lambda: isinstance(app.screen, Konfirmasi), "konfirmasi")
        await pilot.press("enter")
        await tunggu(pilot, lambda: "2/9" in str(app.screen.query_one("#jam").render()))
        assert "2/9 Mencatat aduan" in str(app.screen.query_one("#jam").render())

    engine = create_engine(settings.url)
    with Session(engine) as s:
        tamu = s.exec(select(BukuTamu)).one()
        kasus = s.exec(select(Kasus)).one()
        assert (tamu.nama, tamu.jenis_identitas, tamu.telepon) == (
            "Rosmawati", "ktp", "+6281271234567")
        assert tamu.waktu_masuk == AWAL and tamu.kasus_id == kasus.id
        assert kasus.nomor_register == "PPA/2026/0001"
        assert kasus.tempat_kejadian == "rumah_tangga"
        assert kasus.kejadian_kabkota_kode == "19.71"
        assert kasus.kejadian_at == datetime(2026, 11, 22, 12, 30, tzinfo=UTC)
        assert kasus.kronologi == "Dipukul dengan [ikat pinggang]."
        bentuk = {k.bentuk for k in s.exec(select(KekerasanKasus))}
        assert bentuk == {"fisik", "psikis"}
        orang = {p.peran: p for p in s.exec(select(Pihak))}
        assert orang["pelapor"].hubungan == "orang_tua"
        korban = orang["korban"]
        assert (korban.nama, korban.usia, korban.anak, korban.jenis_kelamin) == ("Ani", 12, True, "p")
        assert orang["pelaku"].hubungan == "ayah_tiri"
        izin = s.exec(select(Persetujuan)).one()
        assert (izin.pemberi, izin.wali_nama, izin.korban_id) == ("orang_tua_wali", "Rosmawati", korban.id)
        assert (izin.izin_kesehatan, izin.izin_hukum, izin.izin_psikolog) == (True, True, False)
        assert s.exec(select(Asesmen)).one().tingkat_risiko == "tinggi"
        assert s.exec(select(RencanaIntervensi)).one().penyedia == "RSUD Depati Hamzah"
        steps = s.exec(select(LangkahKasus).order_by(LangkahKasus.started_at)).all()
        assert [x.langkah_kode for x in steps] == ["L1", "L2"]
        assert steps[0].durasi_detik == 180
    engine.dispose()
