"""The ledger's writes (Hoạt động): add, edit, delete, restore (the undo of a delete), move to another plan,
confirm the plan the upgrade guessed. Each is one transaction, and each returns the activities as stored, so
that what the window shows is what the database holds.

Rules decided here or below, not in the window:
- an activity under a task serves that task's plan: the store's triggers set plan_id (and clear
  plan_guessed) whenever task_id is written (migration 0004); the activities returned carry it;
- deleting an activity deletes its evidence rows and moves its files to the evidence folder's _da_xoa
  (app/evidence.py); restoring puts the activity back with its id, and its files and their rows with it,
  in one transaction;
- moving to another plan keeps a task only when it belongs to that plan."""

from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import dataclass, field

from ..domain.models import Activity
from ..store import activities as rows
from ..store import db
from . import evidence


@dataclass
class Deleted:
    """Activities as their deletion left them, with their evidence files (for restore)."""

    activities: list[Activity]
    trashed: dict[int, evidence.Trashed] = field(default_factory=dict)

    def files(self, activity_id: int) -> int:
        """How many evidence files of the activity a restore brings back (at most)."""
        t = self.trashed.get(activity_id)
        return len(t.files) if t else 0


def load(conn: sqlite3.Connection, plan_id: int | None = None) -> list[Activity]:
    """The ledger: the activities of one plan (None: of every plan), in date order."""
    return rows.load_activities(conn, plan_id=plan_id)


def count(conn: sqlite3.Connection) -> int:
    """How many activities the database holds (every plan's)."""
    return rows.count_activities(conn)


def _stored(conn: sqlite3.Connection, acts: list[Activity]) -> list[Activity]:
    return rows.activities_by_id(conn, [a.id for a in acts if a.id is not None])


def add(conn: sqlite3.Connection, acts: list[Activity]) -> list[Activity]:
    """New activities (their id None; a copy of an activity is made with id None), in one transaction.
    Returns them as stored: with their ids, and under a task with the task's plan."""
    new = [dataclasses.replace(a, id=None) for a in acts]
    with db.transaction(conn):
        for a in new:
            rows.insert_activities(conn, [a])
    return _stored(conn, new)


def edit(conn: sqlite3.Connection, acts: list[Activity]) -> list[Activity]:
    """The activities saved as given (the undo of an edit saves the former ones), in one transaction."""
    with db.transaction(conn):
        for a in acts:
            rows.update_activity(conn, a)
    return _stored(conn, acts)


def delete(conn: sqlite3.Connection, acts: list[Activity]) -> Deleted:
    """The activities deleted with their evidence rows, their files moved aside (app.evidence); what a restore
    needs to put everything back."""
    ids = [a.id for a in acts if a.id is not None]  # all of them: the ledger's rows are stored
    return Deleted(list(acts), evidence.delete_activities(conn, ids))


def restore(conn: sqlite3.Connection, deleted: Deleted) -> list[Activity]:
    """The undo of a delete: the activities back with their ids, their files and evidence rows with them, in
    one transaction."""
    with db.transaction(conn):
        rows.restore_activities(conn, deleted.activities)
        evidence.bring_back(conn, deleted.trashed)
    return _stored(conn, deleted.activities)


def confirmed(acts: list[Activity]) -> list[Activity]:
    """The activities as they are once the clerk confirmed the plan the upgrade chose (nothing written)."""
    return [dataclasses.replace(a, plan_guessed=False) for a in acts]


def confirm_guessed(conn: sqlite3.Connection, acts: list[Activity]) -> list[Activity]:
    """The activities do serve the plan the upgrade chose for them: no longer to check."""
    return edit(conn, confirmed(acts))


def moved_to_plan(conn: sqlite3.Connection, acts: list[Activity], plan_id: int) -> list[Activity]:
    """The activities as they are once they serve `plan_id` (nothing written): the plan checked, a task kept
    only when it belongs to that plan."""
    plan_of = rows.task_plans(conn, [a.task_id for a in acts if a.task_id is not None])
    return [
        dataclasses.replace(
            a,
            plan_id=plan_id,
            plan_guessed=False,
            task_id=a.task_id if a.task_id is not None and plan_of.get(a.task_id) == plan_id else None,
        )
        for a in acts
    ]


def move_to_plan(conn: sqlite3.Connection, acts: list[Activity], plan_id: int) -> list[Activity]:
    """The activities serve another plan (they leave a task of their former plan), in one transaction."""
    return edit(conn, moved_to_plan(conn, acts, plan_id))
