"""A clerk's keyboard and screen: every screen fits 1280 × 680, dates as typed, undo where the message says."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from desktop.store import activities
from desktop.ui.widgets.fields import DateField

ACTIONS = {
    "Kế hoạch": {"Xem trước", "Xuất Word", "Xuất PDF", "Thêm &chỉ tiêu", "+ Mục", "Kế hoạch mới từ mẫu"},
    "Hoạt động": {"Mới (Ctrl+N)", "Xóa (Del)", "Thêm hoạt động (Enter)"},
    "Báo cáo": {"Xem trước", "Xuất Word", "Xuất PDF", "In"},
    "Đơn vị": {"Thêm", "Xóa"},
}


def test_every_action_button_is_visible_in_1280_by_680(window, qtbot):
    assert window.minimumSize().width() <= 1280 and window.minimumSize().height() <= 680
    window.resize(1280, 680)
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        page = window.tabs.widget(i)
        QApplication.processEvents()
        assert window.size().width() <= 1280 and window.size().height() <= 680
        inside = QRect(QPoint(0, 0), window.size())
        buttons = [
            b
            for b in page.findChildren(QAbstractButton)
            if b.isVisibleTo(page) and b.text().strip() and not b.objectName().startswith("qt_")
        ]
        for b in buttons:
            if b.window() is not window or _in_scroll(b):  # inside a scroll area: reached by scrolling
                continue
            top_left = b.mapTo(window, QPoint(0, 0))
            box = QRect(top_left, b.size())
            assert b.isVisible() and inside.contains(box), (window.tabs.tabText(i), b.text(), box)
        shown = {b.text() for b in buttons if b.isVisible() and not _in_scroll(b)}
        assert ACTIONS.get(window.tabs.tabText(i), set()) <= shown, window.tabs.tabText(i)


def _in_scroll(widget) -> bool:
    w = widget.parent()
    while w is not None:
        if w.inherits("QScrollArea"):
            return True
        w = w.parent()
    return False


@pytest.mark.parametrize("typed", ["2/6/2026", "02/06/2026", "2-6-2026", "2.6.2026", "02062026", "2/6/26"])
def test_date_field_takes_every_form_as_typed(qtbot, typed):
    field = DateField(date(2026, 1, 1))
    qtbot.addWidget(field)
    field.show()
    changed = []
    field.dateChanged.connect(changed.append)
    field.edit.selectAll()
    QTest.keyClicks(field.edit, typed)
    QTest.keyClick(field.edit, Qt.Key_Return)
    assert field.date() == date(2026, 6, 2) and field.text() == "02/06/2026" and changed == [date(2026, 6, 2)]
    assert field.hint.isHidden()


@pytest.mark.parametrize(
    "typed, d", [("12/01/2026", date(2026, 1, 12)), ("05/03/2026", date(2026, 3, 5)), ("5/3/2026", date(2026, 3, 5))]
)
def test_date_field_never_turns_into_another_date(qtbot, typed, d):
    field = DateField(date(2026, 12, 1))
    qtbot.addWidget(field)
    field.edit.selectAll()
    QTest.keyClicks(field.edit, typed)
    QTest.keyClick(field.edit, Qt.Key_Return)
    assert field.date() == d


def test_impossible_date_is_refused_and_kept(qtbot):
    field = DateField(date(2026, 2, 1))
    qtbot.addWidget(field)
    field.show()
    changed = []
    field.dateChanged.connect(changed.append)
    field.edit.selectAll()
    QTest.keyClicks(field.edit, "31/02/2026")
    QTest.keyClick(field.edit, Qt.Key_Return)
    assert field.text() == "31/02/2026" and field.date() is None and not changed
    assert field.hint.isVisible() and "không có ngày 31" in field.hint.text()
    assert "b00020" in field.edit.styleSheet()
    field.edit.selectAll()
    QTest.keyClicks(field.edit, "28/02/2026")
    assert field.hint.isHidden()


def test_calendar_popup_picks_a_date(qtbot):
    field = DateField(date(2026, 3, 5))
    qtbot.addWidget(field)
    field.show()
    QTest.keyClick(field.edit, Qt.Key_Down, Qt.AltModifier)
    cal = field._popup.calendar
    assert cal.isVisible() and cal.selectedDate().day() == 5
    from PySide6.QtCore import QDate

    cal.activated.emit(QDate(2026, 3, 9))
    assert field.date() == date(2026, 3, 9) and field.text() == "09/03/2026"


def test_ledger_date_typed_is_saved_as_typed(window, qtbot, typer):
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    page.new()
    page.form.start.edit.selectAll()
    QTest.keyClicks(page.form.start.edit, "5/3/2025")
    typer(page.form.title, "Bài viết ngày gõ tay")
    page.form.save()
    row = window.conn.execute("SELECT start_date, plan_id FROM activities ORDER BY id DESC LIMIT 1").fetchone()
    assert tuple(row) == ("2025-03-05", window.plan_page.current_plan_id())
    page.new()
    page.form.start.edit.selectAll()
    QTest.keyClicks(page.form.start.edit, "31/02/2025")
    typer(page.form.title, "Không lưu")
    before = activities.count_activities(window.conn)
    page.form.save()
    assert activities.count_activities(window.conn) == before and "Ngày" in page.form.error.text()


def _show_active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_ctrl_z_after_delete_works_where_the_focus_is(window, qtbot):
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    _show_active(window, qtbot)
    before = activities.count_activities(window.conn)
    page.table.selectRow(0)
    victim = page.selected()[0]
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key_Delete)
    assert activities.count_activities(window.conn) == before - 1
    assert "Ctrl+Z" in window.statusBar().currentMessage() and "xóa hoạt động" in window.statusBar().currentMessage()
    assert "xóa hoạt động" in window.undo_action.text()
    page.form.title.setFocus()  # the field the old version jumped to; nothing typed there
    QTest.keyClick(page.form.title, Qt.Key_Z, Qt.ControlModifier)
    assert activities.count_activities(window.conn) == before
    assert window.conn.execute("SELECT title FROM activities WHERE id = ?", (victim.id,)).fetchone()[0] == victim.title
    QTest.keyClick(page.search, Qt.Key_Y, Qt.ControlModifier)  # redo from another field
    assert activities.count_activities(window.conn) == before - 1
    QTest.keyClick(page.table, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)  # nothing left to redo
    QTest.keyClick(page.table, Qt.Key_Z, Qt.ControlModifier)
    assert activities.count_activities(window.conn) == before


def test_text_field_undoes_its_own_typing_first(window, qtbot):
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    _show_active(window, qtbot)
    page.table.selectRow(0)
    page.delete_selected()
    before = activities.count_activities(window.conn)
    page.new()
    QTest.keyClicks(page.form.title, "abc")
    QTest.keyClick(page.form.title, Qt.Key_Z, Qt.ControlModifier)
    assert page.form.title.text() == "" and activities.count_activities(window.conn) == before
    QTest.keyClick(page.form.title, Qt.Key_Z, Qt.ControlModifier)  # nothing of its own left: the delete
    assert activities.count_activities(window.conn) == before + 1


def test_plan_changes_are_undone_by_key(window, qtbot):
    page = window.plan_page
    window.tabs.setCurrentWidget(page)
    _show_active(window, qtbot)
    page.tree.setCurrentItem(page.tree.topLevelItem(1))
    n = len(page.plan.items)
    QTest.keyClick(page.tree, Qt.Key_M, Qt.ControlModifier | Qt.ShiftModifier)  # + Mục (an animated click)
    qtbot.waitUntil(lambda: len(page.plan.items) == n + 1, timeout=2000) and "thêm" in window.undo_action.text()
    page.tree.setFocus()
    QTest.keyClick(page.tree, Qt.Key_Z, Qt.ControlModifier)
    assert len(page.plan.items) == n
    QTest.keyClick(page.tree, Qt.Key_Y, Qt.ControlModifier)
    assert len(page.plan.items) == n + 1
    # a task with activities, deleted and put back with them
    task = next(t for t in page.plan.tasks() if activities.count_for_task(window.conn, t.id))
    linked = activities.count_for_task(window.conn, task.id)
    page.select_item(task.id)
    page.delete_item()
    assert all(t.text != task.text for t in page.plan.tasks())
    QTest.keyClick(page.tree, Qt.Key_Z, Qt.ControlModifier)
    back = next(t for t in page.plan.tasks() if t.text == task.text)
    assert activities.count_for_task(window.conn, back.id) == linked and back.targets == task.targets
