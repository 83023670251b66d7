"""Schema history is forever: every revision upgrades to a schema equal to the models,
and a database made by the first release (whose 0001 lacked `pihak.pelapor_id`)
upgrades to one that can save a korban."""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlmodel import SQLModel

from ppa_tui.domain import models
from ppa_tui.store.cari import bukan_tabel_model
from ppa_tui.store.database import Database
from ppa_tui.store.engine import make_engine
from ppa_tui.store.migrate import HEAD, alembic_config, current_revision, upgrade

RILIS_PERTAMA = Path(__file__).parent / "rilis_pertama"


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _diff(engine) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True,
            # the search index (FTS5 table, trigram indexes) is the revision's, not a model's
            "include_name": lambda name, _type, _parents: not bukan_tabel_model(name)})
        return compare_metadata(context, SQLModel.metadata)


def test_head_is_read_from_the_versions_folder() -> None:
    assert HEAD == _revisions()[-1]
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD


@pytest.mark.parametrize("start", ["base", *_revisions()])
def test_every_revision_upgrades_to_the_models(db_url: str, start: str) -> None:
    engine = make_engine(db_url)
    try:
        if start != "base":
            upgrade(engine, start)
            assert current_revision(engine) == start
        upgrade(engine)
        assert current_revision(engine) == HEAD
        assert _diff(engine) == []
    finally:
        engine.dispose()


def _buat_rilis_pertama(engine, tmp_path: Path) -> None:
    """Run the first commit's 0001 (kept verbatim in `rilis_pertama/`) as it shipped."""
    lokasi = tmp_path / "migrations"
    asli = Path(str(files("ppa_tui.store") / "migrations"))
    (lokasi / "versions").mkdir(parents=True)
    shutil.copy(asli / "env.py", lokasi / "env.py")
    shutil.copy(asli / "script.py.mako", lokasi / "script.py.mako")
    for berkas in RILIS_PERTAMA.glob("0001_*.py"):
        shutil.copy(berkas, lokasi / "versions" / berkas.name)
    with engine.begin() as conn:
        config = alembic_config(conn)
        config.set_main_option("script_location", str(lokasi))
        command.upgrade(config, "head")


def test_first_release_database_upgrades_and_saves_a_korban(
    db_url: str, tmp_path: Path, clock
) -> None:
    from ppa_tui.domain.forms import Konteks, load_form, periksa_form
    from ppa_tui.domain.kasus import buka_kasus, simpan_pihak

    engine = make_engine(db_url)
    _buat_rilis_pertama(engine, tmp_path)
    assert current_revision(engine) == "0001"
    with engine.connect() as conn:
        assert "pelapor_id" not in {c["name"] for c in inspect(conn).get_columns("pihak")}
    engine.dispose()

    db = Database.open(db_url, device_id="desk")
    try:
        assert current_revision(db.engine) == HEAD
        assert _diff(db.engine) == []
        hasil = periksa_form(
            load_form("korban"), {"nama": "Ani", "usia": "9"}, Konteks(sekarang=clock.now())
        )
        assert hasil.ok, hasil.galat
        with db.session() as s:
            kasus = buka_kasus(s, waktu_diterima=clock.now(), petugas="Rina")
            korban = simpan_pihak(s, kasus.id, "korban", hasil.nilai)
        with db.session() as s:
            row = s.get(models.Pihak, korban.id)
            assert (row.nama, row.anak, row.pelapor_id) == ("Ani", True, None)
            assert (
                s.get(models.Kasus, kasus.id).demo is False
                if hasattr(models.Kasus, "demo")
                else None
            )
    finally:
        db.close()


def test_0002_upgrades_a_database_whose_indexes_were_added_by_hand(db_url: str) -> None:
    """An office that added the home indexes itself (or a bench database) upgrades."""
    from sqlalchemy import text

    engine = make_engine(db_url)
    try:
        upgrade(engine, "0001")
        with engine.begin() as conn:
            conn.execute(text("CREATE INDEX ix_pihak_kasus_id_peran ON pihak (kasus_id, peran)"))
        upgrade(engine)
        assert current_revision(engine) == HEAD
        assert _diff(engine) == []
    finally:
        engine.dispose()


