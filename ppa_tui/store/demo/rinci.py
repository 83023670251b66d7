"""The demo's SIMFONI-PPA details (revision 0006): channel, jenis kasus, risk, the
korban's age at the kejadian, birthplace, religion, kecamatan, disability rows, the
korban–pelaku pairs and when each korban was entered into SIMFONI-PPA."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from ppa_tui.domain import referensi
from ppa_tui.domain.usia import usia_pada
from ppa_tui.domain.validasi import USIA_DEWASA
from ppa_tui.store.demo.kata import _HUB_KELUARGA, _PETUGAS
from ppa_tui.store.demo.konstanta import WIB

_IBUKOTA = {"19.01": "Sungailiat", "19.02": "Tanjung Pandan", "19.03": "Toboali",
            "19.04": "Koba", "19.05": "Muntok", "19.06": "Manggar", "19.71": "Pangkalpinang"}



_SALURAN = (("datang_langsung", 0.55), ("telepon_sapa129", 0.12), ("whatsapp", 0.15),
            ("surat", 0.03), ("penjangkauan", 0.15))
_AGAMA = (("islam", 0.87), ("buddha", 0.05), ("kristen", 0.04), ("katolik", 0.02),
          ("khonghucu", 0.015), ("hindu", 0.005))


def _tarik(r: random.Random, pilihan: tuple[tuple[str, float], ...]) -> str:
    x = r.random()
    for kode, p in pilihan:
        x -= p
        if x < 0:
            return kode
    return pilihan[-1][0]


class Rincian:
    """The SIMFONI details of revision 0006, mixed into the generator (which gives
    `rinci`, `uid`, `bawaan`, `device`, `now` and `seksual`)."""

    rinci: random.Random
    bawaan: dict[str, dict[str, Any]]
    device: str
    now: datetime
    seksual: frozenset[str]

    def uid(self) -> Any: ...

    def saluran(self) -> str:
        return _tarik(self.rinci, _SALURAN)

    def rincian_kasus(self, bentuk: list[str], hub: str, anak: bool,
                      kewenangan: str) -> dict[str, Any]:
        r = self.rinci
        seksual = any(b in self.seksual for b in bentuk)
        if hub in {"suami", "istri", "mantan_suami"} or (
                hub in {"ayah_kandung", "ibu_kandung", "ayah_tiri", "ibu_tiri"} and not seksual):
            jenis = "kdrt"
        elif "trafficking" in bentuk or "eksploitasi" in bentuk:
            jenis = "tppo"
        elif seksual:
            jenis = "tpks"
        else:
            jenis = r.choice(("lainnya", "hak_asuh", "abh", "perkawinan_anak") if anak
                             else ("lainnya",))
        return {
            "jenis_kasus": jenis,
            "kejadian_berulang": "berulang" if r.random() < (0.6 if hub in _HUB_KELUARGA
                                                              else 0.3) else "sekali",
            "dilaporkan_polisi": r.random() < (0.45 if seksual else 0.2),
            "dilaporkan_lain": "Puskesmas" if r.random() < 0.05 else "",
            "tingkat_risiko": _tarik(r, (("rendah", 0.35), ("sedang", 0.4), ("tinggi", 0.22),
                                         ("darurat", 0.03))),
            "kewenangan": kewenangan,
        }

    def rincian_orang(self, rows: dict[str, list[dict]], korban: list[dict], pelaku: dict,
                      kejadian: datetime, diterima: datetime, dibuat: datetime) -> None:
        """Age at the kejadian, place of birth, religion, kecamatan, disability rows,
        the pair relationships and when the korban was entered into SIMFONI-PPA."""
        r = self.rinci
        pada, masuk = kejadian.astimezone(WIB).date(), diterima.astimezone(WIB).date()
        sebulan = (self.now - diterima).days > 20
        for p in [*korban, pelaku]:
            usia = usia_pada(p["tanggal_lahir"], p["usia"], masuk, pada)
            p["usia_kejadian"] = usia
            p["kelompok_usia"] = "" if usia is None else referensi.kode_kelompok_usia(usia)
            p["anak_kejadian"] = usia is not None and usia < USIA_DEWASA
            if not p["nama"]:
                continue
            p["kewarganegaraan"] = "wni" if r.random() < 0.995 else "wna"
            if p["kewarganegaraan"] == "wna":
                p["negara"] = r.choice(("Malaysia", "Singapura", "Tiongkok"))
            kab = p["kabkota_kode"]
            p["tempat_lahir"] = _IBUKOTA.get(kab, "Palembang") if r.random() < 0.8 \
                else r.choice(("Palembang", "Jakarta", "Tanjung Pinang", "Pontianak"))
            p["agama"] = _tarik(r, _AGAMA)
            if kab:
                pilihan = referensi.kecamatan(kab)
                p["kecamatan"] = r.choice(pilihan) if pilihan else ""
            if p["disabilitas"] and p["disabilitas"] != "tidak_ada":
                rows["disabilitas"].append(self.bawaan["disabilitas"] | {
                    "id": self.uid(), "created_at": dibuat, "updated_at": dibuat,
                    "device_id": self.device, "pihak_id": p["id"], "ragam": p["disabilitas"]})
                p["akomodasi"] = r.choice(("Pendamping keluarga", "Juru bahasa isyarat",
                                           "Ruang periksa di lantai dasar", ""))
        for k in korban:
            if k["anak_kejadian"] and r.random() < 0.8:
                k["sekolah"] = r.choice(("SD Negeri", "SMP Negeri", "SMA Negeri", "MTs",
                                         "SMK Negeri")) + f" {r.randint(1, 12)}"
            if sebulan and r.random() < 0.85:
                k["simfoni_diinput_pada"] = (diterima + timedelta(days=r.randint(1, 20))
                                             ).astimezone(WIB).date()
                k["simfoni_diinput_oleh"] = r.choice(_PETUGAS)
            if pelaku["hubungan"]:
                rows["hubungan"].append(self.bawaan["hubungan"] | {
                    "id": self.uid(), "created_at": dibuat, "updated_at": dibuat,
                    "device_id": self.device, "kasus_id": k["kasus_id"], "korban_id": k["id"],
                    "pelaku_id": pelaku["id"], "hubungan": pelaku["hubungan"]})
        if pelaku["nama"]:
            serumah = pelaku["alamat"] == korban[0]["alamat"]
            pelaku["tinggal_serumah"] = serumah
            pelaku["masih_menjangkau"] = serumah or r.random() < 0.4
