"""The superior's outline read line by line and the report compiled to it (report_outline.py), against a
small hand-made plan and ledger: each heading's part, its key and the outline's table filled."""

from datetime import date

import pytest

from desktop.domain.models import Activity, Department, PartialDate, Plan, PlanItem, Unit
from desktop.domain.outline_table import CELL_DOTS, table_row
from desktop.domain.report import compile_report, drafts
from desktop.domain.report_outline import match_task, outline_sections, parse_outline


@pytest.fixture
def unit():
    return Unit(
        "Bệnh viện Đa khoa tỉnh",
        "BVĐK",
        "Lâm Đồng",
        "Sở Y tế tỉnh Lâm Đồng",
        departments=[Department("Khoa Khám bệnh", "KB", 1), Department("Khoa Dinh dưỡng", "DD", 2)],
    )


@pytest.fixture
def plan():
    direct = PlanItem(
        "section",
        "Truyền thông trực tiếp",
        children=[
            PlanItem("bullet", "Sinh hoạt chuyên đề tại khoa", is_task=True, id=21),
            PlanItem("bullet", "Phát tờ rơi cho người bệnh", is_task=True, id=22),
        ],
        id=20,
    )
    web = PlanItem("section", "Truyền thông trên Trang thông tin điện tử", is_task=True, id=30)
    body = PlanItem("section", "NỘI DUNG", children=[direct, web], id=10)
    return Plan(
        "Truyền thông giáo dục sức khỏe năm 2025",
        PartialDate(2025, 1, 10),
        number=3,
        items=[PlanItem("section", "MỤC ĐÍCH, YÊU CẦU", id=5), body],
        id=1,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
    )


def _act(d, dept, task, form, qty, people=None, cost=0):
    return Activity(
        start=d,
        dept_id=dept,
        task_id=task,
        form_code=form,
        title="Hoạt động",
        quantity=qty,
        participants=people,
        cost=cost,
    )


@pytest.fixture
def compiled(plan, unit):
    # sinh hoạt: 4 + 5 = 9 buổi, 150 + 200 = 350 people, 1 500 000 đồng; 1 000 tờ rơi; one activity of no task
    ledger = [
        _act(date(2025, 1, 8), 1, 21, "sinh_hoat", 4, 150, 1500000),
        _act(date(2025, 2, 12), 1, 21, "sinh_hoat", 5, 200),
        _act(date(2025, 2, 3), 1, 22, "to_roi", 1000),
        _act(date(2025, 2, 14), 2, None, "tin_bai", 1),
    ]
    return compile_report(plan, unit, ledger, date(2025, 1, 1), date(2025, 3, 31))


class _T:
    def __init__(self, heading, key=""):
        self.heading = heading
        self.key = key


def test_a_part_heading_is_labelled_with_its_word_and_number():
    heads = parse_outline("PHẦN I. KẾT QUẢ THỰC HIỆN\nMục 2: Phương hướng")
    assert [(h.label, h.text, h.level) for h in heads] == [
        ("PHẦN I", "KẾT QUẢ THỰC HIỆN", 1),
        ("Mục 2", "Phương hướng", 1),
    ]


def test_blank_lines_between_headings_do_not_end_the_outline():
    heads = parse_outline("ĐỀ CƯƠNG BÁO CÁO\n\nI. Công tác chỉ đạo\n\n1. Ban hành văn bản\n   \nII. Kiến nghị")
    assert [(h.label, h.level, h.children) for h in heads] == [("I.", 1, 1), ("1.", 2, 0), ("II.", 1, 0)]


def test_a_table_goes_to_the_heading_right_above_it():
    text = "I. Công tác chỉ đạo\nII. Kết quả thực hiện\nNội dung | Số lượng\nTổng cộng |"
    first, second = parse_outline(text)
    assert first.table == [] and second.table == [["Nội dung", "Số lượng"], ["Tổng cộng", ""]]


def test_a_task_is_matched_only_when_its_name_is_mostly_the_headings():
    # 9 words ('đề' is a stop word): the heading's 2 are all the task's, but 2/9 of the task's are the heading's
    long_task = _T("Sinh hoạt chuyên đề khoa phòng lâm sàng hằng tháng")
    assert match_task("Sinh hoạt", [long_task]) is None
    short_task = _T("Sinh hoạt chuyên đề")  # 2 of its 3 words
    assert match_task("Sinh hoạt", [long_task, short_task]) is short_task


def _outline(plan, unit, compiled, text):
    return outline_sections(parse_outline(text), drafts(plan, unit, compiled), compiled)


def test_each_heading_gets_its_part_or_is_the_clerks(plan, unit, compiled):
    text = (
        "I. Sinh hoạt chuyên đề tại khoa\n"  # a task with its own key
        "II. Truyền thông trực tiếp\n"  # an area of two tasks: a paragraph each
        "III. Các hoạt động khác\n"  # the activities of no task are not a task the outline can name
        "IV. Khó khăn, vướng mắc\n"
        "V. Tình hình nhân lực\n"  # nothing the app writes: the clerk's
    )
    out = _outline(plan, unit, compiled, text)
    assert [(s.label, s.key) for s in out] == [
        ("I.", "task.21"),
        ("II.", "outline.2"),
        ("III.", "outline.3"),
        ("IV.", "han_che"),
        ("V.", "outline.5"),
        ("", "ket_thuc"),
    ]
    assert out[1].text.split("\n")[0].startswith("Sinh hoạt chuyên đề tại khoa: tổ chức 09 buổi")
    assert out[2].text == "" and out[4].text == ""


def test_the_outlines_table_is_filled_from_the_ledger(plan, unit, compiled):
    text = (
        "II. Kết quả thực hiện\n"
        "Nội dung | Số lượng | Số người tham dự | Kinh phí\n"
        "Sinh hoạt chuyên đề | | | \n"
        "Phát tờ rơi cho người bệnh | | | \n"
        "Tiêm chủng mở rộng | | 5 | \n"
    )
    out = _outline(plan, unit, compiled, text)
    assert out[0].table == [
        ["Nội dung", "Số lượng", "Số người tham dự", "Kinh phí"],
        ["Sinh hoạt chuyên đề", "9", "350", "1.500.000"],
        ["Phát tờ rơi cho người bệnh", "1.000", "0", "0"],
        ["Tiêm chủng mở rộng", CELL_DOTS, "5", CELL_DOTS],
    ]


def test_a_table_row_is_read_with_or_without_outer_bars():
    assert table_row("| STT | Nội dung | Số lượng |") == ["STT", "Nội dung", "Số lượng"]
    assert table_row("Nội dung | Kinh phí") == ["Nội dung", "Kinh phí"]
    assert table_row("Tổng cộng |") == ["Tổng cộng", ""]
    assert table_row("Khoa Khám bệnh đã tổ chức 12 buổi") is None
