"""The first-run wizard's tables (issue 20): a cell typed then confirmed with Enter is committed at once (no
"commitData called with an editor that does not belong to this view" when the next row is added or the page
left before the event loop turns), Enter in a cell stays on the page, and the wizard shows 8 rows of a table on
a 1366 × 768 screen without ever being larger than the screen's available area."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard

FOREIGN_EDITOR = "does not belong to this view"


def _wizard_on_departments(qtbot, typer):
    from desktop.ui.dialogs.wizard import FirstRunWizard

    wiz = FirstRunWizard()
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.activateWindow()
    qtbot.waitUntil(wiz.isActiveWindow)
    QTest.mouseClick(wiz.button(QWizard.NextButton), Qt.LeftButton)
    page = wiz.unit_page
    for field, text in zip((page.name, page.abbr, page.place), ("Trung tâm Y tế huyện Tân Phú", "TTYT", "Đồng Nai")):
        typer(field, text)
    QTest.mouseClick(wiz.button(QWizard.NextButton), Qt.LeftButton)
    assert wiz.currentPage() is wiz.dept_page
    return wiz


def _foreign_editor_warnings(qtlog) -> list[str]:
    return [r.message for r in qtlog.records if FOREIGN_EDITOR in r.message]


def test_rows_typed_with_tab_and_enter_then_added_commit_each_cell(qtbot, typer, qtlog):
    wiz = _wizard_on_departments(qtbot, typer)
    page, table = wiz.dept_page, wiz.dept_page.table
    rows = table.rowCount()
    typed = [("Khoa An toàn thực phẩm", "ATTP"), ("Khoa Chăm sóc sức khỏe sinh sản", "CSSKSS")]
    for name, abbr in typed:  # the clerk's keys come faster than the event loop turns: no processing between
        QTest.mouseClick(page.add_button, Qt.LeftButton)
        typer(QApplication.focusWidget(), name)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        typer(QApplication.focusWidget(), abbr)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    QTest.mouseClick(wiz.button(QWizard.NextButton), Qt.LeftButton)
    QApplication.processEvents()
    assert _foreign_editor_warnings(qtlog) == []
    got = [[table.item(r, c).text() for c in range(2)] for r in range(rows, table.rowCount())]
    assert got == [list(t) for t in typed]
    assert wiz.currentPage() is wiz.signer_page


def test_enter_in_a_cell_confirms_the_cell_and_stays_on_the_page(qtbot, typer, qtlog):
    wiz = _wizard_on_departments(qtbot, typer)
    page, table = wiz.dept_page, wiz.dept_page.table
    QTest.mouseClick(page.add_button, Qt.LeftButton)
    typer(QApplication.focusWidget(), "Khoa Dược")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    assert not wiz.button(QWizard.NextButton).isDown()  # Enter did not press "Tiếp >" (its click comes later)
    QApplication.processEvents()
    assert table.item(table.rowCount() - 1, 0).text() == "Khoa Dược"
    assert table.state() != table.State.EditingState and wiz.currentPage() is page
    # the row removed with Del while a cell of it is being typed in: the cell is closed first
    QTest.mouseClick(page.add_button, Qt.LeftButton)
    typer(QApplication.focusWidget(), "Khoa tạm")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    QTest.mouseClick(page.remove_button, Qt.LeftButton)
    QApplication.processEvents()
    assert table.item(table.rowCount() - 1, 0).text() == "Khoa Dược"
    assert _foreign_editor_warnings(qtlog) == []


@pytest.fixture
def screen_of(monkeypatch):
    """The available area every screen reports (the offscreen platform's own is 800 × 800)."""

    def use(width: int, height: int) -> QRect:
        area = QRect(0, 0, width, height)
        monkeypatch.setattr(QScreen, "availableGeometry", lambda self: area)
        return area

    return use


def _rows_in_sight(table) -> float:
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


@pytest.mark.parametrize("page_name", ["dept_page", "signer_page", "recipient_page"])
def test_tables_show_eight_rows_on_a_1366_by_768_screen(qtbot, screen_of, page_name):
    from desktop.ui.dialogs.wizard import FirstRunWizard

    area = screen_of(1366, 768 - 40)  # a taskbar of 40 px
    wiz = FirstRunWizard()
    qtbot.addWidget(wiz)
    wiz.show()
    page = getattr(wiz, page_name)
    while wiz.currentPage() is not page:
        wiz.next()
    QApplication.processEvents()
    assert _rows_in_sight(page.table) >= 8, (wiz.size(), page.table.viewport().size())
    assert area.contains(wiz.frameGeometry()), (wiz.frameGeometry(), area)


def test_the_wizard_is_never_larger_than_a_small_screen(qtbot, screen_of):
    from desktop.ui.dialogs.wizard import FirstRunWizard

    area = screen_of(1024, 420)  # the 8 rows do not fit: the tables give up rows
    wiz = FirstRunWizard()
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.next()
    wiz.next()
    QApplication.processEvents()
    assert area.contains(wiz.frameGeometry()), (wiz.frameGeometry(), area)
    inside = wiz.rect()
    for which in (QWizard.BackButton, QWizard.NextButton, QWizard.CancelButton):
        b = wiz.button(which)
        assert inside.contains(QRect(b.mapTo(wiz, b.rect().topLeft()), b.size())), which
    assert _rows_in_sight(wiz.dept_page.table) >= 3  # fewer rows, the table scrolls


def test_every_page_subtitle_is_read_whole(qtbot, screen_of):
    """QWizard gives a page's subtitle two lines: a longer one was cut (Kế hoạch đầu tiên lost “…kế hoạch đó.”)."""
    from PySide6.QtWidgets import QLabel

    from desktop.ui.dialogs.wizard import FirstRunWizard

    screen_of(1366, 768 - 40)
    wiz = FirstRunWizard()
    qtbot.addWidget(wiz)
    wiz.show()
    for _ in range(len(wiz.pageIds())):
        QApplication.processEvents()
        page = wiz.currentPage()
        label = next(lb for lb in wiz.findChildren(QLabel) if lb.isVisible() and lb.text() == page.subTitle())
        assert label.heightForWidth(label.width()) <= label.height(), page.title()
        wiz.next()
