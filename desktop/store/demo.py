"""`demo`: a new database holding the demo unit, its plan and a year of activities."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain.demo import demo_activities, demo_superior, demo_unit
from ..domain.presets import plan_from_preset
from . import db
from .activities import insert_activities
from .catalogue import install_catalogue, load_json, preset
from .plans import insert_plan
from .refs import save_superior
from .reports import save_report
from .units import save_unit


def create_demo(path: str | Path, activities: int = 150, seed: int = 1) -> None:
    """Create `path` (refusing an existing file) with the demo; all or nothing: built aside, renamed into place."""
    db.build(Path(path), lambda conn: fill_demo(conn, activities, seed))


def fill_demo(conn, activities: int, seed: int) -> int:
    unit, roles = demo_unit()
    save_unit(conn, unit)
    refs = install_catalogue(conn)
    sup = demo_superior()
    known = refs.get("KH357_SYT_LD")
    if known is not None:
        sup.ref = known
    save_superior(conn, sup)
    role_ids = {r: unit.departments[i].id for r, i in roles.items()}
    plan = plan_from_preset(
        preset(),
        unit,
        refs,
        role_ids,
        date(2025, 9, 5),
        superior_issuer="Sở Y tế tỉnh Lâm Đồng",
        superior_short="Sở Y tế",
        deadline="10/12",
    )
    plan.number = 5
    plan.superior = sup
    plan.basis = []  # a hospital cites the Sở's plan it implements (as the seed 001 does)
    plan.signer_id = unit.signers[0].id
    plan_id = insert_plan(conn, plan)
    titles = load_json("demo", "activity_titles.json")
    extra = load_json("demo", "notes.json")
    depts = {d.id: d.name for d in unit.departments if d.id is not None}  # all of them: save_unit gave the ids
    insert_activities(
        conn, demo_activities(activities, seed, plan, depts, titles, extra.get("notes", []), extra.get("evidence", []))
    )
    from ..domain.models import PartialDate
    from ..domain.report import default_report

    if plan.period_start is None or plan.period_end is None:
        raise ValueError("the demo plan from the preset has no period to report on")
    report = default_report(plan, plan.period_start, plan.period_end, date(2025, 12, 5))
    report.number = 45
    report.doc_date = PartialDate(2025, 12, 5)
    report.recipients = ["Sở Y tế tỉnh Lâm Đồng (báo cáo)", "Ban Giám đốc", "Các khoa, phòng thuộc Bệnh viện"]
    save_report(conn, report)
    return plan_id
