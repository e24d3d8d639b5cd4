"""One reader per kind of value a clerk types (a date, a decimal, a count, a sum of money, a Roman numeral,
one-line text), every form a clerk writes, and the same answer from every place that reads it: the window's
date field, the workbook import, the superior plan's deadline."""

from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.domain.numbering import roman, roman_value
from desktop.domain.periods import same_period_last_year
from desktop.domain.plan_import import ImportedPlan
from desktop.domain.text import one_line
from desktop.domain.vnformat import number, parse_count, parse_date, parse_decimal, parse_money
from desktop.excel import values as cells

MARCH_5 = date(2026, 3, 5)

# ---------------------------------------------------------------- every form, each kind
ACCEPTED = [
    # dates: day first, a two-digit year is 20yy
    (parse_date, "5/3/26", MARCH_5),
    (parse_date, "05/3/2026", MARCH_5),
    (parse_date, "05/03/2026", MARCH_5),
    (parse_date, "5-3-2026", MARCH_5),
    (parse_date, "05-03-2026", MARCH_5),
    (parse_date, "5.3.2026", MARCH_5),
    (parse_date, "5 3 2026", MARCH_5),
    (parse_date, " 5 / 3 / 2026 ", MARCH_5),
    (parse_date, "05032026", MARCH_5),
    (parse_date, "050326", MARCH_5),
    (parse_date, "2026-03-05", MARCH_5),
    (parse_date, "ngày 5 tháng 3 năm 2026", MARCH_5),
    (parse_date, "Ngày 05 tháng 3 năm 2026", MARCH_5),
    (parse_date, "ngay 5 thang 3 nam 2026", MARCH_5),
    (parse_date, "ngày 05/3/2026", MARCH_5),
    (parse_date, datetime(2026, 3, 5, 9, 30), MARCH_5),  # an Excel date cell
    (parse_date, MARCH_5, MARCH_5),
    (parse_date, "29/02/2028", date(2028, 2, 29)),
    (parse_date, "31/12/99", date(2099, 12, 31)),
    # decimals: a comma before the decimals, dots (or spaces) between thousands
    (parse_decimal, "1,5", 1.5),
    (parse_decimal, "1.500", 1500.0),
    (parse_decimal, "1.500,25", 1500.25),
    (parse_decimal, "0,125", 0.125),
    (parse_decimal, "-2,5", -2.5),
    (parse_decimal, "−2,5", -2.5),
    (parse_decimal, "-1.500", -1500.0),
    (parse_decimal, "15 000 000", 15_000_000.0),
    (parse_decimal, "15\u00a0000\u00a0000", 15_000_000.0),
    (parse_decimal, "1,500,000", 1_500_000.0),
    (parse_decimal, "12", 12.0),
    (parse_decimal, 2.5, 2.5),
    # counts: whole things, never rounded
    (parse_count, "12", 12),
    (parse_count, "0", 0),
    (parse_count, "1.500", 1500),
    (parse_count, "1 500", 1500),
    (parse_count, "1,500,000", 1_500_000),
    (parse_count, 12, 12),
    (parse_count, 12.0, 12),
    # money: whole đồng, with or without the currency word
    (parse_money, "1.500.000", 1_500_000),
    (parse_money, "1.500.000 đồng", 1_500_000),
    (parse_money, "1.500.000đ", 1_500_000),
    (parse_money, "250000 VNĐ", 250_000),
    (parse_money, "1 500 000 đồng", 1_500_000),
    (parse_money, 1_500_000.0000001, 1_500_000),  # a spreadsheet formula's binary rounding
    # Roman numerals: written the one correct way
    (roman_value, "I", 1),
    (roman_value, "IV", 4),
    (roman_value, "IX", 9),
    (roman_value, "XIV", 14),
    (roman_value, "XL", 40),
    (roman_value, "XC", 90),
    (roman_value, "CD", 400),
    (roman_value, "MCMXCIX", 1999),
    # one-line text: what is echoed in a message can never forge a line or reverse the message
    (one_line, "Khoa\nDược", "Khoa Dược"),
    (one_line, "a\r\n\tb", "a b"),
    (one_line, "  kế   hoạch  ", "kế hoạch"),
    (one_line, "x\u202etxt.exe", "x txt.exe"),
    (one_line, "a\u2028b\x1b[31mc", "a b [31mc"),
    (one_line, Path("thư mục/tệp.docx"), "thư mục/tệp.docx"),
]

