"""Accounts for the TUI tests: a plain (unencrypted) database with the Kepala as its
first account, and officers added by her, made as `ppa init` and the accounts screen
would, before the app starts."""

from __future__ import annotations

from dataclasses import dataclass

from ppa_tui.settings import Settings

SANDI_KEPALA = "kepala-rahasia-1"


@dataclass
class Akun:
    nama: str
    sandi: str


def siapkan_akun(settings: Settings, *petugas: tuple[str, str, set[str]]) -> dict[str, Akun]:
    """The Kepala ("kepala") and each (nama, nama_lengkap, peran) with a temporary
    password; the database stays plain (made before the first account)."""
    from ppa_tui.domain.clock import FixedClock
    from ppa_tui.sesi import sesi_pertama
    from ppa_tui.store.database import Database
    from tests.tui.conftest import AWAL

    Database.open(settings.url, device_id=settings.device_id).close()
    sesi = sesi_pertama(settings, "kepala", "Bu Kepala", {"kepala"}, SANDI_KEPALA,
                        FixedClock(AWAL), enkripsi=False)
    try:
        akun = {"kepala": Akun("kepala", SANDI_KEPALA)}
        for nama, lengkap, peran in petugas:
            akun[nama] = Akun(nama, sesi.tambah_akun(nama, lengkap, peran))
    finally:
        sesi.close()
    return akun


async def di_layar(pilot, jenis: type, apa: str = "") -> None:
    """Wait until a screen of `jenis` is on top, mounted, and (when it has a text
    field) has given the focus: keys typed next land in it, however loaded the machine."""
    from textual.widgets import Input

    from tests.tui.conftest import tunggu

    app = pilot.app

    def siap() -> bool:
        layar = app.screen
        return (isinstance(layar, jenis) and layar.is_mounted
                and (app.focused is not None or not layar.query(Input)))

    await tunggu(pilot, siap, apa or jenis.__name__)
