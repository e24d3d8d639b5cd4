"""The SQLite file: opening (checked: quick_check at every open, integrity_check once a day), numbered
migrations (PRAGMA user_version), atomic creation, transactions; known faults said in Vietnamese."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from ..domain.errors import UserError
from ..files import one_line
from . import faults, fs
from .faults import StoreFault

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


class Damaged(UserError):
    """The database fails SQLite's check. `backup` is the newest backup that passes it (or None); the
    damaged file is left exactly as it is (recovery moves it aside, never overwrites it)."""

    def __init__(self, path: Path, problem: str, backup=None, empty: bool = False):
        self.path, self.problem, self.backup, self.empty = Path(path), problem, backup, empty
        super().__init__(damaged_message(self.path, problem, backup, empty))


EMPTY = "tệp rỗng (0 byte), không còn dữ liệu nào"
ZEROED = "phần đầu tệp đã bị xoá trắng (toàn số 0)"
NOT_SQLITE = "phần đầu tệp không còn là của một cơ sở dữ liệu"
HEADER = b"SQLite format 3\x00"


def damaged_message(path: Path, problem: str, backup, empty: bool = False) -> str:
    p = one_line(path)
    text = (
        f"Tệp dữ liệu {p} bị hỏng ({one_line(problem)[:120]}); ứng dụng không ghi gì vào tệp này "
        "và không sao lưu đè lên các bản sao lưu tốt."
    )
    if backup is None and empty:
        return text + (
            " Tệp không có bản sao lưu nào nên không có gì để khôi phục hay cứu. Mở cửa sổ ứng dụng để bắt đầu "
            "lại với dữ liệu mới: tệp rỗng được đổi tên và giữ lại bên cạnh, không bị xoá."
        )
    if backup is not None:
        text += (
            f" Bản sao lưu tốt mới nhất: {backup.path.name} ({backup.created:%d/%m/%Y %H:%M}, "
            f"{backup.activities} hoạt động). Để khôi phục: mở cửa sổ ứng dụng và chọn “Khôi phục bản sao lưu”, "
            f'hoặc chạy lệnh: python -m desktop restore --db "{p}" --from "{one_line(backup.path)}".'
        )
    else:
        text += (
            " Không có bản sao lưu tốt nào. Có thể cứu phần còn đọc được sang tệp mới bằng lệnh: "
            f'python -m desktop salvage --db "{p}" --out TỆP_MỚI.db.'
        )
    return text + " Tệp hỏng được giữ nguyên để chuyên viên kiểm tra."


def _configure(conn: sqlite3.Connection, path: Path | None = None) -> sqlite3.Connection:
    conn.isolation_level = None  # explicit transactions only (see transaction())
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    # A year of records: a power cut must never lose a committed action nor corrupt the file. WAL needs
    # shared memory between the processes of one machine: on a network share, the rollback journal.
    network = path is not None and fs.is_network(path)
    conn.execute("PRAGMA journal_mode = DELETE" if network else "PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def backup_copy(conn: sqlite3.Connection, path: Path, tag: str) -> Path:
    """A consistent copy of the open database next to it (SQLite backup API), written whole or not at all:
    copied under a temporary name, flushed to the disk, then renamed. A process killed during the copy leaves
    only its temporary file (never a .bak), removed by the next copy."""
    from .atomic import clean_leftovers, staged

    clean_leftovers(path, lambda name: name.startswith(f"{path.stem}.") and name.endswith(".bak"))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    n = 1
    while True:
        dest = path.with_name(f"{path.stem}.{tag}-{stamp}{f'-{n}' if n > 1 else ''}{path.suffix or '.db'}.bak")
        n += 1
        if dest.exists():
            continue
        try:
            with staged(dest) as tmp:
                copy_to(conn, tmp)
            return dest
        except UserError:
            if n > 50 or not dest.exists():
                raise
            # another process opening the same old file took this name meanwhile: the next name


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


def check(conn: sqlite3.Connection, full: bool = False) -> str:
    """ "ok", or SQLite's first complaint: PRAGMA quick_check (full=True: integrity_check)."""
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {'integrity_check' if full else 'quick_check'}(5)")]
    except sqlite3.DatabaseError as e:
        if faults.kind_of(e) in (faults.IO, faults.OPEN, faults.BUSY):
            raise
        return str(e)
    return "ok" if rows == ["ok"] else "; ".join(map(str, rows))


