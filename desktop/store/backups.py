"""Rotating backups of the database in a "sao_luu" folder next to it, and restoring one.

A backup is a complete standalone SQLite file (rollback-journal mode, no -wal needed) written
with the SQLite backup API, so it is consistent even while the window or a worker writes. It is
written under a temporary name and renamed into place: a listed backup is never half written.

File name: ``<db stem>-YYYYMMDD-HHMMSS[-n]-<reason>.db``; the date shown comes from this stamp.

Keeping policy (``prune``): the automatic backups (on start, daily) rotate, the newest ``keep`` of
them stay. The backups the clerk asked for ("Sao lưu ngay") and the ones made before a restore are
safety copies kept separately, also the newest ``keep`` of them, so a day of many starts never
rotates away the only way back from a restore. The backup just made is never deleted, nor is the
newest backup that passes quick_check; a copy that fails quick_check is never kept as a backup.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..domain.errors import UserError
from ..files import one_line
from . import db
from . import evidence as evidence_rows

FOLDER = "sao_luu"
DEFAULT_KEEP = 10

START, DAILY, MANUAL, BEFORE_RESTORE = "khoi-dong", "hang-ngay", "thu-cong", "truoc-khoi-phuc"
REASONS = {START: "khởi động", DAILY: "hằng ngày", MANUAL: "sao lưu ngay", BEFORE_RESTORE: "trước khi khôi phục"}
AUTOMATIC = (START, DAILY)

_NAME = re.compile(r"^(\d{8})-(\d{6})(?:-(\d+))?-(" + "|".join(map(re.escape, REASONS)) + r")\.db$")


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime
    reason: str
    size: int
    activities: int | None  # None: the file cannot be read as a backup of this app
    problem: str = ""  # why it cannot be read
    seq: int = 1  # several backups within one second

    @property
    def label(self) -> str:
        return REASONS[self.reason]

    @property
    def automatic(self) -> bool:
        return self.reason in AUTOMATIC

    @property
    def readable(self) -> bool:
        return self.activities is not None


def folder(db_path: str | Path) -> Path:
    return Path(db_path).resolve().parent / FOLDER


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def _write_error(e: BaseException, where: Path) -> UserError:
    """One Vietnamese line for a backup that could not be written; the live data is untouched."""
    text = str(e).lower()
    code = getattr(e, "errno", None)
    if code == errno.ENOSPC or "disk is full" in text:
        return UserError(
            f"Không sao lưu được dữ liệu: ổ đĩa chứa thư mục {where} đã đầy. Dữ liệu hiện tại không bị ảnh hưởng."
        )
    if (
        isinstance(e, PermissionError)
        or code in (errno.EACCES, errno.EPERM, errno.EROFS)
        or "readonly" in text
        or "unable to open" in text
        or isinstance(e, (FileExistsError, NotADirectoryError))
    ):
        return UserError(
            f"Không sao lưu được dữ liệu: không ghi được vào thư mục {where}. Dữ liệu hiện tại không bị ảnh hưởng."
        )
    return UserError(
        f"Không sao lưu được dữ liệu vào thư mục {where}: {getattr(e, 'strerror', None) or e}. "
        "Dữ liệu hiện tại không bị ảnh hưởng."
    )


def _target(db_path: Path, reason: str, now: datetime) -> Path:
    out = folder(db_path)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    dest = out / f"{db_path.stem}-{stamp}-{reason}.db"
    n = 1
    while dest.exists() or dest.with_name(dest.name + ".part").exists():
        n += 1
        dest = out / f"{db_path.stem}-{stamp}-{n}-{reason}.db"
    return dest


def make_backup(conn: sqlite3.Connection, db_path: str | Path, reason: str, now: datetime | None = None) -> Path:
    """A consistent copy of the open database into the backup folder; UserError when it cannot be written."""
    if reason not in REASONS:
        raise ValueError(reason)
    db_path = Path(db_path)
    where = folder(db_path)
    try:
        where.mkdir(parents=True, exist_ok=True)
        dest = _target(db_path, reason, now or datetime.now())
        part = dest.with_name(dest.name + ".part")
        try:
            db.copy_to(conn, part)
            problem = sound(part)
            if problem != "ok":  # a damaged database never becomes a backup, nor pushes good ones out
                raise UserError(
                    f"Không sao lưu: bản sao của dữ liệu {db_path.name} không qua kiểm tra của SQLite "
                    f"({problem[:100]}), có thể dữ liệu đã bị hỏng. Các bản sao lưu cũ được giữ nguyên."
                )
            snapshot_evidence(db_path, dest)
            os.replace(part, dest)
        finally:
            part.unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as e:
        raise _write_error(e, where) from e
    return dest


def sound(path: Path) -> str:
    """ "ok" when the file passes PRAGMA quick_check, else why not."""
    try:
        conn = _ro(path)
    except sqlite3.Error as e:
        return str(e)
    try:
        return db.check(conn)
    except sqlite3.Error as e:
        return str(e)
    finally:
        conn.close()


def newest_good(db_path: str | Path) -> Backup | None:
    """The newest backup of this database that is readable and passes quick_check (None: there is none)."""
    for b in list_backups(db_path):
        if b.readable and sound(b.path) == "ok":
            return b
    return None


def inspect(path: str | Path) -> tuple[int, int]:
    """(schema version, activity count) of a backup file, after a full integrity check.
    UserError (saying the live data stays as it is) for a damaged or foreign file."""
    p = Path(path)
    if not p.is_file():
        raise UserError(f"Không tìm thấy bản sao lưu {p}; dữ liệu hiện tại giữ nguyên.")
    try:
        conn = _ro(p)
    except sqlite3.Error as e:
        raise UserError(f"Không mở được bản sao lưu {p.name} ({e}); dữ liệu hiện tại giữ nguyên.") from e
    try:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as e:
            raise UserError(
                f"Tệp {p.name} bị hỏng hoặc không phải là tệp dữ liệu, nên không khôi phục được; "
                "dữ liệu hiện tại giữ nguyên."
            ) from e
        if app_id != db.APPLICATION_ID:
            raise UserError(f"Tệp {p.name} không phải là bản sao lưu của ứng dụng; dữ liệu hiện tại giữ nguyên.")
        if version > db.LATEST:
            raise UserError(
                f"Bản sao lưu {p.name} do phiên bản mới hơn của ứng dụng tạo ra; hãy cập nhật ứng dụng "
                "rồi khôi phục. Dữ liệu hiện tại giữ nguyên."
            )
        try:
            check = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
            count = conn.execute("SELECT count(*) FROM activities").fetchone()[0]
        except sqlite3.DatabaseError as e:
            check, count = [str(e)], None
        if check != ["ok"] or count is None:
            raise UserError(f"Bản sao lưu {p.name} bị hỏng nên không khôi phục được; dữ liệu hiện tại giữ nguyên.")
        try:
            bad = evidence_rows.bad_rows(conn)
        except sqlite3.DatabaseError as e:
            raise UserError(
                f"Bản sao lưu {p.name} bị hỏng nên không khôi phục được; dữ liệu hiện tại giữ nguyên."
            ) from e
        if bad:
            rid, aid, stored, why = bad[0]
            raise UserError(
                f"Bản sao lưu {one_line(p.name)} có tệp minh chứng không hợp lệ (dòng {rid} của bảng minh chứng, "
                f"hoạt động {aid}: “{one_line(stored)}”, {why}), nên không khôi phục được; dữ liệu hiện tại "
                "giữ nguyên."
            )
        return version, count
    finally:
        conn.close()


def _parse(db_path: Path, f: Path) -> tuple[datetime, int, str] | None:
    prefix = db_path.stem + "-"
    if not f.name.startswith(prefix):
        return None
    m = _NAME.match(f.name[len(prefix) :])
    if not m:
        return None
    try:
        when = datetime.strptime(m[1] + m[2], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return when, int(m[3] or 1), m[4]


def list_backups(db_path: str | Path, *, counts: bool = True) -> list[Backup]:
    """This database's backups, newest first; a damaged or foreign file is listed as unreadable."""
    db_path = Path(db_path)
    where = folder(db_path)
    if not where.is_dir():
        return []
    out = []
    for f in where.iterdir():
        parsed = _parse(db_path, f)
        if parsed is None or not f.is_file():
            continue
        when, seq, reason = parsed
        try:
            size = f.stat().st_size
        except OSError:
            continue
        n, problem = None, ""
        if counts:
            n, problem = _count(f)
        out.append(Backup(f, when, reason, size, n, problem, seq))
    out.sort(key=lambda b: (b.created, b.seq, b.path.name), reverse=True)
    return out


