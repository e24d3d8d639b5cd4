"""Tổng quan shows the figures of the data as it is now: after Ctrl+Z / Ctrl+Y pressed on it (issue 20,
point 11)."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.store import activities


def headline_total(window):
    return window.dashboard.headline.text().split("</b>")[0].split("<b>")[-1]


def test_undo_and_redo_pressed_on_the_dashboard_update_its_figures(window, qtbot):
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    page.table.selectRow(0)
    QTest.keyClick(page.table, Qt.Key_Delete)
    after_delete = activities.count_activities(window.conn)
    window.tabs.setCurrentWidget(window.dashboard)
    QApplication.processEvents()
    shown = headline_total(window)
    window.dashboard.setFocus()
    QTest.keyClick(window.dashboard, Qt.Key_Z, Qt.ControlModifier)
    QApplication.processEvents()
    assert activities.count_activities(window.conn) == after_delete + 1
    assert headline_total(window) != shown  # the undone delete is counted again
    QTest.keyClick(window.dashboard, Qt.Key_Y, Qt.ControlModifier)
    QApplication.processEvents()
    assert headline_total(window) == shown
