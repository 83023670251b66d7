"""Settings from `PPA_*` variables and an optional TOML file in the config folder.

A plain dataclass over `tomllib` rather than pydantic-settings: this module sits on
the path to the first frame, and pydantic costs ~90 ms there (bench/startup.py).

Every value is checked when it is loaded. A mistyped time zone used to surface as
"Basis data tidak bisa dibuka" at home and as failed saves; now it is one Indonesian
sentence at start that names the key and where it came from.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
import uuid
from dataclasses import dataclass, field, replace
from datetime import time
from pathlib import Path
from typing import Any

from ppa_tui.domain.pola_nomor import ISIAN, POLA_BAWAAN, salah_pola

APP_NAME = "ppa-tui"


class PengaturanSalah(ValueError):
    """A setting that cannot be used; the text is the Indonesian sentence to print."""


def _data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def _config_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


@dataclass(frozen=True)
class Settings:
    """Everything the app needs from its environment, passed down by constructors."""

    data_dir: Path = field(default_factory=_data_dir)
    database_url: str = ""
    petugas: str = ""
    device_id: str = ""
    zona_waktu: str = "Asia/Jakarta"
    autosave_detik: float = 0.5
    kursor_kedip: bool = True
    kunci_layar_menit: float = 5.0
    """Minutes without a key or mouse event before the screen locks; 0: never."""
    pg_tanpa_tls: bool = False
    """Allow a remote PostgreSQL server without TLS (`store.engine.periksa_tls`)."""
    pelaksana_belum_pasti: str = ""
    """Who finishes an SOP step whose roles the seed lost (`pelaksana_dikonfirmasi =
    false`): "sop" (our reading), "semua" (any officer), "" (data/akses.toml decides)."""
    hari_kerja: frozenset[int] = frozenset(range(5))  # 0 = Senin: Senin-Jumat
    jam_kerja: tuple[time, time] = (time(8), time(16))
    cuti_bersama: Path | None = None  # None: the shipped data/cuti_bersama.toml
    alamat_unit: str = (
        "Kompleks Pemungkiman dan Perumahan Terpadu Pemerintah Provinsi Kepulauan "
        "Bangka Belitung, Jl. Pulau Belitung, Kelurahan Air Itam, Pangkalpinang"
    )
    pola_nomor_surat: str = POLA_BAWAAN
    """How letter numbers are written (`domain/pola_nomor.py`), e.g. 012/UPTD-PPA/XI/2026."""

    @property
    def url(self) -> str:
        """The database URL: the configured one, else SQLite in the data folder."""
        return self.database_url or f"sqlite:///{self.data_dir / 'ppa.db'}"

    @classmethod
    def load(cls, config_file: Path | None = None, **overrides: object) -> Settings:
        """Defaults, then the TOML file, then `PPA_*` variables, then explicit overrides.

        Raises `PengaturanSalah` for a value that cannot be used, naming its source."""
        path = config_file or _config_file()
        if config_file is None:
            _rapatkan(path.parent)
        mentah: dict[str, tuple[object, str]] = {}  # key -> (value, where it came from)
        for kunci, nilai in _baca_toml(path).items():
            if kunci not in _PERIKSA:
                raise PengaturanSalah(
                    f"Pengaturan `{kunci}` di berkas {path} tidak dikenal. Yang dikenal: "
                    + ", ".join(_PERIKSA) + ".")
            mentah[kunci] = (nilai, f"di berkas {path}")
        for kunci in _PERIKSA:
            env = f"PPA_{kunci.upper()}"
            if os.environ.get(env):
                mentah[kunci] = (os.environ[env], f"dari variabel lingkungan {env}")
        for kunci, nilai in overrides.items():
            if kunci in _PERIKSA and nilai not in (None, ""):
                mentah[kunci] = (nilai, _ASAL_OPSI.get(kunci, f"dari argumen {kunci}"))
        values = {k: _PERIKSA[k](k, v, asal) for k, (v, asal) in mentah.items()}
        settings = cls(**values)
        if not settings.petugas:
            settings = replace(settings, petugas=_login_name())
        return settings

    def with_device_id(self) -> Settings:
        """Make the data folder private (0700), and give this machine a stable id, kept
        there (0600), for sync provenance."""
        from ppa_tui.pribadi import folder_pribadi, tulis_pribadi

        try:
            folder_pribadi(self.data_dir)
        except OSError:
            pass  # read-only home: opening the database will say so in Indonesian
        if self.device_id:
            return self
        path = self.data_dir / "device-id"
        try:
            device = path.read_text(encoding="utf-8").strip()
        except OSError:
            device = ""
        if not device:
            device = uuid.uuid4().hex[:12]
            try:
                tulis_pribadi(path, device)
            except OSError:
                pass  # read-only home: the id still identifies this run's writes
        return replace(self, device_id=device)


# ---- checking each value ---------------------------------------------------------------

_ASAL_OPSI = {"database_url": "dari opsi --db"}


def _baca_toml(path: Path) -> dict[str, Any]:
    """The config file's table; {} when there is none. A file that cannot be read is
    an error: silently falling back to defaults would open the wrong database."""
    try:
        teks = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        raise PengaturanSalah(
            f"Berkas pengaturan {path} bukan teks UTF-8. Simpan ulang sebagai UTF-8.") from None
    except OSError:
        if not path.exists():
            return {}
        raise PengaturanSalah(
            f"Berkas pengaturan {path} tidak bisa dibaca (periksa izinnya).") from None
    try:
        return tomllib.loads(teks)
    except tomllib.TOMLDecodeError as exc:
        letak = re.search(r"line (\d+), column (\d+)", str(exc))
        di = f" (baris {letak[1]}, kolom {letak[2]})" if letak else ""
        raise PengaturanSalah(
            f"Berkas pengaturan {path} tidak bisa dibaca{di}: tulisannya bukan TOML yang sah. "
            "Contoh baris yang benar: zona_waktu = \"Asia/Jakarta\"") from None


def _salah(kunci: str, asal: str, alasan: str) -> PengaturanSalah:
    return PengaturanSalah(f"Pengaturan `{kunci}` {asal} tidak sah: {alasan}.")


def _teks(kunci: str, nilai: object, asal: str) -> str:
    if not isinstance(nilai, str):
        raise _salah(kunci, asal, "harus berupa teks dalam tanda kutip")
    return nilai


def _folder(kunci: str, nilai: object, asal: str) -> Path:
    if isinstance(nilai, Path):
        return nilai
    teks = _teks(kunci, nilai, asal).strip()
    if not teks:
        raise _salah(kunci, asal, "folder tidak boleh kosong")
    return Path(teks).expanduser()


def _url(kunci: str, nilai: object, asal: str) -> str:
    teks = _teks(kunci, nilai, asal).strip()
    if teks and "://" not in teks:  # the URL is not echoed: it may carry a password
        raise _salah(kunci, asal, "bukan alamat basis data (contoh: sqlite:///ppa.db atau "
                     "postgresql+psycopg://pengguna@server/ppa)")
    return teks


def _zona(kunci: str, nilai: object, asal: str) -> str:
    from zoneinfo import ZoneInfo

    teks = _teks(kunci, nilai, asal).strip()
    try:
        ZoneInfo(teks)
    except Exception:  # noqa: BLE001  (ZoneInfoNotFoundError, ValueError for odd keys)
        raise _salah(kunci, asal, f"zona waktu \"{teks}\" tidak dikenal (WIB: Asia/Jakarta, "
                     "WITA: Asia/Makassar, WIT: Asia/Jayapura)") from None
    return teks


def _detik(kunci: str, nilai: object, asal: str) -> float:
    alasan = "harus angka detik antara 0 dan 60 (contoh: 0.5)"
    if isinstance(nilai, bool) or not isinstance(nilai, int | float | str):
        raise _salah(kunci, asal, alasan)
    try:
        detik = float(nilai)
    except ValueError:
        raise _salah(kunci, asal, alasan) from None
    if not math.isfinite(detik) or not 0 <= detik <= 60:
        raise _salah(kunci, asal, alasan)
    return detik


def _menit(kunci: str, nilai: object, asal: str) -> float:
    alasan = "harus angka menit antara 0 dan 480 (0: tidak pernah; contoh: 5)"
    if isinstance(nilai, bool) or not isinstance(nilai, int | float | str):
        raise _salah(kunci, asal, alasan)
    try:
        menit = float(nilai)
    except ValueError:
        raise _salah(kunci, asal, alasan) from None
    if not math.isfinite(menit) or not 0 <= menit <= 480:
        raise _salah(kunci, asal, alasan)
    return menit


_YA = {"1", "true", "ya", "yes", "on", "benar"}
_TIDAK = {"0", "false", "tidak", "no", "off", "salah"}


def _ya_tidak(kunci: str, nilai: object, asal: str) -> bool:
    if isinstance(nilai, bool):
        return nilai
    if isinstance(nilai, str) and nilai.strip().lower() in _YA | _TIDAK:
        return nilai.strip().lower() in _YA
    raise _salah(kunci, asal, "harus true atau false (ya atau tidak)")


_HARI = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4,
         "sabtu": 5, "minggu": 6, "ahad": 6}
_HARI_ALASAN = ("harus \"senin-jumat\", \"senin-sabtu\" atau nama hari dipisah koma "
                "(contoh: \"senin,selasa,rabu,kamis,jumat\")")


def _hari_kerja(kunci: str, nilai: object, asal: str) -> frozenset[int]:
    """"senin-jumat", "senin-sabtu", or day names (and ranges) separated by commas;
    a TOML list of names too."""
    if isinstance(nilai, frozenset):
        return nilai
    bagian = nilai if isinstance(nilai, list) else _teks(kunci, nilai, asal).split(",")
    hari: set[int] = set()
    for b in bagian:
        if not isinstance(b, str):
            raise _salah(kunci, asal, _HARI_ALASAN)
        ujung = [x.strip().lower() for x in b.split("-")]
        if len(ujung) > 2 or not all(x in _HARI for x in ujung):
            raise _salah(kunci, asal, f"\"{b.strip()}\" bukan nama hari; " + _HARI_ALASAN)
        awal, akhir = _HARI[ujung[0]], _HARI[ujung[-1]]
        if awal > akhir:
            raise _salah(kunci, asal, f"\"{b.strip()}\" terbalik (Senin dulu, Minggu terakhir)")
        hari.update(range(awal, akhir + 1))
    if not hari:
        raise _salah(kunci, asal, _HARI_ALASAN)
    return frozenset(hari)


_JAM = re.compile(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})")


def _jam_kerja(kunci: str, nilai: object, asal: str) -> tuple[time, time]:
    """"08:00-16:00": opening and closing time, opening first."""
    if isinstance(nilai, tuple):
        return nilai
    teks = _teks(kunci, nilai, asal).strip()
    m = _JAM.fullmatch(teks)
    jam = [int(x) for x in m.groups()] if m else []
    if not m or jam[0] > 23 or jam[2] > 23 or jam[1] > 59 or jam[3] > 59:
        raise _salah(kunci, asal, f"\"{teks}\" bukan jam JJ:MM-JJ:MM (contoh: 08:00-16:00)")
    mulai, selesai = time(jam[0], jam[1]), time(jam[2], jam[3])
    if not mulai < selesai:
        raise _salah(kunci, asal, f"jam mulai {mulai:%H:%M} harus sebelum jam selesai "
                     f"{selesai:%H:%M}")
    return mulai, selesai


def _cuti_bersama(kunci: str, nilai: object, asal: str) -> Path:
    """A TOML file of cuti bersama dates, read now so a mistake stops the start."""
    from ppa_tui.domain.kalender import cuti_bersama_dari

    if isinstance(nilai, Path):
        path = nilai
    else:
        teks = _teks(kunci, nilai, asal).strip()
        if not teks:
            raise _salah(kunci, asal, "jalur berkas tidak boleh kosong")
        path = Path(teks).expanduser()
    try:
        cuti_bersama_dari(path)
    except OSError:
        raise _salah(kunci, asal, f"berkas {path} tidak ada atau tidak bisa dibaca") from None
    except UnicodeDecodeError:
        raise _salah(kunci, asal, f"berkas {path} bukan teks UTF-8") from None
    except ValueError as exc:
        raise _salah(kunci, asal, f"isi berkasnya salah ({exc})") from None
    return path


def _pelaksana(kunci: str, nilai: object, asal: str) -> str:
    teks = _teks(kunci, nilai, asal).strip().lower()
    if teks not in ("", "sop", "semua"):
        raise _salah(kunci, asal, "harus \"sop\" (peran menurut bacaan SOP) atau \"semua\" "
                     "(petugas mana pun)")
    return teks


def _pola_nomor(kunci: str, nilai: object, asal: str) -> str:
    teks = _teks(kunci, nilai, asal).strip()
    if not teks:
        raise _salah(kunci, asal, f"tidak boleh kosong (bawaan: {POLA_BAWAAN}; isian: "
                     + ", ".join(f"{{{k}}}" for k in ISIAN) + ")")
    if alasan := salah_pola(teks):
        raise _salah(kunci, asal, alasan)
    return teks


_PERIKSA = {
    "data_dir": _folder,
    "database_url": _url,
    "petugas": _teks,
    "device_id": _teks,
    "zona_waktu": _zona,
    "autosave_detik": _detik,
    "kursor_kedip": _ya_tidak,
    "kunci_layar_menit": _menit,
    "pg_tanpa_tls": _ya_tidak,
    "pelaksana_belum_pasti": _pelaksana,
    "alamat_unit": _teks,
    "hari_kerja": _hari_kerja,
    "jam_kerja": _jam_kerja,
    "cuti_bersama": _cuti_bersama,
    "pola_nomor_surat": _pola_nomor,
}


def _rapatkan(folder: Path) -> None:
    """The config folder may hold a database URL with its password: 0700 if it exists."""
    try:
        if folder.is_dir() and folder.stat().st_mode & 0o077:
            folder.chmod(0o700)
    except OSError:
        pass  # not ours to fix; reading it still works


def _login_name() -> str:
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER", "petugas")
