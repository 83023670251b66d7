"""Find a case as you type: register number, a name of its korban, pelapor, pelaku or
guest, a NIK, a phone number, words of the kronologi; with filters. Every keystroke
starts a search in a thread worker (exclusive: a newer one cancels the older, and a
stale answer is never drawn). Enter opens the case; Esc there comes back here with
the query, the filters and the cursor as they were."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Checkbox, DataTable, Footer, Header, Input, Select, Static
from textual.worker import get_current_worker

from ppa_tui.tui.aksi import Aksi, LayarBeraksi, bindings
from ppa_tui.tui.widgets.tabel import Tabel, baris_kursor, ke_baris

if TYPE_CHECKING:
    from ppa_tui.backend import Backend
    from ppa_tui.store.cari import HalamanCari, Saringan

LEBAR = {"nomor": 13, "korban": 19, "status": 7, "kab": 14, "cocok": 16}  # 69 + 10 = 79
JEDA_MEMUAT = 0.15  # seconds before "Mencari…" shows (a fast answer never flickers)


def _angka(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _kab_pendek(kode: str) -> str:
    from ppa_tui.domain.referensi import nama_wilayah

    if not kode:
        return ""
    nama = nama_wilayah(kode) or kode
    for awalan in ("Kab. ", "Kabupaten ", "Kota "):
        if nama.startswith(awalan):
            return nama[len(awalan):]
    return nama


class CariScreen(LayarBeraksi):
    CSS_PATH = "cari.tcss"
    AKSI = (
        Aksi("enter", "buka", "Buka kasus", "Buka kasus yang dipilih", footer=False),
        Aksi("f2", "ke_saringan", "Saringan",
             "Pindah ke saringan: status, kab/kota, jenis kekerasan, tanggal, anak, terlambat"),
        Aksi("f3", "hapus_saringan", "Hapus saringan", "Kembalikan semua saringan ke semua"),
        Aksi("down", "ke_tabel", "Ke hasil", "Dari kotak cari ke daftar hasil", footer=False,
             palet=False),
        Aksi("greater_than_sign", "halaman(1)", "Halaman berikut",
             "Hasil berikutnya (kasus lebih lama)", footer=False),
        Aksi("less_than_sign", "halaman(-1)", "Halaman sebelum",
             "Hasil sebelumnya (kasus lebih baru)", footer=False),
        Aksi("escape", "kembali", "Kembali", "Tutup pencarian"),
    )
    BINDINGS = bindings(AKSI)

    @dataclass
    class Hasil(Message):
        nomor: int
        hasil: HalamanCari

    @dataclass
    class Jumlah(Message):
        nomor: int
        jumlah: int

    @dataclass
    class Gagal(Message):
        nomor: int
        pesan: str

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        self.data: HalamanCari | None = None
        self._minta = 0  # number of the latest search asked for
        self._awal: list[tuple[int, int] | None] = [None]  # where each page starts after
        self._ke = 0
        self._pesan_tanggal = ""
        self._jam_memuat = None

    # ---- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        from ppa_tui.domain.referensi import pilihan

        yield Header()
        yield Input(placeholder="Cari nama, NIK, telepon, nomor register, kata kronologi…",
                    id="kueri", compact=True, select_on_focus=False)
        with Horizontal(id="saring1", classes="saringan"):
            yield Select([("Aktif", "aktif"), ("Selesai", "selesai")], prompt="Status: semua",
                         id="status", compact=True)
            yield Select([(p.label, p.kode) for p in pilihan("kabkota")],
                         prompt="Kab/kota: semua", id="kabkota", compact=True)
            yield Select([(p.label, p.kode) for p in pilihan("bentuk_kekerasan")],
                         prompt="Kekerasan: semua", id="bentuk", compact=True)
        with Horizontal(id="saring2", classes="saringan"):
            yield Static("Diterima", classes="label")
            yield Input(placeholder="dari HH-BB-TTTT", id="dari", compact=True)
            yield Input(placeholder="sampai HH-BB-TTTT", id="sampai", compact=True)
            yield Checkbox("Anak", id="anak", compact=True)
            yield Checkbox("Terlambat", id="terlambat", compact=True)
        yield Static("", id="ringkas")
        table = Tabel(id="hasil")
        table.add_column("Nomor", key="nomor", width=LEBAR["nomor"])
        table.add_column("Korban", key="korban", width=LEBAR["korban"])
        table.add_column("Status", key="status", width=LEBAR["status"])
        table.add_column("Kab/kota", key="kab", width=LEBAR["kab"])
        table.add_column("Cocok", key="cocok", width=LEBAR["cocok"])
        yield table
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Cari kasus"
        self.query_one("#kueri", Input).focus()
        self._mulai()

    def on_resize(self) -> None:
        super().on_resize()
        lebih = max(0, self.size.width - 80)
        self.query_one("#hasil", Tabel).atur_lebar(
            {"korban": LEBAR["korban"] + lebih // 2, "cocok": LEBAR["cocok"] + lebih - lebih // 2})

    # ---- what is asked ----------------------------------------------------------------

    def saringan(self) -> Saringan:
        from ppa_tui.domain.validasi import Invalid, parse_tanggal
        from ppa_tui.store.cari import Saringan

        def pilih(id_: str) -> str | None:
            v = self.query_one(f"#{id_}", Select).value
            return v if isinstance(v, str) else None

        zona = self.backend.zona
        tanggal: dict[str, datetime | None] = {"dari": None, "sampai": None}
        salah = []
        for id_ in ("dari", "sampai"):
            teks = self.query_one(f"#{id_}", Input).value.strip()
            if not teks:
                continue
            try:
                hari = parse_tanggal(teks)
            except Invalid as exc:
                salah.append(f"tanggal {id_}: {exc}")
                continue
            if id_ == "sampai":
                hari += timedelta(days=1)  # up to and including that day
            tanggal[id_] = datetime.combine(hari, time(), zona)
        self._pesan_tanggal = "; ".join(salah)
        return Saringan(status=pilih("status"), kabkota=pilih("kabkota"),
                        bentuk=pilih("bentuk"), dari=tanggal["dari"], sampai=tanggal["sampai"],
                        anak=self.query_one("#anak", Checkbox).value,
                        terlambat=self.query_one("#terlambat", Checkbox).value)

    @property
    def kueri(self) -> str:
        return self.query_one("#kueri", Input).value

    def _mulai(self, halaman_baru: bool = True) -> None:
        """Search again with what is typed and chosen now."""
        if halaman_baru:
            self._awal, self._ke = [None], 0
        self._minta += 1
        if self._jam_memuat is not None:
            self._jam_memuat.stop()
        self._jam_memuat = self.set_timer(JEDA_MEMUAT, self._tampil_memuat)
        self._cari(self._minta, self.kueri, self.saringan(), self._awal[self._ke])

    @work(thread=True, exclusive=True, group="cari", exit_on_error=False)
    def _cari(self, nomor: int, kueri: str, saringan: Saringan,
              setelah: tuple[int, int] | None) -> None:
        worker = get_current_worker()
        try:
            hasil = self.backend.cari(kueri, saringan, setelah, hitung=False)
            if worker.is_cancelled:
                return
            self.post_message(self.Hasil(nomor, hasil))
            if hasil.jumlah is None and setelah is None:  # more than a page: count after
                jumlah = self.backend.hitung_cari(kueri, saringan)
                if not worker.is_cancelled:
                    self.post_message(self.Jumlah(nomor, jumlah))
        except Exception as exc:  # noqa: BLE001  (shown on screen, never fatal)
            from ppa_tui.galat import laporkan

            self.post_message(self.Gagal(nomor, laporkan(exc, "cari")))

    def _tampil_memuat(self) -> None:
        self.query_one("#ringkas", Static).update(Text("Mencari…", style="italic"))
        self.query_one("#hasil", Tabel).loading = True

    def _selesai_memuat(self) -> None:
        if self._jam_memuat is not None:
            self._jam_memuat.stop()
            self._jam_memuat = None
        self.query_one("#hasil", Tabel).loading = False

    @on(Input.Changed)
    def _diketik(self, event: Input.Changed) -> None:
        event.stop()
        self._mulai()

    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _saringan_berubah(self, event: Message) -> None:
        event.stop()
        self._mulai()

    # ---- drawing ----------------------------------------------------------------------

    @on(Hasil)
    def _hasil(self, event: Hasil) -> None:
        if event.nomor != self._minta:
            return  # a newer search was asked for meanwhile
        self._selesai_memuat()
        hasil = event.hasil
        table = self.query_one("#hasil", Tabel)
        kursor = baris_kursor(table) if self.data is not None and (
            self.data.kueri, self.data.saringan, self.data.setelah) == (
            hasil.kueri, hasil.saringan, hasil.setelah) else None
        if hasil.jumlah is None and self.data is not None and (
                self.data.kueri, self.data.saringan) == (hasil.kueri, hasil.saringan):
            hasil = _dengan_jumlah(hasil, self.data.jumlah)  # a page turn: same count
        self.data = hasil
        table.clear()
        for b in hasil.baris:
            korban = Text("ANAK ", style="bold magenta") if b.anak else Text()
            if b.korban:
                korban.append(b.korban[0] or "(tanpa nama)")
                if len(b.korban) > 1:
                    korban.append(f" +{len(b.korban) - 1}", style="dim")
            else:
                korban.append("(belum ada)", style="dim")
            table.add_row(Text(b.nomor_register), korban,
                          Text(b.status, style="dim" if b.status == "selesai" else ""),
                          Text(_kab_pendek(b.kabkota_kode)), Text(_cocok(b), style="dim"),
                          key=str(b.id))
        ke_baris(table, kursor)
        self.query_one("#ringkas", Static).update(self._ringkasan(hasil))
        self.refresh_bindings()

    @on(Jumlah)
    def _jumlah(self, event: Jumlah) -> None:
        if event.nomor != self._minta or self.data is None:
            return
        self.data = _dengan_jumlah(self.data, event.jumlah)
        self.query_one("#ringkas", Static).update(self._ringkasan(self.data))

    @on(Gagal)
    def _gagal(self, event: Gagal) -> None:
        if event.nomor != self._minta:
            return
        self._selesai_memuat()
        self.query_one("#ringkas", Static).update(
            Text(f"Pencarian gagal: {event.pesan}", style="bold red"))

    def _ringkasan(self, hasil: HalamanCari) -> Text:
        from ppa_tui.store.cari import BATAS, HITUNG_MAKS

        teks = Text()
        if hasil.pesan and not hasil.baris:
            teks.append(f"«{hasil.kueri.strip()}»: ", style="dim")
            teks.append(hasil.pesan, style="yellow")
            return teks
        if not hasil.baris:
            teks.append("Tidak ditemukan", style="bold")
            if not hasil.saringan.kosong:
                teks.append(" (dengan saringan ini; F3 hapus saringan)", style="dim")
        else:
            jumlah = hasil.jumlah
            if not self.kueri.strip() and hasil.saringan.kosong:
                teks.append("Kasus terbaru", style="bold")
            elif jumlah is not None and jumlah > HITUNG_MAKS:
                teks.append(f"Lebih dari {_angka(HITUNG_MAKS)} kasus ditemukan", style="bold")
            elif jumlah is not None:
                teks.append(f"{_angka(jumlah)} kasus ditemukan", style="bold")
            else:
                teks.append(f"Lebih dari {_angka(BATAS)} kasus ditemukan", style="bold")
            if hasil.berikut is not None or self._ke:
                dari = self._ke * BATAS + 1
                teks.append(f" · {_angka(dari)}–{_angka(dari + len(hasil.baris) - 1)}"
                            f" (> <  halaman)", style="dim")
        if hasil.kueri.strip():  # which query these results answer (typing runs ahead)
            teks.append(f" · «{hasil.kueri.strip()}»", style="dim")
        if hasil.pesan:
            teks.append(f" · {hasil.pesan}", style="yellow")
        if self._pesan_tanggal:
            teks.append(f" · {self._pesan_tanggal}", style="red")
        return teks

    # ---- keys ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "buka":
            return bool(self.data and self.data.baris)
        if action == "ke_tabel":
            return isinstance(self.focused, Input) and self.focused.id == "kueri"
        if action == "halaman" and parameters:
            if self.data is None:
                return None
            return (self.data.berikut is not None if parameters[0] == 1 else self._ke > 0) or None
        return True

    def action_ke_tabel(self) -> None:
        self.query_one("#hasil", Tabel).focus()

    @on(events.Key)
    def _ketik_di_hasil(self, event: events.Key) -> None:
        """Letters and digits typed on the results (after Esc from a case) go on with
        the query, as the officer expects: the focus moves back to the query box."""
        hasil = self.query_one("#hasil", Tabel)
        if self.focused is not hasil or not event.is_printable or not event.character:
            return
        if event.character in "<>/" or event.character.isspace():
            return  # page keys, the search key and Space keep their meaning
        kueri = self.query_one("#kueri", Input)
        kueri.focus()
        kueri.insert_text_at_cursor(event.character)
        event.stop()

    def action_ke_saringan(self) -> None:
        self.query_one("#status", Select).focus()

    def action_fokus_kueri(self) -> None:
        self.query_one("#kueri", Input).focus()

    def action_hapus_saringan(self) -> None:
        with self.prevent(Select.Changed, Checkbox.Changed, Input.Changed):
            for id_ in ("status", "kabkota", "bentuk"):
                self.query_one(f"#{id_}", Select).clear()
            for id_ in ("dari", "sampai"):
                self.query_one(f"#{id_}", Input).value = ""
            for id_ in ("anak", "terlambat"):
                self.query_one(f"#{id_}", Checkbox).value = False
        self._mulai()

    def action_halaman(self, arah: int) -> None:
        if self.data is None:
            return
        if arah > 0 and self.data.berikut is not None:
            del self._awal[self._ke + 1:]
            self._awal.append(self.data.berikut)
            self._ke += 1
        elif arah < 0 and self._ke > 0:
            self._ke -= 1
        else:
            return
        self._mulai(halaman_baru=False)

    @on(Input.Submitted, "#kueri")
    def _enter_di_kueri(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_buka()

    @on(Input.Submitted, "#dari, #sampai")
    def _enter_di_tanggal(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#hasil", Tabel).focus()

    def action_buka(self) -> None:
        kunci = baris_kursor(self.query_one("#hasil", DataTable))
        if kunci is not None:
            self._buka(uuid.UUID(kunci))

    @on(DataTable.RowSelected)
    def _dipilih(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self._buka(uuid.UUID(event.row_key.value))

    def _buka(self, kasus_id: uuid.UUID) -> None:
        """The case; back here, the same search is read again (the cursor stays on
        its case), so a change made there shows."""
        from ppa_tui.tui.screens.kasus import KasusScreen

        self.app.push_screen(KasusScreen(self.backend, kasus_id),
                             lambda _: self._mulai(halaman_baru=False))

    def action_kembali(self) -> None:
        self.dismiss(None)


def _cocok(b) -> str:  # noqa: ANN001  (a BarisCari)
    """What matched, without repeating the korban's name the Korban column shows."""
    for nama in b.korban:
        if nama and b.cocok == f"korban: {nama}":
            return "nama korban"
    return b.cocok


def _dengan_jumlah(hasil: HalamanCari, jumlah: int | None) -> HalamanCari:
    from dataclasses import replace

    return replace(hasil, jumlah=jumlah)
