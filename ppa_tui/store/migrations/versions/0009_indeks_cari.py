"""The search index: SQLite FTS5 (trigram) kept current by triggers; PostgreSQL pg_trgm

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 16:30:00

What is searched and how: `ppa_tui/store/cari.py`. The index is built here for the
cases already in the database, so an upgraded desk finds its old cases at once. On
SQLite the triggers call ``ppa_lipat``, which the app's engine registers on every
connection (`store.engine`); on PostgreSQL ``ppa_lipat`` is created here as an SQL
function, with the pg_trgm and unaccent extensions in schema public.
"""

from alembic import op


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Written out here, not imported: a released revision never changes, whatever
# store/cari.py becomes. The phone expression and the register key must stay equal to
# the ones store/cari.py queries with (``_SQL_TELEPON``, ``KALI``).
KALI = 10_000_000
_SQL_TELEPON = ("CASE WHEN substr({c}, 1, 3) = '+62' THEN '0' || substr({c}, 4) "
                "ELSE replace({c}, '+', '') END")

_SQLITE_DOK = f"""
SELECT k.tahun * {KALI} + k.urutan,
       ppa_lipat(k.nomor_register),
       ppa_lipat(coalesce((SELECT group_concat(p.nama, ' | ') FROM pihak p
                           WHERE p.kasus_id = k.id AND p.deleted_at IS NULL
                           AND p.peran IN ('korban', 'pelapor', 'pelaku') AND p.nama != ''), '')
                 || ' | ' ||
                 coalesce((SELECT group_concat(t.nama, ' | ') FROM buku_tamu t
                           WHERE t.kasus_id = k.id AND t.deleted_at IS NULL
                           AND t.nama != ''), '')),
       coalesce((SELECT group_concat(p.nik || ' ' || {_SQL_TELEPON.format(c='p.telepon')}, ' ')
                 FROM pihak p WHERE p.kasus_id = k.id AND p.deleted_at IS NULL
                 AND p.peran IN ('korban', 'pelapor', 'pelaku')), ''),
       ppa_lipat(k.kronologi)
FROM kasus k"""


def _sqlite_bangun_ulang(kasus_id: str) -> str:
    """Trigger body: drop case ``kasus_id``'s row and insert it again (if kept)."""
    return (f"DELETE FROM cari_fts WHERE rowid = (SELECT tahun * {KALI} + urutan FROM kasus "
            f"WHERE id = {kasus_id}); "
            f"INSERT INTO cari_fts(rowid, nomor, nama, identitas, kronologi) {_SQLITE_DOK} "
            f"WHERE k.id = {kasus_id} AND k.deleted_at IS NULL;")


