"""The case file as the case screen shows it: every running clock (the main track,
each service's pendampingan, each shelter stay), the step history, and one line per
record with the form that edits it. Built in a worker thread; frozen, no ORM inside.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from ppa_tui.domain import referensi, rincian, validasi
from ppa_tui.domain.clock import BacaanJam, baca_jam
from ppa_tui.domain.langkah import DIHENTIKAN, Lanjutan, lanjutan
from ppa_tui.domain.models import (
    Asesmen,
    CatatanKegiatan,
    Disposisi,
    Kasus,
    LangkahKasus,
    Mediasi,
    Pelimpahan,
    Penampungan,
    Persetujuan,
    Pihak,
    RencanaIntervensi,
    RujukanMasuk,
    Terminasi,
)
from ppa_tui.domain.readmodel import JamLangkah, jam_langkah
from ppa_tui.domain.sop import load_sop

BELUM = "— belum diisi —"
ZONA_BAWAAN = ZoneInfo("Asia/Jakarta")  # Settings.zona_waktu's default
UTAMA = "Utama"


def jam_dari(row: LangkahKasus, kalender: Any = None) -> JamLangkah:
    return jam_langkah(row.sop_kode, row.langkah_kode, row.started_at, row.deadline_at,
                       kalender=kalender)


@dataclass(frozen=True)
class Butir:
    """One line of the case screen: what it is, a summary, and the form that edits it."""

    kunci: str
    judul: str
    ringkas: str
    form_id: str
    target_id: uuid.UUID | None
    nilai: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Berjalan:
    """A clock running in this case: a step of a run, or a shelter stay."""

    kunci: str  # "langkah:<id>" or "penampungan:<id>"
    alur: str  # "Utama", "Kesehatan", "Penampungan"
    jam: JamLangkah
    langkah_id: uuid.UUID | None = None
    penampungan_id: uuid.UUID | None = None
    lanjutan: Lanjutan | None = None
    pelaksana: tuple[str, ...] = ()  # the roles the SOP names for the step


@dataclass(frozen=True)
class LangkahBaris:
    """One row of the step table: a running clock (ticking) or a finished step."""

    kunci: str
    alur: str
    label: str
    bacaan: BacaanJam
    berjalan: Berjalan | None = None


@dataclass(frozen=True)
class RencanaRingkas:
    id: uuid.UUID
    label: str
    status: str
    ada_pendampingan: bool


@dataclass(frozen=True)
class KasusDetail:
    id: uuid.UUID
    nomor_register: str
    waktu_diterima: datetime
    status: str
    jalur: str
    jam: JamLangkah | None  # the most urgent running clock
    butir: list[Butir]
    langkah: list[LangkahBaris]
    korban: tuple[tuple[str, str], ...]
    korban_anak: frozenset[str]
    pelaku: tuple[tuple[str, str], ...] = ()  # (id, label) for a korban–pelaku pair
    berjalan: tuple[Berjalan, ...] = ()
    keadaan: str = ""  # where the case stands when no main step runs
    mediasi_ditolak: str | None = None
    rencana: tuple[RencanaRingkas, ...] = ()
    mediasi: tuple[tuple[str, str], ...] = ()  # (id, label) for a kesepakatan check

    @property
    def ditutup(self) -> bool:
        return self.status == "selesai"


def _hidup(session: Session, model: type, kasus_id: uuid.UUID, order: object) -> list:
    return list(
        session.exec(
            select(model)
            .where(model.kasus_id == kasus_id)
            .where(col(model.deleted_at).is_(None))
            .order_by(order)
        )
    )


def _tgl(d: Any) -> str:
    return validasi.format_tanggal(d) if d else "—"


def detail_kasus(
    session: Session,
    kasus_id: uuid.UUID,
    now: datetime,
    zona: ZoneInfo | None = None,
    kalender: Any = None,
) -> KasusDetail | None:
    """Everything the case screen shows; `zona` is the desk's (local dates in summaries),
    `kalender` the unit's working-time calendar (None: clock time)."""
    kasus = session.get(Kasus, kasus_id)
    if kasus is None or kasus.deleted_at is not None:
        return None
    zona = zona or ZONA_BAWAAN
    sop = load_sop(kasus.sop_kode)
    pihak = _hidup(session, Pihak, kasus_id, Pihak.created_at)
    nama_korban = {p.id: p.nama or "(tanpa nama)" for p in pihak if p.peran == "korban"}
    steps = _hidup(session, LangkahKasus, kasus_id, LangkahKasus.started_at)
    rencana = _hidup(session, RencanaIntervensi, kasus_id, RencanaIntervensi.created_at)
    rencana_by = {r.id: r for r in rencana}
    tampung = _hidup(session, Penampungan, kasus_id, Penampungan.waktu_masuk)

    def alur(row: LangkahKasus) -> str:
        """The run a step belongs to: "Utama", or the service ("Kesehatan"); which
        korban it serves is on its rencana's line."""
        r = rencana_by.get(row.rencana_id) if row.rencana_id else None
        return UTAMA if r is None else referensi.label("layanan", r.layanan)

    berjalan: list[Berjalan] = []
    for row in steps:
        if row.finished_at is not None:
            continue
        try:
            s = load_sop(row.sop_kode)
            lk = s.langkah_by_kode(row.langkah_kode)
            lanjut = lanjutan(s, row.langkah_kode, row.rencana_id is not None)
            peran = tuple(s.peran[p] for p in lk.pelaksana)
        except KeyError:  # a step of another version of the SOP data: shown, not fatal
            lanjut, peran = None, ()
        berjalan.append(Berjalan(f"langkah:{row.id}", alur(row), jam_dari(row, kalender),
                                 langkah_id=row.id, lanjutan=lanjut, pelaksana=peran))
    for t in tampung:
        if t.waktu_keluar is None:
            berjalan.append(Berjalan(f"penampungan:{t.id}", "Penampungan",
                                     jam_penampungan(t), penampungan_id=t.id))
    berjalan.sort(key=lambda b: (b.jam.deadline_at is None, b.jam.deadline_at or now))

    langkah: list[LangkahBaris] = [
        LangkahBaris(b.kunci, b.alur, b.jam.label, b.jam.baca(now), b) for b in berjalan
    ]
    for row in steps:
        if row.finished_at is None:
            continue
        j = jam_dari(row, kalender)
        bacaan = baca_jam(row.started_at, row.deadline_at, row.finished_at, now,
                          j.peringatan_rasio, **({"kalender": j.kalender} if j.kalender else {}))
        if row.keputusan == DIHENTIKAN:
            teks = "dihentikan (kasus ditutup)"
        elif row.keputusan:  # the decision matters more than "tepat waktu" in 34 columns
            daftar = "kewenangan" if row.rencana_id is None else "persetujuan_layanan"
            teks = selesai_singkat(bacaan, tepat=False)
            teks += " · " + referensi.label(daftar, row.keputusan).split(" ")[0]
        else:
            teks = selesai_singkat(bacaan)
        bacaan = BacaanJam(bacaan.status, bacaan.sisa, bacaan.durasi, teks,
                           None if row.keputusan == DIHENTIKAN else bacaan.tepat_waktu,
                           bacaan.sehari_kerja)
        langkah.append(LangkahBaris(f"langkah:{row.id}", alur(row), j.label, bacaan))

    butir = _butir(session, kasus, pihak, rencana, tampung, nama_korban, zona, steps)
    korban = tuple(
        (str(p.id), (p.nama or "(tanpa nama)") + (" · ANAK" if p.anak else ""))
        for p in pihak
        if p.peran == "korban"
    )
    from ppa_tui.domain.pengelolaan import mediasi_ditolak

    mediasi = _hidup(session, Mediasi, kasus_id, Mediasi.created_at)
    return KasusDetail(
        id=kasus.id,
        nomor_register=kasus.nomor_register,
        waktu_diterima=kasus.waktu_diterima,
        status=kasus.status,
        jalur=sop.jalur.get(kasus.jalur, kasus.jalur),
        jam=berjalan[0].jam if berjalan else None,
        butir=butir,
        langkah=langkah,
        korban=korban,
        pelaku=tuple((str(p.id), _nama_urut(pihak, p)) for p in pihak if p.peran == "pelaku"),
        korban_anak=frozenset(str(p.id) for p in pihak if p.peran == "korban" and p.anak),
        berjalan=tuple(berjalan),
        keadaan=_keadaan(session, kasus, berjalan),
        mediasi_ditolak=mediasi_ditolak(session, kasus_id),
        rencana=tuple(
            RencanaRingkas(r.id, ringkas_rencana(r), r.status,
                           any(s.rencana_id == r.id for s in steps))
            for r in rencana
        ),
        mediasi=tuple((str(m.id), ringkas_mediasi(m, zona)) for m in mediasi),
    )


