"""The tables. Every row carries a UUID, its times and the device that wrote it, and is
never hard-deleted (`deleted_at`), so outreach laptops can be merged into the office
database later without collisions or lost history.

Names, NIK, phone numbers and SIMFONI-PPA categories are real columns: search and the
monthly recap run on them, never on JSON.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from ppa_tui.domain.models_dasar import (  # noqa: F401  (re-exported: the tables' vocabulary)
    Rekam,
    UTCDateTime,
    tanda,
    teks_panjang,
    utcnow,
)

_DIHAPUS = "deleted_at IS NOT NULL"


class BukuTamu(Rekam, table=True):
    """A guest at the desk (SOP Layanan step 1). Identity is never required."""

    __tablename__ = "buku_tamu"

    nama: str = Field(default="", max_length=200, index=True)
    jenis_identitas: str = Field(default="tidak_ada", max_length=20)
    nomor_identitas: str = Field(default="", max_length=40, index=True)
    telepon: str = Field(default="", max_length=20, index=True)
    alamat: str = teks_panjang()
    kabkota_kode: str = Field(default="", max_length=8)
    keperluan: str = Field(default="pengaduan", max_length=20)
    keterangan: str = teks_panjang()
    waktu_masuk: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)
    waktu_keluar: datetime | None = Field(default=None, sa_type=UTCDateTime)
    petugas: str = Field(default="", max_length=100)
    kasus_id: uuid.UUID | None = Field(default=None, foreign_key="kasus.id", index=True)
    """Indexed (revision 0009): search reads a case's guests by it."""
    saluran: str = Field(default="datang_langsung", max_length=20,
                         sa_column_kwargs={"server_default": "datang_langsung"})
    """How the guest reached the unit (referensi `saluran`): in person, SAPA 129, …"""


class Kasus(Rekam, table=True):
    """A complaint being walked through an SOP; carries the kejadian (incident)."""

    __tablename__ = "kasus"
    __table_args__ = (
        UniqueConstraint("tahun", "urutan", name="uq_kasus_tahun_urutan"),
        # home's filter counts and the dashboard (revision 0008): counts per status, the
        # cases of a month, the removed ones
        Index("ix_kasus_status_demo", "status", "demo", "deleted_at"),
        Index("ix_kasus_diterima", "waktu_diterima", "demo", "deleted_at"),
        Index("ix_kasus_dihapus", "deleted_at", sqlite_where=text(_DIHAPUS),
              postgresql_where=text(_DIHAPUS)),
    )

    nomor_register: str = Field(max_length=30, unique=True, index=True)
    tahun: int
    urutan: int
    sop_kode: str = Field(default="layanan", max_length=30)
    jalur: str = Field(default="dasar", max_length=30)
    status: str = Field(default="aktif", max_length=20, index=True)
    """"aktif" until a closure (terminasi) makes it "selesai"; finishing steps never does."""
    waktu_diterima: datetime = Field(sa_type=UTCDateTime, nullable=False)
    petugas: str = Field(default="", max_length=100)
    waktu_kejadian: datetime | None = Field(default=None, sa_type=UTCDateTime)
    kejadian_tanpa_jam: bool = tanda()
    """The kejadian is a date alone ("last Tuesday"): `waktu_kejadian`'s time means nothing."""
    kejadian_perkiraan: bool = tanda()
    """The kejadian date is approximate ("about a week ago")."""
    tempat_kejadian: str = Field(default="", max_length=40)
    kejadian_kabkota_kode: str = Field(default="", max_length=8)
    kejadian_alamat: str = teks_panjang()
    kronologi: str = teks_panjang()
    demo: bool = tanda()
    """Synthetic (`ppa demo`), not a real complaint: never counted, never reported."""
    kewenangan: str = Field(default="", max_length=20)
    """Who has authority (referensi `kewenangan`): first judged at intake, decided at
    SOP Layanan step 3."""
    jenis_kasus: str = Field(default="", max_length=30, index=True)
    """Referensi `jenis_kasus`: KDRT, TPKS, TPPO, ABH, hak asuh, perkawinan anak, lainnya."""
    kejadian_berulang: str = Field(default="", max_length=10)
    """"sekali" or "berulang"; empty: not asked yet."""
    dilaporkan_polisi: bool = tanda()
    dilaporkan_lain: str = Field(default="", max_length=200)
    """Another service the case was already reported to (free text)."""
    tingkat_risiko: str = Field(default="", max_length=10, index=True)
    """Risk at the complaint (Permen PPPA 2/2022), before any asesmen."""
    saluran: str = Field(default="", max_length=20)
    """How the complaint came in (referensi `saluran`); a referral is "rujukan"."""


