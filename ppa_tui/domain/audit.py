"""The append-only, hash-chained audit log (issue 12).

Every unit of work opened by `Database.session()` is audited: each record created,
changed (before and after values) or soft-deleted becomes an entry, written by the
`before_flush` hook below in the same transaction as the change, so no service can
forget it and no change lands without its entry. What is not a change (a login, a
failed login, viewing a case's personal data, a print, an export) is written by
`catat` in the service that does it.

Each entry carries `hash_sebelum` (the previous entry's hash) and `hash`, the SHA-256
of its own content and `hash_sebelum`. `verifikasi` walks the chain and names every
entry that was edited, deleted or moved. The chain has no secret: it shows tampering
by anyone who does not recompute every later hash; its head (`kepala`) can be written
down to catch even that.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, inspect, text
from sqlmodel import Session, select

from ppa_tui.domain.models import Draft, Kasus, Rekam, utcnow
from ppa_tui.domain.models_akses import AuditEntri

AKSI_LABEL = {
    "masuk": "Masuk",
    "gagal_masuk": "Gagal masuk",
    "keluar": "Keluar",
    "lihat": "Melihat data pribadi kasus",
    "buka_tersamar": "Membuka kasus tersamar (dengan alasan)",
    "buat": "Membuat",
    "ubah": "Mengubah",
    "hapus": "Menghapus",
    "cetak": "Mencetak dokumen",
    "ekspor": "Mengekspor",
    "nonaktifkan": "Menonaktifkan pengguna",
    "ganti_sandi": "Mengganti kata sandi",
    "atur_ulang_sandi": "Mengatur ulang kata sandi",
    "pemulihan": "Memakai kode pemulihan",
    "ditolak": "Ditolak",
}

_ABAIKAN_KOLOM = frozenset({"updated_at", "device_id", "created_at"})
_KOLOM_PRIBADI = {"pengguna": frozenset({"sandi_hash"})}  # recorded as changed, never valued
_KOLOM_SENYAP = {"pengguna": frozenset({"gagal_berturut", "terkunci_sampai", "masuk_terakhir"})}
"""Columns whose change is the login itself (its own entry says it), not an edit."""
_TABEL_SENYAP = (Draft,)  # scratch typed every half second: not records
_KUNCI_PG = ("SELECT pg_advisory_xact_lock(hashtext('ppa-tui audit ' || "
             "coalesce(current_schema(), '')))")


@dataclass(frozen=True)
class EntriAudit:
    """One entry as the Kepala reads it."""

    urutan: int
    waktu: datetime
    pengguna: str
    aksi: str
    tabel: str
    objek_id: str
    kasus_id: uuid.UUID | None
    rincian: dict[str, Any]

    @property
    def aksi_label(self) -> str:
        return AKSI_LABEL.get(self.aksi, self.aksi)


@dataclass(frozen=True)
class Temuan:
    """Something `verifikasi` found wrong, naming the entry."""

    urutan: int
    pesan: str


def catat(session: Session, aksi: str, *, tabel: str = "", objek_id: object = "",
          kasus_id: uuid.UUID | None = None, rincian: dict[str, Any] | None = None,
          pengguna: str | None = None) -> None:
    """Queue an entry that is not a record change; it is chained and written with the
    unit of work's next flush (at the latest, its commit)."""
    entri = AuditEntri(urutan=0, waktu=utcnow(), aksi=aksi, tabel=tabel,
                       objek_id=str(objek_id or ""), kasus_id=kasus_id,
                       rincian=_json(rincian or {}), hash="",
                       pengguna=session.info.get("pengguna", "") if pengguna is None
                       else pengguna)
    session.info.setdefault("audit_antri", []).append(entri)
    session.add(entri)


def _json(nilai: dict[str, Any]) -> str:
    return json.dumps(nilai, ensure_ascii=False, sort_keys=True, default=_teks)


def _teks(v: object) -> str:
    if isinstance(v, datetime | date):
        return v.isoformat()
    return str(v)


