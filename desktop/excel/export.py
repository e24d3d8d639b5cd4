"""Exporting the ledger: the template's columns (so an export imports elsewhere) plus the unit,
and a summary sheet. Written in streaming mode; text is always written as text, so a title
starting with '=' never becomes a formula."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..domain.models import Activity
from ..files import atomic_path
from .columns import BY_KEY, EXPORT_KEYS, REACH_KEYS
from .lookup import Lookup, task_choice

FONT = Font(name="Times New Roman", size=12)
BOLD = Font(name="Times New Roman", size=12, bold=True)
FILL = PatternFill("solid", fgColor="DDEBF7")


def _text(ws, value: str, font=FONT) -> WriteOnlyCell:
    c = WriteOnlyCell(ws, value=value)
    c.data_type = "s"  # never a formula, whatever the first character
    c.font = font
    return c


def _num(ws, value, fmt: str = "#,##0") -> WriteOnlyCell:
    c = WriteOnlyCell(ws, value=value)
    c.number_format = fmt
    c.font = FONT
    return c


def write_export(
    path: Path,
    acts: list[Activity],
    lookup: Lookup,
    task_label: dict[int, str],
    task_text: dict[int, str],
    dept_name: dict[int, str],
    progress: Callable[[int], None] | None = None,
) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Hoạt động")
    widths = [BY_KEY[k].width for k in EXPORT_KEYS]
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    head = []
    for k in EXPORT_KEYS:
        c = _text(ws, BY_KEY[k].header, BOLD)
        c.fill = FILL
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        head.append(c)
    ws.append(head)
    forms = lookup.catalogue  # the unit's forms
    for n, a in enumerate(acts, 1):
        task = task_choice(task_label.get(a.task_id, ""), task_text[a.task_id]) if a.task_id in task_text else ""
        cells = {
            "start": _num(ws, a.start, "dd/mm/yyyy"),
            "end": _num(ws, a.end, "dd/mm/yyyy") if a.end else _text(ws, ""),
            "dept": _text(ws, dept_name.get(a.dept_id, a.source_dept)),
            "title": _text(ws, a.title),
            "form": _text(ws, forms.form(a.form_code).label),
            "task": _text(ws, task),
            "quantity": _num(ws, a.quantity),
            "unit_label": _text(ws, forms.unit_of(a.form_code, a.unit_label)),
            "participants": _num(ws, a.participants) if a.participants is not None else _text(ws, ""),
            "cost": _num(ws, a.cost),
            "evidence": _text(ws, a.evidence),
            "notes": _text(ws, a.notes),
            "source_unit": _text(ws, a.source_unit or lookup.unit_name),
            **{k: _num(ws, a.reach[g]) if g in a.reach else _text(ws, "") for k, g in REACH_KEYS.items()},
        }
        ws.append([cells[k] for k in EXPORT_KEYS])
        if progress and n % 1000 == 0:
            progress(n)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(EXPORT_KEYS))}{len(acts) + 1}"
    _summary(wb, acts, lookup, task_label, task_text, dept_name)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return Path(path)


def _summary(wb, acts, lookup, task_label, task_text, dept_name) -> None:
    ws = wb.create_sheet("Tổng hợp")
    ws.column_dimensions["A"].width = 60
    for col in "BCDE":
        ws.column_dimensions[col].width = 16

    def table(title: str, rows: list[tuple[str, int, int, int]]):
        ws.append([_text(ws, title, BOLD)])
        ws.append([_text(ws, h, BOLD) for h in ("", "Số hoạt động", "Số lượt người", "Kinh phí (đồng)")])
        for name, n, people, cost in rows:
            ws.append([_text(ws, name), _num(ws, n), _num(ws, people), _num(ws, cost)])
        ws.append([])

    def group(key) -> list[tuple[str, int, int, int]]:
        n, people, cost = Counter(), Counter(), Counter()
        for a in acts:
            k = key(a)
            n[k] += 1
            people[k] += a.participants or 0
            cost[k] += a.cost
        return [(k, n[k], people[k], cost[k]) for k in n]

    total = (
        f"Tổng cộng: {lookup.unit_name}",
        len(acts),
        sum(a.participants or 0 for a in acts),
        sum(a.cost for a in acts),
    )
    table("TỔNG HỢP HOẠT ĐỘNG", [total])
    by_task = group(
        lambda a: (
            task_choice(task_label.get(a.task_id, ""), task_text[a.task_id])
            if a.task_id in task_text
            else "Không thuộc nhiệm vụ nào"
        )
    )
    table("Theo nhiệm vụ", sorted(by_task))
    table("Theo khoa, phòng", sorted(group(lambda a: dept_name.get(a.dept_id) or a.source_dept or "(không rõ)")))
    order = lookup.catalogue.order()
    forms = group(lambda a: a.form_code)
    by_form = sorted(forms, key=lambda r: (order.get(r[0], 99), r[0]))
    table("Theo hình thức", [(lookup.catalogue.form(c).label, n, p, k) for c, n, p, k in by_form])
    months = sorted(group(lambda a: (a.start.year, a.start.month)))
    table("Theo tháng", [(f"Tháng {m}/{y}", n, p, k) for (y, m), n, p, k in months])
    units = group(lambda a: a.source_unit or lookup.unit_name)
    if len(units) > 1:
        table("Theo đơn vị", sorted(units))