def _statements(sql: str) -> list[str]:
    """The statements of a migration script (triggers' BEGIN … END kept whole)."""
    out, buf = [], ""
    for piece in sql.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \t\r\n;"):
                out.append(buf)
            buf = ""
    if buf.strip(" \t\r\n;"):
        out.append(buf)
    return out


def version_of(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, path: Path | None = None, upto: int | None = None) -> int:
    """Bring the schema to `upto` (default: latest), each migration in its own transaction, taken with BEGIN
    IMMEDIATE and the version read again inside it: two processes opening an old file at once migrate it
    once. An existing database is copied aside before its first migration. Returns the new version."""
    current = version_of(conn)
    target = LATEST if upto is None else upto
    if not [m for m in migrations() if current < m[0] <= target]:
        return current
    if current > 0 and path is not None:
        with faults.said(path, "sao lưu trước khi nâng cấp"):
            backup_copy(conn, path, f"v{current}")
    for version, name, sql in migrations():
        if not current < version <= target:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            if version_of(conn) >= version:  # another process did it meanwhile
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            known = faults.fault(e, path or "?", "nâng cấp")
            if known is not None:
                raise known from e
            raise UserError(f"Không nâng cấp được cơ sở dữ liệu ({name}): {e}") from e
    return target


def needs_migration(path: str | Path) -> bool:
    """Whether opening `path` would migrate it (read without writing; False when it cannot be read)."""
    try:
        c = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    except (sqlite3.Error, OSError):
        return False
    try:
        return 0 < version_of(c) < LATEST
    except sqlite3.Error:
        return False
    finally:
        c.close()


def _new_file(p: Path) -> None:
    if p.exists():
        raise UserError(f"Tệp {one_line(p)} đã tồn tại; hãy chọn tên khác (ứng dụng không ghi đè dữ liệu).")
    if not p.parent.exists():
        raise UserError(f"Thư mục {one_line(p.parent)} không tồn tại.")


def create(path: str | Path) -> sqlite3.Connection:
    """A new database at `path` (refuses an existing file); the schema is built aside and renamed into place."""
    p = Path(path)
    build(p, lambda conn: None)
    return open_db(p)


def build(path: str | Path, fill) -> None:
    """A new database at `path` made whole or not at all: the schema and fill(conn) (one transaction) go into
    a temporary file beside it, which is renamed into place only when complete. A failure, a full disk or a
    killed process leaves no file at `path` (a killed one's temporary file is removed by the next build)."""
    from .atomic import staged

    p = Path(path)
    _new_file(p)
    with staged(p) as tmp:
        with faults.said(p, "tạo"):
            conn = sqlite3.connect(tmp)
            try:
                conn.isolation_level = None
                conn.row_factory = sqlite3.Row
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA journal_mode = DELETE")  # one file: nothing beside it to rename
                conn.execute("PRAGMA synchronous = FULL")
                try:
                    migrate(conn)
                    with transaction(conn):
                        fill(conn)
                except StoreFault as e:  # said of the temporary file: say it of the database being made
                    raise StoreFault(faults.message(e.kind, p, "tạo"), e.kind, p) from e
                except sqlite3.Error as e:
                    if faults.kind_of(e):
                        raise
                    raise UserError(f"Không tạo được tệp dữ liệu {one_line(p)}: {e}") from e
                if not fs.is_network(p.parent):  # the header says WAL, as every open will set it
                    conn.execute("PRAGMA journal_mode = WAL")
            finally:
                conn.close()


def _writable(p: Path) -> None:
    folder = p.parent
    if not os.access(p, os.W_OK) or not os.access(folder, os.W_OK):
        where = p if not os.access(p, os.W_OK) else folder
        raise StoreFault(
            f"Tệp dữ liệu {one_line(p)} không sửa được: {one_line(where)} chỉ cho đọc hoặc bị khoá "
            "không cho sửa (thuộc tính chỉ đọc, ổ đĩa chống ghi, không có quyền ghi). Dữ liệu không thay "
            "đổi; hãy bỏ thuộc tính chỉ đọc hoặc chép dữ liệu sang thư mục khác rồi mở lại.",
            faults.READONLY,
            p,
        )


def _stamp(p: Path) -> Path:
    """Where the day of the last full check of `p` is kept: the per-user data folder, one file per database."""
    import hashlib

    from ..paths import data_dir

    key = hashlib.sha1(os.path.normcase(str(p.resolve())).encode("utf-8", "replace")).hexdigest()[:16]
    return data_dir() / "kiem_tra" / f"{key}.txt"