def test_0004_keeps_every_row_and_reopens_cases_the_old_code_closed(db_url: str) -> None:
    """A database at 0003 with a case its track "closed" (`selesai_jalur`), its steps
    and a rencana: after the upgrade every row is there, the case is open again (only
    a terminasi closes one) and the rencana is "direncanakan"."""
    from sqlalchemy import text

    engine = make_engine(db_url)
    try:
        upgrade(engine, "0003")
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO kasus (id, created_at, updated_at, device_id, nomor_register, tahun,"
                " urutan, sop_kode, jalur, status, waktu_diterima, petugas, tempat_kejadian,"
                " kejadian_kabkota_kode, kejadian_alamat, kronologi, kejadian_tanpa_jam,"
                " kejadian_perkiraan, demo) VALUES (:id, :t, :t, 'd', 'PPA/2026/0001', 2026, 1,"
                " 'layanan', 'dasar', 'selesai_jalur', :t, 'Rina', '', '', '', 'cerita', :f, :f,"
                " :f)"), {"id": _id(db_url, 1), "t": "2026-11-23 02:00:00", "f": False})
            for i, kode in enumerate(("L1", "L2", "L3"), start=10):
                conn.execute(text(
                    "INSERT INTO langkah_kasus (id, created_at, updated_at, device_id, kasus_id,"
                    " sop_kode, langkah_kode, started_at, finished_at, durasi_detik, petugas)"
                    " VALUES (:id, :t, :t, 'd', :k, 'layanan', :kode, :t, :t, 60, 'Rina')"),
                    {"id": _id(db_url, i), "t": "2026-11-23 02:00:00", "k": _id(db_url, 1),
                     "kode": kode})
            conn.execute(text(
                "INSERT INTO rencana_intervensi (id, created_at, updated_at, device_id, kasus_id,"
                " layanan, penyedia, keterangan) VALUES (:id, :t, :t, 'd', :k, 'kesehatan',"
                " 'RSUD', '')"), {"id": _id(db_url, 20), "t": "2026-11-23 02:00:00",
                                  "k": _id(db_url, 1)})
        upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT status, kewenangan FROM kasus")).all() == [
                ("aktif", "")]
            assert conn.execute(text(
                "SELECT count(*) FROM langkah_kasus WHERE keputusan = '' AND batas_manual = :f"
                " AND rencana_id IS NULL"), {"f": False}).scalar() == 3
            assert conn.execute(text(
                "SELECT status, hasil, korban_id FROM rencana_intervensi")).all() == [
                ("direncanakan", "", None)]
        assert _diff(engine) == []
    finally:
        engine.dispose()


def _id(db_url: str, n: int) -> str:
    """A UUID as each dialect stores it (SQLite: 32 hex characters)."""
    import uuid

    u = uuid.UUID(int=n)
    return u.hex if db_url.startswith("sqlite") else str(u)


