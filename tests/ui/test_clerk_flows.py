"""The wizard asks, the import shows its rows, dialogs speak Vietnamese, each plan its own activities."""

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.store import activities, db, plans, units
from desktop.ui import qt_vi


def _wizard(qtbot, typer):
    from desktop.ui.dialogs.wizard import FirstRunWizard

    wiz = FirstRunWizard()
    qtbot.addWidget(wiz)
    typer(wiz.unit_page.name, "Trung tâm Y tế Thử")
    QTest.keyClicks(wiz.unit_page.abbr, "ttyt")
    typer(wiz.unit_page.place, "Lâm Đồng")
    return wiz


def test_wizard_rows_removed_and_targets_chosen(qtbot, tmp_path, typer):
    from desktop.ui.main import create_from_wizard

    wiz = _wizard(qtbot, typer)
    wiz.show()
    wiz.next()
    wiz.next()
    depts = wiz.dept_page
    assert wiz.currentPage() is depts
    depts.table.selectRow(5)
    depts.remove_rows()
    depts.table.setCurrentCell(0, 0)
    wiz.activateWindow()
    qtbot.waitUntil(wiz.isActiveWindow)
    depts.table.setFocus()
    QTest.keyClick(depts.table, Qt.Key_Delete)
    assert depts.table.rowCount() == 4
    depts.add_row()
    depts.table.item(4, 0).setText("Khoa Lao")
    wiz.plan_page.fill(wiz.unit())
    QTest.mouseClick(wiz.plan_page.use_preset, Qt.LeftButton)  # the preset only when the clerk chooses it
    tree = wiz.plan_page.tree
    shown = sum(tree.topLevelItem(i).childCount() for i in range(tree.topLevelItemCount()))
    assert shown == 10  # every preset target is shown before anything is made
    tree.topLevelItem(0).child(0).setCheckState(0, Qt.Unchecked)
    assert "Giữ 9/10 chỉ tiêu" in wiz.plan_page.count.text()
    path = tmp_path / "a.db"
    create_from_wizard(path, wiz)
    conn = db.open_db(path)
    unit = units.load_unit(conn)
    assert [d.name for d in unit.departments][-1] == "Khoa Lao" and len(unit.departments) == 5
    plan = plans.load_plan(conn, plans.latest_plan_id(conn))
    assert sum(len(t.targets) for t in plan.tasks()) == 9
    conn.close()


def test_wizard_can_skip_the_plan(qtbot, tmp_path, typer):
    from desktop.ui.main import create_from_wizard

    wiz = _wizard(qtbot, typer)
    wiz.plan_page.no_plan.setChecked(True)
    path = tmp_path / "b.db"
    create_from_wizard(path, wiz)
    conn = db.open_db(path)
    assert plans.list_plans(conn) == [] and units.load_unit(conn).name == "Trung tâm Y tế Thử"
    conn.close()


def _workbook(path: Path, rows):
    wb = Workbook()
    wb.active.append(["Ngày", "Khoa, phòng", "Nội dung hoạt động", "Hình thức"])
    for r in rows:
        wb.active.append(r)
    wb.save(path)


def test_import_preview_lists_the_rows_in_three_tabs(window, qtbot, tmp_path, monkeypatch):
    unit = units.load_unit(window.conn)
    old = activities.load_activities(window.conn)[0]
    dept = unit.department(old.dept_id).name
    path = tmp_path / "khoa.xlsx"
    _workbook(path, [[date(2025, 4, 2), dept, "Việc mới tháng tư", "Khác"], [old.start, dept, old.title, "Khác"]])
    bad = tmp_path / "sai.xlsx"
    _workbook(bad, [[date(2025, 4, 3), "Khoa Không Có", "Việc sai", "Khác"]])
    seen = {}

    def fake_exec(dlg):
        seen["tabs"] = [dlg.tabs.tabText(i) for i in range(dlg.tabs.count())]
        seen["add"] = dlg.to_add.item(0, 3).text()
        seen["present"] = dlg.present.item(0, 3).text()
        seen["reason"] = dlg.rejected_table.item(0, 3).text()
        dlg.filter.setText("thang tu")
        seen["filtered"] = (dlg.shown(dlg.to_add), dlg.shown(dlg.present))
        return QDialog.Rejected

    monkeypatch.setattr("desktop.ui.dialogs.excel_import.ImportPreview.exec", fake_exec)
    window.exports.import_excel([str(path), str(bad)])
    qtbot.waitUntil(lambda: "tabs" in seen, timeout=20000)
    assert seen["tabs"] == ["Sẽ thêm (1)", "Đã có (1)", "Bị từ chối (1)"]
    assert seen["add"] == "Việc mới tháng tư" and seen["present"] == old.title and "Khoa Không Có" in seen["reason"]
    assert seen["filtered"] == (1, 0)


