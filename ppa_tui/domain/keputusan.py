"""What finishing a step records, per finishing form (`form_selesai` in data/sop/).

Step 3 records the kewenangan and, for a kab/kota or the centre, the pelimpahan; P2
the client's consent to the service; P5 the review; P6 the result of the service.
The forms are specs in screens/; these are the rules that go with them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlmodel import Session

from ppa_tui.domain import validasi
from ppa_tui.domain.models import Kasus, LangkahKasus, Pelimpahan, RencanaIntervensi
from ppa_tui.domain.sop import Langkah


class KeputusanKurang(ValueError):
    """The step needs a decision before it can finish; the text is for the officer."""


def _teks(nilai: Mapping[str, Any], kunci: str) -> str:
    return validasi.bersihkan_kontrol(str(nilai.get(kunci) or ""), baris=True).strip()


def _kewenangan(session: Session, kasus: Kasus, langkah: LangkahKasus,
                nilai: Mapping[str, Any], petugas: str) -> None:
    kasus.kewenangan = langkah.keputusan
    session.add(kasus)
    if langkah.keputusan == "provinsi":
        return
    session.add(Pelimpahan(
        kasus_id=kasus.id, tujuan_jenis=_teks(nilai, "tujuan_jenis"),
        tujuan_nama=_teks(nilai, "tujuan_nama"), kabkota_kode=_teks(nilai, "kabkota_kode"),
        nomor_surat=_teks(nilai, "nomor_surat"), tanggal_kirim=nilai.get("tanggal_kirim"),
        keterangan=_teks(nilai, "catatan"), petugas=validasi.bersihkan_kontrol(petugas),
    ))


def _rencana(session: Session, langkah: LangkahKasus) -> RencanaIntervensi | None:
    return session.get(RencanaIntervensi, langkah.rencana_id) if langkah.rencana_id else None


def _persetujuan_layanan(session: Session, kasus: Kasus, langkah: LangkahKasus,
                         nilai: Mapping[str, Any], petugas: str) -> None:
    rencana = _rencana(session, langkah)
    if rencana is None:
        return
    rencana.persetujuan_layanan = langkah.keputusan
    rencana.tanggal_persetujuan = nilai.get("tanggal")
    if langkah.keputusan == "menolak":
        rencana.status = "batal"
    session.add(rencana)


def _review(session: Session, kasus: Kasus, langkah: LangkahKasus,
            nilai: Mapping[str, Any], petugas: str) -> None:
    if nilai.get("perlu_adaptasi"):
        langkah.catatan = ("Rencana perlu disesuaikan. " + langkah.catatan).strip()
        session.add(langkah)


def _pendampingan(session: Session, kasus: Kasus, langkah: LangkahKasus,
                  nilai: Mapping[str, Any], petugas: str) -> None:
    rencana = _rencana(session, langkah)
    if rencana is None:
        return
    if hasil := _teks(nilai, "hasil"):
        rencana.hasil = hasil
    rencana.tanggal_selesai = nilai.get("tanggal_selesai") or rencana.tanggal_selesai
    session.add(rencana)


def _tenggat(session: Session, kasus: Kasus, langkah: LangkahKasus,
             nilai: Mapping[str, Any], petugas: str) -> None:
    if nilai.get("tenggat_berikut") is None:
        raise KeputusanKurang("Isi tenggat langkah berikutnya.")


ATURAN: dict[str, Callable[[Session, Kasus, LangkahKasus, Mapping[str, Any], str], None]] = {
    "selesai_kewenangan": _kewenangan,
    "selesai_persetujuan_layanan": _persetujuan_layanan,
    "selesai_review": _review,
    "selesai_pendampingan": _pendampingan,
    "tenggat_langkah": _tenggat,
}


def terapkan_keputusan(session: Session, kasus: Kasus, langkah: LangkahKasus, step: Langkah,
                       nilai: Mapping[str, Any], petugas: str) -> None:
    """Record what the finishing form holds; a step without a form records nothing."""
    form = step.form_selesai or ("tenggat_langkah" if "tenggat_berikut" in nilai else "")
    if form:
        ATURAN[form](session, kasus, langkah, nilai, petugas)