def selesai_singkat(bacaan: BacaanJam, tepat: bool = True) -> str:
    """A finished step in the step table's 34 columns: "selesai 6:00 · tepat waktu",
    "selesai 1:20:00 · lewat 20:00" (working time where the SOP counts it)."""
    from ppa_tui.domain.clock import format_sisa, format_sisa_kerja

    def waktu(td: timedelta) -> str:
        sehari = bacaan.sehari_kerja
        return format_sisa(td) if sehari is None else format_sisa_kerja(td, sehari)

    teks = f"selesai {waktu(bacaan.durasi or timedelta(0))}"
    if bacaan.tepat_waktu is True and tepat:
        teks += " · tepat waktu"
    elif bacaan.tepat_waktu is False and bacaan.sisa is not None:
        teks += f" · lewat {waktu(-bacaan.sisa)}"
    return teks


def jam_penampungan(t: Penampungan) -> JamLangkah:
    """A shelter stay's countdown, in calendar days; the warning from day 10."""
    from ppa_tui.domain.pengelolaan import aturan_penampungan

    batas, peringatan = aturan_penampungan()
    total = max(t.batas_at - t.waktu_masuk, timedelta(seconds=1))
    rasio = min(1.0, max(0.0, timedelta(days=batas - peringatan) / total))
    hari = (t.batas_at - t.waktu_masuk).days
    return JamLangkah(f"Penampungan maks. {hari} hari", t.waktu_masuk, t.batas_at, rasio)