def test_import_cancelled_during_the_read_writes_nothing(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "dai.xlsx"
    dept = units.load_unit(window.conn).departments[0].name
    _workbook(path, [[date(2025, 1, 1 + i % 28), dept, f"Việc {i}", "Khác"] for i in range(1200)])
    opened = []
    monkeypatch.setattr("desktop.ui.dialogs.excel_import.ImportPreview.exec", lambda dlg: opened.append(dlg) or 1)
    before = activities.count_activities(window.conn)
    window.exports.import_excel([str(path)])
    window.exports.import_progress.dialog.canceled.emit()  # the clerk presses Hủy
    qtbot.waitUntil(lambda: not window.jobs.busy("excel"), timeout=20000)
    qtbot.waitUntil(lambda: "Đã hủy" in window.statusBar().currentMessage(), timeout=5000)
    assert not opened and activities.count_activities(window.conn) == before


def test_progress_counts_rows(qtbot):
    from desktop.ui.dialogs.excel_import import ReadProgress

    p = ReadProgress(None, 1)
    p.rows.emit(500, 1200)
    assert p.dialog.maximum() == 1200 and p.dialog.value() == 500 and "500/1.200 dòng" in p.dialog.labelText()
    p.close()


def test_pdf_export_asks_for_a_pdf_name(window, monkeypatch):
    asked = {}

    def fake(parent, title, name, kinds):
        asked.update(title=title, name=name, kinds=kinds)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    assert window.exports.export("report", pdf=True) is None
    assert asked["name"].endswith(".pdf") and "PDF (*.pdf)" in asked["kinds"] and "Word" not in asked["kinds"]


def test_file_dialog_speaks_vietnamese(qapp, qtbot):
    from PySide6.QtWidgets import QLabel, QToolButton

    qt_vi.install(qapp)
    dlg = QFileDialog(None, "Chọn", "/tmp", "Excel (*.xlsx)")
    dlg.setOption(QFileDialog.DontUseNativeDialog)
    qtbot.addWidget(dlg)
    labels = {w.text() for w in dlg.findChildren(QLabel)}
    assert {"&Tìm trong:", "&Tên tệp:", "&Loại tệp:"} <= labels
    tips = {b.toolTip() for b in dlg.findChildren(QToolButton)}
    assert {"Lùi", "Tiến", "Thư mục cha", "Tạo thư mục mới", "Xem dạng danh sách", "Xem chi tiết"} <= tips


def test_messages_name_the_fields_the_screen_shows(window):
    from PySide6.QtWidgets import QLabel

    page = window.plan_page
    shown = {w.text() for w in page.findChildren(QLabel)}
    assert "Văn bản cấp trên" in shown and "Hạn báo cáo" in shown


def test_plan_tree_shows_a_new_target_at_once(window, qtbot):
    page = window.plan_page
    task = page.plan.tasks()[0]
    page.select_item(task.id)
    page.add_target()
    page.flush()
    text = page.tree.currentItem().text(1)
    assert text.startswith("12 tin, bài, 4 buổi") and text.endswith(", 1 tin, bài")  # the new one, at once


def test_ledger_per_plan_and_guessed_activities(window, qtbot):
    conn = window.conn
    pid = window.plan_page.current_plan_id()
    other = window.plan_page.new_from_preset()
    window.choose_plan(pid)
    ids = [r[0] for r in conn.execute("SELECT id FROM activities WHERE task_id IS NULL LIMIT 2")] or [
        r[0] for r in conn.execute("SELECT id FROM activities LIMIT 2")
    ]
    with db.transaction(conn):
        conn.executemany("UPDATE activities SET task_id = NULL, plan_guessed = 1 WHERE id = ?", [(i,) for i in ids])
    window.reload_unit()
    page = window.ledger_page
    assert page.chosen_plan_id() == pid and page.model.total() == activities.count_for_plan(conn, pid)
    assert "(2)" in page.f_guessed.text()
    page.f_guessed.setChecked(True)
    assert page.model.rowCount() == 2
    page.table.selectRow(0)
    assert page.guess.isVisible() or not page.guess.isHidden()
    page.confirm_plan()
    assert activities.guessed_for_plan(conn, pid) == 1
    page.table.selectRow(0)
    page.move_to_plan(other)
    assert activities.count_for_plan(conn, other) == 1 and activities.guessed_for_plan(conn, pid) == 0
    window.undo.undo()
    assert activities.guessed_for_plan(conn, pid) == 1
    page.f_guessed.setChecked(False)
    page.plan_combo.setCurrentIndex(page.plan_combo.findData(-1))  # Tất cả kế hoạch
    assert page.model.total() == activities.count_activities(conn)
    page.plan_combo.setCurrentIndex(page.plan_combo.findData(other))
    assert window.plan_page.current_plan_id() == other and window.report_page.plan_id == other
    assert window.dashboard.plan_combo.currentData() == other


def test_keyboard_only_section_task_target_activity_export(window, qtbot, monkeypatch, typer):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentWidget(window.plan_page)
    page = window.plan_page
    page.tree.setFocus()
    n = len(page.plan.items)
    QTest.keyClick(page.tree, Qt.Key_M, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: len(page.plan.items) == n + 1, timeout=2000)
    typer(page.text, "Nhiệm vụ gõ bằng bàn phím")
    QTest.keyClick(page.text, Qt.Key_N, Qt.AltModifier)  # Là nhiệm vụ
    qtbot.waitUntil(page.is_task.isChecked, timeout=2000)
    QTest.keyClick(page.text, Qt.Key_C, Qt.AltModifier)  # Thêm chỉ tiêu
    qtbot.waitUntil(lambda: page.targets.rowCount() == 1, timeout=2000)
    page.flush()
    task = next(t for t in plans.load_plan(window.conn, page.plan.id).tasks() if t.text == "Nhiệm vụ gõ bằng bàn phím")
    assert task.targets
    QTest.keyClick(window.tabs, Qt.Key_PageDown, Qt.ControlModifier)  # Hoạt động
    assert window.tabs.currentWidget() is window.ledger_page
    form = window.ledger_page.form
    window.ledger_page.new()
    typer(form.title, "Hoạt động chỉ dùng bàn phím")
    QTest.keyClick(form.title, Qt.Key_Return, Qt.ControlModifier)
    assert (
        window.conn.execute(
            "SELECT COUNT(*) FROM activities WHERE title = ?", ("Hoạt động chỉ dùng bàn phím",)
        ).fetchone()[0]
        == 1
    )
    QTest.keyClick(window.tabs, Qt.Key_PageDown, Qt.ControlModifier)  # Báo cáo
    asked = []
    monkeypatch.setattr(window.exports, "ask_output", lambda what, pdf: asked.append((what, pdf)))
    QTest.keyClick(window.report_page.editor, Qt.Key_E, Qt.ControlModifier)
    qtbot.waitUntil(lambda: asked == [("report", False)], timeout=2000)


def test_shortcuts_are_listed_in_help(window):
    assert any(a.text() == "Phím tắt" for a in window.help_menu.actions())
    dlg = window.show_shortcuts()
    keys = {dlg.table.item(r, 1).text() for r in range(dlg.table.rowCount())}
    assert "Ctrl+Z" in keys and "Ctrl+N" in keys
    dlg.close()


def test_the_window_never_writes_a_document_over_its_data(window, monkeypatch):
    """Xuất Word or PDF, or an Excel book, aimed into the backup folder is refused by name (a name like
    the database's own gets the document's extension, so it cannot hit the data)."""
    shown = []
    monkeypatch.setattr("desktop.ui.actions.warn", lambda parent, text, *a: shown.append(text))
    backups = window.db_path.parent / "sao_luu"
    backups.mkdir(exist_ok=True)
    for target in ("bao_cao.docx", "so.xlsx"):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, t=target: (str(backups / t), "")))
        if target.endswith(".docx"):
            assert window.exports.export("report") is None
            assert window.exports.export("report", pdf=True) is None
        else:
            assert window.exports.excel_template() is None
    assert len(shown) == 3 and all("sao_luu" in m for m in shown), shown
    assert not (backups / "bao_cao.docx").exists() and not (backups / "so.xlsx").exists()


