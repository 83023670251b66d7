"""Synthetic but realistic demo data (`ppa demo`), for trying the app and for benchmarks.

Every case is what the desk would have produced: a buku tamu row (a complaint, so a
case), a register number, a pelapor (often the korban herself), one or two korban, a
pelaku, the bentuk kekerasan, the kejadian and the SOP Layanan "dasar" steps with their
clock times. Old cases have finished the track (`selesai_jalur`); recent ones are still
running on L1/L2/L3, some of them overdue.

Nothing here is a real person: names are drawn from small built-in lists of names
common in Bangka Belitung (Malay, Javanese, Chinese-Indonesian), and NIKs are built
from the province's kab/kota codes with a random serial.

Rows are written with SQLAlchemy Core bulk inserts (`session.execute(insert(table),
rows)` with a list of dicts per table per batch), one transaction per batch of 1,000
cases, never one ORM object at a time. Two things keep 100,000 cases (about a million
rows) well under a minute on SQLite: values are put into their stored form once, here,
instead of by a Python type processor per value (see `_Format`), and ids are
time-ordered UUIDv7s, so every primary-key and kasus_id index grows at its end.
Register numbers are reserved per batch with one atomic counter update per year (the
same upsert as `domain.register`), so they continue after any existing numbers and
never collide with a desk opening a case at the same time.

Every case is marked `kasus.demo`, and a database that already holds real cases is
refused unless the caller says to mix (`campur`, `ppa demo --campur`): synthetic cases
would otherwise sit among real ones and take the next register numbers.

The data is deterministic for a given seed, clock and starting database: the content
comes from `seed`; ids also mix in the device and the register counters, so running the
demo twice on one database adds new rows instead of colliding.
"""

from ppa_tui.store.demo.isi import AdaKasusNyata, isi_demo

__all__ = ["AdaKasusNyata", "isi_demo"]
