"""The SQLite file: opening, numbered migrations (PRAGMA user_version), backups, transactions."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path

from ..domain.errors import UserError

APPLICATION_ID = 1447253337  # 'VBYT'


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration file, in order."""
    out = []
    for entry in resources.files(__package__ + ".migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            out.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    out.sort()
    return out


LATEST = migrations()[-1][0]


def _configure(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.isolation_level = None  # explicit transactions only (see transaction())
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    # A year of records: a power cut must never lose a committed action nor corrupt the file.
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def backup_copy(conn: sqlite3.Connection, path: Path, tag: str) -> Path:
    """A consistent copy of the open database next to it (SQLite backup API)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.stem}.{tag}-{stamp}{path.suffix or '.db'}.bak")
    n = 1
    while dest.exists():
        n += 1
        dest = path.with_name(f"{path.stem}.{tag}-{stamp}-{n}{path.suffix or '.db'}.bak")
    copy_to(conn, dest)
    return dest


def copy_to(source: sqlite3.Connection, dest: Path) -> None:
    """`source` into a new standalone file `dest` (one backup step: a consistent snapshot, even
    while another connection writes)."""
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
        # the copied header still says WAL; a copy must open alone, without a -wal file
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def migrate(conn: sqlite3.Connection, path: Path | None = None, upto: int | None = None) -> int:
    """Bring the schema to `upto` (default: latest), each migration in its own transaction.
    An existing database is copied aside before its first migration. Returns the new version."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    target = LATEST if upto is None else upto
    pending = [m for m in migrations() if current < m[0] <= target]
    if not pending:
        return current
    if current > 0 and path is not None:
        backup_copy(conn, path, f"v{current}")
    for version, name, sql in pending:
        try:
            conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
        except sqlite3.Error as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise UserError(f"Không nâng cấp được cơ sở dữ liệu ({name}): {e}") from e
    return target


def create(path: str | Path) -> sqlite3.Connection:
    """A new database at `path` (refuses an existing file)."""
    p = Path(path)
    if p.exists():
        raise UserError(f"Tệp {p} đã tồn tại; hãy chọn tên khác (ứng dụng không ghi đè dữ liệu).")
    if not p.parent.exists():
        raise UserError(f"Thư mục {p.parent} không tồn tại.")
    try:
        conn = _configure(sqlite3.connect(p))
        migrate(conn)
    except sqlite3.Error as e:
        raise UserError(f"Không tạo được tệp dữ liệu {p}: {e}") from e
    return conn


def open_db(path: str | Path, *, create_missing: bool = False) -> sqlite3.Connection:
    """Open an existing database of this app, migrating it if it is older."""
    p = Path(path)
    if not p.exists():
        if create_missing:
            return create(p)
        raise UserError(f"Không tìm thấy tệp dữ liệu {p}.")
    if p.is_dir():
        raise UserError(f"{p} là một thư mục, không phải tệp dữ liệu.")
    try:
        conn = sqlite3.connect(p.resolve().as_uri() + "?mode=rw", uri=True)
        app_id, version = conn.execute("PRAGMA application_id").fetchone()[0], conn.execute(
            "PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as e:
        raise UserError(f"Tệp {p} không phải là tệp dữ liệu của ứng dụng ({e}).") from e
    if app_id != APPLICATION_ID:
        conn.close()
        raise UserError(f"Tệp {p} không phải là tệp dữ liệu của ứng dụng.")
    if version > LATEST:
        conn.close()
        raise UserError(f"Tệp {p} được tạo bởi phiên bản mới hơn của ứng dụng; hãy cập nhật ứng dụng.")
    _configure(conn)
    migrate(conn, p)
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection):
    """One user action = one transaction: all of it is written, or none."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
