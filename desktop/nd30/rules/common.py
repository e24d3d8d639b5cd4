"""What the rule families share: the checking context and the wording of common problems."""

from __future__ import annotations

import re

from ..findings import Findings
from ..model import Document, Para, Table
from ..ooxml import PAGE_W, W, child, length, num
from ..styles import border_visible
from ..textwidth import text_width_pt
from ..wrap import longest_line_pt

__all__ = [
    "JC_NAMES",
    "ROMAN",
    "Context",
    "bold_problem",
    "borderless",
    "center_problem",
    "italic_problem",
    "centred_line",
    "is_placeholder",
    "is_typed_line",
    "join",
    "line_pt",
    "size_problem",
    "sizes_text",
    "text_pt",
    "upper_problem",
]

ROMAN = re.compile(r"^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})\.(?=\s|$)")
JC_NAMES = {"left": "căn trái", "right": "căn phải", "center": "căn giữa", "both": "căn đều hai bên"}


class Context:
    """One check of one document: the document, the findings so far, facts rules pass on."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.findings = Findings()
        self.doc_code: str | None = None  # KH / BC, from the title block
        self.symbol: str | None = None  # KH / BC …, from the "Số:" line

    def add(self, rule: str, place: str, problem: str) -> None:
        self.findings.add(rule, place, problem)

    def report(self, rule: str, place: str, problems, prefix: str = "") -> None:
        """One finding joining the problems that are not None, if there is any."""
        problem = join(problems)
        if problem:
            self.add(rule, place, prefix + problem)

    def text_width(self, sec_index: int = 0) -> float:
        """Width of the text area of a section, in twips."""
        sections = self.doc.sections
        sect = sections[min(sec_index, len(sections) - 1)].sect
        pgsz = child(sect, W.pgSz) if sect is not None else None
        pgmar = child(sect, W.pgMar) if sect is not None else None
        width = length(pgsz.get(W.w)) if pgsz is not None else None
        width = width or PAGE_W
        if pgmar is not None:
            width -= (
                (length(pgmar.get(W.left)) or 0)
                + (length(pgmar.get(W.right)) or 0)
                + (length(pgmar.get(W.gutter)) or 0)
            )
        return width


def text_pt(para: Para) -> float:
    """Printed width of a paragraph's text, in pt."""
    size = para.size_pt() or 13
    return text_width_pt(para.stripped, size, para.all_bold())


def line_pt(para: Para, avail_twips: float | None) -> float:
    """Printed width of the longest line of a paragraph set in a column `avail_twips` wide
    (its line breaks kept, long lines wrapped at spaces), in pt."""
    size = para.size_pt() or 13
    avail = avail_twips / 20 if avail_twips else None
    return longest_line_pt(para.stripped, size, para.all_bold(), avail)


_TYPED_LINE = re.compile(r"[_\-‐‑–—―=]{3,}")  # "______", "-------": a line typed with characters
_PLACEHOLDER = re.compile(r"[.…·]{3,}|…+")  # "…………", ".......": a blank left to fill in by hand


def is_typed_line(text: str) -> bool:
    """A paragraph that is only a line typed with underscores or dashes (a public form's rule)."""
    return bool(_TYPED_LINE.fullmatch("".join(text.split())))


def is_placeholder(text: str) -> bool:
    """A paragraph that is only dots or ellipses: a blank of a form, not a name or a summary."""
    return bool(_PLACEHOLDER.fullmatch("".join(text.split())))


def borderless(ctx: Context, table: Table, rule: str, what: str) -> None:
    """A layout table (header, closing) must print no border at all."""
    sides = [s for s, (v, c) in table.borders.items() if border_visible(v, c)]
    cell_sides = {s for row in table.rows for cell in row for s, (v, c) in cell.borders.items() if border_visible(v, c)}
    if sides or cell_sides:
        ctx.add(rule, table.loc, f"{what} có đường viền, cần bỏ hết viền (không kẻ khung)")


# -- the wording of common problems (None when there is none)


def sizes_text(sizes: list[float]) -> str:
    return " và ".join(f"{num(s)} pt" for s in sizes)


def size_problem(para: Para, lo: float, hi: float) -> str | None:
    bad = [s for s in para.sizes() if not lo - 0.01 <= s <= hi + 0.01]
    if not bad:
        return None
    want = f"{num(lo)} pt" if lo == hi else f"{num(lo)}–{num(hi)} pt"
    return f"cỡ chữ {sizes_text(bad)}, cần {want}"


def center_problem(para: Para) -> str | None:
    if para.props.jc == "center":
        return None
    return f"chưa căn giữa (đang {JC_NAMES.get(para.props.jc, para.props.jc)})"


def bold_problem(para: Para, want: bool) -> str | None:
    if want and not para.all_bold():
        return "chưa in đậm" if not para.any_bold() else "có chỗ chưa in đậm"
    if not want and para.any_bold():
        return "đang in đậm, cần chữ đứng thường (không đậm)"
    return None


def italic_problem(para: Para, want: bool) -> str | None:
    if want and not para.all_italic():
        return "chưa in nghiêng" if not para.any_italic() else "có chỗ chưa in nghiêng"
    if not want and para.any_italic():
        return "đang in nghiêng, cần chữ đứng"
    return None


def upper_problem(text: str) -> str | None:
    return None if text == text.upper() else "cần viết IN HOA"


def centred_line(para: Para, lo: float, hi: float, bold: bool) -> list:
    """The problems of a centred heading line: size lo–hi pt, bold or not, centred."""
    return [size_problem(para, lo, hi), bold_problem(para, bold), center_problem(para)]


def join(problems) -> str | None:
    problems = [p for p in problems if p]
    return "; ".join(problems) if problems else None