def test_0006_keeps_every_row_and_carries_disability_and_relationship_over(
    db_url: str,
) -> None:
    """A database at 0005 with a case of two korban and one pelaku ("ayah_kandung"),
    one korban with a disability: after the upgrade every row is there, the disability
    is a row of its own, the pelaku is the father of both korban (one pair each), the
    age at the kejadian starts as the recorded age with its SIMFONI group, and the
    guest's case came "datang_langsung"."""
    from sqlalchemy import text

    engine = make_engine(db_url)
    t = "2026-11-23 02:00:00"
    try:
        upgrade(engine, "0005")
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO kasus (id, created_at, updated_at, device_id, nomor_register, tahun,"
                " urutan, sop_kode, jalur, status, waktu_diterima, petugas, tempat_kejadian,"
                " kejadian_kabkota_kode, kejadian_alamat, kronologi, kejadian_tanpa_jam,"
                " kejadian_perkiraan, demo, kewenangan) VALUES (:id, :t, :t, 'd',"
                " 'PPA/2026/0001', 2026, 1, 'layanan', 'dasar', 'aktif', :t, 'Rina', '', '', '',"
                " 'cerita', :f, :f, :f, '')"), {"id": _id(db_url, 1), "t": t, "f": False})
            conn.execute(text(
                "INSERT INTO buku_tamu (id, created_at, updated_at, device_id, nama,"
                " jenis_identitas, nomor_identitas, telepon, alamat, kabkota_kode, keperluan,"
                " keterangan, waktu_masuk, petugas, kasus_id) VALUES (:id, :t, :t, 'd', 'Ani',"
                " 'tidak_ada', '', '', '', '', 'pengaduan', '', :t, 'Rina', :k)"),
                {"id": _id(db_url, 2), "t": t, "k": _id(db_url, 1)})
            for n, peran, usia, anak, disabilitas, hubungan in (
                (10, "korban", 9, True, "sensorik", ""),
                (11, "korban", 14, True, "tidak_ada", ""),
                (12, "pelaku", 40, False, "", "ayah_kandung"),
            ):
                conn.execute(text(
                    "INSERT INTO pihak (id, created_at, updated_at, device_id, kasus_id, peran,"
                    " nama, nik, nik_peringatan, jenis_kelamin, usia, anak, telepon, alamat,"
                    " kabkota_kode, pendidikan, pekerjaan, status_perkawinan, disabilitas,"
                    " hubungan, adalah_korban) VALUES (:id, :t, :t, 'd', :k, :peran, 'X', '', '',"
                    " 'p', :usia, :anak, '', '', '', '', '', '', :dis, :hub, :f)"),
                    {"id": _id(db_url, n), "t": t, "k": _id(db_url, 1), "peran": peran,
                     "usia": usia, "anak": anak, "dis": disabilitas, "hub": hubungan,
                     "f": False})
        upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM pihak")).scalar() == 3
            assert conn.execute(text(
                "SELECT usia_kejadian, kelompok_usia, anak_kejadian FROM pihak ORDER BY usia"
            )).all() == [(9, "usia_6_12", True), (14, "usia_13_17", True),
                         (40, "usia_25_44", False)]
            assert sorted(conn.execute(text("SELECT ragam FROM disabilitas_pihak")).all()) == [
                ("sensorik",), ("tidak_ada",)]
            assert conn.execute(text(
                "SELECT count(*), min(hubungan) FROM hubungan_korban_pelaku")).one() == (
                2, "ayah_kandung")
            assert conn.execute(text("SELECT saluran FROM kasus")).all() == [
                ("datang_langsung",)]
            assert conn.execute(text("SELECT saluran FROM buku_tamu")).all() == [
                ("datang_langsung",)]
        assert _diff(engine) == []
    finally:
        engine.dispose()


SEBELUM_CARI = "0008"  # the revision before the search index (0009)


