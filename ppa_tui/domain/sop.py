"""The unit's SOPs, read from the data files in ``data/sop/``.

Steps, roles, documents and time limits are data transcribed from the SOP documents,
so a revised SOP is an edited TOML file, not a code change. Everything is checked when
the file is loaded: a bad value fails there with the step's name, not later on screen.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from types import MappingProxyType

from ppa_tui.domain.sumber import folder

__all__ = [
    "HITUNGAN",
    "Langkah",
    "Sop",
    "format_durasi",
    "load_sop",
    "parse_durasi",
    "semua_sop",
]

RINGKAS_MAX = 24  # one-line clock: "2/9 <ringkas> · 11:32 lagi"
HITUNGAN = ("kerja", "jam")  # limits count working time (the unit's calendar) or clock time

_SATUAN = {"hari": timedelta(days=1), "jam": timedelta(hours=1),
           "menit": timedelta(minutes=1), "detik": timedelta(seconds=1)}
_POTONGAN = re.compile(r"(\d+)\s*([a-zA-Z]+)")


def parse_durasi(text: str) -> timedelta | None:
    """Read an SOP time text such as "45 Menit" or "1 hari 10 jam 25 menit".

    Text without any number ("Tergantung jenis intervensi ...") means the SOP sets no
    fixed limit and gives None. Text with numbers must be nothing but
    ``<number> <hari|jam|menit|detik>`` pairs, else ValueError. 1 hari comes back as
    24 jam; an SOP that counts working time (``hitungan = "kerja"``) reads each whole
    day as one working day's hours (``domain/kalender.py``).
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"teks waktu kosong atau bukan teks: {text!r}")
    if not any(c.isdigit() for c in text):
        return None
    total, dipakai, pos = timedelta(), set(), 0
    rest = text.strip()
    while pos < len(rest):
        m = _POTONGAN.match(rest, pos)
        satuan = m.group(2).lower() if m else None
        if m is None or satuan not in _SATUAN or satuan in dipakai:
            raise ValueError(f"teks waktu tidak dikenal: {text!r}")
        dipakai.add(satuan)
        total += int(m.group(1)) * _SATUAN[satuan]
        pos = m.end()
        while pos < len(rest) and rest[pos].isspace():
            pos += 1
    return total


def format_durasi(td: timedelta) -> str:
    """Write a duration the way the SOPs do ("1 hari 10 jam 25 menit"); 0 is "0 menit".

    Whole seconds only (sub-second parts are dropped); the inverse of parse_durasi.
    """
    detik = int(td.total_seconds())
    if detik < 0:
        raise ValueError(f"durasi negatif: {td}")
    bagian = []
    for nama, satu in _SATUAN.items():
        n, detik = divmod(detik, int(satu.total_seconds()))
        if n:
            bagian.append(f"{n} {nama}")
    return " ".join(bagian) or "0 menit"


@dataclass(frozen=True)
class Langkah:
    """One row of an SOP table. ``batas`` None: the officer sets the limit per case."""

    kode: str
    nomor: str
    jalur: str
    kegiatan: str
    ringkas: str
    pelaksana: tuple[str, ...]
    kelengkapan: tuple[str, ...]
    waktu_teks: str
    batas: timedelta | None
    output: str
    pelaksana_dikonfirmasi: bool = True  # False: the seed lost the roles, ours is a reading
    form_selesai: str = ""  # the form (screens/<id>.toml) filled when the step finishes
    cabang: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    """The decision (`keputusan`) picks the next step: "" ends the track; a decision
    not listed goes on to the next step of the track."""


