"""The superior's outline of a plan's reports (read from a .docx, .pdf or .txt, kept with the plan), and the
evaluation the clerk wrote in an earlier period, offered again."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from ..domain.errors import UserError
from ..domain.periods import period_phrase
from ..domain.report_outline import Heading, parse_outline
from ..domain.report_sections import EVALUATION_KEYS
from ..domain.report_sections import gap_message as gap_message  # the command line's stderr line
from ..domain.text import clean, one_line
from ..store import db, outlines, reports


def read_outline(path: str | Path) -> tuple[str, list[Heading]]:
    """The outline's text and its numbered headings, read as a superior's plan is (docgen.read_text). A file
    without a numbered heading is refused, naming it."""
    from ..docgen.read_text import read_source  # docx/pypdfium2 load on first use

    path = Path(path)
    text = read_source(path, tables_as_rows=True)  # a table to fill: its rows as 'a | b | c'
    heads = parse_outline(text)
    if not heads:
        raise UserError(
            f"Không tìm thấy đề mục đánh số nào (I., 1., a)…) trong {one_line(path.name)}, nên không dùng được làm đề"
            " cương báo cáo; báo cáo không thay đổi."
        )
    return text, heads


def set_outline(conn: sqlite3.Connection, plan_id: int, path: str | Path) -> list[Heading]:
    """The outline of `path` kept with the plan (one transaction): its reports follow it from now on."""
    text, heads = read_outline(path)
    with db.transaction(conn):
        outlines.save_outline(conn, plan_id, Path(path).name, text)
    return heads


def clear_outline(conn: sqlite3.Connection, plan_id: int) -> None:
    """The plan's reports back to the app's own parts (I. … V.)."""
    with db.transaction(conn):
        outlines.delete_outline(conn, plan_id)


def plan_outline(conn: sqlite3.Connection, plan_id: int) -> tuple[str, str] | None:
    """(file name, text) of the plan's outline, or None."""
    return outlines.load_outline(conn, plan_id)


def earlier_texts(conn: sqlite3.Connection, plan_id: int, start: date, end: date) -> dict[str, tuple[str, str]]:
    """The evaluation the clerk wrote in the plan's latest earlier period (one that ended before `end`), by
    key: (that period, as the title says it; the text). Offered, never printed until the clerk takes it."""
    out: dict[str, tuple[str, str]] = {}
    earlier = [
        r
        for r in reports.reports_of_plan(conn, plan_id)
        if r.period_end < end and (r.period_start, r.period_end) != (start, end)
    ]
    for r in sorted(earlier, key=lambda r: (r.period_end, r.period_start), reverse=True):
        for key in EVALUATION_KEYS:
            text = clean(r.texts.get(key, ""), multiline=True)
            if text and key not in out:
                out[key] = (period_phrase(r.period_start, r.period_end), text)
    return out
