"""Accounts (for those who may manage them: Kepala, Admin): the list, adding an officer
with her roles, disabling (never deleting) and resetting a password. A temporary
password is shown once, in a dialog, to be handed over in person."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, DataTable, Footer, Header, Input, Label, Static

from ppa_tui.tui.aksi import Aksi, bindings
from ppa_tui.tui.akun import label_peran
from ppa_tui.tui.screens.mutakhir import LayarMutakhir, baris_kursor, ke_baris
from ppa_tui.tui.widgets.tabel import Tabel

if TYPE_CHECKING:
    from ppa_tui.domain.pengguna import AkunRingkas

LEBAR = {"nama": 10, "lengkap": 16, "peran": 15, "status": 8, "kunci": 5, "masuk": 14}
# 68 + 12 (a cell's padding) = 80


class DaftarPengguna(LayarMutakhir):
    """Every account, disabled ones too (they stay on records and in the audit log)."""

    CSS_PATH = "pengguna.tcss"
    NAMA_GALAT = "pengguna"
    AKSI = (
        Aksi("t", "tambah", "Tambah", "Tambah akun petugas (kata sandi sementara sekali tampil)"),
        Aksi("x", "nonaktifkan", "Nonaktifkan",
             "Nonaktifkan akun yang dipilih (tidak dihapus; dengan konfirmasi)"),
        Aksi("r", "atur_ulang", "Atur ulang sandi",
             "Kata sandi sementara baru untuk akun yang dipilih; juga membuka kunci"),
        Aksi("f5", "muat", "Muat ulang", "Baca ulang dari basis data", footer=False),
        Aksi("escape", "kembali", "Kembali", "Kembali ke beranda"),
    )
    BINDINGS = bindings(AKSI)

    def __init__(self, backend) -> None:  # noqa: ANN001
        super().__init__(backend)
        self.akun: list[AkunRingkas] = []
        self._fokus: str | None = None  # an account just added: its row gets the cursor

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Memuat…", id="ringkas")
        table = Tabel(id="akun", bisa_dibuka=False)
        table.add_column("Nama", key="nama", width=LEBAR["nama"])
        table.add_column("Nama lengkap", key="lengkap", width=LEBAR["lengkap"])
        table.add_column("Peran", key="peran", width=LEBAR["peran"])
        table.add_column("Status", key="status", width=LEBAR["status"])
        table.add_column("Kunci", key="kunci", width=LEBAR["kunci"])
        table.add_column("Masuk terakhir", key="masuk", width=LEBAR["masuk"])
        yield table
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Akun pengguna"
        self.query_one("#akun").focus()
        super().on_mount()

    def on_resize(self) -> None:
        super().on_resize()
        lebih = max(0, self.size.width - 80)
        self.query_one("#akun", Tabel).atur_lebar(
            {"lengkap": LEBAR["lengkap"] + lebih // 2,
             "peran": LEBAR["peran"] + lebih - lebih // 2})

    def baca(self) -> list[AkunRingkas]:
        return self.backend.daftar_akun()

    def tampilkan(self, hasil: list[AkunRingkas]) -> None:
        self.akun = hasil
        zona = self.backend.zona
        now = self.backend.clock.now()
        table = self.query_one("#akun", DataTable)
        kursor = baris_kursor(table)
        table.clear()
        for a in hasil:
            terkunci = a.terkunci_sampai is not None and a.terkunci_sampai > now
            table.add_row(
                Text(a.nama), Text(a.nama_lengkap), Text(label_peran(a.peran)),
                Text("aktif") if a.aktif else Text("nonaktif", style="dim"),
                Text(f"{a.terkunci_sampai.astimezone(zona):%H:%M}", style="bold red")
                if terkunci and a.terkunci_sampai else "—",
                f"{a.masuk_terakhir.astimezone(zona):%d-%m %H:%M}" if a.masuk_terakhir
                else "belum",
                key=a.nama)
        ke_baris(table, self._fokus or kursor)
        self._fokus = None
        aktif = sum(a.aktif for a in hasil)
        self.query_one("#ringkas", Static).update(
            f"{len(hasil)} akun · {aktif} aktif · kolom Kunci: terkunci sampai jam itu "
            "karena salah sandi")

    # ---- actions ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"nonaktifkan", "atur_ulang"}:
            pilih = self._terpilih()
            if pilih is None:
                return None
            return pilih.aktif if action == "nonaktifkan" else True
        return True

    def _terpilih(self) -> AkunRingkas | None:
        key = baris_kursor(self.query_one("#akun", DataTable))
        return next((a for a in self.akun if a.nama == key), None)

    @on(DataTable.RowHighlighted)
    def _disorot(self) -> None:
        self.refresh_bindings()

    def action_tambah(self) -> None:
        self.app.push_screen(TambahAkun(), self._tambah)

    def _tambah(self, isian: IsianAkun | None) -> None:
        if isian is None:
            return
        self._tulis(lambda: self.backend.tambah_akun(isian.nama, isian.nama_lengkap,
                                                      set(isian.peran)),
                    "pengguna.tambah", "Akun belum dibuat",
                    lambda sandi: self._tampil_sandi(
                        f"Akun {isian.nama} dibuat.", isian.nama, sandi), isian.nama)

    def action_nonaktifkan(self) -> None:
        from ppa_tui.tui.screens.dialogs import Konfirmasi

        pilih = self._terpilih()
        if pilih is None or not pilih.aktif:
            return
        nama = pilih.nama
        siapa = f"{nama} ({pilih.nama_lengkap})" if pilih.nama_lengkap else nama
        self.app.push_screen(
            Konfirmasi(f"Nonaktifkan akun {siapa}? Ia tidak bisa masuk lagi. Akun tidak "
                       "dihapus: namanya tetap di catatan dan log audit.",
                       [("kembali", "Kembali"), ("ya", "Ya, nonaktifkan")]),
            lambda jawab: self._tulis(lambda: self.backend.nonaktifkan_akun(nama),
                                      "pengguna.nonaktifkan", "Akun belum dinonaktifkan",
                                      lambda _: self.notify(f"Akun {nama} dinonaktifkan.",
                                                            markup=False))
            if jawab == "ya" else None,
        )

    def action_atur_ulang(self) -> None:
        from ppa_tui.tui.screens.dialogs import Konfirmasi

        pilih = self._terpilih()
        if pilih is None:
            return
        nama = pilih.nama
        self.app.push_screen(
            Konfirmasi(f"Atur ulang kata sandi {nama}? Kata sandinya yang sekarang tidak "
                       "berlaku lagi; ia masuk dengan kata sandi sementara dan harus "
                       "menggantinya.", [("kembali", "Kembali"), ("ya", "Ya, atur ulang")]),
            lambda jawab: self._tulis(lambda: self.backend.atur_ulang_sandi(nama),
                                      "pengguna.atur_ulang", "Kata sandi belum diatur ulang",
                                      lambda sandi: self._tampil_sandi(
                                          f"Kata sandi {nama} diatur ulang.", nama, sandi))
            if jawab == "ya" else None,
        )

    @work(thread=True, group="tulis", exit_on_error=False)
    def _tulis(self, tulis: Callable[[], Any], di: str, awalan: str,
               sesudah: Callable[[Any], None], pilih: str | None = None) -> None:
        """A write in the worker; a refusal is the backend's sentence, never a crash."""
        from ppa_tui.tui.screens.masuk import pesan_dari

        try:
            hasil = tulis()
        except Exception as exc:  # noqa: BLE001  (said on screen)
            self.app.call_from_thread(self.notify, f"{awalan}: {pesan_dari(exc, di)}",
                                      severity="error", markup=False, timeout=10)
            return
        self._fokus = pilih
        self.app.call_from_thread(sesudah, hasil)
        self.muat()

    def _tampil_sandi(self, judul: str, nama: str, sandi: str) -> None:
        from ppa_tui.tui.screens.dialogs import Konfirmasi

        self.app.push_screen(Konfirmasi(
            f"{judul}\n\nKata sandi sementara untuk {nama}:\n\n    {sandi}\n\n"
            "Sampaikan langsung kepada orangnya (jangan lewat pesan). Ia harus "
            "menggantinya saat pertama masuk. Kata sandi ini tidak ditampilkan lagi.",
            [("ok", "Sudah dicatat")]))