@dataclass(frozen=True)
class Sop:
    """One SOP: its tracks (jalur), roles (peran) and steps (langkah) in file order.

    ``hitungan``: "kerja" when its limits count the unit's working time, "jam" for clock
    time (the SOP's own data says which; see ``domain/kalender.untuk_sop``).
    """

    kode: str
    nama: str
    nomor_dokumen: str
    total_tertulis: str
    peringatan_rasio: float
    hitungan: str
    jalur: Mapping[str, str]
    peran: Mapping[str, str]
    langkah: tuple[Langkah, ...]

    def total(self) -> timedelta:
        """Sum of every fixed limit (steps without one count as zero)."""
        return sum((lk.batas for lk in self.langkah if lk.batas is not None), timedelta())

    def langkah_jalur(self, jalur: str) -> tuple[Langkah, ...]:
        if jalur not in self.jalur:
            raise KeyError(f"SOP {self.kode}: jalur tidak dikenal: {jalur!r}")
        return tuple(lk for lk in self.langkah if lk.jalur == jalur)

    def langkah_by_kode(self, kode: str) -> Langkah:
        for lk in self.langkah:
            if lk.kode == kode:
                return lk
        raise KeyError(f"SOP {self.kode}: langkah tidak dikenal: {kode!r}")

    def berikutnya(self, kode: str, keputusan: str = "") -> Langkah | None:
        """The step after ``kode``: the one its `cabang` names for ``keputusan``, else
        the next of the same jalur; None where the track ends."""
        sekarang = self.langkah_by_kode(kode)
        if keputusan and keputusan in sekarang.cabang:
            tujuan = sekarang.cabang[keputusan]
            return self.langkah_by_kode(tujuan) if tujuan else None
        urutan = self.langkah_jalur(sekarang.jalur)
        i = urutan.index(sekarang)
        return urutan[i + 1] if i + 1 < len(urutan) else None

    @property
    def nomor_terakhir(self) -> str:
        return max((lk.nomor for lk in self.langkah), key=int)

    def posisi(self, kode: str) -> tuple[int, int]:
        """Where a step stands within its own track: (2, 3) for step 2 of dasar."""
        lk = self.langkah_by_kode(kode)
        urutan = self.langkah_jalur(lk.jalur)
        return urutan.index(lk) + 1, len(urutan)

    def label_langkah(self, kode: str) -> str:
        """The clock's label, counted within the step's track: "2/3 Mencatat aduan"
        on the dasar track (not "2/9": a case walks one track at a time)."""
        ke, dari = self.posisi(kode)
        return f"{ke}/{dari} {self.langkah_by_kode(kode).ringkas}"


# --- loading -------------------------------------------------------------------------

def _teks(d: dict, kunci: str, asal: str, boleh_kosong: bool = False) -> str:
    v = d.get(kunci)
    if not isinstance(v, str) or (not boleh_kosong and not v.strip()):
        raise ValueError(f"{asal}: '{kunci}' harus teks{'' if boleh_kosong else ' tidak kosong'}, "
                         f"didapat {v!r}")
    return v


def _daftar(d: dict, kunci: str, asal: str) -> tuple[str, ...]:
    v = d.get(kunci, [])
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise ValueError(f"{asal}: '{kunci}' harus daftar teks, didapat {v!r}")
    return tuple(v)


def _tabel(d: dict, kunci: str, asal: str) -> Mapping[str, str]:
    v = d.get(kunci)
    if not isinstance(v, dict) or not v or not all(isinstance(x, str) for x in v.values()):
        raise ValueError(f"{asal}: [{kunci}] harus tabel kode = \"nama\"")
    return MappingProxyType(dict(v))


