"""The rows an import rejected, handed back to the department: the entry template's columns with the cells as
they were read, and the reason in a column “Lý do”, ready to fix and send again (the import reads it as it is)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from ..files import atomic_path, one_line
from .columns import BY_KEY, TEMPLATE_KEYS
from .template import FONT, HEADER_ROW, SHEET

REASON = "Lý do"
WHERE = "Dòng gốc"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_REASON_FILL = PatternFill("solid", fgColor="FCE4D6")


def write_rejected(path: Path, rows) -> Path:
    """rows: (source file name, Rejected) pairs, in the order read. Text is written as text, never as a formula
    (a cell of an untrusted file that starts with “=” stays what it was)."""
    rows = list(rows)
    keys = TEMPLATE_KEYS
    if any(str(r.values.get("source_unit") or "").strip() for _, r in rows):
        keys = (*keys, "source_unit")  # rows of another unit's export: keep whose they are
    headers = [BY_KEY[k].header for k in keys] + [REASON, WHERE]
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws["A1"] = f"CÁC DÒNG BỊ TỪ CHỐI KHI NHẬP ({len(rows)} dòng)"
    ws["A1"].font = Font(name=FONT, size=14, bold=True)
    ws["A2"] = "Sửa từng dòng theo cột “Lý do”, lưu tệp và gửi lại; các cột “Lý do”, “Dòng gốc” không cần xoá."
    ws["A2"].font = Font(name=FONT, size=11, italic=True)
    for j, text in enumerate(headers, 1):
        c = ws.cell(row=HEADER_ROW, column=j, value=text)
        c.font = Font(name=FONT, size=12, bold=True)
        c.fill = _HEAD_FILL
        c.border = _BORDER
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        width = BY_KEY[keys[j - 1]].width if j <= len(keys) else (60 if text == REASON else 30)
        ws.column_dimensions[c.column_letter].width = width
    for i, (name, r) in enumerate(rows, HEADER_ROW + 1):
        for j, key in enumerate(keys, 1):
            _put(ws.cell(row=i, column=j), r.values.get(key))
        reason = ws.cell(row=i, column=len(keys) + 1)
        _put(reason, one_line(r.reason))
        reason.fill = _REASON_FILL
        _put(ws.cell(row=i, column=len(keys) + 2), one_line(f"{name}, trang “{r.sheet}”, dòng {r.row}"))
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.row_dimensions[HEADER_ROW].height = 32
    ws.page_setup.orientation = "landscape"
    with atomic_path(Path(path)) as tmp:
        wb.save(tmp)
    return Path(path)


def _put(cell, value) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell.font = Font(name=FONT, size=12)
    if value is None:
        return
    if isinstance(value, datetime | date):
        cell.value = value
        cell.number_format = "dd/mm/yyyy"
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.value = value
        cell.number_format = "#,##0"
    elif isinstance(value, bool | float):
        cell.value = value
    else:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
        cell.data_type = "s"  # text stays text: "=HYPERLINK(…)" from a foreign file is not made a formula
