"""What documents are built from: one case's rows, read once per document, and the
helpers that write them as document rows (dates in Indonesian, labels from the
reference lists, a korban's personal data only where her consent allows)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from ppa_tui.domain import referensi, validasi
from ppa_tui.domain.akses import inisial
from ppa_tui.domain.clock import baca_jam
from ppa_tui.domain.dokumen.bentuk import Baris, Dokumen, Tabel
from ppa_tui.domain.kasus import TidakDitemukan, boleh_dibagikan
from ppa_tui.domain.models import (
    Asesmen,
    CatatanKegiatan,
    Disposisi,
    Kasus,
    KekerasanKasus,
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
from ppa_tui.domain.pola_nomor import POLA_BAWAAN
from ppa_tui.domain.sop import format_durasi, load_sop

TIDAK_DICANTUMKAN = "(tidak dicantumkan)"


class DataTidakAda(TidakDitemukan):
    """A case or record asked for by the officer is not there; the text is the
    Indonesian sentence to show."""


@dataclass(frozen=True)
class Konteks:
    """Where and when a document is made, and by whom."""

    sekarang: datetime
    zona: str = "Asia/Jakarta"
    pola_nomor: str = POLA_BAWAAN
    petugas: str = ""

    @property
    def hari_ini(self) -> date:
        return self.sekarang.astimezone(ZoneInfo(self.zona)).date()


# --- reading the case ----------------------------------------------------------------

def hidup(session: Session, model: type, kasus_id: uuid.UUID) -> list[Any]:
    """The case's rows of `model` that are not removed, oldest first."""
    return list(session.exec(
        select(model).where(model.kasus_id == kasus_id)
        .where(col(model.deleted_at).is_(None))
        .order_by(col(model.created_at), col(model.id))
    ))


@dataclass
class Bahan:
    """One case's rows, each list read on first use."""

    session: Session
    kasus: Kasus
    konteks: Konteks
    _cache: dict[str, Any] = field(default_factory=dict)

    def _rows(self, model: type) -> list[Any]:
        if model.__name__ not in self._cache:
            self._cache[model.__name__] = hidup(self.session, model, self.kasus.id)
        return self._cache[model.__name__]

    @cached_property
    def pihak(self) -> list[Pihak]:
        return self._rows(Pihak)

    @property
    def pelapor(self) -> Pihak | None:
        return next((p for p in self.pihak if p.peran == "pelapor"), None)

    @property
    def korban(self) -> list[Pihak]:
        return [p for p in self.pihak if p.peran == "korban"]

    @property
    def pelaku(self) -> list[Pihak]:
        return [p for p in self.pihak if p.peran == "pelaku"]

    @cached_property
    def bentuk(self) -> list[str]:
        return sorted(r.bentuk for r in self._rows(KekerasanKasus))

    @property
    def persetujuan(self) -> list[Persetujuan]:
        return self._rows(Persetujuan)

    @property
    def asesmen(self) -> list[Asesmen]:
        return self._rows(Asesmen)

    @property
    def rencana(self) -> list[RencanaIntervensi]:
        return self._rows(RencanaIntervensi)

    @property
    def langkah(self) -> list[LangkahKasus]:
        return sorted(self._rows(LangkahKasus), key=lambda r: (r.started_at, r.created_at))

    @property
    def rujukan_masuk(self) -> list[RujukanMasuk]:
        return self._rows(RujukanMasuk)

    @property
    def pelimpahan(self) -> list[Pelimpahan]:
        return self._rows(Pelimpahan)

    @property
    def disposisi(self) -> list[Disposisi]:
        return self._rows(Disposisi)

    @property
    def penampungan(self) -> list[Penampungan]:
        return self._rows(Penampungan)

    @property
    def mediasi(self) -> list[Mediasi]:
        return self._rows(Mediasi)

    @property
    def catatan(self) -> list[CatatanKegiatan]:
        return sorted(self._rows(CatatanKegiatan),
                      key=lambda r: (r.tanggal or date.min, r.created_at))

    @property
    def terminasi(self) -> list[Terminasi]:
        return self._rows(Terminasi)

    def orang(self, pihak_id: uuid.UUID | None) -> Pihak | None:
        return next((p for p in self.pihak if p.id == pihak_id), None)

    def korban_dari(self, korban_id: uuid.UUID | None) -> Pihak | None:
        """The row's korban; without one, the case's first korban (or none)."""
        return self.orang(korban_id) or (self.korban[0] if self.korban else None)

    def asesmen_korban(self, korban_id: uuid.UUID | None) -> Asesmen | None:
        """The latest asesmen of this korban (or of the case, when none names her)."""
        cocok = [a for a in self.asesmen if a.korban_id == korban_id] or self.asesmen
        return cocok[-1] if cocok else None


