"""The widgets of a form: one entry per widget family (make, read). Which family a
field kind uses is the domain's call (`ppa_tui.domain.jenis`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.strip import Strip
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, SelectionList, TextArea
from textual.widgets._select import SelectCurrent, SelectOverlay  # Textual 8.2.8
from textual.widgets.option_list import OptionDoesNotExist

if TYPE_CHECKING:
    from ppa_tui.domain.forms import FieldSpec, Konteks
    from ppa_tui.domain.jenis import Jenis


class Centang(Checkbox):
    """A checkbox whose mark is blank when off: a consent form must not look ticked
    on a monitor that shows no colour difference. Consecutive boxes behave as one tick
    list (as `PilihanBanyak` does): ↑/↓ move between them, Space ticks."""

    BINDINGS = [
        Binding("down", "tetangga(1)", "Centang berikut", show=False),
        Binding("up", "tetangga(-1)", "Centang sebelumnya", show=False),
    ]

    def action_tetangga(self, arah: int) -> None:
        """Focus the box just below or above; past the ends the key does what it did
        (the form scrolls)."""
        rantai = self.screen.focus_chain
        try:
            i = rantai.index(self) + arah
        except ValueError:
            raise SkipAction from None
        if not 0 <= i < len(rantai) or not isinstance(rantai[i], Centang):
            raise SkipAction
        rantai[i].focus()

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802  (Textual's class attribute name)
        return "✓" if self.value else " "


def peringkat_cocok(cari: str, label: str) -> tuple[int, int] | None:
    """How well `label` matches what was typed (lower is better), None when it does
    not: anywhere in the label ("tangga" finds Tetangga), a word's start before the
    inside of a word ("an" finds Orang tua angkat before Ayah kandung), then the earlier."""
    teks, cari = label.casefold(), cari.casefold()
    pertama = teks.find(cari)
    if not cari or pertama < 0:
        return None
    awal_kata = pertama
    while awal_kata >= 0:
        if awal_kata == 0 or not teks[awal_kata - 1].isalnum():
            return (0, awal_kata)
        awal_kata = teks.find(cari, awal_kata + 1)
    return (1, pertama)


class _DaftarCari(SelectOverlay):
    """The open list of a `Pilihan`: what is typed is found anywhere in a label, a
    word's start first; a key typed while the list was closed is searched too."""

    _tertunda = ""

    def cari_nanti(self, huruf: str) -> None:
        """Search for `huruf` once the list has focus (gaining focus clears the query)."""
        self._tertunda = huruf

    def watch_has_focus(self, value: bool) -> None:
        super().watch_has_focus(value)
        if value and self._tertunda:
            self._search_query, self._tertunda = self._tertunda, ""
            index = self._find_search_match(self._search_query)
            if index is not None:
                self.select(index)

    def _find_search_match(self, query: str) -> int | None:
        kosong = isinstance(self.parent, Select) and self.parent._allow_blank  # noqa: SLF001
        terbaik: tuple[tuple[int, int], int] | None = None
        for index, option in enumerate(self._options):
            if kosong and index == 0:
                continue  # the "— pilih —" row
            prompt = option.prompt
            label = prompt.plain if isinstance(prompt, Text) else str(prompt)
            peringkat = peringkat_cocok(query, label)
            if peringkat is not None and (terbaik is None or (peringkat, index) < terbaik):
                terbaik = (peringkat, index)
        return None if terbaik is None else terbaik[1]


class Pilihan(Select[str]):
    """A choice list that finds what is typed anywhere in a label, and opens on the
    first letter typed (Textual's only searches once Enter has opened it)."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield _DaftarCari(type_to_search=self._type_to_search).data_bind(compact=Select.compact)

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return character is not None and character.isprintable() and character != " "

    async def _on_key(self, event: events.Key) -> None:
        if self.expanded or not event.is_printable or event.character in (None, " "):
            return
        event.stop()
        event.prevent_default()
        self.query_one(_DaftarCari).cari_nanti(event.character)
        self.action_show_overlay()


class PilihanBanyak(SelectionList[str]):
    """SelectionList with a tick only on chosen rows (it draws "X" on every row)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if len(segments) > 1 and segments[1].text == Checkbox.BUTTON_INNER:
            mark = "✓" if selection.value in self.selected else " "
            segments[1] = Segment(mark, segments[1].style)
            return Strip(segments, strip.cell_length)
        return strip


