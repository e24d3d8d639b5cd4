"""Results per area and per department in prose, and an evaluation that says only what the figures say
(issue 24, point 2), against a hand-counted ledger."""

from datetime import date

import pytest

from desktop.domain.models import Activity, Department, PartialDate, Plan, PlanItem, Target, Unit
from desktop.domain.report import apply_edits, compile_report, drafts, report_blocks
from desktop.domain.report_sections import DOTS, EVALUATION_KEYS, gap_message, gaps


@pytest.fixture
def unit():
    return Unit(
        "Bệnh viện Đa khoa tỉnh",
        "BVĐK",
        "Lâm Đồng",
        "Sở Y tế tỉnh Lâm Đồng",
        departments=[
            Department("Khoa Khám bệnh", "KB", 1),
            Department("Khoa Dinh dưỡng", "DD", 2),
            Department("Phòng Điều dưỡng", "ĐD", 3),  # nothing recorded: no paragraph
        ],
    )


@pytest.fixture
def plan():
    direct = PlanItem(
        "section",
        "Truyền thông trực tiếp",
        children=[
            PlanItem("bullet", "Sinh hoạt chuyên đề tại khoa", is_task=True, id=21, targets=[Target(10, "sinh_hoat")]),
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
        archive_dept_id=1,
    )


def act(d, dept, task, form, qty, people=None, cost=0, title="Hoạt động"):
    return Activity(
        start=d, dept_id=dept, task_id=task, form_code=form, title=title, quantity=qty, participants=people, cost=cost
    )


@pytest.fixture
def ledger():
    # Khoa Khám bệnh: 4 + 5 + 3 = 12 buổi, 150 + 200 + 130 = 480 people; 1 500 + 500 = 2 000 tờ rơi;
    # cost 1 500 000 + 2 000 000 + 1 000 000 = 4 500 000. Khoa Dinh dưỡng: 1 + 1 = 2 tin, bài, no cost.
    return [
        act(date(2025, 1, 8), 1, 21, "sinh_hoat", 4, 150, 1500000),
        act(date(2025, 2, 12), 1, 21, "sinh_hoat", 5, 200, 2000000),
        act(date(2025, 3, 20), 1, 21, "sinh_hoat", 3, 130),
        act(date(2025, 2, 3), 1, 22, "to_roi", 1500, None, 1000000),
        act(date(2025, 3, 3), 1, 22, "to_roi", 500),
        act(date(2025, 2, 14), 2, 30, "tin_bai", 1),
        act(date(2025, 3, 14), 2, 30, "tin_bai", 1),
    ]


def _sections(plan, unit, ledger, start, end):
    return drafts(plan, unit, compile_report(plan, unit, ledger, start, end))


def test_each_department_in_prose_with_its_figures(unit, plan, ledger):
    secs = {s.key: s for s in _sections(plan, unit, ledger, date(2025, 1, 1), date(2025, 3, 31))}
    assert secs["khoa_phong"].text.split("\n") == [
        "Khoa Khám bệnh đã tổ chức 12 buổi sinh hoạt chuyên đề với 480 lượt người tham dự, "
        "phát hành 2.000 tờ rơi; kinh phí 4.500.000 đồng.",
        "Khoa Dinh dưỡng đã đăng tải 02 tin, bài trên Trang thông tin điện tử của Bệnh viện.",
    ]


def test_results_are_grouped_by_the_plans_areas(unit, plan, ledger):
    secs = _sections(plan, unit, ledger, date(2025, 1, 1), date(2025, 3, 31))
    start = next(i for i, s in enumerate(secs) if s.key == "ket_qua")
    end = next(i for i, s in enumerate(secs) if s.key == "khoa_phong")
    assert [(s.label, s.heading, s.level, s.key) for s in secs[start + 1 : end]] == [
        ("1.", "Truyền thông trực tiếp", 2, ""),  # an area of two tasks: a heading, the tasks under it
        ("a)", "Sinh hoạt chuyên đề tại khoa", 3, "task.21"),
        ("b)", "Phát tờ rơi cho người bệnh", 3, "task.22"),
        ("2.", "Truyền thông trên Trang thông tin điện tử", 2, "task.30"),  # a task that is its own area
    ]
    by_key = {s.key: s.text for s in secs}
    assert by_key["task.21"].startswith("Tổ chức 12 buổi sinh hoạt chuyên đề với 480 lượt người tham dự.")
    assert by_key["task.21"].endswith("Kinh phí thực hiện: 3.500.000 đồng.")
    assert by_key["task.22"] == "Phát hành 2.000 tờ rơi. Kinh phí thực hiện: 1.000.000 đồng."
    blocks = [(b.kind, b.full) for b in report_blocks(secs)]
    assert ("h2", "1. Truyền thông trực tiếp") in blocks and ("h3", "a) Sinh hoạt chuyên đề tại khoa") in blocks


INVENTED = (
    "còn ít",
    "chưa phong phú",
    "kiêm nhiệm",
    "còn hạn chế",
    "Tiếp tục triển khai",
    "Đề nghị cấp trên",
    "chủ động",
    "đa dạng hóa",
    "tăng cường",
)


def test_an_empty_quarter_has_no_invented_sentence(unit, plan, ledger):
    secs = _sections(plan, unit, ledger, date(2025, 10, 1), date(2025, 12, 31))
    by_key = {s.key: s for s in secs}
    for key in EVALUATION_KEYS:  # the clerk's to write: blank, printed as a dotted line
        assert by_key[key].draft == "" and by_key[key].text == ""
    text = "\n".join(b.text for b in report_blocks(secs))
    for phrase in INVENTED:
        assert phrase not in text
    # every sentence printed is a figure of the ledger or the plan: the period, the plan, "nothing recorded"
    assert by_key["ket_qua"].text == (
        "Trong kỳ báo cáo (từ ngày 01/10/2025 đến ngày 31/12/2025), Bệnh viện chưa ghi nhận hoạt động truyền thông nào."
    )
    blocks = report_blocks(secs)
    heads = [i for i, b in enumerate(blocks) if b.kind in ("h1", "h2")]
    after = {blocks[i].full: blocks[i + 1].text for i in heads if i + 1 < len(blocks)}
    for head in ("1. Ưu điểm", "2. Tồn tại, hạn chế", "3. Nguyên nhân"):
        assert after[head] == DOTS
    assert after["IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"] == DOTS
    assert after["V. ĐỀ XUẤT, KIẾN NGHỊ"] == DOTS
    assert gaps(secs) == [
        "1. Ưu điểm (III. ĐÁNH GIÁ CHUNG)",
        "2. Tồn tại, hạn chế (III. ĐÁNH GIÁ CHUNG)",
        "3. Nguyên nhân (III. ĐÁNH GIÁ CHUNG)",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    assert gap_message(gaps(secs)[0]) == (
        "Phần “1. Ưu điểm (III. ĐÁNH GIÁ CHUNG)” chưa có số liệu hay nội dung: để dòng chấm để điền tay."
    )


def test_a_quarter_with_activities_gives_no_verdict_and_no_invented_weakness(unit, plan, ledger):
    secs = {s.key: s for s in _sections(plan, unit, ledger, date(2025, 1, 1), date(2025, 3, 31))}
    assert secs["uu_diem"].text == "Các khoa, phòng đã triển khai 07 hoạt động truyền thông với 03 hình thức."
    assert secs["han_che"].text == ""  # a quarter is progress towards the year's targets: no "chưa đạt" here
    assert secs["nguyen_nhan"].text == secs["phuong_huong"].text == secs["kien_nghi"].text == ""


def test_the_year_gives_the_targets_verdicts_from_the_figures(unit, plan, ledger):
    secs = {s.key: s for s in _sections(plan, unit, ledger, date(2025, 1, 1), date(2025, 12, 31))}
    assert secs["uu_diem"].text == (
        "Các khoa, phòng đã triển khai 07 hoạt động truyền thông với 03 hình thức; 01/01 chỉ tiêu của Kế hoạch đạt và vượt."
    )
    assert secs["han_che"].text == ""  # 12 of 10 buổi: met, nothing missed, nothing to say


def test_the_clerks_text_replaces_the_dotted_line(unit, plan, ledger):
    secs = apply_edits(
        _sections(plan, unit, ledger, date(2025, 10, 1), date(2025, 12, 31)), {"nguyen_nhan": "Thiếu nhân lực."}
    )
    assert "Thiếu nhân lực." in [b.text for b in report_blocks(secs)]
    assert "3. Nguyên nhân (III. ĐÁNH GIÁ CHUNG)" not in gaps(secs)


def _reached(a, **groups):
    a.reach = dict(groups)
    return a


def test_people_reached_by_group_in_each_part_of_the_prose(unit, plan):
    # Khoa Khám bệnh, task 21: 700 + 500 = 1 200 người bệnh, 300 + 500 = 800 người nhà; task 22: 50 nhân viên y tế.
    # Khoa Dinh dưỡng, task 30: 40 cộng đồng. Whole quarter: 1 200, 800, 50, 40.
    ledger = [
        _reached(act(date(2025, 1, 8), 1, 21, "sinh_hoat", 4, 150), **{"người bệnh": 700, "người nhà": 300}),
        _reached(act(date(2025, 2, 12), 1, 21, "sinh_hoat", 5, 200), **{"người bệnh": 500, "người nhà": 500}),
        _reached(act(date(2025, 2, 3), 1, 22, "to_roi", 1500), **{"nhân viên y tế": 50}),
        _reached(act(date(2025, 2, 14), 2, 30, "tin_bai", 1), **{"cộng đồng": 40}),
    ]
    by_key = {s.key: s.text for s in _sections(plan, unit, ledger, date(2025, 1, 1), date(2025, 3, 31))}
    assert by_key["task.21"].startswith(
        "Tổ chức 09 buổi sinh hoạt chuyên đề với 350 lượt người tham dự; "
        "tiếp cận 1.200 người bệnh, 800 người nhà người bệnh."
    )
    assert by_key["task.22"] == "Phát hành 1.500 tờ rơi; tiếp cận 50 nhân viên y tế."
    assert by_key["khoa_phong"].split("\n") == [
        "Khoa Khám bệnh đã tổ chức 09 buổi sinh hoạt chuyên đề với 350 lượt người tham dự, phát hành 1.500 tờ rơi, "
        "tiếp cận 1.200 người bệnh, 800 người nhà người bệnh, 50 nhân viên y tế.",
        "Khoa Dinh dưỡng đã đăng tải 01 tin, bài trên Trang thông tin điện tử của Bệnh viện, tiếp cận 40 người dân "
        "trong cộng đồng.",
    ]
    assert (
        "đã thực hiện 04 hoạt động truyền thông với 350 lượt người tham dự, tiếp cận 1.200 người bệnh, "
        "800 người nhà người bệnh, 50 nhân viên y tế, 40 người dân trong cộng đồng." in by_key["ket_qua"]
    )


def test_no_reach_recorded_no_reach_words(unit, plan, ledger):
    texts = [s.text for s in _sections(plan, unit, ledger, date(2025, 1, 1), date(2025, 3, 31))]
    assert not any("tiếp cận" in t for t in texts)
