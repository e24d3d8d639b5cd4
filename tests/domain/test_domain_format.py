"""Rules of writing: numbers, dates, the number line, citations, numbering, text hygiene."""

import unicodedata
from datetime import date

import pytest

from desktop.domain.models import LegalRef, PartialDate
from desktop.domain.numbering import bullet_mark, letter, roman, section_label
from desktop.domain.references import basis_lines, cite, parse_citation
from desktop.domain.text import clean, fold, matches
from desktop.domain.vnformat import (
    count,
    doc_number,
    money,
    number,
    number_line,
    parse_date,
    place_date,
    short_date,
    written_date,
)


@pytest.mark.parametrize(
    "n, text",
    [
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (1500000, "1.500.000"),
        (-2500, "-2.500"),
        (12.5, "12,5"),
        (100.0, "100"),
    ],
)
def test_number_uses_dot_thousands(n, text):
    assert number(n) == text


def test_money_and_counts():
    assert money(1500000) == "1.500.000 đồng"
    assert count(3) == "03" and count(24) == "24" and count(1245) == "1.245" and count(0) == "00"


@pytest.mark.parametrize("num, line", [(5, "Số: 05/KH-BVPBT"), (12, "Số: 12/KH-BVPBT"), (123, "Số: 123/KH-BVPBT")])
def test_number_line(num, line):
    assert number_line(num, "KH", "bvpbt") == line


def test_blank_number_leaves_room_for_the_register():
    line = number_line(None, "BC", "BVPBT")
    assert line.startswith("Số: ") and line.endswith("/BC-BVPBT")
    assert line[4 : line.index("/")].strip() == "" and len(line[4 : line.index("/")]) >= 5
    assert doc_number(None, "KH", "X").endswith("/KH-X")


@pytest.mark.parametrize(
    "d, text",
    [
        (PartialDate(2025, 9, 5), "Lâm Đồng, ngày 05 tháng 9 năm 2025"),
        (PartialDate(2025, 1, 15), "Lâm Đồng, ngày 15 tháng 01 năm 2025"),
        (PartialDate(2025, 2, 1), "Lâm Đồng, ngày 01 tháng 02 năm 2025"),
        (PartialDate(2025, 12, 31), "Lâm Đồng, ngày 31 tháng 12 năm 2025"),
        (PartialDate(2025, 3, 10), "Lâm Đồng, ngày 10 tháng 3 năm 2025"),
    ],
)
def test_place_date_padding(d, text):
    assert place_date("Lâm Đồng", d) == text


def test_place_date_blank_day_and_month():
    t = place_date("Hà Nội", PartialDate(2025, 9))
    assert t.startswith("Hà Nội, ngày ") and t.endswith(" tháng 9 năm 2025")
    assert t.split("ngày ")[1].split(" tháng")[0].strip() == ""
    t2 = place_date("Hà Nội", PartialDate(2025))
    assert t2.split("tháng ")[1].split(" năm")[0].strip() == ""


def test_short_date_in_citations():
    assert short_date(date(2025, 9, 4)) == "04/9/2025"
    assert short_date(date(2025, 2, 27)) == "27/02/2025"
    assert short_date(date(2024, 12, 22)) == "22/12/2024"
    assert written_date(PartialDate(2025, 12, 5)) == "ngày 05/12/2025"
    assert written_date(PartialDate(2025, 12)).endswith("tháng 12 năm 2025")


@pytest.mark.parametrize("text", ["05/3/2025", "5-3-2025", "2025-03-05", "05.03.2025"])
def test_parse_date_forms(text):
    assert parse_date(text) == date(2025, 3, 5)


@pytest.mark.parametrize(
    "text, words",
    [
        ("31/02/2025", "tháng 2/2025 không có ngày 31"),
        ("hôm qua", "không phải là ngày"),
        ("", "chưa nhập ngày"),
        ("2025/13/01", "không có tháng 13"),
    ],
)
def test_parse_date_rejects_with_vietnamese_message(text, words):
    with pytest.raises(ValueError, match=words):
        parse_date(text)


NQ57 = LegalRef(
    "Nghị quyết",
    "57-NQ/TW",
    date(2024, 12, 22),
    "Bộ Chính trị",
    "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
)


def test_citation_canonical_form():
    assert cite(NQ57) == "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"
    assert cite(NQ57, with_summary=True).endswith(
        "của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
    )
    assert cite(LegalRef("Nghị quyết", "03/NQ-CP", None, "Chính phủ")) == "Nghị quyết số 03/NQ-CP của Chính phủ"


def test_citation_cleans_typed_text():
    ref = LegalRef("Nghị quyết ", " 71/NQ-CP", date(2025, 4, 1), "Chính\u00a0 phủ\u200b")
    assert cite(ref) == "Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ"


def test_basis_lines_end_with_semicolons_then_full_stop():
    lines = basis_lines([NQ57, NQ57, NQ57])
    assert all(ln.startswith("Căn cứ ") for ln in lines)
    assert lines[0].endswith(";") and lines[1].endswith(";") and lines[2].endswith(".")


