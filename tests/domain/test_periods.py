from datetime import date

import pytest

from desktop.domain.periods import period_phrase, with_period


@pytest.mark.parametrize(
    "start, end, phrase",
    [
        (date(2025, 1, 1), date(2025, 12, 31), "năm 2025"),
        (date(2025, 1, 1), date(2025, 6, 30), "6 tháng đầu năm 2025"),
        (date(2025, 1, 1), date(2025, 9, 30), "9 tháng đầu năm 2025"),
        (date(2025, 1, 1), date(2025, 3, 31), "quý I năm 2025"),
        (date(2025, 4, 1), date(2025, 6, 30), "quý II năm 2025"),
        (date(2025, 7, 1), date(2025, 9, 30), "quý III năm 2025"),
        (date(2025, 10, 1), date(2025, 12, 31), "quý IV năm 2025"),
        (date(2024, 1, 1), date(2024, 3, 31), "quý I năm 2024"),
        (date(2025, 3, 5), date(2025, 4, 20), "từ ngày 05/3/2025 đến ngày 20/4/2025"),
        (date(2025, 1, 1), date(2025, 11, 30), "từ ngày 01/01/2025 đến ngày 30/11/2025"),
        (date(2024, 12, 1), date(2025, 11, 30), "từ ngày 01/12/2024 đến ngày 30/11/2025"),
    ],
)
def test_period_phrase(start, end, phrase):
    assert period_phrase(start, end) == phrase


def test_the_plans_own_period_is_its_year():
    whole = (date(2025, 9, 5), date(2025, 12, 31))
    assert period_phrase(*whole, whole=whole) == "năm 2025"
    assert period_phrase(date(2025, 9, 5), date(2025, 10, 31), whole=whole).startswith("từ ngày")


@pytest.mark.parametrize(
    "text, phrase, out",
    [
        ("Kế hoạch của Bệnh viện A năm 2025", "năm 2025", "Kế hoạch của Bệnh viện A năm 2025"),
        ("Kế hoạch của Bệnh viện A năm 2025", "6 tháng đầu năm 2025", "Kế hoạch của Bệnh viện A 6 tháng đầu năm 2025"),
        (
            "Kế hoạch số 05/KH-BVA ngày 05/9/2025 của Bệnh viện A",
            "năm 2025",
            "Kế hoạch số 05/KH-BVA ngày 05/9/2025 của Bệnh viện A năm 2025",
        ),
        ("Kế hoạch của Bệnh viện A năm 2024", "năm 2025", "Kế hoạch của Bệnh viện A năm 2024 năm 2025"),
    ],
)
def test_with_period_never_says_the_year_twice(text, phrase, out):
    assert with_period(text, phrase) == out


# ---------------------------------------------------------------- months and the NĐ 09/2019 cut-off (issue 24)
from desktop.domain.periods import (  # noqa: E402
    ND09,
    PERIOD_KEYS,
    cutoff_named_in,
    outside_plan,
    period_key,
    period_range,
    same_period_last_year,
)


@pytest.mark.parametrize(
    "key, year, start, end",
    [
        # Nghị định 09/2019/NĐ-CP, Điều 12, counted by hand
        ("year", 2025, date(2024, 12, 15), date(2025, 12, 14)),
        ("h1", 2025, date(2024, 12, 15), date(2025, 6, 14)),
        ("9m", 2025, date(2024, 12, 15), date(2025, 9, 14)),
        ("q1", 2025, date(2024, 12, 15), date(2025, 3, 14)),
        ("q2", 2025, date(2025, 3, 15), date(2025, 6, 14)),
        ("q3", 2025, date(2025, 6, 15), date(2025, 9, 14)),
        ("q4", 2025, date(2025, 9, 15), date(2025, 12, 14)),
        ("m1", 2025, date(2024, 12, 15), date(2025, 1, 14)),
        ("m2", 2025, date(2025, 1, 15), date(2025, 2, 14)),
        ("m3", 2024, date(2024, 2, 15), date(2024, 3, 14)),  # a leap year changes nothing: 15 to 14
        ("m12", 2025, date(2025, 11, 15), date(2025, 12, 14)),
        ("m1", 2026, date(2025, 12, 15), date(2026, 1, 14)),  # across the turn of the year
    ],
)
def test_nd09_cutoff(key, year, start, end):
    assert period_range(key, year, ND09) == (start, end)
    assert period_key(start, end) == (key, year, ND09)


