"""The audit log on both backends: written with the change in the same transaction,
before/after values, chained; `verifikasi` names an edited, deleted or moved entry."""

from __future__ import annotations

import json

from sqlalchemy import text

from ppa_tui.domain import audit
from ppa_tui.domain.clock import FixedClock
from ppa_tui.domain.draft import simpan_draft
from ppa_tui.domain.kasus import buka_kasus, simpan_pihak
from ppa_tui.store.database import Database


def _kasus_dengan_korban(db: Database, clock: FixedClock):
    db.pengguna = "rina"
    with db.session() as s:
        kasus = buka_kasus(s, waktu_diterima=clock.now(), petugas="Rina")
    with db.session() as s:
        korban = simpan_pihak(s, kasus.id, "korban", {"nama": "Siti Aisyah",
                                                      "jenis_kelamin": "P"})
    return kasus, korban


def _entri(db: Database) -> list[audit.EntriAudit]:
    with db.baca() as s:
        return list(reversed(audit.daftar(s)))


def test_every_change_is_an_entry_with_its_user_and_case(db: Database, clock) -> None:
    kasus, korban = _kasus_dengan_korban(db, clock)
    with db.session() as s:
        simpan_pihak(s, kasus.id, "korban", {"nama": "Siti Aisyah Putri",
                                             "jenis_kelamin": "P"}, korban.id)
    entri = _entri(db)
    assert [e.urutan for e in entri] == list(range(1, len(entri) + 1))
    assert {e.pengguna for e in entri} == {"rina"}
    buat = [e for e in entri if e.aksi == "buat" and e.tabel == "pihak"]
    assert buat and buat[0].kasus_id == kasus.id and "nama" in buat[0].rincian["isian"]
    ubah = [e for e in entri if e.aksi == "ubah" and e.tabel == "pihak"]
    assert ubah[-1].rincian["nama"] == ["Siti Aisyah", "Siti Aisyah Putri"]
    assert ubah[-1].objek_id == korban.id.hex
    with db.baca() as s:
        assert audit.verifikasi(s) == []
        assert [e.urutan for e in audit.daftar(s, kasus_id=kasus.id)] == sorted(
            (e.urutan for e in entri if e.kasus_id == kasus.id), reverse=True)


def test_a_failed_unit_of_work_leaves_no_entry(db: Database, clock) -> None:
    _kasus_dengan_korban(db, clock)
    sebelum = len(_entri(db))
    try:
        with db.session() as s:
            buka_kasus(s, waktu_diterima=clock.now(), petugas="Rina")
            s.flush()
            raise RuntimeError("listrik padam")
    except RuntimeError:
        pass
    assert len(_entri(db)) == sebelum


def test_drafts_typed_every_half_second_are_not_entries(db: Database, clock) -> None:
    _kasus_dengan_korban(db, clock)
    sebelum = len(_entri(db))
    with db.session() as s:
        simpan_draft(s, "korban:-:baru-1", "korban", "Korban", {"nama": "Bunga"})
    assert len(_entri(db)) == sebelum


def test_explicit_entries_are_chained_in_order(db: Database, clock) -> None:
    db.pengguna = "kepala"
    with db.session() as s:
        audit.catat(s, "ekspor", tabel="rekap", rincian={"format": "xlsx"})
        audit.catat(s, "cetak", tabel="kasus", rincian={"dokumen": "pelimpahan"})
    entri = _entri(db)
    assert [e.aksi for e in entri] == ["ekspor", "cetak"]
    assert entri[0].pengguna == "kepala"


def _rantai(db: Database, clock) -> None:
    _kasus_dengan_korban(db, clock)
    with db.session() as s:
        for i in range(4):
            audit.catat(s, "lihat", rincian={"ke": i})
    assert len(_entri(db)) >= 6


def _temuan(db: Database) -> list[audit.Temuan]:
    with db.baca() as s:
        return audit.verifikasi(s)


def test_an_edited_entry_is_named(db: Database, clock) -> None:
    _rantai(db, clock)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET rincian = :r WHERE urutan = 3"),
                     {"r": json.dumps({"alasan": "dipalsukan"})})
    temuan = _temuan(db)
    assert [t.urutan for t in temuan] == [3]
    assert "#3 diubah" in temuan[0].pesan


def test_an_edited_entry_whose_hash_was_recomputed_breaks_the_next_link(db, clock) -> None:
    _rantai(db, clock)
    with db.session() as s:
        from ppa_tui.domain.models_akses import AuditEntri

        e = s.get(AuditEntri, 3)
        e.pengguna = "orang-lain"
        e.hash = audit.hitung_hash(e)
        s.add(e)
    temuan = _temuan(db)
    assert [t.urutan for t in temuan] == [4]
    assert "#3 diubah" in temuan[0].pesan


def test_a_deleted_entry_is_named(db: Database, clock) -> None:
    _rantai(db, clock)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE urutan = 4"))
    temuan = _temuan(db)
    assert [t.urutan for t in temuan] == [4]
    assert "#4 hilang" in temuan[0].pesan


def test_reordered_entries_are_named(db: Database, clock) -> None:
    _rantai(db, clock)
    with db.engine.begin() as conn:  # swap entries 2 and 5 by their numbers
        conn.execute(text("UPDATE audit_log SET urutan = -2 WHERE urutan = 2"))
        conn.execute(text("UPDATE audit_log SET urutan = 2 WHERE urutan = 5"))
        conn.execute(text("UPDATE audit_log SET urutan = 5 WHERE urutan = -2"))
    temuan = _temuan(db)
    assert {t.urutan for t in temuan} >= {2, 5}
    assert all("diubah" in t.pesan or "putus" in t.pesan for t in temuan)


def test_the_chain_holds_across_many_units_of_work(db: Database, clock) -> None:
    db.pengguna = "rina"
    for _ in range(5):
        with db.session() as s:
            buka_kasus(s, waktu_diterima=clock.now(), petugas="Rina")
    assert _temuan(db) == []
