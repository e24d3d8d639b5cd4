"""The same text typed in any screen means the same value (one reader per kind, `domain.vnformat`): the ledger's
date and number boxes, the superior plan's deadline in the review, the issue date in Danh mục căn cứ, and a
workbook cell, all driven with key events."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.domain.vnformat import parse_date
from desktop.excel.values import parse_count, parse_date_value
from desktop.store import plans, refs
from desktop.ui.dialogs.refs_dialog import RefsDialog

from .test_cascade_review import review, seed

MARCH_5 = date(2026, 3, 5)


def retype(box, text):
    box.setFocus()
    (box.lineEdit() if hasattr(box, "lineEdit") else box).selectAll()
    QTest.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key_Return)


def test_the_ledger_reads_a_count_and_a_date_as_a_workbook_does(window, monkeypatch):
    monkeypatch.setattr("PySide6.QtWidgets.QToolTip.showText", lambda *a, **k: None)
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    page.new()
    form = page.form
    retype(form.quantity, "3")
    assert form.quantity.value() == 3
    retype(form.quantity, "1,5")  # one and a half: refused, not read as 15, nor rounded
    assert form.quantity.value() == 3
    assert "phải là số nguyên, không phải “1,5”" in form.quantity.problem and "giữ nguyên 3" in form.quantity.problem
    assert form.quantity.toolTip() == form.quantity.problem
    assert "số nguyên" in _refusal(lambda: parse_count("1,5", "số lượng"))
    retype(form.quantity, "1.500")
    assert form.quantity.value() == 1500 == parse_count("1.500", "số lượng") and not form.quantity.problem
    retype(form.cost, "1.500.000")
    assert form.cost.value() == 1_500_000 == parse_count("1.500.000 đồng", "kinh phí", money=True)
    retype(form.cost, "2,5")
    assert form.cost.value() == 1_500_000 and "kinh phí phải là số nguyên" in form.cost.problem.lower()
    for typed in ("5/3/26", "05-03-2026", "5.3.2026", "2026-03-05"):
        form.start.edit.clear()
        QTest.keyClicks(form.start.edit, typed)
        QTest.keyClick(form.start.edit, Qt.Key_Return)
        assert form.start.date() == MARCH_5 == parse_date_value(typed)
    form.start.edit.clear()
    QTest.keyClicks(form.start.edit, "31/02/2026")
    QTest.keyClick(form.start.edit, Qt.Key_Return)
    assert form.start.date() is None and "Tháng 2/2026 không có ngày 31" in form.start.hint.text()
    assert "tháng 2/2026 không có ngày 31" in _refusal(lambda: parse_date_value("31/02/2026"))


def test_the_superior_deadline_typed_in_the_review_reads_as_everywhere(window, monkeypatch):
    warned = []
    monkeypatch.setattr("desktop.ui.dialogs.cascade_dialog.warn", lambda parent, text: warned.append(text))

    def clerk(d):
        QTest.keyClicks(d.year, "2025")  # seed 003 gives no year: the clerk types it (issue 22, point 6)
        d.deadline.clear()
        QTest.keyClicks(d.deadline, "5/3/26")

    review(monkeypatch, clerk)
    pid = window.plan_page.import_superior(seed("003"))
    assert warned == []
    assert plans.load_plan(window.conn, pid).superior.deadline == MARCH_5 == parse_date("5/3/26")


def test_the_issue_date_typed_in_the_catalogue_reads_as_everywhere(window, qtbot, monkeypatch):
    warned = []
    monkeypatch.setattr("desktop.ui.dialogs.refs_dialog.warn", lambda parent, text: warned.append(text))
    d = RefsDialog(window.conn, window)
    qtbot.addWidget(d)
    d.show()
    ref_id = d.ids[0]
    d.table.setFocus()
    d.table.setCurrentCell(0, 2)
    QTest.keyClick(d.table, Qt.Key_F2)
    QApplication.processEvents()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, "5/3/26")
    QTest.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()
    assert warned == []
    assert next(r for r in refs.list_refs(window.conn) if r.id == ref_id).issued == MARCH_5


def _refusal(read):
    try:
        read()
    except ValueError as e:
        return str(e)
    raise AssertionError("accepted")