def widget_id(nama: str) -> str:
    return f"f-{nama}"


# ---- one entry per widget family (`jenis.Jenis.widget`): make and read ---------------


def _buat_masukan(f: FieldSpec, jenis: Jenis, nilai: Any, konteks: Konteks) -> Widget:
    suggester = SuggestFromList(jenis.saran(), case_sensitive=False) if jenis.saran else None
    return Input(str(nilai or ""), placeholder=jenis.placeholder or f.petunjuk,
                 id=widget_id(f.nama), suggester=suggester, max_length=f.maks or 0,
                 compact=True)


def _buat_teks_panjang(f: FieldSpec, jenis: Jenis, nilai: Any, konteks: Konteks) -> Widget:
    area = TextArea(str(nilai or ""), id=widget_id(f.nama), soft_wrap=True,
                    tab_behavior="focus", compact=True)
    area.show_line_numbers = False
    return area


def _buat_pilihan(f: FieldSpec, jenis: Jenis, nilai: Any, konteks: Konteks) -> Widget:
    from ppa_tui.domain.jenis import pilihan_field

    options = [(label, kode) for kode, label in pilihan_field(f, konteks)]
    value = nilai if nilai in {k for _, k in options} else Select.NULL
    return Pilihan(options, value=value, prompt="— pilih —", id=widget_id(f.nama),
                   type_to_search=True, compact=True)


def _buat_pilihan_banyak(f: FieldSpec, jenis: Jenis, nilai: Any, konteks: Konteks) -> Widget:
    from ppa_tui.domain.jenis import pilihan_field

    chosen = set(nilai or ())
    return PilihanBanyak(
        *[(label, kode, kode in chosen) for kode, label in pilihan_field(f, konteks)],
        id=widget_id(f.nama), compact=True,
    )


def _buat_centang(f: FieldSpec, jenis: Jenis, nilai: Any, konteks: Konteks) -> Widget:
    return Centang(f.label, bool(nilai), id=widget_id(f.nama), compact=True)


@dataclass(frozen=True)
class Keluarga:
    """A widget family: its class, how to make one for a field, how to read it back."""

    kelas: type[Widget]
    buat: Callable[[FieldSpec, Jenis, Any, Konteks], Widget]
    baca: Callable[[Any], Any]


KELUARGA: dict[str, Keluarga] = {
    "masukan": Keluarga(Input, _buat_masukan, lambda w: w.value),
    "teks_panjang": Keluarga(TextArea, _buat_teks_panjang, lambda w: w.text),
    "pilihan": Keluarga(Select, _buat_pilihan,
                        lambda w: "" if w.value is Select.NULL else w.value),
    "pilihan_banyak": Keluarga(SelectionList, _buat_pilihan_banyak, lambda w: list(w.selected)),
    "centang": Keluarga(Checkbox, _buat_centang, lambda w: w.value),
}
_PER_KELAS: dict[type, Keluarga] = {}


def buat_widget(f: FieldSpec, nilai: Any, konteks: Konteks) -> Widget:
    """The input widget for `f`, showing the raw value `nilai`."""
    from ppa_tui.domain.jenis import JENIS

    jenis = JENIS[f.jenis]
    return KELUARGA[jenis.widget].buat(f, jenis, nilai, konteks)


def baca_widget(widget: Widget) -> Any:
    """The raw value a widget holds, as the form engine expects it."""
    keluarga = _PER_KELAS.get(type(widget))
    if keluarga is None:
        keluarga = next((k for k in KELUARGA.values() if isinstance(widget, k.kelas)), None)
        if keluarga is None:
            raise TypeError(type(widget).__name__)
        _PER_KELAS[type(widget)] = keluarga
    return keluarga.baca(widget)