def test_0009_finds_the_cases_already_in_the_database(db_url: str) -> None:
    """A database at the revision before the search index, with cases: after the
    upgrade every row is there and search finds them by name, NIK, phone, number and
    kronologi, but not a removed one."""
    from sqlalchemy import text

    from ppa_tui.store.cari import cari

    engine = make_engine(db_url)
    try:
        upgrade(engine, SEBELUM_CARI)
        with engine.begin() as conn:
            for n, (urutan, hapus) in enumerate(((1, None), (2, "2026-11-23 03:00:00")), 1):
                conn.execute(text(
                    "INSERT INTO kasus (id, created_at, updated_at, device_id, nomor_register,"
                    " tahun, urutan, sop_kode, jalur, status, waktu_diterima, petugas,"
                    " tempat_kejadian, kejadian_kabkota_kode, kejadian_alamat, kronologi,"
                    " kejadian_tanpa_jam, kejadian_perkiraan, demo, kewenangan, deleted_at)"
                    " VALUES (:id, :t, :t, 'd', :nomor, 2026, :u, 'layanan', 'dasar', 'aktif',"
                    " :t, 'Rina', '', '19.04', '', :kron, :f, :f, :f, '', :hapus)"),
                    {"id": _id(db_url, n), "t": "2026-11-23 02:00:00", "f": False,
                     "nomor": f"PPA/2026/{urutan:04d}", "u": urutan, "hapus": hapus,
                     "kron": f"Kejadian di Koba nomor {n}."})
                conn.execute(text(
                    "INSERT INTO pihak (id, created_at, updated_at, device_id, kasus_id, peran,"
                    " nama, nik, nik_peringatan, jenis_kelamin, anak, telepon, alamat,"
                    " kabkota_kode, pendidikan, pekerjaan, status_perkawinan, disabilitas,"
                    " hubungan, adalah_korban) VALUES (:id, :t, :t, 'd', :k, 'korban', :nama,"
                    " :nik, '', 'p', :f, '+6281234567890', '', '', '', '', '', '', '', :f)"),
                    {"id": _id(db_url, 10 + n), "t": "2026-11-23 02:00:00", "k": _id(db_url, n),
                     "f": False, "nama": f"Sofía Lama {n}", "nik": f"190401450890000{n}"})
        upgrade(engine)
        assert current_revision(engine) == HEAD
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM kasus")).scalar() == 2
            assert conn.execute(text("SELECT count(*) FROM pihak")).scalar() == 2
        db = Database(engine)
        for kueri in ("sofia lama", "1904014508", "0812-3456", "2026/0001", "koba"):
            with db.baca() as s:
                assert [b.nomor_register for b in cari(s, kueri).baris] == ["PPA/2026/0001"]
        assert _diff(engine) == []
    finally:
        engine.dispose()


def test_0008_keeps_every_row_and_the_counts_read_them(db_url: str) -> None:
    """A database at 0006 with an active case (an overdue step, a bentuk kekerasan) and
    a closed one, and one of 0008's indexes already made by hand (a bench database):
    after the upgrade both cases are there and home's counts and the dashboard read
    them through the new indexes."""
    from datetime import UTC, datetime

    from sqlalchemy import text
    from sqlmodel import Session

    from ppa_tui.domain.ikhtisar import hitung_beranda, ikhtisar
    from ppa_tui.domain.models import Kasus, KekerasanKasus, LangkahKasus

    now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    engine = make_engine(db_url)
    try:
        upgrade(engine, "0006")
        with engine.begin() as conn:
            conn.execute(text("CREATE INDEX ix_kasus_status_demo ON kasus"
                              " (status, demo, deleted_at)"))
        with Session(engine) as s:
            for n, status in ((1, "aktif"), (2, "selesai")):
                k = Kasus(nomor_register=f"PPA/2026/{n:04d}", tahun=2026, urutan=n,
                          status=status, waktu_diterima=datetime(2026, 11, 2, 2, tzinfo=UTC),
                          kejadian_kabkota_kode="19.71")
                s.add(k)
                s.flush()
                s.add(KekerasanKasus(kasus_id=k.id, bentuk="psikis"))
                if status == "aktif":
                    s.add(LangkahKasus(kasus_id=k.id, sop_kode="layanan", langkah_kode="L2",
                                       started_at=now.replace(day=20),
                                       deadline_at=now.replace(day=21)))
            s.commit()
        upgrade(engine)
        assert current_revision(engine) == HEAD
        assert _diff(engine) == []
        with Session(engine) as s:
            assert hitung_beranda(s, now) == {"aktif": 1, "selesai": 1, "semua": 2,
                                              "terlambat": 1}
            ik = ikhtisar(s, now)
            assert [(b.langkah_kode, b.berjalan, b.terlambat) for b in ik.langkah] == [
                ("L2", 1, 1)]
            assert [(b.label, b.jumlah) for b in ik.kekerasan] == [("Psikis", 2)]
            assert [(b.label, b.jumlah) for b in ik.kabkota] == [("Pangkalpinang", 2)]
    finally:
        engine.dispose()


