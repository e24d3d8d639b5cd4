"""Hostile backups (built here with sqlite3 and json directly): an evidence row or a manifest entry that
points outside the evidence folder is refused, naming the bad row, before anything is replaced."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop import app, cli
from desktop.app import safety
from desktop.domain.errors import UserError
from desktop.store import backups, db
from desktop.store.activities import load_activities

T0 = datetime(2025, 3, 4, 8, 30, 0)


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _tree(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def live(tmp_path, demo_db):
    """v.db in its data folder, with one evidence file attached to its first activity."""
    path = tmp_path / "data" / "v.db"
    path.parent.mkdir()
    shutil.copy(demo_db, path)
    src = tmp_path / "nguon.pdf"
    src.write_bytes(b"%PDF-1.4 bien ban" * 50)
    conn = db.open_db(path)
    a = load_activities(conn)[0].id
    app.evidence.attach(conn, a, [src])
    conn.close()
    return path, a


def _hostile_backup(live_path: Path, folder: Path, stored: str) -> Path:
    """A colleague's backup: a copy of the data whose evidence row says `stored`."""
    folder.mkdir(exist_ok=True)
    out = folder / "v-20250301-080000-thu-cong.db"
    src = sqlite3.connect(live_path)
    dst = sqlite3.connect(out)
    src.backup(dst)
    src.close()
    dst.execute("PRAGMA journal_mode = DELETE")
    a = dst.execute("SELECT min(id) FROM activities").fetchone()[0]
    dst.execute(
        "INSERT INTO evidence (activity_id, name, stored, size, sha256) VALUES (?, 'v.db', ?, 1, 'x')", (a, stored)
    )
    dst.commit()
    dst.close()
    return out


@pytest.mark.parametrize(
    "stored", ["../v.db", "1/../../v.db", "/etc/passwd", "..", "1\\..\\..\\v.db", "C:/Windows/win.ini", "1/a\x00b"]
)
def test_a_backup_whose_evidence_row_leaves_the_folder_is_refused(live, tmp_path, stored):
    path, _ = live
    hostile = _hostile_backup(path, tmp_path / "dong_nghiep", stored)
    before, evidence_before = digest(path), _tree(path.parent / "minh_chung")
    with pytest.raises(UserError) as e:
        safety.restore(path, hostile)
    msg = str(e.value)
    assert "minh chứng" in msg and "giữ nguyên" in msg and hostile.name in msg
    assert "dòng" in msg  # names the bad row
    assert digest(path) == before and _tree(path.parent / "minh_chung") == evidence_before
    assert not list((path.parent / "sao_luu").glob("*truoc-khoi-phuc*"))


def test_the_issue_scenario_restore_then_delete_never_moves_the_database(live, tmp_path, capsys):
    path, _ = live
    hostile = _hostile_backup(path, tmp_path / "dong_nghiep", "../v.db")
    assert cli.main(["restore", "--db", str(path), "--from", str(hostile)]) == 1
    err = capsys.readouterr().err
    assert "../v.db" in err and "giữ nguyên" in err
    conn = db.open_db(path)
    try:
        app.evidence.delete_activities(conn, [load_activities(conn)[0].id])
    finally:
        conn.close()
    assert path.is_file() and not (path.parent / "minh_chung" / "_da_xoa" / "1" / "v.db").exists()


def test_a_damaged_database_is_not_replaced_by_a_hostile_backup(live, tmp_path):
    path, _ = live
    hostile = _hostile_backup(path, tmp_path / "dong_nghiep", "../v.db")
    with open(path, "r+b") as f:  # damaged: the restore goes through recovery.restore_damaged
        f.seek(4096)
        f.write(b"\x5a" * 4096)
    before = digest(path)
    with pytest.raises(UserError, match="minh chứng"):
        safety.restore(path, hostile)
    assert digest(path) == before
    assert not [p for p in path.parent.iterdir() if ".hong-" in p.name]


def _manifest_backup(live_path: Path, entries: list[dict]) -> Path:
    conn = db.open_db(live_path)
    made = backups.make_backup(conn, live_path, backups.MANUAL, now=T0)
    conn.close()
    backups.evidence_manifest(made).write_text(json.dumps({"version": 1, "files": entries}), encoding="utf-8")
    return made


def test_a_manifest_whose_sha256_climbs_out_of_the_store_is_refused(live, tmp_path):
    path, a = live
    secret = tmp_path / "hostname"
    secret.write_text("may-chu-bi-mat")
    rel = Path(*[".."] * 8) / secret.relative_to(secret.anchor)
    made = _manifest_backup(path, [{"path": f"{a}/hostname", "size": 14, "sha256": rel.as_posix()}])
    before = _tree(path.parent / "minh_chung")
    with pytest.raises(UserError) as e:
        safety.restore(path, made)
    assert "giữ nguyên" in str(e.value) and f"{a}/hostname" in str(e.value)
    assert _tree(path.parent / "minh_chung") == before
    assert not any(b"may-chu-bi-mat" in v for v in _tree(path.parent / "minh_chung").values())


@pytest.mark.parametrize("rel", ["../ngoai.txt", "1/../../ngoai.txt", "/tmp/ngoai.txt", "1\\..\\..\\ngoai.txt", ""])
def test_a_manifest_path_outside_the_evidence_folder_is_refused(live, tmp_path, rel):
    path, a = live
    made = _manifest_backup(path, [])
    store = path.parent / "sao_luu" / "minh_chung"
    sha = next(p.name for p in store.rglob("*") if p.is_file())
    backups.evidence_manifest(made).write_text(
        json.dumps({"version": 1, "files": [{"path": rel, "size": 1, "sha256": sha}]}), encoding="utf-8"
    )
    with pytest.raises(UserError, match="giữ nguyên"):
        safety.restore(path, made)
    assert not (path.parent / "ngoai.txt").exists() and not (path.parent.parent / "ngoai.txt").exists()


def test_a_stored_object_replaced_by_a_link_is_refused(live, tmp_path):
    path, a = live
    conn = db.open_db(path)
    made = backups.make_backup(conn, path, backups.MANUAL, now=T0)
    conn.close()
    store = path.parent / "sao_luu" / "minh_chung"
    obj = next(p for p in store.rglob("*") if p.is_file())
    secret = tmp_path / "bi_mat.txt"
    secret.write_text("bi mat")
    obj.unlink()
    obj.symlink_to(secret)
    with pytest.raises(UserError, match="giữ nguyên"):
        safety.restore(path, made)
    assert not any(b"bi mat" == v for v in _tree(path.parent / "minh_chung").values())


def test_a_stored_object_whose_content_changed_is_refused(live, tmp_path):
    path, a = live
    conn = db.open_db(path)
    made = backups.make_backup(conn, path, backups.MANUAL, now=T0)
    conn.close()
    obj = next(p for p in (path.parent / "sao_luu" / "minh_chung").rglob("*") if p.is_file())
    obj.write_bytes(b"noi dung khac")
    with pytest.raises(UserError, match="giữ nguyên"):
        safety.restore(path, made)


def test_a_genuine_backup_still_restores_with_its_evidence(live, tmp_path):
    path, a = live
    before = _tree(path.parent / "minh_chung")
    conn = db.open_db(path)
    made = backups.make_backup(conn, path, backups.MANUAL, now=T0)
    conn.close()
    shutil.rmtree(path.parent / "minh_chung")
    safety.restore(path, made)
    assert _tree(path.parent / "minh_chung") == before
