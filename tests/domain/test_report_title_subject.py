"""A numbered plan's report is titled with the plan's subject (issue 24, point 5 follow-up): "Kết quả thực hiện
Kế hoạch số …/KH-… ngày … của … về <subject> <period>", the year once, at most 200 characters, never cut
with "…"."""

from __future__ import annotations

from datetime import date

from desktop import app
from desktop.domain.models import PartialDate, Plan, Unit
from desktop.domain.report import compile_report, report_title
from desktop.domain.report_title import MAX_TITLE
from desktop.store import db

UNIT = Unit("Trung tâm Y tế khu vực Ninh Hòa", "TTYT", "Khánh Hòa")
Y = date(2026, 1, 1), date(2026, 12, 31)
Q2 = date(2026, 4, 1), date(2026, 6, 30)
REF = "Kế hoạch số 12/KH-TTYT ngày 03/02/2026 của Trung tâm Y tế khu vực Ninh Hòa"


def _title(title: str, number: int = 12, period=Y) -> str:
    plan = Plan(title=title, doc_date=PartialDate(2026, 2, 3), number=number, period_start=Y[0], period_end=Y[1])
    return report_title(plan, UNIT, compile_report(plan, UNIT, [], *period))


def test_two_numbered_plans_of_one_year_have_two_titles():
    tb = _title("Truyền thông phòng, chống bệnh lao năm 2026")
    cs = _title("Kế hoạch truyền thông về chuyển đổi số y tế năm 2026 của Trung tâm Y tế khu vực Ninh Hòa")
    assert tb == f"Kết quả thực hiện {REF} về truyền thông phòng, chống bệnh lao năm 2026"
    assert cs == f"Kết quả thực hiện {REF} về truyền thông về chuyển đổi số y tế năm 2026"
    assert _title("Truyền thông phòng, chống bệnh lao năm 2026", period=Q2) == (
        f"Kết quả thực hiện {REF} về truyền thông phòng, chống bệnh lao quý II năm 2026"
    )


def test_a_long_subject_keeps_its_first_clause_within_200_characters():
    long = (
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công"
        " nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ"
        " đạo Trung ương năm 2026"
    )
    got = _title(long)
    assert len(got) <= MAX_TITLE and "…" not in got and got.count("năm 2026") == 1
    assert got.startswith(f"Kết quả thực hiện {REF} về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024")
    assert got.endswith(" năm 2026") and "Kế hoạch số 02-KH" not in got
    last = got.removesuffix(" năm 2026").split()[-1]
    assert last not in ("của", "và", "về", "số", "ngày")


def test_the_demo_reports_title(demo_db):
    conn = db.open_db(demo_db)
    try:
        plan, unit, _, compiled, _ = app.compile_for(conn, None)
    finally:
        conn.close()
    assert report_title(plan, unit, compiled) == (
        "Kết quả thực hiện Kế hoạch số 05/KH-BVPBT ngày 05/9/2025 của Bệnh viện Phổi Bình Thuận về truyền thông về"
        " Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị năm 2025"
    )
