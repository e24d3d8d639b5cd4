"""Tệp › Excel: template and export in the background, import with a preview before writing."""

from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QDialog

from desktop.store import activities, units


def _wait(window, qtbot):
    qtbot.waitUntil(lambda: not window.jobs.busy("excel"), timeout=20000)


@pytest.mark.slow
def test_template_and_filtered_export(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(type(window.exports), "_exported", lambda self, paths: None)
    window.exports.excel_template(tmp_path / "mau.xlsx")
    _wait(window, qtbot)
    assert load_workbook(tmp_path / "mau.xlsx").sheetnames == ["Hướng dẫn", "Hoạt động", "Danh mục"]
    window.ledger_page.search.setText("tap huan")
    shown = window.ledger_page.model.rowCount()
    assert 0 < shown < 150
    window.exports.export_excel(tmp_path / "loc.xlsx")
    _wait(window, qtbot)
    titles = [r[3] for r in load_workbook(tmp_path / "loc.xlsx")["Hoạt động"].iter_rows(min_row=2, values_only=True)]
    assert len(titles) == shown


def test_import_shows_preview_then_writes(window, qtbot, tmp_path, monkeypatch):
    unit = units.load_unit(window.conn)
    good, bad = tmp_path / "khoa_duoc.xlsx", tmp_path / "khoa_sai.xlsx"
    for path, dept in ((good, unit.departments[0].name), (bad, "Khoa Không Có")):
        wb = Workbook()
        wb.active.append(["Ngày", "Khoa, phòng", "Nội dung hoạt động", "Hình thức"])
        wb.active.append([date(2025, 4, 2), dept, f"Hoạt động từ {path.stem}", "Khác"])
        wb.save(path)
    seen = {}

    def fake_exec(dlg):
        seen["summary"] = dlg.summary.text()
        seen["rows"] = [dlg.tree.topLevelItem(i).text(3) for i in range(dlg.tree.topLevelItemCount())]
        return QDialog.Accepted

    monkeypatch.setattr("desktop.ui.dialogs.excel_import.ImportPreview.exec", fake_exec)
    before = activities.count_activities(window.conn)
    window.exports.import_excel([str(good), str(bad)])
    _wait(window, qtbot)
    qtbot.waitUntil(lambda: "summary" in seen, timeout=5000)
    assert "Sẽ thêm 1 hoạt động từ 1/2 tệp" in seen["summary"] and seen["rows"] == ["0", "1"]
    qtbot.waitUntil(lambda: activities.count_activities(window.conn) == before + 1, timeout=5000)
    assert window.ledger_page.model.total() == before + 1


def test_import_cancelled_writes_nothing(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.ui.dialogs.excel_import.ImportPreview.exec", lambda dlg: QDialog.Rejected)
    path = tmp_path / "x.xlsx"
    wb = Workbook()
    wb.active.append(["Ngày", "Khoa, phòng", "Nội dung hoạt động", "Hình thức"])
    wb.active.append([date(2025, 4, 2), units.load_unit(window.conn).departments[0].name, "Việc mới", "Khác"])
    wb.save(path)
    before = activities.count_activities(window.conn)
    window.exports.import_excel([str(path)])
    _wait(window, qtbot)
    # the preview was answered (cancelled): the moment the import would have written
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Chưa nhập gì.", timeout=5000)
    assert activities.count_activities(window.conn) == before


def test_unreadable_workbook_is_explained(window, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.ui.actions.warn", lambda parent, text, *a: shown.append(text))
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"khong phai excel")
    window.exports.import_excel([str(path)])
    _wait(window, qtbot)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "hong.xlsx" in shown[0] and "không phải là tệp Excel" in shown[0]


def _department_file(path, dept: str, task: str):
    """17 valid rows (with a task, participants and a cost) and 2 rejected ones."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Ngày", "Khoa, phòng", "Nội dung hoạt động", "Hình thức", "Nhiệm vụ", "Số người tham dự", "Kinh phí"])
    for i in range(17):
        ws.append([date(2025, 5, 1 + i), dept, f"Truyền thông lần {i + 1}", "Khác", task, 30 + i, 1_500_000])
    ws.append([date(2025, 6, 2), "Khoa Không Có", "Tập huấn sơ cứu", "Khác", None, 12, 250_000])
    ws.append([None, dept, "Nói chuyện chuyên đề", "Khác", None, None, None])
    wb.save(path)
    return path


def test_import_adds_the_valid_rows_and_hands_back_the_rejected(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt, SignalInstance
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog, QPushButton

    from desktop.domain.plan_text import task_labels

    unit = units.load_unit(window.conn)
    plan = window.plan_page.plan
    task = plan.tasks()[0]
    src = _department_file(tmp_path / "khoa_noi.xlsx", unit.departments[0].name, task.text)
    back = tmp_path / "gui_lai_khoa_noi.xlsx"
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: asked.append(a[1]) or (str(back), "Excel (*.xlsx)"))
    )
    seen = {}

    def clerk(dlg):
        seen["signal"] = isinstance(dlg.rejected, SignalInstance)  # the dialog's own signal, not a table
        seen["tabs"] = [dlg.tabs.tabText(i) for i in range(dlg.tabs.count())]
        t = dlg.to_add
        heads = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
        seen["row"] = dict(zip(heads, (t.item(0, c).text() for c in range(t.columnCount())), strict=True))
        (add,) = [b for b in dlg.findChildren(QPushButton) if b.text().startswith("Thêm các dòng hợp lệ")]
        seen["button"] = add.text()
        QTest.mouseClick(add, Qt.LeftButton)
        return dlg.result()

    monkeypatch.setattr("desktop.ui.dialogs.excel_import.ImportPreview.exec", clerk)
    before = activities.count_activities(window.conn)
    window.exports.import_excel([str(src)])
    _wait(window, qtbot)
    qtbot.waitUntil(lambda: activities.count_activities(window.conn) == before + 17, timeout=10000)
    assert seen["signal"] and seen["tabs"] == ["Sẽ thêm (17)", "Đã có (0)", "Bị từ chối (2)"]
    assert seen["button"] == "Thêm các dòng hợp lệ (17)" and len(asked) == 1
    row = seen["row"]
    assert row["Nội dung"] == "Truyền thông lần 1" and row["Nhiệm vụ"].startswith(task_labels(plan)[task.id])
    assert row["Người dự"] == "30" and row["Kinh phí"] == "1.500.000" and row["Hình thức"] == "Khác"
    rows = [r for r in load_workbook(back).active.iter_rows(min_row=5, values_only=True) if any(r)]
    assert [r[2] for r in rows] == ["Khoa Không Có", unit.departments[0].name]
    assert "Đã nhập 17 hoạt động" in window.statusBar().currentMessage()
    assert (
        "2 dòng bị từ chối" in window.statusBar().currentMessage() and str(back) in window.statusBar().currentMessage()
    )
