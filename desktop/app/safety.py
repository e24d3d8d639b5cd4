"""Keeping the clerk's data: output paths that would overwrite it are refused, a damaged database is
restored from its newest good backup or salvaged into a new file. Called by the command line and the window."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import UserError
from ..files import one_line, refuse_data_target, same_file
from ..store import backups, db, recovery


def check_output(out: str | Path, db_path: str | Path | None, pdf: bool = False) -> None:
    """UserError when `out` (or, with pdf, the .pdf written beside it) is any file of the data folder: the
    database, its -wal, -shm, -journal or .lock, anything in its backup folder (sao_luu/) or its evidence
    folder (minh_chung/), a copy kept before a migration (x.v5-….db.bak) or a damaged original a restore
    kept aside (x.db.hong-…); compared by file identity (a hard link elsewhere is refused too), not by name."""
    targets = [Path(out)] + ([Path(out).with_suffix(".pdf")] if pdf else [])
    for target in targets:
        refuse_data_target(target, db_path)
        if db_path is not None:
            _refuse_kept(target, Path(db_path))


EVIDENCE_FOLDER = "minh_chung"  # app/evidence.py FOLDER


def _kept_files(db: Path) -> list[tuple[Path, str]]:
    """(file, what it is) of the copies kept beside the database: before a migration (store/db.backup_copy:
    ``<stem>.v<N>-<stamp><suffix>.bak``) and damaged originals (store/recovery.aside_name: ``<name>.hong-…``)."""
    out = []
    for d in {db, Path(os.path.realpath(db))}:
        migration = re.compile(rf"^{re.escape(d.stem)}\.v\d+-.*\.bak$")
        damaged = f"{d.name}.hong-"
        try:
            entries = list(os.scandir(d.parent))
        except OSError:
            continue
        for e in entries:
            if migration.match(e.name):
                out.append((Path(e.path), f"bản sao trước khi nâng cấp ({one_line(e.name)})"))
            elif e.name.startswith(damaged):
                out.append((Path(e.path), f"tệp dữ liệu hỏng được giữ lại ({one_line(e.name)})"))
    return out


def _within(path: Path, folder: Path) -> bool:
    try:
        base, real = os.path.realpath(folder), os.path.realpath(path)
        return os.path.isdir(base) and os.path.commonpath([base, real]) == base
    except (OSError, ValueError):
        return False


def _refuse_kept(out: Path, db: Path) -> None:
    def refused(what: str) -> UserError:
        return UserError(
            f"Không ghi văn bản vào {one_line(out)}: đó là {what} của dữ liệu {one_line(db)}, ghi vào sẽ mất "
            "dữ liệu. Hãy đặt tên tệp khác ở thư mục khác (ví dụ ke_hoach.docx trong Tài liệu); dữ liệu giữ nguyên."
        )

    folders = {db.parent, Path(os.path.realpath(db)).parent}
    for base in folders:
        if _within(out, base / EVIDENCE_FOLDER):
            raise refused("thư mục minh chứng (minh_chung)")
    try:
        st = os.stat(out)
    except OSError:
        st = None
    for kept, what in _kept_files(db):
        if same_file(out, kept):
            raise refused(what)
    if st is None or st.st_nlink < 2:  # one name only: it is in the data folder by path or not at all
        return
    for base in folders:
        for sub in (EVIDENCE_FOLDER, backups.FOLDER):
            for f in (base / sub).rglob("*"):
                try:
                    fst = f.stat()
                except OSError:
                    continue
                if (fst.st_dev, fst.st_ino) == (st.st_dev, st.st_ino):
                    what = "tệp minh chứng" if sub == EVIDENCE_FOLDER else "bản sao lưu"
                    raise refused(f"{what} ({one_line(f.relative_to(base).as_posix())})")


@dataclass
class Restored:
    backup: Path
    before: Path | None  # the backup of the state before the restore (a healthy database)
    aside: Path | None  # where the damaged file was put (a damaged database)


def restore(db_path: str | Path, backup_path: str | Path) -> Restored:
    """The database replaced by a backup. A healthy database is backed up first (“trước khi khôi phục”) and
    overwritten through SQLite; a damaged one is not opened: it is renamed aside and the backup put in its
    place. The caller holds the database's lock."""
    db_path, src = Path(db_path), Path(backup_path)
    if same_file(db_path, src):
        raise UserError(f"{one_line(src)} chính là tệp dữ liệu, không phải một bản sao lưu; dữ liệu giữ nguyên.")
    try:
        conn = db.open_db(db_path)
    except db.Damaged:
        aside = recovery.restore_damaged(db_path, src)
        return Restored(src, None, aside)
    try:
        before = backups.restore(conn, db_path, src)
    finally:
        conn.close()
    return Restored(src, before, None)


def salvage(damaged: str | Path, out: str | Path) -> recovery.Salvaged:
    """What SQLite can still read of a damaged database, into the new file `out` (never over the data)."""
    check_output(out, damaged)
    return recovery.salvage(damaged, out)


def salvage_in_place(db_path: str | Path) -> tuple[recovery.Salvaged, Path]:
    """Salvage into a new file, then the damaged file renamed aside and the salvaged one put in its place.
    Returns (what was saved, where the damaged file is). The caller holds the database's lock."""
    db_path = Path(db_path)
    staged = db_path.with_name(f".{db_path.name}.cuu-du-lieu.db")
    for f in (staged, staged.with_name(staged.name + "-journal")):
        f.unlink(missing_ok=True)
    try:
        saved = recovery.salvage(db_path, staged)
        aside = recovery.put_aside(db_path)
        staged.rename(db_path)
    finally:
        staged.unlink(missing_ok=True)
    saved.path = db_path
    return saved, aside


def set_aside(db_path: str | Path) -> Path:
    """A damaged database with nothing to restore (no good backup) renamed aside, kept, so that the app can
    start afresh at its path. Returns where it was put. The caller holds the database's lock."""
    return recovery.put_aside(Path(db_path))


def good_backups(db_path: str | Path) -> list[backups.Backup]:
    """This database's backups that pass quick_check, newest first."""
    out = []
    for b in backups.list_backups(db_path):
        try:
            if b.readable and backups.sound(b.path) == "ok":
                out.append(b)
        except sqlite3.Error:
            continue
    return out
