"""Plans: a new one from the preset or from a superior's document, its superior document and legal
basis, its items saved, and what deleting a plan or a task would leave behind."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..domain.errors import UserError
from ..domain.models import PartialDate, Plan, PlanItem, SuperiorDoc, Target, Unit
from ..domain.presets import plan_from_preset
from ..domain.references import cite, parse_citation
from ..domain.text import clean, fold
from ..domain.vnformat import parse_date
from ..files import one_line
from ..store import activities, catalogue, db, plans, refs

ROLE_HINTS = {
    "lead": ("KHTH", "kế hoạch"),
    "personnel": ("TCCB", "tổ chức"),
    "it": ("CNTT", "công nghệ"),
    "nursing": ("ĐD", "điều dưỡng"),
    "union": ("CĐ", "công đoàn"),
}


def guess_roles(unit: Unit) -> dict[str, int | None]:
    """Departments for the preset's roles, by abbreviation or name; the first department leads otherwise."""
    out: dict[str, int | None] = {}
    for role, (abbr, word) in ROLE_HINTS.items():
        out[role] = next((d.id for d in unit.departments if d.abbr.upper() == abbr or word in d.name.lower()), None)
    if out["lead"] is None and unit.departments:
        out["lead"] = unit.departments[0].id
    return out


# ---------------------------------------------------------------- new plans
def insert_preset_plan(conn: sqlite3.Connection, unit: Unit, today: date, superior_short: str) -> int:
    """The bundled preset as the unit's plan (the catalogue installed first), inside the caller's transaction."""
    refs_by_key = catalogue.install_catalogue(conn)
    plan = plan_from_preset(
        catalogue.preset(),
        unit,
        refs_by_key,
        guess_roles(unit),
        today,
        superior_issuer=unit.parent_body,
        superior_short=superior_short,
        deadline="10/12",
    )
    plan.doc_date.day = None
    plan.signer_id = unit.signers[0].id if unit.signers else None
    return plans.insert_plan(conn, plan)


def new_plan_from_preset(conn: sqlite3.Connection, unit: Unit, today: date | None = None) -> int:
    """Kế hoạch mới từ mẫu: a new plan from the preset, in one transaction; its id."""
    with db.transaction(conn):
        return insert_preset_plan(conn, unit, today or date.today(), superior_short=unit.parent_body)


def read_superior_plan(path: Path):
    """The superior's plan read from a .docx or .txt file (ImportedPlan); UserError when unreadable."""
    from ..docgen.read_text import import_plan_file  # python-docx loads on first use

    return import_plan_file(Path(path))


def plan_activity_count(conn: sqlite3.Connection, plan_id: int) -> int:
    """Activities recorded under the plan's tasks (kept when the plan is deleted)."""
    return activities.count_for_plan(conn, plan_id)


def delete_plan(conn: sqlite3.Connection, plan_id: int) -> None:
    with db.transaction(conn):
        plans.delete_plan(conn, plan_id)


# ---------------------------------------------------------------- the superior document and the basis
def _stored_id(plan: Plan) -> int:
    """The id of a plan read from the database; a plan never stored has no row to update."""
    if plan.id is None:
        raise ValueError("the plan is not stored: no row to update")
    return plan.id


def clear_superior(conn: sqlite3.Connection, plan: Plan) -> bool:
    """The plan no longer implements a superior document; False when it had none."""
    if plan.superior is None:
        return False
    plan_id = _stored_id(plan)
    with db.transaction(conn):
        plans.update_plan(conn, plan_id, superior_id=None)
    return True


def set_superior(conn: sqlite3.Connection, plan: Plan, citation: str, summary: str, deadline: str) -> None:
    """The superior document the plan implements, from its citation typed in one canonical line.
    UserError naming what could not be read (nothing written)."""
    plan_id = _stored_id(plan)
    ref = parse_citation(clean(citation))
    if ref is None or not ref.issuer:
        raise UserError(
            "Chưa đọc được: hãy ghi theo mẫu “Kế hoạch số 357/KH-SYT ngày 04/9/2025 của Sở Y tế tỉnh Lâm Đồng”."
        )
    due = None
    if clean(deadline):
        try:
            due = parse_date(deadline)
        except ValueError as e:
            raise UserError(f"Hạn báo cáo: {e}.") from e
    ref.summary = clean(summary) or ref.summary
    old = plan.superior
    sup = SuperiorDoc(
        ref, addressee=old.addressee if old and old.addressee else ref.issuer, deadline=due, id=old.id if old else None
    )
    if old is not None and cite(old.ref, with_summary=True) == cite(ref, with_summary=True):
        ref.id = old.ref.id  # unchanged: keep the reference (it may be a catalogue entry)
    with db.transaction(conn):
        if ref.id is None:
            refs.save_ref(conn, ref)
        refs.save_superior(conn, sup)
        plans.update_plan(conn, plan_id, superior_id=sup.id)


