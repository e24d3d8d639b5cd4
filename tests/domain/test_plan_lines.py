"""Small rules of the plan's text, each pinned on a case built here: the task's detail line, the closing
block, the years moved into next year's plan (with what changed, where), targets read from a duty, a new
form's code and an issuer's name written out."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.errors import UserError
from desktop.domain.forms import new_code
from desktop.domain.issuers import issuer_name, named_in_body, read_issuers
from desktop.domain.models import Department, PartialDate, Plan, PlanItem, Target, Unit
from desktop.domain.plan_copy import Change, next_year_plan
from desktop.domain.plan_header import doc_type_line
from desktop.domain.plan_import import ImportedPlan
from desktop.domain.plan_kinds import plan_year
from desktop.domain.plan_text import closing_sentence, plan_blocks, task_line
from desktop.domain.targets import targets_in

UNIT = Unit(
    "Bệnh viện A",
    "BVA",
    "Lâm Đồng",
    departments=[
        Department("Khoa Lao", "LAO", 1),
        Department("Khoa Dược", "D", 2),
        Department("Phòng Điều dưỡng", "ĐD", 3),
    ],
)


def test_the_task_line_names_who_when_and_how_many():
    item = PlanItem(
        "text",
        "Truyền thông",
        is_task=True,
        lead_dept_id=1,
        coord_dept_ids=[2, 3, 9],  # 9: a department since deleted is left out
        time_frame=" Quý III năm 2025.; ",
        targets=[Target(2, "hoi_nghi"), Target(12, "tin_bai", "tin")],
    )
    assert task_line(item, UNIT) == (
        "Đơn vị chủ trì: Khoa Lao, phối hợp: Khoa Dược, Phòng Điều dưỡng; thời gian thực hiện: Quý III năm 2025;"
        " chỉ tiêu: 02 hội nghị, 12 tin."
    )
    assert task_line(PlanItem("text", "x", coord_dept_ids=[2]), UNIT) == "Đơn vị phối hợp: Khoa Dược."
    assert task_line(PlanItem("text", "x", time_frame="tháng 5"), UNIT) == "Thời gian thực hiện: tháng 5."
    assert task_line(PlanItem("text", "x"), UNIT) == ""


def test_the_plan_ends_with_its_closing_block():
    task = PlanItem("text", "Tin bài", is_task=True, lead_dept_id=1)
    plan = Plan("truyền thông năm 2025", PartialDate(2025), items=[PlanItem("section", "NỘI DUNG", [task])])
    blocks = plan_blocks(plan, UNIT)
    assert [(b.kind, b.text) for b in blocks[-3:]] == [
        ("text", "Tin bài"),
        ("text", "Đơn vị chủ trì: Khoa Lao."),
        ("closing", "Trên đây là Kế hoạch truyền thông năm 2025 của Bệnh viện A./."),
    ]
    plan.title = "truyền thông của Bệnh viện A"
    assert closing_sentence(plan, UNIT) == "Trên đây là Kế hoạch truyền thông của Bệnh viện A./."
    plan.closing = "Trên đây là Kế hoạch; "
    assert closing_sentence(plan, UNIT) == "Trên đây là Kế hoạch./."


def test_next_years_plan_lists_every_text_it_moved():
    plan = Plan(
        "truyền thông năm 2025",
        PartialDate(2025, 9, 5),
        intro="Thực hiện kế hoạch năm 2025.",
        lead_sentence="Bệnh viện xây dựng Kế hoạch năm 2025 như sau:",
        closing="Trên đây là Kế hoạch năm 2025./.",
    )
    new, changes = next_year_plan(plan, 2026, date(2025, 12, 1))
    assert changes == [
        Change("Trích yếu", "truyền thông năm 2025", "truyền thông năm 2026"),
        Change("Mở đầu", "Thực hiện kế hoạch năm 2025.", "Thực hiện kế hoạch năm 2026."),
        Change(
            "Câu dẫn", "Bệnh viện xây dựng Kế hoạch năm 2025 như sau:", "Bệnh viện xây dựng Kế hoạch năm 2026 như sau:"
        ),
        Change("Câu kết", "Trên đây là Kế hoạch năm 2025./.", "Trên đây là Kế hoạch năm 2026./."),
    ]
    assert (new.intro, new.lead_sentence, new.closing) == tuple(c.after for c in changes[1:])
    # without a period the plan's year is its date's: 2025 moves to 2027 in one step
    _, changes = next_year_plan(plan, 2027, date(2025, 12, 1))
    assert changes[0] == Change("Trích yếu", "truyền thông năm 2025", "truyền thông năm 2027")
    plan.period_start = date(2024, 1, 1)  # the period says 2024: "năm 2025" is not the plan's year
    assert next_year_plan(plan, 2026, date(2025, 12, 1))[1] == []


@pytest.mark.parametrize("year", [2000, 2100])
def test_next_years_plan_accepts_the_first_and_last_year(year):
    plan = Plan("truyền thông", PartialDate(2025), period_start=date(2025, 1, 1))
    assert next_year_plan(plan, year, date(2025, 12, 1))[0].period_end == date(year, 12, 31)


@pytest.mark.parametrize("year", [1999, 2101])
def test_next_years_plan_refuses_a_year_out_of_range_saying_so(year):
    plan = Plan("truyền thông", PartialDate(2025))
    with pytest.raises(UserError) as e:
        next_year_plan(plan, year, date(2025, 12, 1))
    assert str(e.value) == (
        f"Không tạo được kế hoạch năm {year}: năm của kế hoạch là từ 2000 đến 2100. Dữ liệu không thay đổi."
    )


@pytest.mark.parametrize(
    "duty, target",
    [
        ("Tổ chức 02 tọa đàm về phòng, chống lao", Target(2, "hoi_nghi", "tọa đàm")),
        ("Tổ chức 2 hội thảo chuyên đề", Target(2, "hoi_nghi", "hội thảo")),
        ("Tổ chức 03 buổi tập huấn cho nhân viên", Target(3, "tap_huan", "buổi tập huấn")),
        ("Mở 02 lớp tập huấn kỹ năng", Target(2, "tap_huan", "lớp tập huấn")),
        ("Đăng 10 bài trên mạng xã hội Facebook", Target(10, "mang_xa_hoi", "")),
        ("Đăng 10 bài trên trang thông tin điện tử", Target(10, "tin_bai", "bài")),
    ],
)
def test_the_target_a_duty_sets(duty, target):
    assert targets_in(duty) == [target]


def test_a_new_forms_code_is_its_label_folded_and_numbered_when_taken():
    assert new_code("Khám sàng lọc", set()) == "kham_sang_loc"
    assert new_code("Khám sàng lọc", {"kham_sang_loc"}) == "kham_sang_loc_2"
    assert new_code("Khám sàng lọc", ["kham_sang_loc", "kham_sang_loc_2"]) == "kham_sang_loc_3"
    assert new_code("  ", []) == "hinh_thuc"


def test_a_committees_name_keeps_its_place_capitalised():
    assert issuer_name("BAN CHỈ ĐẠO CHƯƠNG TRÌNH PHÒNG CHỐNG TÁC HẠI THUỐC LÁ TỈNH THỪA THIÊN HUẾ") == (
        "Ban Chỉ đạo Chương trình phòng chống tác hại thuốc lá tỉnh Thừa Thiên Huế"
    )
    # a party committee of a place is a proper name whole: the place keeps its capitals
    assert issuer_name("THÀNH ỦY ĐÀ LẠT") == "Thành ủy Đà Lạt"
    assert issuer_name("TỈNH ỦY LÂM ĐỒNG") == "Tỉnh ủy Lâm Đồng"
    assert issuer_name("HUYỆN ỦY ĐỨC TRỌNG") == "Huyện ủy Đức Trọng"


def test_the_header_column_gives_the_issuer_and_its_parent():
    assert read_issuers(["UBND", "TỈNH LÂM ĐỒNG"]) == ("Ủy ban nhân dân tỉnh Lâm Đồng", "")
    assert read_issuers(["UBND TỈNH LÂM ĐỒNG", "SỞ Y TẾ"]) == ("Sở Y tế", "Ủy ban nhân dân tỉnh Lâm Đồng")
    # the body's sentence names it in full: its words are taken, even when the header has commas too
    assert named_in_body(
        "BAN CHỈ ĐẠO CHƯƠNG TRÌNH PHÒNG, CHỐNG TÁC HẠI THUỐC LÁ",
        "Ban chỉ đạo Chương trình phòng, chống tác hại của thuốc lá tỉnh Thừa Thiên Huế",
    ) == ("Ban Chỉ đạo Chương trình phòng, chống tác hại của thuốc lá tỉnh Thừa Thiên Huế")


@pytest.mark.parametrize(
    "title, doc_date, year",
    [
        ("Kế hoạch truyền thông năm 2026", None, 2026),
        ("KẾ HOẠCH TRUYỀN THÔNG NĂM 1945", None, 1945),
        ("Kế hoạch truyền thông năm 2200", None, 2200),
        ("Kế hoạch truyền thông năm 1944", None, None),  # outside the years a plan can have: not read
        ("Kế hoạch truyền thông năm 2201", PartialDate(2025, 3), 2025),
        ("Kế hoạch thực hiện đến năm 2030", PartialDate(2026, 1, 5), 2026),  # a horizon, not the plan's year
        ("Kế hoạch năm 2021 - 2022", PartialDate(2021), 2021),
        ("Kế hoạch năm 2025 và năm 2026", None, None),  # two years: neither
    ],
)
def test_the_plans_year_is_the_one_its_title_names(title, doc_date, year):
    assert plan_year(ImportedPlan(title=title, doc_date=doc_date)) == year


def test_the_document_type_is_its_uppercase_title_word():
    assert doc_type_line(["SỞ Y TẾ", "Số: 12/KH-SYT", "KẾ HOẠCH", "Truyền thông"]) == "KẾ HOẠCH"
    assert doc_type_line(["CÔNG VĂN"]) == "CÔNG VĂN"
    assert doc_type_line(["Sở Y tế", "Kế hoạch truyền thông"]) == ""  # running text names no type
    assert doc_type_line(["SỞ Y TẾ"] * 40 + ["KẾ HOẠCH"]) == ""  # only the first 40 lines are the header
