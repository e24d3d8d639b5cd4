"""The office year in the window: next year's plan, any reporting period, last year's figures."""

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QPushButton

from desktop.store import plans
from desktop.ui.dialogs import copy_plan_dialog

SHOTS = os.environ.get("VBYT_SHOTS")  # a folder: the new screens grabbed to PNG there, for a look


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.resize(1280, 680)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_next_year_plan_from_the_plan_screen(window, monkeypatch):
    page = window.plan_page
    window.tabs.setCurrentWidget(page)
    before = {pid for pid, _, _ in plans.list_plans(window.conn)}
    seen = {}

    def run(dlg):
        dlg.show()
        assert dlg.year.value() == 2026  # the plan's year + 1
        seen["rows"] = [(dlg.table.item(r, 0).text(), dlg.table.item(r, 2).text()) for r in range(dlg.table.rowCount())]
        seen["kept"] = dlg.kept.text()
        shot(dlg, "copy_plan_dialog")
        QTest.keyClick(dlg.year, Qt.Key_A, Qt.ControlModifier)
        QTest.keyClicks(dlg.year, "2027")
        assert dlg.year.value() == 2027
        seen["after"] = [dlg.table.item(r, 2).text() for r in range(dlg.table.rowCount())]
        QTest.keyClick(dlg.year, Qt.Key_Return)  # the default button: Tạo kế hoạch
        return dlg.result()

    monkeypatch.setattr(copy_plan_dialog.CopyPlanDialog, "exec", run)
    button = next(b for b in page.findChildren(QPushButton) if b.text() == "Tạo kế hoạch năm sau…")
    button.click()
    new = {pid for pid, _, _ in plans.list_plans(window.conn)} - before
    assert len(new) == 1
    new_id = new.pop()
    plan = plans.load_plan(window.conn, new_id)
    assert plan.copied_from == 1 and plan.period_start.year == 2027
    assert page.current_plan_id() == new_id  # the screen shows the new plan
    assert ("Trích yếu", plans.load_plan(window.conn, new_id).title) in [
        (w, a.replace("2026", "2027")) for w, a in seen["rows"]
    ]
    assert all("2027" in a for a in seen["after"])
    old = plans.load_plan(window.conn, 1)
    assert seen["kept"] == (
        f"Giữ nguyên cấu trúc: {copy_plan_dialog.structure_counts(old)[0]} mục, "
        f"{len(old.tasks())} nhiệm vụ, "
        f"{sum(len(t.targets) for t in old.tasks())} chỉ tiêu."
    )


def test_next_year_plan_cancelled_creates_nothing(window, monkeypatch):
    page = window.plan_page
    before = plans.list_plans(window.conn)

    def run(dlg):
        dlg.show()
        QTest.keyClick(dlg, Qt.Key_Escape)
        return dlg.result()

    monkeypatch.setattr(copy_plan_dialog.CopyPlanDialog, "exec", run)
    assert page.copy_to_next_year() is None
    assert plans.list_plans(window.conn) == before
    assert QDialog.Rejected == 0


def _choose(page, key):
    page.period.setFocus()
    QTest.keyClick(page.period, Qt.Key_Home)
    for _ in range(page.period.count()):  # the keyboard, as a clerk would: Down through the list
        if page.period_key() == key:
            return
        QTest.keyClick(page.period, Qt.Key_Down)
    raise AssertionError(f"{key} not reached: {page.period_key()}")


def _text(page, key):
    return next(s for s in page.sections if s.key == key).text


def test_each_period_keeps_its_own_edits_and_title(window, typer):
    page = window.report_page
    window.tabs.setCurrentWidget(page)
    assert page.period_key() == "year" and "năm 2025" in page.title_label.text()
    assert not page.start.isVisible()
    _choose(page, "q1")
    assert page.title_label.text().endswith("quý I năm 2025</b>")
    assert (page.report.period_start.month, page.report.period_end.month) == (1, 3)
    page.list.setCurrentRow(next(i for i, s in enumerate(page.sections) if s.key == "uu_diem"))
    page.editor.clear()
    typer(page.editor, "Ưu điểm của quý I do văn thư viết.")
    page.flush()
    shot(page, "report_period")
    _choose(page, "q2")
    assert page.title_label.text().endswith("quý II năm 2025</b>")
    assert _text(page, "uu_diem") != "Ưu điểm của quý I do văn thư viết."
    assert "uu_diem" not in page.report.texts
    QTest.keyClick(page.period, Qt.Key_Up)  # back to Quý I
    assert page.period_key() == "q1"
    assert _text(page, "uu_diem") == "Ưu điểm của quý I do văn thư viết."
    assert page.editor.toPlainText() == "Ưu điểm của quý I do văn thư viết."
    _choose(page, "year")
    assert "uu_diem" not in page.report.texts  # the year's report has its own (none)
    # a reload finds each period's report again
    page.load(page.plan_id)
    assert page.period_key() == "year"
    _choose(page, "q1")
    assert _text(page, "uu_diem") == "Ưu điểm của quý I do văn thư viết."
    from desktop import app

    *_, sections = app.compile_for(window.conn, page.plan_id, page.report.period_start, page.report.period_end)
    assert {s.key: s.text for s in sections}["uu_diem"] == "Ưu điểm của quý I do văn thư viết."
    # a caller without a period still gets the plan's own (year) report
    *_, sections = app.compile_for(window.conn, page.plan_id)
    assert {s.key: s.text for s in sections}["uu_diem"] != "Ưu điểm của quý I do văn thư viết."


