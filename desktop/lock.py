"""One writer per database: the window holds "<db>.lock" for its whole life, and CLI commands
that write (demo, import) hold it while they run. Read-only commands take no lock.

QLockFile (QtCore only) writes the holder's PID, application and host into the lock file. A lock
left by a crashed or killed process on this machine is detected by its PID and taken over. The
age-based staleness is switched off (staleLockTime 0): the window holds its lock for hours and
must never have it taken from under it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile, QSysInfo

from .domain.errors import UserError


def lock_path(db_path: str | Path) -> Path:
    p = Path(db_path).absolute()
    try:
        p = p.resolve()
    except OSError:
        pass
    return p.with_name(p.name + ".lock")


def holder_message(db_path: Path, pid: int | None, host: str | None, lock_file: Path) -> str:
    who = []
    if host:
        who.append(f"máy {host}")
    if pid:
        who.append(f"tiến trình {pid}")
    detail = f" ({', '.join(who)})" if who else ""
    text = (f"Dữ liệu {db_path} đang được mở bởi một cửa sổ khác của ứng dụng hoặc một lệnh đang ghi vào nó"
            f"{detail}. Hãy dùng cửa sổ đó, hoặc đóng nó (hay đợi lệnh chạy xong) rồi thử lại.")
    if host and host != QSysInfo.machineHostName():
        text += (f" Nếu chắc chắn máy {host} không còn mở ứng dụng, hãy xoá tệp {lock_file} "
                 f"rồi thử lại.")
    return text


class DbLock:
    """The writer's lock of one database file. acquire() raises UserError when another holds it."""

    def __init__(self, db_path: str | Path):
        self.db_path = Path(db_path)
        self.path = lock_path(db_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # stale only when the holder's process is gone (PID check)

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def acquire(self, timeout_ms: int = 0) -> DbLock:
        if self.held:
            return self
        folder = self.path.parent
        if not folder.is_dir():
            return self  # no database can be there yet: the command reports the missing folder itself
        if self._lock.tryLock(timeout_ms):
            return self
        err = self._lock.error()
        if err == QLockFile.LockError.LockFailedError:
            pid, host = None, None
            info = self._lock.getLockInfo()
            if isinstance(info, tuple) and len(info) >= 2 and info[0]:
                pid, host = int(info[0]), str(info[1] or "") or None
            raise UserError(holder_message(self.db_path, pid, host, self.path))
        if err == QLockFile.LockError.PermissionError:
            raise UserError(f"Không ghi được vào thư mục {folder} nên không mở được dữ liệu {self.db_path.name} "
                            f"để sửa; hãy kiểm tra quyền ghi của thư mục hoặc chép dữ liệu sang thư mục khác.")
        raise UserError(f"Không tạo được tệp khoá {self.path} cho dữ liệu {self.db_path.name}; "
                        f"hãy kiểm tra thư mục chứa dữ liệu rồi thử lại.")

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    def __enter__(self) -> DbLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def hold(db_path: str | Path, timeout_ms: int = 0) -> DbLock:
    """The lock of db_path, taken (raises UserError when another holds it)."""
    return DbLock(db_path).acquire(timeout_ms)
