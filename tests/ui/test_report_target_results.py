"""Báo cáo › Kết quả chỉ tiêu tỷ lệ, độ bao phủ (issue 24, point 1 in the window): the rate and reach targets of
the period shown, where the clerk types the value reached and the reason; each cell saved as typed (one undo
step each) and the report's draft compiled again with it."""

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import app
from desktop.app import targets as app_targets
from desktop.app.plans import ItemCopy
from desktop.domain.models import Target
from desktop.ui.widgets.target_results import NOTE, VALUE


def _with_rate_and_reach(window):
    """The first task of the demo plan gets a rate target of the year and a reach target of the first quarter."""
    conn = window.conn
    plan = app.plans.load_plan(conn, window.plan_page.current_plan_id())
    task = plan.tasks()[0]
    fields = ItemCopy.of(task, {}).fields()
    fields["targets"] = [
        *task.targets,
        Target(0, "", kind="rate", group="văn bản ký số", percent=95.0),
        Target(3000, "", kind="reach", period="q1", group="người bệnh"),
    ]
    app.save_item(conn, task.id, **fields)
    saved = app.plans.load_plan(conn, plan.id).tasks()[0].targets
    return plan.id, saved[-2], saved[-1]


def _open_cell(table, r, c):
    """The clerk double-clicks a cell: its editor opens with the focus."""
    rect = table.visualItemRect(table.item(r, c))
    QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    QTest.mouseDClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    editor = QApplication.focusWidget()
    assert editor is not table and table.isAncestorOf(editor), editor
    return editor


def _type_cell(qtbot, box, r, c, text, typer=None, saved=True):
    """The clerk types into a cell and presses Enter; when it is saved, the draft is compiled again (the table
    filled anew) once the edit is over."""
    editor = _open_cell(box.table, r, c)
    QTest.keyClick(editor, Qt.Key_A, Qt.ControlModifier)
    (typer or (lambda w, t: QTest.keyClicks(w, t)))(editor, text)
    if saved:
        with qtbot.waitSignal(box.changed):
            QTest.keyClick(editor, Qt.Key_Return)
    else:
        QTest.keyClick(editor, Qt.Key_Return)
        QApplication.processEvents()  # the delegate commits the cell's text (queued)


def _drafts(page) -> str:
    return "\n".join(s.text for s in page.sections)


def test_values_typed_in_the_table_are_recorded_drafted_and_undone_cell_by_cell(window, qtbot, typer, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, m, *a, **k: said.append(m)))
    plan_id, rate, reach = _with_rate_and_reach(window)
    window.resize(1280, 680)
    window.tabs.setCurrentWidget(window.report_page)
    QApplication.processEvents()
    page = window.report_page
    box = page.target_results
    table = box.table
    assert box.isVisible() and table.rowCount() == 2
    assert "tỷ lệ văn bản ký số đạt 95%" in table.item(0, 0).text()
    assert "3.000 người bệnh (quý I)" in table.item(1, 0).text()
    assert table.item(1, 1).text() == "Quý I năm 2025"
    assert "tỷ lệ văn bản ký số đạt ……%" in _drafts(page)  # nothing recorded: dots to fill by hand

    _type_cell(qtbot, box, 0, VALUE, "247/250")
    got = app_targets.recorded(window.conn, plan_id)[(rate.id, "year", 2025)]
    assert (got.value, got.numerator, got.denominator) == (98.8, 247, 250)
    qtbot.waitUntil(
        lambda: "tỷ lệ văn bản ký số 98,8% (chỉ tiêu 95%): ĐẠT" in _drafts(page), timeout=20_000
    )  # compiled again
    assert page.target_results.table.item(0, VALUE).text() == "247/250"

    _type_cell(qtbot, box, 1, VALUE, "2.750")
    _type_cell(qtbot, box, 1, NOTE, "do mưa bão kéo dài", typer)
    got = app_targets.recorded(window.conn, plan_id)[(reach.id, "q1", 2025)]
    assert (got.value, got.note) == (2750.0, "do mưa bão kéo dài")
    qtbot.waitUntil(lambda: "CHƯA ĐẠT (do mưa bão kéo dài)" in _drafts(page), timeout=20_000)

    # a value that does not read: said where and that nothing changed; the cell shows the record again
    _type_cell(qtbot, box, 0, VALUE, "120", saved=False)
    assert said and said[-1].startswith("Dòng 1 (") and "chưa ghi gì vào dữ liệu" in said[-1]
    assert page.target_results.table.item(0, VALUE).text() == "247/250"
    assert app_targets.recorded(window.conn, plan_id)[(rate.id, "year", 2025)].value == 98.8

    # Ctrl+Z: one cell at a time, newest first, the draft following
    table = page.target_results.table
    table.setFocus()
    QTest.keyClick(table, Qt.Key_Z, Qt.ControlModifier)
    assert app_targets.recorded(window.conn, plan_id)[(reach.id, "q1", 2025)].note == ""
    qtbot.waitUntil(lambda: "CHƯA ĐẠT (do mưa bão" not in _drafts(page), timeout=20_000)
    QTest.keyClick(page.target_results.table, Qt.Key_Z, Qt.ControlModifier)
    assert (reach.id, "q1", 2025) not in app_targets.recorded(window.conn, plan_id)
    qtbot.waitUntil(lambda: page.target_results.table.item(1, VALUE).text() == "")
    QTest.keyClick(page.target_results.table, Qt.Key_Z, Qt.ControlModifier)
    assert app_targets.recorded(window.conn, plan_id) == {}
    qtbot.waitUntil(lambda: "tỷ lệ văn bản ký số đạt ……%" in _drafts(page), timeout=20_000)
    QTest.keyClick(page.target_results.table, Qt.Key_Y, Qt.ControlModifier)  # and back
    assert app_targets.recorded(window.conn, plan_id)[(rate.id, "year", 2025)].numerator == 247
    qtbot.waitUntil(lambda: page.target_results.table.item(0, VALUE).text() == "247/250")


def test_a_quarter_shows_only_its_targets_and_a_plan_without_any_hides_the_table(window, qtbot):
    window.tabs.setCurrentWidget(window.report_page)
    page = window.report_page
    QApplication.processEvents()
    assert not page.target_results.isVisible()  # the demo plan's targets are all counts
    _, rate, reach = _with_rate_and_reach(window)
    i = page.period.findData("q2")
    page.period.setCurrentIndex(i)  # the period selector is another test's subject
    QApplication.processEvents()
    texts = [page.target_results.table.item(r, 0).text() for r in range(page.target_results.table.rowCount())]
    # the year's rate shows (progress, recorded under Q2); the first quarter's reach does not
    assert len(texts) == 1 and "văn bản ký số" in texts[0]
    assert page.target_results.rows[0].period == "q2"
    assert replace(rate, id=None) == replace(page.target_results.rows[0].row.target, id=None)
