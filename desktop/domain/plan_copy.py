"""Tạo kế hoạch năm sau: a plan's structure, tasks, departments and targets for the following year,
with the years inside its texts moved on — the changes listed for the clerk to see before saving.
Dates of cited documents ("ngày 22/12/2024") never move; only the plan's own year does."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date

from .errors import UserError
from .models import PartialDate, Plan
from .references import implementing_sentence
from .repairs import item_labels

FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years of a plan (the window's year boxes, the command line's --year)


@dataclass
class Change:
    where: str  # "Trích yếu", "Mở đầu", "II.1" …
    before: str
    after: str


_CITED = re.compile(r"\d+[/-][\w./-]*[A-ZĐ][\w./-]*\s+ngày\s+$")  # "357/KH-SYT ngày " before a date: a cited document's


def move_year(text: str, old: int, new: int) -> str:
    """'năm 2025' -> 'năm 2026' (also 'Năm 2025', 'đầu năm', 'cả năm' …), a date of the unit's own ('trước ngày
    20/11/2025', 'đến hết ngày 31/12/2025', a report early the year after: '15/01/2026'), a quarter or month
    ('quý IV/2025', 'tháng 12/2025'); a cited document's date ('số 71/NQ-CP ngày 01/4/2025') or number
    ('42/2025/NĐ-CP') and a span ('2021-2025') are left alone."""
    delta = new - old

    def date_(m: re.Match[str]) -> str:
        y = int(m[2])
        if y not in (old, old + 1) or _CITED.search(text[: m.start()]):
            return m[0]
        return f"{m[1]}{y + delta}"

    out = re.sub(r"(?<![\d/])(\d{1,2}/\d{1,2}/)(\d{4})(?![\d/])", date_, text)
    out = re.sub(rf"(?i)(\b(?:quý\s+[IVX]+|tháng\s+\d{{1,2}})/){old}(?![\d/])", lambda m: f"{m[1]}{new}", out)
    if re.search(rf"(?i)\bnăm\s+{old}\b", out):
        out = re.sub(rf"(?<![/\d-]){old}(?![/\d-])", str(new), out)
    return out


def next_year_plan(plan: Plan, year: int, today: date) -> tuple[Plan, list[Change]]:
    """A copy of `plan` for `year`: number blank, dated today, period the whole of `year`, no superior
    (the clerk chooses next year's), ids cleared (a new plan); and what its texts changed."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(
            f"Không tạo được kế hoạch năm {year}: năm của kế hoạch là từ {FIRST_YEAR} đến {LAST_YEAR}. "
            "Dữ liệu không thay đổi."
        )
    old = (plan.period_start or date(plan.doc_date.year, 1, 1)).year
    new = copy.deepcopy(plan)
    if not new.intro and plan.superior is not None:  # its "Thực hiện …" kept, as text the clerk updates
        new.intro = implementing_sentence(plan.superior)
    new.id, new.number, new.superior = None, None, None
    new.doc_date = PartialDate(today.year, today.month)
    new.period_start, new.period_end = date(year, 1, 1), date(year, 12, 31)
    changes: list[Change] = []

    def moved(where: str, text: str) -> str:
        after = move_year(text, old, year)
        if after != text:
            changes.append(Change(where, text, after))
        return after

    new.title = moved("Trích yếu", new.title)
    new.intro = moved("Mở đầu", new.intro)
    new.lead_sentence = moved("Câu dẫn", new.lead_sentence)
    new.closing = moved("Câu kết", new.closing)
    for _, label, it in item_labels(new.items):
        it.id = None
        it.text = moved(label, it.text)
        it.time_frame = moved(f"{label} (thời gian)", it.time_frame)
    return new, changes
