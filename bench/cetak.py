"""Printing a document: what the officer waits for after `c` (or `ppa cetak`), from
the case in the database to the PDF on disk, against a bare fpdf2 page with the same
font written in the same run.

    .venv/bin/python bench/cetak.py [--runs 7]

A case is built with every record the documents read (korban, pelaku, kejadian,
persetujuan, asesmen, rencana, shelter, notes); each document is printed `--runs`
times after one warm-up (fonts loaded, letter numbers taken).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
SASARAN = 2  # a document may take at most this many bare pages' time


def _kasus(db, clock):
    from ppa_tui.domain.kasus import (
        buka_kasus,
        simpan_asesmen,
        simpan_kejadian,
        simpan_persetujuan,
        simpan_pihak,
        simpan_rencana,
    )
    from ppa_tui.domain.pengelolaan import simpan_catatan, simpan_penampungan

    with db.session() as s:
        k = buka_kasus(s, waktu_diterima=clock.now(), petugas="Rina")
        simpan_pihak(s, k.id, "pelapor", {"nama": "Rosmawati", "hubungan": "orang_tua"})
        korban = simpan_pihak(s, k.id, "korban", {"nama": "Ani", "usia": 12, "anak": True,
                                                  "nik": "1971015203140001"})
        simpan_pihak(s, k.id, "pelaku", {"nama": "Budi", "usia": 41})
        simpan_kejadian(s, k.id, {"bentuk_kekerasan": ["fisik", "psikis"],
                                  "kronologi": "Kronologi kejadian. " * 40})
        simpan_persetujuan(s, k.id, {"korban_id": str(korban.id), "pemberi": "orang_tua_wali",
                                     "wali_nama": "Rosmawati", "izin_kesehatan": True})
        simpan_asesmen(s, k.id, {"korban_id": str(korban.id), "tingkat_risiko": "tinggi"})
        simpan_rencana(s, k.id, {"layanan": "kesehatan", "penyedia": "RSUD",
                                 "korban_id": str(korban.id)})
        simpan_penampungan(s, k.id, {"waktu_masuk": clock.now(), "ruang": "A1"})
        simpan_catatan(s, k.id, {"jenis": "rekomendasi", "tanggal": date(2026, 11, 23),
                                 "uraian": "Rujuk RSUD"})
        return k.id


def _ukur(fn, runs: int) -> float:
    fn()
    waktu = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        waktu.append((time.perf_counter() - t0) * 1000)
    return statistics.median(waktu)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    from fpdf import FPDF

    from ppa_tui.documents.cetak import cetak
    from ppa_tui.domain.clock import FixedClock
    from ppa_tui.domain.dokumen import DAFTAR_DOKUMEN
    from ppa_tui.domain.sumber import folder
    from ppa_tui.settings import Settings
    from ppa_tui.store.database import Database

    tmp = Path(tempfile.mkdtemp(prefix="ppa-bench-cetak-"))
    clock = FixedClock(NOW + timedelta(0))
    settings = Settings(data_dir=tmp, database_url=f"sqlite:///{tmp / 'ppa.db'}", petugas="Rina")
    db = Database.open(settings.url, device_id="bench")
    kasus_id = _kasus(db, clock)
    font = Path(str(folder("data") / "fonts" / "DejaVuSans.ttf"))

    def polos() -> None:
        pdf = FPDF()
        pdf.add_font("DejaVu", fname=str(font))
        pdf.add_page()
        pdf.set_font("DejaVu", size=11)
        pdf.multi_cell(0, 6, "Baris teks. " * 200)
        (tmp / "polos.pdf").write_bytes(pdf.output())

    dasar = _ukur(polos, args.runs)
    print(f"median of {args.runs} runs (ms); ratio against a bare fpdf2 page with the same "
          f"font, target <= {SASARAN}x")
    print(f"  {'baseline: bare fpdf2 page':34} {dasar:8.1f}")
    terburuk = 0.0
    for dok in DAFTAR_DOKUMEN:
        ms = _ukur(lambda d=dok: cetak(db, settings, kasus_id, d, keluar=tmp, clock=clock),
                   args.runs)
        terburuk = max(terburuk, ms)
        print(f"  {dok:34} {ms:8.1f} {ms / dasar:6.1f}x")
    print(f"  {'slowest document':34} {terburuk:8.1f} {terburuk / dasar:6.1f}x "
          f"(target <= {SASARAN}x)")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
