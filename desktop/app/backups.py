"""The backups of the clerk's database, as the window takes them: automatic (at start, then daily), by hand
(Tệp › Sao lưu và khôi phục › Sao lưu ngay), listed and restored. Copies through SQLite's backup API with the
evidence files (store/backups.py); a damaged database is restored or salvaged by app/safety.py."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from ..store import backups as copies
from ..store.backups import DAILY, DEFAULT_KEEP, MANUAL, START, Backup, folder, inspect, list_backups

__all__ = [
    "DAILY",
    "DEFAULT_KEEP",
    "MANUAL",
    "START",
    "Backup",
    "automatic",
    "by_hand",
    "due",
    "folder",
    "inspect",
    "list_backups",
    "restore",
]


def automatic(conn: sqlite3.Connection, db_path: str | Path, reason: str, keep: int = DEFAULT_KEEP) -> Path:
    """An automatic backup (START or DAILY), then the rotation: all but the newest `keep` automatic backups
    deleted, never the one just made nor the newest sound one. Returns the new backup; UserError or OSError
    when it cannot be written (the data is untouched)."""
    made = copies.make_backup(conn, db_path, reason)
    copies.prune(db_path, keep, protect=made)
    return made


def by_hand(conn: sqlite3.Connection, db_path: str | Path) -> Path:
    """A backup the clerk asked for (kept apart from the rotating automatic ones)."""
    return copies.make_backup(conn, db_path, MANUAL)


def due(db_path: str | Path, today: date) -> bool:
    """The day's backup is due: no backup of this database is stamped `today`; True when the folder cannot
    be read (a backup is tried, and its failure said)."""
    try:
        return copies.due_daily(db_path, today)
    except OSError:
        return True


def restore(conn: sqlite3.Connection, db_path: str | Path, backup: str | Path) -> Path:
    """The live data (open on `conn`) replaced by a backup, checked first; the current state is backed up
    before (returned: the “trước khi khôi phục” copy). Any refusal (UserError) leaves the data untouched."""
    return copies.restore(conn, db_path, backup)
