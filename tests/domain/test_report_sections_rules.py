"""Report parts on small hand-made ledgers (report_sections.py, report_targets.py, report.py): the
departments' groups, an area that is a task itself, the targets' summary, the parts' keys, a consolidated
ledger with an unsaved row."""

from datetime import date

from desktop.domain.models import Activity, Department, PartialDate, Plan, PlanItem, Target, Unit
from desktop.domain.report import compile_report, drafts
from desktop.domain.report_sections import dept_groups
from desktop.domain.report_targets import TargetProgress, summary

UNIT = Unit(
    "Bệnh viện Đa khoa tỉnh",
    "BVĐK",
    "Lâm Đồng",
    departments=[Department("Khoa Khám bệnh", "KB", 1), Department("Khoa Dinh dưỡng", "DD", 2)],
)
Q1 = (date(2025, 1, 1), date(2025, 3, 31))


def _plan():
    area = PlanItem(
        "section",
        "Truyền thông trực tiếp",
        children=[PlanItem("bullet", "Sinh hoạt chuyên đề tại khoa", is_task=True, id=21)],
        is_task=True,  # the area is a task of its own too
        id=20,
    )
    body = PlanItem("section", "NỘI DUNG", children=[area], id=10)
    return Plan("Truyền thông năm 2025", PartialDate(2025, 1, 10), number=3, items=[body], id=1)


def _act(d, dept, task, form, qty, source_unit="", id=None):
    return Activity(
        start=d,
        dept_id=dept,
        task_id=task,
        form_code=form,
        title="Hoạt động",
        quantity=qty,
        source_unit=source_unit,
        id=id,
    )


def test_rows_of_no_known_department_are_grouped_apart():
    ledger = [_act(date(2025, 1, 8), 1, 21, "sinh_hoat", 4), _act(date(2025, 2, 8), 99, 21, "sinh_hoat", 2)]
    c = compile_report(_plan(), UNIT, ledger, *Q1)
    assert [(name, g.activities, sum(ln.quantity for ln in g.lines.values())) for name, g in dept_groups(c, UNIT)] == [
        ("Khoa Khám bệnh", 1, 4),
        ("Chưa rõ khoa, phòng", 1, 2),
    ]


def test_an_area_that_is_a_task_has_its_own_draft_and_the_parts_their_keys():
    ledger = [_act(date(2025, 1, 8), 1, 20, "to_roi", 300), _act(date(2025, 2, 8), 1, 21, "sinh_hoat", 2)]
    secs = {s.key: s for s in drafts(_plan(), UNIT, compile_report(_plan(), UNIT, ledger, *Q1))}
    assert secs["task.20"].text.startswith("Phát hành 300 tờ rơi")
    assert secs["task.21"].text.startswith("Tổ chức 02 buổi sinh hoạt chuyên đề")
    assert (secs["phuong_huong"].label, secs["phuong_huong"].level) == ("IV.", 1)


def test_the_summary_counts_the_targets_met():
    met = TargetProgress(Target(10, "sinh_hoat"), 12.0, "buổi")
    short = TargetProgress(Target(500, "to_roi"), 300.0, "tờ")
    assert summary([met, short]) == "01/02 chỉ tiêu của Kế hoạch đạt và vượt"
    assert summary([short]) == ""


def test_a_consolidated_ledger_with_an_unsaved_row_compiles_in_order():
    day = date(2025, 2, 3)
    ledger = [
        _act(day, None, 21, "sinh_hoat", 1, "Trung tâm Y tế Đức Trọng", id=7),
        _act(day, None, 21, "sinh_hoat", 2, "Trung tâm Y tế Đức Trọng"),  # not yet saved: no id
        _act(day, 1, 21, "sinh_hoat", 3),
    ]
    c = compile_report(_plan(), UNIT, ledger, *Q1)
    assert [(a.source_unit, a.quantity) for a in c.activities] == [
        ("", 3),
        ("Trung tâm Y tế Đức Trọng", 2),
        ("Trung tâm Y tế Đức Trọng", 1),
    ]
