"""A case's life after intake, as the desk would have recorded it: the steps of SOP
Layanan (dasar, and the rujukan track for provincial authority or a referral in), the
pelimpahan, the Kepala's disposisi, asesmen and consent, the rencana intervensi with
one SOP Pendampingan run each, shelter stays, mediation, activity notes, and the
closure (terminasi), sometimes reopened.

Time is walked in working time (`KalenderCepat`): a step's deadline is its start plus
its SOP limit in the unit's working time, exactly what `Kalender.tambah` gives, and
its duration is drawn as a share of that limit (mostly within it, some late). A walk
stops at its horizon: `now`, or the closure, which stops (`dihentikan`) whatever is
still running. The rules are the domain's (`langkah`, `keputusan`, `pengelolaan`,
`terminasi`): one running step per run, no mediation of sexual violence unless every
pelaku is a child, no closure while the korban is in the shelter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any

from ppa_tui.domain import referensi
from ppa_tui.domain.langkah import DIHENTIKAN, SOP_PENDAMPINGAN, SOP_UTAMA
from ppa_tui.domain.sop import load_sop
from ppa_tui.store.demo.kata import (
    _ALASAN_BUKA,
    _ALASAN_PERPANJANGAN,
    _HARI_P4,
    _HASIL_LAYANAN,
    _KASI_RUJUKAN,
    _KEPALA,
    _MEDIATOR,
    _PENDAMPING,
    _PENYEDIA,
)
from ppa_tui.store.demo.konstanta import WIB
from ppa_tui.store.demo.waktu import KalenderCepat

_MENIT = 60_000_000  # microseconds
_JAM = 60 * _MENIT

DASAR = ("L1", "L2", "L3")
RUJUKAN_PROVINSI = ("L4b", "L5", "L6", "L7", "L8", "L9")
RUJUKAN_MASUK = ("L4a", *RUJUKAN_PROVINSI)
PENDAMPINGAN = ("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8")
BATAS_TAMPUNG = 14  # days (referensi [penampungan] batas_hari; checked in __init__)


def seksual_kode() -> frozenset[str]:
    return frozenset(p.kode for p in referensi.pilihan("bentuk_kekerasan")
                     if referensi.simfoni("bentuk_kekerasan", p.kode) == "Seksual")


@dataclass
class Paksa:
    """What a case must show (so every state exists in any fill); None: drawn."""

    rujukan: bool | None = None  # a referral in (starts at L4a)
    kewenangan: str | None = None  # step 3's decision
    macet: str | None = None  # this main-track step is running
    terima: bool | None = None  # the pelimpahan's receipt came back
    p_jalan: str | None = None  # the first rencana's run is running at this step
    p_selesai: bool = False  # the first rencana's run finished
    p_tolak: bool = False  # the first rencana was refused at P2
    tampung: str | None = None  # "dalam", "lewat", "keluar", "panjang"
    mediasi: bool = False  # mediated, kesepakatan signed and later checked
    tutup: str | None = None  # "alami" (all done) or "awal" (stopped while running)
    buka: bool = False  # reopened after an early closure
    aktif: bool = False  # not closed (a running run must stay visible)


@dataclass
class Kasus:
    """The case being walked: what the lifecycle needs of it, and what it produces."""

    id: Any
    petugas: str
    diterima: datetime
    korban: list[dict]
    pelaku: dict
    pelapor: dict
    bentuk: list[str]
    kabkota: str
    boleh_mediasi: bool
    paksa: Paksa
    kronologi: str = ""
    kode_utama: tuple[str, ...] = ()
    rencana_kewenangan: str = ""  # what step 3 decides (when it ends)
    runs: list = field(default_factory=list)
    rows: dict[str, list[dict]] = field(default_factory=dict)
    jalur: str = "dasar"
    kewenangan: str = ""
    status: str = "aktif"
    diubah: datetime | None = None  # the latest change to the case's rows

    def tambah(self, kunci: str, row: dict) -> dict:
        self.rows[kunci].append(row)
        return row


@dataclass
class _Jalan:
    """One run walked: its step rows, and when each step started and ended."""

    rows: list[dict]
    mulai: dict[str, datetime]
    selesai: dict[str, datetime | None]
    akhir: datetime | None  # when the run ended; None: a step is still running
    berhenti: bool = False  # ended early by a decision (P2 menolak)


class Alur:
    """Mixed into the generator: needs `rng`, `uid`, `now`, `device`, `cap` and
    `kal` (a `KalenderCepat`) and `bawaan` (a row template per table key)."""

    rng: Any
    now: datetime
    device: str
    kal: KalenderCepat
    bawaan: dict[str, dict[str, Any]]

    def siapkan_alur(self) -> None:
        lay, dam = load_sop(SOP_UTAMA), load_sop(SOP_PENDAMPINGAN)
        self.sop = {SOP_UTAMA: lay, SOP_PENDAMPINGAN: dam}
        self.batas_us: dict[str, int | None] = {}
        for sop in (lay, dam):
            if sop.hitungan != "kerja":  # the demo walks working time only
                raise NotImplementedError(f"SOP {sop.kode}: hitungan {sop.hitungan!r}")
            for lk in sop.langkah:
                self.batas_us[lk.kode] = None if lk.batas is None else self.kal.us(lk.batas)
        assert tuple(lk.kode for lk in lay.langkah_jalur("dasar")) == DASAR
        assert tuple(lk.kode for lk in lay.langkah_jalur("rujukan")) == RUJUKAN_MASUK
        assert lay.berikutnya("L3", "provinsi").kode == "L4b"
        assert tuple(lk.kode for lk in dam.langkah) == PENDAMPINGAN
        assert referensi.tabel("penampungan").get("batas_hari", 14) == BATAS_TAMPUNG
        self.w_now = self.kal.kerja(self.now)
        self.lembaga = {p.kode: referensi.lembaga_penerima("layanan", p.kode)
                        for p in referensi.pilihan("layanan")}
        self.seksual = seksual_kode()

    # -- rows --

    def baris(self, kunci: str, kasus_id: Any, dibuat: datetime,
              diubah: datetime | None = None, **v: Any) -> dict[str, Any]:
        row = self.bawaan[kunci].copy()
        row["id"] = self.uid()
        row["created_at"] = dibuat
        row["updated_at"] = diubah or dibuat
        row["device_id"] = self.device
        row["kasus_id"] = kasus_id
        row.update(v)
        return row

    def lama(self, batas: int) -> int:
        """How long a step with this limit took, in working microseconds: mostly
        within the limit (about one step in fourteen late), never under a minute."""
        return max(_MENIT, int(batas * self.rng.lognormvariate(-0.51, 0.35)))

    def pada_jam_kerja(self, t: datetime) -> datetime:
        """`t`, moved into working hours (the next opening when outside them)."""
        w = self.kal.kerja(t)
        return self.kal.waktu(w + 1)  # +1 µs: the next opening, not the last closing

    def kemudian(self, t: datetime, hari_kerja: float) -> datetime:
        """So many working days after `t`, at some time of that day."""
        return self.kal.waktu(self.kal.kerja(t) + max(1, int(hari_kerja * self.kal.sehari)))

    # -- walking one run --

    def jalan(self, k: Kasus, sop_kode: str, kode: tuple[str, ...], mulai: datetime,
              horizon: datetime, *, rencana_id: Any = None, keputusan: dict | None = None,
              macet: str | None = None, layanan: str = "", lama: dict | None = None,
              p4_akhir: datetime | None = None, pasti: bool = False) -> _Jalan:
        """Walk `kode` from `mulai`: each step starts when the one before ends; one that
        would end after `horizon` (or is `macet`) is still running there."""
        keputusan = keputusan or {}
        lama = lama or {}
        rows: list[dict] = []
        j = _Jalan(rows, {}, {}, None)
        t, w = mulai, self.kal.kerja(mulai)
        w_h = self.kal.kerja(horizon)
        for kd in kode:
            batas = self.batas_us[kd]
            manual = batas is None
            if manual:  # P4: the officer set the deadline when P3 ended; ends in days
                tenggat, akhir = self.p4(t, layanan, p4_akhir)
                w_akhir = self.kal.kerja(akhir)
            else:
                tenggat = self.kal.waktu(w + batas)
                w_akhir = w + (lama.get(kd) or self.lama(batas))
                akhir = None
                if pasti and kd != macet and w_akhir >= w_h:
                    # the forced step must be reached: this one ended early, if need be
                    # outside working hours (the night duty's, the clock paused)
                    akhir = t + (horizon - t) / 3
                    w_akhir = self.kal.kerja(akhir)
            j.mulai[kd] = t
            if kd == macet or w_akhir > w_h or (akhir is not None and akhir > horizon):
                rows.append(self._langkah(k, sop_kode, kd, t, tenggat, None, rencana_id,
                                          "", manual))
                j.selesai[kd] = None
                return j
            if akhir is None:
                akhir = self.kal.waktu(w_akhir)
            pilih = keputusan.get(kd, "")
            rows.append(self._langkah(k, sop_kode, kd, t, tenggat, akhir, rencana_id,
                                      pilih, manual))
            j.selesai[kd] = akhir
            t, w = akhir, w_akhir
            if pilih == "menolak":
                j.berhenti = True
                break
        j.akhir = t
        return j

    def _langkah(self, k: Kasus, sop_kode: str, kd: str, mulai: datetime,
                 tenggat: datetime | None, selesai: datetime | None, rencana_id: Any,
                 keputusan: str, manual: bool) -> dict:
        return k.tambah("langkah", {
            "id": self.uid(), "created_at": mulai, "updated_at": selesai or mulai,
            "device_id": self.device, "deleted_at": None, "kasus_id": k.id,
            "sop_kode": sop_kode, "langkah_kode": kd, "started_at": mulai,
            "deadline_at": tenggat, "finished_at": selesai,
            "durasi_detik": None if selesai is None else int((selesai - mulai).total_seconds()),
            "durasi_kerja_detik": None if selesai is None else max(
                0, (self.kal.kerja(selesai) - self.kal.kerja(mulai)) // 1_000_000),
            "petugas": k.petugas, "rencana_id": rencana_id, "catatan": "",
            "batas_manual": manual, "keputusan": keputusan,
        })

    def p4(self, mulai: datetime, layanan: str, akhir: datetime | None
           ) -> tuple[datetime, datetime]:
        """SOP 18 step 4 has no limit: the officer sets one (a date: the end of that day,
        as `langkah.tenggat_officer` reads it). The coordination takes about that long."""
        r = self.rng
        lo, hi = _HARI_P4.get(layanan, (7, 30))
        rencana = r.randint(lo, hi)
        hari = (mulai.astimezone(WIB) + timedelta(days=rencana)).date()
        tenggat = datetime.combine(hari, time(23, 59), WIB).astimezone(UTC)
        if akhir is None or akhir <= mulai:
            nyata = rencana * r.lognormvariate(-0.2, 0.3)  # about one in five late
            akhir = self.pada_jam_kerja(mulai + timedelta(days=max(1.0, nyata)))
        return tenggat, akhir

    # -- the whole case --

    def jalani(self, k: Kasus) -> None:
        """Walk the case from its arrival to now (or to its closure, and after)."""
        r, p = self.rng, k.paksa
        umur = self.now - k.diterima
        rujukan = p.rujukan if p.rujukan is not None else r.random() < 0.12
        if rujukan:
            kewenangan = ""
            kode = RUJUKAN_MASUK
            k.jalur = "rujukan"
        else:
            kewenangan = p.kewenangan or self._kewenangan()
            kode = DASAR + (RUJUKAN_PROVINSI if kewenangan == "provinsi" else ())
        # stuck on a step (the recent ones mostly): overdue
        macet = p.macet
        if macet is None and not (p.tutup or p.p_jalan or p.p_selesai or p.p_tolak
                                  or p.tampung or p.mediasi or p.aktif):
            if umur < timedelta(days=1):
                macet_p = 0.0
            elif umur < timedelta(days=14):
                macet_p = 0.06
            elif umur < timedelta(days=60):
                macet_p = 0.01
            else:
                macet_p = 0.001
            if r.random() < macet_p or k.diterima == getattr(self, "paksa_macet", None):
                macet = r.choice(kode[:3] if len(kode) == 3 else kode)
        # closed early, while something still ran: the walk stops there
        tutup_awal = None
        if p.tutup == "awal" or (p.tutup is None and not p.aktif and macet is None
                                 and umur > timedelta(days=5) and r.random() < 0.06):
            w0 = self.kal.kerja(k.diterima)
            if p.buka:  # stopped on the main track, its first working day
                w = w0 + int(self.kal.sehari * r.uniform(0.15, 0.45))
            else:
                w = int(w0 + (self.w_now - w0) * r.uniform(0.1, 0.6))
            tutup_awal = self.kal.waktu(w + 1)
        horizon = tutup_awal or self.now

        k.kode_utama, k.rencana_kewenangan = kode, kewenangan
        utama = self.jalan(k, SOP_UTAMA, kode, k.diterima, horizon, macet=macet,
                           keputusan={"L3": kewenangan} if kewenangan else None,
                           pasti=p.macet is not None)
        if rujukan:
            self.rujukan_masuk(k)
        selesai_semua: list[datetime | None] = [utama.akhir]
        selesai_semua += self._setelah_utama(k, utama, horizon)
        runs: list[tuple[dict, _Jalan | None]] = []
        tampung: list[dict] = []
        if k.jalur == "rujukan":
            runs, tampung, akhir = self.pengelolaan(k, utama, horizon)
            selesai_semua += akhir
        k.runs = runs
        if tutup_awal is not None:
            self.tutup_awal(k, tutup_awal, tampung, runs)
        elif not p.aktif and all(x is not None for x in selesai_semua):
            akhir = max(x for x in selesai_semua if x is not None)
            tunda = self.kemudian(akhir, r.uniform(0.5, 10))
            if tunda <= self.now and (p.tutup == "alami" or r.random() < 0.93):
                # nothing happens after the closure: later pemantauan was never written
                if "catatan" in k.rows:
                    k.rows["catatan"] = [c for c in k.rows["catatan"]
                                         if c["created_at"] <= tunda]
                self.tutup(k, tunda, self._alasan_alami(k, runs))
        for rencana, run in runs:
            self._status_rencana(k, rencana, run)
        k.diubah = max(row["updated_at"] for rows in k.rows.values() for row in rows)

    def _setelah_utama(self, k: Kasus, utama: _Jalan, horizon: datetime
                       ) -> list[datetime | None]:
        """What a main-track walk's step 3 decided: the kewenangan, the pelimpahan (whose
        receipt ends the track) or the rujukan track (L4b's disposisi)."""
        akhir: list[datetime | None] = []
        if utama.selesai.get("L3") is not None:
            k.kewenangan = k.rencana_kewenangan
            if k.kewenangan == "provinsi":
                k.jalur = "rujukan"  # L3 → L4b: the rujukan track
            else:
                akhir.append(self.pelimpahan(k, utama.selesai["L3"], horizon, k.paksa.terima))
        if utama.selesai.get("L4b") is not None:
            self.disposisi(k, utama.selesai["L4b"])
        return akhir

    def _kewenangan(self) -> str:
        x = self.rng.random()
        return "kabkota" if x < 0.75 else "pusat" if x < 0.78 else "provinsi"

    # -- the dasar track's end: pelimpahan --

    def pelimpahan(self, k: Kasus, kirim: datetime, horizon: datetime,
                   terima: bool | None) -> datetime | None:
        """The handover letter, and (mostly) its receipt some working days later; returns
        when the track ended (the receipt), or None while it is awaited."""
        r = self.rng
        if k.kewenangan == "pusat":
            jenis, nama, kab = "kemenpppa", "Kementerian PPPA", ""
        else:
            kab = k.kabkota
            jenis = "uptd_ppa_kabkota" if r.random() < 0.85 else "dinas_kabkota"
            wilayah = referensi.label("kabkota", kab).replace("Kab. ", "Kabupaten ")
            nama = ("UPTD PPA " if jenis == "uptd_ppa_kabkota" else "Dinas PPPA ") + wilayah
        ditanda = self.kemudian(kirim, r.uniform(0.5, 8))
        if terima is None:
            terima = ditanda <= horizon and r.random() < (
                0.97 if self.now - kirim > timedelta(days=30) else 0.8)
        elif terima and ditanda > horizon:
            ditanda = max(kirim, horizon - timedelta(minutes=5))
        lokal = kirim.astimezone(WIB).date()
        k.tambah("pelimpahan", self.baris(
            "pelimpahan", k.id, kirim, ditanda if terima else kirim,
            tujuan_jenis=jenis, tujuan_nama=nama, kabkota_kode=kab, tanggal_kirim=lokal,
            tanggal_tanda_terima=ditanda.astimezone(WIB).date() if terima else None,
            penerima=self.nama("p" if r.random() < 0.6 else "l") if terima else "",
            keterangan="" if r.random() < 0.7 else "Dikirim melalui pos dan surel dinas.",
            petugas=k.petugas))
        return ditanda if terima else None

    def rujukan_masuk(self, k: Kasus) -> None:
        r = self.rng
        wilayah = referensi.label("kabkota", k.kabkota).replace("Kab. ", "Kabupaten ")
        surat = (k.diterima.astimezone(WIB) - timedelta(days=r.randint(0, 6))).date()
        k.tambah("rujukan", self.baris(
            "rujukan", k.id, k.diterima, lembaga_asal=f"UPTD PPA {wilayah}",
            kabkota_kode=k.kabkota,
            nomor_surat=f"400.2/{r.randint(10, 480):03d}/UPTD-PPA/{_ROMAWI[surat.month]}/"
                        f"{surat.year}",
            tanggal_surat=surat,
            ringkasan="Mohon penanganan lanjutan. " + k.kronologi,
            petugas=k.petugas))

    # -- the rujukan track: disposisi, asesmen, rencana and their runs, shelter, mediation --

    def pengelolaan(self, k: Kasus, utama: _Jalan, horizon: datetime
                    ) -> tuple[list[tuple[dict, _Jalan | None]], list[dict], list]:
        r, p = self.rng, k.paksa
        akhir: list[datetime | None] = []
        s = utama.selesai
        runs: list[tuple[dict, _Jalan | None]] = []
        tampung: list[dict] = []
        if "L6" not in utama.mulai:
            return runs, tampung, akhir
        l6 = utama.mulai["L6"]
        korban = k.korban[0]
        layanan = self._layanan(k)
        perlu_tampung = p.tampung is not None or (p.tampung is None and not p.mediasi
                                                  and r.random() < 0.16)
        asesmen_pada = min(l6 + timedelta(minutes=r.randint(10, 50)), horizon)
        self.asesmen(k, korban, asesmen_pada, layanan, perlu_tampung)
        self.persetujuan(k, korban, asesmen_pada, layanan)
        if perlu_tampung:
            tampung.append(self.penampungan(k, korban, l6, horizon, p.tampung))
            akhir.append(tampung[-1]["waktu_keluar"])
        if k.boleh_mediasi and (p.mediasi or (not perlu_tampung and r.random() < (
                0.35 if k.pelaku.get("hubungan") in {"suami", "mantan_pacar"} else 0.12))):
            akhir.append(self.mediasi(k, l6, horizon, p.mediasi))
        # the rencana is made while managing the case; its runs start with L8
        if s.get("L6") is None:
            return runs, tampung, akhir
        if s.get("L7"):
            self.catatan(k, "rekomendasi", s["L7"], korban,
                         "Rekomendasi: " + ", ".join(referensi.label("layanan", x)
                                                     for x in layanan) + ".")
        l8 = utama.mulai.get("L8")
        for i, kode_layanan in enumerate(layanan):
            dibuat = s["L6"]
            rencana = self.rencana(k, kode_layanan, korban if i == 0 or len(k.korban) == 1
                                   else k.korban[min(i, len(k.korban) - 1)], dibuat)
            run = None
            if l8 is not None:
                run = self.jalan_rencana(k, rencana, l8, i, horizon)
            runs.append((rencana, run))
            akhir.append(run.akhir if run is not None else None)
        if s.get("L8"):
            self.catatan(k, "pendampingan", s["L8"], korban,
                         f"Mendampingi pendamping {referensi.label('kabkota', k.kabkota)} "
                         "melaksanakan rekomendasi; perkembangan dicatat.")
        elif l8 is not None and l8 + timedelta(hours=3) <= horizon:
            self.catatan(k, "pendampingan", l8 + timedelta(hours=3), korban,
                         "Koordinasi awal dengan pendamping kab/kota.")
        if s.get("L9"):
            self.pemantauan(k, s["L9"], horizon, korban)
        return runs, tampung, akhir

    def _layanan(self, k: Kasus) -> list[str]:
        r = self.rng
        utama = k.bentuk[0]
        if utama in self.seksual:
            pilih = ["kesehatan", "penegakan_hukum", "rehabilitasi_sosial"]
        elif utama == "fisik":
            pilih = ["kesehatan", "bantuan_hukum", "rehabilitasi_sosial"]
        elif utama == "trafficking":
            pilih = ["pemulangan", "penegakan_hukum", "rehabilitasi_sosial"]
        elif utama == "penelantaran":
            pilih = ["bantuan_hukum", "reintegrasi_sosial", "pendampingan_tokoh_agama"]
        else:
            pilih = ["rehabilitasi_sosial", "bantuan_hukum", "pendampingan_tokoh_agama"]
        x = r.random()
        n = 1 if x < 0.65 else 2 if x < 0.93 else 3
        return pilih[:n]

    def disposisi(self, k: Kasus, pada: datetime) -> None:
        r = self.rng
        instruksi = ["tindak_lanjuti"] + r.sample(
            ("koordinasi_kabkota", "asesmen_lanjutan", "penampungan", "rujuk_kesehatan",
             "rujuk_hukum", "psikologis", "laporkan"), r.randint(0, 2))
        if k.boleh_mediasi and r.random() < 0.2:
            instruksi.append("mediasi")
        hari = pada.astimezone(WIB).date()
        k.tambah("disposisi", self.baris(
            "disposisi", k.id, pada, tanggal=hari, instruksi=",".join(instruksi),
            instruksi_lain="" if r.random() < 0.8 else "Segera, korban anak.",
            kepada="Kasi Tindakan dan Rujukan", batas_tanggal=hari + timedelta(
                days=r.randint(1, 5)), oleh=_KEPALA[0]))

    def asesmen(self, k: Kasus, korban: dict, pada: datetime, layanan: list[str],
                tampung: bool) -> None:
        r = self.rng
        seksual = k.bentuk[0] in self.seksual
        k.tambah("asesmen", self.baris(
            "asesmen", k.id, pada, korban_id=korban["id"],
            kebutuhan_kesehatan="Visum et repertum dan pemeriksaan kesehatan"
            if "kesehatan" in layanan else "",
            kebutuhan_psikologis="Konseling psikologis untuk trauma" if seksual
            or "rehabilitasi_sosial" in layanan else "",
            kebutuhan_hukum="Pendampingan pelaporan dan proses hukum"
            if {"bantuan_hukum", "penegakan_hukum"} & set(layanan) else "",
            kebutuhan_sosial_ekonomi="Bantuan kebutuhan dasar keluarga"
            if k.bentuk[0] == "penelantaran" else "",
            butuh_penampungan=tampung,
            kebutuhan_penampungan="Tidak aman pulang: pelaku serumah" if tampung else "",
            kebutuhan_keamanan="Pelaku masih berada di sekitar rumah korban"
            if tampung or r.random() < 0.3 else "",
            tingkat_risiko="darurat" if tampung and r.random() < 0.4 else "tinggi"
            if tampung or seksual else r.choice(("rendah", "sedang", "sedang", "tinggi")),
            tanggal=pada.astimezone(WIB).date(), petugas=r.choice(_PENDAMPING)))

    def persetujuan(self, k: Kasus, korban: dict, pada: datetime, layanan: list[str]) -> None:
        r = self.rng
        lembaga = {self.lembaga.get(x, "lainnya") for x in layanan}
        tolak = r.random() < 0.08  # nothing may be shared: documents show initials only
        wali = korban["anak"]
        pelapor = k.pelapor
        izin = {
            "izin_kesehatan": "kesehatan" in lembaga,
            "izin_hukum": "kepolisian_hukum" in lembaga,
            "izin_psikolog": "rehabilitasi_sosial" in layanan and r.random() < 0.5,
            "izin_dinsos": "dinas_sosial" in lembaga,
            "izin_uptd_kabkota": r.random() < 0.7,
            "izin_lainnya": "lainnya" in lembaga,
        }
        if tolak:
            izin = dict.fromkeys(izin, False)
        k.tambah("persetujuan", self.baris(
            "persetujuan", k.id, pada, korban_id=korban["id"],
            pemberi="orang_tua_wali" if wali else "korban",
            wali_nama=pelapor["nama"] if wali and not pelapor["adalah_korban"] else "",
            wali_hubungan=("Ibu" if pelapor["jenis_kelamin"] == "p" else "Ayah")
            if wali and pelapor.get("hubungan") == "orang_tua" else
            ("Keluarga" if wali else ""),
            wali_nik=pelapor["nik"] if wali else "",
            wali_telepon=pelapor["telepon"] if wali else "",
            lainnya_keterangan="Kantor Kementerian Agama / tokoh agama"
            if izin["izin_lainnya"] else "",
            tanggal=pada.astimezone(WIB).date(), petugas=k.petugas,
            saksi=r.choice(_PENDAMPING), **izin))

    def rencana(self, k: Kasus, layanan: str, korban: dict, dibuat: datetime) -> dict:
        r = self.rng
        nama, alamat = r.choice(_PENYEDIA[layanan])
        lo, hi = _HARI_P4.get(layanan, (7, 30))
        return k.tambah("rencana", self.baris(
            "rencana", k.id, dibuat, layanan=layanan, penyedia=nama, penyedia_alamat=alamat,
            tenggat=(dibuat.astimezone(WIB) + timedelta(days=hi + 7)).date(),
            keterangan="" if r.random() < 0.6 else "Didampingi keluarga korban.",
            korban_id=korban["id"], pendamping=r.choice(_PENDAMPING)))

    def jalan_rencana(self, k: Kasus, rencana: dict, l8: datetime, i: int,
                      horizon: datetime) -> _Jalan | None:
        """The service's SOP Pendampingan run: the first starts with L8, the others some
        working days later; some are refused at P2 (the run ends, the rencana is batal)."""
        r, p = self.rng, k.paksa
        pertama = i == 0
        mulai = l8 + timedelta(minutes=r.randint(5, 90)) if pertama else self.kemudian(
            l8, r.uniform(0.5, 6))
        tolak = (p.p_tolak and pertama) or (not (pertama and (p.p_jalan or p.p_selesai))
                                            and r.random() < 0.06)
        keputusan = {"P2": "menolak" if tolak else "setuju"}
        lama, p4_akhir, macet = {}, None, None
        if pertama and p.p_jalan:
            macet = p.p_jalan
            i_jalan = PENDAMPINGAN.index(macet)
            lalu = 0
            if macet != "P4":  # the target step started a little before now
                sebelum = PENDAMPINGAN[:i_jalan] if i_jalan < 3 else PENDAMPINGAN[4:i_jalan]
                for kd in sebelum:
                    lama[kd] = self.lama(self.batas_us[kd])
                    lalu += lama[kd]
                lalu += int(self.batas_us[macet] * r.uniform(0.1, 0.8))
                titik = self.kal.waktu(self.w_now - lalu)
                if i_jalan < 3:
                    mulai = max(titik, mulai)
                else:
                    p4_akhir = titik
        if mulai > horizon:
            return None
        return self.jalan(k, SOP_PENDAMPINGAN, PENDAMPINGAN, mulai, horizon,
                          rencana_id=rencana["id"], keputusan=keputusan, macet=macet,
                          layanan=rencana["layanan"], lama=lama, p4_akhir=p4_akhir,
                          pasti=macet is not None)

    def _status_rencana(self, k: Kasus, rencana: dict, run: _Jalan | None) -> None:
        """What the run wrote on its rencana (`keputusan`, `langkah.selesaikan_langkah`)."""
        rows = [x for x in k.rows.get("langkah", ()) if x["rencana_id"] == rencana["id"]]
        if not rows:
            return
        r = self.rng
        status = "berjalan"
        diubah = rencana["updated_at"]
        for row in rows:
            kd, akhir = row["langkah_kode"], row["finished_at"]
            if akhir is None or row["keputusan"] == DIHENTIKAN:
                continue
            diubah = max(diubah, akhir)
            if kd == "P2":
                rencana["persetujuan_layanan"] = row["keputusan"]
                rencana["tanggal_persetujuan"] = akhir.astimezone(WIB).date()
                if row["keputusan"] == "menolak":
                    status = "batal"
            elif kd == "P3":
                rencana["tanggal_mulai"] = row["started_at"].astimezone(WIB).date()
            elif kd == "P5" and r.random() < 0.2:
                row["catatan"] = "Rencana perlu disesuaikan."
            elif kd == "P6":
                rencana["hasil"] = r.choice(_HASIL_LAYANAN.get(rencana["layanan"],
                                                               ("Layanan selesai.",)))
                rencana["tanggal_selesai"] = akhir.astimezone(WIB).date()
            elif kd == "P8" and status != "batal":
                status = "selesai"
        rencana["status"] = status
        rencana["updated_at"] = diubah

    def penampungan(self, k: Kasus, korban: dict, l6: datetime, horizon: datetime,
                    paksa: str | None) -> dict:
        """A shelter stay from L6: at most 14 days from admission (Permen PPPA 2/2022),
        extended only with a reason; the batas is stored with the extension."""
        r = self.rng
        masuk = l6 + timedelta(minutes=r.randint(20, 180))
        if paksa == "dalam":
            masuk = max(masuk, self.now - timedelta(days=r.uniform(1, 12)))
        elif paksa in {"lewat", "panjang"}:
            masuk = max(masuk, self.now - timedelta(days=r.uniform(16, 24)))
        masuk = min(masuk, horizon - timedelta(minutes=30))
        if paksa == "panjang":
            tambah = 14
        elif paksa is None and r.random() < 0.12:
            tambah = r.choice((7, 14, 21))
        else:
            tambah = 0
        if paksa == "dalam":
            hari = 20.0
        elif paksa == "lewat":
            hari = 30.0  # still inside past the 14 days, no extension recorded
        elif paksa == "panjang":
            hari = 30.0
        elif paksa == "keluar":
            hari = r.uniform(3, 12)
        else:
            hari = r.uniform(2, 13) if r.random() < 0.8 else r.uniform(13, 18)
            if tambah:
                hari = r.uniform(BATAS_TAMPUNG, BATAS_TAMPUNG + tambah)
        keluar: datetime | None = self.pada_jam_kerja(masuk + timedelta(days=hari))
        if paksa == "keluar":
            keluar = min(keluar, horizon - timedelta(minutes=10))
        if keluar is not None and keluar > horizon:
            keluar = None
        batas = masuk + timedelta(days=BATAS_TAMPUNG + tambah)
        return k.tambah("penampungan", self.baris(
            "penampungan", k.id, masuk, keluar or masuk, korban_id=korban["id"],
            waktu_masuk=masuk, batas_at=batas, waktu_keluar=keluar,
            ruang=f"Kamar {r.randint(1, 4)}", perpanjangan_hari=tambah,
            perpanjangan_alasan=r.choice(_ALASAN_PERPANJANGAN) if tambah else "",
            tujuan_keluar=(r.choice(("keluarga", "keluarga", "keluarga", "rumah_aman",
                                     "dinas_sosial", "lpsk", "lainnya"))
                           if keluar is not None else ""),
            keterangan="", petugas=k.petugas))

    def mediasi(self, k: Kasus, l6: datetime, horizon: datetime, paksa: bool
                ) -> datetime | None:
        """One or two sessions; an agreement signed by both, checked some weeks later.
        Returns when the mediation's business ended (None: still going)."""
        r = self.rng
        korban, pelaku = k.korban[0], k.pelaku
        t = self.kemudian(l6, r.uniform(0.3, 4))
        sesi = 1 if paksa or r.random() < 0.6 else 2
        akhir = None
        for i in range(sesi):
            if t > horizon:
                return None
            terakhir = i == sesi - 1
            if paksa:
                hasil = "sepakat"
            elif not terakhir:
                hasil = "tidak_sepakat"
            else:
                x = r.random()
                hasil = "sepakat" if x < 0.6 else "tidak_sepakat" if x < 0.85 else "berjalan"
                if hasil == "berjalan" and horizon - t > timedelta(days=30):
                    hasil = "tidak_sepakat"  # an old mediation has ended one way or another
            sepakat = hasil == "sepakat"
            tanda = sepakat and (paksa or r.random() < 0.9)
            row = k.tambah("mediasi", self.baris(
                "mediasi", k.id, t, waktu=t,
                pihak=f"{korban['nama'] or 'Korban'} (korban)\n"
                      f"{pelaku['nama'] or 'Terlapor'} (terlapor)",
                mediator=r.choice(_MEDIATOR),
                berita_acara="Mediasi dilaksanakan di ruang mediasi UPTD PPA; kedua pihak "
                             "hadir dan menyampaikan keterangan.",
                hasil=hasil,
                kesepakatan=("Terlapor tidak akan mengulangi kekerasan, memberi nafkah "
                             "setiap bulan, dan bersedia mengikuti konseling." if sepakat else ""),
                ditandatangani=tanda, petugas=k.petugas))
            akhir = t
            if sepakat:
                cek = self.kemudian(t, r.uniform(8, 20))
                if cek <= horizon:
                    self.catatan(k, "cek_kesepakatan", cek, korban,
                                 "Kesepakatan dijalankan: terlapor memberi nafkah dan tidak "
                                 "mengulangi kekerasan." if r.random() < 0.8 else
                                 "Kesepakatan belum dijalankan sepenuhnya; terlapor ditegur.",
                                 mediasi_id=row["id"])
                    return cek
                return None
            if hasil == "berjalan":
                return None  # still going
            t = self.kemudian(t, r.uniform(3, 8))
        return akhir

    def catatan(self, k: Kasus, jenis: str, pada: datetime, korban: dict, uraian: str,
                mediasi_id: Any = None, pemulihan: str = "") -> None:
        k.tambah("catatan", self.baris(
            "catatan", k.id, pada, jenis=jenis, tanggal=pada.astimezone(WIB).date(),
            petugas=self.rng.choice(_PENDAMPING), uraian=uraian, korban_id=korban["id"],
            pemulihan=pemulihan, mediasi_id=mediasi_id))

    def pemantauan(self, k: Kasus, l9: datetime, horizon: datetime, korban: dict) -> None:
        """L9's note, then one every few weeks while the case is open."""
        r = self.rng
        t, tahap = l9, 0
        urut = ("membaik", "pulih")
        while t <= horizon and tahap < 2:
            pulih = urut[tahap] if r.random() < 0.9 else "memburuk"
            self.catatan(k, "pemantauan", t, korban,
                         {"belum": "Korban masih trauma; pendampingan dilanjutkan.",
                          "membaik": "Korban mulai beraktivitas seperti biasa.",
                          "pulih": "Korban sudah pulih dan kembali bersekolah/bekerja.",
                          "memburuk": "Kondisi korban menurun; dirujuk konseling ulang."}[pulih],
                         pemulihan=pulih)
            tahap += 1
            t = self.kemudian(t, r.uniform(10, 30))

    # -- closure and reopening --

    def _alasan_alami(self, k: Kasus, runs: list) -> str:
        if k.kewenangan in {"kabkota", "pusat"}:
            return "dilimpahkan_tuntas"
        rencana = [x for x, _ in runs]
        if rencana and all(x.get("persetujuan_layanan") == "menolak" for x in rencana):
            return "menolak_layanan"
        return "kebutuhan_terpenuhi" if self.rng.random() < 0.9 else "lainnya"

    def tutup(self, k: Kasus, pada: datetime, alasan: str) -> dict:
        r = self.rng
        lengkap = alasan in {"kebutuhan_terpenuhi", "dilimpahkan_tuntas"}
        k.status = "selesai"
        return k.tambah("terminasi", self.baris(
            "terminasi", k.id, pada, tanggal=pada.astimezone(WIB).date(), alasan=alasan,
            keterangan={"tidak_dapat_dihubungi": "Nomor korban dan keluarga tidak aktif; "
                                                 "kunjungan rumah tidak menemukan korban.",
                        "menolak_layanan": "Korban dan keluarga menyatakan tidak ingin "
                                           "melanjutkan layanan.",
                        "meninggal": "Korban meninggal dunia karena sakit.",
                        "lainnya": "Korban pindah ke luar provinsi."}.get(alasan, ""),
            kebutuhan_terpenuhi=lengkap and r.random() < 0.97,
            korban_aman=lengkap and r.random() < 0.95 or (not lengkap and r.random() < 0.4),
            ditinjau_kasi=r.random() < 0.95, petugas=r.choice(_KASI_RUJUKAN)))

    def tutup_awal(self, k: Kasus, pada: datetime, tampung: list[dict], runs: list) -> None:
        """Closed while steps still ran: they stop (`dihentikan`, finished at the
        closure); a korban still in the shelter leaves first (the domain's rule)."""
        r, p = self.rng, k.paksa
        for t in tampung:
            if t["waktu_keluar"] is None:
                t["waktu_keluar"] = max(t["waktu_masuk"], pada - timedelta(minutes=30))
                t["tujuan_keluar"] = "keluarga"
                t["updated_at"] = t["waktu_keluar"]
        berhenti = [x for x in k.rows.get("langkah", ()) if x["finished_at"] is None]
        for x in berhenti:
            x["finished_at"] = x["updated_at"] = pada
            x["durasi_detik"] = max(0, int((pada - x["started_at"]).total_seconds()))
            x["keputusan"] = DIHENTIKAN
        alasan = r.choice(("tidak_dapat_dihubungi", "tidak_dapat_dihubungi",
                           "menolak_layanan", "lainnya", "meninggal" if r.random() < 0.1
                           else "tidak_dapat_dihubungi"))
        if p.buka:
            alasan = "tidak_dapat_dihubungi"
        row = self.tutup(k, pada, alasan)
        buka = p.buka or (p.tutup is None and r.random() < 0.15)
        # a stopped P4 would restart without the officer's deadline: reopen only others
        if not buka or not berhenti or any(x["langkah_kode"] == "P4" for x in berhenti):
            return
        dibuka = self.kal.waktu(int(self.kal.kerja(pada) + (self.w_now - self.kal.kerja(pada))
                                    * r.uniform(0.3, 0.9)) + 1)
        if dibuka >= self.now or dibuka <= pada:
            return
        row.update(dibuka_kembali_at=dibuka, alasan_buka_kembali=r.choice(_ALASAN_BUKA),
                   dibuka_kembali_oleh=r.choice(_KASI_RUJUKAN), updated_at=dibuka)
        k.status = "aktif"
        for x in berhenti:  # `langkah.lanjutkan_yang_dihentikan`: from then, onwards
            kd = x["langkah_kode"]
            if x["rencana_id"] is None:
                lanjut = k.kode_utama[k.kode_utama.index(kd):]
                utama = self.jalan(k, SOP_UTAMA, lanjut, dibuka, self.now,
                                   keputusan={"L3": k.rencana_kewenangan})
                self._setelah_utama(k, utama, self.now)
            else:
                rencana = next(y for y, _ in runs if y["id"] == x["rencana_id"])
                self.jalan(k, SOP_PENDAMPINGAN, PENDAMPINGAN[PENDAMPINGAN.index(kd):], dibuka,
                           self.now, rencana_id=x["rencana_id"], keputusan={"P2": "setuju"},
                           layanan=rencana["layanan"])


_ROMAWI = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

