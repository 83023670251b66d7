"""The role × action table (data/akses.toml) and the SOP steps' roles, as a matrix:
every role against every action and every step, without a terminal."""

from __future__ import annotations

import tomllib
import uuid

import pytest

from ppa_tui.domain import akses
from ppa_tui.domain.akses import Akun, Ditolak, boleh, boleh_selesaikan, periksa
from ppa_tui.domain.sop import semua_sop
from ppa_tui.domain.sumber import folder

DATA = tomllib.loads((folder("data") / "akses.toml").read_text(encoding="utf-8"))
PERAN = sorted(DATA["peran"])
AKSI = sorted(DATA["aksi"])


def _akun(*peran: str) -> Akun:
    return Akun(uuid.uuid4(), "uji", "Uji", frozenset(peran))


@pytest.mark.parametrize("peran", PERAN)
@pytest.mark.parametrize("aksi", AKSI)
def test_every_role_against_every_action_follows_the_table(peran: str, aksi: str) -> None:
    assert boleh(_akun(peran), aksi) == (peran in DATA["aksi"][aksi])


def test_the_rules_the_issue_names() -> None:
    assert [p for p in PERAN if boleh(_akun(p), "disposisi")] == ["kepala"]
    assert sorted(p for p in PERAN if boleh(_akun(p), "tutup_kasus")) == ["kasi_rujukan",
                                                                          "kepala"]
    assert sorted(p for p in PERAN if boleh(_akun(p), "lihat_semua_pribadi")) == [
        "kasi_pengaduan", "kasi_rujukan", "kepala"]
    assert not boleh(_akun("admin"), "catat_tamu")  # the Admin manages accounts, not cases
    assert boleh(_akun("operator", "admin"), "catat_tamu")  # roles add up


def test_every_sop_swimlane_of_the_officers_is_a_role_or_mapped_to_one() -> None:
    for sop in semua_sop().values():
        assert set(sop.peran) <= set(DATA["peran_sop"]), sop.kode


def _harap(langkah, peran: str, aturan_belum: str) -> bool:
    if not langkah.pelaksana_dikonfirmasi and aturan_belum == "semua":
        return peran in DATA["aksi"]["ubah_kasus"]
    return any(peran in DATA["peran_sop"][p] for p in langkah.pelaksana)


@pytest.mark.parametrize("aturan_belum", ["sop", "semua"])
@pytest.mark.parametrize("peran", PERAN)
def test_a_step_is_finished_only_by_a_role_the_sop_names(peran: str, aturan_belum: str) -> None:
    for sop in semua_sop().values():
        for langkah in sop.langkah:
            assert boleh_selesaikan(_akun(peran), langkah, aturan_belum) == _harap(
                langkah, peran, aturan_belum), (sop.kode, langkah.kode, peran)


def test_step_two_of_the_complaint_is_the_kasi_pengaduan_s_or_the_kepala_s() -> None:
    l2 = semua_sop()["layanan"].langkah_by_kode("L2")
    assert boleh_selesaikan(_akun("kasi_pengaduan"), l2)
    assert boleh_selesaikan(_akun("kepala"), l2)
    assert not boleh_selesaikan(_akun("operator"), l2)
    with pytest.raises(Ditolak, match="hanya bisa diselesaikan oleh"):
        akses.periksa_langkah(_akun("operator"), l2)


def test_a_refusal_names_who_may() -> None:
    with pytest.raises(Ditolak) as e:
        periksa(_akun("operator"), "disposisi")
    assert str(e.value) == "Membuat disposisi hanya bisa dilakukan oleh Kepala UPTD PPA."
    with pytest.raises(Ditolak, match="Kasi Tindakan dan Rujukan/Manajer Kasus atau Kepala"):
        periksa(_akun("pendamping"), "tutup_kasus")


def test_the_process_itself_is_not_a_person_and_is_not_checked() -> None:
    periksa(None, "disposisi")
    assert akses.lihat_pribadi(None, ditugaskan=False)


def test_personal_data_is_seen_by_the_assigned_the_kasi_and_the_kepala() -> None:
    assert akses.lihat_pribadi(_akun("operator"), ditugaskan=True)
    assert not akses.lihat_pribadi(_akun("operator"), ditugaskan=False)
    assert not akses.lihat_pribadi(_akun("pendamping", "admin"), ditugaskan=False)
    for peran in ("kepala", "kasi_pengaduan", "kasi_rujukan"):
        assert akses.lihat_pribadi(_akun(peran), ditugaskan=False)
