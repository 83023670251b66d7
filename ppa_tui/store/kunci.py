"""Key slots: the file beside an encrypted SQLite database that opens it.

The database is encrypted with one random 256-bit key. That key is never stored as
such: `<db>.kunci` (JSON, 0600) holds it wrapped (AES-256-GCM) once per user under a
key derived from the user's password (argon2id, `domain/kata_sandi.py`), and once
under a recovery code shown a single time. Any user opens the database with their own
password; a password change re-wraps only that user's slot; disabling a user removes
it. The associated data of each wrap names its slot and the format version, so a slot
copied under another name, or into another version, does not open.

Failed logins are counted here, not in the database: until the password is right the
encrypted database cannot be opened to record them. After `BATAS_GAGAL` failures in
a row a name is locked for `LAMA_TERKUNCI`. The domain takes the failures
(`ambil_gagal`) at the next successful login to write them into the audit log.

Every change re-reads the file under a lock (`<db>.kunci.lock`) and replaces it
atomically (temp file, fsync, rename), so two desks on one laptop never lose each
other's slots or counts.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ppa_tui.domain.kata_sandi import (
    BATAS_GAGAL,
    BIAYA_KUNCI,
    LAMA_TERKUNCI,
    PANJANG_KUNCI,
    BiayaKunci,
    pesan_terkunci,
    turunkan_kunci,
)
from ppa_tui.galat import PesanPetugas
from ppa_tui.pribadi import BERKAS, folder_pribadi

FORMAT = "ppa-kunci"
VERSI = 1
SIMPAN_GAGAL = 100  # failed attempts kept per name until the domain takes them
SIMPAN_ASING = 50  # names without a slot whose failures are kept (probing, typos)
_ABJAD = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"  # base32: no 0/1/8, read aloud safely
_KELOMPOK, _PANJANG_KELOMPOK = 6, 5  # the recovery code: 30 characters, 150 bits
_GARAM_SEMU = b"ppa-kunci/semu!!"  # an unknown name still costs one derivation


class BerkasKunciRusak(PesanPetugas):
    """The key-slot file is missing, damaged or not one of ours."""


class GagalMasuk(PesanPetugas):
    """A login that did not open the database."""


class SandiSalah(GagalMasuk):
    """Wrong name or password; `sisa` tries before the lock-out."""

    def __init__(self, sisa: int) -> None:
        self.sisa = sisa
        super().__init__(f"Nama pengguna atau kata sandi salah. Sisa percobaan: {sisa}.")


class Terkunci(GagalMasuk):
    """Too many failures in a row: no try counts until `sampai`."""

    def __init__(self, sampai: datetime, sekarang: datetime) -> None:
        self.sampai = sampai
        super().__init__(pesan_terkunci(sampai, sekarang))


class KodePemulihanSalah(PesanPetugas):
    """The recovery code does not open this database."""


def kunci_acak() -> bytes:
    """A new random database key (256 bits)."""
    return secrets.token_bytes(PANJANG_KUNCI)


def path_kunci(db_path: Path) -> Path:
    """Where the key slots of the SQLite file `db_path` live."""
    return Path(f"{Path(db_path)}.kunci")


class BerkasKunci:
    """The key-slot file of one database. Reads are from the last load; every change
    re-reads the file under the lock first."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = Path(path)
        self._data = data

    # ---- the file ----------------------------------------------------------------------

    @staticmethod
    def ada(path: Path) -> bool:
        return Path(path).is_file()

    @classmethod
    def buat(cls, path: Path, kunci_db: bytes) -> BerkasKunci:
        """A new slot file for `kunci_db`, with no slots yet. Refuses to overwrite one
        that exists: its slots may be the only way into a database."""
        path = Path(path)
        if len(kunci_db) != PANJANG_KUNCI:
            raise ValueError("kunci_db must be 32 bytes")
        if not path.parent.exists():
            folder_pribadi(path.parent)
        data = {"format": FORMAT, "versi": VERSI, "cek": _b64(_cek(kunci_db)),
                "pengguna": {}, "pemulihan": None, "gagal": {}}
        with _terkunci(path):
            try:
                _tulis(path, data, timpa=False)
            except FileExistsError:
                raise BerkasKunciRusak(
                    f"Berkas kunci {path} sudah ada; tidak ditimpa (isinya mungkin satu-satunya "
                    "jalan membuka basis data).") from None
        return cls(path, data)

    @classmethod
    def baca(cls, path: Path) -> BerkasKunci:
        path = Path(path)
        return cls(path, _baca(path))

    # ---- slots -------------------------------------------------------------------------

    def nama(self) -> list[str]:
        """The users who hold a slot, sorted."""
        return sorted(self._data["pengguna"])

    def tambah(self, nama: str, sandi: str, kunci_db: bytes) -> None:
        """Give `nama` a slot opened by `sandi` (a new user, a password change, a reset);
        replaces that user's earlier slot and clears its lock-out, touches no other."""
        self._periksa_kunci(kunci_db)
        slot = _bungkus(kunci_db, sandi, _ad_pengguna(nama))
        with self._ubah() as data:
            data["pengguna"][nama] = slot
            catatan = data["gagal"].get(nama)
            if catatan:
                catatan["berturut"], catatan["sampai"] = 0, None

    def hapus(self, nama: str) -> bool:
        """Remove `nama`'s slot (a disabled user); False when there was none."""
        with self._ubah() as data:
            return data["pengguna"].pop(nama, None) is not None

    def buka(self, nama: str, sandi: str, sekarang: datetime) -> bytes:
        """The database key, with `nama`'s password. Raises `SandiSalah` (tries left)
        or `Terkunci` (until when). An unknown name fails exactly like a wrong
        password, after the same derivation, so names cannot be probed."""
        with self._ubah() as data:
            hasil = _coba(data, nama, sandi, sekarang.astimezone(UTC))
        if isinstance(hasil, Exception):
            raise hasil
        return hasil

    def ambil_gagal(self, nama: str) -> list[datetime]:
        """The failed attempts on `nama` recorded since the last call, oldest first,
        and forget them (the domain writes them into the audit log)."""
        with self._ubah() as data:
            catatan = data["gagal"].get(nama)
            if not catatan or not catatan["waktu"]:
                return []
            waktu, catatan["waktu"] = catatan["waktu"], []
        return [datetime.fromisoformat(w) for w in waktu]

    def pemulihan_baru(self, kunci_db: bytes) -> str:
        """A new recovery code for `kunci_db`, replacing any earlier one. Shown once:
        it is not kept anywhere."""
        self._periksa_kunci(kunci_db)
        mentah = "".join(secrets.choice(_ABJAD) for _ in range(_KELOMPOK * _PANJANG_KELOMPOK))
        slot = _bungkus(kunci_db, mentah, _ad_pemulihan())
        with self._ubah() as data:
            data["pemulihan"] = slot
        return "-".join(mentah[i:i + _PANJANG_KELOMPOK]
                        for i in range(0, len(mentah), _PANJANG_KELOMPOK))

    def buka_pemulihan(self, kode: str) -> bytes:
        """The database key, with the recovery code (any case, spaces or dashes)."""
        mentah = _normal_kode(kode)
        slot = _baca(self.path)["pemulihan"]
        kunci = None
        if mentah is not None and slot is not None:
            kunci = _buka_slot(slot, mentah, _ad_pemulihan())
        if kunci is None:
            raise KodePemulihanSalah("Kode pemulihan salah atau bukan untuk basis data ini.")
        return kunci

    # ---- mechanics ---------------------------------------------------------------------

    def _periksa_kunci(self, kunci_db: bytes) -> None:
        if not hmac.compare_digest(_cek(kunci_db), _dari_b64(self._data["cek"])):
            raise PesanPetugas("Kunci basis data tidak cocok dengan berkas kuncinya; "
                               "slot tidak dibuat.")

    @contextmanager
    def _ubah(self) -> Iterator[dict[str, Any]]:
        """Re-read under the lock, let the caller change it, write it back if changed."""
        with _terkunci(self.path):
            data = _baca(self.path)
            sebelum = json.dumps(data, sort_keys=True)
            yield data
            if json.dumps(data, sort_keys=True) != sebelum:
                _rapikan_gagal(data)
                _tulis(self.path, data, timpa=True)
            self._data = data


