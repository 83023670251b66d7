"""Case data in SIMFONI-PPA terms: the korban at the kejadian, pelaku per korban,
disability as several choices, channel, risk and jenis kasus at intake, consent to
shelter and LPSK with withdrawal, and when each korban was entered into SIMFONI-PPA

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 16:30:00

Every new column has a database default, so every existing row stays valid. Existing
data is carried over:
- `pihak.disabilitas` (one choice) becomes a `disabilitas_pihak` row ("tidak_ada"
  too: "no disability" is recorded, unlike an empty one); the old column stays and is
  no longer read.
- a pelaku's `hubungan` becomes one `hubungan_korban_pelaku` row per korban of the case.
- the age at the kejadian starts as the age recorded at entry (the best the old data
  knows); the app recomputes it from the date of birth and the kejadian on the next save.
- a finished step's working-time duration (`langkah_kasus.durasi_kerja_detik`) stays
  empty on old rows: mutu baku computes those as before.
- a guest's channel starts as "datang_langsung"; a case opened on the rujukan track
  as "rujukan", other cases as their guest's channel.
"""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

KELOMPOK_USIA = (  # referensi `kelompok_usia` as it stood at this revision
    (0, 5, "usia_0_5"), (6, 12, "usia_6_12"), (13, 17, "usia_13_17"),
    (18, 24, "usia_18_24"), (25, 44, "usia_25_44"), (45, 59, "usia_45_59"),
    (60, None, "usia_60_plus"),
)


def _rekam() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), primary_key=True, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def _str(nama: str, n: int, bawaan: str = "") -> sa.Column:
    return sa.Column(nama, sa.String(length=n), nullable=False, server_default=bawaan)


def _teks(nama: str) -> sa.Column:
    return sa.Column(nama, sa.Text(), nullable=False, server_default="")


def _tanda(nama: str) -> sa.Column:
    return sa.Column(nama, sa.Boolean(), nullable=False, server_default=sa.false())


