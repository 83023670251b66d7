"""Synthetic but realistic demo data (`ppa demo`), for trying the app and for benchmarks.

Every case is what the desk would have produced: a buku tamu row (a complaint, or a
referral in from a kab/kota), a register number, a pelapor (often the korban herself),
one or two korban, a pelaku, the bentuk kekerasan, the kejadian, and its life since
(`alur.py`): the SOP Layanan steps with their clock times (dasar L1-L3; step 3 decides
kab/kota or pusat, handed over with a pelimpahan whose receipt may still be awaited, or
provinsi, on to the rujukan track L4b-L9; a referral starts at L4a), the Kepala's
disposisi, asesmen and consent, rencana intervensi with one SOP Pendampingan run each
(P4 with the officer's deadline; some refused at P2), shelter stays, mediation (never
for sexual violence unless every pelaku is a child), activity notes, and the closure
(terminasi), which stops what still ran, sometimes reopened. Deadlines are the unit's
working-time ones (`waktu.KalenderCepat`, exactly `Kalender.tambah`); durations are
mostly within the limit, some late. Most old cases are closed; recent ones run, a few
overdue. The newest and a few dozen other cases are chosen to show each state
(`isi._paksa`), so even a fill of a few hundred has every one.

Nothing here is a real person: names are drawn from small built-in lists of names
common in Bangka Belitung (Malay, Javanese, Chinese-Indonesian), and NIKs are built
from the province's kab/kota codes with a random serial.

Rows are written with driver-level `executemany` of plain tuples (one INSERT per table
per batch), one transaction per batch of 1,000 cases, never one ORM object at a time.
Values are put into their stored form once, here, instead of by a Python type
processor per value (see `_Format`), and ids are time-ordered UUIDv7s, so every
primary-key and kasus_id index grows at its end.
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
