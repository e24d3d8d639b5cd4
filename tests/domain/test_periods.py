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
