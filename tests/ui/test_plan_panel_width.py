"""The plan's item panel never narrower than its fields (issue 20, docs/walk.py): a splitter state saved in a
narrower window (960 px: tree 701, panel 183) came back at 1280 × 680 with the panel 270 px wide and its fields
304 px, "Là nhiệm vụ" at x 1203 outside the window, the lead combo and the targets cut at the right."""

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QScrollArea, QSplitter, QWidget


def _scroll_of(widget) -> QScrollArea:
    w = widget.parent()
    while not isinstance(w, QScrollArea):
        w = w.parent()
    return w


def test_a_narrow_splitter_state_leaves_the_item_fields_in_sight(qtbot, demo_copy, settings):
    from desktop.ui.main import MainWindow

    narrow = QSplitter()
    for _ in range(2):
        narrow.addWidget(QWidget())
    narrow.resize(890, 100)
    narrow.setSizes([701, 183])
    settings.setValue("splitter/plan", narrow.saveState())
    win = MainWindow(demo_copy, settings)
    qtbot.addWidget(win)
    win.resize(1280, 680)
    win.show()
    win.tabs.setCurrentWidget(win.plan_page)
    QApplication.processEvents()
    page = win.plan_page
    scroll = _scroll_of(page.is_task)
    seen = QRect(QPoint(0, 0), scroll.viewport().size())
    for field in (page.kind, page.is_task, page.text, page.targets, page.lead, page.coord, page.time_frame):
        box = QRect(field.mapTo(scroll.viewport(), QPoint(0, 0)), field.size())
        assert box.left() >= 0 and box.right() <= seen.right(), (field, box, seen)
    right = QRect(page.is_task.mapTo(win, QPoint(0, 0)), page.is_task.size())
    assert QRect(QPoint(0, 0), win.size()).contains(right)
    win.close()
