"""Roles and permissions (issue 12): who may do what, read from `data/akses.toml`.

One table of role × action is the single source for the app, the CLI and the tests;
finishing an SOP step is decided by the roles the SOP names for that step
(`data/sop/*.toml`), mapped to account roles by `[peran_sop]`. Everything here is a
pure decision: the services call `periksa` inside their unit of work, the TUI calls
`boleh` only to grey out what would be refused anyway.

`akun=None` is the process itself, not a person: migrations, `ppa demo`, and the tests
of the domain that predate accounts. Every person at the app or the CLI has an `Akun`.
"""

from __future__ import annotations

import tomllib
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from ppa_tui.domain.sop import Langkah
from ppa_tui.domain.sumber import folder
from ppa_tui.galat import PesanPetugas

ATURAN_BELUM = ("sop", "semua")
"""How steps whose roles the seed lost are decided: our reading, or any officer."""


class Ditolak(PesanPetugas):
    """An action this account's roles do not allow; the text says who may."""


@dataclass(frozen=True)
class Akun:
    """The person logged in: what every permission check and audit entry needs."""

    id: uuid.UUID
    nama: str
    nama_lengkap: str = ""
    peran: frozenset[str] = frozenset()
    harus_ganti_sandi: bool = False

    @property
    def label(self) -> str:
        return self.nama_lengkap or self.nama


@dataclass(frozen=True)
class Aturan:
    """`data/akses.toml`, checked when read."""

    peran: Mapping[str, str]
    peran_sop: Mapping[str, frozenset[str]]
    aksi: Mapping[str, frozenset[str]]
    langkah_belum: str

    def label_peran(self, kode: str) -> str:
        return self.peran.get(kode, kode)


@cache
def aturan() -> Aturan:
    berkas = folder("data") / "akses.toml"
    data = tomllib.loads(berkas.read_text(encoding="utf-8"))
    peran = dict(data["peran"])
    peran_sop = {k: frozenset(v) for k, v in data["peran_sop"].items()}
    aksi = {k: frozenset(v) for k, v in data["aksi"].items()}
    for asal, isi in (("peran_sop", peran_sop), ("aksi", aksi)):
        for kunci, daftar in isi.items():
            if asing := sorted(daftar - set(peran)):
                raise ValueError(f"akses.toml [{asal}] {kunci}: peran tidak dikenal {asing}")
    belum = data["langkah_belum_dikonfirmasi"]["aturan"]
    if belum not in ATURAN_BELUM:
        raise ValueError(f"akses.toml: aturan langkah belum dikonfirmasi {belum!r}")
    return Aturan(MappingProxyType(peran), MappingProxyType(peran_sop),
                  MappingProxyType(aksi), belum)


AKSI_LABEL = {
    "lihat_kasus": "Melihat daftar kasus",
    "lihat_semua_pribadi": "Melihat data pribadi semua kasus",
    "catat_tamu": "Mencatat tamu dan pengaduan",
    "terima_rujukan": "Menerima rujukan masuk",
    "ubah_kasus": "Mengisi dan mengubah data kasus",
    "disposisi": "Membuat disposisi",
    "tutup_kasus": "Menutup dan membuka kembali kasus",
    "tugaskan": "Menugaskan petugas ke kasus",
    "cetak": "Mencetak dokumen kasus",
    "laporan": "Membuat rekap dan ekspor",
    "kelola_pengguna": "Mengelola akun pengguna",
    "baca_audit": "Membaca log audit",
    "verifikasi_audit": "Memeriksa keutuhan log audit",
}

AKSI_FORM = {
    "buku_tamu": "catat_tamu",
    "rujukan_masuk": "terima_rujukan",
    "disposisi": "disposisi",
    "terminasi": "tutup_kasus",
    "buka_kembali": "tutup_kasus",
    "penugasan": "tugaskan",
}
"""The action a form's save needs; any other case form needs `ubah_kasus`."""


def aksi_form(form_id: str) -> str:
    return AKSI_FORM.get(form_id, "ubah_kasus")


def boleh(akun: Akun | None, aksi: str) -> bool:
    if akun is None:
        return True
    izin = aturan().aksi.get(aksi)
    if izin is None:
        raise KeyError(f"aksi tidak dikenal: {aksi}")
    return bool(akun.peran & izin)


def _daftar_peran(kode: Iterable[str]) -> str:
    label = [aturan().label_peran(k) for k in sorted(kode)]
    return label[0] if len(label) == 1 else ", ".join(label[:-1]) + " atau " + label[-1]


def periksa(akun: Akun | None, aksi: str) -> None:
    """Refuse, with a sentence naming the roles that may, what `akun` may not do."""
    if not boleh(akun, aksi):
        raise Ditolak(f"{AKSI_LABEL.get(aksi, aksi)} hanya bisa dilakukan oleh "
                      f"{_daftar_peran(aturan().aksi[aksi])}.")


def peran_langkah(langkah: Langkah, langkah_belum: str | None = None) -> frozenset[str]:
    """The account roles that may finish `langkah`."""
    a = aturan()
    if not langkah.pelaksana_dikonfirmasi and (langkah_belum or a.langkah_belum) == "semua":
        return a.aksi["ubah_kasus"]
    return frozenset().union(*(a.peran_sop.get(p, frozenset()) for p in langkah.pelaksana))


def boleh_selesaikan(akun: Akun | None, langkah: Langkah,
                     langkah_belum: str | None = None) -> bool:
    return akun is None or bool(akun.peran & peran_langkah(langkah, langkah_belum))


def periksa_langkah(akun: Akun | None, langkah: Langkah,
                    langkah_belum: str | None = None) -> None:
    if not boleh_selesaikan(akun, langkah, langkah_belum):
        raise Ditolak(f"Langkah “{langkah.ringkas}” hanya bisa diselesaikan oleh "
                      f"{_daftar_peran(peran_langkah(langkah, langkah_belum))}.")


def lihat_pribadi(akun: Akun | None, ditugaskan: bool) -> bool:
    """Whether `akun` sees a case's personal data unmasked: assigned officers, the
    Kasi and the Kepala (the process itself always)."""
    return akun is None or ditugaskan or boleh(akun, "lihat_semua_pribadi")


def inisial(nama: str) -> str:
    """"Siti Aminah" -> "S. A." (letters only; a name of symbols has none)."""
    huruf = [next((c for c in kata if c.isalpha()), "") for kata in nama.split()]
    return " ".join(f"{h.upper()}." for h in huruf if h)
