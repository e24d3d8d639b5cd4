"""The appendix after the closing table (phu-luc.*): on a new page (a new section, landscape
if need be), its tables ruled on every side (on the table or on every cell, as LibreOffice
saves it) with a repeated header row, a "Tổng" row at the end of the last, 11–14 pt. A long
appendix may be several consecutive tables (one per month …)."""

from __future__ import annotations

from ..model import Para, Table
from ..ooxml import W, child
from ..styles import border_visible
from .common import Context, size_problem

__all__ = ["check_appendix"]

_RULED = {
    "top": "trên",
    "left": "trái",
    "bottom": "dưới",
    "right": "phải",
    "insideH": "ngang bên trong",
    "insideV": "dọc bên trong",
}


def check_appendix(ctx: Context, closing: int) -> None:
    blocks = ctx.doc.blocks
    rest = blocks[closing + 1 :]
    content = [b for b in rest if isinstance(b, Table) or b.has_text]
    if not content:
        return
    if not _starts_new_page(ctx, closing + 1):
        first = content[0]
        place = first.place if isinstance(first, Para) else first.loc
        ctx.add("phu-luc.trang-moi", place, "phụ lục phải bắt đầu ở trang mới (chèn ngắt trang)")
    tables = [b for b in rest if isinstance(b, Table)]
    for b in tables:
        missing = [s for s in _RULED if not border_visible(*b.borders.get(s, (None, None))) and not _cells_rule(b, s)]
        cell_off = any(not border_visible(v, c) for row in b.rows for cell in row for (v, c) in cell.borders.values())
        if missing or cell_off:
            what = ", ".join(_RULED[s] for s in missing) if missing else "một số ô"
            ctx.add("phu-luc.vien-bang", b.loc, f"bảng phụ lục thiếu đường kẻ ({what})")
        if 0 not in b.header_rows:
            ctx.add(
                "phu-luc.lap-tieu-de", b.loc, 'hàng đầu bảng phụ lục chưa đặt "lặp lại ở đầu mỗi trang" (w:tblHeader)'
            )
        for row in b.rows:
            for cell in row:
                for p in cell.paras:
                    ctx.report("phu-luc.co-chu", p.place, [size_problem(p, 11, 14)])
    if tables:
        last = tables[-1]
        last_row = last.rows[-1] if last.rows else []
        last_text = " ".join(p.stripped for c in last_row for p in c.paras)
        if "Tổng" not in last_text and "TỔNG" not in last_text:
            ctx.add("phu-luc.dong-tong", last.loc, 'bảng phụ lục thiếu hàng "Tổng" ở cuối')


def _cells_rule(table: Table, side: str) -> bool:
    """Whether the cells draw the rule `side` of the table themselves (w:tcBorders): the edge
    cells for an outer side, for an inner one every cell or its neighbour across the rule."""

    def on(cell, s):
        return cell is not None and border_visible(*cell.borders.get(s, (None, None)))

    rows = [r for r in table.rows if r]
    if not rows:
        return False
    if side == "top":
        return all(on(c, "top") for c in rows[0])
    if side == "bottom":
        return all(on(c, "bottom") for c in rows[-1])
    if side == "left":
        return all(on(r[0], "left") for r in rows)
    if side == "right":
        return all(on(r[-1], "right") for r in rows)
    if side == "insideV":
        return all(on(a, "right") or on(b, "left") for r in rows for a, b in zip(r, r[1:]))
    if side == "insideH":  # cells of a row over the row under it (same number of cells: a plain grid)
        for upper, lower in zip(rows, rows[1:]):
            if len(upper) != len(lower):
                if not all(on(a, "bottom") for a in upper):
                    return False
                continue
            if not all(on(a, "bottom") or on(b, "top") for a, b in zip(upper, lower)):
                return False
        return True
    return False


def _starts_new_page(ctx: Context, start: int) -> bool:
    blocks = ctx.doc.blocks
    section_ends = {sec.end_block: sec for sec in ctx.doc.sections}
    for i in range(start, len(blocks)):
        b = blocks[i]
        if isinstance(b, Table):
            first = next((p for row in b.rows[:1] for c in row[:1] for p in c.paras), None)
            return first is not None and (first.props.page_break_before or first.page_break_before_text())
        if b.props.page_break_before or b.page_break_before_text():
            return True
        if b.has_text:
            return False
        if any(r.page_break for r in b.runs):
            return True
        if i in section_ends:  # a section break; the next section's w:type says which kind
            nxt = next((s for s in ctx.doc.sections if s.index == section_ends[i].index + 1), None)
            has_sect = nxt is not None and nxt.sect is not None
            kind_el = child(nxt.sect, W.type) if has_sect else None
            kind = kind_el.get(W.val) if kind_el is not None else "nextPage"
            if kind != "continuous":
                return True
    return False
