"""One widget per field kind of a form spec, and reading its raw value back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from textual.strip import Strip
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, SelectionList, TextArea
from textual.widgets.option_list import OptionDoesNotExist

if TYPE_CHECKING:
    from ppa_tui.domain.forms import FieldSpec, Konteks

PLACEHOLDER = {
    "tanggal": "HH-BB-TTTT",
    "waktu": "HH-BB-TTTT JJ:MM",
    "nik": "16 digit",
    "telepon": "08xx-xxxx-xxxx",
    "angka": "angka",
}


class Centang(Checkbox):
    """A checkbox whose mark is blank when off: a consent form must not look ticked
    on a monitor that shows no colour difference."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802  (Textual's class attribute name)
        return "✓" if self.value else " "


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


def buat_widget(f: FieldSpec, nilai: Any, konteks: Konteks) -> Widget:
    """The input widget for `f`, showing the raw value `nilai`."""
    from ppa_tui.domain import forms

    wid = widget_id(f.nama)
    if f.jenis == "centang":
        return Centang(f.label, bool(nilai), id=wid, compact=True)
    if f.jenis == "teks_panjang":
        area = TextArea(str(nilai or ""), id=wid, soft_wrap=True, tab_behavior="focus",
                        compact=True)
        area.show_line_numbers = False
        return area
    if f.jenis == "pilihan":
        options = [(label, kode) for kode, label in forms.pilihan_field(f, konteks)]
        value = nilai if nilai in {k for _, k in options} else Select.NULL
        return Select(options, value=value, prompt="— pilih —", id=wid, type_to_search=True,
                      compact=True)
    if f.jenis == "pilihan_banyak":
        chosen = set(nilai or ())
        return PilihanBanyak(
            *[(label, kode, kode in chosen) for kode, label in forms.pilihan_field(f, konteks)],
            id=wid, compact=True,
        )
    suggester = None
    if f.jenis == "wilayah":
        suggester = SuggestFromList(forms.saran_wilayah(), case_sensitive=False)
    return Input(str(nilai or ""), placeholder=PLACEHOLDER.get(f.jenis, f.petunjuk), id=wid,
                 suggester=suggester, max_length=f.maks or 0, compact=True)


def baca_widget(widget: Widget) -> Any:
    """The raw value a widget holds, as the form engine expects it."""
    if isinstance(widget, Checkbox):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return "" if widget.value is Select.NULL else widget.value
    if isinstance(widget, SelectionList):
        return list(widget.selected)
    if isinstance(widget, Input):
        return widget.value
    raise TypeError(type(widget).__name__)
