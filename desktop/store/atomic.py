"""A new file built under a temporary name beside its target and renamed into place only when whole."""

from __future__ import annotations

import os
import re
import sys
from contextlib import contextmanager
from pathlib import Path

from ..domain.errors import UserError
from ..files import one_line
from . import faults

_TMP = re.compile(r"^\.(?P<name>.+)\.tao-(?P<pid>\d+)\.tmp(?:-journal|-wal|-shm)?$")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return True  # no cheap check: an old leftover stays until the clerk deletes it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clean_leftovers(target: Path, same=None) -> None:
    """Temporary files of killed builds of `target` (their process is gone); `same(name)`: whether a
    leftover built for `name` counts (default: `target`'s own name)."""
    same = same or target.name.__eq__
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return
    for f in entries:
        m = _TMP.match(f.name)
        if m and same(m["name"]) and not _alive(int(m["pid"])):
            f.unlink(missing_ok=True)


def _place(tmp: Path, target: Path) -> None:
    """Rename `tmp` to `target`, never replacing a file that appeared there meanwhile."""
    try:
        os.link(tmp, target)  # fails when target exists
    except FileExistsError:
        raise UserError(
            f"Tệp {one_line(target)} đã tồn tại; hãy chọn tên khác (ứng dụng không ghi đè dữ liệu)."
        ) from None
    except OSError:  # no hard links there (FAT, some shares): rename, refusing an existing target
        if target.exists():
            raise UserError(
                f"Tệp {one_line(target)} đã tồn tại; hãy chọn tên khác (ứng dụng không ghi đè dữ liệu)."
            ) from None
        os.rename(tmp, target)
        return
    tmp.unlink()


@contextmanager
def staged(target: Path):
    """Yield a temporary path beside `target`; when the block ends normally it becomes `target`."""
    clean_leftovers(target)
    tmp = target.with_name(f".{target.name}.tao-{os.getpid()}.tmp")
    extras = [tmp.with_name(tmp.name + s) for s in ("-journal", "-wal", "-shm")]
    for f in [tmp] + extras:
        f.unlink(missing_ok=True)
    try:
        yield tmp
        with faults.said(target, "tạo"):
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
            _place(tmp, target)
    finally:
        for f in [tmp] + extras:
            try:
                f.unlink(missing_ok=True)
            except OSError:
                pass