REFUSED = [
    (parse_date, "31/02/2026", "tháng 2/2026 không có ngày 31"),
    (parse_date, "29/02/2026", "tháng 2/2026 không có ngày 29"),
    (parse_date, "31/4/2026", "tháng 4/2026 không có ngày 31"),
    (parse_date, "0/3/2026", "tháng 3/2026 không có ngày 0"),
    (parse_date, "5/13/2026", "không có tháng 13"),
    (parse_date, "ngày 31 tháng 2 năm 2026", "tháng 2/2026 không có ngày 31"),
    (parse_date, "", "chưa nhập ngày"),
    (parse_date, None, "chưa nhập ngày"),
    (parse_date, "hôm qua", "“hôm qua” không phải là ngày"),
    (parse_date, "5/3", "không phải là ngày"),
    (parse_date, "5/3/202", "không phải là ngày"),
    (parse_date, "123/3/2026", "không phải là ngày"),
    (parse_date, "1234567", "không phải là ngày"),
    (parse_decimal, "1.5", "dấu chấm chỉ dùng để tách hàng nghìn"),
    (parse_decimal, "12.50", "số lẻ viết với dấu phẩy: 12,50"),
    (parse_decimal, "1,500", "đọc được hai cách: hãy viết 1.500 nếu là số nghìn, hoặc 1,5 nếu là số lẻ"),
    (parse_decimal, "1.50.000", "không phải là số"),
    (parse_decimal, "1,5,0", "không phải là số"),
    (parse_decimal, "mười", "“mười” không phải là số"),
    (parse_decimal, "", "chưa nhập số"),
    (parse_decimal, True, "không phải là số"),
    (parse_decimal, float("nan"), "không phải là số"),
    (parse_count, "1,5", "số lượng phải là số nguyên, không phải “1,5”"),
    (parse_count, 1.5, "số lượng phải là số nguyên, không phải “1,5”"),
    (parse_count, "-5", "số lượng không được âm"),
    (parse_count, "1,500", "đọc được hai cách"),
    (parse_count, "1.000.000.000.000.000", "số lượng quá lớn"),
    (parse_count, "", "chưa nhập số lượng"),
    (parse_money, "1,5 đồng", "kinh phí phải là số nguyên"),
    (parse_money, "-100.000 đồng", "kinh phí không được âm"),
]


@pytest.mark.parametrize("read, text, value", ACCEPTED, ids=lambda v: getattr(v, "__name__", repr(v)))
def test_every_form_a_clerk_writes(read, text, value):
    got = read(text)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("read, text, words", REFUSED, ids=lambda v: getattr(v, "__name__", repr(v)))
def test_what_is_not_a_value_is_refused_saying_why(read, text, words):
    if read is roman_value:
        assert roman_value(text) is None
        return
    with pytest.raises(ValueError) as e:
        read(text)
    assert words in str(e.value)


@pytest.mark.parametrize("text", ["XXXX", "IIII", "IC", "VX", "iv", "", "12", "XLX"])
def test_a_roman_numeral_written_wrong_is_not_read(text):
    assert roman_value(text) is None


def test_roman_numerals_read_back_what_roman_writes():
    assert all(roman_value(roman(n)) == n for n in range(1, 4000))
    assert [roman(n) for n in (4, 9, 14, 40, 49, 90, 400, 900, 1994)] == [
        "IV",
        "IX",
        "XIV",
        "XL",
        "XLIX",
        "XC",
        "CD",
        "CM",
        "MCMXCIV",
    ]


@pytest.mark.parametrize("x", [-1234.5, -2.5, -3, 0.25, 1500, 1_500_000, 1234.75])
def test_numbers_read_back_what_they_write(x):
    """`number` writes the minus sign and the decimal comma; the reader reads it back to the same value."""
    assert parse_decimal(number(x)) == x


def test_a_negative_number_keeps_its_sign_when_written():
    assert number(-1.5) == "-1,5" and number(-1234.5) == "-1.234,5" and number(-1500) == "-1.500"


def test_29_february_last_year_is_28_february():
    assert same_period_last_year(date(2024, 1, 1), date(2024, 2, 29)) == (date(2023, 1, 1), date(2023, 2, 28))
    assert same_period_last_year(date(2024, 2, 29), date(2024, 3, 31)) == (date(2023, 2, 28), date(2023, 3, 31))


# ---------------------------------------------------------------- the same answer everywhere
DATE_TEXTS = [t for read, t, _ in ACCEPTED if read is parse_date and isinstance(t, str)]
BAD_DATES = [t for read, t, _ in REFUSED if read is parse_date and t]


@pytest.mark.parametrize("text", DATE_TEXTS + BAD_DATES)
def test_a_workbook_cell_reads_a_date_as_the_window_does(text):
    assert _answer(cells.parse_date_value, text) == _answer(parse_date, text)
    assert _answer(lambda t: cells.parse_period(t)[0], text) == _answer(parse_date, text)


@pytest.mark.parametrize("text", ["5/3/26", "05/03/2026", "5/3/2026", "31/02/2026", "29/02/2028"])
def test_the_superior_deadline_reads_a_date_as_the_window_does(text):
    plan = ImportedPlan(deadline=text)
    expected = _answer(parse_date, text)
    assert plan.deadline_date(2030) == (expected if isinstance(expected, date) else None)


def test_a_yearly_deadline_falls_in_the_plan_year():
    assert ImportedPlan(deadline="05/12").deadline_date(2026) == date(2026, 12, 5)
    assert ImportedPlan(deadline="29/02").deadline_date(2026) is None


@pytest.mark.parametrize("read, text, _", [a for a in ACCEPTED + REFUSED if a[0] in (parse_count, parse_money)])
def test_a_workbook_cell_reads_a_count_as_the_window_does(read, text, _):
    what = "kinh phí" if read is parse_money else "số lượng"
    cell = _answer(lambda t: cells.parse_count(t, what, money=read is parse_money), text)
    assert (cell if cell is not None else "chưa nhập") == _answer(read, text)


def test_a_range_in_the_appendix_takes_two_digit_years():
    assert cells.parse_period("5/3/26 - 7/3/26") == (MARCH_5, date(2026, 3, 7))


def _answer(read, text):
    """The value read, or the first words of the reason it was refused."""
    try:
        return read(text)
    except ValueError as e:
        return "chưa nhập" if str(e).startswith("chưa nhập") else str(e)
