from datetime import date

import pytest

from desktop.domain.models import PartialDate, Plan, PlanItem, Target
from desktop.domain.plan_copy import move_year, next_year_plan


@pytest.mark.parametrize(
    "text, out",
    [
        ("Kế hoạch truyền thông năm 2025 của Bệnh viện A", "Kế hoạch truyền thông năm 2026 của Bệnh viện A"),
        ("Tổ chức trong 6 tháng đầu năm 2025", "Tổ chức trong 6 tháng đầu năm 2026"),
        # a cited document's date and number never move
        (
            "Thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ năm 2025",
            "Thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ năm 2026",
        ),
        ("Nghị định số 42/2025/NĐ-CP ngày 27/02/2025", "Nghị định số 42/2025/NĐ-CP ngày 27/02/2025"),
        ("giai đoạn 2021-2025 và năm 2025", "giai đoạn 2021-2025 và năm 2026"),
        ("Cả năm", "Cả năm"),
    ],
)
def test_move_year(text, out):
    assert move_year(text, 2025, 2026) == out


def test_next_year_plan_keeps_structure_and_moves_years():
    task = PlanItem(
        "section",
        "Tổ chức 02 hội nghị trong năm 2025",
        is_task=True,
        lead_dept_id=3,
        coord_dept_ids=[4],
        time_frame="Quý III năm 2025",
        targets=[Target(2, "hoi_nghi")],
        id=11,
    )
    plan = Plan(
        "truyền thông năm 2025",
        PartialDate(2025, 9, 5),
        number=5,
        items=[PlanItem("section", "NỘI DUNG", children=[task], id=10)],
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        id=1,
    )
    new, changes = next_year_plan(plan, 2026, date(2025, 12, 20))
    assert (new.id, new.number, new.superior) == (None, None, None)
    assert (new.doc_date.year, new.doc_date.month, new.doc_date.day) == (2025, 12, None)
    assert (new.period_start, new.period_end) == (date(2026, 1, 1), date(2026, 12, 31))
    t = new.items[0].children[0]
    assert (t.is_task, t.lead_dept_id, t.coord_dept_ids, t.targets, t.id) == (
        True,
        3,
        [4],
        [Target(2, "hoi_nghi")],
        None,
    )
    assert t.text == "Tổ chức 02 hội nghị trong năm 2026" and t.time_frame == "Quý III năm 2026"
    assert [c.where for c in changes] == ["Trích yếu", "I.1", "I.1 (thời gian)"]
    assert plan.items[0].children[0].text.endswith("2025")  # the source plan is untouched


@pytest.mark.parametrize(
    "text, out",
    [  # issue 23: every year and date of the unit's own text moves on; a cited document's date never does
        ("Năm 2025", "Năm 2026"),
        ("Quý III, quý IV/2025", "Quý III, quý IV/2026"),
        ("Từ nay đến hết ngày 31/12/2025.", "Từ nay đến hết ngày 31/12/2026."),
        ("gửi về Sở Y tế trước ngày 24/3/2025", "gửi về Sở Y tế trước ngày 24/3/2026"),
        ("báo cáo trước ngày 15/01/2026", "báo cáo trước ngày 15/01/2027"),  # the plan's report, early next year
        (
            "Thực hiện Kế hoạch số 357/KH-SYT ngày 04/9/2025 của Sở Y tế",
            "Thực hiện Kế hoạch số 357/KH-SYT ngày 04/9/2025 của Sở Y tế",
        ),
        ("tháng 12/2025", "tháng 12/2026"),
    ],
)
def test_move_year_dates_and_quarters(text, out):
    assert move_year(text, 2025, 2026) == out


def test_copy_of_an_imported_plan_leaves_no_old_year_outside_cited_documents(tmp_path):
    import re

    from desktop.domain.cascade import apply_proposal, propose_plan
    from desktop.domain.plan_import import parse_plan_text
    from tests.domain.test_cascade import catalogue
    from tests.domain.test_unit_plan_seeds import KHTH, SO_PLAN, hospital

    unit = hospital()
    plan = apply_proposal(propose_plan(parse_plan_text(SO_PLAN), unit, catalogue(), 2025, {"lead": KHTH}))
    new, _ = next_year_plan(plan, 2026, date(2025, 12, 20))
    texts = [new.title, new.intro, new.lead_sentence, new.closing]
    texts += [t for it, _ in new.walk() for t in (it.text, it.time_frame)]
    cited = re.compile(r"\S+/\S*[A-ZĐ]\S*\s+ngày\s+\d{1,2}/\d{1,2}/\d{4}|\d+/2025/NĐ-CP")
    left = [t for t in texts if "2025" in cited.sub("", t)]
    assert left == []
    assert "2026" in new.title and any("20/11/2026" in t for t in texts) and any("24/3/2026" in t for t in texts)
    assert new.intro.startswith("Thực hiện Kế hoạch số 245/KH-SYT ngày 12/3/2025")  # kept, its date unmoved
    assert new.basis == plan.basis  # the căn cứ kept
