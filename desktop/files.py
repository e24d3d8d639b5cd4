"""Writing output files safely: a temporary file in the target folder, renamed into place,
so a failure never leaves half a document or destroys the previous one."""

from __future__ import annotations

import errno
import os
from contextlib import contextmanager
from pathlib import Path

from .domain.errors import UserError
from .domain.text import one_line  # the one reader of one-line text, for the modules that echo paths


def lock_owner(path: Path) -> Path | None:
    """The lock file Word (~$…) or LibreOffice (.~lock.…#) keeps while `path` is open."""
    name = path.name
    stem = path.stem
    candidates = [path.with_name(f".~lock.{name}#"), path.with_name("~$" + name)]
    if len(stem) > 6:
        candidates.append(path.with_name("~$" + name[2:]))
    return next((c for c in candidates if c.exists()), None)


DATA_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")
BACKUP_FOLDER = "sao_luu"  # store/backups.py FOLDER


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same (st_dev, st_ino) (a hard link, a mapped drive and its UNC
    path; Windows gives the file ID in st_ino), or the same resolved path when one does not exist yet."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        pass
    try:
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))
    except (OSError, ValueError):
        return False


def _inside(child: Path, folder: Path) -> bool:
    """Whether `child` (existing or not) lies in `folder` (by identity of the folders on the way up)."""
    try:
        if not folder.is_dir():
            return False
        here = Path(os.path.realpath(child)).parent
    except (OSError, ValueError):
        return False
    for _ in range(64):
        if same_file(here, folder):
            return True
        if here.parent == here:
            return False
        here = here.parent
    return False


def refuse_data_target(out: str | Path, db_path: str | Path | None) -> None:
    """UserError when writing `out` would overwrite the clerk's data: the database itself, its -wal, -shm,
    -journal or .lock, or anything in its backup folder — compared by file identity, not by name."""
    if db_path is None:
        return
    out, db = Path(out), Path(db_path)
    guarded = [db] + [db.with_name(db.name + s) for s in DATA_SUFFIXES]
    try:
        real = Path(os.path.realpath(db))
        guarded += [real] + [real.with_name(real.name + s) for s in DATA_SUFFIXES]
    except (OSError, ValueError):
        real = db
    hit = next((g for g in guarded if same_file(out, g)), None)
    if hit is None:
        for base in {db.parent, real.parent}:
            if _inside(out, base / BACKUP_FOLDER):
                raise UserError(
                    f"Không ghi văn bản vào {one_line(out)}: đó là thư mục sao lưu của dữ liệu "
                    f"{one_line(db)}. Hãy chọn nơi lưu khác; dữ liệu và các bản sao lưu giữ nguyên."
                )
        return
    what = "tệp dữ liệu" if hit in (db, real) else f"tệp đi kèm ({hit.name}) của dữ liệu"
    raise UserError(
        f"Không ghi văn bản vào {one_line(out)}: đó là {what} {one_line(db)}, ghi vào sẽ mất dữ liệu. "
        "Hãy đặt tên tệp khác (ví dụ ke_hoach.docx); dữ liệu giữ nguyên."
    )


def check_target(path: str | Path) -> Path:
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.exists():
        raise UserError(f"Thư mục {folder} không tồn tại; hãy chọn thư mục khác để lưu {p.name}.")
    if not folder.is_dir():
        raise UserError(f"{folder} không phải là thư mục; không lưu được {p.name}.")
    if p.is_dir():
        raise UserError(f"{p} là một thư mục; hãy đặt tên tệp, ví dụ {p / 'van_ban.docx'}.")
    owner = lock_owner(p)
    if owner is not None:
        raise UserError(
            f"Tệp {p} đang được mở (Word, Excel hoặc LibreOffice); hãy đóng tệp rồi thử lại, hoặc lưu với tên khác."
        )
    return p


def _explain(e: OSError, p: Path) -> UserError:
    if e.errno == errno.ENOSPC:
        return UserError(f"Ổ đĩa đã đầy, không lưu được {p}; tệp cũ (nếu có) vẫn giữ nguyên.")
    if isinstance(e, PermissionError) or e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if p.exists():
            return UserError(
                f"Không ghi được {p}: tệp đang được mở trong chương trình khác (Word, Excel?) "
                f"hoặc chỉ cho đọc; hãy đóng tệp hoặc lưu với tên khác."
            )
        return UserError(f"Không có quyền ghi vào thư mục {p.parent}; hãy chọn thư mục khác.")
    return UserError(f"Không lưu được {p}: {e.strerror or e}.")


def _file_mode(p: Path) -> int:
    """The mode a new file would get (mkstemp makes it private), or the old file's."""
    if p.exists():
        return p.stat().st_mode & 0o777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_path(path: str | Path, suffix: str = ""):
    """Yield a temporary path next to `path`; on success it replaces `path` in one rename."""
    p = check_target(path)
    try:
        import tempfile  # (imported here: 11 ms of the window's start-up)

        fd, tmp = tempfile.mkstemp(prefix=f".{p.stem}-", suffix=(suffix or p.suffix) + ".tmp", dir=p.parent)
        os.close(fd)
        os.chmod(tmp, _file_mode(p))
    except OSError as e:
        raise _explain(e, p) from e
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, p)
    except OSError as e:
        raise _explain(e, p) from e
    finally:
        if tmp_path.exists():
            tmp_path.unlink(missing_ok=True)