def _keadaan(session: Session, kasus: Kasus, berjalan: list[Berjalan]) -> str:
    """Where the case stands in words, when its main track has no running step."""
    if kasus.status == "selesai":
        akhir = session.exec(
            select(Terminasi).where(Terminasi.kasus_id == kasus.id)
            .where(col(Terminasi.deleted_at).is_(None))
            .order_by(col(Terminasi.created_at).desc())
        ).first()
        alasan = referensi.label("alasan_terminasi", akhir.alasan) if akhir else ""
        return "Kasus ditutup" + (f": {alasan}" if alasan else "") + " (o: buka kembali)"
    if any(b.alur == UTAMA for b in berjalan):
        return ""
    limpah = session.exec(
        select(Pelimpahan).where(Pelimpahan.kasus_id == kasus.id)
        .where(col(Pelimpahan.deleted_at).is_(None))
        .order_by(col(Pelimpahan.created_at).desc())
    ).first()
    if limpah is not None and limpah.tanggal_tanda_terima is None:
        return "Dilimpahkan; menunggu tanda terima (Enter pada baris Pelimpahan)"
    if limpah is not None:
        return "Dilimpahkan, tanda terima sudah kembali: jalur selesai (x: tutup kasus)"
    return "Jalur utama selesai: kasus tetap aktif sampai ditutup (x: tutup kasus)"


