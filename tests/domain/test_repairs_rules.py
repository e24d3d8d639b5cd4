"""The repairs offered on a draft, on small cases built here: a glued word of the opening, an item that lost
its diacritics, the superior named as the doer of a duty; how items are labelled; which words are split
(repairs.find_repairs, item_labels, split_glued)."""

from __future__ import annotations

from desktop.domain.models import PartialDate, Plan, PlanItem
from desktop.domain.repairs import Repair, find_repairs, item_labels, split_glued


def plan(*items: PlanItem) -> Plan:
    return Plan("truyền thông", PartialDate(2026), items=[PlanItem("section", "NỘI DUNG", list(items))])


def test_a_glued_word_and_lost_diacritics_are_offered_where_they_are():
    repairs = find_repairs(
        plan(PlanItem("bullet", "Tuyen truyen ve phong chong benh lao")),
        ["Thực hiện Kế hoạch để đẩymạnh công tác truyền thông."],
        [],
        [],
    )
    assert repairs == [
        Repair("glued", "mở đầu", "đẩymạnh", "đẩy mạnh", True, (), "opening", "thiếu dấu cách giữa hai tiếng"),
        Repair(
            "diacritics",
            "I, -1",
            "Tuyen truyen ve phong chong benh lao",
            "Tuyên truyền về phòng chống bệnh lao",
            True,
            (0, 0),
            "item",
            "đoạn bị mất dấu tiếng Việt: dấu được khôi phục tự động, hãy so với bản gốc trước khi nhận",
        ),
    ]


def test_the_superior_as_the_doer_of_a_duty_is_offered_for_rewording():
    repairs = find_repairs(
        plan(PlanItem("bullet", "Sở Y tế tỉnh Lâm Đồng chỉ đạo các đơn vị triển khai.")),
        [],
        [],
        ["Sở Y tế tỉnh Lâm Đồng"],
    )
    assert repairs == [
        Repair(
            "wording",
            "I, -1",
            "Sở Y tế tỉnh Lâm Đồng",
            None,
            True,
            (0, 0),
            "item",
            "cấp trên là chủ thể của nhiệm vụ: hãy đổi thành khoa, phòng của đơn vị",
        )
    ]


def test_items_are_labelled_as_the_plan_prints_them():
    tens = [PlanItem("section", f"Mục {i}") for i in range(11)]
    assert [lab for _, lab, _ in item_labels(tens)][8:] == ["IX", "X", "XI"]
    nested = [PlanItem("section", "A", [PlanItem("section", "B", [PlanItem("section", "C")])])]
    assert [lab for _, lab, _ in item_labels(nested)] == ["I", "I.1", "I.1.a"]


def test_only_a_marked_word_of_four_letters_or_more_is_split():
    assert split_glued("đểcó") == ("để", "có")
    assert split_glued("Đểcó") == ("Để", "có")
    assert split_glued("vàở") is None  # three letters: too short to be two words glued
    assert split_glued("ĐỂCÓ") is None  # a code or a heading in capitals
