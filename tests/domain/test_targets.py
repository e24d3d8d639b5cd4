"""Targets the clerk types in the review of a superior's plan: every "number unit" is kept."""

from desktop.domain.models import Target
from desktop.domain.targets import read_typed


def test_units_of_no_form_are_kept_as_typed_under_khac():
    assert read_typed("500 lượt") == ([Target(500, "khac", "lượt")], [])
    assert read_typed("500 tờ") == ([Target(500, "to_roi")], [])


def test_a_unit_shared_by_forms_follows_the_task_text():
    assert read_typed("10 buổi", "Tổ chức phát thanh nội bộ về Nghị quyết") == ([Target(10, "phat_thanh")], [])
    assert read_typed("10 buổi", "Sinh hoạt chuyên đề tại các khoa") == ([Target(10, "sinh_hoat")], [])
    assert read_typed("10 buổi", "Tuyên truyền") == ([Target(10, "khac", "buổi")], [])
    assert read_typed("10 buổi phát thanh") == ([Target(10, "phat_thanh", "buổi phát thanh")], [])


def test_several_targets_separated_by_semicolon_and_comma():
    assert read_typed("12 tin, bài; 02 buổi") == ([Target(12, "tin_bai"), Target(2, "khac", "buổi")], [])
    assert read_typed("02 hội nghị, 12 tin, bài; 2.000 tờ rơi") == (
        [Target(2, "hoi_nghi"), Target(12, "tin_bai"), Target(2000, "to_roi", "tờ rơi")],
        [],
    )


def test_what_is_not_number_and_unit_is_returned_not_dropped():
    assert read_typed("nhiều lắm; 500") == ([], ["nhiều lắm", "500"])
    assert read_typed("khoảng 5 lớp") == ([Target(5, "tap_huan")], ["khoảng"])
    assert read_typed("") == ([], [])
