"""One writer per database: the window holds "<db>.lock" for its whole life, and CLI commands
that write (demo, import) hold it while they run. Read-only commands take no lock.

QLockFile (QtCore only) writes the holder's PID, application and host into the lock file. A lock
left by a crashed or killed process on this machine is detected by its PID and taken over. The
age-based staleness is switched off (staleLockTime 0): the window holds its lock for hours and
must never have it taken from under it. A lock file that is empty or unreadable (a power cut while it
was written) or that this machine wrote before its last boot is taken over too, as is one whose process on this
machine is gone when Qt could not take it over itself (a full disk: its takeover writes a file first).

The lock follows the file, not the name: "<db>.lock" beside the resolved path (seen by every machine
that opens the file on a share), and a second lock named after the file's identity (st_dev, st_ino; on
Windows the volume serial and file ID) in a per-user folder of this machine, so a hard link, a symbolic
link or a mapped drive and its UNC path meet the same lock.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QSysInfo

from .domain.errors import UserError
from .files import one_line

TAKE_OVER_AFTER = 2.0  # seconds: an empty lock file younger than this may be one being written now


def lock_path(db_path: str | Path) -> Path:
    p = Path(db_path).absolute()
    try:
        p = p.resolve()
    except OSError:
        pass
    return p.with_name(p.name + ".lock")


def identity_lock_path(db_path: str | Path) -> Path | None:
    """The machine-local lock named after the file's identity; None while the file does not exist."""
    try:
        st = os.stat(db_path)
    except OSError:
        return None
    if not st.st_ino:
        return None
    user = os.getuid() if hasattr(os, "getuid") else ""
    return Path(tempfile.gettempdir()) / f"vanbanyte-khoa{user and '-'}{user}" / f"{st.st_dev:x}-{st.st_ino:x}.lock"


def boot_time() -> float | None:
    """When this machine started (seconds since the epoch), None when unknown."""
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/stat", encoding="ascii") as f:
                for line in f:
                    if line.startswith("btime "):
                        return float(line.split()[1])
        except (OSError, ValueError):
            return None
        return None
    if sys.platform == "win32":
        try:
            import ctypes

            ctypes.windll.kernel32.GetTickCount64.restype = ctypes.c_ulonglong
            return time.time() - ctypes.windll.kernel32.GetTickCount64() / 1000.0
        except (AttributeError, OSError):
            return None
    return None


def _dead_lock_file(path: Path, info, here: str) -> bool:
    """A lock file no live holder can own: empty or unreadable (and not being written right now), or written
    by this machine before its last boot (its PID may since belong to another process)."""
    try:
        st = path.stat()
    except OSError:
        return False
    age = time.time() - st.st_mtime
    valid = isinstance(info, tuple) and len(info) >= 2 and info[0] and int(info[0]) > 0
    if not valid:
        return age > TAKE_OVER_AFTER or st.st_size == 0 and age > 0.2
    booted = boot_time()
    host = str(info[1] or "")
    return booted is not None and st.st_mtime < booted - 5 and host in ("", here)


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # Qt's own check (OpenProcess) already ran; no second opinion here
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, another user's
    return True


def _dead_holder(info, here: str) -> bool:
    """A lock of this machine whose process is gone, which Qt could not take over itself: its takeover first
    writes a "<lock>.rmlock" file, impossible on a full disk. Removing the dead lock frees the room the new one
    needs."""
    if not (isinstance(info, tuple) and len(info) >= 2 and info[0]):
        return False
    host = str(info[1] or "")
    return host in ("", here) and not _pid_alive(int(info[0]))


