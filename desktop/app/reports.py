"""Báo cáo: the clerk's edits of a report's sections and of its header, each one transaction.

A report (plan, period) is stored at the clerk's first change, never by showing it (app.report_for reads,
it does not write). A section's text equal to its draft, or blank, is no edit: the draft (which follows
the ledger) is printed again."""

from __future__ import annotations

import sqlite3

from ..domain.models import Report
from ..domain.text import clean
from ..store import db, reports


def is_edit(draft: str, text: str) -> bool:
    """Whether the clerk's text of a section is an edit: not blank and not the draft itself (spaces and
    line ends around it aside)."""
    return bool(clean(text, multiline=True)) and text.strip() != draft.strip()


def _stored(conn: sqlite3.Connection, report: Report) -> Report:
    """Inside the caller's transaction: the stored report of (plan, period), created from `report` when none."""
    return report if report.id is not None else reports.period_report(conn, report)


def save_section(conn: sqlite3.Connection, report: Report, key: str, draft: str, text: str) -> Report:
    """The clerk's text of the section `key`: kept as an edit, or (is_edit false) the edit removed. Returns the
    report as stored (stored now if it was not), its `texts` as they are now."""
    value = text if is_edit(draft, text) else ""
    if not value and report.id is None:  # no edit, and no stored report to take one from
        return report
    with db.transaction(conn):
        stored = _stored(conn, report)
        if stored.id is None:  # period_report returns the report as stored, with its id
            raise RuntimeError("the report was not stored: no id to keep the section's text under")
        reports.set_text(conn, stored.id, key, value)
    if value:
        stored.texts[key] = value
    else:
        stored.texts.pop(key, None)
    return stored


def save_header(conn: sqlite3.Connection, report: Report) -> Report:
    """The report's number, date, addressee and signer (and period) saved; stored now if it was not."""
    with db.transaction(conn):
        if report.id is None:
            return _stored(conn, report)
        reports.save_report(conn, report)
    return report
