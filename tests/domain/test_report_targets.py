"""Targets of three kinds in a report (issue 24): the hand-counted plan of tests/targets_plan.py reported
for Q1, for the year and for an empty Q3."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.models import TargetResult
from desktop.domain.report import compile_report, drafts
from desktop.domain.target_kinds import read_value, target_text
from tests import targets_plan as fx

Q1 = (date(2025, 1, 1), date(2025, 3, 31))
Q3 = (date(2025, 7, 1), date(2025, 9, 30))
YEAR = (date(2025, 1, 1), date(2025, 12, 31))


@pytest.fixture
def planned():
    p = fx.plan()
    next_id = iter(range(1, 100))
    for it, _ in p.walk():  # ids as the store gives them
        it.id = next(next_id)
        for t in it.targets:
            t.id = 100 + it.id
    count, reach, rate = (t for task in p.tasks() for t in task.targets)
    recorded = {
        (rate.id, "q1", 2025): TargetResult(rate.id, "q1", 2025, 30.0),
        (rate.id, "year", 2025): TargetResult(rate.id, "year", 2025, 45.0, note=fx.NOTE),
    }
    return p, fx.ledger(p), recorded


def _texts(planned, period):
    p, acts, recorded = planned
    unit = fx.unit()
    c = compile_report(p, unit, acts, *period, recorded=recorded)
    return c, {s.key: s.text for s in drafts(p, unit, c) if s.key}


def _about_targets(texts: dict[str, str]) -> list[str]:
    """The parts that speak of targets: each task's, Ưu điểm, Tồn tại (the others are the clerk's)."""
    return [v for k, v in texts.items() if k.startswith("task.") or k in ("uu_diem", "han_che")]


def test_q1_judges_its_own_targets_and_shows_the_years_as_progress(planned):
    c, t = _texts(planned, Q1)
    news, talks, vneid = (tr.targets for tr in c.tasks)
    assert news[0].text() == "chỉ tiêu năm 12 tin, bài, thực hiện 02 tin, bài, đạt 16,7% chỉ tiêu năm"
    assert not news[0].judged and not news[0].met  # a year target in a quarter: never "chưa đạt"
    assert talks[0].text() == "chỉ tiêu quý I 500 người bệnh, thực hiện 520 người bệnh (104%): ĐẠT"
    assert vneid[0].text() == "tỷ lệ người bệnh đăng ký qua VNeID 30% (chỉ tiêu năm 50%)"
    assert "So với Kế hoạch: chỉ tiêu năm 12 tin, bài, thực hiện 02 tin, bài, đạt 16,7% chỉ tiêu năm." in t["task.2"]
    assert "chưa đạt" not in " ".join(_about_targets(t)).lower()


def test_the_year_judges_every_target_with_value_and_reason(planned):
    c, t = _texts(planned, YEAR)
    got = [tp.text() for tp in c.targets()]
    assert got == [
        "chỉ tiêu 12 tin, bài, thực hiện 10 tin, bài (83,3%): CHƯA ĐẠT",
        "chỉ tiêu quý I 500 người bệnh, thực hiện 520 người bệnh (104%): ĐẠT",  # judged on Q1's data
        f"tỷ lệ người bệnh đăng ký qua VNeID 45% (chỉ tiêu 50%): CHƯA ĐẠT ({fx.NOTE})",
    ]
    assert [tp.met for tp in c.targets()] == [False, True, False]
    assert t["task.4"].endswith(
        f"So với Kế hoạch: tỷ lệ người bệnh đăng ký qua VNeID 45% (chỉ tiêu 50%): CHƯA ĐẠT ({fx.NOTE})."
    )


def test_an_empty_quarter_says_nothing_of_targets(planned):
    c, t = _texts(planned, Q3)
    assert c.total == 0 and c.targets() == []
    text = " ".join(_about_targets(t))
    assert "chỉ tiêu" not in text and "ĐẠT" not in text


def test_a_judged_rate_nobody_recorded_is_left_to_fill_by_hand(planned):
    p, acts, _ = planned
    c = compile_report(p, fx.unit(), acts, *YEAR, recorded={})
    assert c.targets()[2].text() == "tỷ lệ người bệnh đăng ký qua VNeID đạt ……% (chỉ tiêu 50%)"
    assert c.targets()[2].achieved is None and not c.targets()[2].met


def test_the_plan_states_each_kind():
    count, reach, rate = (t for task in fx.plan().tasks() for t in task.targets)
    assert [target_text(t) for t in (count, reach, rate)] == [
        "12 tin, bài",
        "500 người bệnh (quý I)",
        "tỷ lệ người bệnh đăng ký qua VNeID đạt 50%",
    ]


@pytest.mark.parametrize(
    ("typed", "kind", "value"),
    [
        ("98,8", "rate", (98.8, None, None)),
        ("98.8 %", "rate", (98.8, None, None)),
        ("247/250", "rate", (98.8, 247, 250)),
        ("47.111", "reach", (47111.0, None, None)),
    ],
)
def test_values_read_as_typed(typed, kind, value):
    assert read_value(typed, kind) == value


@pytest.mark.parametrize(("typed", "kind"), [("120", "rate"), ("251/250", "rate"), ("1/0", "rate"), ("nhiều", "reach")])
def test_values_refused_say_what(typed, kind):
    with pytest.raises(ValueError, match=typed.split("/")[0]):
        read_value(typed, kind)
