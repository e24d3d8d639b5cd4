"""Matching what a workbook says (department, task, form) to the database's ids:
exactly first, then ignoring case and diacritics."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domain.forms import DEFAULTS, Forms
from ..domain.models import Plan, Unit
from ..domain.plan_text import task_labels
from ..domain.text import clean, fold

_LABEL = re.compile(r"^\s*([IVXLC]+(?:\.\d+)*(?:\.[a-zđ])?)[.)]?(?:\s+|$)")


def task_choice(label: str, text: str) -> str:
    """The dropdown text of a task: 'II.1 Truyền thông về Nghị quyết số 57-NQ/TW …'."""
    t = clean(text)
    return f"{label} {t}"[:250]


@dataclass
class Lookup:
    unit_name: str
    depts: dict[str, int] = field(default_factory=dict)  # exact name or abbreviation -> id
    depts_folded: dict[str, int] = field(default_factory=dict)
    tasks: dict[str, int] = field(default_factory=dict)  # exact choice text -> id
    tasks_folded: dict[str, int] = field(default_factory=dict)  # folded task text (no label) -> id
    task_by_label: dict[str, int] = field(default_factory=dict)  # 'II.1' -> id
    forms: dict[str, str] = field(default_factory=dict)  # label / code / unit, folded -> code
    dept_names: list[str] = field(default_factory=list)
    form_choices: list[str] = field(default_factory=list)  # the dropdown: the forms offered, in order
    form_units: list[tuple[str, str]] = field(default_factory=list)  # (label, unit) for the instructions
    task_choices: list[str] = field(default_factory=list)
    catalogue: Forms = DEFAULTS  # the unit's forms (app.load_forms): what reading and writing name

    @classmethod
    def build(cls, unit: Unit, plan: Plan | None, forms: Forms = DEFAULTS) -> Lookup:
        lk = cls(unit_name=clean(unit.name), catalogue=forms)
        for d in unit.departments:
            lk.dept_names.append(d.name)
            for key in (d.name, d.abbr):
                if key:
                    lk.depts.setdefault(clean(key), d.id)
                    lk.depts_folded.setdefault(fold(key), d.id)
        if plan is not None:
            labels = task_labels(plan)
            for t in plan.tasks():
                label = labels.get(t.id, "")
                choice = task_choice(label, t.text)
                lk.task_choices.append(choice)
                lk.tasks[choice] = t.id
                lk.tasks_folded.setdefault(fold(t.text), t.id)
                if label:
                    lk.task_by_label.setdefault(label, t.id)
        for f in forms.forms:  # hidden ones too: they still match old workbooks
            for key in (f.label, f.code):
                lk.forms.setdefault(fold(key), f.code)
        for f in forms.forms:
            lk.forms.setdefault(fold(f.unit), f.code)
        lk.form_choices = [f.label for f in forms.visible()]
        lk.form_units = [(f.label, f.unit) for f in forms.visible()]
        return lk

    def is_own_unit(self, name: str) -> bool:
        return not name or fold(name) == fold(self.unit_name)

    def dept(self, name: str) -> int | None:
        t = clean(name)
        return self.depts.get(t) or self.depts_folded.get(fold(t))

    def task(self, text: str, *, by_label: bool = False) -> int | None:
        t = clean(text)
        if t in self.tasks:
            return self.tasks[t]
        m = _LABEL.match(t)
        body = t[m.end() :] if m else t
        found = self.tasks_folded.get(fold(body))
        if found is None and m and (by_label or not body):
            found = self.task_by_label.get(m.group(1))
        return found

    def form(self, text: str) -> str | None:
        return self.forms.get(fold(text))
