"""The evidence folder (minh_chung/) goes with every backup and comes back with a restore."""

import shutil
from datetime import datetime

import pytest

from desktop import app
from desktop.domain.errors import UserError
from desktop.store import backups, db
from desktop.store.activities import load_activities

T0 = datetime(2025, 3, 4, 8, 30, 0)


@pytest.fixture
def live(demo_copy, tmp_path):
    conn = db.open_db(demo_copy)
    src = tmp_path / "nguon"
    src.mkdir()
    (src / "biên bản.pdf").write_bytes(b"%PDF-1.4 bien ban" * 100)
    (src / "ảnh.jpg").write_bytes(bytes(range(256)) * 40)
    a = load_activities(conn)[0].id
    app.evidence.attach(conn, a, [src / "biên bản.pdf", src / "ảnh.jpg"])
    yield demo_copy, conn, a
    conn.close()


def _tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_backup_records_the_evidence_and_stores_each_file_once(live, tmp_path):
    path, conn, a = live
    first = backups.make_backup(conn, path, backups.MANUAL, now=T0)
    second = backups.make_backup(conn, path, backups.START, now=T0.replace(hour=9))
    assert backups.evidence_manifest(first).is_file() and backups.evidence_manifest(second).is_file()
    objects = [p for p in (tmp_path / "sao_luu" / "minh_chung").rglob("*") if p.is_file()]
    assert len(objects) == 2  # the same two files, kept once
    assert [b.path for b in backups.list_backups(path)] == [second, first]  # manifests are not backups


def test_restore_brings_the_evidence_folder_back_and_keeps_the_current_one_aside(live, tmp_path):
    path, conn, a = live
    live_folder = tmp_path / "minh_chung"
    before = _tree(live_folder)
    made = backups.make_backup(conn, path, backups.MANUAL, now=T0)
    # damage: one file overwritten, one deleted, a stranger added
    (live_folder / str(a) / "ảnh.jpg").write_bytes(b"hong")
    (live_folder / str(a) / "biên bản.pdf").unlink()
    (live_folder / "lạ.txt").write_text("x")
    backups.restore(conn, path, made, now=T0.replace(hour=10))
    assert _tree(live_folder) == before
    aside = tmp_path / "sao_luu" / "minh_chung-truoc-khoi-phuc-20250304-103000"
    assert (aside / "lạ.txt").is_file() and (aside / str(a) / "ảnh.jpg").read_bytes() == b"hong"
    assert not list(tmp_path.glob(".minh_chung-khoi-phuc-*"))
    assert [f.name for f in app.evidence.list_files(conn, a)] == ["biên bản.pdf", "ảnh.jpg"]


def test_restore_after_the_evidence_folder_was_removed_entirely(live, tmp_path):
    path, conn, a = live
    before = _tree(tmp_path / "minh_chung")
    made = backups.make_backup(conn, path, backups.MANUAL, now=T0)
    shutil.rmtree(tmp_path / "minh_chung")
    backups.restore(conn, path, made, now=T0.replace(hour=10))
    assert _tree(tmp_path / "minh_chung") == before


def test_a_backup_missing_a_stored_file_is_refused_and_nothing_changes(live, tmp_path):
    path, conn, a = live
    made = backups.make_backup(conn, path, backups.MANUAL, now=T0)
    (tmp_path / "minh_chung" / "mới.txt").write_text("mới")
    for p in (tmp_path / "sao_luu" / "minh_chung").rglob("*"):
        if p.is_file():
            p.unlink()
    with pytest.raises(UserError, match="thiếu tệp minh chứng"):
        backups.restore(conn, path, made, now=T0.replace(hour=10))
    assert (tmp_path / "minh_chung" / "mới.txt").is_file()
    assert not list(tmp_path.glob(".minh_chung-khoi-phuc-*"))


def test_prune_drops_the_stored_files_of_deleted_backups(live, tmp_path):
    path, conn, a = live
    made = [backups.make_backup(conn, path, backups.START, now=T0.replace(minute=m)) for m in range(3)]
    (tmp_path / "minh_chung" / str(a) / "ảnh.jpg").write_bytes(b"khac")
    newest = backups.make_backup(conn, path, backups.START, now=T0.replace(minute=5))
    backups.prune(path, keep=1, protect=newest)
    assert not any(backups.evidence_manifest(m).exists() for m in made if not m.exists())
    objects = {p.name for p in (tmp_path / "sao_luu" / "minh_chung").rglob("*") if p.is_file()}
    keep = {b.path for b in backups.list_backups(path)}
    named = set()
    for b in keep:
        named |= {e["sha256"] for e in backups._read_manifest(backups.evidence_manifest(b)).values()}
    assert objects == named