def test_pdf_export_shows_progress_and_stop_ends_the_converter(window, qtbot, monkeypatch, tmp_path):
    """Xuất PDF: a progress window with “Dừng” while the converter runs; Dừng ends it, no PDF is left."""
    import threading

    from desktop.docgen import pdf

    started = threading.Event()

    def slow_converter(cmd, timeout, cancel=None):  # stands in for LibreOffice: runs until stopped
        started.set()
        while not (cancel and cancel.is_set()):
            threading.Event().wait(0.05)
        raise pdf.Cancelled("Đã dừng tạo PDF theo yêu cầu; chưa ghi tệp PDF nào.")

    monkeypatch.setattr(pdf, "find_soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(pdf, "run_converter", slow_converter)
    shown = []
    monkeypatch.setattr("desktop.ui.actions.warn", lambda parent, text, *a: shown.append(text))
    out = tmp_path / "Bao_cao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(out), "")))
    assert window.exports.export("report", pdf=True) is not None
    assert window.exports.pdf_dialog.isVisible() and window.exports.pdf_dialog.labelText().startswith(
        "Đang tạo tệp PDF"
    )
    assert started.wait(20)
    from PySide6.QtWidgets import QPushButton

    (stop,) = [b for b in window.exports.pdf_dialog.findChildren(QPushButton) if b.text() == "Dừng"]
    stop.click()  # the clerk clicks “Dừng”
    qtbot.waitUntil(lambda: not window.jobs.busy("export"), timeout=20000)
    assert shown and shown[0].startswith("Đã dừng tạo PDF")
    assert window.exports.pdf_dialog is None and not out.exists()
