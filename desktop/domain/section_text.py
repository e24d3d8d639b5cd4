"""How long a clerk's text of one report section may be, said before anything lays it out.

An 11-million-character edit reached the renderer and came back as libxml2's "Text node too long",
blaming the template; 12 million characters without a space never came back at all: a line with no
place to break is laid out in time that grows faster than its length (Qt's editor: 0,5 s for 100 000
characters, 2,2 s for 200 000, 5,3 s for 400 000). A section of a year's report is a few pages; a
"word" of Vietnamese a few letters, a web address a few hundred.
"""

from __future__ import annotations

from .vnformat import number

MAX_SECTION_CHARS = 100_000  # one section: about 40 printed pages, far more than a whole report
MAX_UNBROKEN = 1_000  # characters between two spaces or line breaks


def longest_unbroken(text: str) -> int:
    """Characters of the longest run without a space or a line break."""
    return max(map(len, text.split()), default=0)


def section_text_problem(heading: str, text: str, length: int | None = None) -> str | None:
    """One Vietnamese line when `text` cannot be the text of the report section `heading`, else None.
    `length`: the section's length with `text` in it, when `text` is a part (a paste) of it."""
    where = f"Phần “{heading}” của báo cáo" if heading else "Câu kết thúc của báo cáo"
    length = len(text) if length is None else length
    if length > MAX_SECTION_CHARS:
        return (
            f"{where} dài {number(length)} ký tự, quá giới hạn {number(MAX_SECTION_CHARS)} ký tự của một phần "
            "(khoảng 40 trang): có thể đã dán nhầm; hãy rút gọn phần này."
        )
    run = longest_unbroken(text)
    if run > MAX_UNBROKEN:
        return (
            f"{where} có một chuỗi {number(run)} ký tự liền nhau không có dấu cách (giới hạn "
            f"{number(MAX_UNBROKEN)}), không phải chữ viết: có thể đã dán nhầm; hãy sửa phần này."
        )
    return None