class KekerasanKasus(Rekam, table=True):
    """One bentuk kekerasan of a case (several may apply), kept as rows for the recap."""

    __tablename__ = "kekerasan_kasus"
    # a case's forms from the index alone: the dashboard's figures (revision 0008)
    __table_args__ = (Index("ix_kekerasan_kasus_bentuk", "kasus_id", "bentuk", "deleted_at"),)

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    bentuk: str = Field(max_length=40)
    korban_id: uuid.UUID | None = Field(default=None, foreign_key="pihak.id", index=True)
    """The korban who suffered it (SIMFONI counts per korban); None: the case as a whole,
    which stands for every korban that has no rows of her own."""


class Pihak(Rekam, table=True):
    """A person in a case: the pelapor, a korban or a pelaku (`peran`)."""

    __tablename__ = "pihak"
    __table_args__ = (Index("ix_pihak_kasus_id_peran", "kasus_id", "peran"),)

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    peran: str = Field(max_length=10, index=True)
    nama: str = Field(default="", max_length=200, index=True)
    nik: str = Field(default="", max_length=16, index=True)
    nik_peringatan: str = Field(default="", max_length=300)
    jenis_kelamin: str = Field(default="", max_length=1)
    tanggal_lahir: date | None = None
    usia: int | None = None
    anak: bool = Field(default=False, index=True)
    telepon: str = Field(default="", max_length=20, index=True)
    alamat: str = teks_panjang()
    kabkota_kode: str = Field(default="", max_length=8)
    pendidikan: str = Field(default="", max_length=30)
    pekerjaan: str = Field(default="", max_length=30)
    status_perkawinan: str = Field(default="", max_length=30)
    disabilitas: str = Field(default="", max_length=30)
    hubungan: str = Field(default="", max_length=30)
    adalah_korban: bool = False
    pelapor_id: uuid.UUID | None = Field(default=None, foreign_key="pihak.id")
    """On a korban who is the pelapor herself: her pelapor row, whose identity it mirrors."""
    usia_kejadian: int | None = None
    """Age at the kejadian (SIMFONI's age groups count this, not the age at entry)."""
    kelompok_usia: str = Field(default="", max_length=20, index=True)
    """Referensi `kelompok_usia` code of `usia_kejadian`; empty when the age is unknown."""
    anak_kejadian: bool = tanda()
    """Under 18 at the kejadian (UU Perlindungan Anak)."""
    kewarganegaraan: str = Field(default="", max_length=3)
    negara: str = Field(default="", max_length=60)
    tempat_lahir: str = Field(default="", max_length=100)
    agama: str = Field(default="", max_length=20)
    kecamatan: str = Field(default="", max_length=100)
    desa: str = Field(default="", max_length=100)
    akomodasi: str = teks_panjang()
    """Accommodation a disability needs (UU 12/2022 art. 66): interpreter, ramp, …"""
    sekolah: str = Field(default="", max_length=200)
    wali_nama: str = Field(default="", max_length=200)
    wali_hubungan: str = Field(default="", max_length=60)
    wali_telepon: str = Field(default="", max_length=20)
    tinggal_serumah: bool = tanda()
    """A pelaku who lives with the korban."""
    masih_menjangkau: bool = tanda()
    """A pelaku who can still reach the korban."""
    simfoni_diinput_pada: date | None = None
    """When this korban was entered into SIMFONI-PPA; None: not yet."""
    simfoni_diinput_oleh: str = Field(default="", max_length=100)


class DisabilitasPihak(Rekam, table=True):
    """One ragam disabilitas of a person (several may apply), as rows for the recap.
    Replaces `Pihak.disabilitas`, which revision 0006 copied here and nothing reads."""

    __tablename__ = "disabilitas_pihak"

    pihak_id: uuid.UUID = Field(foreign_key="pihak.id", index=True)
    ragam: str = Field(max_length=30)


