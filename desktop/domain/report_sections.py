"""The Báo cáo's results per area of the plan and per department, in prose with their figures, and its
evaluation: fields the clerk writes, never sentences the data does not support.

An area is a section of the plan that holds tasks (a numbered content area of II. NỘI DUNG); a task that is
itself a section is its own area. A part with neither figures nor the clerk's text is printed as a dotted
line to fill by hand (DOTS), and `gaps` names it (the command line says so on stderr)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from .models import Plan, PlanItem, Unit
from .numbering import section_label
from .report_wording import lower_first
from .target_kinds import PEOPLE_GROUPS
from .text import clean
from .vnformat import count, money, number

if TYPE_CHECKING:
    from .report import Compiled, Group, Section

DOTS = "…" * 28  # one line of the page, to fill by hand (28 ellipses of 14 pt: 13.8 cm of the 16 cm line)
EVALUATION_KEYS = ("uu_diem", "han_che", "nguyen_nhan", "phuong_huong", "kien_nghi")
# how a sentence names the people of each group of Activity.reach (target_kinds.PEOPLE_GROUPS)
REACH_WORDS = {
    "người bệnh": "người bệnh",
    "người nhà": "người nhà người bệnh",
    "nhân viên y tế": "nhân viên y tế",
    "cộng đồng": "người dân trong cộng đồng",
}


def reach_phrase(reach: dict[str, int]) -> str:
    """'tiếp cận 1.200 người bệnh, 800 người nhà người bệnh': the people reached by group, in the groups' order;
    '' when none was recorded."""
    parts = [f"{number(reach[g])} {REACH_WORDS[g]}" for g in PEOPLE_GROUPS if reach.get(g)]
    return "tiếp cận " + ", ".join(parts) if parts else ""


def task_areas(plan: Plan) -> list[tuple[PlanItem, list[PlanItem]]]:
    """The plan's tasks grouped by area, in the plan's order: (area, its tasks). A task's area is the task
    itself when it is a section, else the nearest section that holds it (a task outside any section is
    its own area)."""
    parent: dict[int, PlanItem | None] = {}
    for it, par in plan.walk():
        parent[id(it)] = par
    areas: dict[int, tuple[PlanItem, list[PlanItem]]] = {}
    for task in plan.tasks():
        area: PlanItem | None = task
        while area is not None and area.kind != "section":
            area = parent.get(id(area))
        area = area or task
        areas.setdefault(id(area), (area, []))[1].append(task)
    return list(areas.values())


def result_sections(plan: Plan, c: Compiled, short: str, first: int) -> list[Section]:
    """Under II. KẾT QUẢ THỰC HIỆN, numbered from `first`: one part per area; an area of one task is that
    task's part (as before areas), an area of several tasks a heading with a) b) … for each task."""
    from .report import Section, task_draft

    by_id = {tr.task.id: tr for tr in c.tasks}
    secs: list[Section] = []
    n = first - 1
    for area, tasks in task_areas(plan):
        n += 1
        if tasks == [area]:
            tr = by_id[area.id]
            secs.append(Section(f"{n}.", _heading(area.text), 2, f"task.{area.id}", task_draft(tr, short)))
            continue
        own = area.is_task and area.id in by_id
        draft = task_draft(by_id[area.id], short) if own else ""
        secs.append(Section(f"{n}.", _heading(area.text), 2, f"task.{area.id}" if own else "", draft))
        letter = 0
        for task in tasks:
            if task is area:
                continue
            letter += 1
            tr = by_id[task.id]
            secs.append(
                Section(section_label(2, letter), _heading(task.text), 3, f"task.{task.id}", task_draft(tr, short))
            )
    return secs


def _heading(text: str) -> str:
    return clean(text).rstrip(".:;")


