"""A full disk is said as a full disk: SQLite reports some of its failures there as an I/O error (extending the
-shm file when the database is opened: SQLITE_IOERR_SHMSIZE), which the clerk was told meant a broken,
removed or network drive."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from desktop.store import db, faults
from desktop.store.demo import create_demo


@pytest.fixture
def small_disk(tmp_path):
    """A real 1 MB file system (tmpfs); skipped where it cannot be mounted."""
    mnt = tmp_path / "o_nho"
    mnt.mkdir()
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("needs root on Linux to mount a small tmpfs")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("tmpfs cannot be mounted here")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def fill(folder) -> None:
    fd = os.open(folder / "day.bin", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 512)
    except OSError:
        pass
    finally:
        os.close(fd)


def test_opening_a_database_on_a_full_disk_says_the_disk_is_full(small_disk):
    p = small_disk / "v.db"
    create_demo(p, 100, 1)
    fill(small_disk)
    with pytest.raises(faults.StoreFault) as e:
        db.open_db(p)
    assert e.value.kind == faults.FULL, str(e.value)
    msg = str(e.value)
    assert "đã đầy" in msg and str(p) in msg and "không thay đổi" in msg and "hỏng" not in msg


def test_an_io_error_where_no_room_is_left_is_a_full_disk(tmp_path, monkeypatch):
    import shutil

    p = tmp_path / "v.db"
    p.write_bytes(b"")
    e = sqlite3.OperationalError("disk I/O error")
    assert faults.fault(e, p, "lưu").kind == faults.IO  # room left: a real I/O fault
    monkeypatch.setattr(shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10**9, 10**9, 4096))
    f = faults.fault(e, p, "lưu")
    assert f.kind == faults.FULL and "đã đầy" in str(f)
