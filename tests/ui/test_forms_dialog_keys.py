"""Hình thức hoạt động (issue 20): the edited row is updated in place, Tab goes along the same row, each saved cell
is one step of the window's undo (Ctrl+Z / Ctrl+Y in the dialog), a refused edit puts the stored text back and
says where; removing a form names it and how many activities use it. Real key and mouse events throughout."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from desktop.store import forms as store_forms
from desktop.ui.dialogs import forms_dialog
from desktop.ui.dialogs.forms_dialog import HIDDEN, FormsDialog


def _stored(conn) -> dict:
    return {f.code: f for f in store_forms.load_forms(conn)}


def _dialog(window, qtbot):
    d = FormsDialog(window.conn, window, undo=window.undo)
    qtbot.addWidget(d)
    d.show()
    d.activateWindow()
    QApplication.processEvents()
    return d


def _row(d, code: str) -> int:
    return next(i for i, f in enumerate(d.forms) if f.code == code)


def _edit_cell(d, row, col, text, typer):
    d.table.setFocus()
    d.table.setCurrentCell(row, col)
    QTest.keyClick(d.table, Qt.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and d.table.isAncestorOf(editor)
    editor.selectAll()
    typer(editor, text)
    return editor


def test_tab_after_editing_a_cell_goes_on_along_the_same_row(window, qtbot, typer):
    d = _dialog(window, qtbot)
    row = _row(d, "to_roi")
    before = _stored(window.conn)
    editor = _edit_cell(d, row, 1, "tờ", typer)
    QTest.keyClick(editor, Qt.Key_Tab)
    QApplication.processEvents()
    assert (d.table.currentRow(), d.table.currentColumn()) == (row, 2)
    QTest.keyClicks(QApplication.focusWidget(), "Cap phat")  # typing starts the edit of Động từ
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    QApplication.processEvents()
    assert (d.table.currentRow(), d.table.currentColumn()) == (row, 3)
    after = _stored(window.conn)
    assert (after["to_roi"].unit, after["to_roi"].verb) == ("tờ", "Cap phat")
    others = {c: f for c, f in after.items() if c != "to_roi"}
    assert others == {c: f for c, f in before.items() if c != "to_roi"}  # no other row touched


def test_tab_from_the_last_text_cell_goes_to_hidden_then_the_next_row(window, qtbot, typer):
    d = _dialog(window, qtbot)
    editor = _edit_cell(d, 0, 4, "lượt người dự", typer)
    QTest.keyClick(editor, Qt.Key_Tab)  # the report's sentence is not editable: skipped
    QApplication.processEvents()
    assert (d.table.currentRow(), d.table.currentColumn()) == (0, HIDDEN)
    QTest.keyClick(d.table, Qt.Key_Tab)
    assert (d.table.currentRow(), d.table.currentColumn()) == (1, 0)
    QTest.keyClick(d.table, Qt.Key_Backtab)
    assert (d.table.currentRow(), d.table.currentColumn()) == (0, HIDDEN)


def test_ctrl_z_in_the_forms_dialog_undoes_the_last_cell_edit(window, qtbot, typer):
    d = _dialog(window, qtbot)
    row = _row(d, "to_roi")
    before = _stored(window.conn)["to_roi"]
    editor = _edit_cell(d, row, 0, "Tờ gấp", typer)
    QTest.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()
    assert _stored(window.conn)["to_roi"].label == "Tờ gấp"
    QTest.keyClick(d.table, Qt.Key_Z, Qt.ControlModifier)
    QApplication.processEvents()
    assert _stored(window.conn)["to_roi"] == before
    assert d.table.item(row, 0).text() == before.label and "Đã hoàn tác" in d.status.text()
    QTest.keyClick(d.table, Qt.Key_Z, Qt.ControlModifier)  # nothing of this dialog's left: the ledger's stays
    assert "Không còn gì để hoàn tác trong cửa sổ này" in d.status.text()
    QTest.keyClick(d.table, Qt.Key_Y, Qt.ControlModifier)
    QApplication.processEvents()
    assert _stored(window.conn)["to_roi"].label == "Tờ gấp" and d.table.item(row, 0).text() == "Tờ gấp"


def test_hidden_ticked_with_the_mouse_is_one_step_undone_by_ctrl_z(window, qtbot):
    d = _dialog(window, qtbot)
    row = _row(d, "to_roi")
    d.table.scrollTo(d.table.model().index(row, HIDDEN))
    rect = d.table.visualRect(d.table.model().index(row, HIDDEN))
    # the check box sits at the left of the cell
    box = rect.topLeft() + type(rect.topLeft())(10, rect.height() // 2)
    QTest.mouseClick(d.table.viewport(), Qt.LeftButton, Qt.NoModifier, box)
    QApplication.processEvents()
    assert _stored(window.conn)["to_roi"].hidden
    QTest.keyClick(d.table, Qt.Key_Z, Qt.ControlModifier)
    QApplication.processEvents()
    assert not _stored(window.conn)["to_roi"].hidden
    assert d.table.item(row, HIDDEN).checkState() == Qt.Unchecked


def test_a_refused_cell_edit_puts_the_stored_text_back_and_says_where(window, qtbot, typer, monkeypatch):
    shown = []
    monkeypatch.setattr(forms_dialog, "warn", lambda parent, text: shown.append(text))
    d = _dialog(window, qtbot)
    row = _row(d, "to_roi")
    label = d.table.item(row, 0).text()
    other = d.table.item(_row(d, "khac"), 0).text()
    editor = _edit_cell(d, row, 0, other, typer)  # the label of another form: refused
    QTest.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()
    assert d.table.item(row, 0).text() == label and _stored(window.conn)["to_roi"].label == label
    assert len(shown) == 1
    assert f"dòng {row + 1}" in shown[0] and "Tên hình thức" in shown[0] and "không thay đổi" in shown[0]
    assert not window.undo.canUndo() or window.undo.undoText() != f"sửa hình thức “{label}”"


def test_removing_a_used_form_names_it_and_its_activities(window, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(forms_dialog, "ask", lambda parent, text: asked.append(text) or False)
    d = _dialog(window, qtbot)
    row = _row(d, "to_roi")
    used = sum(1 for a in window.ledger_page.model.activities() if a.form_code == "to_roi")
    assert used > 0
    d.table.setFocus()
    d.table.setCurrentCell(row, 0)
    QTest.mouseClick(d.remove_button, Qt.LeftButton)
    assert len(asked) == 1 and "“Tờ rơi”" in asked[0] and f"{used} hoạt động" in asked[0]
    assert not _stored(window.conn)["to_roi"].hidden  # answered No: nothing changed
    monkeypatch.setattr(forms_dialog, "ask", lambda parent, text: asked.append(text) or True)
    QTest.mouseClick(d.remove_button, Qt.LeftButton)
    assert _stored(window.conn)["to_roi"].hidden and d.table.item(row, HIDDEN).checkState() == Qt.Checked
    QTest.keyClick(d.table, Qt.Key_Z, Qt.ControlModifier)  # hiding is a step like any other
    assert not _stored(window.conn)["to_roi"].hidden


def test_removing_an_unused_form_asks_and_deletes_it(window, qtbot, typer, monkeypatch):
    asked = []
    monkeypatch.setattr(forms_dialog, "ask", lambda parent, text: asked.append(text) or True)
    d = _dialog(window, qtbot)
    typer(d.new_label, "Khám sàng lọc")
    typer(d.new_unit, "lượt")
    QTest.keyClick(d.new_unit, Qt.Key_Return)
    row = _row(d, "kham_sang_loc")
    d.table.setCurrentCell(row, 0)
    QTest.mouseClick(d.remove_button, Qt.LeftButton)
    assert len(asked) == 1 and "“Khám sàng lọc”" in asked[0] and "Chưa có hoạt động" in asked[0]
    assert "kham_sang_loc" not in _stored(window.conn)


def test_a_form_edit_is_undone_from_the_window_after_the_dialog_closed(window, qtbot, typer, monkeypatch):
    page = window.ledger_page
    window.activateWindow()
    window.tabs.setCurrentWidget(page)
    before = _stored(window.conn)["to_roi"]

    def clerk_edits(d):
        d.show()
        d.activateWindow()
        QApplication.processEvents()
        editor = _edit_cell(d, _row(d, "to_roi"), 1, "tập", typer)
        QTest.keyClick(editor, Qt.Key_Return)
        QApplication.processEvents()
        d.close()
        return 0

    monkeypatch.setattr(FormsDialog, "exec", clerk_edits)
    next(b for b in page.findChildren(QPushButton) if b.text() == "Hình thức hoạt động…").click()
    assert _stored(window.conn)["to_roi"].unit == "tập"
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key_Z, Qt.ControlModifier)
    assert _stored(window.conn)["to_roi"] == before
    assert "Đã hoàn tác: sửa hình thức" in window.statusBar().currentMessage()
