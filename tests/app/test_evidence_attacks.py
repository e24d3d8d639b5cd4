"""Hostile evidence: rows that point outside minh_chung/ (written with sqlite3 directly), links and
special files offered as evidence, names with bidi overrides or too many bytes, a file over the limit."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from desktop import app
from desktop.app import evidence
from desktop.domain.errors import UserError
from desktop.store import db
from desktop.store import evidence as rows


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def data(tmp_path, demo_db):
    """The data folder tmp/data with v.db, a secret file beside it, and the first activity of Q1's report."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "v.db"
    path.write_bytes(demo_db.read_bytes())
    secret = folder / "secret_outside.txt"
    secret.write_text("mat khau: 123")
    (folder / "minh_chung").mkdir()  # as soon as any file was attached: "minh_chung/.." then resolves
    conn = db.open_db(path)
    plan_id = app.resolve_plan_id(conn, None)
    start, end = app.period_of_plan(conn, plan_id, "year")
    first = app.compile_for(conn, plan_id, start, end)[3].activities[0]
    yield path, conn, first.id, (plan_id, start, end)
    conn.close()


def _hostile_row(path: Path, activity_id: int, stored: str) -> None:
    c = sqlite3.connect(path)
    c.execute(
        "INSERT INTO evidence (activity_id, name, stored, size, sha256) VALUES (?, 'x.pdf', ?, 1, 'x')",
        (activity_id, stored),
    )
    c.commit()
    c.close()


def _names(z: Path) -> list[str]:
    return zipfile.ZipFile(z).namelist()


@pytest.mark.parametrize("stored", ["../secret_outside.txt", "../v.db", "1/../../v.db"])
def test_the_dossier_never_ships_a_file_outside_the_evidence_folder(data, tmp_path, stored):
    path, conn, a, (plan_id, start, end) = data
    _hostile_row(path, a, stored)
    out = tmp_path / "ho_so.zip"
    d = evidence.export_dossier(conn, out, plan_id, start, end, pdf=False)
    z = zipfile.ZipFile(out)
    payload = b"".join(z.read(n) for n in z.namelist() if "/" in n)
    assert b"mat khau" not in payload and b"SQLite format 3" not in payload
    assert d.files == 0 and len(d.missing) == 1
    assert "ngoài thư mục minh chứng" in z.read("Tệp thiếu.txt").decode("utf-8")


@pytest.mark.parametrize("stored", ["../secret_outside.txt", "../v.db"])
def test_removing_a_hostile_row_never_moves_the_file_outside(data, stored):
    path, conn, a, _ = data
    _hostile_row(path, a, stored)
    target = path.parent / stored.split("/")[-1]
    before = digest(target)
    f = rows.list_evidence(conn, a)[-1]
    assert evidence.remove(conn, f.id) is None
    assert digest(target) == before and rows.get_evidence(conn, f.id) is None
    assert not (path.parent / "minh_chung" / "_da_xoa").exists()


def test_deleting_the_activity_of_a_hostile_row_never_moves_the_database(data):
    path, conn, a, _ = data
    _hostile_row(path, a, "../v.db")
    trashed = evidence.delete_activities(conn, [a])
    assert path.is_file() and not (path.parent / "minh_chung" / "_da_xoa").exists()
    with db.transaction(conn):
        conn.execute("SELECT 1")
    assert [moved for t in trashed.values() for _, moved in t.files] == [None]
    assert evidence.path_of(conn, rows.EvidenceFile(None, a, "x", "../v.db", 1, "x")) is None


def test_a_link_planted_inside_the_evidence_folder_is_not_shipped(data, tmp_path):
    path, conn, a, (plan_id, start, end) = data
    (tmp_path / "p.pdf").write_bytes(b"%PDF that")
    (f,) = evidence.attach(conn, a, [tmp_path / "p.pdf"])
    stored = path.parent / "minh_chung" / Path(*f.stored.split("/"))
    stored.unlink()
    stored.symlink_to(path.parent / "secret_outside.txt")
    out = tmp_path / "ho_so.zip"
    d = evidence.export_dossier(conn, out, plan_id, start, end, pdf=False)
    z = zipfile.ZipFile(out)
    assert all(b"mat khau" not in z.read(n) for n in z.namelist())
    assert d.files == 0 and d.missing


@pytest.mark.parametrize("target", ["secret", "database"])
def test_a_symlink_offered_as_evidence_is_refused(data, tmp_path, target):
    path, conn, a, _ = data
    link = tmp_path / "bien_ban.pdf"
    link.symlink_to(path.parent / "secret_outside.txt" if target == "secret" else path)
    with pytest.raises(UserError) as e:
        evidence.attach(conn, a, [link])
    assert "liên kết" in str(e.value) and "Chưa có tệp nào được thêm" in str(e.value)
    assert rows.list_evidence(conn, a) == [] and not (path.parent / "minh_chung" / str(a)).exists()


def test_a_fifo_or_a_folder_offered_as_evidence_is_refused_without_waiting(data, tmp_path):
    path, conn, a, _ = data
    fifo = tmp_path / "ong.pdf"
    os.mkfifo(fifo)
    for p in (fifo, tmp_path):
        with pytest.raises(UserError, match="Chưa có tệp nào được thêm"):
            evidence.attach(conn, a, [p])
    assert rows.list_evidence(conn, a) == []


