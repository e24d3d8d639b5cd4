"""Tệp › Nhập từ Excel: the preview shows the people each row reached, by group (issue 24: reach columns of
the department workbook), before anything is written."""

from datetime import date

from openpyxl import Workbook
from PySide6.QtWidgets import QDialog

from desktop.store import activities, units


def test_the_preview_shows_people_reached_by_group(window, qtbot, tmp_path, monkeypatch):
    unit = units.load_unit(window.conn)
    path = tmp_path / "khoa_noi.xlsx"
    wb = Workbook()
    wb.active.append(["Ngày", "Khoa, phòng", "Nội dung hoạt động", "Hình thức", "Người bệnh", "Người nhà", "Cộng đồng"])
    wb.active.append([date(2025, 4, 2), unit.departments[0].name, "Truyền thông phòng lao", "Khác", 120, 80, None])
    wb.save(path)
    seen = {}

    def clerk(dlg):
        heads = [dlg.to_add.horizontalHeaderItem(c).text() for c in range(dlg.to_add.columnCount())]
        seen["reach"] = dlg.to_add.item(0, heads.index("Người được truyền thông")).text()
        return QDialog.Accepted

    monkeypatch.setattr("desktop.ui.dialogs.excel_import.ImportPreview.exec", clerk)
    before = activities.count_activities(window.conn)
    window.exports.import_excel([str(path)])
    qtbot.waitUntil(lambda: "reach" in seen, timeout=20000)
    assert seen["reach"] == "người bệnh 120, người nhà 80"
    qtbot.waitUntil(lambda: activities.count_activities(window.conn) == before + 1, timeout=5000)
    added = max(activities.load_activities(window.conn), key=lambda a: a.id)
    assert added.reach == {"người bệnh": 120, "người nhà": 80}
