"""The desk's use cases as plain blocking calls, for the TUI's thread workers.

Not Textual: the TUI calls these from workers and gets frozen read models back. The
database opens lazily on first use, so importing SQLModel and running migrations
happens after the first frame, not before it.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from ppa_tui.backend_akses import AksesBackend
from ppa_tui.domain.clock import Clock, SystemClock
from ppa_tui.settings import Settings

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from ppa_tui.domain.daftar import HalamanKasus
    from ppa_tui.domain.draft import DraftTersimpan
    from ppa_tui.domain.forms import FormSpec, Konteks
    from ppa_tui.domain.ikhtisar import Ikhtisar
    from ppa_tui.domain.mutu import LaporanMutu, Periode
    from ppa_tui.domain.papan import Papan
    from ppa_tui.domain.rekap import DaftarBelum, Rekap
    from ppa_tui.domain.salin import Salinan
    from ppa_tui.domain.views import Beranda, JamLangkah, KasusDetail
    from ppa_tui.sesi import Sesi
    from ppa_tui.store.cari import HalamanCari, Saringan
    from ppa_tui.store.database import Database
    from ppa_tui.store.watcher import ChangeWatcher


def kunci_draft(form_id: str, kasus_id: uuid.UUID | None, target_id: uuid.UUID | None) -> str:
    """One draft per saved record (`korban:<kasus>:<pihak>`, `kejadian:<kasus>:<kasus>`);
    each new record gets a key of its own (`korban:<kasus>:baru-<acak>`), so two
    walk-ins, or two new korban of one case, never share a draft."""
    target = str(target_id) if target_id is not None else f"baru-{uuid.uuid4().hex[:12]}"
    return f"{form_id}:{kasus_id or '-'}:{target}"


def awalan_baru(form_id: str, kasus_id: uuid.UUID | None) -> str:
    """What the keys of new-record drafts of this form (and case) start with."""
    return f"{form_id}:{kasus_id or '-'}:baru"


def urai_kunci(kunci: str) -> tuple[str, uuid.UUID | None, uuid.UUID | None]:
    """Inverse of `kunci_draft` (also the old `…:baru` keys); ValueError when damaged."""
    form_id, kasus, target = kunci.split(":")
    baru = target == "baru" or target.startswith("baru-")
    return (
        form_id,
        None if kasus == "-" else uuid.UUID(kasus),
        None if baru else uuid.UUID(target),
    )


# The forms filled when a step finishes (`form_selesai` in data/sop/, and the deadline
# of a step the SOP gives no limit): saving one finishes the step (`target_id`).
FORM_SELESAI = frozenset({"selesai_kewenangan", "selesai_persetujuan_layanan",
                          "selesai_review", "selesai_pendampingan", "tenggat_langkah"})


@dataclass(frozen=True)
class FormSiap:
    """Everything a form screen needs to open: spec, context, values, draft key."""

    spec: FormSpec
    konteks: Konteks
    mentah: dict[str, Any]
    kunci: str
    judul: str
    kasus_id: uuid.UUID | None
    target_id: uuid.UUID | None
    dipulihkan: bool = False
    jam: JamLangkah | None = None
    draft_lain: int = 0  # other unsaved new drafts of this form (and case)
    salinan: Salinan | None = None  # the form's copy key (korban: the pelapor's address)
    salin: dict[str, Any] = field(default_factory=dict)  # what that key puts in


@dataclass(frozen=True)
class Tersimpan:
    """What a save produced, so the screen can go where the officer expects next."""

    form_id: str
    id: uuid.UUID
    kasus_id: uuid.UUID | None = None
    nomor_register: str = ""


@dataclass
class Backend(AksesBackend):
    settings: Settings
    clock: Clock = field(default_factory=SystemClock)
    _database: Database | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _pengamat: ChangeWatcher | None = None
    _versi: int = 0
    _lock_awas: threading.Lock = field(default_factory=threading.Lock)
    _awal: Future | None = None
    _kalender: Any = None
    sesi: Sesi | None = None
    """The logged-in person (None: the process itself, as in the tests before accounts)."""
    kunci_db: bytes | None = None  # the SQLCipher key, once a login unwrapped it
    _dibuka: set[uuid.UUID] = field(default_factory=set)
    """Masked cases this session opened with a reason (logged): shown whole from then on."""
    _ditugaskan: frozenset[uuid.UUID] | None = None

    @property
    def kalender(self) -> Any:
        """The unit's working-time calendar (settings, holidays, cuti bersama)."""
        if self._kalender is None:
            from ppa_tui.domain.kalender import kalender_dari

            self._kalender = kalender_dari(self.settings)
        return self._kalender

    def siapkan_kalender(self) -> None:
        """Load this year's holidays now, in the caller's (worker) thread: the first
        lookup imports `holidays` (~0.3 s), which must not land on a clock's tick."""
        try:
            self.kalender.libur(self.clock.now().astimezone(self.zona).year)
        except Exception as exc:  # noqa: BLE001  (the clock still counts, without them)
            from ppa_tui.galat import catat_galat

            catat_galat(exc, "kalender")

    @property
    def zona(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.settings.zona_waktu)
        except (KeyError, ValueError):
            return ZoneInfo("Asia/Jakarta")

    @property
    def database(self) -> Database:
        with self._lock:
            if self._database is None and self.sesi is not None:
                self._database = self.sesi.database
            if self._database is None:
                from ppa_tui.store.database import Database

                self._database = Database.open(
                    self.settings.url, self.settings.device_id, folder_data=self.settings.data_dir,
                    kunci=self.kunci_db, izinkan_tanpa_tls=self.settings.pg_tanpa_tls,
                )
            return self._database

    def close(self) -> None:
        with self._lock_awas:
            if self._pengamat is not None:
                self._pengamat.close()
                self._pengamat = None
        with self._lock:
            if self._database is not None:
                self._database.close()
                self._database = None
            self.sesi = None

    # ---- reads --------------------------------------------------------------------

    def versi_data(self) -> int:
        """A number that grows when the database has changed (any desk, this one too)
        since the last call: one cheap query. Screens reload when it moves; call it
        before a load, so a change during the load is seen by the next call."""
        with self._lock_awas:
            try:
                if self._pengamat is None:
                    self._pengamat = self.database.pengamat()  # the baseline
                elif self._pengamat.berubah():
                    self._versi += 1
                    self._ditugaskan = None  # another desk may have assigned her a case
            except Exception as exc:  # noqa: BLE001  (a lost connection: look again later)
                from ppa_tui.galat import catat_galat

                catat_galat(exc, "versi_data")
                if self._pengamat is not None:
                    self._pengamat.close()
                    self._pengamat = None
                    self._versi += 1  # what happened meanwhile is unknown: reload
            return self._versi

    def mulai_beranda(self, tunggu: float = 0.0) -> None:
        """Start home's first read now, in a thread, and wait for it at most `tunggu`
        seconds: called before the app runs, so the first frame can already show
        the rows (`beranda_siap`). A slower read goes on; home's worker picks it up."""
        if self._awal is not None or not self.baca_ringan:
            return
        awal: Future = Future()

        def baca() -> None:
            try:
                awal.set_result(self._beranda_ringan())
            except BaseException as exc:  # noqa: BLE001  (handed to whoever waits)
                awal.set_exception(exc)

        self._awal = awal
        threading.Thread(target=baca, name="beranda-awal", daemon=True).start()
        if tunggu > 0:
            wait([awal], timeout=tunggu)

    def beranda_siap(self) -> Beranda | None:
        """The early read's rows if they are already there; never waits."""
        awal = self._awal
        if awal is None or not awal.done() or awal.exception() or awal.result() is None:
            return None
        self._awal = None
        return awal.result()

    def _beranda_ringan(self) -> Beranda | None:
        from ppa_tui.domain.readmodel import awal_hari
        from ppa_tui.store.beranda_cepat import baca_beranda

        self.siapkan_kalender()
        return baca_beranda(self.settings.url,
                            awal_hari(self.clock.now(), self.settings.zona_waktu),
                            self.kalender, kunci=self.kunci_db)

    def beranda(self) -> Beranda:
        """Home. Until the database is open, it is read with the bare driver
        (`store/beranda_cepat.py`): the first rows need no SQLAlchemy or Alembic."""
        from ppa_tui.domain.readmodel import awal_hari

        if self._database is None:
            awal, self._awal = self._awal, None
            cepat = awal.result() if awal is not None else self._beranda_ringan()
            if cepat is not None:
                return self._samarkan_beranda(cepat)
        sejak = awal_hari(self.clock.now(), self.settings.zona_waktu)
        from ppa_tui.domain.views import beranda

        with self.database.baca() as s:
            return self._samarkan_beranda(beranda(s, sejak, self.kalender))

    def _samarkan_beranda(self, b: Beranda) -> Beranda:
        from dataclasses import replace

        from ppa_tui.domain.samaran import samarkan_nama

        if self.akun is None:
            return b
        return replace(b, kasus=self.samarkan(b.kasus, korban=lambda r: samarkan_nama(r.korban)),
                       tamu=self.samarkan(b.tamu, nama=lambda r: samarkan_nama(r.nama)),
                       draft=self._samarkan_draft(b.draft))

    @property
    def baca_ringan(self) -> bool:
        """Whether the next `beranda()` may take the light path (judged from the URL
        alone, without touching the file)."""
        from ppa_tui.sesi import berkas_kunci
        from ppa_tui.store.beranda_cepat import berkas_sqlite, dsn_postgres

        url = self.settings.url
        if self._database is not None or (berkas_sqlite(url) or dsn_postgres(url)) is None:
            return False
        return self.kunci_db is not None or berkas_kunci(self.settings) is None

    @property
    def terbuka(self) -> bool:
        """Whether the full database (engine, migrations) is open yet."""
        return self._database is not None

    def warm_up(self) -> None:
        """Open the full database now (imports, migrations), off the path of the first
        rows, so the first save does not wait for it."""
        self.siapkan_kalender()
        self.database  # noqa: B018  (the property opens it)

    def detail(self, kasus_id: uuid.UUID) -> KasusDetail | None:
        from ppa_tui.domain.views import detail_kasus

        self.periksa_lihat(kasus_id)
        with self.database.baca() as s:
            return detail_kasus(s, kasus_id, self.clock.now(), self.zona, self.kalender)

    def siapkan_form(
        self,
        form_id: str,
        kasus_id: uuid.UUID | None = None,
        target_id: uuid.UUID | None = None,
        kunci: str | None = None,
    ) -> FormSiap:
        """Load the spec, the case context, the record's values and its draft (which
        wins: it is what the officer typed last). `kunci` reopens one draft from the
        list; without it a new record starts empty under a key of its own."""
        from ppa_tui.domain import forms, salin
        from ppa_tui.domain.akses import aksi_form
        from ppa_tui.domain.draft import ambil_draft, hitung_draft

        if form_id not in FORM_SELESAI:
            self.periksa(aksi_form(form_id))
        spec = forms.load_form(form_id)
        detail = self.detail(kasus_id) if kasus_id else None
        konteks = forms.Konteks(
            sekarang=self.clock.now(),
            zona=self.zona,
            waktu={"waktu_diterima": detail.waktu_diterima} if detail else {},
            pilihan={"korban": detail.korban, "pelaku": detail.pelaku,
                     "mediasi": detail.mediasi} if detail else {},
            anak=detail.korban_anak if detail else frozenset(),
        )
        nilai = None
        if form_id == "buka_kembali":
            target_id = None  # a reason typed now; the closure itself is not edited here
        if target_id is not None and detail is not None:
            nilai = next(
                (
                    b.nilai
                    for b in detail.butir
                    if b.target_id == target_id and b.form_id == form_id
                ),
                None,
            )
        mentah = (
            forms.ke_mentah(spec, nilai, self.zona)
            if nilai is not None
            else forms.bawaan(spec, konteks, self.settings.petugas)
        )
        baru = kunci is None and target_id is None
        kunci = kunci or kunci_draft(form_id, kasus_id, target_id)
        draft, lain = None, 0
        # The case's other records: what a new form starts with, what a key copies.
        sumber: dict[str, dict[str, Any]] = {}
        if detail is not None:
            sumber = {
                b.form_id: b.nilai
                for b in detail.butir
                if b.form_id == "pelapor" and b.target_id is not None
            }
        with self.database.baca() as s:
            if baru:  # a fresh key has no draft; say if others wait in the list
                lain = hitung_draft(s, awalan_baru(form_id, kasus_id))
            else:
                draft = ambil_draft(s, kunci)
            awal = salin.ISIAN_AWAL.get(form_id)
            if baru and kasus_id is not None and awal and awal[0] == "buku_tamu":
                sumber["buku_tamu"] = salin.nilai_tamu(s, kasus_id) or {}
        if nilai is None and target_id is None:
            mentah = salin.isian_awal(spec, mentah, sumber, self.zona)
        salinan = salin.SALINAN.get(form_id)
        isi_salinan = (
            salinan.isi(spec, sumber[salinan.sumber], self.zona)
            if salinan and sumber.get(salinan.sumber)
            else {}
        )
        if draft is not None:
            mentah = {**mentah, **draft.isi}
        judul = spec.judul + (f" · {detail.nomor_register}" if detail else "")
        jam = detail.jam if detail else None
        if form_id == "buku_tamu":
            from ppa_tui.domain.jam_tamu import jam_tamu  # step 1 runs from arrival

            jam = jam_tamu(spec, mentah, konteks, self.kalender)
        return FormSiap(
            spec,
            konteks,
            mentah,
            kunci,
            judul,
            kasus_id,
            target_id,
            dipulihkan=draft is not None,
            jam=jam,
            draft_lain=lain,
            salinan=salinan,
            salin=isi_salinan,
        )

    def daftar_draft(self) -> list[DraftTersimpan]:
        from ppa_tui.domain.draft import daftar_draft

        with self.database.baca() as s:
            return self._samarkan_draft(daftar_draft(s))

    def _samarkan_draft(self, draft: list[DraftTersimpan]) -> list[DraftTersimpan]:
        """A draft of a case this account does not see says whose it is by initials."""
        from dataclasses import replace

        from ppa_tui.domain.samaran import samarkan_nama

        if self.akun is None:
            return draft
        hasil = []
        for d in draft:
            try:
                kasus_id = urai_kunci(d.kunci)[1]
            except ValueError:
                kasus_id = None
            if kasus_id is not None and not self.lihat(kasus_id):
                d = replace(d, siapa=samarkan_nama(d.siapa), isi={})
            hasil.append(d)
        return hasil

    # ---- writes -------------------------------------------------------------------

    def simpan(self, siap: FormSiap, nilai: dict[str, Any]) -> Tersimpan:
        """Save a validated form through its domain service and drop its draft, in one
        transaction: either both happen or neither."""
        from ppa_tui.domain.akses import aksi_form
        from ppa_tui.domain.draft import hapus_draft

        if siap.spec.id not in FORM_SELESAI:  # a step's own roles decide, in the domain
            self.periksa(aksi_form(siap.spec.id))
        self.periksa_lihat(siap.kasus_id)
        with self.database.session() as s:
            hasil = self._penyimpan(siap.spec.id)(s, siap, nilai)
            hapus_draft(s, siap.kunci)
            if siap.kasus_id is None:  # a new case: she who opened it is assigned
                self.tugaskan_pembuat(s, hasil.kasus_id)
            return hasil

    def _penyimpan(self, form_id: str) -> Callable[..., Tersimpan]:
        from ppa_tui.domain import bukutamu, kasus, pengelolaan, terminasi

        def tamu(s, siap: FormSiap, nilai):  # noqa: ANN001, ANN202
            row, case = bukutamu.catat_tamu(
                s,
                nilai,
                clock=self.clock,
                petugas=self.settings.petugas,
                zona=self.settings.zona_waktu,
                kalender=self.kalender,
            )
            return Tersimpan(
                form_id, row.id, case.id if case else None, case.nomor_register if case else ""
            )

        def pihak(s, siap: FormSiap, nilai):  # noqa: ANN001, ANN202
            row = kasus.simpan_pihak(
                s, siap.kasus_id, form_id, nilai, siap.target_id
            )  # form = peran
            return Tersimpan(form_id, row.id, siap.kasus_id)

        def lain(fn):  # noqa: ANN001, ANN202
            def simpan(s, siap: FormSiap, nilai):  # noqa: ANN001, ANN202
                row = fn(s, siap.kasus_id, nilai, siap.target_id)
                return Tersimpan(form_id, row.id, siap.kasus_id)

            return simpan

        def hubungan(s, siap: FormSiap, nilai):  # noqa: ANN001, ANN202
            from ppa_tui.domain.kasus import uuid_fields
            from ppa_tui.domain.rincian import simpan_hubungan

            v = uuid_fields(nilai, "korban_id", "pelaku_id")
            row = simpan_hubungan(s, siap.kasus_id, v["korban_id"], v["pelaku_id"],
                                  v.get("hubungan") or "")
            return Tersimpan(form_id, row.id, siap.kasus_id)

        def rujukan(s, siap: FormSiap, nilai):  # noqa: ANN001, ANN202
            if siap.kasus_id is not None:
                return lain(pengelolaan.simpan_rujukan)(s, siap, nilai)
            case, row = pengelolaan.terima_rujukan(
                s, nilai, waktu_diterima=self.clock.now(), petugas=self.settings.petugas,
                zona=self.settings.zona_waktu, kalender=self.kalender)
            return Tersimpan(form_id, row.id, case.id, case.nomor_register)

        def tutup(s, siap: FormSiap, nilai):  # noqa: ANN001, ANN202
            row = terminasi.tutup_kasus(s, siap.kasus_id, nilai, self.clock,
                                        self.settings.petugas, siap.target_id)
            return Tersimpan(form_id, row.id, siap.kasus_id)

        def buka(s, siap: FormSiap, nilai):  # noqa: ANN001, ANN202
            row = terminasi.buka_kembali(s, siap.kasus_id, nilai.get("alasan_buka_kembali", ""),
                                         self.clock, self.settings.petugas, self.kalender)
            return Tersimpan(form_id, row.id, siap.kasus_id)

        def selesai(s, siap: FormSiap, nilai):  # noqa: ANN001, ANN202
            from ppa_tui.domain.langkah import selesaikan_langkah

            row = selesaikan_langkah(s, siap.target_id, self.clock, self.settings.petugas,
                                     nilai, kalender=self.kalender, zona=self.zona,
                                     akun=self.akun,
                                     langkah_belum=self.settings.pelaksana_belum_pasti or None)
            return Tersimpan(form_id, siap.target_id, siap.kasus_id,
                             "" if row is None else str(row.id))

        if form_id in FORM_SELESAI:
            return selesai
        return {
            "buku_tamu": tamu,
            "pelapor": pihak,
            "korban": pihak,
            "pelaku": pihak,
            "kejadian": lain(lambda s, k, n, _t: kasus.simpan_kejadian(s, k, n)),
            "hubungan": hubungan,
            "persetujuan": lain(kasus.simpan_persetujuan),
            "asesmen": lain(kasus.simpan_asesmen),
            "rencana": lain(kasus.simpan_rencana),
            "rujukan_masuk": rujukan,
            "pelimpahan": lain(pengelolaan.simpan_pelimpahan),
            "disposisi": lain(pengelolaan.simpan_disposisi),
            "penampungan": lain(pengelolaan.simpan_penampungan),
            "mediasi": lain(pengelolaan.simpan_mediasi),
            "catatan": lain(pengelolaan.simpan_catatan),
            "terminasi": tutup,
            "buka_kembali": buka,
        }[form_id]

    def simpan_draft(self, kunci: str, form_id: str, judul: str, isi: dict[str, Any]) -> None:
        from ppa_tui.domain.draft import simpan_draft

        with self.database.session() as s:
            simpan_draft(s, kunci, form_id, judul, isi)

    def hapus_draft(self, kunci: str) -> None:
        from ppa_tui.domain.draft import hapus_draft

        with self.database.session() as s:
            hapus_draft(s, kunci)

    def catat_keluar(self, tamu_id: uuid.UUID) -> None:
        from ppa_tui.domain.bukutamu import catat_keluar

        self.periksa("catat_tamu")
        with self.database.session() as s:
            catat_keluar(s, tamu_id, self.clock)

    def selesaikan_langkah(self, langkah_id: uuid.UUID) -> None:
        """Finish a running step that needs no form (a plain confirmation)."""
        from ppa_tui.domain.langkah import selesaikan_langkah

        with self.database.session() as s:
            selesaikan_langkah(s, langkah_id, self.clock, self.settings.petugas,
                               kalender=self.kalender, zona=self.zona, akun=self.akun,
                               langkah_belum=self.settings.pelaksana_belum_pasti or None)

    def mulai_pendampingan(self, rencana_id: uuid.UUID) -> None:
        from ppa_tui.domain.langkah import mulai_pendampingan

        self.periksa("ubah_kasus")
        with self.database.session() as s:
            mulai_pendampingan(s, rencana_id, self.clock, self.settings.petugas,
                               kalender=self.kalender)

    def cetak(self, kasus_id: uuid.UUID, dokumen: str, ref: uuid.UUID | None = None,
              tanpa_data_pribadi: bool = False) -> Any:
        """Print one document of the case into the data folder's `cetak/` (0700/0600);
        returns where it went, its letter number and what consent left out."""
        from ppa_tui.documents.cetak import cetak, folder_cetak

        self.periksa("cetak")
        self.periksa_lihat(kasus_id)
        return cetak(self.database, self.settings, kasus_id, dokumen, ref=ref,
                     keluar=folder_cetak(self.settings), petugas=self.settings.petugas,
                     clock=self.clock, tanpa_data_pribadi=tanpa_data_pribadi)

    def jadikan_pengaduan(self, tamu_id: uuid.UUID) -> Tersimpan:
        """Turn a consulting guest into a complaint: her case, from her arrival."""
        from ppa_tui.domain.bukutamu import jadikan_pengaduan

        self.periksa("catat_tamu")
        with self.database.session() as s:
            kasus = jadikan_pengaduan(
                s, tamu_id, petugas=self.settings.petugas, zona=self.settings.zona_waktu
            )
            self.tugaskan_pembuat(s, kasus.id)
            return Tersimpan("buku_tamu", tamu_id, kasus.id, kasus.nomor_register)

    # ---- overdue board, compliance, every case (issue 10) --------------------------

    def papan_terlambat(self) -> Papan:
        """Every running step and shelter stay past its deadline, oldest first."""
        from dataclasses import replace

        from ppa_tui.domain.papan import papan_terlambat
        from ppa_tui.domain.samaran import samarkan_nama

        with self.database.baca() as s:
            papan = papan_terlambat(s, self.clock.now(), self.kalender)
        return replace(papan, baris=tuple(self.samarkan(
            papan.baris, korban=lambda r: samarkan_nama(r.korban))))

    def mutu_baku(self, sejak: datetime, sampai: datetime) -> LaporanMutu:
        """Per SOP step: finished, within the limit, median and P90, in [sejak, sampai)."""
        from ppa_tui.domain.mutu import mutu_baku

        with self.database.baca() as s:
            return mutu_baku(s, sejak, sampai, self.kalender)

    def daftar_kasus(self, status: str = "aktif", setelah: tuple[int, int] | None = None,
                     hitung: bool = True) -> HalamanKasus:
        """A page of every case of `status`, newest register number first (with the
        counts per status unless `hitung` is False)."""
        from dataclasses import replace

        from ppa_tui.domain.daftar import daftar_kasus
        from ppa_tui.domain.samaran import samarkan_nama

        with self.database.baca() as s:
            halaman = daftar_kasus(s, status, setelah, hitung=hitung)
        return replace(halaman, baris=tuple(self.samarkan(
            halaman.baris, korban=lambda r: samarkan_nama(r.korban))))

    # ---- search (issue 11) -----------------------------------------------------------

    def cari(self, kueri: str, saringan: Saringan | None = None,
             setelah: tuple[int, int] | None = None, batas: int | None = None,
             hitung: bool = True) -> HalamanCari:
        """A page of the cases matching ``kueri`` and ``saringan`` (store/cari.py);
        ``hitung`` False leaves a count of more than one page to `hitung_cari`."""
        from dataclasses import replace

        from ppa_tui.domain.samaran import samarkan_cocok, samarkan_nama
        from ppa_tui.store.cari import BATAS, cari

        with self.database.baca() as s:
            halaman = cari(s, kueri, saringan, setelah, batas=batas or BATAS,
                           now=self.clock.now(), hitung=hitung)
        return replace(halaman, baris=tuple(self.samarkan(
            halaman.baris, korban=lambda r: tuple(samarkan_nama(n) for n in r.korban),
            cocok=lambda r: samarkan_cocok(r.cocok))))

    def hitung_cari(self, kueri: str, saringan: Saringan | None = None) -> int:
        """How many cases match (up to 1,001)."""
        from ppa_tui.store.cari import hitung

        with self.database.baca() as s:
            return hitung(s, kueri, saringan, now=self.clock.now())

    # ---- home's filter counts, the dashboard (issue 11) ------------------------------

    def hitung_beranda(self) -> dict[str, int]:
        """Cases per home filter: aktif, selesai, semua, terlambat."""
        from ppa_tui.domain.ikhtisar import hitung_beranda

        with self.database.baca() as s:
            return hitung_beranda(s, self.clock.now())

    def ikhtisar(self, tahun: int | None = None, bulan: int | None = None) -> Ikhtisar:
        """The dashboard's figures, for a local month (default: this one)."""
        from ppa_tui.domain.ikhtisar import ikhtisar

        with self.database.baca() as s:
            return ikhtisar(s, self.clock.now(), self.zona, tahun, bulan)

    # ---- the monthly and yearly recap (issue 11) ------------------------------------

    def rekap(self, periode: Periode, kode: str = "") -> Rekap:
        """The recap of the cases received in `periode`, in SIMFONI-PPA's categories."""
        from ppa_tui.domain.rekap import rekap

        self.periksa("laporan")
        with self.database.baca() as s:
            return rekap(s, periode, kode)

    def belum_simfoni(self, batas: int | None = None) -> DaftarBelum:
        """Korban not yet entered into SIMFONI-PPA, oldest case first (initials only)."""
        from ppa_tui.domain.rekap import BATAS_BELUM, belum_simfoni

        with self.database.baca() as s:
            return belum_simfoni(s, self.zona, batas=BATAS_BELUM if batas is None else batas)

    def simpan_rekap(self, rekap: Rekap, format: str) -> Path:  # noqa: A002
        """Write the recap into the data folder's `laporan/` (0700/0600); where it went."""
        from ppa_tui.laporan import folder_laporan, tulis_rekap

        self.periksa("laporan")
        path = tulis_rekap(rekap, format, folder_laporan(self.settings.data_dir),
                           alamat_unit=self.settings.alamat_unit,
                           dibuat=self.clock.now(), zona=self.settings.zona_waktu)
        self.catat_audit("ekspor", tabel="rekap", rincian={"format": format,
                                                           "berkas": path.name})
        return path
