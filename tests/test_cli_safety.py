"""The command line never writes a document over the clerk's data, says a damaged database with the way
back (restore, salvage), and says every known fault in one Vietnamese line."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from desktop import cli
from desktop.store import backups, db

pytestmark = pytest.mark.slow  # subprocesses, generated documents or big inputs: the full run only

ROOT = Path(__file__).resolve().parent.parent


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in err and "không mong đợi" not in err, err
    return lines[0]


COMMANDS = [["render", "plan"], ["render", "report"], ["export"], ["xlsx-template"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("target", ["db", "wal", "shm", "lock", "backup", "hardlink", "symlink", "dotted"])
def test_output_over_the_data_is_refused(demo_copy, tmp_path, capsys, command, target):
    conn = db.open_db(demo_copy)
    made = backups.make_backup(conn, demo_copy, backups.START, now=datetime(2025, 3, 4, 8, 30))
    conn.close()
    out = {
        "db": demo_copy,
        "wal": Path(f"{demo_copy}-wal"),
        "shm": Path(f"{demo_copy}-shm"),
        "lock": Path(f"{demo_copy}.lock"),
        "backup": made,
        "hardlink": tmp_path / "link.docx",
        "symlink": tmp_path / "sym.docx",
        "dotted": tmp_path / "." / demo_copy.name,
    }[target]
    if target == "hardlink":
        os.link(demo_copy, out)
    if target == "symlink":
        out.symlink_to(demo_copy)
    before = digest(demo_copy), digest(made)
    assert cli.main([*command, "--db", str(demo_copy), "--out", str(out)]) == 1
    msg = one_line_error(capsys)
    assert "Không ghi văn bản vào" in msg and "giữ nguyên" in msg
    assert (digest(demo_copy), digest(made)) == before
    db.open_db(demo_copy).close()


def test_pdf_beside_the_document_is_checked_too(demo_copy, tmp_path, capsys):
    data = tmp_path / "du_lieu.pdf"
    os.link(demo_copy, data)
    assert cli.main(["render", "plan", "--db", str(demo_copy), "--out", str(tmp_path / "du_lieu.docx"), "--pdf"]) == 1
    assert "Không ghi văn bản vào" in one_line_error(capsys)


def test_a_new_file_in_the_folder_is_still_fine(demo_copy, tmp_path, capsys):
    assert cli.main(["export", "--db", str(demo_copy), "--out", str(tmp_path / "hoat_dong.xlsx")]) == 0


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek((size // 2) // 4096 * 4096)
        f.write(bytes((i * 37 + 11) % 256 for i in range(4096)))


@pytest.fixture
def damaged(tmp_path):
    from desktop.store.demo import create_demo

    p = tmp_path / "v.db"
    create_demo(p, 2000, 1)
    conn = db.open_db(p)
    good = backups.make_backup(conn, p, backups.START, now=datetime(2025, 3, 4, 8, 30))
    conn.close()
    _damage(p)
    return p, good


@pytest.mark.parametrize("argv", [["plans"], ["export", "--out", "{out}"], ["import", "{xlsx}"]], ids=str)
def test_a_damaged_database_names_the_good_backup_and_the_command(damaged, tmp_path, capsys, argv, demo_db):
    p, good = damaged
    xlsx = tmp_path / "a.xlsx"
    before = digest(p)
    args = [a.format(out=tmp_path / "x.xlsx", xlsx=xlsx) for a in argv]
    assert cli.main([args[0], "--db", str(p), *args[1:]]) == 1
    msg = one_line_error(capsys)
    assert "bị hỏng" in msg and good.name in msg and "restore --db" in msg and "2000 hoạt động" in msg
    assert digest(p) == before
    assert [b.path for b in backups.list_backups(p)] == [good]


def test_restore_command_brings_back_the_good_backup_and_keeps_the_damaged_file(damaged, capsys):
    p, good = damaged
    before = digest(p)
    assert cli.main(["restore", "--db", str(p), "--from", str(good)]) == 0
    out = capsys.readouterr().out
    assert "Đã khôi phục" in out and "giữ lại" in out
    aside = [f for f in p.parent.iterdir() if f.name.startswith("v.db.hong-")]
    assert len(aside) == 1 and digest(aside[0]) == before
    assert cli.main(["plans", "--db", str(p)]) == 0


def test_restore_command_on_a_healthy_database_backs_it_up_first(demo_copy, capsys):
    conn = db.open_db(demo_copy)
    good = backups.make_backup(conn, demo_copy, backups.MANUAL)
    conn.close()
    assert cli.main(["restore", "--db", str(demo_copy), "--from", str(good)]) == 0
    assert "trước khi khôi phục" in capsys.readouterr().out


def test_salvage_command(damaged, tmp_path, capsys):
    p, _ = damaged
    out = tmp_path / "cuu.db"
    assert cli.main(["salvage", "--db", str(p), "--out", str(out)]) == 0
    assert "Đã cứu" in capsys.readouterr().out
    assert cli.main(["plans", "--db", str(out)]) == 0


def test_read_only_database_is_said(demo_copy, capsys, monkeypatch):
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, m: False if str(p) == str(demo_copy) and m == os.W_OK else real(p, m))
    assert cli.main(["plans", "--db", str(demo_copy)]) == 1
    msg = one_line_error(capsys)
    assert "chỉ cho đọc" in msg and str(demo_copy) in msg and "không thay đổi" in msg


def test_disk_full_during_import_is_said_and_nothing_is_added(demo_copy, tmp_path, capsys, monkeypatch):
    from desktop import app

    conn = db.open_db(demo_copy)
    xlsx = tmp_path / "a.xlsx"
    app.write_xlsx_export(conn, xlsx)
    with db.transaction(conn):
        conn.execute("DELETE FROM activities")
    conn.execute("VACUUM")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    real = db._configure

    def small_disk(c, path=None):
        real(c, path)
        c.execute(f"PRAGMA max_page_count = {pages}")
        return c

    monkeypatch.setattr(db, "_configure", small_disk)
    assert cli.main(["import", "--db", str(demo_copy), str(xlsx)]) == 1
    msg = one_line_error(capsys)
    assert "đã đầy" in msg and "Dữ liệu không thay đổi" in msg and "cannot rollback" not in msg
    monkeypatch.undo()
    c = db.open_db(demo_copy)
    assert c.execute("SELECT count(*) FROM activities").fetchone()[0] == 0
    c.close()


@pytest.mark.slow
def test_reading_commands_on_an_old_database_at_once_never_fail(demo_db, tmp_path):
    for i in range(5):
        old = tmp_path / f"old{i}.db"
        c = sqlite3.connect(old)
        c.isolation_level = None
        db.migrate(c, upto=1)
        c.close()
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "desktop", *args],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for args in [["plans", "--db", str(old)]] * 3
        ]
        outs = [p.communicate(timeout=120) for p in procs]
        for p, (_, err) in zip(procs, outs):
            assert "duplicate column" not in err and "database is locked" not in err, err
            # one may meet the other's lock for the migration: a clear refusal, never a broken file
            assert p.returncode == 0 or "đang được mở" in err, err
        c = sqlite3.connect(old)
        assert c.execute("PRAGMA user_version").fetchone()[0] == db.LATEST
        c.close()


def test_a_file_name_with_a_newline_cannot_forge_a_line(tmp_path, capsys, demo_copy):
    bad = tmp_path / "a\nĐã thêm 999 hoạt động.xlsx"
    bad.write_bytes(b"PK\x03\x04junk")
    assert cli.main(["import", "--db", str(demo_copy), str(bad)]) == 1
    err = capsys.readouterr().err
    assert len([ln for ln in err.splitlines() if ln.strip()]) == 1, err


def test_a_copy_of_the_damaged_file_moved_elsewhere_is_still_refused(damaged, tmp_path, capsys):
    p, _ = damaged
    moved = tmp_path / "other" / "v.db"
    moved.parent.mkdir()
    shutil.copy(p, moved)
    assert cli.main(["plans", "--db", str(moved)]) == 1
    msg = one_line_error(capsys)
    assert "bị hỏng" in msg and "salvage" in msg  # no backup there: the salvage command is named


KEPT = ["pre_migration", "pre_migration_link", "damaged_kept", "evidence", "evidence_link", "evidence_new", "trash"]


@pytest.mark.parametrize("command", [["export"], ["render", "plan"]], ids=" ".join)
@pytest.mark.parametrize("target", KEPT)
def test_output_over_any_kept_file_of_the_data_folder_is_refused(demo_copy, tmp_path, capsys, command, target):
    """The pre-migration copy (x.v5-….db.bak), the damaged original a restore kept (x.db.hong-…) and the
    evidence files are data too: refused by identity, never overwritten."""
    from desktop import app
    from desktop.store import recovery

    conn = db.open_db(demo_copy)
    kept = {
        "pre_migration": db.backup_copy(conn, demo_copy, "v5"),
        "damaged_kept": recovery.aside_name(demo_copy),
    }
    shutil.copy(demo_copy, kept["damaged_kept"])
    (tmp_path / "bien_ban.pdf").write_bytes(b"%PDF bien ban")
    a = conn.execute("SELECT min(id) FROM activities").fetchone()[0]
    (f,) = app.evidence.attach(conn, a, [tmp_path / "bien_ban.pdf"])
    conn.close()
    evidence_file = demo_copy.parent / "minh_chung" / f.stored
    elsewhere = tmp_path / "khac"
    elsewhere.mkdir()
    out = {
        "pre_migration": kept["pre_migration"],
        "pre_migration_link": elsewhere / "ke_hoach.docx",
        "damaged_kept": kept["damaged_kept"],
        "evidence": evidence_file,
        "evidence_link": elsewhere / "bao_cao.xlsx",
        "evidence_new": evidence_file.with_name("moi.xlsx"),
        "trash": tmp_path / "minh_chung" / "_da_xoa" / "x.docx",
    }[target]
    if target == "pre_migration_link":
        os.link(kept["pre_migration"], out)
    if target == "evidence_link":
        os.link(evidence_file, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    watched = [kept["pre_migration"], kept["damaged_kept"], evidence_file]
    before = [digest(p) for p in watched]
    assert cli.main([*command, "--db", str(demo_copy), "--out", str(out)]) == 1
    msg = one_line_error(capsys)
    assert "Không ghi văn bản vào" in msg and "giữ nguyên" in msg, msg
    assert [digest(p) for p in watched] == before
    if target == "evidence_new":
        assert not out.exists()


def _foreign_sqlite(p: Path) -> None:
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE songs (title TEXT)")
    c.execute("INSERT INTO songs VALUES ('Quê hương')")
    c.commit()
    c.close()


@pytest.mark.parametrize(
    "kind, make, said",
    [
        ("empty", lambda p: p.write_bytes(b""), "rỗng (0 byte)"),
        ("foreign", _foreign_sqlite, "không phải là tệp dữ liệu của ứng dụng"),
        ("random", lambda p: p.write_bytes(bytes((i * 131 + 17) % 256 for i in range(65536))), "không đọc được"),
    ],
)
def test_salvage_refuses_what_is_not_a_database_of_the_app(tmp_path, capsys, kind, make, said):
    p = tmp_path / "nhap.db"
    make(p)
    before = digest(p)
    out = tmp_path / "cuu.db"
    assert cli.main(["salvage", "--db", str(p), "--out", str(out)]) == 1
    msg = one_line_error(capsys)
    assert said in msg and str(p) in msg and "Đã cứu" not in msg, msg
    assert not out.exists() and digest(p) == before
    assert sorted(f.name for f in tmp_path.iterdir()) == ["nhap.db"]  # nothing created beside it