def catalogue_citation(conn: sqlite3.Connection, typed: str) -> int:
    """The catalogue entry a typed citation names, added to the catalogue when it is not there yet.
    UserError when the citation cannot be read."""
    ref = parse_citation(typed) if typed else None
    if ref is None or not ref.issuer:
        raise UserError(
            "Chưa đọc được căn cứ vừa gõ; hãy ghi theo mẫu “Quyết định số 12/QĐ-SYT ngày 05/01/2025 "
            "của Sở Y tế tỉnh Lâm Đồng về việc …”."
        )
    same = next((r.id for r in refs.list_refs(conn) if r.id is not None and cite(r) == cite(ref)), None)
    with db.transaction(conn):
        return same if same is not None else refs.save_ref(conn, ref)


def set_basis(conn: sqlite3.Connection, plan_id: int, ref_ids: list[int]) -> None:
    with db.transaction(conn):
        plans.set_basis(conn, plan_id, ref_ids)


# ---------------------------------------------------------------- header
def save_header(
    conn: sqlite3.Connection,
    plan_id: int,
    *,
    title: str,
    number: int | None,
    doc_date: PartialDate,
    signer_id: int | None,
    archive_dept_id: int | None,
) -> Plan:
    """The plan's trích yếu, number, date, signer and archive department, in one transaction; the plan as
    stored. UserError (nothing written) when the trích yếu is blank: the plan's and its reports' titles are
    made from it."""
    title = clean(title)
    if not title:
        raise UserError("Trích yếu của kế hoạch (Kế hoạch › Trích yếu) không được để trống; chưa lưu thay đổi nào.")
    with db.transaction(conn):
        plans.update_plan(
            conn,
            plan_id,
            title=title,
            number=number,
            doc_year=doc_date.year,
            doc_month=doc_date.month,
            doc_day=doc_date.day,
            signer_id=signer_id,
            archive_dept_id=archive_dept_id,
        )
    return plans.load_plan(conn, plan_id)


def save_opening(conn: sqlite3.Connection, plan_id: int, intro: str, lead_sentence: str) -> Plan:
    """The opening paragraph and the lead sentence as typed (empty: the generated ones); the plan as stored."""
    with db.transaction(conn):
        plans.update_plan(conn, plan_id, intro=clean(intro), lead_sentence=clean(lead_sentence))
    return plans.load_plan(conn, plan_id)


def load_plan(conn: sqlite3.Connection, plan_id: int) -> Plan:
    return plans.load_plan(conn, plan_id)


def plan_period(plan: Plan) -> tuple[date, date]:
    """The plan's period: its own dates, else the whole year of its date."""
    return plans.plan_period(plan)


def list_plans(conn: sqlite3.Connection) -> list[tuple[int, str, int]]:
    """(id, trích yếu, year) of every plan."""
    return plans.list_plans(conn)


# ---------------------------------------------------------------- items
def save_item(
    conn: sqlite3.Connection,
    item_id: int,
    *,
    kind: str,
    text: str,
    is_task: bool,
    lead_dept_id: int | None,
    time_frame: str,
    coord_dept_ids: list[int],
    targets: list[Target],
) -> None:
    """An item's fields, coordinating departments and targets, in one transaction."""
    with db.transaction(conn):
        plans.update_item(
            conn, item_id, kind=kind, text=text, is_task=int(is_task), lead_dept_id=lead_dept_id, time_frame=time_frame
        )
        plans.set_item_details(conn, item_id, coord_dept_ids, targets)


def task_activity_count(conn: sqlite3.Connection, item_id: int) -> int:
    """Activities recorded under an item (they lose their task when it is deleted)."""
    return activities.count_for_task(conn, item_id)


def activities_under(conn: sqlite3.Connection, task_ids: list[int]) -> dict[int, list[int]]:
    """The activities recorded under each of these tasks, {task id: [activity ids]}: what loses its task when
    they are deleted, and what an undo of the deletion puts back under them."""
    return activities.ids_for_tasks(conn, task_ids)


def delete_item(conn: sqlite3.Connection, item_id: int) -> None:
    with db.transaction(conn):
        plans.delete_item(conn, item_id)


