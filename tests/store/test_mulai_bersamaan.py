"""Several desks starting at once on an empty database all start: the schema is set
up by one of them while the others wait and then find it made."""

from __future__ import annotations

import multiprocessing as mp

from ppa_tui.store.migrate import HEAD, current_revision

DESKS = 8


def _buka(url: str, barrier, hasil) -> None:
    from ppa_tui.store.database import Database

    barrier.wait(60)
    try:
        db = Database.open(url, device_id="desk")
        hasil.put(current_revision(db.engine))
        db.close()
    except Exception as exc:  # noqa: BLE001  (reported to the test, which fails)
        hasil.put(f"{type(exc).__name__}: {exc}")


def test_eight_desks_open_one_empty_database_at_once(db_url: str) -> None:
    ctx = mp.get_context("forkserver")  # imports once, then forks: no shared sockets
    ctx.set_forkserver_preload(["ppa_tui.store.database", "alembic.command"])
    barrier, hasil = ctx.Barrier(DESKS), ctx.Queue()
    procs = [ctx.Process(target=_buka, args=(db_url, barrier, hasil)) for _ in range(DESKS)]
    for p in procs:
        p.start()
    keluaran = [hasil.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(30)
    assert keluaran == [HEAD] * DESKS
    assert [p.exitcode for p in procs] == [0] * DESKS
