"""Finding a case by a fragment: register number, a name of its korban, pelapor, pelaku
or guest, a NIK, a phone number (any way the forms accept it), or words of the
kronologi. One interface (`cari`), two indexes in the database itself:

- **SQLite**: an FTS5 table `cari_fts` with the `trigram` tokenizer, one row per kept
  case, columns ``nomor`` (register number), ``nama`` (the names), ``identitas`` (NIK
  and phone numbers as digits, "0812…" for an Indonesian number) and ``kronologi``.
  Its rowid is the case's register key ``tahun * 10_000_000 + urutan``, so "newest
  first" is the FTS5 index's own rowid order (no sort of the matches) and a page is a
  keyset page on it. Triggers on `kasus`, `pihak` and `buku_tamu` rebuild a case's row
  whenever a searched column changes; a soft-deleted case or person drops out.
- **PostgreSQL**: the same one row per case in a plain table `cari_dok` (register
  key, ``nomor``, ``nama``, ``identitas``; folded), kept by triggers, with `pg_trgm`
  GIN indexes, queried with ``LIKE '%…%'`` ordered by the key; the kronologi is
  searched in place (a GIN index on the folded `kasus.kronologi`). Trigram indexes on
  `pihak` itself were measured first: every match's row had to be read and re-folded
  to order by recency (160-400 ms for a common fragment at 1,000,000 cases).

Text is *folded* before it is indexed and before it is looked for (`lipat`): lower
case, accents removed ("Sofía" → "sofia"), apostrophes dropped ("Ma'ruf" → "maruf"),
every space one space. SQLite 3.40's trigram tokenizer cannot remove diacritics, so
the triggers call ``ppa_lipat``, this module's `lipat` registered on every connection
the app's engine opens (`store.engine`). A connection *without* it (the sqlite3 shell,
another program) can still read every table, but any write to `kasus`, `pihak` or
`buku_tamu` fails with "no such function: ppa_lipat" and is rolled back -- the index
can never silently fall behind the data. On PostgreSQL ``ppa_lipat`` is an SQL
function (lower + `unaccent`, declared IMMUTABLE so it can be indexed) and the query
is folded by the same function in the database.

Order: cases matched by their register number, a name, NIK or phone first, then
cases matched only in the kronologi; within each, newest register number first.
Queries shorter than 3 characters cannot use a trigram index: one or two digits find
the cases with that urutan in their register number ("12" → PPA/2026/0012, every
year), anything else asks for 3 characters (`PESAN_PENDEK`).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlmodel import Session

from ppa_tui.domain.models import UTCDateTime

__all__ = ["BATAS", "PESAN_PENDEK", "BarisCari", "HalamanCari", "Saringan",
           "bukan_tabel_model", "cari", "hitung", "lipat"]

BATAS = 50  # a page: what the search screen shows, and what `ppa cari` prints
HITUNG_MAKS = 1000  # matches are counted this far ("lebih dari 1.000")
KALI = 10_000_000  # register key = tahun * KALI + urutan
PESAN_PENDEK = "Ketik paling sedikit 3 huruf (atau 1–2 angka untuk nomor urut register)."
PERAN = ("korban", "pelapor", "pelaku")

# ---- folding --------------------------------------------------------------------

_APOSTROF = dict.fromkeys(map(ord, "'’‘`ʼ´"), None)
_SPASI = {ord(c): " " for c in "\t\n\r\v\f\u00a0"}
_LAIN = {ord("ß"): "ss", ord("ø"): "o", ord("ł"): "l", ord("đ"): "d", ord("æ"): "ae",
         ord("œ"): "oe", ord("ı"): "i"}
_ASCII = _APOSTROF | _SPASI


def lipat(teks: str | None) -> str:
    """Folded text as it is indexed and looked for: lower case, no accents, no
    apostrophes, tabs and newlines as spaces. Deterministic (SQLite indexes it)."""
    if not teks:
        return ""
    if teks.isascii():
        return teks.lower().translate(_ASCII)
    t = unicodedata.normalize("NFKD", teks.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t.translate(_ASCII | _LAIN)


def telepon_lokal(nilai: str | None) -> str:
    """A stored phone number (E.164, "+6281234567890") as digits the way it is
    dialled at home ("081234567890"); another country's keeps its code."""
    if not nilai:
        return ""
    if nilai.startswith("+62"):
        return "0" + nilai[3:]
    return re.sub(r"\D", "", nilai)