@pytest.mark.parametrize(
    "key, year, start, end",
    [
        ("m1", 2025, date(2025, 1, 1), date(2025, 1, 31)),
        ("m2", 2024, date(2024, 2, 1), date(2024, 2, 29)),  # leap year
        ("m2", 2025, date(2025, 2, 1), date(2025, 2, 28)),
        ("m2", 2100, date(2100, 2, 1), date(2100, 2, 28)),  # not a leap year (century)
        ("m4", 2025, date(2025, 4, 1), date(2025, 4, 30)),
        ("m12", 2025, date(2025, 12, 1), date(2025, 12, 31)),
        ("q1", 2024, date(2024, 1, 1), date(2024, 3, 31)),
        ("year", 2025, date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_calendar_periods(key, year, start, end):
    assert period_range(key, year) == (start, end)
    assert period_key(start, end) == (key, year, "calendar")


def test_every_key_has_both_cutoffs_and_a_label():
    from desktop.domain.periods import PERIOD_LABELS

    assert PERIOD_KEYS[-12:] == tuple(f"m{m}" for m in range(1, 13))
    assert PERIOD_LABELS["m1"] == "Tháng 1" and PERIOD_LABELS["m12"] == "Tháng 12"
    for key in PERIOD_KEYS:
        s, e = period_range(key, 2025, ND09)
        assert (s.day, e.day) == (15, 14)
    with pytest.raises(ValueError):
        period_range("m13", 2025)
    with pytest.raises(ValueError):
        period_range("q1", 2025, "lunar")


@pytest.mark.parametrize(
    "start, end, phrase",
    [
        (date(2024, 12, 15), date(2025, 12, 14), "năm 2025"),
        (date(2024, 12, 15), date(2025, 6, 14), "6 tháng đầu năm 2025"),
        (date(2024, 12, 15), date(2025, 9, 14), "9 tháng đầu năm 2025"),
        (date(2024, 12, 15), date(2025, 3, 14), "quý I năm 2025"),
        (date(2025, 9, 15), date(2025, 12, 14), "quý IV năm 2025"),
        (date(2024, 12, 15), date(2025, 1, 14), "tháng 1 năm 2025"),
        (date(2025, 3, 1), date(2025, 3, 31), "tháng 3 năm 2025"),
        (date(2024, 2, 1), date(2024, 2, 29), "tháng 2 năm 2024"),
        (date(2025, 12, 1), date(2025, 12, 31), "tháng 12 năm 2025"),
        (date(2025, 3, 15), date(2025, 3, 14 + 1), "từ ngày 15/3/2025 đến ngày 15/3/2025"),
    ],
)
def test_month_and_nd09_phrases(start, end, phrase):
    assert period_phrase(start, end) == phrase


def test_same_period_last_year_of_a_leap_month():
    assert same_period_last_year(date(2024, 2, 1), date(2024, 2, 29)) == (date(2023, 2, 1), date(2023, 2, 28))


@pytest.mark.parametrize(
    "text, cutoff",
    [
        ("Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định chế độ báo cáo", ND09),
        ("Thời gian chốt số liệu: số liệu tính từ ngày 15/12/2024 đến ngày 14/12/2025.", ND09),
        ("số liệu báo cáo tính từ ngày 15 tháng 12 năm trước đến hết ngày 14 tháng 12 năm báo cáo", ND09),
        ("Báo cáo kết quả trước ngày 15/12/2025 về Sở Y tế.", ""),
        ("Nghị định số 30/2020/NĐ-CP về công tác văn thư", ""),
    ],
)
def test_cutoff_named_in_a_superiors_text(text, cutoff):
    assert cutoff_named_in(["Kế hoạch truyền thông năm 2025", text]) == cutoff


def test_a_period_outside_the_plan_is_named_with_the_plans_dates():
    plan = (date(2025, 1, 1), date(2025, 12, 31))
    msg = outside_plan(date(2026, 1, 1), date(2026, 3, 31), *plan, "Kế hoạch số 05/KH-BVA")
    assert msg == (
        "Kỳ báo cáo quý I năm 2026 (từ ngày 01/01/2026 đến ngày 31/3/2026) nằm ngoài thời gian của Kế hoạch số"
        " 05/KH-BVA (từ ngày 01/01/2025 đến ngày 31/12/2025): hãy chọn một kỳ trong thời gian của kế hoạch."
        " Chưa ghi tệp nào."
    )
    assert outside_plan(*period_range("year", 2025, ND09), *plan, "x") == ""  # starts 15/12/2024: shares days
    assert outside_plan(date(2024, 12, 1), date(2024, 12, 31), *plan, "x").startswith("Kỳ báo cáo tháng 12 năm 2024 (")
    assert outside_plan(date(2025, 12, 31), date(2026, 1, 5), *plan, "x") == ""  # its last day is the plan's