def _count(f: Path) -> tuple[int | None, str]:
    try:
        conn = _ro(f)
    except sqlite3.Error:
        return None, "không mở được"
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != db.APPLICATION_ID:
            return None, "không phải tệp của ứng dụng"
        return conn.execute("SELECT count(*) FROM activities").fetchone()[0], ""
    except sqlite3.Error:
        return None, "tệp bị hỏng"
    finally:
        conn.close()


def prune(db_path: str | Path, keep: int = DEFAULT_KEEP, protect: Path | None = None) -> list[Path]:
    """Delete all but the newest `keep` automatic backups, and all but the newest `keep` safety
    backups (manual, before a restore); `protect` (the backup just made) and the newest sound backup stay. Returns the
    deleted files; a file that cannot be deleted is left for the next time."""
    keep = max(1, int(keep))
    backups = list_backups(db_path, counts=False)
    protected = {Path(protect).resolve()} if protect else set()
    good = newest_good(db_path)  # the newest sound backup is never rotated away, whatever came after it
    if good is not None:
        protected.add(good.path.resolve())
    deleted = []
    for group in (True, False):
        for b in [b for b in backups if b.automatic is group][keep:]:
            if b.path.resolve() in protected:
                continue
            try:
                b.path.unlink()
            except OSError:
                continue
            deleted.append(b.path)
    prune_evidence(db_path)
    return deleted