def _langkah(d: dict, asal: str, jalur: Mapping[str, str], peran: Mapping[str, str]) -> Langkah:
    kode = _teks(d, "kode", asal)
    asal = f"{asal}, langkah {kode}"
    nomor = _teks(d, "nomor", asal)
    if not nomor.isdigit():
        raise ValueError(f"{asal}: 'nomor' harus angka, didapat {nomor!r}")
    j = _teks(d, "jalur", asal)
    if j not in jalur:
        raise ValueError(f"{asal}: jalur {j!r} tidak ada di [jalur]")
    ringkas = _teks(d, "ringkas", asal)
    if len(ringkas) > RINGKAS_MAX:
        raise ValueError(f"{asal}: 'ringkas' lebih dari {RINGKAS_MAX} karakter: {ringkas!r}")
    pelaksana = _daftar(d, "pelaksana", asal)
    if not pelaksana:
        raise ValueError(f"{asal}: 'pelaksana' kosong")
    if asing := sorted(set(pelaksana) - set(peran)):
        raise ValueError(f"{asal}: pelaksana tidak ada di [peran]: {asing}")
    dikonfirmasi = d.get("pelaksana_dikonfirmasi", True)
    if not isinstance(dikonfirmasi, bool):
        raise ValueError(f"{asal}: 'pelaksana_dikonfirmasi' harus true/false")
    waktu = _teks(d, "waktu", asal)
    try:
        batas = parse_durasi(waktu)
    except ValueError as e:
        raise ValueError(f"{asal}: 'waktu' salah: {e}") from None
    cabang = d.get("cabang", {})
    if not isinstance(cabang, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in cabang.items()
    ):
        raise ValueError(f"{asal}: 'cabang' harus tabel keputusan = \"kode langkah\"")
    return Langkah(
        kode=kode, nomor=nomor, jalur=j, kegiatan=_teks(d, "kegiatan", asal),
        ringkas=ringkas, pelaksana=pelaksana, kelengkapan=_daftar(d, "kelengkapan", asal),
        waktu_teks=waktu, batas=batas, output=_teks(d, "output", asal, boleh_kosong=True),
        pelaksana_dikonfirmasi=dikonfirmasi,
        form_selesai=_teks(d, "form_selesai", asal, boleh_kosong=True)
        if "form_selesai" in d else "",
        cabang=MappingProxyType(dict(cabang)),
    )


def _sop_dari(data: dict, asal: str) -> Sop:
    """Build and check a Sop from parsed TOML; ``asal`` names the file in errors."""
    jalur, peran = _tabel(data, "jalur", asal), _tabel(data, "peran", asal)
    rasio = data.get("peringatan_rasio")
    if isinstance(rasio, bool) or not isinstance(rasio, (int, float)) or not 0 <= rasio <= 1:
        raise ValueError(f"{asal}: 'peringatan_rasio' harus angka 0..1, didapat {rasio!r}")
    hitungan = data.get("hitungan")
    if hitungan not in HITUNGAN:
        raise ValueError(f"{asal}: 'hitungan' harus \"kerja\" (waktu kerja unit) atau "
                         f"\"jam\" (waktu jam dinding), didapat {hitungan!r}")
    baris = data.get("langkah")
    if not isinstance(baris, list) or not baris:
        raise ValueError(f"{asal}: tidak ada [[langkah]]")
    langkah = tuple(_langkah(d, asal, jalur, peran) for d in baris)
    kode_semua = [lk.kode for lk in langkah]
    if len(set(kode_semua)) != len(kode_semua):
        raise ValueError(f"{asal}: kode langkah ganda: {kode_semua}")
    for lk in langkah:
        if asing := sorted(v for v in lk.cabang.values() if v and v not in kode_semua):
            raise ValueError(f"{asal}, langkah {lk.kode}: cabang ke langkah tak dikenal {asing}")
    return Sop(
        kode=_teks(data, "kode", asal), nama=_teks(data, "nama", asal),
        nomor_dokumen=_teks(data, "nomor_dokumen", asal, boleh_kosong=True),
        total_tertulis=_teks(data, "total_tertulis", asal, boleh_kosong=True),
        peringatan_rasio=float(rasio), hitungan=hitungan, jalur=jalur, peran=peran,
        langkah=langkah,
    )


def _folder():  # noqa: ANN202  (a Traversable or a Path)
    return folder("data") / "sop"


@cache
def load_sop(kode: str) -> Sop:
    """The SOP in ``data/sop/<kode>.toml`` (KeyError if there is none)."""
    berkas = _folder() / f"{kode}.toml"
    if not berkas.is_file():
        raise KeyError(f"SOP tidak dikenal: {kode!r}")
    asal = f"data/sop/{kode}.toml"
    try:
        data = tomllib.loads(berkas.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{asal}: TOML tidak sah: {e}") from None
    sop = _sop_dari(data, asal)
    if sop.kode != kode:
        raise ValueError(f"{asal}: kode {sop.kode!r} tidak sama dengan nama berkas")
    return sop


def semua_sop() -> dict[str, Sop]:
    """Every SOP shipped in ``data/sop/``, by kode (each one cached by load_sop)."""
    nama = sorted(b.name[:-5] for b in _folder().iterdir() if b.name.endswith(".toml"))
    return {k: load_sop(k) for k in nama}
