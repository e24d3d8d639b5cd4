"""Rates and reach typed in the review's Chỉ tiêu cell are read as their kinds (issue 23, point 5), not as
counts of "Khác" nor as "chưa hiểu"."""

from desktop.domain.models import Target
from desktop.domain.targets import read_typed


def rate(what, p):
    return Target(0, "", kind="rate", group=what, percent=p)


def reach(n, who):
    return Target(n, "", kind="reach", group=who)


def test_a_rate_named_then_reached():
    assert read_typed("tỷ lệ văn bản ký số đạt 100%") == ([rate("văn bản ký số", 100.0)], [])
    assert read_typed("Tỷ lệ người bệnh được tư vấn đạt 95,5 %") == ([rate("người bệnh được tư vấn", 95.5)], [])


def test_a_bare_percentage_and_a_percentage_of_what():
    assert read_typed("100%") == ([rate("", 100.0)], [])
    assert read_typed("95 % khoa, phòng") == ([rate("khoa, phòng", 95.0)], [])


def test_reach_of_a_group():
    assert read_typed("2.000 người bệnh") == ([reach(2000, "người bệnh")], [])
    assert read_typed("2.000 lượt người bệnh và người nhà") == ([reach(2000, "người bệnh và người nhà")], [])


def test_kinds_mixed_with_counts_in_the_order_typed():
    assert read_typed("02 hội nghị; 95% khoa, phòng; 500 người dân") == (
        [Target(2, "hoi_nghi"), rate("khoa, phòng", 95.0), reach(500, "người dân")],
        [],
    )


def test_a_percentage_over_100_is_not_understood():
    targets, unread = read_typed("tỷ lệ văn bản ký số đạt 150%")
    assert targets == [] and unread == ["tỷ lệ văn bản ký số đạt 150%"]


def test_bare_luot_stays_a_count():
    assert read_typed("500 lượt") == ([Target(500, "khac", "lượt")], [])