_SQL_TELEPON = ("CASE WHEN substr({c}, 1, 3) = '+62' THEN '0' || substr({c}, 4) "
                "ELSE replace({c}, '+', '') END")


def bukan_tabel_model(nama: str | None) -> bool:
    """The search index's own tables and indexes (not in `domain.models`)."""
    return bool(nama) and (nama.startswith("cari_") or nama.startswith("ix_cari_"))


# ---- what is asked ----------------------------------------------------------------


@dataclass(frozen=True)
class Saringan:
    """Filters; None/False: not filtered. ``dari``/``sampai``: `waktu_diterima` in
    [dari, sampai) (aware datetimes; the caller turns the officer's dates into them)."""

    status: str | None = None  # "aktif" / "selesai"
    kabkota: str | None = None  # Kemendagri code: the kejadian's or a korban's
    bentuk: str | None = None  # referensi `bentuk_kekerasan`
    dari: datetime | None = None
    sampai: datetime | None = None
    anak: bool = False  # a korban is a child
    terlambat: bool = False  # an open SOP step is past its deadline

    @property
    def kosong(self) -> bool:
        return self == Saringan()


@dataclass(frozen=True)
class _Kueri:
    jenis: str  # "terbaru" (none), "teks", "angka", "urut", "pendek"
    istilah: tuple[str, ...] = ()  # folded terms (teks) or digit forms (angka)
    urut: int = 0


_ANGKA = re.compile(r"[0-9+\-\s().]+")


def urai(kueri: str) -> _Kueri:
    """What kind of search a typed query is."""
    q = lipat(kueri).strip()
    if not q:
        return _Kueri("terbaru")
    if _ANGKA.fullmatch(q):
        digit = re.sub(r"\D", "", q)
        if len(digit) >= 3:
            bentuk = [digit]
            if digit.startswith("62") and len(digit) > 4:
                bentuk.append("0" + digit[2:])
            return _Kueri("angka", tuple(bentuk))
        if digit:
            return _Kueri("urut", urut=int(digit))
    istilah = tuple(dict.fromkeys(t for t in q.split() if len(t) >= 3))
    if not istilah:
        return _Kueri("pendek")
    return _Kueri("teks", istilah)


# ---- what is answered ----------------------------------------------------------------


@dataclass(frozen=True)
class BarisCari:
    id: uuid.UUID
    nomor_register: str
    korban: tuple[str, ...]  # names of the korban, in the order recorded
    anak: bool  # a korban is a child
    status: str
    kabkota_kode: str  # the kejadian's, else the first korban's
    cocok: str  # what matched: "korban: Siti Aisyah", "NIK pelapor", "kronologi: …"


@dataclass(frozen=True)
class HalamanCari:
    """One page. ``berikut`` is where the next page starts (None: last page);
    ``jumlah`` counts the matches up to `HITUNG_MAKS` (+1 means "more than"), None
    when not counted; ``pesan`` is a hint for the officer (short query)."""

    kueri: str
    saringan: Saringan
    setelah: tuple[int, int] | None
    baris: tuple[BarisCari, ...]
    berikut: tuple[int, int] | None
    jumlah: int | None
    pesan: str = ""
    istilah: tuple[str, ...] = field(default=())


def cari(session: Session, kueri: str, saringan: Saringan | None = None,
         setelah: tuple[int, int] | None = None, *, batas: int = BATAS,
         now: datetime | None = None, hitung: bool = True) -> HalamanCari:
    """The page of cases matching ``kueri`` and ``saringan`` after the keyset
    ``setelah`` ((tier, register key) of the previous page's last row; None: the
    first page). ``now`` decides "terlambat". An empty query lists by recency."""
    saringan = saringan or Saringan()
    k = urai(kueri)
    if k.jenis == "pendek":
        return HalamanCari(kueri, saringan, setelah, (), None, 0, PESAN_PENDEK)
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    if not sqlite:
        _rencana_khusus(conn)
    tingkat = _tingkat(k)
    hasil: list[tuple[int, int, uuid.UUID]] = []  # (tier, key, id)
    for t in range(setelah[0] if setelah else 0, len(tingkat)):
        sebelum = setelah[1] if setelah and setelah[0] == t else None
        sisa = batas + 1 - len(hasil)
        if sisa <= 0:
            break
        for key, kid in _baca(conn, sqlite, k, tingkat[t], saringan, sebelum, sisa, now):
            hasil.append((t, key, kid))
    lebih = len(hasil) > batas
    hasil = hasil[:batas]
    jumlah = None
    if setelah is None and not lebih:
        jumlah = len(hasil)  # all of them are on this page
    elif hitung and setelah is None:
        jumlah = _hitung(conn, sqlite, k, tingkat, saringan, now)
    baris = _isi(conn, hasil, k)
    berikut = (hasil[-1][0], hasil[-1][1]) if lebih and hasil else None
    if isinstance(kueri, str) and kueri.strip() and k.jenis == "urut":
        pesan = f"1–2 angka: kasus bernomor urut {k.urut}. Ketik 3 huruf untuk mencari nama."
    else:
        pesan = ""
    return HalamanCari(kueri, saringan, setelah, tuple(baris), berikut, jumlah, pesan,
                       k.istilah)