@dataclass(frozen=True)
class IsianAkun:
    nama: str
    nama_lengkap: str
    peran: tuple[str, ...]


class TambahAkun(ModalScreen[IsianAkun | None]):
    """Name, full name and roles of a new account; checked here for the obvious, by the
    domain for the rest (a taken name is refused when saved)."""

    CSS_PATH = "pengguna.tcss"
    BINDINGS = [
        Binding("ctrl+s", "simpan", "Simpan", priority=True),
        Binding("escape", "batal", "Batal"),
    ]

    def compose(self) -> ComposeResult:
        from ppa_tui.domain.akses import aturan

        with Vertical(classes="dialog", id="tambah"):
            yield Label(Text("Tambah akun", style="bold"), classes="pertanyaan")
            with Horizontal(classes="isian"):
                yield Label("Nama pengguna", classes="label")
                yield Input(placeholder="mis. rina.s", id="nama", compact=True)
            yield Static("", classes="pesan", id="pesan-nama")
            with Horizontal(classes="isian"):
                yield Label("Nama lengkap", classes="label")
                yield Input(id="nama_lengkap", compact=True)
            yield Static("", classes="pesan", id="pesan-nama_lengkap")
            yield Label("Peran (Spasi: centang)", classes="label-peran")
            for kode, label in aturan().peran.items():
                yield Checkbox(label, id=f"peran-{kode}", compact=True)
            yield Static("", classes="pesan", id="pesan-peran")
            yield Label("Ctrl+S: simpan · Esc: batal · Tab: berikutnya", classes="petunjuk")

    def on_mount(self) -> None:
        self.query_one("#nama", Input).focus()

    @on(Input.Submitted)
    def _lanjut(self) -> None:
        self.focus_next()

    def _pesan(self, id_: str, teks: str | None) -> None:
        pesan = self.query_one(f"#pesan-{id_}", Static)
        pesan.update(Text(teks or ""))
        pesan.set_class(bool(teks), "-galat")

    def action_simpan(self) -> None:
        from ppa_tui.domain.pengguna import AkunSalah, periksa_nama

        nama = self.query_one("#nama", Input).value
        lengkap = self.query_one("#nama_lengkap", Input).value.strip()
        peran = tuple(c.id.removeprefix("peran-") for c in self.query(Checkbox)
                      if c.value and c.id)
        salah: dict[str, str | None] = {"nama": None, "nama_lengkap": None, "peran": None}
        try:
            nama = periksa_nama(nama)
        except AkunSalah as exc:
            salah["nama"] = str(exc)
        if not lengkap:
            salah["nama_lengkap"] = "Isi nama lengkap."
        if not peran:
            salah["peran"] = "Pilih sedikitnya satu peran."
        for id_, teks in salah.items():
            self._pesan(id_, teks)
        pertama = next((k for k, v in salah.items() if v), None)
        if pertama == "peran":
            self.query(Checkbox).first().focus()
        elif pertama is not None:
            self.query_one(f"#{pertama}", Input).focus()
        else:
            self.dismiss(IsianAkun(nama, lengkap, peran))

    def action_batal(self) -> None:
        self.dismiss(None)