def _butir(session: Session, kasus: Kasus, pihak: list[Pihak],
           rencana: list[RencanaIntervensi], tampung: list[Penampungan],
           nama_korban: dict, zona: ZoneInfo, langkah: list[LangkahKasus]) -> list[Butir]:
    kasus_id = kasus.id
    butir: list[Butir] = []
    rujukan = _hidup(session, RujukanMasuk, kasus_id, RujukanMasuk.created_at)
    for row in rujukan:
        butir.append(Butir(f"rujukan_masuk:{row.id}", "Rujukan", ringkas_rujukan(row),
                           "rujukan_masuk", row.id, row.model_dump()))
    if not rujukan and any(s.langkah_kode == "L4a" for s in langkah):  # brought in a guest
        butir.append(Butir("rujukan_masuk:baru", "Rujukan", BELUM, "rujukan_masuk", None))
    for peran, judul in (("pelapor", "Pelapor"), ("korban", "Korban"), ("pelaku", "Pelaku")):
        rows = [p for p in pihak if p.peran == peran]
        if not rows:
            butir.append(Butir(f"{peran}:baru", judul, BELUM, peran, None))
        for i, p in enumerate(rows, 1):
            label = judul if peran == "pelapor" else f"{judul} {i}"
            nilai = p.model_dump() | {"ragam_disabilitas": rincian.ragam_tersimpan(session, p.id)}
            if peran == "korban":
                nilai["bentuk_kekerasan"] = rincian.bentuk_tersimpan(session, kasus_id, p.id)
            butir.append(Butir(f"{peran}:{p.id}", label, ringkas_pihak(p), peran, p.id, nilai))
    butir.extend(_butir_hubungan(session, kasus_id, pihak))
    bentuk = rincian.bentuk_tersimpan(session, kasus_id, None)
    kejadian = kasus.model_dump() | {"bentuk_kekerasan": bentuk}
    butir.append(Butir("kejadian", "Kejadian", ringkas_kejadian(kasus, bentuk, zona=zona),
                       "kejadian", kasus.id, kejadian))
    persetujuan = _hidup(session, Persetujuan, kasus_id, Persetujuan.created_at)
    asesmen = _hidup(session, Asesmen, kasus_id, Asesmen.created_at)
    if not persetujuan:
        butir.append(Butir("persetujuan:baru", "Persetujuan", BELUM, "persetujuan", None))
    if not asesmen:
        butir.append(Butir("asesmen:baru", "Asesmen", BELUM, "asesmen", None))
    for row in persetujuan:
        butir.append(Butir(f"persetujuan:{row.id}", "Persetujuan", ringkas_persetujuan(row),
                           "persetujuan", row.id, row.model_dump()))
    for row in asesmen:
        risiko = referensi.label("tingkat_risiko", row.tingkat_risiko)
        butir.append(Butir(f"asesmen:{row.id}", "Asesmen", f"Risiko {risiko}", "asesmen",
                           row.id, row.model_dump()))
    for row in rencana:
        butir.append(Butir(f"rencana:{row.id}", "Rencana", ringkas_rencana(row), "rencana",
                           row.id, row.model_dump()))
    for row in _hidup(session, Pelimpahan, kasus_id, Pelimpahan.created_at):
        butir.append(Butir(f"pelimpahan:{row.id}", "Pelimpahan", ringkas_pelimpahan(row),
                           "pelimpahan", row.id, row.model_dump()))
    for row in _hidup(session, Disposisi, kasus_id, Disposisi.created_at):
        nilai = row.model_dump() | {"instruksi": [x for x in row.instruksi.split(",") if x]}
        butir.append(Butir(f"disposisi:{row.id}", "Disposisi", ringkas_disposisi(row),
                           "disposisi", row.id, nilai))
    for row in tampung:
        butir.append(Butir(f"penampungan:{row.id}", "Penampungan",
                           ringkas_penampungan(row, nama_korban, zona), "penampungan", row.id,
                           row.model_dump()))
    for row in _hidup(session, Mediasi, kasus_id, Mediasi.created_at):
        butir.append(Butir(f"mediasi:{row.id}", "Mediasi", ringkas_mediasi(row, zona),
                           "mediasi", row.id, row.model_dump()))
    for row in _hidup(session, CatatanKegiatan, kasus_id, CatatanKegiatan.tanggal):
        butir.append(Butir(f"catatan:{row.id}", "Catatan", ringkas_catatan(row), "catatan",
                           row.id, row.model_dump()))
    for row in _hidup(session, Terminasi, kasus_id, Terminasi.created_at):
        butir.append(Butir(f"terminasi:{row.id}", "Ditutup", ringkas_terminasi(row, zona),
                           "terminasi", row.id, row.model_dump()))
    return butir


# ---- one-line summaries --------------------------------------------------------------


def _nama_urut(pihak: list[Pihak], p: Pihak) -> str:
    """"Pelaku 2 · Budi": the number the case file shows, then the name."""
    sama = [x for x in pihak if x.peran == p.peran]
    judul = "Korban" if p.peran == "korban" else "Pelaku"
    return f"{judul} {sama.index(p) + 1} · {p.nama or '(tanpa nama)'}"


