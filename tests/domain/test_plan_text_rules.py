"""The plan's reference, recipients and task lines (plan_text.py), the typed targets' units and codes
(targets.py) and a clerk's mistyped value's message (target_kinds.py), on small hand-made inputs."""

import pytest

from desktop.domain.models import Department, PartialDate, Plan, PlanItem, Unit
from desktop.domain.plan_text import plan_reference, recipient_lines, task_line
from desktop.domain.target_kinds import RATE, REACH, read_value
from desktop.domain.targets import read_typed, targets_in

UNIT = Unit(
    "Bệnh viện Đa khoa tỉnh",
    "BVĐK",
    "Lâm Đồng",
    departments=[
        Department("Phòng Điều dưỡng", "ĐD", 1),
        Department("Khoa Khám bệnh", "KB", 2),
        Department("Khoa Dinh dưỡng", "DD", 3),
    ],
)


def test_an_unnumbered_plan_without_its_issuer_is_just_ke_hoach():
    plan = Plan("Truyền thông năm 2025", PartialDate(2025, 1, 10))
    assert plan_reference(plan, UNIT, issuer=False) == "Kế hoạch"
    assert plan_reference(plan, UNIT) == "Kế hoạch của Bệnh viện Đa khoa tỉnh năm 2025"


def test_recipients_keep_a_trailing_capital_x():
    lines = recipient_lines(["- Trạm Y tế Phường IX;", "Sở Y tế (báo cáo)."], "KHTH")
    assert lines == ["- Trạm Y tế Phường IX;", "- Sở Y tế (báo cáo);", "- Lưu: VT, KHTH."]


def test_coordinating_departments_are_listed_with_a_comma():
    item = PlanItem("bullet", "Sinh hoạt chuyên đề", is_task=True, lead_dept_id=1, coord_dept_ids=[2, 3])
    assert task_line(item, UNIT, under="Phòng Điều dưỡng") == "Đơn vị phối hợp: Khoa Khám bệnh, Khoa Dinh dưỡng."
    no_lead = PlanItem("bullet", "Phát tờ rơi", is_task=True, coord_dept_ids=[3, 2])
    assert task_line(no_lead, UNIT) == "Đơn vị phối hợp: Khoa Dinh dưỡng, Khoa Khám bệnh."


def test_a_movement_is_the_thi_dua_form():
    assert [(t.quantity, t.form_code) for t in targets_in("Phát động 02 phong trào thi đua trong toàn viện")] == [
        (2, "thi_dua")
    ]


def test_a_typed_unit_with_words_after_it_is_kept_whole():
    (target,), _ = read_typed("12 buổi sinh hoạt chuyên đề")
    assert (target.form_code, target.unit_label) == ("sinh_hoat", "buổi sinh hoạt chuyên đề")
    (leaflets,), _ = read_typed("500 tờ rơi")
    assert (leaflets.form_code, leaflets.unit_label) == ("to_roi", "tờ rơi")


def test_a_mistyped_rate_says_what_to_type():
    with pytest.raises(ValueError) as e:
        read_value("khoảng chín mươi", RATE)
    assert str(e.value).endswith("hoặc số đạt/tổng số (VD: 247/250).")


def test_a_mistyped_number_quotes_its_first_40_characters():
    typed = "bốn mươi bảy nghìn một trăm mười một người bệnh"  # 47 characters
    with pytest.raises(ValueError) as e:
        read_value(typed, REACH)
    assert str(e.value) == f"Số “{typed[:40]}” không đọc được: cần một số nguyên (VD: 47.111)."
    assert typed[:41] not in str(e.value)