def pilih_baris(rows: list[Any], ref: object, nama: str, nomor_register: str
                ) -> tuple[Any | None, int]:
    """The record a document is about and its place (1-based) among the case's:
    `ref` None is the most recent, a number N the N-th (oldest first), a UUID that
    record. None, 0 when the case has none (the document prints with lines to fill)."""
    if ref is None or ref == "":
        return (rows[-1], len(rows)) if rows else (None, 0)
    teks = str(ref).strip()
    if teks.isdigit():
        n = int(teks)
        if 1 <= n <= len(rows):
            return rows[n - 1], n
        ada = f"ada {len(rows)}" if rows else "belum ada satu pun"
        raise DataTidakAda(f"{nama.capitalize()} ke-{n} tidak ada pada kasus {nomor_register} "
                           f"({ada}).")
    try:
        cari = uuid.UUID(teks)
    except ValueError:
        raise DataTidakAda(f"\"{teks}\" bukan nomor urut {nama} (1, 2, …) atau id-nya."
                           ) from None
    for i, row in enumerate(rows, 1):
        if row.id == cari:
            return row, i
    raise DataTidakAda(f"{nama.capitalize()} {teks} tidak ada pada kasus {nomor_register}.")


# --- writing values ------------------------------------------------------------------

_SINGKATAN_ZONA = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA",
                   "Asia/Jayapura": "WIT"}


def tgl(d: date | datetime | None, zona: str = "Asia/Jakarta") -> str:
    """"23 November 2026"; "" (a line to fill) when unknown."""
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = d.astimezone(ZoneInfo(zona)).date()
    return validasi.tanggal_indonesia(d)


def waktu(dt: datetime | None, zona: str = "Asia/Jakarta", *, tanpa_jam: bool = False) -> str:
    """"23 November 2026 09.00 WIB" in the unit's time zone."""
    if dt is None:
        return ""
    lokal = dt.astimezone(ZoneInfo(zona))
    if tanpa_jam:
        return tgl(lokal.date())
    singkat = _SINGKATAN_ZONA.get(zona) or lokal.tzname() or ""
    return f"{tgl(lokal.date())} {lokal:%H.%M} {singkat}".rstrip()


def hari(d: date) -> str:
    """"Senin" (the day a berita acara is made)."""
    from babel.dates import format_date

    return format_date(d, format="EEEE", locale="id")


def durasi(detik: int | None) -> str:
    return "" if detik is None else format_durasi(timedelta(seconds=detik))


def label(daftar: str, kode: str | None) -> str:
    return referensi.label(daftar, kode) if kode else ""


def wilayah(kode: str | None) -> str:
    return (referensi.nama_wilayah(kode) or kode) if kode else ""


def peran(sop: str, kode: str) -> str:
    """A role as the SOP's data file names it (`[peran]`)."""
    return load_sop(sop).peran[kode]


def ya_tidak(nilai: bool) -> str:
    return "Ya" if nilai else "Tidak"


def label_langkah(sop_kode: str, kode: str) -> str:
    try:
        return load_sop(sop_kode).label_langkah(kode)
    except (KeyError, OSError, ValueError):  # an SOP or step since removed from the data
        return kode


def batas_langkah(sop_kode: str, kode: str) -> str:
    try:
        return load_sop(sop_kode).langkah_by_kode(kode).waktu_teks
    except (KeyError, OSError, ValueError):
        return ""


def keadaan_langkah(row: LangkahKasus, sekarang: datetime) -> str:
    """"tepat waktu", "lewat 1:10:00", "berjalan · 11:32 lagi", "dihentikan"."""
    if row.keputusan == "dihentikan":
        return "dihentikan"
    bacaan = baca_jam(row.started_at, row.deadline_at, row.finished_at, sekarang)
    if row.finished_at is None:
        return f"berjalan · {bacaan.teks}"
    if bacaan.tepat_waktu is None:
        return "selesai"
    return "tepat waktu" if bacaan.tepat_waktu else bacaan.teks.split(" · ")[-1]


