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
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(db)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
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
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


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


@pytest.mark.slow
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


# ---------------------------------------------------------------- the lock follows the file, not its name
def test_a_hard_link_meets_the_same_lock(demo_copy, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    link = other / "same.db"
    os.link(demo_copy, link)
    h = Holder(demo_copy)
    try:
        with pytest.raises(UserError, match="đang được mở") as caught:
            DbLock(link).acquire()
        assert "tệp khoá" in str(caught.value)
    finally:
        h.release()
        h.close()
    DbLock(link).acquire().release()


def test_a_symbolic_link_meets_the_same_lock(demo_copy, tmp_path):
    link = tmp_path / "lien_ket.db"
    link.symlink_to(demo_copy)
    first = DbLock(demo_copy).acquire()
    try:
        with pytest.raises(UserError, match="đang được mở"):
            DbLock(link).acquire()
    finally:
        first.release()


@pytest.mark.slow
def test_two_imports_through_two_paths_never_lose_rows(demo_copy, tmp_path):
    """The attack of the issue: one import through a hard link, one through the name, at once."""
    from desktop import app
    from desktop.store import db

    conn = db.open_db(demo_copy)
    xlsx = tmp_path / "a.xlsx"
    app.write_xlsx_export(conn, xlsx)
    with db.transaction(conn):
        conn.execute("DELETE FROM activities")
    conn.close()
    link = tmp_path / "link.db"
    os.link(demo_copy, link)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "desktop", "import", "--db", str(p), str(xlsx)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in (demo_copy, link)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    codes = sorted(p.returncode for p in procs)
    conn = db.open_db(demo_copy)
    n = conn.execute("SELECT count(*) FROM activities").fetchone()[0]
    conn.close()
    assert n == 150, outs
    assert codes in ([0, 0], [0, 1]), outs  # the second waits for nothing: refused, or it found the rows there


@pytest.mark.parametrize("content", [b"", b"\x00\x00garbage\xff", b"not a lock"])
def test_an_empty_or_garbage_lock_file_is_taken_over(demo_copy, content):
    lock = lock_path(demo_copy)
    lock.write_bytes(content)
    past = os.stat(lock).st_mtime - 60
    os.utime(lock, (past, past))
    held = DbLock(demo_copy).acquire()
    assert held.held
    held.release()


def test_a_lock_written_before_the_last_boot_is_taken_over(demo_copy, monkeypatch):
    from desktop import lock as lockmod

    h = Holder(demo_copy)  # a live process of this machine: its PID looks alive
    try:
        old = os.stat(lock_path(demo_copy)).st_mtime
        monkeypatch.setattr(lockmod, "boot_time", lambda: old + 3600)  # the machine "restarted" since
        held = DbLock(demo_copy).acquire()
        assert held.held
        held.release()
    finally:
        h.close()


def test_a_refusal_names_the_lock_file(demo_copy):
    h = Holder(demo_copy)
    try:
        with pytest.raises(UserError) as caught:
            DbLock(demo_copy).acquire()
        assert str(lock_path(demo_copy)) in str(caught.value)
    finally:
        h.release()
        h.close()


@pytest.fixture
def full_disk(tmp_path):
    """A real 256 KB file system (tmpfs), filled up by the test; skipped where it cannot be mounted."""
    mnt = tmp_path / "o_day"
    mnt.mkdir()
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("needs root on Linux to mount a small tmpfs")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("tmpfs cannot be mounted here")

    def fill():
        fd = os.open(mnt / "day.bin", os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\0" * 1024)
        except OSError:
            pass
        finally:
            os.close(fd)

    yield mnt, fill
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_stale_lock_on_a_full_disk_is_taken_over(full_disk, holder):
    mnt, fill = full_disk
    p = mnt / "v.db"
    p.write_bytes(b"\0" * 4096)
    h = holder(p)
    dead = h.pid
    h.kill()
    fill()  # no room left: Qt cannot write the file it takes over a stale lock with
    with DbLock(p) as lock:
        assert lock.held and str(dead) not in lock_path(p).read_text(errors="replace")
