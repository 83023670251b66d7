"""The Backend's accounts, permissions, masking and audit use cases (issue 12), kept
beside `backend.py` so that file keeps to the desk's own work. Blocking calls for the
TUI's workers, like the rest of the Backend."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ppa_tui.domain.akses import Akun
    from ppa_tui.domain.audit import EntriAudit, Temuan
    from ppa_tui.domain.pengguna import AkunRingkas
    from ppa_tui.sesi import Sesi
    from ppa_tui.settings import Settings
    from ppa_tui.store.database import Database


class AksesBackend:
    """Mixed into `Backend`: every name below reads the Backend's own fields."""

    settings: Settings
    sesi: Sesi | None
    kunci_db: bytes | None
    _dibuka: set[uuid.UUID]
    _ditugaskan: frozenset[uuid.UUID] | None
    _database: Database | None
    database: Database  # the Backend's property

    # ---- who is logged in ----------------------------------------------------------

    @property
    def akun(self) -> Akun | None:
        return self.sesi.akun if self.sesi is not None else None

    def perlu_akun_pertama(self) -> bool:
        from ppa_tui.sesi import perlu_akun_pertama

        return perlu_akun_pertama(self.settings)

    def siapkan_pertama(self, nama: str, nama_lengkap: str, peran: Iterable[str],
                        sandi: str) -> str | None:
        """Create the first account and log it in; the recovery code to show once
        (a new encrypted database), else None."""
        from ppa_tui.sesi import sesi_pertama

        sesi = sesi_pertama(self.settings, nama, nama_lengkap, peran, sandi, self.clock)
        self._pasang(sesi)
        return sesi.kode_pemulihan

    def masuk(self, nama: str, sandi: str) -> Akun:
        """Log in (GagalMasuk with the sentence when refused)."""
        from ppa_tui.sesi import masuk

        sesi = masuk(self.settings, nama, sandi, self.clock)
        self._pasang(sesi)
        return sesi.akun

    def _pasang(self, sesi: Sesi) -> None:
        self.sesi, self.kunci_db = sesi, sesi.kunci_db
        self._database = sesi.database
        self._awal = None  # an early read (if any) was not this person's
        self._dibuka, self._ditugaskan = set(), None
        self.settings = replace(self.settings, petugas=sesi.akun.label)

    def ganti_sandi(self, lama: str, baru: str) -> None:
        self._sesi().ganti_sandi(lama, baru)

    def cocokkan_sandi(self, sandi: str) -> str | None:
        """The idle lock's check: None when right, else the sentence."""
        if self.sesi is None:
            return None  # no account (the tests' process): nothing to check against
        return self.sesi.cocokkan_sandi(sandi)

    def _sesi(self) -> Sesi:
        if self.sesi is None:
            from ppa_tui.galat import PesanPetugas

            raise PesanPetugas("Masuk dengan akun lebih dulu.")
        return self.sesi

    # ---- permissions -----------------------------------------------------------------

    def boleh(self, aksi: str) -> bool:
        from ppa_tui.domain.akses import boleh

        return boleh(self.akun, aksi)

    def periksa(self, aksi: str) -> None:
        from ppa_tui.domain.akses import periksa

        periksa(self.akun, aksi)

    # ---- who sees a case's personal data ---------------------------------------------

    def ditugaskan(self) -> frozenset[uuid.UUID]:
        """The cases this account is assigned to (read once; kept current by `tugaskan`
        and by the cases she opens)."""
        akun = self.akun
        if akun is None:
            return frozenset()
        if self._ditugaskan is None:
            from ppa_tui.domain.pengguna import kasus_ditugaskan

            with self.database.baca() as s:
                self._ditugaskan = kasus_ditugaskan(s, akun.id)
        return self._ditugaskan

    def lihat(self, kasus_id: uuid.UUID) -> bool:
        """Whether this account sees `kasus_id` unmasked now."""
        from ppa_tui.domain.akses import boleh

        akun = self.akun
        if akun is None or boleh(akun, "lihat_semua_pribadi") or kasus_id in self._dibuka:
            return True
        return kasus_id in self.ditugaskan()

    def perlu_alasan(self, kasus_id: uuid.UUID) -> bool:
        return not self.lihat(kasus_id)

    def buka_kasus(self, kasus_id: uuid.UUID, alasan: str = "") -> None:
        """Opening a case's personal data, logged once per opening. A masked case
        opens only with a reason, which is logged with it."""
        from ppa_tui.domain import audit
        from ppa_tui.galat import PesanPetugas

        tersamar = not self.lihat(kasus_id)
        alasan = " ".join(alasan.split())
        if tersamar and len(alasan) < 5:
            raise PesanPetugas("Kasus ini bukan tugas Anda: tulis alasan membukanya "
                               "(minimal 5 huruf). Alasan dicatat di log audit.")
        with self.database.session() as s:
            if tersamar:
                audit.catat(s, "buka_tersamar", tabel="kasus", objek_id=kasus_id.hex,
                            kasus_id=kasus_id, rincian={"alasan": alasan[:500]})
            else:
                audit.catat(s, "lihat", tabel="kasus", objek_id=kasus_id.hex,
                            kasus_id=kasus_id)
        if tersamar:
            self._dibuka.add(kasus_id)

    def periksa_lihat(self, kasus_id: uuid.UUID | None) -> None:
        if kasus_id is not None and not self.lihat(kasus_id):
            from ppa_tui.domain.akses import Ditolak

            raise Ditolak("Kasus ini tersamar untuk Anda: buka dari daftar dengan alasan.")

    def tugaskan_pembuat(self, session: Any, kasus_id: uuid.UUID | None) -> None:
        """Whoever opens a case is assigned to it (in the same unit of work)."""
        akun = self.akun
        if akun is None or kasus_id is None:
            return
        from ppa_tui.domain.pengguna import tugaskan_diri

        tugaskan_diri(session, kasus_id, akun.id)
        if self._ditugaskan is not None:
            self._ditugaskan = self._ditugaskan | {kasus_id}

    def tugaskan(self, kasus_id: uuid.UUID, nama: str) -> None:
        from ppa_tui.domain.pengguna import tugaskan

        with self.database.session() as s:
            tugaskan(s, kasus_id, nama, oleh=self.akun)
        self._ditugaskan = None

    def calon_petugas(self, kasus_id: uuid.UUID) -> tuple[list[str], list[tuple[str, str]]]:
        """Who is assigned to the case, and every other active account as (name,
        "Full name · roles"), for the Kasi or the Kepala assigning one."""
        from ppa_tui.domain.akses import aturan
        from ppa_tui.domain.pengguna import daftar_akun, petugas_kasus

        self.periksa("tugaskan")
        with self.database.baca() as s:
            sudah = petugas_kasus(s, kasus_id)
            semua = daftar_akun(s)
        label = aturan().label_peran
        calon = [(a.nama, f"{a.nama_lengkap or a.nama} · "
                          + ", ".join(label(p) for p in a.peran))
                 for a in semua if a.aktif and a.nama not in sudah]
        return sudah, calon

    def petugas_kasus(self, kasus_id: uuid.UUID) -> list[str]:
        from ppa_tui.domain.pengguna import petugas_kasus

        with self.database.baca() as s:
            return petugas_kasus(s, kasus_id)

    def samarkan(self, baris: Iterable[Any], **ubah: Any) -> list[Any]:
        """Rows of cases this account does not see, with `ubah`'s fields masked."""
        from ppa_tui.domain.samaran import samarkan

        daftar = list(baris)
        if self.akun is None:
            return daftar
        return samarkan(daftar, self.lihat, _kasus_baris, **ubah)

    # ---- accounts ----------------------------------------------------------------------

    def daftar_akun(self) -> list[AkunRingkas]:
        from ppa_tui.domain.pengguna import daftar_akun

        self.periksa("kelola_pengguna")
        with self.database.baca() as s:
            return daftar_akun(s)

    def tambah_akun(self, nama: str, nama_lengkap: str, peran: Iterable[str]) -> str:
        """A new officer; her temporary password, to show once."""
        return self._sesi().tambah_akun(nama, nama_lengkap, peran)

    def nonaktifkan_akun(self, nama: str) -> None:
        self._sesi().nonaktifkan_akun(nama)

    def atur_ulang_sandi(self, nama: str) -> str:
        return self._sesi().atur_ulang_sandi(nama)

    # ---- the audit log -----------------------------------------------------------------

    def audit(self, kasus_id: uuid.UUID | None = None, pengguna: str = "",
              batas: int = 500) -> list[EntriAudit]:
        from ppa_tui.domain import audit

        self.periksa("baca_audit")
        with self.database.baca() as s:
            return audit.daftar(s, kasus_id=kasus_id, pengguna=pengguna, batas=batas)

    def verifikasi_audit(self) -> list[Temuan]:
        from ppa_tui.domain import audit

        self.periksa("verifikasi_audit")
        with self.database.baca() as s:
            return audit.verifikasi(s)

    def nomor_kasus(self, kasus_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
        """The register numbers of `kasus_ids` (the audit screen names cases by them)."""
        from sqlmodel import col, select

        from ppa_tui.domain.models import Kasus

        ids = {k for k in kasus_ids if k is not None}
        if not ids:
            return {}
        with self.database.baca() as s:
            q = select(Kasus.id, Kasus.nomor_register).where(col(Kasus.id).in_(ids))
            return {k: nomor for k, nomor in s.exec(q)}

    def catat_audit(self, aksi: str, **isi: Any) -> None:
        """An entry that is not a record change (a print, an export)."""
        from ppa_tui.domain import audit

        with self.database.session() as s:
            audit.catat(s, aksi, **isi)


def _kasus_baris(b: Any) -> uuid.UUID | None:
    """A row's case: `kasus_id` where the row has one (a guest may have none), else
    the row is the case itself."""
    return b.kasus_id if hasattr(b, "kasus_id") else b.id