def tabel_langkah(rows: list[LangkahKasus], konteks: Konteks, bahan: Bahan) -> Tabel:
    """The step timeline: which step, when it started and finished, how long it took
    against the SOP's limit."""
    layanan = {r.id: label("layanan", r.layanan) for r in bahan.rencana}
    isi = []
    for r in rows:
        nama = label_langkah(r.sop_kode, r.langkah_kode)
        if r.rencana_id in layanan:
            nama += f" ({layanan[r.rencana_id]})"
        isi.append((nama, waktu(r.started_at, konteks.zona), waktu(r.finished_at, konteks.zona),
                    durasi(r.durasi_detik), batas_langkah(r.sop_kode, r.langkah_kode),
                    keadaan_langkah(r, konteks.sekarang)))
    return Tabel(("Langkah", "Mulai", "Selesai", "Lama", "Batas SOP", "Keadaan"), tuple(isi),
                 lebar=(3.2, 2.2, 2.2, 1.6, 1.4, 1.8))


# --- people --------------------------------------------------------------------------

def nama_samaran(p: Pihak, urutan: int) -> str:
    return inisial(p.nama) or f"ke-{urutan}"


def usia_teks(p: Pihak) -> str:
    if p.usia is None:
        return ""
    return f"{p.usia} tahun" + (" (anak)" if p.anak else "")


def baris_orang(p: Pihak | None, *, peran_kosong: str = "korban", disembunyikan: bool = False,
                urutan: int = 1) -> tuple[Baris, ...]:
    """A person's rows. `disembunyikan`: a korban whose consent does not reach the
    addressee: initials for the name, and NIK, address, phone and date of birth left
    out (age and sex stay: the service needs them, they identify no one)."""
    if p is None:
        p = Pihak(kasus_id=uuid.uuid4(), peran=peran_kosong)  # an empty form to fill by hand
    rahasia = TIDAK_DICANTUMKAN if disembunyikan else None
    isi = [
        Baris("Nama", nama_samaran(p, urutan) if disembunyikan else p.nama),
        Baris("NIK", rahasia or p.nik),
        Baris("Jenis kelamin", label("jenis_kelamin", p.jenis_kelamin)),
        Baris("Tanggal lahir", rahasia or tgl(p.tanggal_lahir)),
        Baris("Usia", usia_teks(p)),
        Baris("Telepon", rahasia or (validasi.format_telepon(p.telepon) if p.telepon else "")),
        Baris("Alamat", rahasia or p.alamat),
        Baris("Kab/kota", wilayah(p.kabkota_kode)),
    ]
    if p.peran == "korban":
        wali = ", ".join(x for x in (p.wali_nama, p.wali_hubungan) if x)
        isi += [Baris("Tempat lahir", rahasia or p.tempat_lahir),
                Baris("Kecamatan / desa", rahasia or " / ".join(
                    x for x in (p.kecamatan, p.desa) if x)),
                Baris("Kewarganegaraan", " ".join(
                    x for x in (label("kewarganegaraan", p.kewarganegaraan), p.negara) if x)),
                Baris("Agama", label("agama", p.agama)),
                Baris("Usia saat kejadian", "" if p.usia_kejadian is None else
                      f"{p.usia_kejadian} tahun" + (" (anak)" if p.anak_kejadian else "")),
                Baris("Pendidikan", label("pendidikan", p.pendidikan)),
                Baris("Sekolah", rahasia or p.sekolah),
                Baris("Orang tua/wali", rahasia or wali),
                Baris("Pekerjaan", label("pekerjaan", p.pekerjaan)),
                Baris("Status perkawinan", label("status_perkawinan", p.status_perkawinan)),
                Baris("Disabilitas", ", ".join(label("disabilitas", r) for r in _ragam(p))),
                Baris("Akomodasi", p.akomodasi)]
    elif p.peran == "pelapor":
        hubungan = "Korban sendiri" if p.adalah_korban else label("hubungan_pelapor", p.hubungan)
        isi.append(Baris("Hubungan dengan korban", hubungan))
    else:
        keamanan = [t for t, ya in (("tinggal serumah dengan korban", p.tinggal_serumah),
                                    ("masih bisa menjangkau korban", p.masih_menjangkau)) if ya]
        isi += [Baris("Hubungan dengan korban", label("hubungan_pelaku", p.hubungan)),
                Baris("Keamanan korban", "; ".join(keamanan).capitalize())]
    return tuple(isi)


def _ragam(p: Pihak) -> list[str]:
    """The person's ragam disabilitas rows (revision 0006), read through the session
    the document's rows came from; an empty form has none."""
    from sqlalchemy.orm import object_session

    from ppa_tui.domain.rincian import ragam_tersimpan

    session = object_session(p)
    return ragam_tersimpan(session, p.id) if session is not None else []


