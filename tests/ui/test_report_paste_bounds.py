"""Pasting into the report editor what no section can hold (issue 25, point 8): twelve million characters
without a space never came back (Qt lays out a line with no place to break in minutes to hours), eleven
million came back from the export as libxml2's English "Text node too long". The paste is refused with one
Vietnamese line naming the section, and the section keeps its text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.ui import common


@pytest.fixture
def warnings(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(common.QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: seen.append(text)))
    return seen


def _section(page, key):
    """The section chosen with the keyboard, as a clerk would: Down through the list."""
    page.list.setFocus()
    QTest.keyClick(page.list, Qt.Key_Home)
    for _ in range(page.list.count()):
        if page.sections[page.list.currentRow()].key == key:
            return page.sections[page.list.currentRow()]
        QTest.keyClick(page.list, Qt.Key_Down)
    raise AssertionError(f"{key} not reached")


def _paste(page, text):
    QApplication.clipboard().setText(text)
    page.editor.setFocus()
    QTest.keyClick(page.editor, Qt.Key_End, Qt.ControlModifier)
    QTest.keyClick(page.editor, Qt.Key_V, Qt.ControlModifier)
    page.flush()


@pytest.mark.parametrize(
    "text, reason",
    [("x" * 50_000, "không có dấu cách"), ("chữ " * 40_000, "quá giới hạn 100.000 ký tự")],
    ids=["no-space", "too-long"],
)
def test_a_paste_no_section_can_hold_is_refused(window, warnings, text, reason):
    page = window.report_page
    window.tabs.setCurrentWidget(page)
    section = _section(page, "uu_diem")
    before, stored = page.editor.toPlainText(), dict(page.report.texts)
    _paste(page, text)
    assert len(warnings) == 1 and reason in warnings[0], warnings
    assert f"“{section.heading}”" in warnings[0] and "không thay đổi" in warnings[0]
    assert page.editor.toPlainText() == before and page.report.texts == stored


def test_an_ordinary_paste_still_goes_in(window, warnings):
    page = window.report_page
    window.tabs.setCurrentWidget(page)
    _section(page, "uu_diem")
    _paste(page, " Thêm một câu do văn thư dán vào.")
    assert not warnings
    assert page.editor.toPlainText().endswith("Thêm một câu do văn thư dán vào.")
    assert page.report.texts["uu_diem"].endswith("Thêm một câu do văn thư dán vào.")
