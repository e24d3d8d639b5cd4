"""A database damaged in the middle (a failing disk): refused at open with the newest good backup named,
never copied over good backups, restored or salvaged without overwriting the damaged file."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime, timedelta

import pytest

from desktop.app import safety
from desktop.store import backups, db, recovery
from desktop.store.demo import create_demo

T0 = datetime(2025, 3, 4, 8, 30, 0)


def damage_middle(path) -> None:
    """4 KB of junk over one page in the middle, as a failing disk leaves it."""
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek((size // 2) // 4096 * 4096)
        f.write(bytes((i * 37 + 11) % 256 for i in range(4096)))


@pytest.fixture
def big(tmp_path):
    p = tmp_path / "v.db"
    create_demo(p, 2000, 1)
    return p


def test_open_refuses_a_damaged_file_naming_the_newest_good_backup(big):
    conn = db.open_db(big)
    good = backups.make_backup(conn, big, backups.START, now=T0)
    conn.close()
    damage_middle(big)
    before = big.read_bytes()
    with pytest.raises(db.Damaged) as caught:
        db.open_db(big)
    e = caught.value
    assert e.backup is not None and e.backup.path == good and e.backup.activities == 2000
    msg = str(e)
    assert "bị hỏng" in msg and good.name in msg and "04/03/2025 08:30" in msg and "2000 hoạt động" in msg
    assert f'restore --db "{big}"' in msg and "giữ nguyên" in msg
    assert big.read_bytes() == before  # nothing written into it


def test_a_damaged_copy_is_never_a_backup_and_good_ones_are_never_pushed_out(big):
    conn = db.open_db(big)
    good = backups.make_backup(conn, big, backups.START, now=T0)
    conn.close()
    damage_middle(big)
    raw = sqlite3.connect(big)  # whatever opens it without the check (an old version of the app)
    raw.isolation_level = None
    for i in range(12):  # twelve starts on the damaged file
        with pytest.raises(Exception, match="không qua kiểm tra|hỏng"):
            backups.make_backup(raw, big, backups.START, now=T0 + timedelta(days=1, minutes=i))
    raw.close()
    listed = backups.list_backups(big)
    assert [b.path for b in listed] == [good]
    assert backups.sound(good) == "ok"


def test_the_newest_good_backup_is_never_rotated_away(big):
    conn = db.open_db(big)
    good = backups.make_backup(conn, big, backups.START, now=T0)
    conn.close()
    # ten later automatic "backups" that are junk (written by anything else)
    for i in range(10):
        junk = backups.folder(big) / f"v-{(T0 + timedelta(hours=i + 1)):%Y%m%d-%H%M%S}-khoi-dong.db"
        junk.write_bytes(good.read_bytes()[:8192] + b"\0" * 8192)
    backups.prune(big, keep=3)
    assert good.exists()
    assert backups.newest_good(big).path == good


def test_integrity_check_runs_once_a_day(big, monkeypatch):
    seen = []
    real = db.check
    monkeypatch.setattr(db, "check", lambda conn, full=False: seen.append(full) or real(conn, full))
    for day in (date(2025, 1, 1), date(2025, 1, 1), date(2025, 1, 2)):
        db.open_db(big, today=day).close()
    assert seen == [True, False, True]


def test_restore_from_the_cli_service_keeps_the_damaged_file_aside(big):
    conn = db.open_db(big)
    good = backups.make_backup(conn, big, backups.START, now=T0)
    conn.close()
    damage_middle(big)
    damaged = big.read_bytes()
    done = safety.restore(big, good)
    assert done.aside is not None and done.aside.read_bytes() == damaged
    c = db.open_db(big)
    assert c.execute("SELECT count(*) FROM activities").fetchone()[0] == 2000
    c.close()


def test_salvage_reads_what_is_left_into_a_new_file(big, tmp_path):
    damage_middle(big)
    before = big.read_bytes()
    out = tmp_path / "cuu.db"
    saved = safety.salvage(big, out)
    assert big.read_bytes() == before
    c = db.open_db(out)
    n = c.execute("SELECT count(*) FROM activities").fetchone()[0]
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    c.close()
    assert n == saved.activities and n >= 1500


def test_salvage_when_a_table_page_itself_is_junk(big, tmp_path):
    conn = sqlite3.connect(big)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'activities'").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(big, "r+b") as f:  # two leaf pages of the activities somewhere after its root
        for page in (root + (pages - root) // 3, root + (pages - root) // 2):
            f.seek((page - 1) * size)
            f.write(b"\xff" * size)
    saved = recovery.salvage(big, tmp_path / "cuu.db")
    assert 0 < saved.activities <= 2000


def test_salvage_refuses_to_write_over_the_database(big):
    with pytest.raises(Exception, match="mất dữ liệu"):
        safety.salvage(big, big)


def test_damaged_header_is_still_refused_as_foreign_without_backup(tmp_path):
    p = tmp_path / "x.db"
    p.write_bytes(b"junk" * 1000)
    with pytest.raises(Exception, match="không phải là tệp dữ liệu"):
        db.open_db(p)


def test_disk_full_during_a_transaction_is_a_clear_message_and_nothing_changes(big):
    from desktop.store.faults import StoreFault

    conn = db.open_db(big)
    n = conn.execute("SELECT count(*) FROM activities").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreFault) as caught:
        with db.transaction(conn):
            conn.execute("DELETE FROM activities WHERE id < 100")
            conn.execute("CREATE TABLE filler (x)")
            for _ in range(20):
                conn.execute("INSERT INTO filler SELECT randomblob(2000) FROM unit_recipients, departments")
    msg = str(caught.value)
    assert "đã đầy" in msg and str(big) in msg and "Dữ liệu không thay đổi" in msg
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM activities").fetchone()[0] == n
    conn.close()


@pytest.mark.parametrize(
    "text, kind",
    [
        ("database or disk is full", "đã đầy"),
        ("attempt to write a readonly database", "chỉ cho đọc"),
        ("disk I/O error", "Lỗi đọc/ghi ổ đĩa"),
        ("unable to open database file", "Không mở được"),
        ("database is locked", "đang bận"),
    ],
)
def test_known_faults_in_the_clerks_words(text, kind, tmp_path):
    from desktop.store import faults

    with pytest.raises(faults.StoreFault) as caught:
        with faults.said(tmp_path / "v.db", "lưu"):
            raise sqlite3.OperationalError(text)
    assert kind in str(caught.value) and "không thay đổi" in str(caught.value)
    assert str(tmp_path / "v.db") in str(caught.value)


def test_read_only_file_is_said_at_open(big, monkeypatch):
    real = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if str(p) == str(big) and mode == os.W_OK else real(p, mode)
    )
    with pytest.raises(Exception, match="chỉ cho đọc") as caught:
        db.open_db(big)
    assert "Dữ liệu không thay đổi" in str(caught.value)


@pytest.mark.slow
def test_two_processes_migrating_one_old_file_do_it_once(tmp_path, demo_db):
    import shutil
    import subprocess
    import sys

    old = tmp_path / "old.db"
    shutil.copy(demo_db, old)
    c = sqlite3.connect(old)
    c.execute("PRAGMA user_version = 0")
    c.close()
    # an old database (v1) made the honest way
    old.unlink()
    c = sqlite3.connect(old)
    c.isolation_level = None
    db.migrate(c, upto=1)
    c.close()
    code = "import sys; from desktop.store import db; db.open_db(sys.argv[1]).close(); print('ok')"
    for _ in range(3):
        target = tmp_path / f"m{_}.db"
        shutil.copy(old, target)
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(3)
        ]
        outs = [p.communicate(timeout=60) for p in procs]
        assert all(p.returncode == 0 for p in procs), outs
        c = sqlite3.connect(target)
        assert c.execute("PRAGMA user_version").fetchone()[0] == db.LATEST
        c.close()


def test_network_share_runs_in_rollback_journal_mode(big, monkeypatch):
    from desktop.store import fs

    monkeypatch.setattr(fs, "is_network", lambda p: True)
    conn = db.open_db(big)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_mount_type_finds_the_longest_mount_point(tmp_path):
    from desktop.store import fs

    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sda1 / ext4 rw 0 0\n//srv/chung /mnt/chung cifs rw 0 0\nsrv:/x /mnt/nfs nfs4 rw 0 0\n")
    assert fs._mount_type("/mnt/chung/du lieu/v.db", str(mounts)) == "cifs"
    assert fs._mount_type("/mnt/chungx/v.db", str(mounts)) == "ext4"
    assert fs._mount_type("/mnt/nfs/v.db", str(mounts)) == "nfs4"