def _butir_hubungan(session: Session, kasus_id: uuid.UUID, pihak: list[Pihak]) -> list[Butir]:
    """One line per korban–pelaku pair, only where a case has several korban or
    several pelaku (with one of each, the pelaku's own line says it)."""
    korban = [p for p in pihak if p.peran == "korban"]
    pelaku = [p for p in pihak if p.peran == "pelaku"]
    if len(korban) < 2 and len(pelaku) < 2:
        return []
    orang = {p.id: p for p in pihak}
    out = []
    for row in rincian.pasangan(session, kasus_id):
        kb, pl = orang.get(row.korban_id), orang.get(row.pelaku_id)
        if kb is None or pl is None:
            continue
        teks = (f"{_nama_urut(pihak, kb).split(' · ')[0]} ↔ {_nama_urut(pihak, pl)}: "
                f"{referensi.label('hubungan_pelaku', row.hubungan) or 'belum diisi'}")
        out.append(Butir(f"hubungan:{row.id}", "Hubungan", teks, "hubungan", row.id,
                         {"korban_id": str(row.korban_id), "pelaku_id": str(row.pelaku_id),
                          "hubungan": row.hubungan}))
    return out


def ringkas_pihak(p: Pihak) -> str:
    bagian = [p.nama or "(tanpa nama)"]
    if p.jenis_kelamin:
        bagian.append(p.jenis_kelamin.upper())
    if p.usia is not None:
        bagian.append(f"{p.usia} th")
    if p.anak:
        bagian.append("ANAK")
    if p.peran == "korban" and p.simfoni_diinput_pada is not None:
        bagian.append("SIMFONI ✓")
    if p.peran == "pelapor" and p.adalah_korban:
        bagian.append("korban sendiri")
    elif p.hubungan:
        daftar = "hubungan_pelaku" if p.peran == "pelaku" else "hubungan_pelapor"
        bagian.append(referensi.label(daftar, p.hubungan))
    return " · ".join(bagian)


LEBAR_RINGKAS = 60  # the case screen's summary column at 80x24


def ringkas_kejadian(
    kasus: Kasus,
    bentuk: list[str],
    *,
    zona: ZoneInfo | None = None,
    lebar: int = LEBAR_RINGKAS,
) -> str:
    """One line of what the kejadian holds: when (local; "perkiraan" when approximate,
    the hour only when known), what, where, then the start of the kronologi (or the
    address), cut to `lebar` characters. Any one of them is enough to show."""
    bagian = []
    if kasus.waktu_kejadian is not None:
        lokal = kasus.waktu_kejadian.astimezone(zona or ZONA_BAWAAN)
        waktu = (
            validasi.format_tanggal(lokal)
            if kasus.kejadian_tanpa_jam
            else validasi.format_waktu(lokal)
        )
        bagian.append(waktu + (" (perkiraan)" if kasus.kejadian_perkiraan else ""))
    if bentuk:
        bagian.append(", ".join(referensi.label("bentuk_kekerasan", b) for b in bentuk))
    if kasus.tempat_kejadian:
        bagian.append(referensi.label("tempat_kejadian", kasus.tempat_kejadian))
    if kode := kasus.kejadian_kabkota_kode:
        bagian.append(referensi.nama_wilayah(kode) or kode)
    if cerita := " ".join((kasus.kronologi or kasus.kejadian_alamat or "").split()):
        bagian.append(cerita)  # one line: newlines and runs of spaces become one space
    return potong(" · ".join(bagian), lebar) or BELUM


def potong(teks: str, lebar: int) -> str:
    """`teks` cut to `lebar` characters, "…" marking the cut."""
    return teks if len(teks) <= lebar else teks[: lebar - 1].rstrip() + "…"


def _satu_baris(*bagian: str) -> str:
    return potong(" · ".join(" ".join(b.split()) for b in bagian if b), LEBAR_RINGKAS)


