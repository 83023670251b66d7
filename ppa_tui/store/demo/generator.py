"""Turns random draws into the rows one case produces, already in stored form."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Column, Dialect, Uuid

from ppa_tui.domain.models import (
    UTCDateTime,
)
from ppa_tui.domain.register import format_nomor
from ppa_tui.domain.validasi import USIA_DEWASA, hitung_usia
from ppa_tui.store.demo.alur import Alur, Kasus, Paksa

if TYPE_CHECKING:
    from ppa_tui.store.demo.waktu import KalenderCepat


from ppa_tui.store.demo.acak import (
    _PILIH_HUB_ANAK,
    _PILIH_HUB_DEWASA,
    _PILIH_KABKOTA,
    _PILIH_UMUR,
)
from ppa_tui.store.demo.kata import (
    _HP,
    _HUB_KELUARGA,
    _HUB_LABEL,
    _HUB_PEREMPUAN,
    _JALAN,
    _KABKOTA,
    _PETUGAS,
    _POLISI,
    _UMUR_PELAKU,
    nama_orang,
)
from ppa_tui.store.demo.konstanta import SOP, TABEL, WIB
from ppa_tui.store.demo.rinci import Rincian

# ---- the generator ------------------------------------------------------------------


def _naive_utc(v: datetime | None) -> datetime | None:
    return None if v is None else v.astimezone(UTC).replace(tzinfo=None)


def _teks_utc(v: datetime | None) -> str | None:
    # SQLAlchemy's SQLite DATETIME storage format, "2026-11-23 02:00:00.000000"
    if v is None:
        return None
    if v.tzinfo is not UTC:
        v = v.astimezone(UTC)
    return v.isoformat(" ", "microseconds")[:26]  # drop "+00:00"


Id = str | uuid.UUID  # a UUID in its storage form: 32 hex digits on SQLite


class _Format:
    """Values in the form the driver stores them, so the bulk insert can skip the
    per-value Python type processors of the typed Table (with them, the inserts took
    more than twice as long). Only the hot types are done here -- UTC times and UUIDs,
    about three values in four -- every other column still goes through its type's own
    bind processor. tests/store/test_demo.py checks both agree with SQLAlchemy's."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self.sqlite = dialect.name == "sqlite"
        self._ubah_waktu = _teks_utc if self.sqlite else _naive_utc
        self._memo: dict[datetime, Any] = {}  # a case's rows share a handful of times

    def waktu(self, v: datetime | None) -> Any:
        if v is None:
            return None
        hasil = self._memo.get(v)
        if hasil is None:
            hasil = self._memo[v] = self._ubah_waktu(v)
        return hasil

    def lupakan(self) -> None:
        self._memo.clear()

    def uuid(self, nilai: int) -> Id:
        return f"{nilai:032x}" if self.sqlite else uuid.UUID(int=nilai)

    def pengubah(self, col: Column) -> Callable[[Any], Any] | None:
        """How a value of `col` made by the generator is turned into its stored form."""
        if isinstance(col.type, Uuid):
            return None  # made in storage form by `uuid`
        if isinstance(col.type, UTCDateTime):
            return self.waktu
        if self.sqlite and isinstance(col.type, Boolean):
            return None  # sqlite3 stores True/False as 1/0 itself
        return col.type._cached_bind_processor(self.dialect)  # noqa: SLF001