class HubunganKorbanPelaku(Rekam, table=True):
    """How one pelaku is related to one korban: SIMFONI counts pelaku per korban, and
    in a case with two korban the same man may be father to one and uncle to the other."""

    __tablename__ = "hubungan_korban_pelaku"

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    korban_id: uuid.UUID = Field(foreign_key="pihak.id", index=True)
    pelaku_id: uuid.UUID = Field(foreign_key="pihak.id", index=True)
    hubungan: str = Field(default="", max_length=30)


class Persetujuan(Rekam, table=True):
    """Informed consent: what may be shared with which kinds of agency. Later steps
    check these columns before any personal information leaves the unit."""

    __tablename__ = "persetujuan"

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    korban_id: uuid.UUID | None = Field(default=None, foreign_key="pihak.id")
    pemberi: str = Field(default="korban", max_length=20)
    wali_nama: str = Field(default="", max_length=200)
    wali_hubungan: str = Field(default="", max_length=60)
    wali_nik: str = Field(default="", max_length=16)
    wali_telepon: str = Field(default="", max_length=20)
    izin_kesehatan: bool = False
    izin_hukum: bool = False
    izin_psikolog: bool = False
    izin_dinsos: bool = False
    izin_uptd_kabkota: bool = False
    izin_lainnya: bool = False
    lainnya_keterangan: str = Field(default="", max_length=200)
    tanggal: date | None = None
    petugas: str = Field(default="", max_length=100)
    saksi: str = Field(default="", max_length=200)
    izin_penampungan: bool = tanda()
    izin_lpsk: bool = tanda()
    lembaga_penerima: str = teks_panjang()
    """The receiving bodies by name (RSUD …, Polres …), as the client was told."""
    dicabut_pada: date | None = None
    """The client withdrew this consent on that day: nothing is shared from then on."""
    alasan_dicabut: str = teks_panjang()


class Asesmen(Rekam, table=True):
    """Needs per domain and the risk level; the rencana intervensi hangs off it."""

    __tablename__ = "asesmen"

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    korban_id: uuid.UUID | None = Field(default=None, foreign_key="pihak.id")
    kebutuhan_kesehatan: str = teks_panjang()
    kebutuhan_psikologis: str = teks_panjang()
    kebutuhan_hukum: str = teks_panjang()
    kebutuhan_sosial_ekonomi: str = teks_panjang()
    butuh_penampungan: bool = False
    kebutuhan_penampungan: str = teks_panjang()
    kebutuhan_keamanan: str = teks_panjang()
    tingkat_risiko: str = Field(default="", max_length=10, index=True)
    tanggal: date | None = None
    petugas: str = Field(default="", max_length=100)


class RencanaIntervensi(Rekam, table=True):
    """One planned service: which, by which provider, by when. Each runs its own SOP
    Pendampingan (steps with `rencana_id`), which fills status, dates and result."""

    __tablename__ = "rencana_intervensi"

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    layanan: str = Field(max_length=40)
    penyedia: str = Field(default="", max_length=200)
    tenggat: date | None = None
    keterangan: str = teks_panjang()
    korban_id: uuid.UUID | None = Field(default=None, foreign_key="pihak.id")
    penyedia_alamat: str = teks_panjang()
    pendamping: str = Field(default="", max_length=100)
    status: str = Field(default="direncanakan", max_length=20,
                        sa_column_kwargs={"server_default": "direncanakan"})
    persetujuan_layanan: str = Field(default="", max_length=10)
    """The client's consent to this service (SOP 18 step 2): "setuju" or "menolak"."""
    tanggal_persetujuan: date | None = None
    tanggal_mulai: date | None = None
    tanggal_selesai: date | None = None
    hasil: str = teks_panjang()


_TERBUKA = "finished_at IS NULL AND deleted_at IS NULL"
_SELESAI = "finished_at IS NOT NULL"