def holder_message(db_path: Path, pid: int | None, host: str | None, lock_file: Path) -> str:
    who = []
    if host:
        who.append(f"máy {host}")
    if pid:
        who.append(f"tiến trình {pid}")
    detail = f" ({', '.join(who)})" if who else ""
    text = (
        f"Dữ liệu {one_line(db_path)} đang được mở bởi một cửa sổ khác của ứng dụng hoặc một lệnh đang ghi vào "
        f"nó{detail}; tệp khoá: {one_line(lock_file)}. Hãy dùng cửa sổ đó, hoặc đóng nó (hay đợi lệnh chạy xong) "
        "rồi thử lại; dữ liệu không thay đổi."
    )
    if host and host != QSysInfo.machineHostName():
        text += (
            f" Nếu chắc chắn máy {one_line(host)} không còn mở ứng dụng, hãy xoá tệp {one_line(lock_file)} rồi thử lại."
        )
    return text


class DbLock:
    """The writer's lock of one database file. acquire() raises UserError when another holds it."""

    def __init__(self, db_path: str | Path):
        self.db_path = Path(db_path)
        self.path = lock_path(db_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # stale only when the holder's process is gone (PID check)
        self._ident: QLockFile | None = None
        self.ident_path: Path | None = None

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def acquire(self, timeout_ms: int = 0) -> DbLock:
        if self.held:
            return self
        folder = self.path.parent
        if not folder.is_dir():
            return self  # no database can be there yet: the command reports the missing folder itself
        if not self._take(self._lock, self.path, timeout_ms):
            self._refuse(self._lock, self.path, folder)
        try:
            self._take_identity(timeout_ms)
        except BaseException:
            self._lock.unlock()
            raise
        return self

    def _take(self, lock, path: Path, timeout_ms: int) -> bool:
        if lock.tryLock(timeout_ms):
            return True
        if lock.error() != QLockFile.LockError.LockFailedError:
            return False
        info, here = lock.getLockInfo(), QSysInfo.machineHostName()
        if _dead_lock_file(path, info, here) or _dead_holder(info, here):
            try:
                path.unlink()
            except OSError:
                return False
            return lock.tryLock(timeout_ms)
        return False

    def _take_identity(self, timeout_ms: int) -> None:
        """The second lock, named after the file's identity (when the file exists)."""
        ident = identity_lock_path(self.db_path)
        if ident is None:
            return
        try:
            ident.parent.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            return  # no local folder for it: the lock beside the file still holds
        lock = QLockFile(str(ident))
        lock.setStaleLockTime(0)
        if not self._take(lock, ident, timeout_ms):
            if lock.error() == QLockFile.LockError.LockFailedError:
                self._refuse(lock, ident, ident.parent)
            return  # cannot write the local folder: the lock beside the file still holds
        self._ident, self.ident_path = lock, ident

    def _refuse(self, lock, path: Path, folder: Path):
        err = lock.error()
        if err == QLockFile.LockError.LockFailedError:
            pid, host = None, None
            info = lock.getLockInfo()
            if isinstance(info, tuple) and len(info) >= 2 and info[0]:
                pid, host = int(info[0]), str(info[1] or "") or None
            raise UserError(holder_message(self.db_path, pid, host, path))
        if err == QLockFile.LockError.PermissionError:
            raise UserError(
                f"Không ghi được vào thư mục {one_line(folder)} nên không mở được dữ liệu "
                f"{one_line(self.db_path.name)} để sửa (tệp khoá {one_line(path)}); hãy kiểm tra quyền ghi "
                "của thư mục hoặc chép dữ liệu sang thư mục khác. Dữ liệu không thay đổi."
            )
        raise UserError(
            f"Không tạo được tệp khoá {one_line(path)} cho dữ liệu {one_line(self.db_path.name)}; "
            "hãy kiểm tra thư mục chứa dữ liệu rồi thử lại. Dữ liệu không thay đổi."
        )

    def release(self) -> None:
        if self._ident is not None:
            self._ident.unlock()
            self._ident = None
        if self._lock.isLocked():
            self._lock.unlock()

    def __enter__(self) -> DbLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def hold(db_path: str | Path, timeout_ms: int = 0) -> DbLock:
    """The lock of db_path, taken (raises UserError when another holds it)."""
    return DbLock(db_path).acquire(timeout_ms)