@dataclass(frozen=True)
class Penyamaran:
    """Which korban of a document addressed outside the unit may be named, and what
    was left out: decided by `kasus.boleh_dibagikan` for the addressee's kind."""

    lembaga: str
    tersembunyi: frozenset[uuid.UUID]
    catatan: tuple[str, ...]
    ganti: tuple[tuple[str, str], ...]
    """(text, replacement) pairs: a hidden korban's name, NIK and phone in free text."""
    kurang: tuple[str, ...] = ()
    """Each hidden korban and the agency her consent does not reach."""

    def sembunyi(self, p: Pihak | None) -> bool:
        return p is not None and p.id in self.tersembunyi

    def saring(self, teks: str) -> str:
        """Free text (kronologi, keterangan) without a hidden korban's name, NIK or
        phone number where they appear as written."""
        for asli, pengganti in self.ganti:
            teks = re.sub(re.escape(asli), pengganti, teks, flags=re.IGNORECASE)
        return teks


def penyamaran(session: Session, korban: list[Pihak], lembaga: str) -> Penyamaran:
    tersembunyi, catatan, ganti, kurang = set(), [], [], []
    nama_lembaga = referensi.label("lembaga_persetujuan", lembaga)
    for i, p in enumerate(korban, 1):
        if boleh_dibagikan(session, p.id, lembaga):
            continue
        tersembunyi.add(p.id)
        samaran = nama_samaran(p, i)
        catatan.append(f"Data pribadi korban {samaran} tidak dicantumkan: belum ada "
                       f"persetujuan pemberian informasi untuk {nama_lembaga}.")
        kurang.append(f"korban {samaran} untuk {nama_lembaga}")
        ganti += [(s, samaran if s == p.nama.strip() else TIDAK_DICANTUMKAN)
                  for s in (p.nama.strip(), p.nik, p.telepon, p.alamat.strip()) if len(s) >= 3]
    ganti.sort(key=lambda g: -len(g[0]))
    return Penyamaran(lembaga, frozenset(tersembunyi), tuple(catatan), tuple(ganti),
                      tuple(kurang))


def baris_kejadian(kasus: Kasus, bentuk: list[str], zona: str, saring: Any = None
                   ) -> tuple[Baris, ...]:
    saring = saring or (lambda t: t)
    kapan = waktu(kasus.waktu_kejadian, zona, tanpa_jam=kasus.kejadian_tanpa_jam)
    if kapan and kasus.kejadian_perkiraan:
        kapan += " (perkiraan)"
    return (
        Baris("Waktu kejadian", kapan),
        Baris("Tempat kejadian", label("tempat_kejadian", kasus.tempat_kejadian)),
        Baris("Kab/kota kejadian", wilayah(kasus.kejadian_kabkota_kode)),
        Baris("Alamat kejadian", saring(kasus.kejadian_alamat)),
        Baris("Bentuk kekerasan", ", ".join(label("bentuk_kekerasan", b) for b in bentuk)),
        Baris("Kronologi", saring(kasus.kronologi), panjang=True),
    )


@dataclass(frozen=True)
class Cetakan:
    """What the dispatcher decided before a builder runs: the record the document is
    about (and its place among the case's), its number and date."""

    kode: str
    judul: str
    jenis: str
    nama_berkas: str
    tanggal: date
    tempat: str
    nomor_surat: str = ""
    row: Any = None
    urutan: int = 0


def jadi(b: Bahan, c: Cetakan, **isi: Any) -> Dokumen:
    """The document a builder composed, with what the dispatcher decided."""
    return Dokumen(kode=c.kode, judul=isi.pop("judul", c.judul), jenis=c.jenis,
                   nomor_register=b.kasus.nomor_register, tanggal=c.tanggal, tempat=c.tempat,
                   nama_berkas=c.nama_berkas, nomor_surat=c.nomor_surat, **isi)


def nama_korban(b: Bahan) -> str:
    return ", ".join(p.nama or f"(korban ke-{i}, tanpa nama)"
                     for i, p in enumerate(b.korban, 1))


def tabel_rencana(b: Bahan) -> Tabel:
    return Tabel(("No", "Layanan", "Penyedia", "Tenggat", "Pendamping", "Status"),
                 tuple((str(i), label("layanan", r.layanan), r.penyedia, tgl(r.tenggat),
                        r.pendamping, label("status_rencana", r.status))
                       for i, r in enumerate(b.rencana, 1)),
                 lebar=(0.5, 2, 2.6, 1.6, 1.8, 1.4))
