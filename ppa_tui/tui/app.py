"""The App: wires settings, clock and the backend, and shows the home screen.

It also owns what happens when something goes wrong unexpectedly. Textual's answer to
any unhandled exception is to exit and print a traceback with local variables, which
puts victims' names in the terminal's scrollback. Here an error becomes one Indonesian
notification, the screen (and the form with its draft) stays, and value-free details
go to the private log. Only when no screen is left to show does the app stop, with one
Indonesian sentence on stderr.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.worker import WorkerFailed

from ppa_tui import galat
from ppa_tui.backend import Backend
from ppa_tui.domain.clock import Clock, SystemClock
from ppa_tui.settings import Settings
from ppa_tui.tui.kunci_layar import TOMBOL_KUNCI, KunciLayar
from ppa_tui.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from textual.message import Message

BADAI_JUMLAH = 5  # this many unexpected errors ...
BADAI_DETIK = 2.0  # ... within this many seconds: something loops, stop instead
ULANG_DETIK = 60.0  # the same error again within this: neither logged nor shown again
PESAN_BERHENTI = (
    "PPA berhenti karena kesalahan yang tidak terduga. Draf yang sudah tersimpan tidak "
    "hilang; buka kembali dengan `ppa`."
)


class PpaApp(KunciLayar, App[None]):
    """Keyboard-first desk app. Owns no rules: the domain decides, screens draw."""

    TITLE = "PPA"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [  # Textual's own, in Indonesian (same keys, so these replace them)
        Binding("ctrl+q", "quit", "Keluar", tooltip="Tutup aplikasi.", show=False,
                priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        Binding("ctrl+p", "command_palette", "Perintah", tooltip="Buka daftar perintah.",
                show=False, priority=True),
        # search from anywhere: `/` only where it is not typed into a text field (a
        # focused Input takes printable keys first); Ctrl+F everywhere, text fields too
        Binding("slash", "cari", "Cari", show=False),
        Binding("ctrl+f", "cari", "Cari", show=False, priority=True),
        # a client or a stranger walks up: hide everything at once, from any field
        Binding(TOMBOL_KUNCI, "kunci_layar", "Kunci layar",
                tooltip="Sembunyikan layar sekarang; kembali dengan kata sandi.", show=False,
                priority=True),
    ]

    def __init__(self, backend: Backend, *, masuk: bool = False) -> None:
        super().__init__()
        self.backend = backend
        self.masuk = masuk  # start at the login; False: the process itself, at home
        self.sesi_aktif = False  # home is up (after the login): something to lock
        self._galat_baru: deque[float] = deque(maxlen=BADAI_JUMLAH)
        self._galat_terakhir: dict[str, float] = {}  # signature -> when last reported
        self.log_path = None
        self.pasang_kunci()

    def on_mount(self) -> None:
        from ppa_tui.tui.screens.layar_kecil import periksa_ukuran

        if self.masuk:
            from ppa_tui.tui.screens.masuk import mulai_sesi

            mulai_sesi(self, self.backend, self.buka_beranda)
        else:
            self.buka_beranda()
        periksa_ukuran(self)

    def buka_beranda(self) -> None:
        """Home, once someone is logged in (or at once without the login)."""
        from ppa_tui.tui.akun import label_akun

        self.sub_title = label_akun(self.backend.akun)
        self.sesi_aktif = True
        self.push_screen(HomeScreen(self.backend))
        self.penjaga.mulai()

    def on_unmount(self) -> None:
        self.backend.close()

    # ---- command palette (Ctrl+P) ---------------------------------------------------

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(PaletPerintah(id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette's commands: the current screen's own first, then the app's, in
        Indonesian. Textual's Theme and Screenshot are left out: a desk has no use for
        them, and a screenshot would write victims' data to a file."""
        yield from self.perintah_layar(screen)
        if self.sesi_aktif:
            yield SystemCommand("Kunci layar (Ctrl+L)",
                                "Sembunyikan layar sekarang; kembali dengan kata sandi",
                                self.action_kunci_layar)
            if self.backend.akun is not None:
                yield SystemCommand("Ganti kata sandi", "Ganti kata sandi akun Anda sendiri",
                                    self.action_ganti_sandi)
        if self._bisa_cari(screen):
            yield SystemCommand("Cari kasus (/ atau Ctrl+F)",
                                "Cari kasus: nama, NIK, telepon, nomor register, kronologi",
                                self.action_cari)
        yield SystemCommand("Keluar", "Tutup aplikasi (Ctrl+Q)", self.action_quit)
        if screen.query("HelpPanel"):
            yield SystemCommand("Tombol", "Sembunyikan panel tombol dan bantuan",
                                self.action_hide_help_panel)
        else:
            yield SystemCommand("Tombol", "Tampilkan tombol yang berlaku di layar ini",
                                self.action_show_help_panel)
        if screen.maximized is not None:
            yield SystemCommand("Kecilkan", "Kembalikan bagian yang diperbesar",
                                screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand("Perbesar", "Perbesar bagian yang sedang aktif",
                                screen.action_maximize)

    def perintah_layar(self, screen: Screen) -> Iterable[SystemCommand]:
        """Commands a screen offers itself: `perintah_palet()` yielding SystemCommands."""
        perintah = getattr(screen, "perintah_palet", None)
        if callable(perintah):
            yield from perintah()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.terkunci and action in {"cari", "command_palette", "kunci_layar",
                                        "show_help_panel"}:
            return False  # nothing opens over the lock screen
        if action == "cari":
            return self._bisa_cari(self.screen)
        return True

    def _bisa_cari(self, screen: Screen) -> bool:
        """Search opens over any screen but a dialog or the palette (over a form too:
        its draft is kept)."""
        from textual.screen import ModalScreen

        return (self.sesi_aktif and not isinstance(screen, ModalScreen)
                and len(self.screen_stack) > 1)

    def action_ganti_sandi(self) -> None:
        from ppa_tui.tui.screens.masuk import GantiSandi

        if self.sesi_aktif and self.backend.akun is not None:
            self.push_screen(GantiSandi(self.backend))

    def action_cari(self) -> None:
        """The search screen; on it, back to its query field."""
        from ppa_tui.tui.screens.cari import CariScreen

        if isinstance(self.screen, CariScreen):
            self.screen.action_fokus_kueri()
            return
        self.push_screen(CariScreen(self.backend))

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit (it copies in a text field): say how to, in Indonesian."""
        self.notify("Untuk keluar dari aplikasi, tekan Ctrl+Q.", title="Mau keluar?")

    # ---- unexpected errors --------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """Textual calls this for every unhandled exception (handlers, actions, workers
        with `exit_on_error`, timers, compose, rendering). Replaces its exit-with-
        traceback: log without values, tell the officer in Indonesian, carry on."""
        asli = error.error if isinstance(error, WorkerFailed) else error
        if not isinstance(asli, Exception):  # a worker's BaseException: not ours to keep
            asli = error
        rusak = _layar_gagal_compose(error)
        lanjut = self._bisa_lanjut(rusak)
        ulangan = lanjut and self._ulangan(asli)  # e.g. a timer failing every second
        if not ulangan:
            galat.catat_galat(asli, self._di_mana())
        if not lanjut:
            self._berhenti(error)
            return
        if ulangan:
            return
        if rusak is not None and not rusak.is_mounted and rusak in self.screen_stack:
            self.call_later(self._tutup_layar_rusak, rusak)
            pesan = "Layar ini tidak bisa dibuka karena kesalahan yang tidak terduga."
        else:
            pesan = galat.pesan_galat(asli)
        self.notify(pesan, title="Kesalahan", severity="error", timeout=10, markup=False)

    def _di_mana(self) -> str:
        try:
            return type(self.screen).__name__
        except Exception:  # noqa: BLE001  (no screen yet, or none left)
            return type(self).__name__

    def _bisa_lanjut(self, rusak: Screen | None) -> bool:
        """Carry on only while the app runs, a real screen remains, and errors do
        not come in a storm (a rendering error repeats on every refresh)."""
        if not self._running or self._closing or self._closed:
            return False
        stack = self.screen_stack
        if len(stack) < 2:  # only Textual's blank default screen
            return False
        if rusak is not None and not rusak.is_mounted and (
            rusak not in stack or stack.index(rusak) <= 1
        ):
            return False  # the first screen itself cannot be drawn
        sekarang = time.monotonic()
        self._galat_baru.append(sekarang)
        badai = len(self._galat_baru) == BADAI_JUMLAH and (
            sekarang - self._galat_baru[0] < BADAI_DETIK
        )
        return not badai

    def _ulangan(self, error: BaseException) -> bool:
        """The same kind of error from the same line was reported a moment ago."""
        tb = error.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        tempat = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}" if tb else ""
        tanda = f"{type(error).__qualname__}@{tempat}"
        sekarang = time.monotonic()
        lalu = self._galat_terakhir.get(tanda)
        self._galat_terakhir[tanda] = sekarang if lalu is None or (
            sekarang - lalu >= ULANG_DETIK) else lalu
        return lalu is not None and sekarang - lalu < ULANG_DETIK

    def _berhenti(self, error: Exception) -> None:
        """Exit with one Indonesian sentence (printed on stderr after the terminal is
        restored) instead of Textual's traceback with local variables."""
        self._return_code = 1
        if self._exception is None:  # run_test re-raises it, so tests see the failure
            self._exception = error
            self._exception_event.set()
        if not self._exit_renderables:
            self._exit_renderables.append(Text(PESAN_BERHENTI))
            if self.log_path is not None:
                self._exit_renderables.append(Text(f"Rincian teknis: {self.log_path}"))
        self._close_messages_no_wait()

    def _tutup_layar_rusak(self, layar: Screen) -> None:
        if self.screen is layar:
            layar.dismiss(None)


class PaletPerintah(CommandPalette):
    """Textual's command palette with its two English texts in Indonesian."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(placeholder="Cari perintah…", **kwargs)  # type: ignore[arg-type]

    def _start_no_matches_countdown(self, search_value: str) -> None:
        if not search_value:  # discovery mode: Textual shows no such line
            super()._start_no_matches_countdown(search_value)
            return
        self._stop_no_matches_countdown()
        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN,
                                                self._tidak_ada_yang_cocok)

    def _tidak_ada_yang_cocok(self) -> None:
        from textual.widgets.option_list import Option

        self.query_one(CommandList).add_option(Option(
            Align.center(Text("Tidak ada perintah yang cocok", style="not bold")),
            disabled=True, id=self._NO_MATCHES))
        self._list_visible = True


def _layar_gagal_compose(error: BaseException) -> Screen | None:
    """The screen being built when `compose` raised, else None.

    Textual catches compose errors in `Widget._compose` and passes them on, so the
    traceback starts in that frame, whose `self` is the widget being composed."""
    tb = error.__traceback__
    if tb is None or tb.tb_frame.f_code.co_name != "_compose":
        return None
    node = tb.tb_frame.f_locals.get("self")
    if isinstance(node, Screen):
        return node
    try:
        return node.screen  # type: ignore[union-attr]
    except Exception:  # noqa: BLE001  (not attached to a screen)
        return None


_asli_dispatch = MessagePump._dispatch_message  # noqa: SLF001


async def _dispatch_terjaga(self: MessagePump, message: Message) -> None:
    """Textual stops a widget's message loop after a handler raises (the app exits
    anyway). In a PpaApp the error is reported and the loop goes on, so the screen
    still answers keys afterwards."""
    try:
        await _asli_dispatch(self, message)
    except Exception as exc:
        from textual._context import active_app

        app = active_app.get(None)
        if not isinstance(app, PpaApp):
            raise
        app._handle_exception(exc)  # noqa: SLF001


MessagePump._dispatch_message = _dispatch_terjaga  # type: ignore[method-assign]  # noqa: SLF001


def build_app(settings: Settings, clock: Clock | None = None, *,
              masuk: bool = False) -> PpaApp:
    """The one factory for the CLI and the tests. `masuk`: start at the login (what
    `ppa` does); without it the app opens at home as the process itself."""
    backend = Backend(settings, clock or SystemClock())
    if not masuk:  # with a login, nothing is read before the password
        backend.mulai_beranda(tunggu=0.2)  # home's first rows, before the loop starts
    app = PpaApp(backend, masuk=masuk)
    app.log_path = galat.pasang_log(settings.data_dir)
    return app