def test_custom_period_shows_the_dates(window):
    page = window.report_page
    window.tabs.setCurrentWidget(page)
    _choose(page, "custom")
    assert page.start.isVisible() and page.end.isVisible()
    from datetime import date

    for field, text in ((page.start, "5/3/2025"), (page.end, "20/4/2025")):
        field.edit.selectAll()
        QTest.keyClicks(field.edit, text)
        QTest.keyClick(field.edit, Qt.Key_Return)
    assert page.report.period_start == date(2025, 3, 5) and page.report.period_end == date(2025, 4, 20)
    assert "từ ngày 05/3/2025 đến ngày 20/4/2025" in page.title_label.text()
    QTest.keyClick(page.period, Qt.Key_Home)
    assert page.period_key() == "year" and not page.start.isVisible()


def test_dashboard_shows_last_years_same_period(qtbot, tmp_path, settings):
    from datetime import date

    from desktop import app
    from desktop.ui.pages.dashboard import Dashboard
    from tests.app.test_office_year import _two_year_ledger

    conn, p25, p26 = _two_year_ledger(tmp_path)
    board = Dashboard()
    qtbot.addWidget(board)
    board.resize(1280, 680)
    board.show()
    plan, _, report, compiled, _ = app.compile_for(conn, p26, date(2026, 1, 1), date(2026, 6, 30))
    board.set_plans(plans.list_plans(conn), p26)
    board.show_figures(compiled, None, 2026)
    assert board.compare.isVisible()
    assert "Cùng kỳ năm 2025: <b>6</b> hoạt động" in board.compare.text()
    assert "tăng 33,3% (từ 6 lên 8 hoạt động)" in board.compare.text()
    assert board.chart.counts[1] == 8 and board.chart.previous[1] == 6  # February, both years
    assert board.chart.legend == ("Năm 2026", "Năm 2025")
    assert len(board.bars) == 1
    qtbot.wait(20)
    shot(board, "dashboard_two_years")
    # the first year has no year before: no comparison, one series
    *_, compiled25, _ = app.compile_for(conn, p25, date(2025, 1, 1), date(2025, 6, 30))
    board.show_figures(compiled25, None, 2025)
    assert not board.compare.isVisible() and board.chart.previous is None
    conn.close()


def test_window_dashboard_compares_after_copying(window, monkeypatch):
    # the window's own dashboard: a plan copied to 2026 with nothing recorded yet compares with 2025 only
    # when 2025 recorded something in the same period
    new_id = app_copy(window)
    window.plan_page.load(window.unit, new_id)
    window.refresh_dashboard()
    assert window.dashboard.compare.isVisible()
    assert "Cùng kỳ năm 2025" in window.dashboard.compare.text()


def app_copy(window):
    from datetime import date

    from desktop import app

    return app.copy_plan_to_year(window.conn, 1, 2026, date(2025, 12, 20))


def test_next_year_plan_into_a_year_that_has_it_asks_first(window, monkeypatch):
    from desktop import app
    from desktop.ui import common

    page = window.plan_page
    window.tabs.setCurrentWidget(page)
    app.copy_plan_to_year(window.conn, 1, 2026)
    before = plans.list_plans(window.conn)
    asked, answers = [], [False, True]
    monkeypatch.setattr(
        common.QMessageBox,
        "question",
        staticmethod(
            lambda parent, title, text, *a: (
                asked.append(text) or (common.QMessageBox.Yes if answers.pop(0) else common.QMessageBox.No)
            )
        ),
    )
    states = []

    def run(dlg):
        dlg.show()
        assert dlg.year.value() == 2026
        QTest.keyClick(dlg.year, Qt.Key_Return)  # Tạo kế hoạch: the year has it, the clerk says No
        states.append((dlg.isVisible(), len(plans.list_plans(window.conn))))
        QTest.keyClick(dlg.year, Qt.Key_Return)  # again, and this time Yes
        return dlg.result()

    monkeypatch.setattr(copy_plan_dialog.CopyPlanDialog, "exec", run)
    button = next(b for b in page.findChildren(QPushButton) if b.text() == "Tạo kế hoạch năm sau…")
    button.click()
    assert len(asked) == 2 and "Năm 2026 đã có kế hoạch" in asked[0] and "--force" not in asked[0]
    assert states == [(True, len(before))]  # No: nothing created, the dialog still open
    assert len(plans.list_plans(window.conn)) == len(before) + 1