class LangkahKasus(Rekam, table=True):
    """One SOP step of one case. The deadline is stored, so the countdown survives a
    restart, a crash and a move to another laptop."""

    __tablename__ = "langkah_kasus"
    __table_args__ = (
        # the open steps, by deadline: what home sorts its active cases by
        Index("ix_langkah_kasus_terbuka", "deadline_at",
              sqlite_where=text(_TERBUKA), postgresql_where=text(_TERBUKA)),
        # the finished steps, by when: what the mutu baku figures of a period read
        Index("ix_langkah_kasus_selesai", "finished_at",
              sqlite_where=text(_SELESAI), postgresql_where=text(_SELESAI)),
        # the open steps per SOP step, late or not: the dashboard's figures (0008)
        Index("ix_langkah_kasus_terbuka_langkah", "sop_kode", "langkah_kode", "deadline_at",
              sqlite_where=text(_TERBUKA), postgresql_where=text(_TERBUKA)),
        # the finished steps per SOP step with what their compliance reads: a period's
        # counts grouped from the index alone (0010)
        Index("ix_langkah_kasus_selesai_langkah", "sop_kode", "langkah_kode", "finished_at",
              "deadline_at", "keputusan", "kasus_id", "deleted_at",
              sqlite_where=text(_SELESAI), postgresql_where=text(_SELESAI)),
    )

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    sop_kode: str = Field(max_length=30)
    langkah_kode: str = Field(max_length=10)
    started_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    deadline_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    durasi_detik: int | None = None
    durasi_kerja_detik: int | None = None
    """The time taken as its SOP counts it (working time where `hitungan = "kerja"`),
    fixed when the step finished under the unit's calendar then: mutu baku and the
    recap read it instead of recomputing every step (a year at 1M cases took 14.9 s).
    None on steps finished before revision 0006 or without a calendar: recomputed."""
    petugas: str = Field(default="", max_length=100)
    rencana_id: uuid.UUID | None = Field(default=None, foreign_key="rencana_intervensi.id",
                                         index=True)
    """Set on a SOP Pendampingan step: the service (rencana) whose run it belongs to.
    None: the case's main track (SOP Layanan)."""
    keputusan: str = Field(default="", max_length=30)
    """What finishing decided (step 3: the kewenangan; P2: setuju/menolak), or
    "dihentikan" when closing the case stopped the step (never counted as done)."""
    catatan: str = teks_panjang()
    batas_manual: bool = tanda()
    """The officer set this step's deadline (the SOP gives none, e.g. P4)."""


class RujukanMasuk(Rekam, table=True):
    """A referral from a kab/kota (SOP Layanan L4a): the case opens on the rujukan track."""

    __tablename__ = "rujukan_masuk"

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    lembaga_asal: str = Field(default="", max_length=200)
    kabkota_kode: str = Field(default="", max_length=8)
    nomor_surat: str = Field(default="", max_length=100)
    tanggal_surat: date | None = None
    ringkasan: str = teks_panjang()
    petugas: str = Field(default="", max_length=100)


class Pelimpahan(Rekam, table=True):
    """The case handed over to the body with authority (SOP Layanan step 3). The
    track ends when the receipt (`tanggal_tanda_terima`) is recorded."""

    __tablename__ = "pelimpahan"

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    tujuan_jenis: str = Field(default="", max_length=30)
    tujuan_nama: str = Field(default="", max_length=200)
    kabkota_kode: str = Field(default="", max_length=8)
    nomor_surat: str = Field(default="", max_length=100)
    tanggal_kirim: date | None = None
    tanggal_tanda_terima: date | None = None
    penerima: str = Field(default="", max_length=200)
    keterangan: str = teks_panjang()
    petugas: str = Field(default="", max_length=100)


class Disposisi(Rekam, table=True):
    """The Kepala's lembar disposisi (L4b): what to do, by whom, by when."""

    __tablename__ = "disposisi"

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    tanggal: date | None = None
    instruksi: str = Field(default="", max_length=300)
    """Codes of referensi `instruksi_disposisi`, comma-separated."""
    instruksi_lain: str = teks_panjang()
    kepada: str = Field(default="", max_length=200)
    batas_tanggal: date | None = None
    oleh: str = Field(default="", max_length=100)


