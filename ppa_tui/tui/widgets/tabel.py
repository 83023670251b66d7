"""A row-cursor DataTable whose Enter shows in the Footer."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class Tabel(DataTable):
    """Rows keyed by record id; Enter opens the row (posts `RowSelected`). DataTable
    hides its Enter binding, so an officer would not know Enter opens a case."""

    BINDINGS = [Binding("enter", "select_cursor", "Buka", show=True)]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
