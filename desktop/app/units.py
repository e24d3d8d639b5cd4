"""The unit's profile and departments, as the Đơn vị screen edits them."""

from __future__ import annotations

import sqlite3

from ..domain.errors import UserError
from ..domain.text import clean
from ..store import activities, db, units


def save_profile(conn: sqlite3.Connection, name: str, abbr: str, place: str, parent_body: str) -> None:
    """The unit's name, abbreviation, place and parent body; UserError (nothing written) when one of the
    first three is blank."""
    if not (clean(name) and clean(abbr) and clean(place)):
        raise UserError("Tên đơn vị, chữ viết tắt và địa danh không được để trống.")
    with db.transaction(conn):
        units.update_profile(conn, name, abbr, place, parent_body)


def department_activity_count(conn: sqlite3.Connection, dept_id: int) -> int:
    """Activities recorded for a department (they keep no department when it is deleted)."""
    return activities.count_for_department(conn, dept_id)


def delete_department(conn: sqlite3.Connection, dept_id: int) -> None:
    with db.transaction(conn):
        units.delete_department(conn, dept_id)
