"""A table of the superior's outline (đề cương), as in 'Nội dung | Số lượng | Số người tham dự | Kinh phí' with a
row per form of activity or per task, reproduced in the report with the cells the app can fill filled.

An outline's table arrives as lines of cells separated by '|' (a .txt outline writes them so; docgen.read_text
reads a .docx table's rows so). The first row is the table's head: each column is read by its words (số lượng,
người tham dự, kinh phí, or a group of people reached: người bệnh, người nhà, nhân viên y tế, cộng đồng). A row
is matched by its first cell to a form of activity (its label), a task of the plan (its words) or the totals
('Tổng cộng'). A cell the outline left empty is filled when both its row and its column are known, else printed
as dots to fill by hand; a cell the outline wrote is kept as written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .text import clean, fold
from .vnformat import number

if TYPE_CHECKING:
    from .report import Compiled, Group

CELL_DOTS = "…" * 4  # an empty cell the app cannot fill: to fill by hand
MAX_COLUMNS = 12  # a wider line is text with bars in it, not a row of a table
_EMPTY = {"", "…", "...", "-", "–"}
# (words of a column's head, folded; what the column counts): people's groups before the generic words
_COLUMNS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("nguoi nha",), "reach:người nhà"),
    (("nhan vien y te", "can bo y te", "nvyt"), "reach:nhân viên y tế"),
    (("cong dong", "nguoi dan"), "reach:cộng đồng"),
    (("nguoi benh",), "reach:người bệnh"),
    (("kinh phi", "chi phi"), "cost"),
    (("tham du", "tham gia", "luot nguoi", "so nguoi"), "participants"),
    (("so luong", "so lan", "so buoi", "so hoat dong"), "quantity"),
)
_TOTALS = {"tong", "tong cong", "cong", "tong so"}
_ORDINAL = {"stt", "tt", "so tt", "so thu tu"}


def table_row(line: str) -> list[str] | None:
    """The cells of a line of an outline's table ('Nội dung | Số lượng | Kinh phí', or with outer bars
    '| Nội dung | Số lượng |'), or None for a line that is not one."""
    if "|" not in line:
        return None
    line = line.strip()
    if line.startswith("|"):  # outer bars: '| a | b |'; without the first, a last bar ends an empty cell
        line = line[1:].removesuffix("|")
    cells = [clean(c) for c in line.split("|")]
    if not 2 <= len(cells) <= MAX_COLUMNS or not any(cells):
        return None
    return cells


def column_kind(head: str) -> str:
    """What a column counts, by the words of its head ('' for a column the app does not fill)."""
    f = fold(clean(head))
    if f in _ORDINAL:
        return "ordinal"
    for words, kind in _COLUMNS:
        if any(w in f for w in words):
            return kind
    return ""


def _value(g: Group, kind: str) -> str:
    if kind == "cost":
        return number(g.cost)
    if kind == "participants":
        return number(g.participants)
    if kind.startswith("reach:"):
        return number(g.reach.get(kind.removeprefix("reach:"), 0))
    units = {ln.unit_label or ln.form.unit for ln in g.lines.values()}
    if len(units) <= 1:  # one unit (buổi, tờ …): the quantity; else the number of activities
        return number(sum(ln.quantity for ln in g.lines.values()))
    return number(g.activities)


def _row_group(label: str, c: Compiled) -> Group | None:
    """The activities a row's label names: the totals, a form of activity (its label) or a task (its words)."""
    from .report import Group
    from .report_outline import match_task

    f = fold(label).strip(" .:")
    if not f:
        return None
    if f in _TOTALS:
        return c.forms
    for form in c.catalogue.forms:
        lf = fold(form.label)
        if f == lf or lf in f or (len(f) > 3 and f in lf):
            g = Group(c.catalogue)
            for a in c.activities:
                if a.form_code == form.code:
                    g.add(a, c.catalogue.unit_of(a.form_code, a.unit_label))
            return g
    by_heading = {_Named(tr.task.text): tr for tr in c.tasks}
    found = match_task(label, list(by_heading))
    return by_heading[found].group if found is not None else None


class _Named:
    """A task's name as report_outline.match_task reads it."""

    def __init__(self, heading: str) -> None:
        self.heading = heading


def fill_table(rows: list[list[str]], c: Compiled) -> list[list[str]]:
    """The outline's table (its head first) with the cells the app can fill filled and the other empty cells
    dotted, every row as wide as the widest."""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    kinds = [column_kind(h) for h in rows[0]]
    label_col = next((i for i, k in enumerate(kinds) if k == "" or k == "quantity"), 0)
    label_col = next((i for i, k in enumerate(kinds) if k == ""), label_col)
    out = [rows[0]]
    for r in rows[1:]:
        g = _row_group(r[label_col], c)
        cells = []
        for i, cell in enumerate(r):
            if cell.strip() not in _EMPTY:
                cells.append(cell)
            elif g is not None and kinds[i] not in ("", "ordinal"):
                cells.append(_value(g, kinds[i]))
            else:
                cells.append(CELL_DOTS)
        out.append(cells)
    return out
