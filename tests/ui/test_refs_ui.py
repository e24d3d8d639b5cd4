"""Kế hoạch › Căn cứ › Danh mục…: edit a reference in its cell, merge the duplicates it tints."""

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.domain.models import LegalRef
from desktop.store import db, refs
from desktop.ui.dialogs.refs_dialog import DUPLICATE, RefsDialog


def test_edit_in_place_and_merge_the_tinted_duplicates(window, qtbot, typer, monkeypatch):
    with db.transaction(window.conn):
        twin = LegalRef("Nghị quyết", "57- NQ/TW", None, "Bộ Chính trị")
        refs.save_ref(window.conn, twin)
    monkeypatch.setattr("desktop.ui.dialogs.refs_dialog.ask", lambda parent, text: True)
    d = RefsDialog(window.conn, window)
    qtbot.addWidget(d)
    d.show()
    rows = [r for r in range(d.table.rowCount()) if d.table.item(r, 0).background().color() == DUPLICATE]
    assert len(rows) == 2 and "tô vàng" in d.hint.text()
    twin_row = d.ids.index(twin.id)
    # the clerk corrects the twin's issuer in its cell: F2, type, Enter
    d.table.setFocus()
    d.table.setCurrentCell(twin_row, 3)
    QTest.keyClick(d.table, Qt.Key_F2)
    QApplication.processEvents()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    typer(editor, "Ban Chấp hành Trung ương")
    QTest.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()
    assert next(r for r in refs.list_refs(window.conn) if r.id == twin.id).issuer == "Ban Chấp hành Trung ương"
    # select both tinted rows (the catalogue's first), merge into the first
    rows = sorted(
        d.ids.index(i) for i in (twin.id, next(r.id for r in refs.list_refs(window.conn) if r.number == "57-NQ/TW"))
    )
    d.table.clearSelection()
    for r in rows:
        d.table.selectionModel().select(
            d.table.model().index(r, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows
        )
    assert d.merge_selected() == 1
    assert len([r for r in refs.list_refs(window.conn) if r.number.replace(" ", "") == "57-NQ/TW"]) == 1
    assert "Không có căn cứ nào bị ghi trùng" in d.hint.text()
