"""Which documents a căn cứ or "Thực hiện …" paragraph cites: a mention opening a clause (after a comma or an
opening bracket, the nearest one before it) is cited; one inside a clause is only named. And a number as it
is printed (citations.cited, citations.clean_number)."""

from __future__ import annotations

import pytest

from desktop.domain.citations import cited, clean_number


def written(text: str) -> list[str]:
    return [text[m.start : m.end] for m in cited(text)]


def test_a_mention_right_after_the_last_comma_opens_a_clause():
    text = "Thực hiện chỉ đạo của Tỉnh ủy về đẩy mạnh, tăng cường truyền thông, Kế hoạch số 12/KH-UBND ngày 01/3/2026"
    assert written(text) == ["Kế hoạch số 12/KH-UBND ngày 01/3/2026"]


def test_a_mention_right_after_the_last_bracket_opens_a_clause():
    text = "Thực hiện ý kiến (tại cuộc họp) của Ủy ban (Kế hoạch số 12/KH-UBND ngày 01/3/2026)"
    assert written(text) == ["Kế hoạch số 12/KH-UBND ngày 01/3/2026"]


def test_a_mention_inside_a_clause_is_not_cited():
    text = "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về thực hiện Nghị quyết số 20-NQ/TW"
    assert written(text) == ["Nghị quyết số 57-NQ/TW ngày 22/12/2024"]


@pytest.mark.parametrize(
    "typed, printed",
    [("71/NQ- -CP", "71/NQ-CP"), ("71/NQ--CP", "71/NQ-CP"), ("71/NQ---CP", "71/NQ-CP"), ("1691- TB-TU", "1691-TB/TU")],
)
def test_a_number_is_printed_with_single_dashes(typed, printed):
    assert clean_number(typed) == printed
