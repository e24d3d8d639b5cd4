"""Keeping the clerk's data: output paths that would overwrite it are refused, a damaged database is
restored from its newest good backup or salvaged into a new file. Called by the command line and the window."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import UserError
from ..files import one_line, refuse_data_target, same_file
from ..store import backups, db, recovery


def check_output(out: str | Path, db_path: str | Path | None, pdf: bool = False) -> None:
    """UserError when `out` (or, with pdf, the .pdf written beside it) is the database, one of its -wal, -shm,
    -journal or .lock files, or inside its backup folder (compared by file identity, not by name)."""
    refuse_data_target(out, db_path)
    if pdf:
        refuse_data_target(Path(out).with_suffix(".pdf"), db_path)


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
