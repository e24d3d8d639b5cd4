"""Reading cell values: the cell's own types (an Excel date, a serial number) here, text through the one
reader of each kind of value (`domain.vnformat`), so a cell means what the same text means in the window.
Each parser raises ValueError with a Vietnamese reason."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..domain.vnformat import number, parse_date, parse_money
from ..domain.vnformat import parse_count as read_count

_RANGE = re.compile(r"^(.+?)\s*(?:-|–|—|đến)\s*(\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{2}(?:\d{2})?)\s*$")
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date_value(v: object) -> date:
    """A date cell: an Excel date, an Excel serial number, or text read as the clerk's date everywhere
    (`vnformat.parse_date`: 05/3/2025, 5-3-2025, 5.3.2025, 5/3/25, 2025-03-05 …)."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if 1 <= v < 2958466 and float(v).is_integer():
            return _EXCEL_EPOCH + timedelta(days=int(v))
        raise ValueError(f"“{number(v)}” không phải là ngày (ô số chỉ đọc được khi là ngày của Excel)")
    return parse_date(v)


def parse_period(v: object) -> tuple[date, date | None]:
    """A start date, or a range '05/3/2025 - 07/3/2025' as the appendix writes it."""
    if isinstance(v, str) and (m := _RANGE.match(v.strip())):
        start, end = parse_date_value(m[1]), parse_date_value(m[2])
        return start, end
    return parse_date_value(v), None


def parse_count(v: object, what: str, *, money: bool = False) -> int | None:
    """A count (or, with `money`, a sum in đồng) read as everywhere (`vnformat.parse_count`); None when empty."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    return parse_money(v, what) if money else read_count(v, what)


def cell_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime):
        return v.strftime("%d/%m/%Y")
    return str(v)