def dept_groups(c: Compiled, unit: Unit) -> list[tuple[str, Group]]:
    """Each department's activities of the period by form, in the unit's order of departments; activities of
    no known department last ('Chưa rõ khoa, phòng'). A subordinate unit's rows are that unit's, not ours."""
    from .report import Group

    groups: dict[int | None, Group] = defaultdict(lambda: Group(c.catalogue))
    for a in c.activities:
        if a.source_unit:
            continue
        groups[a.dept_id].add(a, c.catalogue.unit_of(a.form_code, a.unit_label))
    known = {d.id for d in unit.departments}
    out = [(d.name, groups[d.id]) for d in unit.departments if d.id in groups]
    stray = [g for k, g in groups.items() if k not in known]
    if stray:
        merged = Group(c.catalogue)
        for a in c.activities:
            if not a.source_unit and a.dept_id not in known:
                merged.add(a, c.catalogue.unit_of(a.form_code, a.unit_label))
        out.append(("Chưa rõ khoa, phòng", merged))
    return out


def dept_sentence(name: str, g: Group, short: str) -> str:
    """'Khoa Khám bệnh đã tổ chức 12 buổi truyền thông trực tiếp với 480 lượt người tham dự, phát hành
    2.000 tờ rơi; kinh phí 4.500.000 đồng.' — the department's forms with their quantities and people."""
    lines = [ln.sentence(short) for ln in g.ordered_lines()]
    body = ", ".join(ln[0].lower() + ln[1:] for ln in lines)
    s = f"{clean(name)} đã {body}"
    if reach_phrase(g.reach):
        s += f", {reach_phrase(g.reach)}"
    if g.cost:
        s += f"; kinh phí {money(g.cost)}"
    return s + "."


def dept_text(c: Compiled, unit: Unit, short: str) -> str:
    """The part 'Kết quả theo khoa, phòng': a paragraph per department that did something in the period."""
    paras = [dept_sentence(name, g, short) for name, g in dept_groups(c, unit) if g.activities]
    return "\n".join(paras)


def evaluation_drafts(c: Compiled, whole_plan: bool) -> dict[str, str]:
    """The evaluation's drafts: only what the figures say. Ưu điểm: the activities and forms counted and the
    targets met; Tồn tại, hạn chế: the targets missed. Only targets the period judges count (a year's target
    in a quarter's report is progress towards it, not a verdict; without that mark on the targets, a report of
    the plan's whole period judges them all). Nguyên nhân, Phương hướng, Kiến nghị: the clerk's own (blank: a
    dotted line)."""
    out = dict.fromkeys(EVALUATION_KEYS, "")
    targets = [t for t in c.targets() if getattr(t, "judged", whole_plan)]
    met = sum(1 for t in targets if t.met)
    used = {ln.form_code for ln in c.forms.lines.values()}
    if c.total:
        how = (
            f"với {count(len(used))} hình thức"
            if len(used) > 1
            else f"bằng hình thức {lower_first(c.catalogue.form(next(iter(used))).label)}"
        )
        uu = f"Các khoa, phòng đã triển khai {count(c.total)} hoạt động truyền thông {how}"
        if met:
            uu += f"; {count(met)}/{count(len(targets))} chỉ tiêu của Kế hoạch đạt và vượt"
        out["uu_diem"] = uu + "."
    missed = [t for t in targets if not t.met]
    if targets and not any(t.achieved for t in targets):
        out["han_che"] = f"Chưa thực hiện được chỉ tiêu nào trong {count(len(targets))} chỉ tiêu của Kế hoạch."
    elif missed:
        out["han_che"] = "Một số chỉ tiêu chưa đạt: " + "; ".join(t.text() for t in missed) + "."
    return out


def gaps(sections: list[Section]) -> list[str]:
    """The parts printed as a dotted line (no figures, no text), named as the clerk finds them: '1. Ưu điểm
    (III. ĐÁNH GIÁ CHUNG)'."""
    out: list[str] = []
    top = ""
    for s in sections:
        if s.level == 1:
            top = f"{s.label} {s.heading}".strip()
        if s.key and s.key != "ket_thuc" and not clean(s.text, multiline=True) and not s.table:
            name = f"{s.label} {s.heading}".strip()
            out.append(f"{name} ({top})" if s.level > 1 and top else name)
    return out


def gap_message(name: str) -> str:
    return f"Phần “{name}” chưa có số liệu hay nội dung: để dòng chấm để điền tay."