def hitung_hash(e: AuditEntri) -> str:
    isi = {
        "urutan": e.urutan, "waktu": e.waktu.isoformat(), "pengguna": e.pengguna,
        "aksi": e.aksi, "tabel": e.tabel, "objek_id": e.objek_id,
        "kasus_id": e.kasus_id.hex if e.kasus_id else "", "rincian": e.rincian,
        "device_id": e.device_id, "hash_sebelum": e.hash_sebelum,
    }
    data = json.dumps(isi, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(data).hexdigest()


def _kasus_dari(obj: Rekam) -> uuid.UUID | None:
    if isinstance(obj, Kasus):
        return obj.id
    return getattr(obj, "kasus_id", None)


def _perubahan(obj: Rekam, tabel: str) -> dict[str, Any]:
    """Changed columns: {kolom: [sebelum, sesudah]} (a password only by name)."""
    hasil: dict[str, Any] = {}
    pribadi = _KOLOM_PRIBADI.get(tabel, frozenset())
    senyap = _KOLOM_SENYAP.get(tabel, frozenset())
    for attr in inspect(obj).mapper.column_attrs:
        nama = attr.key
        if nama in _ABAIKAN_KOLOM or nama in senyap:
            continue
        h = inspect(obj).attrs[nama].history
        if not h.has_changes():
            continue
        lama = h.deleted[0] if h.deleted else None
        baru = h.added[0] if h.added else None
        if lama == baru:
            continue
        hasil[nama] = "(diubah)" if nama in pribadi else [lama, baru]
    return hasil


def _isian(obj: Rekam, tabel: str) -> list[str]:
    """The columns a new record was created with (names only: the values are the
    record itself, in the same database)."""
    pribadi = _KOLOM_PRIBADI.get(tabel, frozenset())
    return sorted(a.key for a in inspect(obj).mapper.column_attrs
                  if a.key not in _ABAIKAN_KOLOM and a.key != "id" and a.key not in pribadi
                  and getattr(obj, a.key) not in (None, "", False))


def _entri_perubahan(session: Session) -> Iterator[AuditEntri]:
    now = utcnow()
    pengguna = session.info.get("pengguna", "")
    for obj in list(session.new):
        if isinstance(obj, Rekam) and not isinstance(obj, _TABEL_SENYAP):
            tabel = obj.__tablename__
            yield AuditEntri(urutan=0, waktu=now, pengguna=pengguna, aksi="buat",
                             tabel=tabel, objek_id=obj.id.hex, kasus_id=_kasus_dari(obj),
                             rincian=_json({"isian": _isian(obj, tabel)}), hash="")
    for obj in list(session.dirty):
        if not isinstance(obj, Rekam) or isinstance(obj, _TABEL_SENYAP):
            continue
        if not session.is_modified(obj):
            continue
        tabel = obj.__tablename__
        ubah = _perubahan(obj, tabel)
        if not ubah:
            continue
        hapus = "deleted_at" in ubah and obj.deleted_at is not None
        yield AuditEntri(urutan=0, waktu=now, pengguna=pengguna,
                         aksi="hapus" if hapus else "ubah", tabel=tabel,
                         objek_id=obj.id.hex, kasus_id=_kasus_dari(obj),
                         rincian=_json(ubah), hash="")


def kepala(session: Session) -> tuple[int, str]:
    """The chain's last entry: its number and hash ((0, "") when empty)."""
    row = session.connection().execute(
        select(AuditEntri.urutan, AuditEntri.hash).order_by(AuditEntri.urutan.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row else (0, "")


@event.listens_for(Session, "before_flush")
def _tulis_audit(session: Session, _context, _instances) -> None:  # noqa: ANN001
    """Chain every pending entry: the queued ones (`catat`) in the order they were
    queued, then one per record created, changed or deleted in this flush."""
    if not session.info.get("audit"):
        return
    antri = [e for e in session.info.pop("audit_antri", []) if e in session.new]
    baru = antri + list(_entri_perubahan(session))
    if not baru:
        return
    conn = session.connection()
    if conn.dialect.name == "postgresql":  # one writer of the chain at a time
        conn.execute(text(_KUNCI_PG))
    urutan, sebelum = kepala(session)
    device = session.info.get("device_id", "")
    for e in baru:
        urutan += 1
        e.urutan, e.hash_sebelum, e.device_id = urutan, sebelum, device
        e.hash = hitung_hash(e)
        sebelum = e.hash
        session.add(e)


def _dari_baris(e: AuditEntri) -> EntriAudit:
    try:
        rincian = json.loads(e.rincian) if e.rincian else {}
    except ValueError:
        rincian = {"rusak": True}
    if not isinstance(rincian, dict):
        rincian = {"nilai": rincian}
    return EntriAudit(e.urutan, e.waktu, e.pengguna, e.aksi, e.tabel, e.objek_id,
                      e.kasus_id, rincian)


def daftar(session: Session, *, kasus_id: uuid.UUID | None = None, pengguna: str = "",
           batas: int = 500) -> list[EntriAudit]:
    """The newest entries first, of one case and/or one user."""
    q = select(AuditEntri).order_by(AuditEntri.urutan.desc()).limit(batas)
    if kasus_id is not None:
        q = q.where(AuditEntri.kasus_id == kasus_id)
    if pengguna:
        q = q.where(AuditEntri.pengguna == pengguna.strip().lower())
    return [_dari_baris(e) for e in session.exec(q)]  # type: ignore[call-overload]


def verifikasi(session: Session, per: int = 5000) -> list[Temuan]:
    """Walk the chain in order; every entry whose content no longer matches its hash
    (edited), whose link does not name the entry before it (an entry deleted or moved
    before it), or whose number skips (deleted) is named."""
    temuan: list[Temuan] = []
    harap_urutan, harap_sebelum = 1, ""
    terakhir = 0
    while True:
        q = (select(AuditEntri).where(AuditEntri.urutan > terakhir)
             .order_by(AuditEntri.urutan).limit(per))
        rows = list(session.exec(q))  # type: ignore[call-overload]
        if not rows:
            break
        for e in rows:
            if e.urutan != harap_urutan:
                hilang = (f"#{harap_urutan}" if e.urutan == harap_urutan + 1
                          else f"#{harap_urutan}–#{e.urutan - 1}")
                temuan.append(Temuan(harap_urutan, f"Entri {hilang} hilang (dihapus)."))
            if e.hash != hitung_hash(e):
                temuan.append(Temuan(e.urutan, f"Entri #{e.urutan} diubah: isinya tidak "
                                               "cocok lagi dengan hash-nya."))
            elif e.hash_sebelum != harap_sebelum and e.urutan == harap_urutan:
                temuan.append(Temuan(e.urutan, f"Rantai putus sebelum entri #{e.urutan}: "
                                               f"entri #{e.urutan - 1} diubah dan hash-nya "
                                               "dihitung ulang, atau entri ditukar."))
            harap_urutan, harap_sebelum = e.urutan + 1, e.hash
            terakhir = e.urutan
        session.expunge_all()
    return temuan