def test_0010_keeps_every_step_and_the_compliance_counts_them(db_url: str) -> None:
    """A database at 0009 with finished steps (one on time, one late, one stopped by a
    closure) and an open one: after the upgrade every step is there and the SOP
    compliance of the month (recap and mutu baku) counts them through the new index."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import func, select, text
    from sqlmodel import Session

    from ppa_tui.domain.models import Kasus, LangkahKasus
    from ppa_tui.domain.mutu import kepatuhan

    sejak, sampai = datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)
    mulai = datetime(2026, 11, 10, 2, tzinfo=UTC)
    engine = make_engine(db_url)
    try:
        upgrade(engine, "0009")
        with Session(engine) as s:
            k = Kasus(nomor_register="PPA/2026/0001", tahun=2026, urutan=1, status="aktif",
                      waktu_diterima=mulai)
            s.add(k)
            s.flush()
            for kode, jam_selesai, keputusan in (("L1", 1, None), ("L2", 30, None),
                                                 ("L3", 2, "dihentikan"), ("L5", None, None)):
                s.add(LangkahKasus(
                    kasus_id=k.id, sop_kode="layanan", langkah_kode=kode, started_at=mulai,
                    deadline_at=mulai + timedelta(hours=24), keputusan=keputusan,
                    finished_at=None if jam_selesai is None
                    else mulai + timedelta(hours=jam_selesai)))
            s.commit()
        upgrade(engine)
        assert current_revision(engine) == HEAD
        assert _diff(engine) == []
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM langkah_kasus")).scalar_one() == 4
        with Session(engine) as s:
            assert s.execute(select(func.count()).select_from(LangkahKasus)).scalar_one() == 4
            laporan = kepatuhan(s, sejak, sampai)
            hitung = {b.langkah_kode: (b.selesai, b.dengan_batas, b.tepat_waktu)
                      for b in laporan.baris if b.sop_kode == "layanan"}
            assert hitung["L1"] == (1, 1, 1)
            assert hitung["L2"] == (1, 1, 0)
            assert hitung["L3"] == (0, 0, 0)
            assert hitung["L5"] == (0, 0, 0)
            assert laporan.dihentikan == 1
    finally:
        engine.dispose()


def test_0011_keeps_every_case_and_asks_for_the_first_account(db_url: str, tmp_path) -> None:
    """A database at 0010 (before accounts) with a case: after the upgrade the case is
    there, no account exists, and the app asks for the first one; the first account's
    creation and every later change are in the audit log, chained."""
    from datetime import UTC, datetime

    from sqlalchemy import text
    from sqlmodel import Session

    from ppa_tui.domain import audit
    from ppa_tui.domain.models import Kasus
    from ppa_tui.sesi import perlu_akun_pertama, sesi_pertama
    from ppa_tui.settings import Settings

    engine = make_engine(db_url)
    try:
        upgrade(engine, "0010")
        with Session(engine) as s:
            s.add(Kasus(nomor_register="PPA/2026/0001", tahun=2026, urutan=1,
                        waktu_diterima=datetime(2026, 11, 10, 2, tzinfo=UTC)))
            s.commit()
    finally:
        engine.dispose()
    settings = Settings(data_dir=tmp_path, database_url=db_url, device_id="uji")
    assert perlu_akun_pertama(settings)  # opens (and upgrades) it, then says so
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) == HEAD
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM kasus")).scalar_one() == 1
            assert conn.execute(text("SELECT count(*) FROM pengguna")).scalar_one() == 0
    finally:
        engine.dispose()
    sesi = sesi_pertama(settings, "kepala", "Bu Kepala", {"kepala"}, "Kunci-Meja-2026")
    try:
        assert sesi.kunci_db is None  # an existing plain file stays plain until `ppa enkripsi`
        with sesi.database.baca() as s:
            assert audit.verifikasi(s) == []
            assert {e.aksi for e in audit.daftar(s)} == {"buat", "masuk"}
    finally:
        sesi.close()
    assert not perlu_akun_pertama(settings)
