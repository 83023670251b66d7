"""Typer's own English (help headings, usage line, error messages), in Indonesian.

Typer 0.29 vendors Click without gettext, so there is no translation catalogue to
install. What it does offer: module-level texts in `typer.rich_utils`, read at each
use, and a few methods every command shares. `pasang()` sets those, once, when the
`ppa` command group starts (never on the fast path that opens the TUI without Typer).
Error messages are matched by pattern; one we do not know is shown as Typer wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

PEMAKAIAN = "Pemakaian: "
BANTUAN = "Tampilkan bantuan ini lalu keluar."

_JUDUL = {
    "ARGUMENTS_PANEL_TITLE": "Argumen",
    "OPTIONS_PANEL_TITLE": "Opsi",
    "COMMANDS_PANEL_TITLE": "Perintah",
    "ERRORS_PANEL_TITLE": "Kesalahan",
    "ABORTED_TEXT": "Dibatalkan.",
    "RICH_HELP": "Coba [blue]'{command_path} {help_option}'[/] untuk bantuan.",
    "DEFAULT_STRING": "[bawaan: {}]",
    "ENVVAR_STRING": "[variabel lingkungan: {}]",
    "REQUIRED_LONG_STRING": "[wajib]",
    "DEPRECATED_STRING": "(usang) ",
}

_METAVAR = {"OPTIONS": "OPSI", "COMMAND": "PERINTAH", "ARGS": "ARG"}
_JENIS = {"<int>": "<angka>", "<int range>": "<angka>", "<float>": "<angka>",
          "<float range>": "<angka>", "<str>": "<teks>", "<text>": "<teks>",
          "<path>": "<folder/berkas>"}

# Whole messages, as Typer/Click format them, and their Indonesian.
_PESAN: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"No such option: (?P<o>\S+)(?: \(Possible options: (?P<p>.+)\))?"),
     lambda m: f"Opsi tidak dikenal: {m['o']}"
     + (f" (mungkin maksudnya: {m['p']})" if m["p"] else "")),
    (re.compile(r"No such command (?P<c>'.*')\.(?: Did you mean (?P<s>.+)\?)?"),
     lambda m: f"Perintah {m['c']} tidak ada." + (f" Maksudnya {m['s']}?" if m["s"] else "")),
    (re.compile(r"Missing command\."), lambda m: "Perintahnya belum ditulis."),
    (re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((?P<a>.*)\)"),
     lambda m: f"Ada argumen yang tidak dikenal: {m['a']}"),
    (re.compile(r"Option (?P<o>'.*') requires an argument\."),
     lambda m: f"Opsi {m['o']} perlu diberi nilai."),
    (re.compile(r"Option (?P<o>'.*') requires (?P<n>\d+) arguments\."),
     lambda m: f"Opsi {m['o']} perlu diberi {m['n']} nilai."),
    (re.compile(r"Option (?P<o>'.*') does not take a value\."),
     lambda m: f"Opsi {m['o']} tidak menerima nilai."),
    (re.compile(r"Missing (?:option|argument|parameter) (?P<h>.+?)\..*"),
     lambda m: f"{m['h']} wajib diisi."),
    (re.compile(r"Invalid value for (?P<h>.+?): (?P<m>.*)", re.S),
     lambda m: f"Nilai untuk {m['h']} tidak sah: {_alasan(m['m'])}"),
    (re.compile(r"Invalid value: (?P<m>.*)", re.S),
     lambda m: f"Nilai tidak sah: {_alasan(m['m'])}"),
]

# Why a value was refused (pydantic's or Click's words).
_ALASAN: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"Input should be a valid integer.*", re.S), lambda m: "harus bilangan bulat."),
    (re.compile(r"Input should be a valid number.*", re.S), lambda m: "harus angka."),
    (re.compile(r"Input should be greater than or equal to (?P<n>\S+)"),
     lambda m: f"paling kecil {m['n']}."),
    (re.compile(r"Input should be greater than (?P<n>\S+)"),
     lambda m: f"harus lebih dari {m['n']}."),
    (re.compile(r"Input should be less than or equal to (?P<n>\S+)"),
     lambda m: f"paling besar {m['n']}."),
    (re.compile(r"Input should be less than (?P<n>\S+)"),
     lambda m: f"harus kurang dari {m['n']}."),
    (re.compile(r"(?P<v>.+) is not one of (?P<c>.+)\."), lambda m: f"{m['v']} bukan salah satu "
     f"dari {m['c']}."),
]


def terjemahkan(pesan: str, daftar: list | None = None) -> str:
    """`pesan` in Indonesian when we know its pattern, else unchanged."""
    for pola, ganti in _PESAN if daftar is None else daftar:
        m = pola.fullmatch(pesan.strip())
        if m:
            return ganti(m)
    return pesan


def _alasan(teks: str) -> str:
    return terjemahkan(teks, _ALASAN)


_terpasang = False


def pasang() -> None:
    """Put Typer's texts in Indonesian (idempotent)."""
    global _terpasang
    if _terpasang:
        return
    _terpasang = True
    from typer import core, rich_utils
    from typer._click import core as click_core
    from typer._click import formatting

    for nama, teks in _JUDUL.items():
        setattr(rich_utils, nama, teks)
    rich_utils.OptionHighlighter.highlights = [
        *rich_utils.OptionHighlighter.highlights, rf"(?P<usage>{PEMAKAIAN})"]

    asli_usage = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        for en, id_ in _METAVAR.items():
            args = re.sub(rf"\b{en}\b", id_, args)
        asli_usage(self, prog, args, PEMAKAIAN if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]

    asli_bantuan = click_core.Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        opsi = asli_bantuan(self, ctx)
        if opsi is not None:
            opsi.help = BANTUAN
        return opsi

    click_core.Command.get_help_option = get_help_option  # type: ignore[method-assign]

    asli_jenis = core.TyperOption.display_type_rich

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        if self.is_flag and self.metavar is None:
            return None  # a switch takes no value: "<bool>" says nothing
        jenis = asli_jenis(self, ctx)
        return _JENIS.get(jenis, jenis) if jenis is not None else None

    core.TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]

    asli_galat = rich_utils.rich_format_error

    def rich_format_error(exc: Any) -> None:
        teks = terjemahkan(exc.format_message())
        exc.format_message = lambda: teks
        asli_galat(exc)

    rich_utils.rich_format_error = rich_format_error
