"""The window's state in one Session (issue 21): the current plan and period are the session's, their
selectors are views of it; showing a report stores nothing, a clerk's edit does."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.store import reports

from .test_office_year_ui import _choose


def _count_reports(conn) -> int:
    return conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0]


def test_plan_and_period_live_in_the_session(window):
    s = window.session
    assert s.conn is window.conn and s.path == window.db_path
    assert s.plan_id == window.plan_page.current_plan_id() == 1
    page = window.report_page
    window.tabs.setCurrentWidget(page)
    _choose(page, "q2")
    assert s.period == (date(2025, 4, 1), date(2025, 6, 30))
    assert window._period() == s.period  # what the exports and the dashboard compile
    # another plan chosen with the keyboard in the ledger's selector: the session follows, with its period
    other = window.plan_page.new_from_preset()
    window.choose_plan(1)
    ledger = window.ledger_page
    window.tabs.setCurrentWidget(ledger)
    ledger.plan_combo.setFocus()
    i = ledger.plan_combo.findData(other)
    while ledger.plan_combo.currentIndex() != i:
        QTest.keyClick(ledger.plan_combo, Qt.Key_Down if ledger.plan_combo.currentIndex() < i else Qt.Key_Up)
    assert s.plan_id == other == window.plan_page.current_plan_id()
    plan_start = window.report_page.report.period_start
    assert s.period == (plan_start, window.report_page.report.period_end)


def test_showing_a_report_stores_nothing_an_edit_does(window, typer):
    other = window.plan_page.new_from_preset()
    before = _count_reports(window.conn)
    window.choose_plan(other)
    page = window.report_page
    window.tabs.setCurrentWidget(page)
    _choose(page, "q1")
    _choose(page, "year")
    assert _count_reports(window.conn) == before and page.report.id is None
    assert reports.latest_report(window.conn, other) is None
    # an edit equal to the draft is no edit: still nothing stored
    row = next(i for i, s in enumerate(page.sections) if s.key == "uu_diem")
    page.list.setCurrentRow(row)
    page.editor.setFocus()
    QTest.keyClick(page.editor, Qt.Key_End, Qt.ControlModifier)
    QTest.keyClicks(page.editor, " ")
    page.flush()
    assert "uu_diem" not in page.report.texts and _count_reports(window.conn) == before
    # a real edit stores the period's report and the text
    typer(page.editor, "Văn thư viết thêm.")
    page.flush()
    stored = reports.latest_report(window.conn, other)
    assert stored is not None and stored.id == page.report.id
    assert stored.texts["uu_diem"].endswith("Văn thư viết thêm.")
    assert _count_reports(window.conn) == before + 1