class Penampungan(Rekam, table=True):
    """A shelter stay (penampungan sementara). Its own countdown: at most 14 days
    (Permen PPPA 2/2022) from admission, extended only with a reason."""

    __tablename__ = "penampungan"

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    korban_id: uuid.UUID | None = Field(default=None, foreign_key="pihak.id")
    waktu_masuk: datetime = Field(sa_type=UTCDateTime, nullable=False)
    batas_at: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)
    waktu_keluar: datetime | None = Field(default=None, sa_type=UTCDateTime)
    ruang: str = Field(default="", max_length=60)
    perpanjangan_hari: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    perpanjangan_alasan: str = teks_panjang()
    tujuan_keluar: str = Field(default="", max_length=30)
    keterangan: str = teks_panjang()
    petugas: str = Field(default="", max_length=100)


class Mediasi(Rekam, table=True):
    """One mediation session, its berita acara and the kesepakatan both parties sign."""

    __tablename__ = "mediasi"

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    waktu: datetime | None = Field(default=None, sa_type=UTCDateTime)
    pihak: str = teks_panjang()
    mediator: str = Field(default="", max_length=200)
    berita_acara: str = teks_panjang()
    hasil: str = Field(default="", max_length=20)
    kesepakatan: str = teks_panjang()
    ditandatangani: bool = False
    """Both parties signed the kesepakatan."""
    petugas: str = Field(default="", max_length=100)


class CatatanKegiatan(Rekam, table=True):
    """An entry of L7 (rekomendasi), L8 (pendampingan with the kab/kota), L9
    (pemantauan) or a later check that a mediation's kesepakatan is kept."""

    __tablename__ = "catatan_kegiatan"

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    jenis: str = Field(max_length=30)
    tanggal: date | None = None
    petugas: str = Field(default="", max_length=100)
    uraian: str = teks_panjang()
    korban_id: uuid.UUID | None = Field(default=None, foreign_key="pihak.id")
    pemulihan: str = Field(default="", max_length=20)
    mediasi_id: uuid.UUID | None = Field(default=None, foreign_key="mediasi.id")


class Terminasi(Rekam, table=True):
    """A closure of a case. Nothing is deleted: reopening stamps this row, and a
    later closure is a row of its own."""

    __tablename__ = "terminasi"

    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    tanggal: date | None = None
    alasan: str = Field(default="", max_length=30)
    keterangan: str = teks_panjang()
    kebutuhan_terpenuhi: bool = False
    korban_aman: bool = False
    ditinjau_kasi: bool = False
    petugas: str = Field(default="", max_length=100)
    dibuka_kembali_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    alasan_buka_kembali: str = teks_panjang()
    dibuka_kembali_oleh: str = Field(default="", max_length=100)


class NomorSurat(SQLModel, table=True):
    """The last letter number handed out per year; bumped atomically like register
    numbers."""

    __tablename__ = "nomor_surat"

    tahun: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    terakhir: int = 0


class Surat(Rekam, table=True):
    """A letter number given to one document of one case (`kunci`), so printing it
    again shows the same number."""

    __tablename__ = "surat"

    kunci: str = Field(max_length=120, unique=True)
    kasus_id: uuid.UUID = Field(foreign_key="kasus.id", index=True)
    dokumen: str = Field(max_length=40)
    nomor: str = Field(max_length=100)
    tahun: int
    urutan: int
    petugas: str = Field(default="", max_length=100)


class Draft(Rekam, table=True):
    """What an officer has typed into a form that is not saved yet, keyed by form and
    target, so a killed app can offer it back field for field. Scratch, not a record:
    it is removed once the form is saved."""

    __tablename__ = "draft"

    kunci: str = Field(max_length=120, unique=True)
    form_id: str = Field(max_length=40)
    judul: str = Field(default="", max_length=200)
    isi: str = teks_panjang()


class NomorRegister(SQLModel, table=True):
    """The last register number handed out per year; bumped atomically."""

    __tablename__ = "nomor_register"

    tahun: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    terakhir: int = 0


# accounts, assignments and the audit log (revision 0011) live in their own module
from ppa_tui.domain.models_akses import (  # noqa: E402, F401
    AuditEntri,
    Pengguna,
    PenugasanKasus,
    PeranPengguna,
)
