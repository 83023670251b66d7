"""The case goes on: step runs per service, referral, pelimpahan, disposisi, shelter,
mediation, activity notes, closure, letter numbers

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 14:00:00

`langkah_kasus` gains `rencana_id` (a SOP Pendampingan run belongs to one rencana),
`keputusan`, `catatan` and `batas_manual`; `rencana_intervensi` gains its korban,
status, consent, dates and result; `kasus` gains `kewenangan`. New tables hold what
the later SOP steps record. Cases that the old code marked `selesai_jalur` (it
"closed" a case when its track ended) are open again: only a terminasi closes one.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _rekam() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), primary_key=True, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def _kasus_id() -> sa.Column:
    return sa.Column("kasus_id", sa.Uuid(), sa.ForeignKey("kasus.id"), nullable=False)


def _teks(nama: str) -> sa.Column:
    return sa.Column(nama, sa.Text(), nullable=False)


def _str(nama: str, n: int, nullable: bool = False) -> sa.Column:
    return sa.Column(nama, sa.String(length=n), nullable=nullable)


def _fk_kolom(tabel: str, kolom: str, ke: str) -> None:
    """A nullable reference added to an existing table. SQLite cannot add a
    constraint to a table (and a batch copy would drop tables others point at): the
    reference goes inline, which ADD COLUMN allows for a NULL column."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {tabel} ADD COLUMN {kolom} CHAR(32) REFERENCES {ke} (id)")
    else:
        op.add_column(tabel, sa.Column(kolom, sa.Uuid(), nullable=True))
        op.create_foreign_key(f"{tabel}_{kolom}_fkey", tabel, ke, [kolom], ["id"])


