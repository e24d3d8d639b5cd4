"""The short horizontal line under the issuing body, the motto and the summary: present, solid,
and of the right length (dau-trang.gach-co-quan, dau-trang.gach-tieu-ngu, tieu-de.gach)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Para, Table
from ..ooxml import cm_pt, num
from .common import Context, is_placeholder, is_typed_line, text_pt

__all__ = ["line_under"]


@dataclass
class _Line:
    para: Para
    width_pt: float | None
    problem: str | None  # e.g. not a solid line


def _find_line(seq: list, i_last: int, avail) -> _Line | None:
    """The line drawn under seq[i_last]: its own bottom border or drawing, a border or
    drawing in the empty paragraphs after it, or a top border / drawing on the next line."""
    cands = [(seq[i_last], ("bottom",))]
    j = i_last + 1
    while j < len(seq) and (not seq[j].has_text or is_placeholder(seq[j].stripped)):
        cands.append((seq[j], ("top", "bottom")))
        j += 1
    if j < len(seq):
        cands.append((seq[j], ("top",)))
    for para, sides in cands:
        if para is not seq[i_last] and is_typed_line(para.stripped):  # "______" typed under the text
            return _Line(para, text_pt(para), None)
        if para.lines:
            return _Line(para, para.lines[0], None)
        for side in sides:
            b = para.props.border(side)
            if b is None:
                continue
            width = avail(para)
            width_pt = (width - para.props.left - para.props.right) / 20 if width is not None else None
            problem = None if b[0] == "single" else f"đường kẻ kiểu {b[0]}, cần nét liền (single)"
            return _Line(para, width_pt, problem)
    return None


def line_under(
    ctx: Context,
    table: Table | None,
    seq: list,
    anchor: Para,
    rule: str,
    what: str,
    text_pt: float,
    lo: float,
    hi: float,
    want: str,
) -> None:
    """Check the line under `anchor` (in `seq`, the paragraphs of a table column or of the
    body): its length must be lo–hi times `text_pt`, the width of the text it underlines."""
    if table is not None:

        def avail(p):
            cell = table.cell_of(p)
            return cell.text_width if cell is not None else None
    else:

        def avail(p):
            return ctx.text_width()

    i_last = next(i for i, p in enumerate(seq) if p is anchor)
    line = _find_line(seq, i_last, avail)
    if line is None:
        ctx.add(rule, anchor.place, f"thiếu đường kẻ ngang dưới {what}")
        return
    if line.problem:
        ctx.add(rule, anchor.place, line.problem)
        return
    if line.width_pt is None or text_pt <= 0:
        return
    ratio = line.width_pt / text_pt
    if not lo * 0.97 <= ratio <= hi * 1.03:
        ctx.add(
            rule,
            anchor.place,
            f"đường kẻ dưới {what} dài {cm_pt(line.width_pt)} cm, bằng "
            f"{num(round(ratio, 2))} lần dòng chữ ({cm_pt(text_pt)} cm); cần {want}",
        )
