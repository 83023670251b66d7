"""Documents that leave the unit: the surat pelimpahan to the kab/kota body, and per
service the surat rujukan and berita acara penyerahan (SOP 18 step 3).

Each carries a korban's personal data only where her informed consent reaches the
addressee's kind of agency (`kasus.boleh_dibagikan`, SOP 18 PERINGATAN 3); what was
left out is said in the document itself."""

from __future__ import annotations

from ppa_tui.domain import referensi
from ppa_tui.domain.dokumen.bahan import (
    Bahan,
    Cetakan,
    Penyamaran,
    baris_kejadian,
    baris_orang,
    hari,
    jadi,
    label,
    penyamaran,
    peran,
    tgl,
    wilayah,
)
from ppa_tui.domain.dokumen.bentuk import Bagian, Baris, Centang, Dokumen, Paragraf, TandaTangan
from ppa_tui.domain.models import Pihak, RencanaIntervensi
from ppa_tui.domain.surat import cari_surat, kunci_surat
from ppa_tui.domain.unit import data_unit

TITIK = "…………………………"


def _bagian_korban(korban: list[Pihak | None], sam: Penyamaran) -> list[Bagian]:
    korban = korban or [None]
    out = []
    for i, p in enumerate(korban, 1):
        judul = "Korban" + (f" {i}" if len(korban) > 1 else "")
        out.append(Bagian(judul, baris_orang(p, disembunyikan=sam.sembunyi(p), urutan=i)))
    return out


def _bagian_pelapor(p: Pihak | None) -> Bagian:
    """The pelapor of a letter going out: who to contact. A korban reporting herself
    is her korban rows, already subject to her consent."""
    if p is not None and p.adalah_korban:
        return Bagian("Pelapor", (Paragraf("Pelapor adalah korban sendiri."),))
    return Bagian("Pelapor", tuple(r for r in baris_orang(p, peran_kosong="pelapor")
                                   if r.label in {"Nama", "Telepon", "Hubungan dengan korban"}))


def _bagian_pelaku(b: Bahan) -> list[Bagian]:
    pelaku = b.pelaku or [None]
    out = []
    for i, p in enumerate(pelaku, 1):
        judul = "Terlapor/pelaku" + (f" {i}" if len(pelaku) > 1 else "")
        out.append(Bagian(judul, tuple(r for r in baris_orang(p, peran_kosong="pelaku")
                                       if r.label in {"Nama", "Jenis kelamin", "Usia",
                                                      "Hubungan dengan korban", "Alamat"})))
    return out


def pelimpahan(b: Bahan, c: Cetakan) -> Dokumen:
    row, k, unit = c.row, b.kasus, data_unit()
    kabkota = wilayah((row.kabkota_kode if row else "") or k.kejadian_kabkota_kode)
    jenis = label("tujuan_pelimpahan", row.tujuan_jenis) if row and row.tujuan_jenis else ""
    tujuan = (row.tujuan_nama if row else "") or (
        f"{jenis or 'UPTD PPA'} {kabkota}".strip() if kabkota or jenis else "")
    lembaga = (referensi.lembaga_penerima("tujuan_pelimpahan", row.tujuan_jenis)
               if row and row.tujuan_jenis else "uptd_ppa_kabkota")
    sam = penyamaran(b.session, b.korban, lembaga)
    bagian = [
        Bagian(isi=(Paragraf(
            f"Berdasarkan pengaduan yang diterima {unit.unit_singkat} {unit.provinsi} pada "
            f"{tgl(k.waktu_diterima, b.konteks.zona) or TITIK} dengan nomor register "
            f"{k.nomor_register}, dan mengingat kewenangan penanganannya ada pada "
            f"{kabkota or TITIK}, dengan ini kami melimpahkan penanganan kasus tersebut "
            "kepada Saudara, dengan data sebagai berikut:"),)),
        *_bagian_korban(b.korban, sam),
        _bagian_pelapor(b.pelapor),
        *_bagian_pelaku(b),
        Bagian("Kejadian", baris_kejadian(k, b.bentuk, b.konteks.zona, sam.saring)),
    ]
    if row is not None and row.keterangan:
        bagian.append(Bagian("Keterangan", (Paragraf(sam.saring(row.keterangan)),)))
    bagian.append(Bagian(isi=(Paragraf(
        "Mohon kiranya kasus ini ditindaklanjuti sesuai kewenangan Saudara, dan tanda terima "
        "surat ini dikirim kembali kepada kami. Atas perhatian dan kerja samanya kami ucapkan "
        "terima kasih."),)))
    return jadi(b, c, kepada=(f"Yth. {tujuan or TITIK}", f"di {kabkota or 'Tempat'}"),
                perihal="Pelimpahan penanganan kasus", lampiran="1 (satu) berkas",
                bagian=tuple(bagian), dihilangkan=sam.catatan,
                persetujuan_kurang=sam.kurang, tanda_tangan=(
        TandaTangan(peran("layanan", "kepala")),
        TandaTangan(f"{peran('layanan', 'lembaga_kabkota')}", row.penerima if row else "",
                    keterangan="Diterima oleh,"),
    ))


def _layanan(row: RencanaIntervensi | None) -> tuple[str, str]:
    """The service's label and the agency kind its letters go to."""
    if row is None:
        return "", "lainnya"
    return label("layanan", row.layanan), referensi.lembaga_penerima("layanan", row.layanan)


