"""Targets of a plan and the values its rate and reach targets reached per period (issue 24): the list the
command line prints, the record of a value (`target-result`, the report screen's table), read back for the
report (app.compile_for)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from ..domain.errors import UserError
from ..domain.forms import Forms
from ..domain.models import Plan, PlanItem, Target, TargetResult
from ..domain.periods import PERIOD_KEYS, period_key
from ..domain.plan_text import task_labels
from ..domain.report_targets import scope_of
from ..domain.target_kinds import COUNT, RATE, percent_text, period_words, read_value, target_value, unit_of
from ..domain.text import clean, one_line
from ..domain.vnformat import number
from ..store import db, plans, target_results
from .forms import load_forms


@dataclass
class TargetRow:
    """A target as listed: its task (label and text), kind, value and unit, period."""

    target: Target
    task_label: str
    task_text: str
    unit: str

    @property
    def value_text(self) -> str:
        t = self.target
        return percent_text(t.percent) if t.kind == RATE else number(t.quantity)

    def as_dict(self) -> dict:
        t = self.target
        return {
            "id": t.id,
            "task": f"{self.task_label} {self.task_text}".strip(),
            "kind": t.kind,
            "value": target_value(t) if t.kind == RATE else t.quantity,
            "unit": self.unit,
            "group": t.group,
            "period": t.period,
        }


def _rows(plan: Plan, forms: Forms) -> list[TargetRow]:
    labels = task_labels(plan)
    rows = []
    for it, _ in plan.walk():
        for t in it.targets:
            rows.append(TargetRow(t, labels.get(it.id, ""), one_line(clean(it.text)), unit_of(t, forms)))
    return rows


def list_targets(conn: sqlite3.Connection, plan_id: int) -> list[TargetRow]:
    """Every target of the plan, in the plan's order."""
    return _rows(plans.load_plan(conn, plan_id), load_forms(conn))


def recorded(conn: sqlite3.Connection, plan_id: int) -> dict[tuple[int, str, int], TargetResult]:
    return target_results.results_of_plan(conn, plan_id)


def _plan_year(plan: Plan) -> int:
    return plans.plan_period(plan)[0].year


def _target(plan: Plan, target_id: int) -> tuple[PlanItem, Target] | None:
    for it, _ in plan.walk():
        for t in it.targets:
            if t.id == target_id:
                return it, t
    return None


def record_result(
    conn: sqlite3.Connection, plan_id: int, target_id: int, period: str, value: str, note: str = ""
) -> TargetResult:
    """The value a rate or reach target of the plan reached in a period of the plan's year (KEY of
    periods.PERIOD_KEYS), typed as the clerk types it ('98,8', '247/250', '47.111'); one transaction. A blank
    value removes the record. UserError (nothing stored) for another plan's target, a count target (counted
    from the ledger), an unknown period, a value that does not read."""
    plan = plans.load_plan(conn, plan_id)
    found = _target(plan, target_id)
    if found is None:
        raise UserError(
            f"Kế hoạch mã {plan_id} không có chỉ tiêu mã {target_id} (xem lệnh targets); chưa ghi gì vào dữ liệu."
        )
    _, t = found
    if t.kind == COUNT:
        raise UserError(
            f"Chỉ tiêu mã {target_id} là chỉ tiêu số lượng: kết quả được đếm từ sổ hoạt động, không ghi tay; "
            "chưa ghi gì vào dữ liệu."
        )
    if period not in PERIOD_KEYS:
        raise UserError(
            f"Kỳ “{one_line(period)[:20]}” không hợp lệ: chọn year, h1, 9m, q1–q4 hoặc m1–m12; chưa ghi gì vào dữ liệu."
        )
    year = _plan_year(plan)
    if not clean(value):
        with db.transaction(conn):
            target_results.delete_result(conn, target_id, period, year)
        return TargetResult(target_id, period, year, 0.0)
    try:
        v, num, den = read_value(value, t.kind)
    except ValueError as e:
        raise UserError(
            f"{e} Chỉ tiêu mã {target_id}, {period_words(period)} {year}; chưa ghi gì vào dữ liệu."
        ) from None
    result = TargetResult(target_id, period, year, v, num, den, clean(note))
    with db.transaction(conn):
        target_results.save_result(conn, result)
    return result


@dataclass
class PeriodTarget:
    """A rate or reach target the report of a period shows, with the value recorded for that period."""

    row: TargetRow
    period: str  # the key its value is recorded under
    year: int
    result: TargetResult | None


def period_targets(conn: sqlite3.Connection, plan_id: int, start: date, end: date) -> list[PeriodTarget]:
    """The rate and reach targets a report of [start, end] judges or shows progress towards, each with the key
    of the period its value is recorded for (the target's own when the report contains it, else the report's);
    none for a span that is not a named period and holds no target's period."""
    plan = plans.load_plan(conn, plan_id)
    results = recorded(conn, plan_id)
    named = period_key(start, end)
    year = named[1] if named else _plan_year(plan)
    out = []
    for row in _rows(plan, load_forms(conn)):
        t = row.target
        if t.kind == COUNT or t.id is None:
            continue
        scope = scope_of(t, plan, start, end)
        if scope is None or not scope[3]:
            continue
        out.append(PeriodTarget(row, scope[3], year, results.get((t.id, scope[3], year))))
    return out


def value_text(conn: sqlite3.Connection, r: TargetResult) -> str:
    """A recorded value as the report says it: '98,8%' (a rate: '98,8% (247/250)'), '47.111'."""
    if not _is_rate(conn, r.target_id):
        return number(int(r.value))
    text = percent_text(r.value)
    if r.numerator is not None and r.denominator:  # both recorded: '98,8% (247/250)'
        text += f" ({number(r.numerator)}/{number(r.denominator)})"
    return text


def _is_rate(conn: sqlite3.Connection, target_id: int) -> bool:
    plan_id = target_results.target_plan(conn, target_id)
    if plan_id is None:
        return False
    found = _target(plans.load_plan(conn, plan_id), target_id)
    return found is not None and found[1].kind == RATE
