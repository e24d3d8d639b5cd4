"""The Báo cáo's appendix: one row per activity of the period, and its tables (a month each, a long month in
parts). Split from report.py; report.py re-exports these names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .models import Activity, Unit
from .text import clean
from .vnformat import number, short_date

if TYPE_CHECKING:
    from .report import Compiled


def period_cell(a: Activity) -> str:
    if a.end and a.end != a.start:
        return f"{short_date(a.start)} - {short_date(a.end)}"
    return short_date(a.start)


APPENDIX_HEAD = (
    "STT",
    "Thời gian",
    "Nội dung",
    "Hình thức",
    "Đơn vị thực hiện",
    "Số lượng",
    "Số người tham dự",
    "Kinh phí (đồng)",
    "Ghi chú",
)


def _doer(a: Activity, dept: dict[int, str], consolidated: bool, unit: Unit) -> str:
    """The appendix's "Đơn vị thực hiện": the department, and the unit when consolidating."""
    name = (dept.get(a.dept_id, "") if a.dept_id is not None else "") or a.source_dept
    if not consolidated:
        return name
    owner = a.source_unit or unit.name
    return f"{name} ({owner})" if name else owner


def appendix_rows(c: Compiled, unit: Unit) -> list[tuple[str, ...]]:
    """One row of 9 cells (APPENDIX_HEAD) per activity, in date order."""
    dept = {d.id: d.name for d in unit.departments if d.id is not None}
    rows: list[tuple[str, ...]] = []
    for i, a in enumerate(c.activities, 1):
        unit_label = c.catalogue.unit_of(a.form_code, a.unit_label)
        rows.append(
            (
                str(i),
                period_cell(a),
                a.title,
                c.catalogue.form(a.form_code).label,
                _doer(a, dept, c.consolidated, unit),
                f"{number(a.quantity)} {unit_label}",
                number(a.participants) if a.participants else "",
                number(a.cost) if a.cost else "",
                a.notes,
            )
        )
    return rows


def appendix_totals(c: Compiled) -> tuple[str, ...]:
    return ("", "", f"Tổng cộng: {number(c.total)} hoạt động", "", "", "", number(c.participants), number(c.cost), "")


APPENDIX_CHUNK = 150  # rows per appendix table at most: LibreOffice lays out one long table in quadratic time


@dataclass(frozen=True)
class AppendixPart:
    """One table of the appendix: rows [start, stop) of appendix_rows, under `heading`;
    `continued` when it goes on with the month of the table before it."""

    heading: str
    start: int
    stop: int
    continued: bool = False


def appendix_parts(c: Compiled, unit: Unit, chunk: int = APPENDIX_CHUNK) -> list[AppendixPart]:
    """The appendix as consecutive tables: one per month (per unit and month when consolidating),
    a long month cut into tables of at most `chunk` rows. Same order as appendix_rows."""
    parts: list[AppendixPart] = []
    key, start = None, 0
    acts = c.activities

    def close(stop: int) -> None:
        if key is None:
            return
        owner, year, month = key
        heading = f"Tháng {month}/{year}"
        if c.consolidated:
            heading = f"{owner}, tháng {month}/{year}"
        for k, s in enumerate(range(start, stop, chunk)):
            parts.append(AppendixPart(heading, s, min(s + chunk, stop), k > 0))

    for i, a in enumerate(acts):
        k = (clean(a.source_unit or unit.name) if c.consolidated else "", a.start.year, a.start.month)
        if k != key:
            close(i)
            key, start = k, i
    close(len(acts))
    return parts
