"""Finding a case by a fragment, on both backends, over a fixed set of cases: every
searched field, folding (case, accents, apostrophes, spaces), the index current after
an edit and a soft delete, each filter, pages, and short queries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from ppa_tui.domain.models import BukuTamu, Kasus, KekerasanKasus, LangkahKasus, Pihak
from ppa_tui.store.cari import PESAN_PENDEK, Saringan, cari, hitung, lipat, urai

AWAL = datetime(2026, 11, 2, 2, tzinfo=UTC)
NOW = datetime(2026, 11, 23, 2, tzinfo=UTC)


@pytest.fixture
def kasus(db):
    """Six cases (numbers 2026/0001-0006), one removed; names, NIKs, phones, kronologi."""
    with db.session() as s:
        def buat(urutan: int, status: str = "aktif", hari: int = 0, **kw) -> Kasus:
            k = Kasus(nomor_register=f"PPA/2026/{urutan:04d}", tahun=2026, urutan=urutan,
                      waktu_diterima=AWAL + timedelta(days=hari), status=status, **kw)
            s.add(k)
            s.flush()
            return k

        a = buat(1, kronologi="Korban dipukul suaminya di rumah mereka di Koba.",
                 kejadian_kabkota_kode="19.04")
        s.add(Pihak(kasus_id=a.id, peran="korban", nama="Sofía Rahmawati", anak=False,
                    nik="1904014508900001", telepon="+6281234567890", kabkota_kode="19.04"))
        s.add(Pihak(kasus_id=a.id, peran="pelaku", nama="Budi Santoso"))
        s.add(Pihak(kasus_id=a.id, peran="pelapor", nama="Hendra [bold]Lim[/bold]",
                    telepon="+6285299887766"))
        s.add(KekerasanKasus(kasus_id=a.id, bentuk="fisik"))
        b = buat(2, hari=3, kronologi="Anak dibawa pergi tetangga ke Toboali.")
        s.add(Pihak(kasus_id=b.id, peran="korban", nama="Siti  Aisyah", anak=True,
                    kabkota_kode="19.03"))
        s.add(Pihak(kasus_id=b.id, peran="pelaku", nama="Ahmad Ma'ruf"))
        s.add(KekerasanKasus(kasus_id=b.id, bentuk="seksual"))
        s.add(LangkahKasus(kasus_id=b.id, sop_kode="layanan", langkah_kode="L2",
                           started_at=AWAL, deadline_at=AWAL + timedelta(days=1)))
        c = buat(3, "selesai", hari=5, kronologi="Pertengkaran soal warisan.")
        s.add(Pihak(kasus_id=c.id, peran="korban", nama="Rina Aisyah Putri"))
        s.add(BukuTamu(nama="Nyonya Tamu Wulandari", waktu_masuk=AWAL, kasus_id=c.id))
        d = buat(4, hari=6, kronologi="Ditelantarkan oleh ayahnya.")
        s.add(Pihak(kasus_id=d.id, peran="korban", nama="Aisyah Dihapus", deleted_at=AWAL))
        s.add(Pihak(kasus_id=d.id, peran="korban", nama="Maya Lestari"))
        e = buat(5, hari=7, deleted_at=AWAL, kronologi="Kasus rahasia yang dihapus.")
        s.add(Pihak(kasus_id=e.id, peran="korban", nama="Zubaidah Hilang"))
        buat(6, hari=8, kronologi="Nama Aisyah disebut di kronologi saja.")
    return {"a": a.id, "b": b.id, "c": c.id, "d": d.id, "e": e.id}


def _nomor(db, kueri: str, saringan: Saringan | None = None, **kw) -> list[str]:
    with db.baca() as s:
        return [b.nomor_register for b in cari(s, kueri, saringan, now=NOW, **kw).baris]


def test_folding_is_case_accent_and_apostrophe_blind() -> None:
    assert lipat("Sofía MA'RUF  Çağlar") == "sofia maruf  caglar"
    assert lipat("Ma’ruf") == lipat("ma'ruf") == "maruf"
    assert urai("+62 812-3456").istilah == ("628123456", "08123456")
    assert urai("0812 3456").istilah == ("08123456",)
    assert urai("ab").jenis == "pendek"
    assert urai("12").jenis == "urut"


@pytest.mark.parametrize(("kueri", "nomor"), [
    ("sofia", ["PPA/2026/0001"]),  # accent-insensitive
    ("SOFÍA", ["PPA/2026/0001"]),
    ("rahmaw", ["PPA/2026/0001"]),  # a fragment
    ("budi sant", ["PPA/2026/0001"]),  # pelaku, two words
    ("hendra", ["PPA/2026/0001"]),  # pelapor
    ("[bold]", ["PPA/2026/0001"]),  # markup characters are just characters
    ("ma'ruf", ["PPA/2026/0002"]),
    ("maruf", ["PPA/2026/0002"]),
    ("siti aisyah", ["PPA/2026/0002"]),  # two spaces in the stored name
    ("wulandari", ["PPA/2026/0003"]),  # a guest of the case
    ("2026/0003", ["PPA/2026/0003"]),  # register number
    ("1904014508", ["PPA/2026/0001"]),  # NIK
    ("+62 812-3456", ["PPA/2026/0001"]),  # phone, as the forms accept it
    ("0812 3456", ["PPA/2026/0001"]),
    ("08123456", ["PPA/2026/0001"]),
    ("812345", ["PPA/2026/0001"]),
    ("0852-9988", ["PPA/2026/0001"]),  # the pelapor's phone
    ("toboali", ["PPA/2026/0002"]),  # kronologi
    ("warisan", ["PPA/2026/0003"]),
    ("zubaidah", []),  # removed case
    ("rahasia", []),
    ("dihapus", []),  # removed person (and removed case's kronologi)
    ("qxzqxz", []),
])
def test_every_field_is_found(db, kasus, kueri: str, nomor: list[str]) -> None:
    assert _nomor(db, kueri) == nomor


def test_names_before_kronologi_newest_first_and_what_matched(db, kasus) -> None:
    with db.baca() as s:
        h = cari(s, "aisyah", now=NOW)
    assert [(b.nomor_register, b.cocok) for b in h.baris] == [
        ("PPA/2026/0003", "korban: Rina Aisyah Putri"),
        ("PPA/2026/0002", "korban: Siti  Aisyah"),
        ("PPA/2026/0006", "kronologi: Nama Aisyah disebut di kronologi saja."),
    ]
    assert h.jumlah == 3
    assert h.baris[1].korban == ("Siti  Aisyah",) and h.baris[1].anak
    assert h.baris[0].status == "selesai"
    with db.baca() as s:
        a = cari(s, "sofia", now=NOW).baris[0]
        nik = cari(s, "19040145", now=NOW).baris[0]
        hp = cari(s, "0852 99", now=NOW).baris[0]
    assert (a.kabkota_kode, a.cocok, a.korban) == ("19.04", "korban: Sofía Rahmawati",
                                                  ("Sofía Rahmawati",))
    assert nik.cocok == "NIK korban"
    assert hp.cocok == "telepon pelapor"


def test_index_follows_edits_and_soft_deletes(db, kasus) -> None:
    with db.session() as s:
        p = s.exec(select(Pihak).where(Pihak.nama == "Maya Lestari")).one()
        p.nama = "Maya Kurniasih"
        k = s.get(Kasus, kasus["a"])
        k.kronologi = "Kejadian di Sungailiat."
        s.add(Pihak(kasus_id=kasus["c"], peran="pelaku", nama="Kevin Tjhin"))
    assert _nomor(db, "lestari") == []
    assert _nomor(db, "kurniasih") == ["PPA/2026/0004"]
    assert _nomor(db, "koba") == []
    assert _nomor(db, "sungailiat") == ["PPA/2026/0001"]
    assert _nomor(db, "tjhin") == ["PPA/2026/0003"]
    with db.session() as s:
        s.get(Kasus, kasus["c"]).deleted_at = NOW
        p = s.exec(select(Pihak).where(Pihak.nama == "Budi Santoso")).one()
        p.deleted_at = NOW
    assert _nomor(db, "tjhin") == []
    assert _nomor(db, "santoso") == []
    assert _nomor(db, "sofia") == ["PPA/2026/0001"]


@pytest.mark.parametrize(("saringan", "nomor"), [
    (Saringan(status="selesai"), ["PPA/2026/0003"]),
    (Saringan(status="aktif"), ["PPA/2026/0006", "PPA/2026/0004", "PPA/2026/0002",
                                "PPA/2026/0001"]),
    (Saringan(kabkota="19.04"), ["PPA/2026/0001"]),  # the kejadian's
    (Saringan(kabkota="19.03"), ["PPA/2026/0002"]),  # a korban's
    (Saringan(bentuk="seksual"), ["PPA/2026/0002"]),
    (Saringan(anak=True), ["PPA/2026/0002"]),
    (Saringan(terlambat=True), ["PPA/2026/0002"]),
    (Saringan(dari=AWAL + timedelta(days=3), sampai=AWAL + timedelta(days=6)),
     ["PPA/2026/0003", "PPA/2026/0002"]),
])
def test_each_filter_with_an_empty_query_lists_by_recency(db, kasus, saringan, nomor) -> None:
    assert _nomor(db, "", saringan) == nomor


def test_filters_with_a_query(db, kasus) -> None:
    assert _nomor(db, "aisyah", Saringan(status="aktif")) == ["PPA/2026/0002", "PPA/2026/0006"]
    assert _nomor(db, "aisyah", Saringan(anak=True)) == ["PPA/2026/0002"]
    assert _nomor(db, "aisyah", Saringan(bentuk="fisik")) == []


def test_pages_follow_each_other_across_tiers(db, kasus) -> None:
    with db.baca() as s:
        satu = cari(s, "aisyah", batas=2, now=NOW)
        dua = cari(s, "aisyah", setelah=satu.berikut, batas=2, now=NOW)
    assert [b.nomor_register for b in satu.baris] == ["PPA/2026/0003", "PPA/2026/0002"]
    assert satu.jumlah == 3 and satu.berikut is not None
    assert [b.nomor_register for b in dua.baris] == ["PPA/2026/0006"]
    assert dua.berikut is None
    with db.baca() as s:  # what the screen asks for after drawing the first page
        tanpa = cari(s, "aisyah", batas=2, now=NOW, hitung=False)
        assert tanpa.jumlah is None
        assert hitung(s, "aisyah", now=NOW) == 3
        assert hitung(s, "aisyah", Saringan(status="aktif"), now=NOW) == 2
        assert hitung(s, "0812 3456", now=NOW) == 1
        assert hitung(s, "si", now=NOW) == 0


def test_short_queries(db, kasus) -> None:
    with db.baca() as s:
        pendek = cari(s, "si", now=NOW)
        urut = cari(s, "2", now=NOW)
    assert pendek.baris == () and pendek.pesan == PESAN_PENDEK
    assert [b.nomor_register for b in urut.baris] == ["PPA/2026/0002"]
    assert "nomor urut 2" in urut.pesan


def test_postgresql_beyond_its_window_of_newest_cases(db, kasus, monkeypatch) -> None:
    """PostgreSQL reads the newest cases in key order first, then the older ones
    through the trigram index: the same answers, in the same order, either way."""
    import ppa_tui.store.cari as modul

    monkeypatch.setattr(modul, "JENDELA", 1)
    assert _nomor(db, "aisyah") == ["PPA/2026/0003", "PPA/2026/0002", "PPA/2026/0006"]
    assert _nomor(db, "0812 3456") == ["PPA/2026/0001"]
    with db.baca() as s:
        satu = cari(s, "aisyah", batas=1, now=NOW)
        dua = cari(s, "aisyah", setelah=satu.berikut, batas=1, now=NOW)
    assert [b.nomor_register for b in satu.baris + dua.baris] == ["PPA/2026/0003",
                                                                  "PPA/2026/0002"]
