"""The case data SIMFONI-PPA asks for (revision 0006), recorded through the same
forms and services the desk uses: the korban's age at the kejadian, her own bentuk
kekerasan, disability as several rows, the relationship per korban–pelaku pair, a
wali who is a pelaku refused, consent to shelter and LPSK, withdrawal, the channel."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from functools import partial
from typing import Any

import pytest
from sqlmodel import col, select

from ppa_tui.domain import referensi, rincian, views
from ppa_tui.domain.bukutamu import catat_tamu
from ppa_tui.domain.clock import FixedClock
from ppa_tui.domain.forms import Konteks, load_form, periksa_form
from ppa_tui.domain.kasus import (
    AturanDilanggar,
    boleh_dibagikan,
    buka_kasus,
    simpan_kejadian,
    simpan_persetujuan,
    simpan_pihak,
)
from ppa_tui.domain.models import DisabilitasPihak, KekerasanKasus, Pihak
from ppa_tui.domain.usia import usia_pada
from ppa_tui.store.database import Database


def _nilai(form_id: str, mentah: dict[str, Any], k: Konteks) -> dict[str, Any]:
    hasil = periksa_form(load_form(form_id), mentah, k)
    assert hasil.ok, hasil.galat
    return hasil.nilai


def _konteks(db: Database, kasus_id: uuid.UUID, clock: FixedClock) -> Konteks:
    with db.session() as s:
        d = views.detail_kasus(s, kasus_id, clock.now())
    return Konteks(sekarang=clock.now(), waktu={"waktu_diterima": d.waktu_diterima},
                   pilihan={"korban": d.korban, "pelaku": d.pelaku}, anak=d.korban_anak)


def _kasus(db: Database, clock: FixedClock) -> uuid.UUID:
    with db.session() as s:
        return buka_kasus(s, waktu_diterima=clock.now(), petugas="Rina").id


def test_age_at_the_kejadian_not_at_entry() -> None:
    """She was 17 when it happened last year and is 18 at the desk: a child then."""
    assert usia_pada(date(2008, 6, 1), 18, date(2026, 11, 23), date(2025, 12, 1)) == 17
    assert usia_pada(None, 18, date(2026, 11, 23), date(2025, 11, 1)) == 17
    assert usia_pada(None, 18, date(2026, 11, 23), None) == 18
    assert usia_pada(None, None, date(2026, 11, 23), date(2025, 11, 1)) is None


def test_korban_age_group_and_anak_follow_the_kejadian(db: Database, clock: FixedClock) -> None:
    kasus_id = _kasus(db, clock)
    k = _konteks(db, kasus_id, clock)
    with db.session() as s:
        korban = simpan_pihak(s, kasus_id, "korban", _nilai(
            "korban", {"nama": "Ayu", "tanggal_lahir": "01-06-2008"}, k))
        korban_id = korban.id
        assert (korban.usia_kejadian, korban.kelompok_usia, korban.anak_kejadian) == (
            18, "usia_18_24", False)
    with db.session() as s:  # the kejadian is set later: her age then is recomputed
        simpan_kejadian(s, kasus_id, _nilai("kejadian", {"waktu_kejadian": "01-12-2025"}, k))
    with db.session() as s:
        korban = s.get(Pihak, korban_id)
        assert (korban.usia, korban.anak) == (18, False)  # today
        assert (korban.usia_kejadian, korban.kelompok_usia, korban.anak_kejadian) == (
            17, "usia_13_17", True)


def test_bentuk_per_korban_and_for_the_case(db: Database, clock: FixedClock) -> None:
    """The kejadian's bentuk stands for the case; a korban's own choice is hers alone,
    and editing one never touches the other."""
    kasus_id = _kasus(db, clock)
    k = _konteks(db, kasus_id, clock)
    with db.session() as s:
        simpan_kejadian(s, kasus_id, _nilai("kejadian", {"bentuk_kekerasan": ["fisik"]}, k))
        a = simpan_pihak(s, kasus_id, "korban", _nilai(
            "korban", {"nama": "A", "bentuk_kekerasan": ["seksual_pencabulan", "psikis"]}, k))
        b = simpan_pihak(s, kasus_id, "korban", _nilai("korban", {"nama": "B"}, k))
        a_id, b_id = a.id, b.id
    with db.session() as s:
        assert rincian.bentuk_tersimpan(s, kasus_id, None) == ["fisik"]
        assert sorted(rincian.bentuk_tersimpan(s, kasus_id, a_id)) == [
            "psikis", "seksual_pencabulan"]
        assert rincian.bentuk_tersimpan(s, kasus_id, b_id) == []
        simpan_kejadian(s, kasus_id, {"bentuk_kekerasan": ["fisik", "penelantaran"]})
    with db.session() as s:
        assert sorted(rincian.bentuk_tersimpan(s, kasus_id, a_id)) == [
            "psikis", "seksual_pencabulan"]
        d = views.detail_kasus(s, kasus_id, clock.now())
    nilai_a = next(x.nilai for x in d.butir if x.target_id == a_id)
    assert sorted(nilai_a["bentuk_kekerasan"]) == ["psikis", "seksual_pencabulan"]
    kejadian = next(x.nilai for x in d.butir if x.form_id == "kejadian")
    assert sorted(kejadian["bentuk_kekerasan"]) == ["fisik", "penelantaran"]


def test_disability_is_several_rows_and_tidak_ada_is_none(db: Database, clock: FixedClock) -> None:
    kasus_id = _kasus(db, clock)
    k = _konteks(db, kasus_id, clock)
    with db.session() as s:
        p = simpan_pihak(s, kasus_id, "korban", _nilai("korban", {
            "nama": "C", "ragam_disabilitas": ["sensorik", "intelektual"],
            "akomodasi": "Juru bahasa isyarat"}, k))
        pid = p.id
    with db.session() as s:
        assert rincian.ragam_tersimpan(s, pid) == ["intelektual", "sensorik"]
        simpan_pihak(s, kasus_id, "korban", {"ragam_disabilitas": ["tidak_ada"]}, pid)
    with db.session() as s:
        assert rincian.ragam_tersimpan(s, pid) == []
        kept = s.exec(select(DisabilitasPihak).where(DisabilitasPihak.pihak_id == pid)).all()
        assert len(kept) == 2 and all(r.deleted_at is not None for r in kept)  # never removed
        assert s.get(Pihak, pid).akomodasi == "Juru bahasa isyarat"


def test_relationship_per_korban_pelaku_pair(db: Database, clock: FixedClock) -> None:
    """Two sisters, one man: the pelaku form sets both pairs; one pair changed on its
    own (he is the stepfather of one, the uncle of the other) stays when the pelaku
    form changes again, the other follows."""
    kasus_id = _kasus(db, clock)
    k = _konteks(db, kasus_id, clock)
    with db.session() as s:
        a = simpan_pihak(s, kasus_id, "korban", _nilai("korban", {"nama": "A", "usia": "9"}, k))
        b = simpan_pihak(s, kasus_id, "korban", _nilai("korban", {"nama": "B", "usia": "12"}, k))
        pl = simpan_pihak(s, kasus_id, "pelaku", _nilai(
            "pelaku", {"nama": "X", "hubungan": "ayah_tiri", "tinggal_serumah": True}, k))
        a_id, b_id, pl_id = a.id, b.id, pl.id
    with db.session() as s:
        pairs = {(r.korban_id, r.pelaku_id): r.hubungan for r in rincian.pasangan(s, kasus_id)}
        assert pairs == {(a_id, pl_id): "ayah_tiri", (b_id, pl_id): "ayah_tiri"}
        rincian.simpan_hubungan(s, kasus_id, b_id, pl_id, "paman_bibi")
    with db.session() as s:
        simpan_pihak(s, kasus_id, "pelaku", {"hubungan": "ayah_kandung"}, pl_id)
    with db.session() as s:
        pairs = {(r.korban_id, r.pelaku_id): r.hubungan for r in rincian.pasangan(s, kasus_id)}
        assert pairs == {(a_id, pl_id): "ayah_kandung", (b_id, pl_id): "paman_bibi"}
        assert s.get(Pihak, pl_id).tinggal_serumah is True
        d = views.detail_kasus(s, kasus_id, clock.now())
    lines = [x.ringkas for x in d.butir if x.form_id == "hubungan"]
    label = partial(referensi.label, "hubungan_pelaku")
    assert lines == [f"Korban 1 ↔ Pelaku 1 · X: {label('ayah_kandung')}",
                     f"Korban 2 ↔ Pelaku 1 · X: {label('paman_bibi')}"]
    with db.session() as s:  # a pelaku of another case is not a pair of this one
        other = buka_kasus(s, waktu_diterima=clock.now(), petugas="Rina")
        with pytest.raises(LookupError):
            rincian.simpan_hubungan(s, other.id, a_id, pl_id, "guru")


def test_a_new_korban_gets_her_pairs_from_the_pelaku(db: Database, clock: FixedClock) -> None:
    kasus_id = _kasus(db, clock)
    k = _konteks(db, kasus_id, clock)
    with db.session() as s:
        simpan_pihak(s, kasus_id, "pelaku", _nilai("pelaku", {"hubungan": "tetangga"}, k))
        simpan_pihak(s, kasus_id, "korban", _nilai("korban", {"nama": "D"}, k))
    with db.session() as s:
        assert [r.hubungan for r in rincian.pasangan(s, kasus_id)] == ["tetangga"]


def test_a_wali_who_is_a_pelaku_is_refused(db: Database, clock: FixedClock) -> None:
    kasus_id = _kasus(db, clock)
    k = _konteks(db, kasus_id, clock)
    with db.session() as s:
        anak = simpan_pihak(s, kasus_id, "korban", _nilai("korban", {"nama": "E", "usia": "8"}, k))
        simpan_pihak(s, kasus_id, "pelaku", _nilai(
            "pelaku", {"nama": "Budi Santoso", "nik": "", "hubungan": "ayah_kandung"}, k))
        anak_id = anak.id
    k = _konteks(db, kasus_id, clock)
    for nama in ("Budi Santoso", "  budi   SANTOSO "):
        with pytest.raises(AturanDilanggar, match="pelaku"), db.session() as s:
            simpan_persetujuan(s, kasus_id, _nilai("persetujuan", {
                "korban_id": str(anak_id), "pemberi": "orang_tua_wali", "wali_nama": nama,
                "wali_hubungan": "Ayah", "tanggal": "23-11-2026", "petugas": "Rina"}, k))
        with pytest.raises(AturanDilanggar, match="pelaku"), db.session() as s:
            simpan_pihak(s, kasus_id, "korban", {"wali_nama": nama}, anak_id)
    with db.session() as s:  # the mother may
        simpan_persetujuan(s, kasus_id, _nilai("persetujuan", {
            "korban_id": str(anak_id), "pemberi": "orang_tua_wali", "wali_nama": "Sari",
            "wali_hubungan": "Ibu", "tanggal": "23-11-2026", "petugas": "Rina",
            "izin_penampungan": True, "izin_lpsk": True,
            "lembaga_penerima": "Rumah Aman Dinsos; LPSK"}, k))
    with db.session() as s:
        assert boleh_dibagikan(s, anak_id, "penampungan")
        assert boleh_dibagikan(s, anak_id, "lpsk")
        assert not boleh_dibagikan(s, anak_id, "kesehatan")


def test_withdrawn_consent_shares_nothing(db: Database, clock: FixedClock) -> None:
    kasus_id = _kasus(db, clock)
    k = _konteks(db, kasus_id, clock)
    with db.session() as s:
        korban = simpan_pihak(s, kasus_id, "korban",
                              _nilai("korban", {"nama": "F", "usia": "30"}, k))
        korban_id = korban.id
    k = _konteks(db, kasus_id, clock)
    base = {"korban_id": str(korban_id), "pemberi": "korban", "tanggal": "23-11-2026",
            "petugas": "Rina", "izin_kesehatan": True}
    with db.session() as s:
        row = simpan_persetujuan(s, kasus_id, _nilai("persetujuan", base, k))
        row_id = row.id
    with db.session() as s:
        assert boleh_dibagikan(s, korban_id, "kesehatan")
    clock.advance(timedelta(days=2))
    k = _konteks(db, kasus_id, clock)
    with db.session() as s:
        simpan_persetujuan(s, kasus_id, _nilai("persetujuan", base | {
            "dicabut_pada": "25-11-2026", "alasan_dicabut": "Korban berubah pikiran"}, k), row_id)
    with db.session() as s:
        assert not boleh_dibagikan(s, korban_id, "kesehatan")


def test_the_guest_channel_reaches_her_case(db: Database, clock: FixedClock) -> None:
    k = Konteks(sekarang=clock.now())
    with db.session() as s:
        tamu, kasus = catat_tamu(s, _nilai("buku_tamu", {
            "nama": "G", "keperluan": "pengaduan", "saluran": "whatsapp",
            "waktu_masuk": "23-11-2026 09:00"}, k), clock=clock, petugas="Rina")
        assert (tamu.saluran, kasus.saluran) == ("whatsapp", "whatsapp")
    with db.session() as s:  # a form left at its default: datang langsung
        tamu, kasus = catat_tamu(s, _nilai("buku_tamu", {
            "nama": "H", "keperluan": "pengaduan", "saluran": "datang_langsung",
            "waktu_masuk": "23-11-2026 09:00"}, k), clock=clock, petugas="Rina")
        assert kasus.saluran == "datang_langsung"
    with db.session() as s:
        bentuk = s.exec(select(KekerasanKasus).where(col(KekerasanKasus.korban_id).is_not(None)))
        assert bentuk.all() == []


def test_kejadian_records_jenis_kasus_risk_and_authority_at_intake(
    db: Database, clock: FixedClock,
) -> None:
    kasus_id = _kasus(db, clock)
    k = _konteks(db, kasus_id, clock)
    with db.session() as s:
        kasus = simpan_kejadian(s, kasus_id, _nilai("kejadian", {
            "jenis_kasus": "tpks", "kejadian_berulang": "berulang", "dilaporkan_polisi": True,
            "dilaporkan_lain": "Puskesmas Koba", "tingkat_risiko": "tinggi",
            "kewenangan": "provinsi"}, k))
        assert (kasus.jenis_kasus, kasus.kejadian_berulang, kasus.dilaporkan_polisi,
                kasus.dilaporkan_lain, kasus.tingkat_risiko, kasus.kewenangan) == (
            "tpks", "berulang", True, "Puskesmas Koba", "tinggi", "provinsi")
