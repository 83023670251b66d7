"""A fixed data set for the recap, whose every figure is worked out by hand in
tests/domain/test_rekap.py. Period: November 2026, WIB (31 Oct 17:00 UTC to 30 Nov
17:00 UTC).

K1 PPA/2026/0001, received Mon 2 Nov 09:00: rumah tangga, Kota Pangkalpinang, KDRT,
   datang langsung, risiko tinggi, berulang, already reported to the police.
   Case rows (no korban): fisik, psikis.
   korban A Siti Aminah (p, 25–44 stored, in SIMFONI since 10 Nov), disabilities fisik
     and sensorik; no rows of her own, so her forms are the case's: Fisik, Psikis.
   korban B Nur Aini (p, group empty, 15 at the kejadian: 13–17, anak), disability
     "tidak ada"; her own rows seksual_pencabulan and seksual_pelecehan: Seksual once.
   pelaku X Joko Susilo (l): suami of A, ayah tiri of B.
   rencana: kesehatan for A (selesai), bantuan hukum for B (direncanakan: not given),
     rehabilitasi sosial without korban (berjalan: given to A and B), penegakan hukum for
     A refused (menolak: not given), a removed rencana kesehatan for B.
K2 PPA/2026/0002, received Mon 30 Nov 23:30 (16:30 UTC, still November): sekolah,
   Kota Jakarta Pusat (31.71, outside the province), TPKS, WhatsApp, risiko empty.
   korban C Dedi Kurniawan (l, 6–12, anak), no disability recorded; own row fisik.
   korban D Rina Lestari, removed: her own row eksploitasi and her disability mental
     count nowhere. A removed case row trafficking counts nowhere.
   pelaku Y Bu Guru Ani (p): guru of C; pelaku Z (sex empty): pair with C without a
     relationship.
K3 PPA/2026/0003, received 15 Nov: nothing filled in (no korban, no bentuk).
Outside the recap: K4 received Tue 1 Dec 00:00 WIB; K5 received Sat 31 Oct 23:59 WIB
   (its korban Rina Wati not in SIMFONI); K6 removed; K7 a demo case. All of them have a
   korban with bentuk fisik.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from ppa_tui.domain.models import (
    DisabilitasPihak,
    HubunganKorbanPelaku,
    Kasus,
    KekerasanKasus,
    LangkahKasus,
    Pihak,
    RencanaIntervensi,
)

WIB = ZoneInfo("Asia/Jakarta")
HAPUS = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)
NAMA = ("Siti Aminah", "Nur Aini", "Joko Susilo", "Dedi Kurniawan", "Rina Lestari",
        "Bu Guru Ani", "Rina Wati")
NIK = ("1971014501900001", "1971015502110002", "3171010101150003")
TELEPON = ("+6281234567890", "+6281299998888")
ALAMAT = ("Jl. Melati No. 5", "Gang Kenanga 12")


def wib(bulan: int, hari: int, jam: int, menit: int = 0, tahun: int = 2026) -> datetime:
    return datetime(tahun, bulan, hari, jam, menit, tzinfo=WIB).astimezone(UTC)


def isi_contoh(database) -> dict:
    ids: dict = {}
    with database.session() as s:
        def kasus(urutan: int, diterima: datetime, **kw) -> Kasus:
            k = Kasus(nomor_register=f"PPA/2026/{urutan:04d}", tahun=2026, urutan=urutan,
                      waktu_diterima=diterima, **kw)
            s.add(k)
            s.flush()
            return k

        def orang(k: Kasus, peran: str, nama: str, **kw) -> Pihak:
            p = Pihak(kasus_id=k.id, peran=peran, nama=nama, **kw)
            s.add(p)
            s.flush()
            return p

        def bentuk(k: Kasus, kode: str, korban: Pihak | None = None, **kw) -> None:
            s.add(KekerasanKasus(kasus_id=k.id, bentuk=kode,
                                 korban_id=korban.id if korban else None, **kw))

        k1 = kasus(1, wib(11, 2, 9), tempat_kejadian="rumah_tangga",
                   kejadian_kabkota_kode="19.71", jenis_kasus="kdrt",
                   saluran="datang_langsung", tingkat_risiko="tinggi",
                   kejadian_berulang="berulang", dilaporkan_polisi=True,
                   kejadian_alamat=ALAMAT[1], kronologi="Siti Aminah dipukul suaminya.")
        a = orang(k1, "korban", NAMA[0], nik=NIK[0], jenis_kelamin="p", usia=31,
                  usia_kejadian=30, kelompok_usia="usia_25_44", telepon=TELEPON[0],
                  alamat=ALAMAT[0], kabkota_kode="19.71", simfoni_diinput_pada=date(2026, 11, 10),
                  simfoni_diinput_oleh="Rina")
        b = orang(k1, "korban", NAMA[1], nik=NIK[1], jenis_kelamin="p", usia=16,
                  usia_kejadian=15, kelompok_usia="", anak=True, anak_kejadian=True,
                  telepon=TELEPON[1], alamat=ALAMAT[0])
        x = orang(k1, "pelaku", NAMA[2], jenis_kelamin="l")
        bentuk(k1, "fisik")
        bentuk(k1, "psikis")
        bentuk(k1, "seksual_pencabulan", b)
        bentuk(k1, "seksual_pelecehan", b)
        s.add(HubunganKorbanPelaku(kasus_id=k1.id, korban_id=a.id, pelaku_id=x.id,
                                   hubungan="suami"))
        s.add(HubunganKorbanPelaku(kasus_id=k1.id, korban_id=b.id, pelaku_id=x.id,
                                   hubungan="ayah_tiri"))
        s.add(DisabilitasPihak(pihak_id=a.id, ragam="fisik"))
        s.add(DisabilitasPihak(pihak_id=a.id, ragam="sensorik"))
        s.add(DisabilitasPihak(pihak_id=b.id, ragam="tidak_ada"))
        s.add(RencanaIntervensi(kasus_id=k1.id, layanan="kesehatan", korban_id=a.id,
                                status="selesai", penyedia="RSUD Depati Hamzah"))
        s.add(RencanaIntervensi(kasus_id=k1.id, layanan="bantuan_hukum", korban_id=b.id,
                                status="direncanakan"))
        s.add(RencanaIntervensi(kasus_id=k1.id, layanan="rehabilitasi_sosial",
                                status="berjalan"))
        s.add(RencanaIntervensi(kasus_id=k1.id, layanan="penegakan_hukum", korban_id=a.id,
                                status="selesai", persetujuan_layanan="menolak"))
        s.add(RencanaIntervensi(kasus_id=k1.id, layanan="kesehatan", korban_id=b.id,
                                status="selesai", deleted_at=HAPUS))
        s.add(LangkahKasus(kasus_id=k1.id, sop_kode="layanan", langkah_kode="L1",
                           started_at=wib(11, 2, 9), deadline_at=wib(11, 2, 9, 10),
                           finished_at=wib(11, 2, 9, 6)))

        k2 = kasus(2, wib(11, 30, 23, 30), tempat_kejadian="sekolah",
                   kejadian_kabkota_kode="31.71", jenis_kasus="tpks", saluran="whatsapp")
        c = orang(k2, "korban", NAMA[3], nik=NIK[2], jenis_kelamin="l", usia=9,
                  usia_kejadian=9, kelompok_usia="usia_6_12", anak=True, anak_kejadian=True)
        d = orang(k2, "korban", NAMA[4], jenis_kelamin="p", usia_kejadian=20,
                  kelompok_usia="usia_18_24", deleted_at=HAPUS)
        y = orang(k2, "pelaku", NAMA[5], jenis_kelamin="p")
        z = orang(k2, "pelaku", "", jenis_kelamin="")
        bentuk(k2, "fisik", c)
        bentuk(k2, "eksploitasi", d)
        bentuk(k2, "trafficking", deleted_at=HAPUS)
        s.add(DisabilitasPihak(pihak_id=d.id, ragam="mental"))
        s.add(HubunganKorbanPelaku(kasus_id=k2.id, korban_id=c.id, pelaku_id=y.id,
                                   hubungan="guru"))
        s.add(HubunganKorbanPelaku(kasus_id=k2.id, korban_id=c.id, pelaku_id=z.id,
                                   hubungan=""))
        s.add(HubunganKorbanPelaku(kasus_id=k2.id, korban_id=d.id, pelaku_id=y.id,
                                   hubungan="guru"))  # her korban removed: not counted

        kasus(3, wib(11, 15, 10))

        for urutan, diterima, kw in ((4, wib(12, 1, 0), {}), (5, wib(10, 31, 23, 59), {}),
                                     (6, wib(11, 10, 9), {"deleted_at": HAPUS}),
                                     (7, wib(11, 11, 9), {"demo": True})):
            k = kasus(urutan, diterima, tempat_kejadian="rumah_tangga", **kw)
            p = orang(k, "korban", NAMA[6] if urutan == 5 else f"Luar {urutan}",
                      jenis_kelamin="p", kelompok_usia="usia_18_24")
            bentuk(k, "fisik")
            s.add(RencanaIntervensi(kasus_id=k.id, layanan="kesehatan", korban_id=p.id,
                                    status="selesai"))
            ids[f"k{urutan}"] = k.id
            if urutan == 5:
                ids["k5_korban"] = p.id
        ids.update(k1=k1.id, k2=k2.id, a=a.id, b=b.id, c=c.id)
    return ids
