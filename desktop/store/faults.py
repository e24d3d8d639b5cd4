"""SQLite's failures said in the clerk's words: what happened, where, and that the data is unchanged.

    with faults.said(path, "lưu"):
        conn.execute(...)

turns sqlite3.OperationalError ("database or disk is full", "attempt to write a readonly database",
"disk I/O error", "unable to open database file", "database is locked") and the matching OSError into a
StoreFault (a UserError), so no known fault class ever reaches the user as "Lỗi không mong đợi".
"""

from __future__ import annotations

import errno
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from ..domain.errors import UserError
from ..files import one_line


class StoreFault(UserError):
    """A known fault of the disk or the file; `kind` is one of FULL, READONLY, IO, OPEN, BUSY."""

    def __init__(self, message: str, kind: str, path: Path | None = None):
        super().__init__(message)
        self.kind, self.path = kind, path


FULL, READONLY, IO, OPEN, BUSY = "full", "readonly", "io", "open", "busy"


def kind_of(e: BaseException) -> str | None:
    """The fault class of an sqlite3 or OS error, None for anything else."""
    text = str(e).lower()
    code = getattr(e, "errno", None)
    if "disk is full" in text or code == errno.ENOSPC or getattr(e, "sqlite_errorname", "") == "SQLITE_FULL":
        return FULL
    if "readonly" in text or "read-only" in text or code == errno.EROFS:
        return READONLY
    if "disk i/o error" in text or code == errno.EIO:
        return IO
    if "unable to open" in text or isinstance(e, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return OPEN
    if "database is locked" in text or "database table is locked" in text or "busy" in text:
        return BUSY
    return None


def message(kind: str, path: Path | str, doing: str) -> str:
    p = one_line(path)
    if kind == FULL:
        return (
            f"Ổ đĩa chứa dữ liệu {p} đã đầy nên không {doing} được. Dữ liệu không thay đổi; "
            "hãy giải phóng chỗ trống trên ổ đĩa rồi thử lại."
        )
    if kind == READONLY:
        return (
            f"Tệp dữ liệu {p} chỉ cho đọc (hoặc bị khoá không cho sửa, hoặc thư mục không cho ghi) nên không "
            f"{doing} được. Dữ liệu không thay đổi; hãy bỏ thuộc tính chỉ đọc hoặc chép dữ liệu sang thư mục khác."
        )
    if kind == IO:
        return (
            f"Lỗi đọc/ghi ổ đĩa khi {doing} dữ liệu {p} (ổ đĩa hỏng, bị rút ra hoặc mất kết nối mạng). "
            "Thao tác không được thực hiện, dữ liệu không thay đổi; hãy kiểm tra ổ đĩa rồi thử lại."
        )
    if kind == OPEN:
        return (
            f"Không mở được tệp dữ liệu {p}: không có quyền đọc, thư mục không cho ghi hoặc ổ đĩa/mạng "
            "không truy cập được. Dữ liệu không thay đổi; hãy kiểm tra quyền của tệp và thư mục."
        )
    if kind == BUSY:
        return (
            f"Dữ liệu {p} đang bận: một cửa sổ hoặc lệnh khác đang ghi vào nó nên chưa {doing} được. "
            "Dữ liệu không thay đổi; hãy đợi một lát rồi thử lại."
        )
    raise ValueError(kind)


ROOM = 1 << 20  # bytes: less free space than this on the data's disk, and an I/O failure there is a full disk


def no_room(path: Path | str) -> bool:
    """Whether the disk holding `path` (or its nearest existing folder) is full, as far as can be told."""
    import shutil

    if str(path) in ("", "?"):  # the file is not known: nothing to look at
        return False
    p = Path(path).absolute()
    for where in (p, *p.parents):
        try:
            if where.exists():
                return shutil.disk_usage(where).free < ROOM
        except OSError:
            return False
    return False


def fault(e: BaseException, path: Path | str, doing: str) -> StoreFault | None:
    """The StoreFault for `e` (None: not a known fault). SQLite says some failures of a full disk as an I/O
    error (SQLITE_IOERR_SHMSIZE: the -shm file could not grow) or as a file it cannot open: when the disk has
    no room left, that is what the clerk is told."""
    kind = kind_of(e)
    if kind in (IO, OPEN) and (getattr(e, "sqlite_errorname", "") == "SQLITE_IOERR_SHMSIZE" or no_room(path)):
        kind = FULL
    return None if kind is None else StoreFault(message(kind, path, doing), kind, Path(path))


@contextmanager
def said(path: Path | str | None, doing: str):
    """Known faults inside the block become a StoreFault naming `path`; anything else passes unchanged."""
    try:
        yield
    except (sqlite3.OperationalError, OSError) as e:
        if isinstance(e, UserError):
            raise
        f = fault(e, path or "?", doing)
        if f is None:
            raise
        raise f from e


def path_of(conn: sqlite3.Connection) -> Path | None:
    """The file of the connection's main database (None for an in-memory one)."""
    try:
        for _, name, file in conn.execute("PRAGMA database_list"):
            if name == "main":
                return Path(file) if file else None
    except sqlite3.Error:
        return None
    return None
