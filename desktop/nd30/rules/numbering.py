"""Heading numbering in the body: "I.", "II." … in capitals and bold (than.muc-la-ma), "1.",
"2." … with a bold number (than.muc-so), each in order (than.thu-tu-muc); "a)" headings are
only recognised as headings."""

from __future__ import annotations

import re

from ...domain.numbering import roman, roman_value
from ..model import Para
from .common import ROMAN, Context, bold_problem, upper_problem

__all__ = ["HeadingOrder", "is_heading"]

_ARABIC = re.compile(r"^(\d{1,3})\.(?!\d)")
_LETTER = re.compile(r"^[a-zđ]\)")
_ARTICLE = re.compile(r"^(Điều|ĐIỀU)\s+\d+\b")  # "Điều 1." of a decision: its clauses 1., 2. … start again


def is_heading(text: str) -> bool:
    return bool(ROMAN.match(text) or _ARABIC.match(text) or _LETTER.match(text))


class HeadingOrder:
    """The headings seen so far; `see` checks each body paragraph in turn."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.roman_max = 0
        self.arabic_max = 0  # within the current Roman section

    def see(self, p: Para) -> None:
        ctx, text = self.ctx, p.stripped
        if _ARTICLE.match(text):
            self.arabic_max = 0
            return
        m = ROMAN.match(text)
        if m:
            value = roman_value(text[: m.end() - 1]) or 0  # ROMAN matches written-right numerals only
            rest = text[m.end() :].strip()
            upper = upper_problem(rest) and "tên đề mục La Mã cần viết IN HOA"
            ctx.report("than.muc-la-ma", p.place, [upper, bold_problem(p, True)])
            if value != self.roman_max + 1:
                after = f'sau mục "{roman(self.roman_max)}."' if self.roman_max else "ở đầu"
                ctx.add(
                    "than.thu-tu-muc",
                    p.place,
                    f'mục "{roman(value)}." đứng {after}, cần "{roman(self.roman_max + 1)}."',
                )
            self.roman_max = max(self.roman_max, value)
            self.arabic_max = 0
            return
        m = _ARABIC.match(text)
        if m:
            value = int(m.group(1))
            if not p.prefix_bold(m.end()):
                ctx.add("than.muc-so", p.place, f'đề mục "{m.group(0)}" chưa in đậm')
            if value != self.arabic_max + 1:
                after = f'sau mục "{self.arabic_max}."' if self.arabic_max else "đầu tiên trong mục lớn"
                ctx.add("than.thu-tu-muc", p.place, f'mục "{value}." đứng {after}, cần "{self.arabic_max + 1}."')
            self.arabic_max = max(self.arabic_max, value)