def hitung(session: Session, kueri: str, saringan: Saringan | None = None, *,
           now: datetime | None = None) -> int:
    """How many cases match, counting no further than `HITUNG_MAKS` + 1 (the screen
    asks for it after drawing the first page: counting a common fragment's thousand
    matches costs more than finding the page)."""
    k = urai(kueri)
    if k.jenis == "pendek":
        return 0
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    if not sqlite:
        _rencana_khusus(conn)
    return _hitung(conn, sqlite, k, _tingkat(k), saringan or Saringan(), now)


def _rencana_khusus(conn: Connection) -> None:
    """PostgreSQL plans each search with its fragment: psycopg prepares a statement run
    five times, and the generic plan that follows cannot know whether ``%aisy%``
    matches 2% of the cases (walk the key, stop at 51) or none (use the trigram
    index): at 1,000,000 cases the wrong one cost 130-330 ms instead of 2 ms. For
    this transaction only."""
    conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")
    # the second step of `_pg_baca` must use the trigram index, never read the table
    conn.exec_driver_sql("SET LOCAL enable_seqscan = off")


def _tingkat(k: _Kueri) -> tuple[str, ...]:
    if k.jenis == "teks":
        return ("identitas", "kronologi")
    return ("identitas",)


# ---- filters (the same SQL on both) -------------------------------------------------


def _saring(s: Saringan, now: datetime | None) -> tuple[list[str], dict[str, Any], list]:
    syarat, nilai, jenis = ["k.deleted_at IS NULL"], {}, []
    if s.status:
        syarat.append("k.status = :s_status")
        nilai["s_status"] = s.status
    if s.kabkota:
        syarat.append(
            "(k.kejadian_kabkota_kode = :s_kab OR EXISTS (SELECT 1 FROM pihak sp "
            "WHERE sp.kasus_id = k.id AND sp.peran = 'korban' AND sp.deleted_at IS NULL "
            "AND sp.kabkota_kode = :s_kab))")
        nilai["s_kab"] = s.kabkota
    if s.bentuk:
        syarat.append("EXISTS (SELECT 1 FROM kekerasan_kasus sx WHERE sx.kasus_id = k.id "
                      "AND sx.deleted_at IS NULL AND sx.bentuk = :s_bentuk)")
        nilai["s_bentuk"] = s.bentuk
    if s.dari is not None:
        syarat.append("k.waktu_diterima >= :s_dari")
        nilai["s_dari"] = s.dari
        jenis.append(bindparam("s_dari", type_=UTCDateTime()))
    if s.sampai is not None:
        syarat.append("k.waktu_diterima < :s_sampai")
        nilai["s_sampai"] = s.sampai
        jenis.append(bindparam("s_sampai", type_=UTCDateTime()))
    if s.anak:
        syarat.append("EXISTS (SELECT 1 FROM pihak sa WHERE sa.kasus_id = k.id "
                      "AND sa.peran = 'korban' AND sa.deleted_at IS NULL AND sa.anak = :s_ya)")
        nilai["s_ya"] = True
    if s.terlambat:
        if now is None:
            raise ValueError("saringan terlambat perlu `now`")
        syarat.append("k.status = 'aktif' AND EXISTS (SELECT 1 FROM langkah_kasus sl "
                      "WHERE sl.kasus_id = k.id AND sl.finished_at IS NULL "
                      "AND sl.deleted_at IS NULL AND sl.deadline_at < :s_now)")
        nilai["s_now"] = now
        jenis.append(bindparam("s_now", type_=UTCDateTime()))
    return syarat, nilai, jenis