def due_daily(db_path: str | Path, today: date) -> bool:
    """True when this database has no backup stamped `today` (of any kind: each is a full copy)."""
    return not any(b.created.date() == today for b in list_backups(db_path, counts=False))


def restore(
    conn: sqlite3.Connection, db_path: str | Path, backup_path: str | Path, now: datetime | None = None
) -> Path:
    """Replace the live data by a backup, through the open connection `conn` (the backup API writes
    into the WAL, so the window's connection and any reader stay consistent).

    The backup is checked first (integrity, application, schema version) and an older schema is
    migrated on a temporary copy; then the current state is backed up ("trước khi khôi phục");
    only then is the live database overwritten. Any refusal leaves the live data untouched.
    Returns the path of the backup of the state before the restore."""
    db_path, src = Path(db_path), Path(backup_path)
    version, _ = inspect(src)
    where = folder(db_path)
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise _write_error(e, where) from e
    tmp = where / f".{db_path.stem}-khoi-phuc-{os.getpid()}.tmp"
    try:
        tmp.unlink(missing_ok=True)
        try:
            source = _ro(src)
            try:
                db.copy_to(source, tmp)
            finally:
                source.close()
        except (OSError, sqlite3.Error) as e:
            raise _write_error(e, where) from e
        staged = sqlite3.connect(tmp)
        try:
            staged.isolation_level = None
            if version < db.LATEST:
                try:
                    db.migrate(staged)
                except UserError as e:
                    raise UserError(
                        f"Không nâng cấp được bản sao lưu {src.name} lên phiên bản hiện tại ({e}); "
                        "dữ liệu hiện tại giữ nguyên."
                    ) from e
            # a WAL database only takes a backup of its own page size
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
            if staged.execute("PRAGMA page_size").fetchone()[0] != page_size:
                staged.execute(f"PRAGMA page_size = {int(page_size)}")
                staged.execute("VACUUM")
            evidence = stage_evidence(db_path, src)
            before = make_backup(conn, db_path, BEFORE_RESTORE, now)
            aside = swap_evidence(db_path, evidence, now)
            try:
                staged.backup(conn)
            except sqlite3.Error as e:
                unswap_evidence(db_path, evidence, aside)
                raise UserError(
                    f"Không khôi phục được từ {src.name} ({e}); dữ liệu hiện tại giữ nguyên, "
                    f"bản sao lưu trước khi khôi phục: {before.name}."
                ) from e
        finally:
            staged.close()
    finally:
        drop_staged_evidence(db_path)
        tmp.unlink(missing_ok=True)
        for extra in ("-journal", "-wal", "-shm"):
            tmp.with_name(tmp.name + extra).unlink(missing_ok=True)
    return before


