"""Targets against results in a report (issue 24): which targets a period judges, what each reached, and
how the report says it.

A target applies to its own period (the year unless set). A report of that period — or of a longer one that
contains it (a quarter's target in the year's report, judged on that quarter's data) — judges it: ĐẠT or
CHƯA ĐẠT with the value and the clerk's reason. A report of a shorter period inside it (the first quarter of a
year's target) shows progress towards it ("đạt 16,7% chỉ tiêu năm"), never a verdict; a target of a period
the report does not touch is not mentioned. Counts come from the ledger; a rate's value is the clerk's record
of the period; a reach's is the clerk's record, else the people of its group the ledger's activities reached.
Nothing is said of what has no figure: a progress of zero is left out, a judged rate without a record leaves
dots to fill by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .models import Activity, Plan, Target, TargetResult
from .periods import CALENDAR, period_key, period_range
from .target_kinds import COUNT, PEOPLE_GROUPS, RATE, percent_text, period_words, target_value
from .vnformat import count

DUE, PROGRESS = "due", "progress"
HAND_FILL = "……"


@dataclass
class TargetProgress:
    """One target in one report: `scope` DUE (judged) or PROGRESS (towards a longer period's target);
    `achieved` None when there is no figure (a rate nobody recorded)."""

    target: Target
    achieved: float | None
    unit: str  # what the value is counted in: the form's unit, the reach's group, '%'
    scope: str = DUE
    note: str = ""  # the clerk's reason, recorded with the value

    @property
    def percent(self) -> float:
        """The share of the target reached (a rate: its value against the rate to reach)."""
        goal = target_value(self.target)
        return 100.0 * (self.achieved or 0) / goal if goal else 0.0

    @property
    def met(self) -> bool:
        return self.scope == DUE and self.achieved is not None and self.achieved >= target_value(self.target)

    @property
    def judged(self) -> bool:
        return self.scope == DUE

    @property
    def shown(self) -> bool:
        """Whether the report says anything of it: a progress needs a figure above zero."""
        return self.scope == DUE or bool(self.achieved)

    def _goal(self) -> str:
        t = self.target
        when = f" {period_words(t.period)}" if self.scope == PROGRESS or t.period != "year" else ""
        return f"chỉ tiêu{when} {count(t.quantity)} {self.unit}"

    def _verdict(self) -> str:
        verdict = "ĐẠT" if self.met else "CHƯA ĐẠT"
        return f"{verdict} ({self.note})" if self.note else verdict

    def text(self) -> str:
        t = self.target
        if t.kind == RATE:
            what = f"tỷ lệ {t.group.strip()}" if t.group.strip() else "tỷ lệ"
            goal = f"chỉ tiêu {period_words(t.period)} " if self.scope == PROGRESS else "chỉ tiêu "
            goal += percent_text(t.percent)
            if self.achieved is None:
                return f"{what} đạt {HAND_FILL}% ({goal})"
            value = f"{what} {percent_text(self.achieved)} ({goal})"
            return value if self.scope == PROGRESS else f"{value}: {self._verdict()}"
        if self.scope == PROGRESS:
            return (
                f"{self._goal()}, thực hiện {count(int(self.achieved or 0))} {self.unit}, đạt "
                f"{percent_text(self.percent)} chỉ tiêu {period_words(t.period)}"
            )
        if self.achieved is None:
            return f"{self._goal()}, thực hiện {HAND_FILL} {self.unit}"
        if not self.achieved:
            return f"{self._goal()}, chưa thực hiện: {self._verdict()}"
        return (
            f"{self._goal()}, thực hiện {count(int(self.achieved))} {self.unit} ({percent_text(self.percent)}):"
            f" {self._verdict()}"
        )


def _plan_year(plan: Plan, start: date, end: date) -> int:
    named = period_key(start, end)
    if named is not None:
        return named[1]
    return plan.period_start.year if plan.period_start else plan.doc_date.year


def scope_of(t: Target, plan: Plan, start: date, end: date) -> tuple[str, date, date, str] | None:
    """(DUE or PROGRESS, the dates its figure covers, the period key of its record) of a target in a report of
    [start, end]; None when the report does not touch the target's period."""
    named = period_key(start, end)
    cutoff = named[2] if named else (plan.cutoff or CALENDAR)
    year = _plan_year(plan, start, end)
    t_start, t_end = period_range(t.period, year, cutoff)
    whole = (plan.period_start, plan.period_end)
    if (start, end) == (t_start, t_end) or (t.period == "year" and (start, end) == whole):
        return DUE, start, end, t.period
    if start <= t_start and t_end <= end:
        return DUE, t_start, t_end, t.period
    if t_end < start or end < t_start:
        return None
    return PROGRESS, max(start, t_start), min(end, t_end), named[0] if named else ""


def progress_of(
    t: Target,
    task_id: int | None,
    unit: str,
    plan: Plan,
    activities: list[Activity],
    start: date,
    end: date,
    results: dict[tuple[int, str, int], TargetResult],
    unit_of_activity,
) -> TargetProgress | None:
    """The target in the report of [start, end] (None: not mentioned). `activities`: the period's;
    `unit_of_activity(a)`: the unit an activity's quantity is counted in (the form's unless typed)."""
    scope = scope_of(t, plan, start, end)
    if scope is None:
        return None
    kind, a_start, a_end, key = scope
    mine = [a for a in activities if a.task_id == task_id and a_start <= a.start <= a_end]
    record = results.get((t.id, key, _plan_year(plan, start, end))) if t.id is not None and key else None
    if t.kind == COUNT:
        got: float | None = sum(a.quantity for a in mine if a.form_code == t.form_code and unit_of_activity(a) == unit)
        return TargetProgress(t, got, unit, kind)
    if record is not None:
        return TargetProgress(t, record.value, unit, kind, record.note)
    if t.kind != RATE and t.group in PEOPLE_GROUPS:
        reached = sum(a.reach.get(t.group, 0) for a in mine)
        if reached:
            return TargetProgress(t, float(reached), unit, kind)
    return TargetProgress(t, None, unit, kind) if kind == DUE else None


def summary(targets: list[TargetProgress]) -> str:
    """'03/04 chỉ tiêu đến hạn trong kỳ đạt và vượt', counting only the targets the period judges ('' when none)."""
    judged = [t for t in targets if t.judged]
    if not judged:
        return ""
    met = sum(1 for t in judged if t.met)
    return f"{count(met)}/{count(len(judged))} chỉ tiêu của Kế hoạch đạt và vượt" if met else ""