def test_parse_citation_round_trip():
    ref = parse_citation("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;")
    assert (ref.kind, ref.number, ref.issued, ref.issuer) == (
        "Nghị quyết",
        "57-NQ/TW",
        date(2024, 12, 22),
        "Bộ Chính trị",
    )
    assert parse_citation("không phải trích dẫn") is None
    ref = parse_citation(
        "Căn cứ Quyết định số 12/QĐ-SYT ngày 05/01/2025 của Sở Y tế tỉnh Lâm Đồng về việc ban hành quy chế thông tin;"
    )
    assert (ref.kind, ref.number, ref.issuer, ref.summary) == (
        "Quyết định",
        "12/QĐ-SYT",
        "Sở Y tế tỉnh Lâm Đồng",
        "về việc ban hành quy chế thông tin",
    )
    assert cite(ref, with_summary=True) == (
        "Quyết định số 12/QĐ-SYT ngày 05/01/2025 của Sở Y tế tỉnh Lâm Đồng về việc ban hành quy chế thông tin"
    )


def test_section_numbering():
    assert [roman(i) for i in (1, 2, 3, 4, 5, 9, 14)] == ["I", "II", "III", "IV", "V", "IX", "XIV"]
    assert section_label(0, 4) == "IV." and section_label(1, 2) == "2." and section_label(2, 3) == "c)"
    assert section_label(3, 1) == "-" and letter(27) == "aa"
    assert bullet_mark(0) == "-" and bullet_mark(1) == "+"


def test_clean_makes_nfc_and_removes_control_characters():
    decomposed = unicodedata.normalize("NFD", "Chuyển đổi số")
    assert clean(decomposed) == "Chuyển đổi số" and unicodedata.is_normalized("NFC", clean(decomposed))
    assert clean("Bộ Y\x0b tế\x00\u200b  \t Việt\ufeffNam\r\n") == "Bộ Y tế ViệtNam"
    assert clean("a\nb") == "a b" and clean("a\r\nb", multiline=True) == "a\nb"
    assert clean(None) == ""


def test_fold_and_search_with_or_without_diacritics():
    assert fold("Chuyển Đổi SỐ") == "chuyen doi so"
    assert matches("chuyen doi so", "Truyền thông về chuyển đổi số")
    assert matches("chuyển đổi", "Truyền thông về CHUYỂN ĐỔI SỐ")
    assert matches("đổi số", unicodedata.normalize("NFD", "chuyển đổi số"))
    assert not matches("bệnh án", "Chuyển đổi số")


# ---------------------------------------------------------------- dates as typed in a field
@pytest.mark.parametrize(
    "typed",
    [
        "2/6/2026",
        "02/06/2026",
        "2-6-2026",
        "2.6.2026",
        "02062026",
        "2/6/26",
        "020626",
        " 2 / 6 / 2026 ",
        "2 6 2026",
        "2026-06-02",
    ],
)
def test_parse_date_reads_every_form_day_first(typed):
    assert parse_date(typed) == date(2026, 6, 2)


@pytest.mark.parametrize(
    "typed, d",
    [
        ("12/01/2026", date(2026, 1, 12)),
        ("05/03/2026", date(2026, 3, 5)),
        ("5/3/2026", date(2026, 3, 5)),
        ("29/02/2028", date(2028, 2, 29)),
        ("31/12/99", date(2099, 12, 31)),
    ],
)
def test_parse_date_is_what_was_typed(typed, d):
    assert parse_date(typed) == d


@pytest.mark.parametrize(
    "typed, words",
    [
        ("31/02/2026", "không có ngày 31"),
        ("29/02/2026", "không có ngày 29"),
        ("5/13/2026", "không có tháng 13"),
        ("abc", "không phải là ngày"),
        ("", "chưa nhập"),
        ("5/3", "không phải là ngày"),
        ("123/3/2026", "không phải là ngày"),
        ("5/3/202", "không phải là ngày"),
    ],
)
def test_parse_date_refuses_impossible_dates(typed, words):
    with pytest.raises(ValueError, match=words):
        parse_date(typed)


def test_field_date_pads_day_and_month():
    from desktop.domain.vnformat import field_date

    assert field_date(date(2026, 9, 14)) == "14/09/2026" and field_date(date(2026, 2, 5)) == "05/02/2026"
    assert field_date(None) == ""


@pytest.mark.parametrize(
    "text, n",
    [
        ("15.000.000", 15_000_000),
        ("15000000", 15_000_000),
        ("15 000 000", 15_000_000),
        ("15,000,000", 15_000_000),
        ("1.500.000 đồng", 1_500_000),
    ],
)
def test_parse_money_reads_grouped_numbers(text, n):
    from desktop.domain.vnformat import parse_money

    assert parse_money(text) == n


@pytest.mark.parametrize("text, words", [("mười", "không phải là số"), ("", "chưa nhập")])
def test_parse_count_refuses_words_and_nothing(text, words):
    from desktop.domain.vnformat import parse_count

    with pytest.raises(ValueError, match=words):
        parse_count(text)