def _bagian_asesmen(b: Bahan, korban: Pihak | None, sam: Penyamaran) -> Bagian:
    a = b.asesmen_korban(korban.id if korban else None)

    def teks(attr: str) -> str:
        return sam.saring(getattr(a, attr)) if a else ""

    return Bagian("Hasil asesmen", (
        Baris("Tanggal asesmen", tgl(a.tanggal) if a else ""),
        Baris("Tingkat risiko", label("tingkat_risiko", a.tingkat_risiko) if a else ""),
        Baris("Kebutuhan kesehatan", teks("kebutuhan_kesehatan"), panjang=True),
        Baris("Kebutuhan psikologis", teks("kebutuhan_psikologis"), panjang=True),
        Baris("Kebutuhan hukum", teks("kebutuhan_hukum"), panjang=True),
        Baris("Kebutuhan sosial ekonomi", teks("kebutuhan_sosial_ekonomi")),
        Baris("Kebutuhan keamanan", teks("kebutuhan_keamanan")),
    ))


def rujukan(b: Bahan, c: Cetakan) -> Dokumen:
    row, k, unit = c.row, b.kasus, data_unit()
    layanan, lembaga = _layanan(row)
    korban = b.korban_dari(row.korban_id if row else None)
    sam = penyamaran(b.session, [korban] if korban else [], lembaga)
    penyedia = row.penyedia if row else ""
    return jadi(b, c, kepada=(f"Yth. {penyedia or TITIK}",
                              (row.penyedia_alamat if row else "") or "di Tempat"),
                perihal=f"Rujukan layanan {layanan.lower() or TITIK}",
                lampiran="1 (satu) berkas", dihilangkan=sam.catatan,
                persetujuan_kurang=sam.kurang, bagian=(
        Bagian(isi=(Paragraf(
            f"Bersama ini kami rujuk korban kekerasan yang didampingi {unit.unit_singkat} "
            f"{unit.provinsi} (nomor register {k.nomor_register}) untuk mendapatkan layanan "
            f"{layanan.lower() or TITIK}. Hasil asesmen dan rencana intervensinya sebagai "
            "berikut:"),)),
        *_bagian_korban([korban], sam),
        _bagian_asesmen(b, korban, sam),
        Bagian("Rencana intervensi", (
            Baris("Layanan", layanan),
            Baris("Penyelenggara layanan", penyedia),
            Baris("Tenggat", tgl(row.tenggat) if row else ""),
            Baris("Pendamping", row.pendamping if row else ""),
            Baris("Keterangan", sam.saring(row.keterangan) if row else "", panjang=True),
        )),
        Bagian("Kejadian", tuple(r for r in baris_kejadian(k, b.bentuk, b.konteks.zona)
                                 if r.label in {"Waktu kejadian", "Bentuk kekerasan"})),
        Bagian(isi=(Paragraf(
            "Mohon korban diberikan layanan sesuai kebutuhannya, dan perkembangan serta hasilnya "
            "disampaikan kepada kami melalui pendamping. Atas perhatian dan kerja samanya kami "
            "ucapkan terima kasih."),)),
    ), tanda_tangan=(TandaTangan(peran("layanan", "kepala")),))


def bap(b: Bahan, c: Cetakan) -> Dokumen:
    row, unit = c.row, data_unit()
    layanan, lembaga = _layanan(row)
    korban = b.korban_dari(row.korban_id if row else None)
    sam = penyamaran(b.session, [korban] if korban else [], lembaga)
    penyedia = row.penyedia if row else ""
    mulai = row.tanggal_mulai if row else None
    surat_rujukan = cari_surat(b.session, kunci_surat("rujukan", b.kasus.id,
                                                      row.id if row else None))
    nomor_rujukan = surat_rujukan.nomor if surat_rujukan else TITIK
    return jadi(b, c, dihilangkan=sam.catatan, persetujuan_kurang=sam.kurang, bagian=(
        Bagian(isi=(Paragraf(
            f"Pada hari ini {hari(mulai) if mulai else TITIK}, tanggal {tgl(mulai) or TITIK}, "
            f"telah dilakukan penyerahan korban beserta berkasnya dari {unit.unit_singkat} "
            f"{unit.provinsi} kepada {penyedia or TITIK} untuk mendapatkan layanan "
            f"{layanan.lower() or TITIK}, dengan keterangan sebagai berikut:"),)),
        Bagian("Yang menyerahkan", (
            Baris("Nama", row.pendamping if row else ""),
            Baris("Jabatan", peran("pendampingan", "pendamping")),
            Baris("Instansi", unit.unit_singkat),
        )),
        Bagian("Yang menerima", (Baris("Nama"), Baris("Jabatan"),
                                 Baris("Instansi", penyedia))),
        Bagian("Korban yang diserahkan",
               baris_orang(korban, disembunyikan=sam.sembunyi(korban))[:6]),
        Bagian("Berkas yang diserahkan", (Centang((
            (f"Surat rujukan nomor {nomor_rujukan}", False),
            ("Hasil asesmen dan rencana intervensi", False),
            ("Salinan identitas korban (bila disetujui)", False),
            (f"Lainnya: {TITIK}", False),
        )),)),
    ), tanda_tangan=(
        TandaTangan(peran("pendampingan", "pendamping"), row.pendamping if row else "",
                    keterangan="Yang menyerahkan,"),
        TandaTangan(f"Penerima, {penyedia or 'penyelenggara layanan'}",
                    keterangan="Yang menerima,"),
        TandaTangan(peran("layanan", "kepala"), keterangan="Mengetahui,"),
    ))