def test_a_link_swapped_in_after_the_check_is_still_refused(data, tmp_path, monkeypatch):
    """The check and the open are one step: a link put in place between them is never followed."""
    path, conn, a, _ = data
    src = tmp_path / "bien_ban.pdf"
    src.write_bytes(b"%PDF real")
    real_prepare = evidence.prepare

    def swap(*args, **kwargs):
        pending = real_prepare(*args, **kwargs)
        src.unlink()
        src.symlink_to(path.parent / "secret_outside.txt")
        return pending

    monkeypatch.setattr(evidence, "prepare", swap)
    with pytest.raises(UserError, match="liên kết"):
        evidence.attach(conn, a, [src])
    assert rows.list_evidence(conn, a) == []
    folder = path.parent / "minh_chung" / str(a)
    assert not folder.exists() or not any(b"mat khau" in p.read_bytes() for p in folder.iterdir())


def test_bidi_and_control_characters_are_removed_from_the_name(data, tmp_path):
    path, conn, a, _ = data
    src = tmp_path / "bien_ban\u202efdp.exe"
    src.write_bytes(b"MZ")
    (f,) = evidence.attach(conn, a, [src])
    assert f.name == "bien_banfdp.exe" and f.stored.endswith("/bien_banfdp.exe")
    for bad in ("\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"):
        assert bad not in evidence.safe_name(f"a{bad}b.pdf")
        assert evidence.safe_name(f"a{bad}b.pdf") == "ab.pdf"


def test_a_252_byte_emoji_name_is_cut_to_a_length_every_file_system_takes(data, tmp_path):
    path, conn, a, _ = data
    name = "\U0001f600" * 61 + ".pdf"  # 244 + 4 bytes: within ext4's 255, but not with the copy's own suffix
    assert len(name.encode("utf-8")) == 248
    src = tmp_path / name
    src.write_bytes(b"%PDF emoji")
    (f,) = evidence.attach(conn, a, [src])
    stored = path.parent / "minh_chung" / Path(*f.stored.split("/"))
    assert stored.read_bytes() == b"%PDF emoji"
    assert len(stored.name.encode("utf-8")) <= evidence.NAME_BYTES and stored.name.endswith(".pdf")
    assert len(evidence.safe_name("ả" * 300).encode("utf-8")) <= evidence.NAME_BYTES
    # a second one of the same name still fits, with its " (2)"
    (g,) = evidence.attach(conn, a, [src])
    assert len(g.stored.split("/")[1].encode("utf-8")) <= evidence.NAME_BYTES + 4


def test_a_file_over_the_size_limit_is_refused_with_the_limit(data, tmp_path):
    path, conn, a, _ = data
    big = tmp_path / "video hội nghị.mp4"
    with open(big, "wb") as f:  # sparse: 2 GB on paper, nothing on disk
        f.truncate(2 * 1024**3)
    with pytest.raises(UserError) as e:
        evidence.attach(conn, a, [big])
    msg = str(e.value)
    assert "2.048 MB" in msg and "200 MB" in msg and "video hội nghị.mp4" in msg and "Chưa có tệp" in msg
    assert rows.list_evidence(conn, a) == []


def test_a_file_that_grows_past_the_limit_while_copied_is_refused(data, tmp_path, monkeypatch):
    path, conn, a, _ = data
    monkeypatch.setattr(evidence, "SIZE_LIMIT", 3 * evidence.CHUNK)
    src = tmp_path / "dang_ghi.bin"
    src.write_bytes(b"x" * evidence.CHUNK)
    real_prepare = evidence.prepare

    def grow(*args, **kwargs):
        pending = real_prepare(*args, **kwargs)
        src.write_bytes(b"x" * (4 * evidence.CHUNK))
        return pending

    monkeypatch.setattr(evidence, "prepare", grow)
    with pytest.raises(UserError, match="3 MB"):
        evidence.attach(conn, a, [src])
    assert rows.list_evidence(conn, a) == []
    assert not any((path.parent / "minh_chung").rglob("*.part"))


def test_progress_is_reported_and_a_cancel_leaves_nothing(data, tmp_path):
    path, conn, a, _ = data
    src = tmp_path / "lon.bin"
    src.write_bytes(os.urandom(3 * evidence.CHUNK + 10))
    seen = []
    pending = evidence.prepare(conn, a, [src])
    assert pending.total == 3 * evidence.CHUNK + 10
    evidence.copy_pending(pending, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (pending.total, pending.total) and len(seen) >= 3
    (f,) = evidence.commit(conn, pending)
    assert f.size == pending.total

    class Stop:
        def is_set(self):
            return True

    pending = evidence.prepare(conn, a, [src])
    with pytest.raises(UserError, match="Đã dừng"):
        evidence.copy_pending(pending, cancel=Stop())
    assert len(rows.list_evidence(conn, a)) == 1
    assert [p.name for p in (path.parent / "minh_chung" / str(a)).iterdir()] == ["lon.bin"]


def test_the_dossier_is_never_written_over_an_evidence_file(data, tmp_path):
    path, conn, a, (plan_id, start, end) = data
    (tmp_path / "p.zip").write_bytes(b"PK evidence")
    (f,) = evidence.attach(conn, a, [tmp_path / "p.zip"])
    target = path.parent / "minh_chung" / Path(*f.stored.split("/"))
    with pytest.raises(UserError, match="thư mục minh chứng"):
        evidence.export_dossier(conn, target, plan_id, start, end, pdf=False)
    assert target.read_bytes() == b"PK evidence"