# ---- reading one tier ---------------------------------------------------------------


def _fts_frasa(t: str) -> str:
    return '"' + t.replace('"', '""') + '"'


def _fts_match(k: _Kueri, tingkat: str) -> str:
    if k.jenis == "angka":
        return "{nomor identitas} : (" + " OR ".join(map(_fts_frasa, k.istilah)) + ")"
    semua = " AND ".join(map(_fts_frasa, k.istilah))
    utama = "{nomor nama} : (" + semua + ")"
    if tingkat == "identitas":
        return utama
    return f"({semua}) NOT {utama}"


def _like(t: str) -> str:
    return "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _pg_syarat(k: _Kueri, tingkat: str, nilai: dict[str, Any]) -> list[str]:
    """PostgreSQL: the conditions on ``cari_dok d`` (and ``kasus k``) of this tier."""
    for i, t in enumerate(k.istilah):
        nilai[f"q{i}"] = _like(t)
    q = [f"ppa_lipat(:q{i})" for i in range(len(k.istilah))]
    if k.jenis == "angka":
        return ["(" + " OR ".join(f"d.identitas LIKE :q{i} OR d.nomor LIKE :q{i}"
                                  for i in range(len(q))) + ")"]
    utama = [f"(d.nomor LIKE {p} OR d.nama LIKE {p})" for p in q]
    if tingkat == "identitas":
        return utama
    kron = [f"ppa_lipat(k.kronologi) LIKE {p}" for p in q]
    return [
        "k.id IN (" + " UNION ".join(
            f"SELECT id FROM kasus WHERE ppa_lipat(kronologi) LIKE {p}" for p in q) + ")",
        *(f"({u} OR {c})" for u, c in zip(utama, kron, strict=True)),
        "NOT (" + " AND ".join(utama) + ")",
    ]


def _baca(conn: Connection, sqlite: bool, k: _Kueri, tingkat: str, s: Saringan,
          sebelum: int | None, n: int, now: datetime | None) -> list[tuple[int, uuid.UUID]]:
    syarat, nilai, jenis = _saring(s, now)
    nilai["n"] = n
    if k.jenis in ("terbaru", "urut"):
        if k.jenis == "urut":
            syarat.append("k.urutan = :urut")
            nilai["urut"] = k.urut
        if sebelum is not None:
            syarat.append("(k.tahun < :ta OR (k.tahun = :ta AND k.urutan < :ur))")
            nilai["ta"], nilai["ur"] = divmod(sebelum, KALI)
        sql = (f"SELECT CAST(k.tahun AS BIGINT) * {KALI} + k.urutan AS kunci, k.id FROM kasus k "
               f"WHERE {' AND '.join(syarat)} ORDER BY k.tahun DESC, k.urutan DESC LIMIT :n")
    elif sqlite:
        nilai["m"] = _fts_match(k, tingkat)
        if sebelum is not None:
            syarat.append("cari_fts.rowid < :sebelum")
            nilai["sebelum"] = sebelum
        sql = (f"SELECT cari_fts.rowid AS kunci, k.id FROM cari_fts "
               f"JOIN kasus k ON k.tahun = cari_fts.rowid / {KALI} "
               f"AND k.urutan = cari_fts.rowid % {KALI} "
               f"WHERE cari_fts MATCH :m AND {' AND '.join(syarat)} "
               f"ORDER BY cari_fts.rowid DESC LIMIT :n")
    else:
        return _pg_baca(conn, k, tingkat, syarat, nilai, jenis, sebelum, n)
    stmt = text(sql).bindparams(*jenis) if jenis else text(sql)
    return [(int(r[0]), _uuid(r[1])) for r in conn.execute(stmt, nilai)]


JENDELA = 20_000  # PostgreSQL: the newest cases read in key order before the trigram index