def upgrade() -> None:
    op.add_column("kasus", sa.Column("kewenangan", sa.String(length=20), nullable=False,
                                     server_default=""))
    op.execute("UPDATE kasus SET status = 'aktif' WHERE status = 'selesai_jalur'")

    for kolom in (
        sa.Column("penyedia_alamat", sa.Text(), nullable=False, server_default=""),
        sa.Column("pendamping", sa.String(length=100), nullable=False, server_default=""),
        sa.Column("status", sa.String(length=20), nullable=False,
                  server_default="direncanakan"),
        sa.Column("persetujuan_layanan", sa.String(length=10), nullable=False,
                  server_default=""),
        sa.Column("tanggal_persetujuan", sa.Date(), nullable=True),
        sa.Column("tanggal_mulai", sa.Date(), nullable=True),
        sa.Column("tanggal_selesai", sa.Date(), nullable=True),
        sa.Column("hasil", sa.Text(), nullable=False, server_default=""),
    ):
        op.add_column("rencana_intervensi", kolom)
    _fk_kolom("rencana_intervensi", "korban_id", "pihak")

    _fk_kolom("langkah_kasus", "rencana_id", "rencana_intervensi")
    op.create_index("ix_langkah_kasus_rencana_id", "langkah_kasus", ["rencana_id"])
    op.add_column("langkah_kasus", sa.Column("keputusan", sa.String(length=30),
                                             nullable=False, server_default=""))
    op.add_column("langkah_kasus", sa.Column("catatan", sa.Text(), nullable=False,
                                             server_default=""))
    op.add_column("langkah_kasus", sa.Column("batas_manual", sa.Boolean(), nullable=False,
                                             server_default=sa.false()))

    op.create_table(
        "rujukan_masuk", *_rekam(), _kasus_id(),
        _str("lembaga_asal", 200), _str("kabkota_kode", 8), _str("nomor_surat", 100),
        sa.Column("tanggal_surat", sa.Date(), nullable=True), _teks("ringkasan"),
        _str("petugas", 100),
    )
    op.create_table(
        "pelimpahan", *_rekam(), _kasus_id(),
        _str("tujuan_jenis", 30), _str("tujuan_nama", 200), _str("kabkota_kode", 8),
        _str("nomor_surat", 100), sa.Column("tanggal_kirim", sa.Date(), nullable=True),
        sa.Column("tanggal_tanda_terima", sa.Date(), nullable=True), _str("penerima", 200),
        _teks("keterangan"), _str("petugas", 100),
    )
    op.create_table(
        "disposisi", *_rekam(), _kasus_id(),
        sa.Column("tanggal", sa.Date(), nullable=True), _str("instruksi", 300),
        _teks("instruksi_lain"), _str("kepada", 200),
        sa.Column("batas_tanggal", sa.Date(), nullable=True), _str("oleh", 100),
    )
    op.create_table(
        "penampungan", *_rekam(), _kasus_id(),
        sa.Column("korban_id", sa.Uuid(), sa.ForeignKey("pihak.id"), nullable=True),
        sa.Column("waktu_masuk", sa.DateTime(), nullable=False),
        sa.Column("batas_at", sa.DateTime(), nullable=False),
        sa.Column("waktu_keluar", sa.DateTime(), nullable=True),
        _str("ruang", 60),
        sa.Column("perpanjangan_hari", sa.Integer(), nullable=False, server_default="0"),
        _teks("perpanjangan_alasan"), _str("tujuan_keluar", 30), _teks("keterangan"),
        _str("petugas", 100),
    )
    op.create_table(
        "mediasi", *_rekam(), _kasus_id(),
        sa.Column("waktu", sa.DateTime(), nullable=True), _teks("pihak"),
        _str("mediator", 200), _teks("berita_acara"), _str("hasil", 20),
        _teks("kesepakatan"), sa.Column("ditandatangani", sa.Boolean(), nullable=False),
        _str("petugas", 100),
    )
    op.create_table(
        "catatan_kegiatan", *_rekam(), _kasus_id(),
        _str("jenis", 30), sa.Column("tanggal", sa.Date(), nullable=True),
        _str("petugas", 100), _teks("uraian"),
        sa.Column("korban_id", sa.Uuid(), sa.ForeignKey("pihak.id"), nullable=True),
        _str("pemulihan", 20),
        sa.Column("mediasi_id", sa.Uuid(), sa.ForeignKey("mediasi.id"), nullable=True),
    )
    op.create_table(
        "terminasi", *_rekam(), _kasus_id(),
        sa.Column("tanggal", sa.Date(), nullable=True), _str("alasan", 30),
        _teks("keterangan"),
        sa.Column("kebutuhan_terpenuhi", sa.Boolean(), nullable=False),
        sa.Column("korban_aman", sa.Boolean(), nullable=False),
        sa.Column("ditinjau_kasi", sa.Boolean(), nullable=False),
        _str("petugas", 100), sa.Column("dibuka_kembali_at", sa.DateTime(), nullable=True),
        _teks("alasan_buka_kembali"), _str("dibuka_kembali_oleh", 100),
    )
    op.create_table(
        "nomor_surat",
        sa.Column("tahun", sa.Integer(), primary_key=True, autoincrement=False,
                  nullable=False),
        sa.Column("terakhir", sa.Integer(), nullable=False),
    )
    op.create_table(
        "surat", *_rekam(), _kasus_id(),
        _str("kunci", 120), _str("dokumen", 40), _str("nomor", 100),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False), _str("petugas", 100),
        sa.UniqueConstraint("kunci"),
    )
    for tabel in ("rujukan_masuk", "pelimpahan", "disposisi", "penampungan", "mediasi",
                  "catatan_kegiatan", "terminasi", "surat"):
        op.create_index(f"ix_{tabel}_kasus_id", tabel, ["kasus_id"])
    op.create_index("ix_penampungan_batas_at", "penampungan", ["batas_at"])


def downgrade() -> None:
    for tabel in ("surat", "nomor_surat", "terminasi", "catatan_kegiatan", "mediasi",
                  "penampungan", "disposisi", "pelimpahan", "rujukan_masuk"):
        op.drop_table(tabel)
    op.drop_index("ix_langkah_kasus_rencana_id", table_name="langkah_kasus")
    for tabel, kolom in (("langkah_kasus", ("rencana_id", "keputusan", "catatan",
                                             "batas_manual")),
                         ("rencana_intervensi", ("korban_id", "penyedia_alamat", "pendamping",
                                                 "status", "persetujuan_layanan",
                                                 "tanggal_persetujuan", "tanggal_mulai",
                                                 "tanggal_selesai", "hasil")),
                         ("kasus", ("kewenangan",))):
        for nama in kolom:
            if op.get_bind().dialect.name != "sqlite" and nama in ("rencana_id", "korban_id"):
                op.drop_constraint(f"{tabel}_{nama}_fkey", tabel, type_="foreignkey")
            op.drop_column(tabel, nama)