SQLITE_BUAT = [
    "CREATE VIRTUAL TABLE cari_fts USING fts5(nomor, nama, identitas, kronologi, "
    "tokenize = 'trigram')",
    f"INSERT INTO cari_fts(rowid, nomor, nama, identitas, kronologi) {_SQLITE_DOK} "
    "WHERE k.deleted_at IS NULL",
    # kasus: a new case, a changed number/kronologi, a soft delete
    f"CREATE TRIGGER cari_kasus_ai AFTER INSERT ON kasus BEGIN "
    f"{_sqlite_bangun_ulang('new.id')} END",
    f"CREATE TRIGGER cari_kasus_au AFTER UPDATE OF nomor_register, kronologi, deleted_at, "
    f"tahun, urutan ON kasus BEGIN "
    f"DELETE FROM cari_fts WHERE rowid = old.tahun * {KALI} + old.urutan; "
    f"{_sqlite_bangun_ulang('new.id')} END",
    f"CREATE TRIGGER cari_kasus_ad AFTER DELETE ON kasus BEGIN "
    f"DELETE FROM cari_fts WHERE rowid = old.tahun * {KALI} + old.urutan; END",
    # pihak: a person added, renamed, removed (any role: peran may change)
    f"CREATE TRIGGER cari_pihak_ai AFTER INSERT ON pihak BEGIN "
    f"{_sqlite_bangun_ulang('new.kasus_id')} END",
    f"CREATE TRIGGER cari_pihak_au AFTER UPDATE OF nama, nik, telepon, peran, deleted_at, "
    f"kasus_id ON pihak BEGIN {_sqlite_bangun_ulang('old.kasus_id')} "
    f"{_sqlite_bangun_ulang('new.kasus_id')} END",
    f"CREATE TRIGGER cari_pihak_ad AFTER DELETE ON pihak BEGIN "
    f"{_sqlite_bangun_ulang('old.kasus_id')} END",
    # buku tamu: a guest with a case
    f"CREATE TRIGGER cari_tamu_ai AFTER INSERT ON buku_tamu WHEN new.kasus_id IS NOT NULL "
    f"BEGIN {_sqlite_bangun_ulang('new.kasus_id')} END",
    f"CREATE TRIGGER cari_tamu_au AFTER UPDATE OF nama, kasus_id, deleted_at ON buku_tamu "
    f"WHEN old.kasus_id IS NOT NULL OR new.kasus_id IS NOT NULL BEGIN "
    f"{_sqlite_bangun_ulang('old.kasus_id')} {_sqlite_bangun_ulang('new.kasus_id')} END",
    f"CREATE TRIGGER cari_tamu_ad AFTER DELETE ON buku_tamu WHEN old.kasus_id IS NOT NULL "
    f"BEGIN {_sqlite_bangun_ulang('old.kasus_id')} END",
]
SQLITE_HAPUS = [
    *(f"DROP TRIGGER IF EXISTS cari_{t}_{a}" for t in ("kasus", "pihak", "tamu")
      for a in ("ai", "au", "ad")),
    "DROP TABLE IF EXISTS cari_fts",
]

_PG_DOK = f"""
SELECT k.tahun::bigint * {KALI} + k.urutan, k.id, ppa_lipat(k.nomor_register),
       ppa_lipat(coalesce((SELECT string_agg(p.nama, ' | ') FROM pihak p
                           WHERE p.kasus_id = k.id AND p.deleted_at IS NULL
                           AND p.peran IN ('korban', 'pelapor', 'pelaku') AND p.nama <> ''), '')
                 || ' | ' ||
                 coalesce((SELECT string_agg(t.nama, ' | ') FROM buku_tamu t
                           WHERE t.kasus_id = k.id AND t.deleted_at IS NULL
                           AND t.nama <> ''), '')),
       coalesce((SELECT string_agg(p.nik || ' ' || {_SQL_TELEPON.format(c='p.telepon')}, ' ')
                 FROM pihak p WHERE p.kasus_id = k.id AND p.deleted_at IS NULL
                 AND p.peran IN ('korban', 'pelapor', 'pelaku')), '')
FROM kasus k"""

