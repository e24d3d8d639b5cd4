"""One writer per database (desktop.lock): a second writer is refused with a message naming the
holder, read-only commands still work, and a lock left by a killed process is taken over."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.domain.errors import UserError
from desktop.lock import DbLock, lock_path

ROOT = Path(__file__).resolve().parent.parent

HOLDER = """
import sys
from desktop.lock import DbLock
lock = DbLock(sys.argv[1]).acquire()
print("held", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
"""


class Holder:
    """Another process holding the database's lock until release() (or kill())."""

    def __init__(self, db: Path):
        self.proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], cwd=ROOT, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line.strip() == "held", self.proc.stderr.read()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def release(self) -> None:
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "released"
        self.proc.wait(timeout=30)

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            f.close()


@pytest.fixture
def holder():
    made = []

    def make(db):
        h = Holder(db)
        made.append(h)
        return h

    yield make
    for h in made:
        h.close()


def run(*args):
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_second_lock_is_refused_while_another_process_holds_it(demo_copy, holder):
    h = holder(demo_copy)
    assert lock_path(demo_copy).exists()
    with pytest.raises(UserError) as e:
        DbLock(demo_copy).acquire()
    msg = str(e.value)
    assert "đang được mở bởi một cửa sổ khác của ứng dụng" in msg
    assert f"tiến trình {h.pid}" in msg and "máy " in msg and str(demo_copy) in msg
    h.release()
    assert not lock_path(demo_copy).exists()
    with DbLock(demo_copy) as lock:
        assert lock.held
    assert not lock_path(demo_copy).exists()


def test_lock_is_per_database_file(demo_copy, tmp_path, holder):
    holder(demo_copy)
    other = tmp_path / "khac.db"
    with DbLock(other) as lock:  # another file in the same folder is free
        assert lock.held
    # the same file through another spelling of its path is the same lock
    with pytest.raises(UserError):
        DbLock(tmp_path / "." / demo_copy.name).acquire()


@pytest.mark.slow
def test_cli_import_is_refused_while_held_and_works_after(demo_copy, tmp_path, holder):
    xlsx = tmp_path / "hoat_dong.xlsx"
    assert cli.main(["export", "--db", str(demo_copy), "--out", str(xlsx)]) == 0
    h = holder(demo_copy)
    before = digest(demo_copy)
    res = run("import", "--db", demo_copy, xlsx)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "đang được mở" in lines[0] and f"tiến trình {h.pid}" in lines[0], res.stderr
    assert res.stdout == ""
    assert digest(demo_copy) == before
    # read-only commands work while the window (here: the holder) has the database open
    assert run("render", "plan", "--db", demo_copy, "--out", tmp_path / "kh.docx").returncode == 0
    assert run("xlsx-template", "--db", demo_copy, "--out", tmp_path / "mau.xlsx").returncode == 0
    h.release()
    res = run("import", "--db", demo_copy, xlsx)
    assert res.returncode == 0, res.stderr
    assert "bỏ qua 150 hoạt động đã có" in res.stdout
    assert not lock_path(demo_copy).exists()


def test_cli_demo_is_refused_while_another_creates_the_same_file(tmp_path, holder, capsys):
    target = tmp_path / "moi.db"
    holder(target)  # e.g. the first-run wizard of a window about to create it
    assert cli.main(["demo", "--db", str(target), "--activities", "5"]) == 1
    assert "đang được mở" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_lock_of_a_killed_process_is_taken_over(demo_copy, tmp_path, holder):
    h = holder(demo_copy)
    h.kill()
    assert lock_path(demo_copy).exists()  # left behind, naming a process that is gone
    with DbLock(demo_copy) as lock:
        assert lock.held
    h2 = holder(demo_copy)
    h2.kill()
    xlsx = tmp_path / "x.xlsx"
    assert cli.main(["export", "--db", str(demo_copy), "--out", str(xlsx)]) == 0
    res = run("import", "--db", demo_copy, xlsx)
    assert res.returncode == 0, res.stderr


def test_lock_held_for_long_is_not_stale(demo_copy):
    """Age alone never makes a lock stale: the window holds it for hours."""
    lock = DbLock(demo_copy)
    assert lock._lock.staleLockTime() == 0


def test_unwritable_folder_is_a_message(demo_copy):
    from PySide6.QtCore import QLockFile

    class Denied:
        def isLocked(self):
            return False

        def tryLock(self, timeout=0):
            return False

        def error(self):
            return QLockFile.LockError.PermissionError

    lock = DbLock(demo_copy)
    lock._lock = Denied()
    with pytest.raises(UserError, match="Không ghi được vào thư mục"):
        lock.acquire()


def test_missing_folder_is_left_to_the_command(tmp_path, capsys):
    target = tmp_path / "khong_co" / "a.db"
    assert cli.main(["demo", "--db", str(target)]) == 1
    assert "không tồn tại" in capsys.readouterr().err
    assert not target.parent.exists()
