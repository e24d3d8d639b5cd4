"""The values rate and reach targets reached, per period, as the clerk recorded them (migration 0010)."""

from __future__ import annotations

import sqlite3

from ..domain.models import TargetResult
from ..domain.text import clean


def _result(r: sqlite3.Row) -> TargetResult:
    return TargetResult(r["target_id"], r["period"], r["year"], r["value"], r["numerator"], r["denominator"], r["note"])


def results_of_plan(conn: sqlite3.Connection, plan_id: int) -> dict[tuple[int, str, int], TargetResult]:
    """Every recorded value of the plan's targets, by (target id, period key, year)."""
    rows = conn.execute(
        "SELECT r.* FROM target_results r JOIN item_targets t ON t.id = r.target_id "
        "JOIN plan_items i ON i.id = t.item_id WHERE i.plan_id = ?",
        (plan_id,),
    )
    return {(r["target_id"], r["period"], r["year"]): _result(r) for r in rows}


def target_plan(conn: sqlite3.Connection, target_id: int) -> int | None:
    """The plan a target belongs to (None: no such target)."""
    row = conn.execute(
        "SELECT i.plan_id FROM item_targets t JOIN plan_items i ON i.id = t.item_id WHERE t.id = ?", (target_id,)
    ).fetchone()
    return None if row is None else row[0]


def save_result(conn: sqlite3.Connection, r: TargetResult) -> None:
    """Record (or replace) the value of a target in a period."""
    conn.execute(
        "INSERT INTO target_results (target_id, period, year, value, numerator, denominator, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (target_id, period, year) DO UPDATE SET value = excluded.value, "
        "numerator = excluded.numerator, denominator = excluded.denominator, note = excluded.note",
        (r.target_id, r.period, r.year, r.value, r.numerator, r.denominator, clean(r.note)),
    )


def delete_result(conn: sqlite3.Connection, target_id: int, period: str, year: int) -> None:
    conn.execute(
        "DELETE FROM target_results WHERE target_id = ? AND period = ? AND year = ?", (target_id, period, year)
    )
