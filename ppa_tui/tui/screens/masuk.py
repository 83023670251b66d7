"""Logging in: the first account of a new database (and its recovery key, shown once),
the login screen, and changing one's password (forced after a temporary one).

Each is a small form in a box: a field per row, its error on the row under it, a
status line for what the backend answers. The backend's calls hash passwords
(argon2id, ~0.1 s) and open the database: always in a thread worker. Nothing typed is
lost on an error but the password fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from ppa_tui.tui.akun import NAMA_UNIT

if TYPE_CHECKING:
    from ppa_tui.backend import Backend
    from ppa_tui.domain.akses import Akun


def pesan_dari(exc: BaseException, di: str) -> str:
    """The sentence for the officer: a `PesanPetugas` says it itself (a wrong password
    is no error to log); anything else is logged privately, value-free."""
    from ppa_tui.galat import PesanPetugas, laporkan

    if isinstance(exc, PesanPetugas):
        return str(exc)
    return laporkan(exc, di)


def baris_isian(label: str, masukan: Input) -> ComposeResult:
    """A label and its field on one row, the field's message on the row under it."""
    with Horizontal(classes="isian"):
        yield Label(label, classes="label")
        yield masukan
    yield Static("", classes="pesan", id=f"pesan-{masukan.id}")


class LayarKotak(Screen[Any]):
    """A screen of one centred box: the unit, a title, fields, a status line."""

    CSS_PATH = "masuk.tcss"
    JUDUL = ""
    # Priority: the app moves the focus before it hands on the keys typed next. As
    # plain bindings, "rina<Tab>sandi" typed fast (or by a password manager) put the
    # password into the name field, readable on screen.
    BINDINGS = [
        Binding("tab", "app.focus_next", "Berikutnya", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Sebelumnya", show=False, priority=True),
        Binding("enter", "lanjut", "Lanjut", show=False, priority=True),
    ]

    @dataclass
    class Jawaban(Message):
        """What the backend answered a worker: `hasil` on success, else `pesan`."""

        hasil: Any = None
        pesan: str | None = None

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        self.sibuk = False

    def compose(self) -> ComposeResult:
        with Vertical(id="kotak"):
            yield Static(Text(NAMA_UNIT, style="bold"), id="unit")
            yield Static(Text(self.JUDUL), id="judul")
            yield from self.isi()
            yield Static("", id="status")
            yield Static(self.petunjuk(), classes="petunjuk")

    def isi(self) -> ComposeResult:
        yield from ()

    def petunjuk(self) -> str:
        return ""

    def on_mount(self) -> None:
        self.title = self.JUDUL
        for masukan in self.query(Input):
            masukan.select_on_focus = False
            masukan.compact = True
            if not self.backend.settings.kursor_kedip:
                masukan.cursor_blink = False
        pertama = next(iter(self.query(Input)), None)
        if pertama is not None:
            pertama.focus()

    def nilai(self, id_: str) -> str:
        return self.query_one(f"#{id_}", Input).value

    def tulis_pesan(self, id_: str, teks: str | None) -> None:
        """The message under field `id_` (None or "": none)."""
        pesan = self.query_one(f"#pesan-{id_}", Static)
        pesan.update(Text(teks or ""))
        pesan.set_class(bool(teks), "-galat")

    def status(self, teks: str, galat: bool = True) -> None:
        status = self.query_one("#status", Static)
        status.update(Text(teks))
        status.set_class(bool(teks) and galat, "-galat")

    def kosongkan_sandi(self) -> None:
        for masukan in self.query(Input):
            if masukan.password:
                masukan.value = ""

    def jalankan(self, kerja: Callable[[], Any], di: str, sedang: str) -> None:
        """Run `kerja` (a backend call) in a worker; its answer comes as `Jawaban`."""
        if self.sibuk:
            return
        self.sibuk = True
        self.status(sedang, galat=False)
        self._kerja(kerja, di)

    @work(thread=True, exclusive=True, group="akses", exit_on_error=False)
    def _kerja(self, kerja: Callable[[], Any], di: str) -> None:
        try:
            hasil = kerja()
        except Exception as exc:  # noqa: BLE001  (said on screen, never fatal)
            self.post_message(self.Jawaban(pesan=pesan_dari(exc, di)))
            return
        self.post_message(self.Jawaban(hasil=hasil))

    @on(Jawaban)
    def _dijawab(self, event: Jawaban) -> None:
        self.sibuk = False
        if event.pesan is not None:
            self.status(event.pesan)
            self.kosongkan_sandi()
            self.gagal()
        else:
            self.status("", galat=False)
            self.berhasil(event.hasil)

    def gagal(self) -> None:
        """After a refusal: the focus where typing goes on."""
        sandi = [m for m in self.query(Input) if m.password]
        if sandi:
            sandi[0].focus()

    def berhasil(self, hasil: Any) -> None:
        self.dismiss(hasil)

    def action_lanjut(self) -> None:
        """Enter goes to the next field; on the last one it sends the form."""
        masukan = list(self.query(Input))
        fokus = self.focused
        if fokus in masukan:
            i = masukan.index(fokus)
        else:  # a choice between fields (the role): on to the field after it
            i = next((j - 1 for j, m in enumerate(masukan)
                      if fokus is not None and m.region.y > fokus.region.y), len(masukan) - 1)
        if i + 1 < len(masukan):
            masukan[i + 1].focus()
        else:
            self.kirim()

    def kirim(self) -> None:
        """Check the fields and send them (subclasses)."""


class LayarMasuk(LayarKotak):
    """Login: name and password. Wrong password, lock-out and a disabled account are
    the backend's sentences; the name stays, the password is cleared."""

    JUDUL = "Masuk"

    def isi(self) -> ComposeResult:
        yield from baris_isian("Nama pengguna", Input(placeholder="mis. rina", id="nama"))
        yield from baris_isian("Kata sandi", Input(password=True, id="sandi"))

    def petunjuk(self) -> str:
        return "Enter: masuk · Tab: isian berikutnya · Ctrl+Q: keluar"

    def kirim(self) -> None:
        nama, sandi = self.nilai("nama").strip(), self.nilai("sandi")
        self.tulis_pesan("nama", "" if nama else "Isi nama pengguna.")
        self.tulis_pesan("sandi", "" if sandi else "Isi kata sandi.")
        if not nama:
            self.query_one("#nama", Input).focus()
            return
        if not sandi:
            self.query_one("#sandi", Input).focus()
            return
        self.jalankan(lambda: self.backend.masuk(nama, sandi), "masuk", "Memeriksa…")


class AkunPertama(LayarKotak):
    """A new database: its first account, the Kepala or the Admin. Dismisses with the
    recovery key to show once (None when the database is not encrypted)."""

    JUDUL = "Akun pertama"
    PERAN = (("kepala", "Kepala UPTD PPA"), ("admin", "Admin"))

    def isi(self) -> ComposeResult:
        yield Static("Basis data ini baru. Buat akun pertama: Kepala UPTD PPA atau Admin, "
                     "yang nanti membuat akun petugas lain.", classes="keterangan")
        yield from baris_isian("Nama pengguna", Input(placeholder="mis. kepala", id="nama"))
        yield from baris_isian("Nama lengkap", Input(id="nama_lengkap"))
        with Horizontal(classes="isian -peran"):
            yield Label("Peran", classes="label")
            with RadioSet(id="peran", compact=True):
                for i, (_, label) in enumerate(self.PERAN):
                    yield RadioButton(label, value=i == 0)
        yield Static("", classes="pesan", id="pesan-peran")
        yield from baris_isian("Kata sandi", Input(password=True, id="sandi"))
        yield from baris_isian("Ulangi sandi", Input(password=True, id="sandi2"))

    def petunjuk(self) -> str:
        return ("Enter: isian berikutnya, lalu buat akun · peran: Tab, ↑/↓, Spasi · "
                "Ctrl+Q: keluar")

    def peran(self) -> str:
        pilihan = self.query_one("#peran", RadioSet).pressed_index
        return self.PERAN[max(pilihan, 0)][0]

    def kirim(self) -> None:
        from ppa_tui.domain.kata_sandi import periksa_sandi_baru
        from ppa_tui.domain.pengguna import AkunSalah, periksa_nama

        nama, lengkap = self.nilai("nama"), self.nilai("nama_lengkap").strip()
        sandi, ulang = self.nilai("sandi"), self.nilai("sandi2")
        salah: dict[str, str | None] = {"nama": None, "nama_lengkap": None,
                                        "sandi": periksa_sandi_baru(sandi), "sandi2": None}
        try:
            nama = periksa_nama(nama)
        except AkunSalah as exc:
            salah["nama"] = str(exc)
        if not lengkap:
            salah["nama_lengkap"] = "Isi nama lengkap (tampil di layar dan log audit)."
        if salah["sandi"] is None and sandi != ulang:
            salah["sandi2"] = "Kedua kata sandi tidak sama."
        for id_, teks in salah.items():
            self.tulis_pesan(id_, teks)
        pertama = next((k for k, v in salah.items() if v), None)
        if pertama is not None:
            if pertama in ("sandi", "sandi2"):
                self.kosongkan_sandi()
                pertama = "sandi"
            self.query_one(f"#{pertama}", Input).focus()
            return
        peran = {self.peran()}
        self.jalankan(lambda: self.backend.siapkan_pertama(nama, lengkap, peran, sandi),
                      "akun_pertama", "Membuat akun dan menyiapkan basis data…")

    def gagal(self) -> None:
        self.query_one("#nama", Input).focus()


class KodePemulihan(Screen[None]):
    """The recovery key of a new encrypted database, shown this once."""

    CSS_PATH = "masuk.tcss"
    BINDINGS = [Binding("enter", "lanjut", "Sudah dicatat")]

    def __init__(self, kode: str) -> None:
        super().__init__()
        self.kode = kode

    def compose(self) -> ComposeResult:
        with Vertical(id="kotak"):
            yield Static(Text(NAMA_UNIT, style="bold"), id="unit")
            yield Static("Kode pemulihan", id="judul")
            yield Static(Text(self.kode, style="bold"), id="kode")
            yield Static(
                "Tulis kode ini di kertas SEKARANG dan simpan terpisah dari laptop (mis. "
                "di lemari terkunci kantor). Kode ini hanya ditampilkan sekali ini. Bila "
                "semua kata sandi terlupa, hanya kode ini yang bisa membuka data "
                "(`ppa pemulihan`); tanpa keduanya data tidak bisa dibuka oleh siapa pun.",
                classes="peringatan")
            yield Button("Sudah saya catat (Enter)", id="lanjut", variant="primary")

    def on_mount(self) -> None:
        self.title = "Kode pemulihan"
        self.query_one("#lanjut", Button).focus()

    @on(Button.Pressed, "#lanjut")
    def action_lanjut(self) -> None:
        self.dismiss(None)


class GantiSandi(LayarKotak):
    """Change one's own password. `wajib`: after a temporary password, before anything
    else (Esc does not skip it; Ctrl+Q still quits)."""

    JUDUL = "Ganti kata sandi"
    BINDINGS = [Binding("escape", "batal", "Batal", show=False)]

    def __init__(self, backend: Backend, wajib: bool = False) -> None:
        super().__init__(backend)
        self.wajib = wajib

    def isi(self) -> ComposeResult:
        if self.wajib:
            yield Static("Kata sandi Anda sementara (dari Kepala atau Admin): ganti dulu "
                         "dengan kata sandi Anda sendiri.", classes="keterangan")
        yield from baris_isian("Sandi lama", Input(password=True, id="lama"))
        yield from baris_isian("Sandi baru", Input(password=True, id="baru"))
        yield from baris_isian("Ulangi sandi baru", Input(password=True, id="baru2"))

    def petunjuk(self) -> str:
        keluar = "Ctrl+Q: keluar" if self.wajib else "Esc: batal"
        return f"Enter: isian berikutnya, lalu simpan · {keluar}"

    def action_batal(self) -> None:
        if not self.wajib:
            self.dismiss(False)

    def kirim(self) -> None:
        from ppa_tui.domain.kata_sandi import periksa_sandi_baru

        lama, baru, ulang = self.nilai("lama"), self.nilai("baru"), self.nilai("baru2")
        salah = {"lama": None if lama else "Isi kata sandi lama.",
                 "baru": periksa_sandi_baru(baru), "baru2": None}
        if salah["baru"] is None and baru == lama:
            salah["baru"] = "Kata sandi baru harus berbeda dari yang lama."
        if salah["baru"] is None and baru != ulang:
            salah["baru2"] = "Kedua kata sandi baru tidak sama."
        for id_, teks in salah.items():
            self.tulis_pesan(id_, teks)
        pertama = next((k for k, v in salah.items() if v), None)
        if pertama is not None:
            self.kosongkan_sandi()
            self.query_one("#lama", Input).focus()
            return
        self.jalankan(lambda: self.backend.ganti_sandi(lama, baru), "ganti_sandi",
                      "Menyimpan…")

    def gagal(self) -> None:
        self.query_one("#lama", Input).focus()

    def berhasil(self, hasil: Any) -> None:
        self.notify("Kata sandi diganti.")
        self.dismiss(True)


def mulai_sesi(app: Any, backend: Backend, selesai: Callable[[], None]) -> None:
    """The login flow: the first account (and its recovery key) or the login, then a
    forced password change when the password is temporary, then `selesai`."""

    def sesudah_masuk(akun: Akun | None) -> None:
        if akun is not None and akun.harus_ganti_sandi:
            app.push_screen(GantiSandi(backend, wajib=True), lambda _: selesai())
        else:
            selesai()

    def sesudah_pertama(kode: str | None) -> None:
        if kode:
            app.push_screen(KodePemulihan(kode), lambda _: selesai())
        else:
            selesai()

    def periksa() -> None:
        try:
            pertama = backend.perlu_akun_pertama()
        except Exception as exc:  # noqa: BLE001
            pertama = False
            app.call_from_thread(app.notify, pesan_dari(exc, "perlu_akun_pertama"),
                                 severity="error", markup=False)
        if pertama:
            app.call_from_thread(app.push_screen, AkunPertama(backend), sesudah_pertama)
        else:
            app.call_from_thread(app.push_screen, LayarMasuk(backend), sesudah_masuk)
        from ppa_tui.sesi import siapkan_impor

        siapkan_impor()  # while she types: Enter then waits only for the key and the data
        backend.siapkan_kalender()  # holidays for home's clocks (~0.3 s of imports)

    app.run_worker(periksa, thread=True, exit_on_error=False)
