"""One open database and what is being worked on in it: the state the window and the command line hold.

A Session is the connection, the database's path, the unit's forms of activity (read from it: the
catalogue the documents, workbooks and ledger name forms with), the current plan and the current report
period. The window keeps one for its life (its plan selector and period selector are views of
`plan_id` and `period`); a command of the command line opens one, works and closes it. Nothing in it is
shared between threads: a worker opens its own connection (and reads its own forms) from `path`.

    with Session.open(path) as s:
        s.plan_id = app.resolve_plan_id(s.conn, None)
        app.write_report(s.conn, out, s.plan_id, *s.period_or_plan())
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..domain.forms import Forms
from ..store import db, faults
from .forms import load_forms


@dataclass
class Session:
    path: Path  # the database file
    conn: sqlite3.Connection  # its connection, on the thread that opened it
    forms: Forms  # the unit's forms, as read at open or at the last reload_forms()
    plan_id: int | None = None  # the current plan (None: none chosen, or no plan yet)
    period: tuple[date, date] | None = None  # the current report period (None: the plan's own)

    @classmethod
    def open(cls, path: str | Path) -> Session:
        """The database at `path` opened (checked, migrated: store.db.open_db) with its forms read."""
        return cls.of(db.open_db(path), path)

    @classmethod
    def of(cls, conn: sqlite3.Connection, path: str | Path) -> Session:
        """A session on a connection already open (the window opens it before anything else loads)."""
        return cls(Path(path), conn, load_forms(conn))

    def reload_forms(self) -> Forms:
        """The unit's forms read again (after they were added, edited or hidden)."""
        self.forms = load_forms(self.conn)
        return self.forms

    def period_or_plan(self) -> tuple[date | None, date | None]:
        """The current period, or (None, None): the plan's own period (app.compile_for decides it)."""
        return self.period if self.period is not None else (None, None)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def path_of(conn: sqlite3.Connection) -> Path | None:
    """The database file of a connection (None for one in memory): what a worker opens its own session on."""
    return faults.path_of(conn)