def _pg_baca(conn: Connection, k: _Kueri, tingkat: str, syarat: list[str],
             nilai: dict[str, Any], jenis: list, sebelum: int | None,
             n: int) -> list[tuple[int, uuid.UUID]]:
    """PostgreSQL, in two steps whose cost is bounded either way: first the newest
    `JENDELA` cases in key order (a common fragment has its page there), then,
    if the page is not full, the older ones through the trigram index (which is cheap
    exactly when matches are few); digits go to the index at once. Left to itself the
    planner guessed between the two from the fragment's estimated frequency, and a wrong
    guess cost 300-600 ms."""
    syarat = _pg_syarat(k, tingkat, nilai) + syarat
    if sebelum is not None:
        nilai["sebelum"] = sebelum
    atas = "WHERE kunci < :sebelum " if sebelum is not None else ""
    jendela = (f"SELECT d.kunci, d.kasus_id, d.nomor, d.nama, d.identitas FROM "
               f"(SELECT * FROM cari_dok {atas}ORDER BY kunci DESC LIMIT {JENDELA}) d "
               f"JOIN kasus k ON k.id = d.kasus_id WHERE {' AND '.join(syarat)} "
               f"ORDER BY d.kunci DESC LIMIT :n")
    hasil: list[tuple[int, uuid.UUID]] = []
    if k.jenis == "teks":  # a NIK or phone fragment is rare: straight to the index
        stmt = text(jendela).bindparams(*jenis) if jenis else text(jendela)
        hasil = [(int(r[0]), _uuid(r[1])) for r in conn.execute(stmt, nilai)]
        if len(hasil) >= n:
            return hasil
    if k.jenis == "teks":
        batas = conn.execute(text(f"SELECT min(kunci) FROM (SELECT kunci FROM cari_dok "
                                  f"{atas}ORDER BY kunci DESC LIMIT {JENDELA}) w"),
                             nilai).scalar()
        if batas is None:
            return hasil
        syarat = [*syarat, "d.kunci < :bawah"]
        nilai = {**nilai, "bawah": batas}
    elif sebelum is not None:
        syarat = [*syarat, "d.kunci < :sebelum"]
    nilai = {**nilai, "n": n - len(hasil)}
    lama = (f"SELECT d.kunci, d.kasus_id FROM cari_dok d JOIN kasus k ON k.id = d.kasus_id "
            f"WHERE {' AND '.join(syarat)} "
            f"ORDER BY d.kunci + 0 DESC LIMIT :n")  # + 0: through the trigram index
    stmt = text(lama).bindparams(*jenis) if jenis else text(lama)
    return hasil + [(int(r[0]), _uuid(r[1])) for r in conn.execute(stmt, nilai)]


def _hitung(conn: Connection, sqlite: bool, k: _Kueri, tingkat: tuple[str, ...],
            s: Saringan, now: datetime | None) -> int:
    """How many cases match, counting no further than `HITUNG_MAKS` + 1. Without
    filters SQLite counts the index's own rows (a removed case has none), joining no
    table."""
    if sqlite and s.kosong and k.jenis in ("teks", "angka"):
        total = 0
        for t in tingkat:
            total += conn.execute(text(
                "SELECT count(*) FROM (SELECT 1 FROM cari_fts WHERE cari_fts MATCH :m "
                "LIMIT :n)"), {"m": _fts_match(k, t), "n": HITUNG_MAKS + 1 - total}).scalar()
            if total > HITUNG_MAKS:
                break
        return min(total, HITUNG_MAKS + 1)
    total = 0
    for t in tingkat:
        sisa = HITUNG_MAKS + 1 - total
        if sisa <= 0:
            break
        total += len(_baca(conn, sqlite, k, t, s, None, sisa, now))
    return min(total, HITUNG_MAKS + 1)


def _uuid(v: Any) -> uuid.UUID:
    return v if isinstance(v, uuid.UUID) else uuid.UUID(str(v))


# ---- the rows of a page, and what matched --------------------------------------------


@dataclass(frozen=True)
class _Orang:
    peran: str
    nama: str
    nik: str
    telepon: str
    anak: bool
    kabkota_kode: str


def _ambil(conn: Connection, sql: str, ids: list[uuid.UUID]) -> list:
    """Rows of ``sql`` whose ``{ids}`` is the given ids: plain driver SQL (the ORM's
    statement building was most of a search's time), ids in their stored form."""
    sqlite = conn.dialect.name == "sqlite"
    tanda = "?" if sqlite else "%s"
    nilai = tuple(i.hex if sqlite else i for i in ids)
    return conn.exec_driver_sql(sql.format(ids=", ".join([tanda] * len(ids))), nilai).all()


