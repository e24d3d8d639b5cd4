"""The unit's profile, departments, signers and recipients, as the Đơn vị screen edits them: each change
one transaction."""

from __future__ import annotations

import sqlite3

from ..domain.errors import UserError
from ..domain.models import Department, Signer, Unit
from ..domain.text import clean
from ..store import activities, db, units


def save_profile(conn: sqlite3.Connection, name: str, abbr: str, place: str, parent_body: str) -> None:
    """The unit's name, abbreviation, place and parent body; UserError (nothing written) when one of the
    first three is blank."""
    if not (clean(name) and clean(abbr) and clean(place)):
        raise UserError("Tên đơn vị, chữ viết tắt và địa danh không được để trống.")
    with db.transaction(conn):
        units.update_profile(conn, name, abbr, place, parent_body)


def save_kind(conn: sqlite3.Connection, kind: str, level: str) -> None:
    """The unit's kind and level (codes of domain/duties.UNIT_KINDS, UNIT_LEVELS, or empty: read from its name and
    parent body); UserError (nothing written) for a code not among them."""
    from ..domain.duties import UNIT_KINDS, UNIT_LEVELS

    if kind not in ("", *(k for k, _ in UNIT_KINDS)) or level not in ("", *(k for k, _ in UNIT_LEVELS)):
        raise UserError(
            f"Loại đơn vị “{kind}” hoặc cấp “{level}” không có trong danh sách; thông tin đơn vị giữ nguyên."
        )
    with db.transaction(conn):
        units.update_kind(conn, kind, level)


def department_activity_count(conn: sqlite3.Connection, dept_id: int) -> int:
    """Activities recorded for a department (they keep no department when it is deleted)."""
    return activities.count_for_department(conn, dept_id)


def delete_department(conn: sqlite3.Connection, dept_id: int) -> None:
    with db.transaction(conn):
        units.delete_department(conn, dept_id)


def load_unit(conn: sqlite3.Connection) -> Unit:
    """The unit with its departments, signers and recipients."""
    return units.load_unit(conn)


def add_department(conn: sqlite3.Connection, name: str = "Khoa, phòng mới", abbr: str = "KP") -> Department:
    with db.transaction(conn):
        return units.add_department(conn, name, abbr)


def save_department(conn: sqlite3.Connection, d: Department) -> None:
    """A department's name and abbreviation."""
    with db.transaction(conn):
        units.update_department(conn, d)


def add_signer(conn: sqlite3.Connection, s: Signer | None = None) -> Signer:
    with db.transaction(conn):
        return units.add_signer(conn, s or Signer("GIÁM ĐỐC", "Họ và tên"))


def save_signer(conn: sqlite3.Connection, s: Signer) -> None:
    with db.transaction(conn):
        units.update_signer(conn, s)


def delete_signer(conn: sqlite3.Connection, signer_id: int) -> None:
    """UserError (nothing deleted) for the unit's last signer: every document needs one."""
    with db.transaction(conn):
        if len(units.load_unit(conn).signers) <= 1:
            raise UserError("Đơn vị cần ít nhất một người ký; chưa xóa người ký nào.")
        units.delete_signer(conn, signer_id)


def set_recipients(conn: sqlite3.Connection, lines: list[str]) -> None:
    """The unit's default recipients (Nơi nhận), one a line."""
    with db.transaction(conn):
        units.set_recipients(conn, lines)


def set_channels(conn: sqlite3.Connection, lines: list[str]) -> None:
    """The unit's own channels (website, fanpage, bảng tin, loa nội bộ, Zalo …), one a line: proposed in a plan
    made from a superior's in place of its national media."""
    with db.transaction(conn):
        units.update_channels(conn, lines)