def _full_check_due(p: Path, today: date) -> bool:
    try:
        return _stamp(p).read_text(encoding="ascii").strip() != today.isoformat()
    except (OSError, ValueError):
        return True


def _mark_checked(p: Path, today: date) -> None:
    try:
        _stamp(p).parent.mkdir(parents=True, exist_ok=True)
        _stamp(p).write_text(today.isoformat(), encoding="ascii")
    except OSError:
        pass  # checked again next time


def _damaged(p: Path, problem: str) -> Damaged:
    from .backups import newest_good

    try:
        good = newest_good(p)
    except (OSError, sqlite3.Error, UserError):
        good = None
    return Damaged(p, problem, good)


def _check_header(p: Path) -> None:
    """Damaged for a file that is empty or whose header is gone (zeroed, or junk over a database that has
    backups): what SQLite would call "not a database" is, at the path of the app's data, damage to recover
    from. A file that never was the app's (no backup of it, not SQLite) is left to the foreign-file refusal."""
    with faults.said(p, "mở"):
        with open(p, "rb") as f:
            head = f.read(100)
    if head.startswith(HEADER):
        return
    if not head:
        e = _damaged(p, EMPTY)
        raise Damaged(p, EMPTY, e.backup, empty=True)
    if len(head) == 100 and not any(head):
        raise _damaged(p, ZEROED)
    e = _damaged(p, NOT_SQLITE)
    if e.backup is not None:
        raise e


def open_db(path: str | Path, *, create_missing: bool = False, today: date | None = None) -> sqlite3.Connection:
    """Open an existing database of this app, checked (quick_check; integrity_check on the day's first open),
    migrating it if it is older. Damaged for a file that fails the check; StoreFault for a disk fault."""
    p = Path(path)
    if not p.exists():
        if create_missing:
            return create(p)
        raise UserError(f"Không tìm thấy tệp dữ liệu {one_line(p)}.")
    if p.is_dir():
        raise UserError(f"{one_line(p)} là một thư mục, không phải tệp dữ liệu.")
    _writable(p)
    _check_header(p)
    conn = None
    try:
        with faults.said(p, "mở"):
            conn = sqlite3.connect(p.resolve().as_uri() + "?mode=rw", uri=True)
            try:
                app_id, version = conn.execute("PRAGMA application_id").fetchone()[0], version_of(conn)
            except sqlite3.DatabaseError as e:
                if faults.kind_of(e) is None and "malformed" in str(e).lower():
                    raise _damaged(p, str(e)) from e
                if faults.kind_of(e) is None:
                    raise UserError(f"Tệp {one_line(p)} không phải là tệp dữ liệu của ứng dụng ({e}).") from e
                raise
            if app_id != APPLICATION_ID:
                raise UserError(f"Tệp {one_line(p)} không phải là tệp dữ liệu của ứng dụng.")
            if version > LATEST:
                raise UserError(
                    f"Tệp {one_line(p)} được tạo bởi phiên bản mới hơn của ứng dụng; hãy cập nhật ứng dụng."
                )
            today = today or date.today()
            full = _full_check_due(p, today)
            problem = check(conn, full)
            if problem != "ok":
                raise _damaged(p, problem)
            if full:
                _mark_checked(p, today)
            _configure(conn, p)
            migrate(conn, p)
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return conn


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The id SQLite gave the row the INSERT on `cur` just wrote. The sqlite3 module types it as optional
    (None on a cursor that has run nothing); after the callers' INSERTs it is always set, so None is a
    bug, raised here rather than stored as a NULL id."""
    if cur.lastrowid is None:
        raise RuntimeError("the INSERT wrote no row: no id to return")
    return cur.lastrowid


@contextmanager
def transaction(conn: sqlite3.Connection):
    """One user action = one transaction: all of it is written, or none. A disk fault (full, read-only,
    I/O error, busy) is said as a StoreFault naming the file: SQLite has rolled the action back (or the
    rollback here did), the data is as it was before the action."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        _raise_fault(e, conn, "bắt đầu lưu")
        raise
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as e:
        if conn.in_transaction:  # SQLite may have rolled back on its own (a full disk, an I/O error)
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        if isinstance(e, sqlite3.OperationalError):
            _raise_fault(e, conn, "lưu")
        raise


def _raise_fault(e: sqlite3.Error, conn: sqlite3.Connection, doing: str) -> None:
    f = faults.fault(e, faults.path_of(conn) or "?", doing)
    if f is not None:
        raise f from e