def _isi(conn: Connection, hasil: list[tuple[int, int, uuid.UUID]], k: _Kueri) -> list[BarisCari]:
    if not hasil:
        return []
    ids = [kid for _, _, kid in hasil]
    simpan = {i.hex if conn.dialect.name == "sqlite" else i: i for i in ids}  # stored -> id

    def _uuid(v: Any) -> uuid.UUID:
        return simpan[v] if v in simpan else uuid.UUID(str(v))

    kasus = {_uuid(r[0]): r for r in _ambil(
        conn, "SELECT id, nomor_register, status, kejadian_kabkota_kode FROM kasus "
              "WHERE id IN ({ids})", ids)}
    kronologi = [kid for t, _, kid in hasil if t == 1]
    teks_kronologi = {_uuid(r[0]): r[1] for r in _ambil(
        conn, "SELECT id, kronologi FROM kasus WHERE id IN ({ids})", kronologi)
    } if kronologi else {}
    pihak: dict[uuid.UUID, list[_Orang]] = defaultdict(list)
    for r in _ambil(conn, "SELECT kasus_id, peran, nama, nik, telepon, anak, kabkota_kode "
                          "FROM pihak WHERE kasus_id IN ({ids}) AND deleted_at IS NULL "
                          "AND peran IN ('korban', 'pelapor', 'pelaku') "
                          "ORDER BY created_at, id", ids):
        pihak[_uuid(r[0])].append(_Orang(r[1], r[2] or "", r[3] or "", r[4] or "",
                                         bool(r[5]), r[6] or ""))
    tamu: dict[uuid.UUID, list[str]] = defaultdict(list)
    if k.jenis == "teks":
        for r in _ambil(conn, "SELECT kasus_id, nama FROM buku_tamu WHERE kasus_id IN ({ids}) "
                              "AND deleted_at IS NULL", ids):
            tamu[_uuid(r[0])].append(r[1] or "")
    baris = []
    for _, _, kid in hasil:
        kas = kasus.get(kid)
        if kas is None:
            continue
        orang = pihak.get(kid, [])
        korban = [p for p in orang if p.peran == "korban"]
        kab = kas[3] or next((p.kabkota_kode for p in korban if p.kabkota_kode), "")
        baris.append(BarisCari(
            kid, kas[1], tuple(p.nama for p in korban), any(p.anak for p in korban), kas[2],
            kab, _apa_cocok(k, kas[1], orang, tamu.get(kid, []), teks_kronologi.get(kid, ""))))
    return baris


def _apa_cocok(k: _Kueri, nomor: str, orang: list, tamu: list[str], kronologi: str) -> str:
    if k.jenis in ("terbaru", "urut"):
        return ""
    if k.jenis == "angka":
        for t in k.istilah:
            if t in lipat(nomor):
                return "nomor register"
            for p in orang:
                if p.nik and t in p.nik:
                    return f"NIK {p.peran}"
                if p.telepon and t in telepon_lokal(p.telepon):
                    return f"telepon {p.peran}"
        return ""
    bagian = []
    for t in k.istilah:
        if t in lipat(nomor):
            bagian.append("nomor register")
            continue
        nama = next((f"{p.peran}: {p.nama}" for p in orang if t in lipat(p.nama)), None)
        if nama is None:
            nama = next((f"tamu: {n}" for n in tamu if t in lipat(n)), None)
        if nama is not None:
            if nama not in bagian:
                bagian.append(nama)
            continue
        if kronologi:
            bagian.append("kronologi: " + potongan(kronologi, t))
    return "; ".join(bagian)


def potongan(teks: str, istilah: str, lebar: int = 40) -> str:
    """A few words of ``teks`` around the folded ``istilah`` ("…di Koba minggu…")."""
    dilipat = lipat(teks)
    i = dilipat.find(istilah)
    if i < 0 or len(dilipat) != len(teks):  # folding moved the letters: search by word
        kata = teks.split()
        for j, w in enumerate(kata):
            if istilah in lipat(w):
                awal = max(0, j - 2)
                inti = " ".join(kata[awal:j + 4])
                return ("…" if awal else "") + inti + ("…" if j + 4 < len(kata) else "")
        return teks[:lebar] + ("…" if len(teks) > lebar else "")
    awal = max(0, i - lebar // 3)
    akhir = min(len(teks), awal + lebar)
    inti = " ".join(teks[awal:akhir].split())
    return ("…" if awal else "") + inti + ("…" if akhir < len(teks) else "")
