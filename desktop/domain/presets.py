"""Starting a plan from a preset (the superior's plan structure, kept as data)."""

from __future__ import annotations

import string
from datetime import date

from .models import LegalRef, PartialDate, Plan, PlanItem, Target, Unit

ROLES = ("lead", "personnel", "it", "nursing", "union", "all")


class _Blank(dict):
    def __missing__(self, key):  # unknown placeholders stay visible for the clerk to fill
        return "{" + key + "}"


def fill(text: str, ctx: dict[str, str]) -> str:
    return string.Formatter().vformat(text, (), _Blank(ctx))


def _item(raw: dict, ctx: dict[str, str], roles: dict[str, int | None], dept_names: dict[int, str]) -> PlanItem:
    it = PlanItem(kind=raw.get("kind", "text"), text=fill(raw.get("text", ""), ctx))
    role_dept = roles.get(raw.get("lead", ""))
    if raw.get("task"):
        it.is_task = True
        it.lead_dept_id = role_dept
        it.coord_dept_ids = [d for d in (roles.get(r) for r in raw.get("coord", [])) if d is not None]
        it.time_frame = fill(raw.get("time_frame", ""), ctx)
        it.targets = [Target(int(t["quantity"]), t["form"], t.get("unit", "")) for t in raw.get("targets", [])]
    elif it.kind == "section" and role_dept is not None:
        it.text = dept_names.get(role_dept, it.text)  # a duty block takes the department's real name
    it.children = [_item(c, ctx, roles, dept_names) for c in raw.get("children", [])]
    return it


def plan_from_preset(
    preset: dict,
    unit: Unit,
    refs: dict[str, LegalRef],
    roles: dict[str, int | None],
    when: date,
    superior_issuer: str = "",
    superior_short: str = "",
    deadline: str = "",
) -> Plan:
    """A new plan with the preset's structure, filled with this unit's names."""
    lead = unit.department(roles.get("lead"))
    ctx = {
        "unit_name": unit.name,
        "unit_kind": unit.name.split(" ")[0].lower()
        + (" " + unit.name.split(" ")[1].lower() if len(unit.name.split(" ")) > 1 else ""),
        "superior_issuer": superior_issuer,
        "superior_short": superior_short or superior_issuer,
        "year": str(when.year),
        "deadline": deadline,
        "lead_dept": lead.name if lead else "phòng chuyên môn",
    }
    dept_names = {d.id: d.name for d in unit.departments if d.id is not None}
    return Plan(
        title=fill(preset.get("title", ""), ctx),
        doc_date=PartialDate.of(when),
        basis=[refs[k] for k in preset.get("basis", []) if k in refs],
        lead_sentence=fill(preset.get("lead_sentence", ""), ctx),
        closing=fill(preset.get("closing", ""), ctx),
        items=[_item(r, ctx, roles, dept_names) for r in preset.get("items", [])],
        period_start=date(when.year, 1, 1),
        period_end=date(when.year, 12, 31),
        archive_dept_id=roles.get("lead"),
        recipients=list(unit.recipients),
    )
