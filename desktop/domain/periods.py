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
    """'năm 2025', '6 tháng đầu năm 2025', '9 tháng đầu năm 2025', 'quý III năm 2025', 'tháng 3 năm 2025'
    (calendar or NĐ 09/2019 cut-off alike: 15/12/2024–14/12/2025 is 'năm 2025'), else 'từ ngày 05/3/2025 đến
    ngày 20/4/2025'. `whole`: the plan's own period, reported as its year when it lies within one year (a plan
    issued in September still has a year-end report 'năm 2025')."""
    if whole is not None and (start, end) == whole and start.year == end.year:
        return f"năm {start.year}"
    named = period_key(start, end)
    if named is None:
        return f"từ ngày {short_date(start)} đến ngày {short_date(end)}"
    key, y, _ = named
    if key == "year":
        return f"năm {y}"
    if key == "h1":
        return f"6 tháng đầu năm {y}"
    if key == "9m":
        return f"9 tháng đầu năm {y}"
    if key.startswith("q"):
        return f"quý {QUARTERS[int(key[1]) - 1]} năm {y}"
    return f"tháng {int(key[1:])} năm {y}"


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


PERIOD_KEYS = ("year", "h1", "9m", "q1", "q2", "q3", "q4", *(f"m{m}" for m in range(1, 13)))
PERIOD_LABELS = {
    "year": "Năm",
    "h1": "6 tháng đầu năm",
    "9m": "9 tháng đầu năm",
    "q1": "Quý I",
    "q2": "Quý II",
    "q3": "Quý III",
    "q4": "Quý IV",
    **{f"m{m}": f"Tháng {m}" for m in range(1, 13)},
}

# How a period's data is cut off: calendar months (the default), or Nghị định 09/2019/NĐ-CP, Điều 12 (a
# periodic report's data run from the 15th of the month before the period to the 14th of its last month:
# the year from 15/12 of the year before to 14/12, 6 months to 14/6, 9 months to 14/9).
CALENDAR, ND09 = "calendar", "nd09"
CUTOFFS = (CALENDAR, ND09)
CUTOFF_LABELS = {
    CALENDAR: "Số liệu từ ngày 01 đến cuối tháng",
    ND09: "Số liệu từ ngày 15 đến 14 (NĐ 09/2019)",
}


def _months(key: str) -> tuple[int, int]:
    """The first and last month of a named period (ValueError for another key)."""
    if key == "year":
        return 1, 12
    if key == "h1":
        return 1, 6
    if key == "9m":
        return 1, 9
    if key in ("q1", "q2", "q3", "q4"):
        first = 3 * (int(key[1]) - 1) + 1
        return first, first + 2
    if key[:1] == "m" and key[1:].isdigit() and 1 <= int(key[1:]) <= 12:
        return int(key[1:]), int(key[1:])
    raise ValueError(key)


def period_range(key: str, year: int, cutoff: str = CALENDAR) -> tuple[date, date]:
    """The dates of a named period of `year`: year, h1, 9m, q1–q4, m1–m12 (ValueError for another key or
    cut-off). NĐ 09 (`cutoff` 'nd09'): from the 15th of the month before the first month to the 14th of the
    last (quý I năm 2025: 15/12/2024 to 14/3/2025); calendar: the first to the last day of those months."""
    first, last = _months(key)
    if cutoff == ND09:
        before = date(year - 1, 12, 15) if first == 1 else date(year, first - 1, 15)
        return before, date(year, last, 14)
    if cutoff != CALENDAR:
        raise ValueError(cutoff)
    return date(year, first, 1), _month_end(year, last)


def period_key(start: date, end: date) -> tuple[str, int, str] | None:
    """(key, year, cut-off) of a named period, or None for any other span."""
    year = end.year
    for cutoff in CUTOFFS:
        for key in PERIOD_KEYS:
            if period_range(key, year, cutoff) == (start, end):
                return key, year, cutoff
    return None


def cutoff_named_in(texts: list[str]) -> str:
    """ND09 when a superior's text sets the NĐ 09/2019 cut-off: it cites Nghị định 09/2019/NĐ-CP (the
    reporting regime), or counts data 'từ ngày 15/12/… đến (ngày) 14/12/…' (any month, 'tháng' spelled out
    too); else ''."""
    from .text import fold

    for t in texts:
        f = fold(t)
        if re.search(r"\b09/2019/n[dđ]-cp\b", f):
            return ND09
        if re.search(
            r"tu ngay 15\s*(?:/|thang)\s*\d{1,2}\b.{0,80}?den(?: het)?(?: ngay)? 14\s*(?:/|thang)\s*\d{1,2}\b", f
        ):
            return ND09
    return ""


def outside_plan(start: date, end: date, plan_start: date, plan_end: date, plan_name: str) -> str:
    """Why a report of [start, end] cannot be made of the plan `plan_name` of [plan_start, plan_end], or ''
    when the period shares at least one day with the plan's (an NĐ 09 year starts on 15/12 of the year
    before the plan's)."""
    if plan_start <= end and start <= plan_end:
        return ""
    dates = f"từ ngày {short_date(start)} đến ngày {short_date(end)}"
    phrase = period_phrase(start, end)
    said = dates if phrase == dates else f"{phrase} ({dates})"
    return (
        f"Kỳ báo cáo {said} nằm ngoài thời gian của {plan_name} (từ ngày {short_date(plan_start)} đến ngày "
        f"{short_date(plan_end)}): hãy chọn một kỳ trong thời gian của kế hoạch. Chưa ghi tệp nào."
    )


def same_period_last_year(start: date, end: date) -> tuple[date, date]:
    """The same span one year earlier (29/02 becomes 28/02)."""

    def back(d: date) -> date:
        try:
            return d.replace(year=d.year - 1)
        except ValueError:
            return d.replace(year=d.year - 1, day=28)

    return back(start), back(end)