def ringkas_persetujuan(row: Persetujuan) -> str:
    izin = [
        label
        for attr, label in (
            ("izin_kesehatan", "kesehatan"),
            ("izin_hukum", "hukum"),
            ("izin_psikolog", "psikolog"),
            ("izin_dinsos", "dinsos"),
            ("izin_uptd_kabkota", "UPTD kab/kota"),
            ("izin_lainnya", "lainnya"),
        )
        if getattr(row, attr)
    ]
    oleh = "wali" if row.pemberi == "orang_tua_wali" else "korban"
    return f"oleh {oleh}: " + (", ".join(izin) if izin else "tidak untuk dibagikan")


def ringkas_rencana(row: RencanaIntervensi) -> str:
    layanan = referensi.label("layanan", row.layanan)
    if row.status and row.status != "direncanakan":  # a plan not started yet says nothing
        layanan += f" ({referensi.label('status_rencana', row.status).lower()})"
    bagian = [layanan]
    if row.penyedia:
        bagian.append(row.penyedia)
    if row.tenggat:
        bagian.append(f"s.d. {row.tenggat:%d-%m-%Y}")
    return _satu_baris(*bagian)


def ringkas_rujukan(row: RujukanMasuk) -> str:
    asal = row.lembaga_asal or referensi.nama_wilayah(row.kabkota_kode) or "(asal belum diisi)"
    return _satu_baris(f"dari {asal}", row.nomor_surat,
                       _tgl(row.tanggal_surat) if row.tanggal_surat else "", row.ringkasan)


def ringkas_pelimpahan(row: Pelimpahan) -> str:
    ke = row.tujuan_nama or (referensi.label("tujuan_pelimpahan", row.tujuan_jenis)
                             if row.tujuan_jenis else "(penerima belum diisi)")
    terima = (f"tanda terima {_tgl(row.tanggal_tanda_terima)}" if row.tanggal_tanda_terima
              else "tanda terima belum kembali")
    return _satu_baris(f"ke {ke}", f"kirim {_tgl(row.tanggal_kirim)}", terima)


def ringkas_disposisi(row: Disposisi) -> str:
    instruksi = ", ".join(referensi.label("instruksi_disposisi", x)
                          for x in row.instruksi.split(",") if x)
    return _satu_baris(_tgl(row.tanggal), instruksi or row.instruksi_lain,
                       f"kepada {row.kepada}" if row.kepada else "")


def ringkas_penampungan(row: Penampungan, nama_korban: dict, zona: ZoneInfo) -> str:
    nama = nama_korban.get(row.korban_id, "") if row.korban_id else ""
    masuk = f"masuk {validasi.format_tanggal(row.waktu_masuk.astimezone(zona))}"
    if row.waktu_keluar is not None:
        keluar = f"keluar {validasi.format_tanggal(row.waktu_keluar.astimezone(zona))}"
        if row.tujuan_keluar:
            keluar += " → " + referensi.label("tujuan_keluar_penampungan", row.tujuan_keluar)
    else:
        keluar = f"batas {validasi.format_tanggal(row.batas_at.astimezone(zona))}"
    lebih = f"diperpanjang {row.perpanjangan_hari} hari" if row.perpanjangan_hari else ""
    return _satu_baris(nama, masuk, keluar, lebih, row.ruang)


def ringkas_mediasi(row: Mediasi, zona: ZoneInfo) -> str:
    waktu = validasi.format_tanggal(row.waktu.astimezone(zona)) if row.waktu else "—"
    hasil = referensi.label("hasil_mediasi", row.hasil) if row.hasil else ""
    tanda = "ditandatangani" if row.ditandatangani else ""
    return _satu_baris(waktu, hasil, tanda, row.mediator)


def ringkas_catatan(row: CatatanKegiatan) -> str:
    jenis = referensi.label("jenis_catatan", row.jenis).split(" (")[0]
    pulih = referensi.label("pemulihan", row.pemulihan) if row.pemulihan else ""
    return _satu_baris(jenis, _tgl(row.tanggal), pulih, row.uraian)


def ringkas_terminasi(row: Terminasi, zona: ZoneInfo) -> str:
    buka = ""
    if row.dibuka_kembali_at is not None:
        buka = "dibuka kembali " + validasi.format_tanggal(row.dibuka_kembali_at.astimezone(zona))
    return _satu_baris(referensi.label("alasan_terminasi", row.alasan), _tgl(row.tanggal), buka)
