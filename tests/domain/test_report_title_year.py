"""A copied plan's report never doubles a year in its title (issue 23, point 7): a plan copied to next year has
no number yet and is named by its trích yếu; the year its trích yếu names and the report's period never both."""

from __future__ import annotations

from datetime import date

from desktop.domain.models import PartialDate, Plan, Unit
from desktop.domain.plan_copy import next_year_plan
from desktop.domain.report import compile_report, report_title

UNIT = Unit("Bệnh viện Phổi Khánh Hòa", "BVPKH", "Khánh Hòa")


def _plan(title: str, year: int) -> Plan:
    return Plan(
        title=title,
        doc_date=PartialDate(year, 2, 3),
        number=12,
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
    )


def _title(plan: Plan, start: date, end: date) -> str:
    return report_title(plan, UNIT, compile_report(plan, UNIT, [], start, end))


def test_a_copied_plan_reported_for_its_year_names_the_year_once():
    copy, _ = next_year_plan(
        _plan("Truyền thông phòng, chống bệnh lao năm 2026 của Bệnh viện Phổi Khánh Hòa", 2026), 2027, date(2026, 12, 1)
    )
    assert copy.number is None
    got = _title(copy, date(2027, 1, 1), date(2027, 12, 31))
    assert got == "Kết quả thực hiện Kế hoạch truyền thông phòng, chống bệnh lao năm 2027"


def test_a_plan_reported_for_another_year_than_its_title_says_it_once():
    plan = _plan("Truyền thông phòng, chống bệnh lao năm 2026", 2026)
    plan.number = None
    for start, end, tail in (
        (date(2027, 1, 1), date(2027, 12, 31), "năm 2027"),
        (date(2027, 4, 1), date(2027, 6, 30), "quý II năm 2027"),
    ):
        got = _title(plan, start, end)
        assert got == f"Kết quả thực hiện Kế hoạch truyền thông phòng, chống bệnh lao {tail}", got
        assert got.count("năm") == 1


def test_a_year_inside_the_trich_yeu_is_left_to_the_period():
    plan = _plan("Kế hoạch năm 2026 về truyền thông phòng, chống bệnh lao", 2026)
    plan.number = None
    assert _title(plan, date(2026, 1, 1), date(2026, 12, 31)) == (
        "Kết quả thực hiện Kế hoạch truyền thông phòng, chống bệnh lao năm 2026"
    )
