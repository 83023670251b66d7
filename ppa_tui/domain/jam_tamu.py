"""The guest form's header clock, from what is typed: pure, no database.

A complaint's SOP step 1 runs from the guest's arrival, so the clock follows the
*Waktu masuk* field as the officer edits it (now, while it is not a valid time). A
guest who does not come to complain starts no SOP step, so there is no clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ppa_tui.domain.bukutamu import JALUR_KEPERLUAN
from ppa_tui.domain.forms import FormSpec, Konteks, periksa_sebagian
from ppa_tui.domain.kasus import SOP_PENGADUAN
from ppa_tui.domain.sop import load_sop
from ppa_tui.domain.views import JamLangkah, jam_langkah

MEDAN_JAM = frozenset({"keperluan", "waktu_masuk"})  # the fields the clock reads


def jam_tamu(spec: FormSpec, mentah: Mapping[str, Any], konteks: Konteks,
             kalender: Any = None) -> JamLangkah | None:
    """The first step's clock for a complaint (or a referral brought in), from the
    typed arrival; None for other purposes."""
    jalur = JALUR_KEPERLUAN.get(str(mentah.get("keperluan") or ""))
    if jalur is None:
        return None
    masuk = periksa_sebagian(spec, mentah, konteks, "waktu_masuk").nilai.get("waktu_masuk")
    pertama = load_sop(SOP_PENGADUAN).langkah_jalur(jalur)[0]
    return jam_langkah(SOP_PENGADUAN, pertama.kode, masuk or konteks.sekarang,
                       kalender=kalender)
