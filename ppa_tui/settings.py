"""Settings from `PPA_*` variables and an optional TOML file in the config folder.

A plain dataclass over `tomllib` rather than pydantic-settings: this module sits on
the path to the first frame, and pydantic costs ~90 ms there (bench/startup.py).
"""

from __future__ import annotations

import os
import tomllib
import uuid
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

APP_NAME = "ppa-tui"


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
    alamat_unit: str = (
        "Kompleks Pemungkiman dan Perumahan Terpadu Pemerintah Provinsi Kepulauan "
        "Bangka Belitung, Jl. Pulau Belitung, Kelurahan Air Itam, Pangkalpinang"
    )

    @property
    def url(self) -> str:
        """The database URL: the configured one, else SQLite in the data folder."""
        return self.database_url or f"sqlite:///{self.data_dir / 'ppa.db'}"

    @classmethod
    def load(cls, config_file: Path | None = None, **overrides: object) -> Settings:
        """Defaults, then the TOML file, then `PPA_*` variables, then explicit overrides."""
        values: dict[str, object] = {}
        path = config_file or _config_file()
        if config_file is None:
            _rapatkan(path.parent)
        if path.is_file():
            try:
                values.update(tomllib.loads(path.read_text(encoding="utf-8")))
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                values = {}  # a broken config file must not stop the desk; defaults apply
        for f in fields(cls):
            env = os.environ.get(f"PPA_{f.name.upper()}")
            if env:
                values[f.name] = env
        values.update({k: v for k, v in overrides.items() if v not in (None, "")})
        known = {f.name for f in fields(cls)}
        settings = cls(**{k: v for k, v in values.items() if k in known})
        if isinstance(settings.data_dir, str):
            settings = replace(settings, data_dir=Path(settings.data_dir))
        if isinstance(settings.autosave_detik, str):
            try:
                settings = replace(settings, autosave_detik=float(settings.autosave_detik))
            except ValueError:
                settings = replace(settings, autosave_detik=0.5)
        if isinstance(settings.kursor_kedip, str):
            settings = replace(settings, kursor_kedip=settings.kursor_kedip.lower()
                               not in {"0", "false", "tidak", "no"})
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
