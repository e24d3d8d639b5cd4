"""A hand-counted plan with one count, one reach and one rate target (issue 24), and its database.

Plan of 2025 (calendar cut-off), section "I. NỘI DUNG" with three tasks:
- 1 "Viết tin, bài …": 12 tin, bài in the YEAR (count). Ledger: 02 (10/02) + 05 (15/5) + 03 (02/11) = 10.
  Q1: 02 of 12 = 16,7% of the year's target (progress); year: 10 of 12 = 83,3%: CHƯA ĐẠT.
- 2 "Sinh hoạt chuyên đề …": 500 người bệnh in Q1 (reach). Ledger: 320 (05/3) + 200 (20/3) người bệnh
  = 520 (104%): ĐẠT, in Q1's report and in the year's (judged on Q1).
- 3 "Đăng ký khám bệnh qua VNeID": 50% người bệnh đăng ký qua VNeID in the YEAR (rate). Recorded by the
  clerk: Q1 30% (progress, no verdict), year 45% "do người bệnh cao tuổi chưa có tài khoản định danh điện tử":
  CHƯA ĐẠT.
Q3 (July–September) has no activity: its report says nothing of targets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.domain.models import Activity, Department, PartialDate, Plan, PlanItem, Signer, Target, Unit
from desktop.store import activities, db, plans, units

NOTE = "do người bệnh cao tuổi chưa có tài khoản định danh điện tử"


def unit() -> Unit:
    return Unit(
        "Bệnh viện Phổi Lâm Đồng",
        "BVP",
        "Lâm Đồng",
        parent_body="Sở Y tế tỉnh Lâm Đồng",
        departments=[Department("Khoa Lao", "LAO")],
        signers=[Signer("GIÁM ĐỐC", "Nguyễn Văn An")],
    )


def plan() -> Plan:
    count = Target(12, "tin_bai")
    reach = Target(500, "", kind="reach", period="q1", group="người bệnh")
    rate = Target(0, "", kind="rate", group="người bệnh đăng ký qua VNeID", percent=50.0)
    tasks = [
        PlanItem("bullet", "Viết tin, bài về phòng, chống bệnh lao", is_task=True, targets=[count]),
        PlanItem("bullet", "Sinh hoạt chuyên đề cho người bệnh và người nhà", is_task=True, targets=[reach]),
        PlanItem("bullet", "Đăng ký khám bệnh qua VNeID", is_task=True, targets=[rate]),
    ]
    return Plan(
        "truyền thông phòng, chống bệnh lao năm 2025",
        PartialDate(2025, 1, 10),
        number=7,
        items=[PlanItem("section", "NỘI DUNG", children=tasks)],
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        signer_id=None,  # make_db: the saved signer's
    )


def ledger(p: Plan) -> list[Activity]:
    news, talks, _ = p.tasks()

    def act(day, task, form, qty, title, reach=None, people=None):
        return Activity(
            day, None, form, title, task.id, quantity=qty, participants=people, reach=reach or {}, plan_id=p.id
        )

    return [
        act(date(2025, 2, 10), news, "tin_bai", 2, "Tin, bài tháng 2"),
        act(date(2025, 3, 5), talks, "sinh_hoat", 1, "Sinh hoạt tháng 3", {"người bệnh": 320, "người nhà": 150}, 470),
        act(date(2025, 3, 20), talks, "sinh_hoat", 1, "Sinh hoạt cuối tháng 3", {"người bệnh": 200}, 200),
        act(date(2025, 5, 15), news, "tin_bai", 5, "Tin, bài tháng 5"),
        act(date(2025, 11, 2), news, "tin_bai", 3, "Tin, bài tháng 11"),
    ]


def make_db(path: Path) -> tuple[Plan, list[int]]:
    """The database of that plan and ledger (no recorded rate yet); (plan, [count, reach, rate target ids])."""
    conn = db.open_db(path, create_missing=True)
    try:
        with db.transaction(conn):
            u = unit()
            units.save_unit(conn, u)
            p = plan()
            p.signer_id = u.signers[0].id
            plans.insert_plan(conn, p)
            acts = ledger(p)
            for a in acts:
                a.dept_id = u.departments[0].id
            activities.insert_activities(conn, acts)
        ids = [t.id for task in p.tasks() for t in task.targets]
    finally:
        conn.close()
    return p, ids
