"""At 1280 × 680 (a 1366 × 768 screen) the plan's target table is in sight as soon as a task is chosen, without
scrolling the item panel (issue 20, point 15)."""

import os

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea


def _scroll_of(widget) -> QScrollArea:
    w = widget.parent()
    while w is not None and not isinstance(w, QScrollArea):
        w = w.parent()
    return w


def _walk(items):
    for it in items:
        yield it
        yield from _walk(it.children)


def test_the_target_table_is_in_sight_at_1280_by_680_when_a_task_is_chosen(window):
    window.resize(1280, 680)
    window.tabs.setCurrentWidget(window.plan_page)
    page = window.plan_page
    QApplication.processEvents()
    task = next(i for i in _walk(page.plan.items) if i.is_task and i.targets)
    # the clerk clicks the task in the tree
    page.select_item(next(i for i in _walk(page.plan.items) if not i.is_task).id)
    node = next(n for n in _nodes(page.tree) if n.data(0, Qt.UserRole) == task.id)
    page.tree.scrollToItem(node)
    QTest.mouseClick(page.tree.viewport(), Qt.LeftButton, Qt.NoModifier, page.tree.visualItemRect(node).center())
    QApplication.processEvents()
    assert page.targets.rowCount() == len(task.targets)
    if os.environ.get("SHOT"):
        window.grab().save(os.environ["SHOT"])
    table, scroll = page.targets, _scroll_of(page.targets)
    assert scroll is None or scroll.verticalScrollBar().value() == 0  # nothing scrolled to get there
    seen = QRect(QPoint(0, 0), scroll.viewport().size()) if scroll else QRect(QPoint(0, 0), window.size())
    top_left = table.mapTo(scroll.viewport() if scroll else window, QPoint(0, 0))
    first_row = QRect(top_left, table.size())
    first_row.setHeight(table.horizontalHeader().height() + table.rowHeight(0))
    assert seen.contains(top_left), (top_left, seen)
    assert seen.contains(first_row), (first_row, seen)  # its header and first target readable
    assert table.isVisible() and window.height() <= 680


def _nodes(tree):
    out, stack = [], [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(n.child(i) for i in range(n.childCount()))
    return out


def test_tab_goes_through_the_item_panel_in_the_order_it_is_shown(window):
    window.resize(1280, 680)
    window.tabs.setCurrentWidget(window.plan_page)
    page = window.plan_page
    window.activateWindow()
    page.select_item(next(i for i in _walk(page.plan.items) if i.is_task and i.targets).id)
    QApplication.processEvents()

    def tabs_from(widget, n):
        widget.setFocus()
        seen = []
        for _ in range(n):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
            seen.append(QApplication.focusWidget())
        return seen

    def inside(w, owner):
        return w is owner or owner.isAncestorOf(w)

    a, b, c = tabs_from(page.kind, 3)
    assert (a, b) == (page.is_task, page.text) and inside(c, page.targets)  # the targets right after the text
    a, b, c = tabs_from(page.lead, 3)
    assert inside(a, page.coord) and b is page.time_frame and c is page.add_target_button
