"""Texts shown whole: the date error under the field, the signer column's header (issue 20, point 15)."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def test_the_date_error_under_the_field_is_shown_whole(window, qtbot):
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.new()
    field = page.form.start
    field.edit.selectAll()
    QTest.keyClicks(field.edit, "31/2/2026")
    QTest.keyClick(field.edit, Qt.Key_Tab)
    QApplication.processEvents()
    hint = field.hint
    assert hint.isVisible() and "31" in hint.text()
    assert hint.height() >= hint.heightForWidth(hint.width()), (hint.height(), hint.heightForWidth(hint.width()))


def test_the_signer_columns_headers_are_not_clipped(window):
    page = window.unit_page
    window.tabs.setCurrentWidget(page)
    QApplication.processEvents()
    for table in (page.signers,):
        header = table.horizontalHeader()
        for c in range(table.columnCount()):
            text = table.horizontalHeaderItem(c).text()
            need = header.fontMetrics().horizontalAdvance(text) + 8
            assert header.sectionSize(c) >= need, (text, header.sectionSize(c), need)
