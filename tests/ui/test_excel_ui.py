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
    monkeypatch.setattr(type(window), "_exported", lambda self, paths: None)
    window.excel_template(tmp_path / "mau.xlsx")
    _wait(window, qtbot)
    assert load_workbook(tmp_path / "mau.xlsx").sheetnames == ["Hướng dẫn", "Hoạt động", "Danh mục"]
    window.ledger_page.search.setText("tap huan")
    shown = window.ledger_page.model.rowCount()
    assert 0 < shown < 150
    window.export_excel(tmp_path / "loc.xlsx")
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

    monkeypatch.setattr("desktop.ui.excel_import.ImportPreview.exec", fake_exec)
    before = activities.count_activities(window.conn)
    window.import_excel([str(good), str(bad)])
    _wait(window, qtbot)
    qtbot.waitUntil(lambda: "summary" in seen, timeout=5000)
    assert "Sẽ thêm 1 hoạt động từ 1/2 tệp" in seen["summary"] and seen["rows"] == ["0", "1"]
    qtbot.waitUntil(lambda: activities.count_activities(window.conn) == before + 1, timeout=5000)
    assert window.ledger_page.model.total() == before + 1


def test_import_cancelled_writes_nothing(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.ui.excel_import.ImportPreview.exec", lambda dlg: QDialog.Rejected)
    path = tmp_path / "x.xlsx"
    wb = Workbook()
    wb.active.append(["Ngày", "Khoa, phòng", "Nội dung hoạt động", "Hình thức"])
    wb.active.append([date(2025, 4, 2), units.load_unit(window.conn).departments[0].name, "Việc mới", "Khác"])
    wb.save(path)
    before = activities.count_activities(window.conn)
    window.import_excel([str(path)])
    _wait(window, qtbot)
    # the preview was answered (cancelled): the moment the import would have written
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Chưa nhập gì.", timeout=5000)
    assert activities.count_activities(window.conn) == before


def test_unreadable_workbook_is_explained(window, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.ui.actions.warn", lambda parent, text, *a: shown.append(text))
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"khong phai excel")
    window.import_excel([str(path)])
    _wait(window, qtbot)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "hong.xlsx" in shown[0] and "không phải là tệp Excel" in shown[0]
