"""Evidence rows (minh chứng): the files attached to an activity (the files themselves: app/evidence.py)."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from .db import inserted_id


@dataclass(frozen=True)
class EvidenceFile:
    id: int | None
    activity_id: int
    name: str  # the original file name
    stored: str  # the path under the evidence folder, with "/"
    size: int
    sha256: str
    added_at: str = ""


_COLS = "id, activity_id, name, stored, size, sha256, added_at"


def _file(r: sqlite3.Row) -> EvidenceFile:
    return EvidenceFile(
        id=r["id"],
        activity_id=r["activity_id"],
        name=r["name"],
        stored=r["stored"],
        size=r["size"],
        sha256=r["sha256"],
        added_at=r["added_at"],
    )


def add_evidence(conn: sqlite3.Connection, f: EvidenceFile) -> EvidenceFile:
    """The row stored (with its id; with its former id when `f` has one: the undo of a delete)."""
    cur = conn.execute(
        "INSERT INTO evidence (id, activity_id, name, stored, size, sha256, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, datetime('now')))",
        (f.id, f.activity_id, f.name, f.stored, f.size, f.sha256, f.added_at or None),
    )
    stored = get_evidence(conn, inserted_id(cur))
    if stored is None:  # the row this transaction has just written
        raise RuntimeError("the evidence row just inserted cannot be read back")
    return stored


def get_evidence(conn: sqlite3.Connection, evidence_id: int) -> EvidenceFile | None:
    r = conn.execute(f"SELECT {_COLS} FROM evidence WHERE id = ?", (evidence_id,)).fetchone()
    return None if r is None else _file(r)


def list_evidence(conn: sqlite3.Connection, activity_id: int) -> list[EvidenceFile]:
    """An activity's files in the order they were attached."""
    return [
        _file(r)
        for r in conn.execute(f"SELECT {_COLS} FROM evidence WHERE activity_id = ? ORDER BY id", (activity_id,))
    ]


def for_activities(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[EvidenceFile]]:
    """{activity id: its files} for those of `ids` that have any."""
    out: dict[int, list[EvidenceFile]] = {}
    for i in ids:
        files = list_evidence(conn, i)
        if files:
            out[i] = files
    return out


def counts(conn: sqlite3.Connection) -> dict[int, int]:
    """{activity id: number of files} of every activity that has files."""
    return dict(conn.execute("SELECT activity_id, COUNT(*) FROM evidence GROUP BY activity_id").fetchall())


def stored_paths(conn: sqlite3.Connection) -> set[str]:
    return {r["stored"] for r in conn.execute("SELECT stored FROM evidence")}


def delete_evidence(conn: sqlite3.Connection, evidence_id: int) -> None:
    conn.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))


# ---------------------------------------------------------------- paths read from the data
# `stored` (and a backup manifest's paths) come from a file that may have been handed over by anyone: a path
# is used only when it is plain ("<activity id>/<name>", no "..", no drive, no backslash, no control
# character) and, resolved (links followed), still inside the evidence folder.

_BAD_PART = re.compile(r"[\\:\x00-\x1f\x7f]")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def path_problem(rel, depth: int | None = None) -> str | None:
    """Why `rel` cannot name a file under the evidence folder (None: it can). `depth`: the exact number of
    parts required (2 for an evidence row: "<activity id>/<name>")."""
    if not isinstance(rel, str) or not rel:
        return "đường dẫn trống"
    parts = rel.split("/")
    if rel.startswith("/") or any(p in ("", ".", "..") for p in parts):
        return "đường dẫn ra ngoài thư mục minh chứng"
    if any(_BAD_PART.search(p) for p in parts):
        return "đường dẫn có ký tự không hợp lệ"
    if depth is not None and (len(parts) != depth or (depth == 2 and not parts[0].isdigit())):
        return "đường dẫn không có dạng <số hoạt động>/<tên tệp>"
    return None


def under(root: Path, rel: str, depth: int | None = 2) -> Path | None:
    """`root/rel` when `rel` is a plain path that stays inside `root` once resolved (links followed); else None."""
    if path_problem(rel, depth) is not None:
        return None
    p = Path(root).joinpath(*rel.split("/"))
    try:
        base = os.path.realpath(root)
        real = os.path.realpath(p)
        if os.path.commonpath([base, real]) != base or real == base:
            return None
    except (OSError, ValueError):
        return None
    return p


def bad_rows(conn: sqlite3.Connection) -> list[tuple[int, int, str, str]]:
    """(id, activity id, stored, why) of the evidence rows whose path is not plain; [] when there is no
    evidence table (a database from before migration 0008)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'evidence'").fetchone():
        return []
    out = []
    for rid, aid, stored in conn.execute("SELECT id, activity_id, stored FROM evidence ORDER BY id"):
        why = path_problem(stored, 2)
        if why is not None:
            out.append((rid, aid, stored, why))
    return out


class NotRegular(OSError):
    """The path is a link, a folder, a device or a pipe: never read as an evidence file."""


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _regular_fd(path, flags: int) -> int:
    """os.open that never follows a final symbolic link nor waits on a pipe, and keeps only a regular file."""
    try:
        fd = os.open(path, flags | _NOFOLLOW)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise NotRegular(errno.ELOOP, "là một liên kết", str(path)) from e
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotRegular(errno.EINVAL, "không phải là một tệp thông thường", str(path))
    return fd


def open_regular(path: Path):
    """`path` opened for reading as a regular file, never through a symbolic link (O_NOFOLLOW where the
    system has it, and the opened file itself checked: a link or a pipe swapped in between is caught).
    NotRegular when it is not a regular file; OSError when it cannot be opened."""
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        raise NotRegular(errno.ELOOP, "là một liên kết", str(path))
    if not stat.S_ISREG(mode):
        raise NotRegular(errno.EINVAL, "không phải là một tệp thông thường", str(path))
    return open(path, "rb", opener=_regular_fd)  # noqa: SIM115 (the caller closes it)


def copy_checked(obj: Path, target: Path, sha: str) -> bool:
    """The stored file `obj` copied to the new file `target` as a regular file (never through a link), its
    content checked against `sha`. False (nothing left at `target`) when it is not a regular file, cannot be
    read or its content differs."""
    try:
        fin = open_regular(obj)
    except OSError:
        return False
    digest = hashlib.sha256()
    with fin:
        with open(target, "xb") as out:
            while block := fin.read(1 << 20):
                out.write(block)
                digest.update(block)
        st = os.fstat(fin.fileno())
    if digest.hexdigest() != sha:
        target.unlink(missing_ok=True)
        return False
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    return True