class _Generator(Alur, Rincian):
    def __init__(self, rng: random.Random, ids: random.Random, now: datetime, device: str,
                 fmt: _Format, kal: KalenderCepat, bawaan: dict[str, dict[str, Any]]) -> None:
        self.rng, self.ids, self.now, self.device, self.fmt = rng, ids, now, device, fmt
        self.kal, self.bawaan = kal, bawaan
        # the SIMFONI details draw from their own stream, so adding them left every
        # other value of a seed's fill as it was
        self.rinci = random.Random(rng.random())
        self.ms = 0  # arrival of the case being made, in Unix milliseconds (for uid)
        self.paksa_macet: datetime | None = None  # this arrival is surely overdue
        self.siapkan_alur()

    # -- small helpers --

    def uid(self) -> Id:
        """A UUIDv7 (RFC 9562) stamped with the case's arrival: as unique as the app's
        v4s, but rows arrive in key order, so the primary-key and kasus_id indexes grow
        at their end instead of rewriting pages all over the file (with v4s a batch
        took ~60% longer by the end of a 100,000-case fill). Made directly in the
        column's storage form (see `_Format`)."""
        acak = self.ids.getrandbits(74)
        return self.fmt.uuid(self._awal | (acak >> 62) << 64 | (acak & 0x3FFF_FFFF_FFFF_FFFF))

    @property
    def ms(self) -> int:
        return self._ms

    @ms.setter
    def ms(self, nilai: int) -> None:
        self._ms = nilai  # the arrival; the fixed bits of this case's ids, once
        self._awal = (nilai << 80) | 0x7000 << 64 | 0x8000_0000_0000_0000

    def cap(self, dt: datetime) -> datetime:
        return dt if dt <= self.now else self.now

    def nama(self, jk: str) -> str:
        return nama_orang(self.rng, jk)

    def telepon(self) -> str:
        r = self.rng
        return f"+62{r.choice(_HP)}{r.randrange(10_000_000, 100_000_000)}"

    def alamat(self, kabkota: str) -> str:
        r = self.rng
        tempat = r.choice(_KABKOTA[kabkota][1])
        rt, rw = r.randint(1, 15), r.randint(1, 6)
        if tempat.startswith("Kel.") and r.random() < 0.7:
            return f"{r.choice(_JALAN)} No. {r.randint(1, 120)}, RT {rt:03d}/RW {rw:03d}, {tempat}"
        return f"Dusun {r.choice(('I', 'II', 'III', 'IV'))} RT {rt:03d}, {tempat}"

    def nik(self, kabkota: str, lahir: date, jk: str) -> str:
        r = self.rng
        hari = lahir.day + (40 if jk == "p" else 0)
        return (f"{kabkota.replace('.', '')}{r.randint(1, 8):02d}"
                f"{hari:02d}{lahir.month:02d}{lahir.year % 100:02d}{r.randint(1, 2999):04d}")

    def lahir_untuk(self, usia: int, pada: date) -> tuple[date, int]:
        """A birth date giving (about) `usia` on `pada`, and the exact age it gives."""
        hari = usia * 365 + self.rng.randint(0, 364)
        lahir = pada - timedelta(days=hari)
        return lahir, hitung_usia(lahir, pada)

    # -- people --

    def orang(self, *, usia: int, jk: str, kabkota: str, pada: date, peran: str,
              kasus_id: Id, dibuat: datetime, alamat: str | None = None,
              kenal_lahir: float = 0.75, punya_nik: float = 0.6) -> dict[str, Any]:
        r = self.rng
        tanggal_lahir, nik = None, ""
        if r.random() < kenal_lahir:
            tanggal_lahir, usia = self.lahir_untuk(usia, pada)
            if r.random() < punya_nik:
                nik = self.nik(kabkota, tanggal_lahir, jk)
        punya_hp = 0.0 if usia < 12 else 0.55 if usia < USIA_DEWASA else 0.85
        return self._pihak(
            kasus_id, peran, dibuat, nama=self.nama(jk), nik=nik, jenis_kelamin=jk,
            tanggal_lahir=tanggal_lahir, usia=usia, anak=usia < USIA_DEWASA,
            telepon=self.telepon() if r.random() < punya_hp else "",
            alamat=alamat if alamat is not None else self.alamat(kabkota),
            kabkota_kode=kabkota, **self.latar(usia, jk),
        )

    def latar(self, usia: int, jk: str) -> dict[str, str]:
        r = self.rng
        if usia < 5:
            pend, kerja = ("belum_sekolah" if usia < 4 else "paud_tk"), "belum_tidak_bekerja"
        elif usia < 13:
            pend, kerja = "sd", "pelajar_mahasiswa"
        elif usia < 16:
            pend, kerja = "sltp", "pelajar_mahasiswa"
        elif usia < 19:
            pend = "slta" if r.random() < 0.8 else "sltp"
            kerja = "pelajar_mahasiswa" if r.random() < 0.8 else "belum_tidak_bekerja"
        else:
            pend = r.choice(("sd", "sltp", "slta", "slta", "slta", "perguruan_tinggi"))
            kerja = r.choice(
                ("mengurus_rumah_tangga", "mengurus_rumah_tangga", "buruh", "karyawan_swasta",
                 "wiraswasta", "petani_nelayan", "pekerja_rumah_tangga", "belum_tidak_bekerja",
                 "pns_tni_polri", "lainnya") if jk == "p" else
                ("buruh", "buruh", "wiraswasta", "petani_nelayan", "petani_nelayan",
                 "karyawan_swasta", "pns_tni_polri", "belum_tidak_bekerja", "lainnya"))
        if usia < 18:
            kawin = "belum_kawin" if usia < 16 or r.random() < 0.93 else "kawin_belum_tercatat"
        elif usia < 22:
            kawin = r.choice(("belum_kawin", "belum_kawin", "kawin", "kawin_belum_tercatat"))
        else:
            kawin = r.choice(("kawin", "kawin", "kawin", "cerai_hidup", "belum_kawin",
                              "kawin_belum_tercatat", "cerai_mati"))
        dis = "tidak_ada" if r.random() < 0.95 else r.choice(
            ("fisik", "intelektual", "mental", "sensorik", "ganda"))
        return {"pendidikan": pend, "pekerjaan": kerja, "status_perkawinan": kawin,
                "disabilitas": dis}

    def _pihak(self, kasus_id: Id, peran: str, dibuat: datetime, **v: Any) -> dict[str, Any]:
        row = self.bawaan["pihak"] | {
            "id": self.uid(), "created_at": dibuat, "updated_at": dibuat,
            "device_id": self.device, "deleted_at": None, "kasus_id": kasus_id, "peran": peran,
            "nama": "", "nik": "", "nik_peringatan": "", "jenis_kelamin": "",
            "tanggal_lahir": None, "usia": None, "anak": False, "telepon": "", "alamat": "",
            "kabkota_kode": "", "pendidikan": "", "pekerjaan": "", "status_perkawinan": "",
            "disabilitas": "", "hubungan": "", "adalah_korban": False, "pelapor_id": None,
        }
        row.update(v)
        return row

    # -- one case --

    def kasus(self, diterima: datetime, tahun: int, urutan: int,
              paksa: Paksa | None = None) -> dict[str, list[dict]]:
        r = self.rng
        paksa = paksa or Paksa()
        self.ms = int(diterima.timestamp() * 1000)
        kasus_id = self.uid()
        petugas = r.choice(_PETUGAS)
        pada = diterima.astimezone(WIB).date()
        dibuat = self.cap(diterima + timedelta(minutes=r.randint(1, 8)))
        didata = self.cap(diterima + timedelta(minutes=r.randint(10, 25)))
        rujukan = paksa.rujukan if paksa.rujukan is not None else r.random() < 0.12
        paksa.rujukan = rujukan

        # korban
        lo, hi = _PILIH_UMUR(r)
        usia = r.randint(lo, hi)
        jk = "p" if usia >= USIA_DEWASA or r.random() < 0.82 else "l"
        kabkota = _PILIH_KABKOTA(r)
        k1 = self.orang(usia=usia, jk=jk, kabkota=kabkota, pada=pada, peran="korban",
                        kasus_id=kasus_id, dibuat=didata,
                        punya_nik=0.65 if usia >= 17 else 0.45)
        korban = [k1]
        if r.random() < 0.12:  # a sibling, same home
            usia2 = max(0, min(17, k1["usia"] + r.choice((-6, -4, -3, -2, 2, 3, 5))))
            korban.append(self.orang(
                usia=usia2, jk="p" if r.random() < 0.7 else "l", kabkota=kabkota, pada=pada,
                peran="korban", kasus_id=kasus_id, dibuat=didata, alamat=k1["alamat"]))
        anak = k1["anak"]

        # pelaku
        hub = _PILIH_HUB_ANAK(r) if anak else _PILIH_HUB_DEWASA(r)
        pelaku = self.pelaku(kasus_id, hub, k1, kabkota, pada, didata)

        # pelapor: the korban herself, someone who brought the case, or (a referral)
        # the kab/kota officer who brought it
        sendiri = not rujukan and r.random() < (0.0 if k1["usia"] < 13 else 0.15 if anak
                                                else 0.7)
        if sendiri:
            pelapor = self._pihak(kasus_id, "pelapor", didata, **{
                k: k1[k] for k in ("nama", "nik", "nik_peringatan", "jenis_kelamin",
                                   "tanggal_lahir", "usia", "anak", "telepon", "alamat",
                                   "kabkota_kode")
            }, adalah_korban=True)
            k1["pelapor_id"] = pelapor["id"]
        else:
            pelapor = self.pelapor(kasus_id, k1, hub, kabkota, pada, didata,
                                   hub="petugas_lembaga" if rujukan else None)

        # kejadian
        bentuk = self.bentuk(hub, anak, k1["jenis_kelamin"])
        boleh = self.boleh_mediasi(bentuk, pelaku)
        if paksa.mediasi and not boleh:  # a case that may be mediated (UU 12/2022 art. 23)
            bentuk = ["fisik", "psikis"]
            boleh = True
        tempat = self.tempat(hub, bentuk)
        mundur = timedelta(hours=2 + r.expovariate(1 / (24 * 20)))
        waktu_kejadian = min(diterima - mundur, diterima - timedelta(hours=1))
        waktu_kejadian = waktu_kejadian.replace(second=0, microsecond=0)
        kronologi = self.kronologi(bentuk, hub, k1, tempat, waktu_kejadian, kabkota)

        # what happened since: the SOP steps and every record they left
        k = Kasus(id=kasus_id, petugas=petugas, diterima=diterima, korban=korban,
                  pelaku=pelaku, pelapor=pelapor, bentuk=bentuk, kabkota=kabkota,
                  boleh_mediasi=boleh, paksa=paksa, kronologi=kronologi,
                  rows={t: [] for t in TABEL})
        self.jalani(k)

        kasus = self.bawaan["kasus"] | {
            "id": kasus_id, "created_at": dibuat,
            "updated_at": max(dibuat, didata, k.diubah or dibuat),
            "device_id": self.device, "deleted_at": None,
            "nomor_register": format_nomor(tahun, urutan), "tahun": tahun, "urutan": urutan,
            "sop_kode": SOP, "jalur": k.jalur, "status": k.status, "waktu_diterima": diterima,
            "petugas": petugas, "waktu_kejadian": waktu_kejadian, "tempat_kejadian": tempat,
            "kejadian_kabkota_kode": kabkota if r.random() < 0.9 else _PILIH_KABKOTA(r),
            "kejadian_alamat": k1["alamat"] if tempat == "rumah_tangga" else self.alamat(kabkota),
            "kronologi": kronologi, "kejadian_tanpa_jam": False, "kejadian_perkiraan": False,
            "demo": True,  # synthetic: marked, so real work can tell it apart
            "kewenangan": k.kewenangan,
        }
        saluran = "rujukan" if rujukan else self.saluran()
        kasus.update(self.rincian_kasus(bentuk, hub, anak, k.kewenangan), saluran=saluran)
        # the guest leaves once the complaint (or the referral) is recorded
        catat = next((x["finished_at"] for x in k.rows["langkah"]
                      if x["langkah_kode"] in ("L2", "L4a") and x["rencana_id"] is None), None)
        keluar = None
        if catat is not None:
            keluar = catat + timedelta(minutes=r.randint(3, 40))
            keluar = keluar if keluar <= self.now else None
        ktp = pelapor["nik"] and r.random() < 0.8
        tamu = self.bawaan["tamu"] | {
            "saluran": saluran,
            "id": self.uid(), "created_at": dibuat, "updated_at": keluar or dibuat,
            "device_id": self.device, "deleted_at": None, "nama": pelapor["nama"],
            "jenis_identitas": "ktp" if ktp else r.choice(("tidak_ada", "tidak_ada", "sim")),
            "nomor_identitas": pelapor["nik"] if ktp else "",
            "telepon": pelapor["telepon"], "alamat": pelapor["alamat"],
            "kabkota_kode": pelapor["kabkota_kode"],
            "keperluan": "rujukan" if rujukan else "pengaduan",
            "keterangan": "Mengantar rujukan dan korban" if rujukan else r.choice((
                "", "", "", "Datang bersama keluarga", "Diantar petugas kelurahan",
                "Datang sendiri")),
            "waktu_masuk": diterima, "waktu_keluar": keluar, "petugas": petugas,
            "kasus_id": kasus_id,
        }
        if tamu["jenis_identitas"] == "sim":
            tamu["nomor_identitas"] = str(r.randrange(10**11, 10**12))
        rows = k.rows
        rows["kekerasan"] = [
            {"id": self.uid(), "created_at": didata, "updated_at": didata,
             "device_id": self.device, "deleted_at": None, "kasus_id": kasus_id, "bentuk": b,
             "korban_id": None}
            for b in bentuk
        ]
        self.rincian_orang(rows, korban, pelaku, waktu_kejadian, diterima, didata)
        rows["kasus"] = [kasus]
        rows["tamu"] = [tamu]
        rows["pelapor"] = [pelapor]
        rows["pihak"] = korban + [pelaku]
        return rows

    def boleh_mediasi(self, bentuk: list[str], pelaku: dict) -> bool:
        """`pengelolaan.mediasi_ditolak`: never for sexual violence unless every pelaku
        is a child (UU 12/2022 art. 23)."""
        return not any(b in self.seksual for b in bentuk) or bool(pelaku["anak"])

    def pelaku(self, kasus_id: Id, hub: str, korban: dict, kabkota: str, pada: date,
               dibuat: datetime) -> dict[str, Any]:
        r = self.rng
        if hub == "tidak_diketahui":
            return self._pihak(kasus_id, "pelaku", dibuat, hubungan=hub,
                               jenis_kelamin="l" if r.random() < 0.9 else "")
        if hub in _HUB_PEREMPUAN:
            jk = "p"
        elif hub in {"teman", "tetangga", "majikan", "rekan_kerja", "lainnya"}:
            jk = "l" if r.random() < 0.9 else "p"
        else:
            jk = "l"
        jenis, lo, hi = _UMUR_PELAKU.get(hub, ("abs", 18, 60))
        usia = r.randint(lo, hi) + (korban["usia"] if jenis == "rel" else 0)
        usia = max(usia, 12)
        row = self.orang(usia=usia, jk=jk, kabkota=kabkota, pada=pada, peran="pelaku",
                         kasus_id=kasus_id, dibuat=dibuat, kenal_lahir=0.25, punya_nik=0.5,
                         alamat=korban["alamat"] if hub in _HUB_KELUARGA and
                         hub not in {"kakek_nenek", "paman_bibi", "keluarga_lain"} else None)
        row["hubungan"] = hub
        row["status_perkawinan"] = row["disabilitas"] = row["pendidikan"] = ""
        if r.random() < 0.15:  # age only guessed, or not at all
            row.update(usia=None, anak=False, tanggal_lahir=None, nik="")
        if r.random() < 0.6:
            row["telepon"] = ""
        return row

    def pelapor(self, kasus_id: Id, korban: dict, hub_pelaku: str, kabkota: str,
                pada: date, dibuat: datetime, hub: str | None = None) -> dict[str, Any]:
        r = self.rng
        if hub is not None:
            pass
        elif korban["anak"]:
            hub = r.choice(("orang_tua",) * 6 + ("keluarga", "keluarga", "guru", "tetangga",
                                                   "petugas_lembaga"))
        else:
            hub = r.choice(("keluarga", "keluarga", "teman", "tetangga", "petugas_lembaga",
                            "orang_tua", "lainnya"))
        if hub == "orang_tua":
            # the parent who is not the pelaku; usually the mother
            jk = "l" if hub_pelaku in _HUB_PEREMPUAN or r.random() < 0.15 else "p"
            usia = korban["usia"] + r.randint(19, 38)
        else:
            jk = "p" if r.random() < 0.7 else "l"
            usia = r.randint(22, 58)
        serumah = hub == "orang_tua" or (hub == "keluarga" and r.random() < 0.5)
        row = self.orang(usia=usia, jk=jk, kabkota=kabkota, pada=pada, peran="pelapor",
                         kasus_id=kasus_id, dibuat=dibuat, kenal_lahir=0.7, punya_nik=0.75,
                         alamat=korban["alamat"] if serumah else None)
        row["hubungan"] = hub
        if not row["telepon"] and r.random() < 0.8:
            row["telepon"] = self.telepon()
        for k in ("pendidikan", "pekerjaan", "status_perkawinan", "disabilitas"):
            row[k] = ""
        return row

    def bentuk(self, hub: str, anak: bool, jk: str) -> list[str]:
        r = self.rng
        if hub in {"suami", "istri"}:
            utama = r.choice(("fisik", "fisik", "psikis", "penelantaran", "seksual"))
        elif anak and hub in {"pacar", "teman"}:
            utama = r.choice(("seksual_persetubuhan", "seksual_persetubuhan", "seksual_pencabulan",
                              "kbgo", "fisik"))
        elif anak:
            utama = r.choice(("seksual_pencabulan", "seksual_pencabulan", "seksual_persetubuhan",
                              "seksual_perkosaan", "fisik", "fisik", "psikis", "penelantaran",
                              "eksploitasi", "seksual_pelecehan"))
        elif hub == "majikan":
            utama = r.choice(("eksploitasi", "fisik", "trafficking", "seksual_pelecehan"))
        elif hub in {"pacar", "mantan_pacar"}:
            utama = r.choice(("kbgo", "fisik", "seksual", "psikis"))
        else:
            utama = r.choice(("fisik", "psikis", "seksual_pelecehan", "seksual_perkosaan",
                              "kbgo", "trafficking", "lainnya"))
        if jk == "l" and utama == "seksual_perkosaan":
            utama = "seksual_pencabulan"
        hasil = [utama]
        for _ in range(r.choice((0, 0, 0, 1, 1, 2))):
            tambahan = r.choice(("psikis", "psikis", "fisik", "penelantaran", "lainnya"))
            if tambahan not in hasil:
                hasil.append(tambahan)
        return hasil

    def tempat(self, hub: str, bentuk: list[str]) -> str:
        r = self.rng
        if bentuk[0] == "kbgo":
            return "lainnya"
        if hub in _HUB_KELUARGA:
            return "rumah_tangga" if r.random() < 0.92 else "lainnya"
        if hub == "guru":
            return r.choice(("sekolah", "sekolah", "lembaga_pendidikan_kilat"))
        if hub in {"majikan", "rekan_kerja"}:
            return "tempat_kerja"
        if bentuk[0] == "trafficking":
            return r.choice(("tempat_kerja", "lainnya"))
        return r.choice(("rumah_tangga", "fasilitas_umum", "fasilitas_umum", "lainnya", "sekolah"))

    def kronologi(self, bentuk: list[str], hub: str, korban: dict, tempat: str,
                  kejadian: datetime, kabkota: str) -> str:
        r = self.rng
        siapa = _HUB_LABEL.get(hub, "seseorang")
        tgl = kejadian.astimezone(WIB).strftime("%d-%m-%Y")
        di = {"rumah_tangga": "di rumah", "sekolah": "di lingkungan sekolah",
              "tempat_kerja": "di tempat kerja", "fasilitas_umum": "di tempat umum",
              "lembaga_pendidikan_kilat": "di tempat les", "lainnya": "di luar rumah"}[tempat]
        b = bentuk[0]
        if b == "fisik":
            s = f"Korban dipukul dan ditendang oleh {siapa} {di} pada {tgl}, " \
                f"mengakibatkan memar di {r.choice(('wajah', 'lengan', 'punggung', 'kepala'))}."
        elif b == "psikis":
            s = f"Korban mengaku terus-menerus dimaki dan diancam oleh {siapa} sejak " \
                f"beberapa bulan terakhir, terakhir pada {tgl}, sehingga takut pulang."
        elif b == "penelantaran":
            s = f"Korban ditinggalkan {siapa} tanpa nafkah selama {r.randint(2, 14)} bulan; " \
                "kebutuhan sehari-hari dan sekolah anak tidak terpenuhi."
        elif b == "kbgo":
            s = f"Korban diancam {siapa} akan menyebarkan foto pribadinya lewat media sosial " \
                f"bila tidak menuruti kemauannya; ancaman terakhir diterima {tgl}."
        elif b == "trafficking":
            s = "Korban dijanjikan pekerjaan sebagai pelayan kafe di luar daerah, namun " \
                "dipekerjakan tanpa upah dan dokumennya ditahan."
        elif b == "eksploitasi":
            s = f"Korban dipekerjakan {siapa} di tambang timah inkonvensional dan tidak " \
                "diizinkan bersekolah."
        elif b.startswith("seksual"):
            s = f"Korban ({korban['usia'] if korban['usia'] is not None else '?'} th) diduga " \
                f"mengalami kekerasan seksual oleh {siapa} {di} pada {tgl}."
        else:
            s = f"Korban mengalami perlakuan tidak menyenangkan dari {siapa} {di} pada {tgl}."
        lanjut = r.choice((
            "",
            f" Korban sudah melapor ke {r.choice(_POLISI)}.",
            " Korban meminta pendampingan hukum dan psikologis.",
            " Kejadian diketahui keluarga setelah korban bercerita kepada ibunya.",
            " Keluarga pelaku meminta diselesaikan secara kekeluargaan, korban menolak.",
            " Korban saat ini tinggal sementara di rumah kerabat.",
        ))
        return s + lanjut