# ---- one login attempt -----------------------------------------------------------------


def _coba(data: dict[str, Any], nama: str, sandi: str,
          sekarang: datetime) -> bytes | GagalMasuk:
    gagal = data["gagal"]
    catatan = gagal.setdefault(nama, {"berturut": 0, "sampai": None, "waktu": []})
    if catatan["sampai"] is not None:
        sampai = datetime.fromisoformat(catatan["sampai"])
        if sekarang < sampai:
            _catat(catatan, sekarang)
            return Terkunci(sampai, sekarang)
        catatan["berturut"], catatan["sampai"] = 0, None  # the lock-out is over
    slot = data["pengguna"].get(nama)
    if slot is None:
        turunkan_kunci(sandi, _GARAM_SEMU, BIAYA_KUNCI)  # as long as a real slot takes
        kunci = None
    else:
        kunci = _buka_slot(slot, sandi, _ad_pengguna(nama))
    if kunci is not None:
        catatan["berturut"] = 0
        if not catatan["waktu"]:
            del gagal[nama]
        return kunci
    catatan["berturut"] += 1
    _catat(catatan, sekarang)
    if catatan["berturut"] >= BATAS_GAGAL:
        sampai = sekarang + LAMA_TERKUNCI
        catatan["sampai"] = sampai.isoformat()
        return Terkunci(sampai, sekarang)
    return SandiSalah(BATAS_GAGAL - catatan["berturut"])


def _catat(catatan: dict[str, Any], sekarang: datetime) -> None:
    catatan["waktu"] = [*catatan["waktu"], sekarang.isoformat()][-SIMPAN_GAGAL:]