# ---------------------------------------------------------------- evidence (minh chứng) with the backups
# Each backup `X.db` that was made while the data folder had an evidence folder gets `X.db.minh_chung.json`,
# the list of its files (path under minh_chung/, size, sha256). The files themselves are kept once each, by
# content, in sao_luu/minh_chung/<sha256[:2]>/<sha256>: a backup copies only what is new. A restore builds the
# backup's evidence folder beside the live one, then swaps them (the current one kept aside in sao_luu/).

EVIDENCE = "minh_chung"  # app/evidence.py FOLDER
MANIFEST = ".minh_chung.json"


def evidence_folder(db_path: str | Path) -> Path:
    return Path(db_path).resolve().parent / EVIDENCE


def evidence_manifest(backup: str | Path) -> Path:
    backup = Path(backup)
    return backup.with_name(backup.name + MANIFEST)


def _objects(db_path: Path) -> Path:
    return folder(db_path) / EVIDENCE


def _read_manifest(path: Path) -> dict[str, dict] | None:
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {e["path"]: e for e in data["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _hash_into(src: Path, store: Path) -> tuple[str, int]:
    """Copy `src` into the content store while hashing it; (sha256, size)."""
    import hashlib

    store.mkdir(parents=True, exist_ok=True)
    tmp = store / f".{os.getpid()}.part"
    digest, size = hashlib.sha256(), 0
    try:
        with open(src, "rb") as fin, open(tmp, "wb") as out:
            while block := fin.read(1 << 20):
                out.write(block)
                digest.update(block)
                size += len(block)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        dest = store / sha[:2] / sha
        if not dest.is_file():
            dest.parent.mkdir(exist_ok=True)
            os.replace(tmp, dest)
        return sha, size
    finally:
        tmp.unlink(missing_ok=True)


def snapshot_evidence(db_path: str | Path, backup: str | Path) -> int | None:
    """The evidence folder recorded for `backup` (its manifest; new files into the content store). None when
    the data folder has no evidence folder (nothing is written then). OSError when it cannot be written."""
    import json

    db_path = Path(db_path)
    src = evidence_folder(db_path)
    if not src.is_dir():
        return None
    store = _objects(db_path)
    previous: dict[str, dict] = {}
    manifests = sorted(folder(db_path).glob(f"{db_path.stem}-*{MANIFEST}"), key=lambda p: p.stat().st_mtime_ns)
    if manifests:
        previous = _read_manifest(manifests[-1]) or {}
    entries = []
    for f in sorted(src.rglob("*")):
        if not f.is_file() or f.is_symlink() or f.name.startswith("."):  # a link; a copy in progress (".name.part")
            continue
        rel = f.relative_to(src).as_posix()
        if evidence_rows.path_problem(rel) is not None:  # a name a restore would refuse: not recorded
            continue
        st = f.stat()
        old = previous.get(rel)
        if (
            old
            and evidence_rows.SHA256.match(str(old.get("sha256")))
            and old.get("size") == st.st_size
            and old.get("mtime_ns") == st.st_mtime_ns
            and (store / old["sha256"][:2] / old["sha256"]).is_file()
        ):
            sha, size = old["sha256"], st.st_size
        else:
            sha, size = _hash_into(f, store)
        entries.append({"path": rel, "size": size, "sha256": sha, "mtime_ns": st.st_mtime_ns})
    out = evidence_manifest(backup)
    part = out.with_name(out.name + ".part")
    try:
        part.write_text(json.dumps({"version": 1, "files": entries}, ensure_ascii=False, indent=0), encoding="utf-8")
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    return len(entries)


def _staging(db_path: Path) -> Path:
    return Path(db_path).resolve().parent / f".{EVIDENCE}-khoi-phuc-{os.getpid()}"


def _refused(backup, rel, why: str) -> UserError:
    return UserError(
        f"Bản sao lưu {one_line(Path(backup).name)} có mục minh chứng không hợp lệ “{one_line(rel)}” ({why}), "
        "nên không khôi phục được; dữ liệu hiện tại giữ nguyên."
    )


def stage_evidence(db_path: str | Path, backup: str | Path) -> Path | None:
    """The evidence folder of `backup` built beside the live one (None: the backup has no manifest, the
    evidence stays as it is). UserError, nothing changed, when an entry is not a plain path under the
    evidence folder, its stored file is missing, is a link, or its content is not the recorded one."""
    db_path = Path(db_path)
    entries = _read_manifest(evidence_manifest(backup))
    if entries is None:
        return None
    stage = _staging(db_path)
    drop_staged_evidence(db_path)
    store = _objects(db_path)
    try:
        stage.mkdir()
        for rel, e in entries.items():
            why = evidence_rows.path_problem(rel)
            sha = e.get("sha256") if isinstance(e, dict) else None
            if why is not None:
                raise _refused(backup, rel, why)
            if not (isinstance(sha, str) and evidence_rows.SHA256.match(sha)):
                raise _refused(backup, rel, "mã sha256 không hợp lệ")
            target = stage.joinpath(*rel.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            if evidence_rows.under(stage, rel, None) is None:
                raise _refused(backup, rel, "đường dẫn ra ngoài thư mục minh chứng")
            if not evidence_rows.copy_checked(store / sha[:2] / sha, target, sha):
                raise UserError(
                    f"Bản sao lưu {one_line(Path(backup).name)} thiếu tệp minh chứng {one_line(rel)} (hoặc tệp đã "
                    "lưu không còn đúng nội dung), nên không khôi phục được; dữ liệu hiện tại giữ nguyên."
                )
    except OSError as e:
        drop_staged_evidence(db_path)
        raise UserError(
            f"Không khôi phục được thư mục minh chứng từ bản sao lưu {one_line(Path(backup).name)} "
            f"({e.strerror or e}); dữ liệu hiện tại giữ nguyên."
        ) from e
    except BaseException:
        drop_staged_evidence(db_path)
        raise
    return stage


def drop_staged_evidence(db_path: str | Path) -> None:
    import shutil

    stage = _staging(Path(db_path))
    if stage.exists():
        shutil.rmtree(stage, ignore_errors=True)


def swap_evidence(db_path: str | Path, stage: Path | None, now: datetime | None = None) -> Path | None:
    """The staged folder in place of the live evidence folder, the current one moved into sao_luu/
    (returned). Nothing changed (UserError) when the current folder cannot be moved (a file open?)."""
    if stage is None:
        return None
    live = evidence_folder(db_path)
    aside = None
    if live.exists():
        aside = folder(db_path) / f"{EVIDENCE}-truoc-khoi-phuc-{(now or datetime.now()):%Y%m%d-%H%M%S}"
        n = 1
        while aside.exists():
            n += 1
            aside = aside.with_name(f"{aside.name.rsplit('~', 1)[0]}~{n}")
        try:
            os.replace(live, aside)
        except OSError as e:
            raise UserError(
                f"Không khôi phục được: không chuyển được thư mục minh chứng {live} ({e.strerror or e}); "
                "có thể một tệp minh chứng đang mở. Hãy đóng tệp rồi thử lại; dữ liệu hiện tại "
                "giữ nguyên."
            ) from e
    try:
        os.replace(stage, live)
    except OSError as e:
        if aside is not None:
            os.replace(aside, live)
        raise UserError(
            f"Không khôi phục được thư mục minh chứng {live} ({e.strerror or e}); dữ liệu hiện tại giữ nguyên."
        ) from e
    return aside


def unswap_evidence(db_path: str | Path, stage: Path | None, aside: Path | None) -> None:
    """Undo swap_evidence (the database restore failed after it)."""
    if stage is None:
        return
    live = evidence_folder(db_path)
    try:
        if live.exists():
            os.replace(live, stage)
        if aside is not None:
            os.replace(aside, live)
    except OSError:
        pass


def prune_evidence(db_path: str | Path) -> None:
    """Manifests whose backup is gone, then stored files no manifest names, deleted (best effort)."""
    where = folder(db_path)
    if not where.is_dir():
        return
    used: set[str] = set()
    for m in where.glob(f"*{MANIFEST}"):
        if not m.with_name(m.name[: -len(MANIFEST)]).exists():
            m.unlink(missing_ok=True)
            continue
        used |= {e["sha256"] for e in (_read_manifest(m) or {}).values()}
    store = _objects(Path(db_path))
    if not store.is_dir():
        return
    for obj in store.glob("*/*"):
        if obj.is_file() and obj.name not in used:
            try:
                obj.unlink()
            except OSError:
                pass
