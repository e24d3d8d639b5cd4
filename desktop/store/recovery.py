"""A damaged database: put a good backup in its place, or salvage what SQLite can still read into a new file.
The damaged file is never overwritten nor deleted: it is renamed aside (``<name>.hong-YYYYMMDD-HHMMSS``).

Salvage does not need the ``sqlite3`` shell's ``.recover``: every table of the damaged file is read row by
row (a cursor that hits an unreadable page resumes past it by rowid) into a fresh database with the
current schema; rows that cannot be read, or whose parent row was lost, are counted and left out.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..domain.errors import UserError
from ..files import one_line
from . import backups, db, faults

MAX_ERRORS = 10_000  # unreadable spots per table before salvage gives up on the table


@dataclass
class Salvaged:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows saved
    lost: dict[str, int] = field(default_factory=dict)  # table -> unreadable spots or orphan rows dropped

    @property
    def activities(self) -> int:
        return self.rows.get("activities", 0)


def aside_name(db_path: Path, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    dest = db_path.with_name(f"{db_path.name}.hong-{stamp}")
    n = 1
    while dest.exists():
        n += 1
        dest = db_path.with_name(f"{db_path.name}.hong-{stamp}-{n}")
    return dest


def put_aside(db_path: Path, now: datetime | None = None) -> Path:
    """Rename the damaged file (and its -wal/-shm) aside; returns the new name of the file."""
    dest = aside_name(db_path, now)
    with faults.said(db_path, "đổi tên tệp hỏng"):
        os.rename(db_path, dest)
        for extra in ("-wal", "-shm", "-journal"):
            side = db_path.with_name(db_path.name + extra)
            if side.exists():
                os.rename(side, dest.with_name(dest.name + extra))
    return dest


def restore_damaged(db_path: str | Path, backup_path: str | Path, now: datetime | None = None) -> Path:
    """Replace a database that cannot be opened by a backup (checked, migrated if older) without opening the
    damaged file: the backup is staged beside it, the damaged file renamed aside, the staged copy renamed
    into place. The caller holds the database's lock. Returns where the damaged file was put."""
    db_path, src = Path(db_path), Path(backup_path)
    version, _ = backups.inspect(src)
    staged = db_path.with_name(f".{db_path.name}.khoi-phuc-{os.getpid()}.tmp")
    staged.unlink(missing_ok=True)
    try:
        with faults.said(db_path, "khôi phục"):
            source = sqlite3.connect(src.resolve().as_uri() + "?mode=ro", uri=True)
            try:
                db.copy_to(source, staged)
            finally:
                source.close()
            if version < db.LATEST:
                c = sqlite3.connect(staged)
                try:
                    c.isolation_level = None
                    db.migrate(c)
                finally:
                    c.close()
            aside = put_aside(db_path, now) if db_path.exists() else None
            os.rename(staged, db_path)
    finally:
        staged.unlink(missing_ok=True)
    return aside or db_path


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _rows(src: sqlite3.Connection, table: str, cols: list[str], lost: list[int]):
    """Every readable row of `table`, in rowid order, stepping over unreadable pages."""
    names = ", ".join(f'"{c}"' for c in cols)
    after, errors = None, 0
    while True:
        sql = (
            f'SELECT rowid, {names} FROM "{table}"'
            + (" WHERE rowid > ?" if after is not None else "")
            + " ORDER BY rowid"
        )
        try:
            for row in src.execute(sql, () if after is None else (after,)):
                after = row[0]
                yield row[1:]
            return
        except sqlite3.DatabaseError:
            errors += 1
            lost[0] += 1
            if errors > MAX_ERRORS:
                return
            if after is None:
                after = 0
            # resume past the unreadable row: further and further ahead while even the rowids cannot be read
            for jump in (2**k for k in range(48)):
                try:
                    nxt = src.execute(
                        f'SELECT rowid FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1', (after + jump - 1,)
                    ).fetchone()
                except sqlite3.DatabaseError:
                    continue
                if nxt is None:
                    return
                after = nxt[0]  # the row the cursor could not read: left out
                break
            else:
                return


def salvage(damaged: str | Path, out: str | Path) -> Salvaged:
    """What can still be read of `damaged` into a new database `out` (current schema). The damaged file is
    only read. UserError when nothing at all can be read."""
    damaged, out = Path(damaged), Path(out)
    if not damaged.is_file():
        raise UserError(f"Không tìm thấy tệp dữ liệu {one_line(damaged)}.")
    if damaged.stat().st_size == 0:
        raise UserError(
            f"Không cứu được gì từ {one_line(damaged)}: tệp rỗng (0 byte), không còn dữ liệu nào. Không tạo tệp "
            f"{one_line(out)}; tệp {one_line(damaged.name)} giữ nguyên. Hãy khôi phục một bản sao lưu nếu có."
        )
    src = None
    try:
        src = sqlite3.connect(damaged.resolve().as_uri() + "?mode=ro", uri=True)
        tables = [
            r[0]
            for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        ]
        app_id = src.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.DatabaseError as e:
        if src is not None:
            src.close()
        raise UserError(
            f"Không cứu được dữ liệu từ {one_line(damaged)}: SQLite không đọc được cả danh sách bảng "
            f"({e}). Hãy khôi phục một bản sao lưu; tệp hỏng được giữ nguyên."
        ) from e
    if app_id != db.APPLICATION_ID and not {"unit", "activities"} <= set(tables):
        src.close()  # another program's database (or an empty one): nothing of the app's to salvage
        raise UserError(
            f"Tệp {one_line(damaged)} không phải là tệp dữ liệu của ứng dụng (không có bảng đơn vị và hoạt động) "
            f"nên không có gì để cứu. Không tạo tệp {one_line(out)}; tệp {one_line(damaged.name)} giữ nguyên."
        )
    result = Salvaged(out)

    def fill(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        wanted = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in tables:
            if table not in wanted:
                continue
            try:
                cols = [c for c in _columns(src, table) if c in set(_columns(conn, table))]
            except sqlite3.DatabaseError:
                result.lost[table] = result.lost.get(table, 0) + 1
                continue
            if not cols:
                continue
            conn.execute(f'DELETE FROM "{table}"')  # the migrations' own rows: the damaged file's win
            insert = (
                f'INSERT OR IGNORE INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
                f"VALUES ({', '.join('?' * len(cols))})"
            )
            lost, n = [0], 0
            for row in _rows(src, table, cols, lost):
                try:
                    conn.execute(insert, tuple(row))
                    n += 1
                except sqlite3.IntegrityError:
                    lost[0] += 1
            result.rows[table], result.lost[table] = n, lost[0]
        # rows whose parent was lost with a damaged page would break the foreign keys: left out
        for _ in range(10):
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if not broken:
                break
            for table, rowid, _parent, _fk in broken:
                conn.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
                result.rows[table] = result.rows.get(table, 1) - 1
                result.lost[table] = result.lost.get(table, 0) + 1

    try:
        db.build(out, fill)
    finally:
        src.close()
    return result