def _rapikan_gagal(data: dict[str, Any]) -> None:
    """Keep the failures of names without a slot bounded: the newest `SIMPAN_ASING`."""
    asing = [n for n in data["gagal"] if n not in data["pengguna"]]
    if len(asing) <= SIMPAN_ASING:
        return
    asing.sort(key=lambda n: max(data["gagal"][n]["waktu"], default=""))
    for n in asing[:-SIMPAN_ASING]:
        del data["gagal"][n]


# ---- wrapping ------------------------------------------------------------------------------


def _ad_pengguna(nama: str) -> bytes:
    return f"{FORMAT}/{VERSI}/pengguna/{nama}".encode()


def _ad_pemulihan() -> bytes:
    return f"{FORMAT}/{VERSI}/pemulihan".encode()


def _bungkus(kunci_db: bytes, rahasia: str, ad: bytes) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    garam, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    biaya = BIAYA_KUNCI
    kek = turunkan_kunci(rahasia, garam, biaya)
    return {"garam": _b64(garam), "nonce": _b64(nonce),
            "bungkus": _b64(AESGCM(kek).encrypt(nonce, kunci_db, ad)),
            "biaya": {"waktu": biaya.waktu, "memori_kib": biaya.memori_kib,
                      "paralel": biaya.paralel}}


def _buka_slot(slot: dict[str, Any], rahasia: str, ad: bytes) -> bytes | None:
    """The wrapped key, or None when `rahasia` (or the slot's name) is not the one."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = turunkan_kunci(rahasia, _dari_b64(slot["garam"]), BiayaKunci(**slot["biaya"]))
    try:
        return AESGCM(kek).decrypt(_dari_b64(slot["nonce"]), _dari_b64(slot["bungkus"]), ad)
    except InvalidTag:
        return None


def _cek(kunci_db: bytes) -> bytes:
    """A check value of the database key that reveals nothing of it (HMAC-SHA256)."""
    return hmac.new(kunci_db, f"{FORMAT}/cek".encode(), hashlib.sha256).digest()


def _normal_kode(kode: str) -> str | None:
    mentah = "".join(kode.split()).replace("-", "").upper()
    mentah = mentah.translate(str.maketrans("018", "OIB"))  # misread digits
    panjang = _KELOMPOK * _PANJANG_KELOMPOK
    return mentah if len(mentah) == panjang and set(mentah) <= set(_ABJAD) else None


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _dari_b64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"), validate=True)


# ---- reading and writing the file ------------------------------------------------------------


def _baca(path: Path) -> dict[str, Any]:
    try:
        teks = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BerkasKunciRusak(
            f"Berkas kunci {path} tidak ada: basis data terenkripsi tidak bisa dibuka tanpanya. "
            "Pulihkan berkas itu dari cadangan.") from None
    except (OSError, UnicodeDecodeError):
        raise _rusak(path) from None
    try:
        data = json.loads(teks)
        _periksa_isi(data)
    except (ValueError, TypeError, KeyError, AttributeError, binascii.Error):
        raise _rusak(path) from None
    return data


def _rusak(path: Path) -> BerkasKunciRusak:
    return BerkasKunciRusak(
        f"Berkas kunci {path} rusak atau bukan berkas kunci ppa-tui. "
        "Pulihkan berkas itu dari cadangan, atau pakai kode pemulihan.")


def _periksa_isi(data: Any) -> None:
    """Raise ValueError/TypeError/KeyError unless `data` has this format's shape."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a key-slot file")
    if data["versi"] != VERSI:
        raise ValueError("another version")
    if len(_dari_b64(data["cek"])) != 32:
        raise ValueError("check value")
    slots = list(data["pengguna"].items())
    if data["pemulihan"] is not None:
        slots.append(("", data["pemulihan"]))
    for nama, slot in slots:
        if not isinstance(nama, str):
            raise TypeError("name")
        BiayaKunci(**slot["biaya"])
        if (len(_dari_b64(slot["garam"])) != 16 or len(_dari_b64(slot["nonce"])) != 12
                or len(_dari_b64(slot["bungkus"])) != PANJANG_KUNCI + 16):
            raise ValueError("slot")
    for catatan in data["gagal"].values():
        if not isinstance(catatan["berturut"], int) or not isinstance(catatan["waktu"], list):
            raise TypeError("failures")
        if catatan["sampai"] is not None:
            datetime.fromisoformat(catatan["sampai"])


def _tulis(path: Path, data: dict[str, Any], *, timpa: bool) -> None:
    """Write atomically, 0600: a temp file beside it, fsync, then rename (`timpa`) or
    link (refuses an existing file); the folder is fsynced so the rename survives."""
    teks = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    sementara = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(sementara, os.O_WRONLY | os.O_CREAT | os.O_EXCL, BERKAS)
    try:
        try:
            os.fchmod(fd, BERKAS)
            os.write(fd, teks.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        if timpa:
            os.replace(sementara, path)
        else:
            os.link(sementara, path)
    finally:
        sementara.unlink(missing_ok=True)
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the platform allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not on this platform
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def _terkunci(path: Path) -> Iterator[None]:
    """One process at a time changes the slot file (an exclusive lock on
    `<path>.lock`; without `fcntl`, e.g. on Windows, no lock)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, BERKAS)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
