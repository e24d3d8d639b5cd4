"""Every quantity of a superior's duty proposed as a target of its kind (issue 23, point 5): counts ("ít nhất 02
buổi truyền thông trực tiếp"), rates ("100 % khoa, phòng") and reach ("2.000 lượt người bệnh và người nhà")."""

from __future__ import annotations

from desktop.domain.cascade import propose_plan
from desktop.domain.models import Target
from desktop.domain.plan_import import parse_plan_text
from desktop.domain.target_kinds import target_text
from desktop.domain.targets import targets_in
from tests.domain.test_cascade import catalogue
from tests.domain.test_unit_plan_seeds import SO_PLAN, hospital


def test_rates_reach_and_sessions_read_as_their_kinds():
    got = targets_in("Truyền thông cho 100 % khoa, phòng và 2.000 lượt người bệnh và người nhà.")
    assert got == [
        Target(0, "", kind="rate", group="khoa, phòng", percent=100.0),
        Target(2000, "", kind="reach", group="người bệnh và người nhà"),
    ]
    assert [target_text(t) for t in got] == ["tỷ lệ khoa, phòng đạt 100%", "2.000 người bệnh và người nhà"]
    assert targets_in("95% người bệnh được tư vấn; 500 người bệnh") == [
        Target(0, "", kind="rate", group="người bệnh được tư vấn", percent=95.0),
        Target(500, "", kind="reach", group="người bệnh"),  # a group the ledger counts
    ]
    assert targets_in("Tổ chức ít nhất 02 buổi truyền thông trực tiếp tại đơn vị.") == [
        Target(2, "khac", "buổi truyền thông trực tiếp")
    ]
    assert targets_in("02 hội nghị, 12 tin, bài") == [Target(2, "hoi_nghi"), Target(12, "tin_bai")]  # as before


def test_the_so_plan_proposes_its_quantities():
    p = propose_plan(parse_plan_text(SO_PLAN), hospital(), catalogue(), 2025, {"lead": 1})
    by_text = {t.text[:40]: [target_text(x, p.forms) for x in t.targets] for t in p.tasks}
    assert by_text["Truyền thông cho 100 % khoa, phòng và 2."] == [
        "tỷ lệ khoa, phòng đạt 100%",
        "2.000 người bệnh và người nhà",
    ]
    assert by_text["Hình thức truyền thông"] == ["02 buổi truyền thông trực tiếp"]
