"""Reporting periods and how a report's title and closing name them."""

from __future__ import annotations

import calendar
import re
from datetime import date

from .vnformat import short_date

QUARTERS = ("I", "II", "III", "IV")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_phrase(start: date, end: date, whole: tuple[date, date] | None = None) -> str:
    """'năm 2025', '6 tháng đầu năm 2025', '9 tháng đầu năm 2025', 'quý III năm 2025', else
    'từ ngày 05/3/2025 đến ngày 20/4/2025'. `whole`: the plan's own period, reported as its year
    when it lies within one year (a plan issued in September still has a year-end report 'năm 2025')."""
    y = start.year
    if whole is not None and (start, end) == whole and start.year == end.year:
        return f"năm {y}"
    if start.year == end.year and (start.month, start.day) == (1, 1):
        if (end.month, end.day) == (12, 31):
            return f"năm {y}"
        if end == date(y, 6, 30):
            return f"6 tháng đầu năm {y}"
        if end == date(y, 9, 30):
            return f"9 tháng đầu năm {y}"
    if (
        start.year == end.year
        and start.day == 1
        and start.month in (1, 4, 7, 10)
        and end == _month_end(y, start.month + 2)
    ):
        return f"quý {QUARTERS[(start.month - 1) // 3]} năm {y}"
    return f"từ ngày {short_date(start)} đến ngày {short_date(end)}"


def with_period(text: str, phrase: str) -> str:
    """`text` followed by the period, the year never twice: 'Kế hoạch … năm 2025' + 'năm 2025'
    stays once; 'Kế hoạch … năm 2025' + '6 tháng đầu năm 2025' drops the plan's trailing year."""
    years = re.findall(r"năm (\d{4})", phrase)
    if years:
        tail = re.compile(rf"\s+năm {years[-1]}$")
        if phrase == f"năm {years[-1]}" and tail.search(text):
            return text
        text = tail.sub("", text)
    return f"{text} {phrase}"


PERIOD_KEYS = ("year", "h1", "9m", "q1", "q2", "q3", "q4")
PERIOD_LABELS = {
    "year": "Năm",
    "h1": "6 tháng đầu năm",
    "9m": "9 tháng đầu năm",
    "q1": "Quý I",
    "q2": "Quý II",
    "q3": "Quý III",
    "q4": "Quý IV",
}


def period_range(key: str, year: int) -> tuple[date, date]:
    """The dates of a named period of `year`: year, h1, 9m, q1–q4 (ValueError for another key)."""
    if key == "year":
        return date(year, 1, 1), date(year, 12, 31)
    if key == "h1":
        return date(year, 1, 1), date(year, 6, 30)
    if key == "9m":
        return date(year, 1, 1), date(year, 9, 30)
    if key in ("q1", "q2", "q3", "q4"):
        first = 3 * (int(key[1]) - 1) + 1
        return date(year, first, 1), _month_end(year, first + 2)
    raise ValueError(key)


def same_period_last_year(start: date, end: date) -> tuple[date, date]:
    """The same span one year earlier (29/02 becomes 28/02)."""

    def back(d: date) -> date:
        try:
            return d.replace(year=d.year - 1)
        except ValueError:
            return d.replace(year=d.year - 1, day=28)

    return back(start), back(end)
