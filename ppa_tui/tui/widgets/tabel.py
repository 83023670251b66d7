"""A row-cursor DataTable whose Enter shows in the Footer."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey


class Tabel(DataTable):
    """Rows keyed by record id; Enter opens the row (posts `RowSelected`). DataTable
    hides its Enter binding, so an officer would not know Enter opens a case."""

    BINDINGS = [Binding("enter", "select_cursor", "Buka", show=True)]

    def __init__(self, *, id: str | None = None, bisa_dibuka: bool = True) -> None:  # noqa: A002
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.bisa_dibuka = bisa_dibuka

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A table whose rows open nothing (figures) keeps Enter out of the Footer."""
        if action == "select_cursor" and not self.bisa_dibuka:
            return False
        return super().check_action(action, parameters)

    def atur_lebar(self, lebar: dict[str, int]) -> None:
        """Give columns (by key) new fixed widths, e.g. to use a wider terminal.
        DataTable has no public call for it; this is the one place that reaches in."""
        berubah = False
        for key, width in lebar.items():
            kolom = self.columns.get(ColumnKey(key))
            if kolom is not None and kolom.width != width:
                kolom.width = width
                berubah = True
        if berubah:
            self._require_update_dimensions = True
            self._clear_caches()
            self.refresh(layout=True)

    def atur_judul(self, key: str, label: str) -> None:
        """A column's header anew (by key), e.g. when a filter shows dates, not clocks."""
        from rich.text import Text

        kolom = self.columns.get(ColumnKey(key))
        if kolom is not None and kolom.label.plain != label:
            kolom.label = Text(label)
            self._require_update_dimensions = True
            self._clear_caches()
            self.refresh()


def baris_kursor(table: DataTable) -> str | None:
    """The key of the row under the cursor, to find it again after a reload."""
    if not table.row_count:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


def ke_baris(table: DataTable, key: str | None) -> None:
    if key is not None and key in table.rows:
        table.move_cursor(row=table.get_row_index(key), animate=False)