@dataclass
class ItemCopy:
    """An item and everything under it, as it was (to put it back: the undo of deleting it, the redo of adding
    it), with the activities recorded under its tasks. `old_id` is the item's first id."""

    kind: str
    text: str
    is_task: bool = False
    lead_dept_id: int | None = None
    time_frame: str = ""
    coord_dept_ids: list[int] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    children: list[ItemCopy] = field(default_factory=list)
    old_id: int | None = None
    activity_ids: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, it: PlanItem, links: dict[int, list[int]]) -> ItemCopy:
        """`links`: {task id: the activities under it} (store.activities.ids_for_tasks)."""
        return cls(
            it.kind,
            it.text,
            it.is_task,
            it.lead_dept_id,
            it.time_frame,
            list(it.coord_dept_ids),
            list(it.targets),
            [cls.of(c, links) for c in it.children],
            it.id,
            links.get(it.id, []) if it.id is not None else [],
        )

    def fields(self) -> dict:
        return {
            "kind": self.kind,
            "text": self.text,
            "is_task": self.is_task,
            "lead_dept_id": self.lead_dept_id,
            "time_frame": self.time_frame,
            "coord_dept_ids": self.coord_dept_ids,
            "targets": self.targets,
        }


def item_copy(conn: sqlite3.Connection, item: PlanItem) -> ItemCopy:
    """The item and everything under it as it is now, with the activities under its tasks."""

    def ids(it: PlanItem) -> list[int]:  # a stored item's: every one has its id
        return ([it.id] if it.id is not None else []) + [i for c in it.children for i in ids(c)]

    return ItemCopy.of(item, activities.ids_for_tasks(conn, ids(item)))


def recreate_item(
    conn: sqlite3.Connection, plan_id: int, copy: ItemCopy, parent_id: int | None, index: int | None
) -> dict[int, int]:
    """The item put (back) under `parent_id` at `index` with everything under it, the activities back under
    its tasks (their plan follows, by the store's trigger), in one transaction. Returns {first id: id now}
    for the items that had an id before (SQLite may give another one back)."""
    ids: dict[int, int] = {}

    def create(c: ItemCopy, parent: int | None, at: int | None) -> int:
        new_id = plans.add_item(conn, plan_id, parent, at, c.kind, c.text)
        if c.old_id is not None:
            ids[c.old_id] = new_id
        c.old_id = c.old_id or new_id
        plans.update_item(
            conn,
            new_id,
            kind=c.kind,
            text=c.text,
            is_task=int(c.is_task),
            lead_dept_id=c.lead_dept_id,
            time_frame=c.time_frame,
        )
        plans.set_item_details(conn, new_id, c.coord_dept_ids, c.targets)
        if c.activity_ids:
            activities.set_task(conn, c.activity_ids, new_id)
        for child in c.children:
            create(child, new_id, None)
        return new_id

    with db.transaction(conn):
        create(copy, parent_id, index)
    return ids


def move_item(conn: sqlite3.Connection, item_id: int, parent_id: int | None, index: int) -> None:
    """An item under `parent_id` at `index` (up, down, indent, outdent), in one transaction."""
    with db.transaction(conn):
        plans.move_item(conn, item_id, parent_id, index)


# ---------------------------------------------------------------- the office year
def next_year_preview(conn: sqlite3.Connection, plan_id: int, year: int, today: date | None = None):
    """Tạo kế hoạch năm sau, before saving: (the new plan, the changes its texts get). Nothing written."""
    from ..domain.plan_copy import next_year_plan

    new, changes = next_year_plan(plans.load_plan(conn, plan_id), year, today or date.today())
    new.copied_from = plan_id
    return new, changes


class PlanExists(UserError):
    """The year asked already has that plan (a copy of it, one of the same title, or the plan itself)."""

    def __init__(self, year: int, existing_id: int, title: str, why: str):
        self.year, self.existing_id, self.title = year, existing_id, title
        super().__init__(
            f"Năm {year} đã có kế hoạch “{one_line(title)}” (mã số {existing_id}, {why}), nên không tạo thêm "
            "một bản trùng; dữ liệu không thay đổi."
        )


def existing_copy(conn: sqlite3.Connection, plan_id: int, year: int, title: str) -> PlanExists | None:
    """What a copy of `plan_id` into `year` (titled `title`) would duplicate, None when nothing."""
    for pid, other, source in plans.plans_of_year(conn, year):
        if pid == plan_id:
            return PlanExists(year, pid, other, "chính là kế hoạch được chép")
        if source == plan_id:
            return PlanExists(year, pid, other, "đã chép từ kế hoạch này")
        if fold(other) == fold(title):
            return PlanExists(year, pid, other, "cùng trích yếu")
    return None


def copy_plan_to_year(
    conn: sqlite3.Connection, plan_id: int, year: int, today: date | None = None, *, again: bool = False
) -> int:
    """Next year's plan from this one (structure, tasks, departments, targets; number blank; years in its
    texts moved on; no activities carried), in one transaction; its id. PlanExists when `year` already has
    that plan (unless `again`: a second copy made on purpose)."""
    new, _ = next_year_preview(conn, plan_id, year, today)
    with db.transaction(conn):
        if not again and (found := existing_copy(conn, plan_id, year, new.title)) is not None:
            raise found
        return plans.insert_plan(conn, new)