def _fk_kolom(tabel: str, kolom: str, ke: str) -> None:
    """A nullable reference on an existing table (inline on SQLite, as in 0004)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {tabel} ADD COLUMN {kolom} CHAR(32) REFERENCES {ke} (id)")
    else:
        op.add_column(tabel, sa.Column(kolom, sa.Uuid(), nullable=True))
        op.create_foreign_key(f"{tabel}_{kolom}_fkey", tabel, ke, [kolom], ["id"])


def upgrade() -> None:
    op.add_column("buku_tamu", _str("saluran", 20, "datang_langsung"))
    for kolom in (_str("jenis_kasus", 30), _str("kejadian_berulang", 10),
                  _tanda("dilaporkan_polisi"), _str("dilaporkan_lain", 200),
                  _str("tingkat_risiko", 10), _str("saluran", 20)):
        op.add_column("kasus", kolom)
    op.create_index("ix_kasus_jenis_kasus", "kasus", ["jenis_kasus"])
    op.create_index("ix_kasus_tingkat_risiko", "kasus", ["tingkat_risiko"])

    op.add_column("langkah_kasus", sa.Column("durasi_kerja_detik", sa.Integer(), nullable=True))
    _fk_kolom("kekerasan_kasus", "korban_id", "pihak")
    op.create_index("ix_kekerasan_kasus_korban_id", "kekerasan_kasus", ["korban_id"])

    op.add_column("pihak", sa.Column("usia_kejadian", sa.Integer(), nullable=True))
    for kolom in (_str("kelompok_usia", 20), _tanda("anak_kejadian"),
                  _str("kewarganegaraan", 3), _str("negara", 60), _str("tempat_lahir", 100),
                  _str("agama", 20), _str("kecamatan", 100), _str("desa", 100),
                  _teks("akomodasi"), _str("sekolah", 200), _str("wali_nama", 200),
                  _str("wali_hubungan", 60), _str("wali_telepon", 20),
                  _tanda("tinggal_serumah"), _tanda("masih_menjangkau"),
                  sa.Column("simfoni_diinput_pada", sa.Date(), nullable=True),
                  _str("simfoni_diinput_oleh", 100)):
        op.add_column("pihak", kolom)
    op.create_index("ix_pihak_kelompok_usia", "pihak", ["kelompok_usia"])

    for kolom in (_tanda("izin_penampungan"), _tanda("izin_lpsk"),
                  _teks("lembaga_penerima"),
                  sa.Column("dicabut_pada", sa.Date(), nullable=True), _teks("alasan_dicabut")):
        op.add_column("persetujuan", kolom)

    op.create_table(
        "disabilitas_pihak",
        *_rekam(),
        sa.Column("pihak_id", sa.Uuid(), sa.ForeignKey("pihak.id"), nullable=False),
        sa.Column("ragam", sa.String(length=30), nullable=False),
    )
    op.create_index("ix_disabilitas_pihak_pihak_id", "disabilitas_pihak", ["pihak_id"])
    op.create_table(
        "hubungan_korban_pelaku",
        *_rekam(),
        sa.Column("kasus_id", sa.Uuid(), sa.ForeignKey("kasus.id"), nullable=False),
        sa.Column("korban_id", sa.Uuid(), sa.ForeignKey("pihak.id"), nullable=False),
        sa.Column("pelaku_id", sa.Uuid(), sa.ForeignKey("pihak.id"), nullable=False),
        sa.Column("hubungan", sa.String(length=30), nullable=False),
    )
    for kolom in ("kasus_id", "korban_id", "pelaku_id"):
        op.create_index(f"ix_hubungan_korban_pelaku_{kolom}", "hubungan_korban_pelaku",
                        [kolom])
    _salin_data()


def _salin_data() -> None:
    bind = op.get_bind()
    usia = " ".join(
        f"WHEN usia >= {lo}" + (f" AND usia <= {hi}" if hi is not None else "") + f" THEN '{k}'"
        for lo, hi, k in KELOMPOK_USIA
    )
    bind.execute(sa.text(
        f"UPDATE pihak SET usia_kejadian = usia, anak_kejadian = anak, "
        f"kelompok_usia = CASE {usia} ELSE '' END WHERE usia IS NOT NULL"
    ))
    bind.execute(sa.text(
        "UPDATE kasus SET saluran = 'rujukan' WHERE jalur = 'rujukan'"
    ))
    # IN (subquery): read once. A correlated EXISTS scanned all of buku_tamu (no index
    # on its kasus_id before 0009) for every case: more than 30 minutes at 1M cases.
    bind.execute(sa.text(
        "UPDATE kasus SET saluran = 'datang_langsung' WHERE saluran = '' AND id IN "
        "(SELECT kasus_id FROM buku_tamu WHERE kasus_id IS NOT NULL)"
    ))
    u = sa.Uuid()

    def rekam() -> tuple[sa.ColumnClause, ...]:
        return (sa.column("id", u), sa.column("created_at"), sa.column("updated_at"),
                sa.column("device_id"), sa.column("deleted_at"))

    disabilitas = sa.table("disabilitas_pihak", *rekam(), sa.column("pihak_id", u),
                           sa.column("ragam"))
    hubungan = sa.table("hubungan_korban_pelaku", *rekam(), sa.column("kasus_id", u),
                        sa.column("korban_id", u), sa.column("pelaku_id", u),
                        sa.column("hubungan"))
    pihak = sa.table("pihak", sa.column("id", u), sa.column("kasus_id", u),
                     sa.column("peran"), sa.column("disabilitas"), sa.column("hubungan"),
                     sa.column("deleted_at"), sa.column("device_id"))
    sekarang = datetime.now(UTC).replace(tzinfo=None)  # naive UTC, as the columns store it

    def baru(device: str, **isi: object) -> dict[str, object]:
        return {"id": uuid.uuid4(), "created_at": sekarang, "updated_at": sekarang,
                "device_id": device, "deleted_at": None, **isi}

    baris = [baru(device, pihak_id=pid, ragam=ragam) for pid, ragam, device in bind.execute(
        sa.select(pihak.c.id, pihak.c.disabilitas, pihak.c.device_id)
        .where(pihak.c.disabilitas != "")
    )]
    if baris:
        bind.execute(sa.insert(disabilitas), baris)
    korban = pihak.alias("k")
    pelaku = pihak.alias("p")
    pasangan = [
        baru(device, kasus_id=kasus_id, korban_id=korban_id, pelaku_id=pelaku_id,
             hubungan=jenis)
        for kasus_id, korban_id, pelaku_id, jenis, device in bind.execute(
            sa.select(pelaku.c.kasus_id, korban.c.id, pelaku.c.id, pelaku.c.hubungan,
                      pelaku.c.device_id)
            .select_from(pelaku.join(korban, korban.c.kasus_id == pelaku.c.kasus_id))
            .where(pelaku.c.peran == "pelaku", korban.c.peran == "korban",
                   pelaku.c.hubungan != "", pelaku.c.deleted_at.is_(None),
                   korban.c.deleted_at.is_(None))
        )
    ]
    if pasangan:
        bind.execute(sa.insert(hubungan), pasangan)


def downgrade() -> None:
    op.drop_table("hubungan_korban_pelaku")
    op.drop_table("disabilitas_pihak")
    for kolom in ("izin_penampungan", "izin_lpsk", "lembaga_penerima", "dicabut_pada",
                  "alasan_dicabut"):
        op.drop_column("persetujuan", kolom)
    op.drop_index("ix_pihak_kelompok_usia", table_name="pihak")
    for kolom in ("usia_kejadian", "kelompok_usia", "anak_kejadian", "kewarganegaraan",
                  "negara", "tempat_lahir", "agama", "kecamatan", "desa", "akomodasi",
                  "sekolah", "wali_nama", "wali_hubungan", "wali_telepon", "tinggal_serumah",
                  "masih_menjangkau", "simfoni_diinput_pada", "simfoni_diinput_oleh"):
        op.drop_column("pihak", kolom)
    op.drop_column("langkah_kasus", "durasi_kerja_detik")
    op.drop_index("ix_kekerasan_kasus_korban_id", table_name="kekerasan_kasus")
    op.drop_column("kekerasan_kasus", "korban_id")
    op.drop_index("ix_kasus_tingkat_risiko", table_name="kasus")
    op.drop_index("ix_kasus_jenis_kasus", table_name="kasus")
    for kolom in ("jenis_kasus", "kejadian_berulang", "dilaporkan_polisi", "dilaporkan_lain",
                  "tingkat_risiko", "saluran"):
        op.drop_column("kasus", kolom)
    op.drop_column("buku_tamu", "saluran")
