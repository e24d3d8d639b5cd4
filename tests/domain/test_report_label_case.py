"""A form's label inside a report sentence keeps its acronyms: 'bằng hình thức tin, bài trên Trang TTĐT',
never '… trang ttđt' (the Ưu điểm draft lower-cased the whole label)."""

from __future__ import annotations

from datetime import date

from desktop.domain.models import Activity, Department, PartialDate, Plan, PlanItem, Unit
from desktop.domain.report import compile_report, drafts
from desktop.domain.report_wording import lower_first


def test_lower_first_lowers_an_ordinary_first_word_only():
    assert lower_first("Tin, bài trên Trang TTĐT") == "tin, bài trên Trang TTĐT"
    assert lower_first("Hội nghị, hội thảo") == "hội nghị, hội thảo"
    assert lower_first("TTĐT nội bộ") == "TTĐT nội bộ"  # an acronym first: kept
    assert lower_first("HIV") == "HIV"


def test_a_single_form_is_named_with_its_acronyms_in_the_strengths():
    unit = Unit(
        "Trung tâm Y tế huyện Tân Phú",
        "TTYT",
        "Đồng Nai",
        "Sở Y tế tỉnh Đồng Nai",
        departments=[Department("Phòng Kế hoạch - Nghiệp vụ", "KHNV", 1)],
    )
    task = PlanItem("section", "Truyền thông trên Trang thông tin điện tử", is_task=True, id=30)
    plan = Plan(
        "Truyền thông năm 2026",
        PartialDate(2026, 1, 5),
        items=[task],
        id=1,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    ledger = [Activity(date(2026, 2, 3), 1, "tin_bai", "Bài về tiêm chủng", task_id=30, quantity=2)]
    texts = {
        s.key: s.text
        for s in drafts(plan, unit, compile_report(plan, unit, ledger, date(2026, 1, 1), date(2026, 3, 31)))
    }
    assert "bằng hình thức tin, bài trên Trang TTĐT" in texts["uu_diem"], texts["uu_diem"]
