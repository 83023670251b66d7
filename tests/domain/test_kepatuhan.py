"""`mutu.kepatuhan` (the recap's SOP compliance, counted in the database) gives
`mutu_baku`'s counts on mutu's own hand-checked history (tests/domain/test_mutu.py)."""

from __future__ import annotations

from sqlalchemy import update

from ppa_tui.domain.models import Kasus
from ppa_tui.domain.mutu import kepatuhan, mutu_baku
from tests.domain.test_mutu import KALENDER, NOVEMBER, riwayat  # noqa: F401  (fixture)


def _counts(laporan) -> list:
    return [(r.sop_kode, r.langkah_kode, r.label, r.selesai, r.dengan_batas, r.tepat_waktu,
             r.batas_teks) for r in laporan.baris]


def test_counts_equal_mutu_baku_s(db, riwayat) -> None:  # noqa: F811
    with db.baca() as s:
        cepat = kepatuhan(s, NOVEMBER.sejak, NOVEMBER.sampai)
        penuh = mutu_baku(s, NOVEMBER.sejak, NOVEMBER.sampai, KALENDER)
    assert _counts(cepat) == _counts(penuh)
    l1 = next(r for r in cepat.baris if r.langkah_kode == "L1")
    assert (l1.selesai, l1.dengan_batas, l1.tepat_waktu, l1.median) == (4, 4, 2, None)
    assert cepat.dihentikan == penuh.dihentikan == 1
    assert not cepat.contoh


def test_demo_only_database_counts_its_steps_marked(db, riwayat) -> None:  # noqa: F811
    with db.session() as s:
        s.execute(update(Kasus).values(demo=True))
    with db.baca() as s:
        cepat = kepatuhan(s, NOVEMBER.sejak, NOVEMBER.sampai)
        penuh = mutu_baku(s, NOVEMBER.sejak, NOVEMBER.sampai, KALENDER)
    assert _counts(cepat) == _counts(penuh)
    assert cepat.contoh and penuh.contoh
    assert next(r for r in cepat.baris if r.langkah_kode == "L1").selesai == 5
