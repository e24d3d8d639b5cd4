"""The workbook departments fill in: instructions, the activity sheet with dropdowns filled
from the database (lists on a hidden sheet, so long lists work), ready to print."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from ..files import atomic_path
from .columns import BY_KEY, NUMBER_KEYS, REACH_KEYS, TEMPLATE_KEYS
from .lookup import Lookup

SHEET = "Hoạt động"
LISTS = "Danh mục"
HEADER_ROW = 4
INPUT_ROWS = 2000  # rows prepared with dropdowns and formats
FONT = "Times New Roman"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")


def _instructions(wb: Workbook, lookup: Lookup, plan_title: str) -> None:
    ws = wb.active
    ws.title = "Hướng dẫn"
    lines = [
        ("SỔ GHI HOẠT ĐỘNG TRUYỀN THÔNG", True),
        (f"Đơn vị: {lookup.unit_name}", False),
        (f"Kế hoạch: {plan_title}" if plan_title else "", False),
        ("", False),
        ("Cách ghi", True),
        (f"1. Ghi mỗi hoạt động trên một dòng của trang “{SHEET}”, bắt đầu từ dòng {HEADER_ROW + 1}.", False),
        ("2. Ngày ghi dạng 05/3/2025. Hoạt động nhiều ngày: ghi thêm cột “Đến ngày”.", False),
        ("3. Khoa, phòng; Hình thức; Nhiệm vụ: bấm vào ô và chọn trong danh sách thả xuống.", False),
        ("4. Số lượng, số người, kinh phí: chỉ ghi số (ví dụ 1500000 hoặc 1.500.000).", False),
        (
            "   Số người được truyền thông theo nhóm ("
            + ", ".join(BY_KEY[k].header for k in REACH_KEYS)
            + "): ghi số người của từng nhóm, để trống nếu không có.",
            False,
        ),
        ("5. Không gộp ô, không chèn dòng tiêu đề giữa bảng, không đổi tên các cột.", False),
        ("6. Lưu tệp (.xlsx) và gửi lại cho bộ phận tổng hợp; tệp được nhập thẳng vào phần mềm.", False),
        ("", False),
        ("Hình thức và đơn vị tính", True),
        *[(f"• {label}: tính bằng “{unit}”", False) for label, unit in lookup.form_units],
    ]
    for i, (text, bold) in enumerate(lines, 1):
        c = ws.cell(row=i, column=1, value=text)
        c.font = Font(name=FONT, size=14 if i == 1 else 12, bold=bold)
    ws.column_dimensions["A"].width = 110
    ws.sheet_view.showGridLines = False


def _lists(wb: Workbook, lookup: Lookup) -> dict[str, str]:
    """Hidden sheet of dropdown lists; returns column key -> defined name."""
    ws = wb.create_sheet(LISTS)
    ws.sheet_state = "hidden"
    names = {}
    for col, (key, name, values) in enumerate(
        (
            ("dept", "ds_khoa_phong", lookup.dept_names),
            ("form", "ds_hinh_thuc", lookup.form_choices),
            ("task", "ds_nhiem_vu", lookup.task_choices),
        ),
        1,
    ):
        letter = get_column_letter(col)
        ws.cell(row=1, column=col, value=BY_KEY[key].header).font = Font(bold=True)
        for r, v in enumerate(values or [""], 2):
            ws.cell(row=r, column=col, value=v).data_type = "s"
        ref = f"'{LISTS}'!${letter}$2:${letter}${max(len(values), 1) + 1}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
        names[key] = name
    return names


def write_template(path: Path, lookup: Lookup, plan_title: str = "") -> Path:
    wb = Workbook()
    _instructions(wb, lookup, plan_title)
    ws = wb.create_sheet(SHEET)
    wb.active = wb.sheetnames.index(SHEET)
    list_names = _lists(wb, lookup)
    keys = TEMPLATE_KEYS
    last = get_column_letter(len(keys))
    ws["A1"] = f"SỔ GHI HOẠT ĐỘNG — {lookup.unit_name.upper()}"
    ws["A1"].font = Font(name=FONT, size=14, bold=True)
    ws.merge_cells(f"A1:{last}1")
    ws["A2"] = "Mỗi dòng một hoạt động; các cột có danh sách thả xuống: bấm vào ô để chọn."
    ws["A2"].font = Font(name=FONT, size=11, italic=True)
    ws.merge_cells(f"A2:{last}2")
    for j, key in enumerate(keys, 1):
        col = BY_KEY[key]
        letter = get_column_letter(j)
        c = ws.cell(row=HEADER_ROW, column=j, value=col.header)
        c.font = Font(name=FONT, size=12, bold=True)
        c.fill = _HEAD_FILL
        c.border = _BORDER
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[letter].width = col.width
        rng = f"{letter}{HEADER_ROW + 1}:{letter}{HEADER_ROW + INPUT_ROWS}"
        if key in list_names:
            dv = DataValidation(
                type="list", formula1=f"={list_names[key]}", allow_blank=True, showErrorMessage=key != "task"
            )
            dv.error, dv.errorTitle = "Hãy chọn một mục trong danh sách.", "Giá trị không có trong danh sách"
        elif key in ("start", "end"):
            dv = DataValidation(
                type="date", operator="greaterThan", formula1="36526", allow_blank=True, showErrorMessage=True
            )  # after 01/01/2000
            dv.error, dv.errorTitle = "Hãy ghi ngày dạng 05/3/2025.", "Ngày không hợp lệ"
        elif key in NUMBER_KEYS:
            dv = DataValidation(
                type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True, showErrorMessage=True
            )
            dv.error, dv.errorTitle = "Chỉ ghi số nguyên không âm.", "Số không hợp lệ"
        else:
            dv = DataValidation(allow_blank=True)
        dv.promptTitle = col.header[:32]
        dv.prompt = col.help[:255]
        dv.showInputMessage = True
        ws.add_data_validation(dv)
        dv.add(rng)
        fmt = "#,##0" if key in NUMBER_KEYS else {"start": "dd/mm/yyyy", "end": "dd/mm/yyyy"}.get(key, "@")
        for r in range(HEADER_ROW + 1, HEADER_ROW + INPUT_ROWS + 1):
            cell = ws.cell(row=r, column=j)
            cell.number_format = fmt
            cell.font = Font(name=FONT, size=12)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + INPUT_ROWS}"
    ws.row_dimensions[HEADER_ROW].height = 32
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return Path(path)
