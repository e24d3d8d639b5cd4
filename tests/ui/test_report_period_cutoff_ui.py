"""Issue 24 point 4 in the window: the report screen offers each month and the NĐ 09/2019 cut-off (kept with
the plan), and refuses dates outside the plan, saying so, with the report shown unchanged."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.store import plans


def _choose(combo, value):
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key_Home)
    for _ in range(combo.count()):  # the keyboard, as a clerk would: Down through the list
        if combo.currentData() == value:
            return
        QTest.keyClick(combo, Qt.Key_Down)
    raise AssertionError(f"{value} not reached: {combo.currentData()}")


def test_a_month_then_the_nd09_cutoff(window):
    page = window.report_page
    window.tabs.setCurrentWidget(page)
    assert [page.period.itemText(i) for i in range(7, 19)] == [f"Tháng {m}" for m in range(1, 13)]
    _choose(page.period, "m3")
    assert (page.report.period_start, page.report.period_end) == (date(2025, 3, 1), date(2025, 3, 31))
    assert page.title_label.text().endswith("tháng 3 năm 2025</b>")
    assert page.cutoff.currentData() == "calendar"
    _choose(page.cutoff, "nd09")
    assert page.cutoff.currentText() == "Số liệu từ ngày 15 đến 14 (NĐ 09/2019)"
    assert (page.report.period_start, page.report.period_end) == (date(2025, 2, 15), date(2025, 3, 14))
    assert page.title_label.text().endswith("tháng 3 năm 2025</b>")
    assert plans.load_plan(window.conn, page.plan_id).cutoff == "nd09"  # kept with the plan
    _choose(page.period, "year")
    assert (page.report.period_start, page.report.period_end) == (date(2024, 12, 15), date(2025, 12, 14))
    assert page.title_label.text().endswith("năm 2025</b>")
    page.load(page.plan_id)  # shown again: the same period and cut-off
    assert page.cutoff.currentData() == "nd09"
    _choose(page.cutoff, "calendar")
    assert plans.load_plan(window.conn, page.plan_id).cutoff == "calendar"
    assert (page.report.period_start, page.report.period_end) == (date(2025, 1, 1), date(2025, 12, 31))


def test_dates_outside_the_plan_are_refused_in_words(window):
    page = window.report_page
    window.tabs.setCurrentWidget(page)
    _choose(page.period, "custom")
    before = (page.report.period_start, page.report.period_end)
    title = page.title_label.text()
    for field, text in ((page.start, "1/1/2026"), (page.end, "31/3/2026")):
        field.edit.selectAll()
        QTest.keyClicks(field.edit, text)
        QTest.keyClick(field.edit, Qt.Key_Return)
    assert page.summary.text() == (
        "Kỳ báo cáo quý I năm 2026 (từ ngày 01/01/2026 đến ngày 31/3/2026) nằm ngoài thời gian của kế hoạch (từ"
        " ngày 01/01/2025 đến ngày 31/12/2025): hãy chọn một kỳ trong thời gian của kế hoạch. Báo cáo đang xem"
        " chưa đổi."
    )
    assert page.title_label.text() == title
    assert (page.report.period_start, page.report.period_end) == before == (date(2025, 12, 1), date(2025, 12, 31))
