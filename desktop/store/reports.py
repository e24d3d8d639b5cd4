"""Reports and the clerk's edits of their texts."""

from __future__ import annotations

import sqlite3
from datetime import date

from ..domain.models import PartialDate, Report
from ..domain.text import clean
from .db import inserted_id


def save_report(conn: sqlite3.Connection, r: Report) -> int:
    vals = (
        r.plan_id,
        r.number,
        r.doc_date.year,
        r.doc_date.month,
        r.doc_date.day,
        r.period_start.isoformat(),
        r.period_end.isoformat(),
        clean(r.addressee),
        r.signer_id,
    )
    if r.id is None:
        r.id = inserted_id(
            conn.execute(
                "INSERT INTO reports (plan_id, number, doc_year, doc_month, doc_day, period_start, period_end, "
                "addressee, signer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                vals,
            )
        )
    else:
        conn.execute(
            "UPDATE reports SET plan_id=?, number=?, doc_year=?, doc_month=?, doc_day=?, period_start=?, "
            "period_end=?, addressee=?, signer_id=? WHERE id=?",
            (*vals, r.id),
        )
    conn.execute("DELETE FROM report_recipients WHERE report_id = ?", (r.id,))
    conn.executemany(
        "INSERT INTO report_recipients (report_id, position, text) VALUES (?, ?, ?)",
        [(r.id, i, clean(t)) for i, t in enumerate(r.recipients)],
    )
    for key, text in r.texts.items():
        set_text(conn, r.id, key, text)
    return r.id


def set_text(conn: sqlite3.Connection, report_id: int, key: str, text: str) -> None:
    """Store the clerk's edit of one section; an empty text goes back to the draft."""
    t = clean(text, multiline=True)
    if t:
        conn.execute(
            "INSERT INTO report_texts (report_id, key, text) VALUES (?, ?, ?) "
            "ON CONFLICT(report_id, key) DO UPDATE SET text = excluded.text",
            (report_id, key, t),
        )
    else:
        conn.execute("DELETE FROM report_texts WHERE report_id = ? AND key = ?", (report_id, key))


def load_report(conn: sqlite3.Connection, report_id: int) -> Report | None:
    row = conn.execute("SELECT * FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        return None
    r = Report(
        plan_id=row["plan_id"],
        period_start=date.fromisoformat(row["period_start"]),
        period_end=date.fromisoformat(row["period_end"]),
        doc_date=PartialDate(row["doc_year"], row["doc_month"], row["doc_day"]),
        number=row["number"],
        addressee=row["addressee"],
        signer_id=row["signer_id"],
        id=row["id"],
    )
    r.recipients = [
        x[0] for x in conn.execute("SELECT text FROM report_recipients WHERE report_id = ? ORDER BY position", (r.id,))
    ]
    r.texts = {k: t for k, t in conn.execute("SELECT key, text FROM report_texts WHERE report_id = ?", (r.id,))}
    return r


def latest_report(conn: sqlite3.Connection, plan_id: int) -> Report | None:
    row = conn.execute("SELECT id FROM reports WHERE plan_id = ? ORDER BY id DESC LIMIT 1", (plan_id,)).fetchone()
    return load_report(conn, row["id"]) if row else None


def reports_of_plan(conn: sqlite3.Connection, plan_id: int) -> list[Report]:
    """Every stored report of the plan (each period's), oldest first."""
    ids = [r[0] for r in conn.execute("SELECT id FROM reports WHERE plan_id = ? ORDER BY id", (plan_id,))]
    return [r for r in (load_report(conn, i) for i in ids) if r is not None]


def report_for_period(conn: sqlite3.Connection, plan_id: int, start: date, end: date) -> Report | None:
    """The stored report of the plan for exactly this period (each period keeps its own edits)."""
    row = conn.execute(
        "SELECT id FROM reports WHERE plan_id = ? AND period_start = ? AND period_end = ? ORDER BY id DESC LIMIT 1",
        (plan_id, start.isoformat(), end.isoformat()),
    ).fetchone()
    return load_report(conn, row["id"]) if row else None


def period_report(conn: sqlite3.Connection, r: Report) -> Report:
    """The stored report of (r.plan_id, r's period), created from `r` when there is none."""
    found = report_for_period(conn, r.plan_id, r.period_start, r.period_end)
    if found is not None:
        return found
    r.id = None
    save_report(conn, r)
    return r


def ensure_report(conn: sqlite3.Connection, r: Report) -> Report:
    """The stored report of r.plan_id (created from `r` when there is none)."""
    found = latest_report(conn, r.plan_id)
    if found is not None:
        return found
    save_report(conn, r)
    return r