PG_BUAT = [
    # one transaction at a time creates the extensions (two desks, or parallel tests)
    "SELECT pg_advisory_xact_lock(7234011)",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public",
    "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public",
    # IMMUTABLE: unaccent() itself is only STABLE (its dictionary could change), and an
    # index needs an immutable expression; the dictionary is named with its schema
    "CREATE OR REPLACE FUNCTION ppa_lipat(teks text) RETURNS text LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE STRICT AS $$ SELECT translate(lower(public.unaccent("
    "'public.unaccent'::regdictionary, teks)), "
    "E'\\t\\n\\r''’‘`ʼ´', '   ') $$",
    # one narrow row per kept case, already folded, keyed by its register key: ordering
    # by recency walks the key, and a match's recheck reads a short row, not pihak's
    "CREATE TABLE cari_dok (kunci bigint PRIMARY KEY, kasus_id uuid NOT NULL, "
    "nomor text NOT NULL, nama text NOT NULL, identitas text NOT NULL)",
    f"INSERT INTO cari_dok (kunci, kasus_id, nomor, nama, identitas) {_PG_DOK} "
    "WHERE k.deleted_at IS NULL",
    "CREATE UNIQUE INDEX ix_cari_dok_kasus ON cari_dok (kasus_id)",
    "CREATE INDEX ix_cari_dok_nama ON cari_dok USING gin (nama public.gin_trgm_ops)",
    "CREATE INDEX ix_cari_dok_nomor ON cari_dok USING gin (nomor public.gin_trgm_ops)",
    "CREATE INDEX ix_cari_dok_identitas ON cari_dok USING gin "
    "(identitas public.gin_trgm_ops)",
    # the kronologi is searched where it is (only when names run out)
    "CREATE INDEX ix_cari_kasus_kronologi ON kasus USING gin "
    "(ppa_lipat(kronologi) public.gin_trgm_ops)",
    f"""CREATE OR REPLACE FUNCTION ppa_cari_bangun(kid uuid) RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM cari_dok WHERE kasus_id = kid;
        INSERT INTO cari_dok (kunci, kasus_id, nomor, nama, identitas) {_PG_DOK}
        WHERE k.id = kid AND k.deleted_at IS NULL;
    END $$""",
    """CREATE OR REPLACE FUNCTION ppa_cari_kasus() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM cari_dok WHERE kasus_id = OLD.id;
        ELSE
            PERFORM ppa_cari_bangun(NEW.id);
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE OR REPLACE FUNCTION ppa_cari_anggota() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' AND OLD.kasus_id IS NOT NULL THEN
            PERFORM ppa_cari_bangun(OLD.kasus_id);
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.kasus_id IS NOT NULL AND (TG_OP = 'INSERT'
                OR NEW.kasus_id IS DISTINCT FROM OLD.kasus_id) THEN
            PERFORM ppa_cari_bangun(NEW.kasus_id);
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER cari_kasus AFTER INSERT OR DELETE OR UPDATE OF nomor_register, "
    "deleted_at, tahun, urutan ON kasus FOR EACH ROW EXECUTE FUNCTION ppa_cari_kasus()",
    "CREATE TRIGGER cari_pihak AFTER INSERT OR DELETE OR UPDATE OF nama, nik, telepon, "
    "peran, deleted_at, kasus_id ON pihak FOR EACH ROW EXECUTE FUNCTION ppa_cari_anggota()",
    "CREATE TRIGGER cari_tamu AFTER INSERT OR DELETE OR UPDATE OF nama, kasus_id, "
    "deleted_at ON buku_tamu FOR EACH ROW EXECUTE FUNCTION ppa_cari_anggota()",
    # statistics now: the planner's choice between walking the key and the trigram
    # index rests on how many rows a fragment matches
    "ANALYZE cari_dok",
    "ANALYZE kasus",
]
PG_HAPUS = [
    "DROP TRIGGER IF EXISTS cari_kasus ON kasus",
    "DROP TRIGGER IF EXISTS cari_pihak ON pihak",
    "DROP TRIGGER IF EXISTS cari_tamu ON buku_tamu",
    "DROP FUNCTION IF EXISTS ppa_cari_kasus()",
    "DROP FUNCTION IF EXISTS ppa_cari_anggota()",
    "DROP FUNCTION IF EXISTS ppa_cari_bangun(uuid)",
    "DROP TABLE IF EXISTS cari_dok",
    *(f"DROP INDEX IF EXISTS {n}" for n in (
        "ix_cari_pihak_nama", "ix_cari_pihak_nik", "ix_cari_pihak_telepon",
        "ix_cari_kasus_nomor", "ix_cari_kasus_kronologi", "ix_cari_tamu_nama")),
    "DROP FUNCTION IF EXISTS ppa_lipat(text)",
]


def _jalankan(perintah: list[str]) -> None:
    conn = op.get_bind()
    for sql in perintah:
        conn.exec_driver_sql(sql)


def upgrade() -> None:
    # a case's guests are read by kasus_id (the index rows, search results): without
    # this, each case's row would scan the whole buku tamu
    op.create_index("ix_buku_tamu_kasus_id", "buku_tamu", ["kasus_id"], if_not_exists=True)
    if op.get_bind().dialect.name == "sqlite":
        _jalankan(SQLITE_BUAT)
    else:
        _jalankan(PG_BUAT)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _jalankan(SQLITE_HAPUS)
    else:
        _jalankan(PG_HAPUS)
    op.drop_index("ix_buku_tamu_kasus_id", table_name="buku_tamu")
