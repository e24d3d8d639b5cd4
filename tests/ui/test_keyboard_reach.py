"""Every underlined letter reaches its field; the department is chosen by typing part of its name; a new
activity starts in Ngày (issue 20, point 8)."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget

from desktop.store import activities, units
from desktop.ui.pages.report_page import CUSTOM


def at_keyboard():
    """Where a key goes: the open popup (a completer's list) if any, else the focused widget."""
    return QApplication.activePopupWidget() or QApplication.focusWidget()


def ledger(window, qtbot):
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts and mnemonics reach the active window only
    QApplication.processEvents()
    return page


def test_alt_n_reaches_the_date_and_the_typed_date_lands_in_ngay(window, qtbot):
    page = ledger(window, qtbot)
    page.new()
    form = page.form
    form.title.setFocus()
    QApplication.processEvents()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_N, Qt.AltModifier)
    QApplication.processEvents()
    assert QApplication.focusWidget() is form.start.edit
    form.start.edit.selectAll()
    QTest.keyClicks(QApplication.focusWidget(), "3/4/2025")
    assert form.start.edit.text() == "3/4/2025" and form.title.text() == ""


def test_every_underlined_letter_of_the_form_reaches_its_field(window, qtbot):
    page = ledger(window, qtbot)
    page.new()
    form = page.form
    missed = []
    for label in form.findChildren(QLabel):
        text = label.text()
        if "&" not in text.replace("&&", ""):
            continue
        letter = text[text.index("&") + 1].upper()
        buddy = label.buddy()
        (form.notes if buddy is not form.notes else form.title).setFocus()
        QApplication.processEvents()
        QTest.keyClick(QApplication.focusWidget(), getattr(Qt, f"Key_{letter}"), Qt.AltModifier)
        QApplication.processEvents()
        focus = QApplication.focusWidget()
        if buddy is None or not (focus is buddy or buddy.isAncestorOf(focus) or focus is buddy.focusProxy()):
            missed.append(text)
    assert missed == []


def test_no_two_mnemonics_of_a_page_and_the_menu_bar_share_a_letter(window, qtbot):
    def letter(text):
        t = text.replace("&&", "")
        return t[t.index("&") + 1].lower() if "&" in t else None

    bar = [letter(a.text()) for a in window.menuBar().actions()]
    clashes, checked = [], []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        page = window.tabs.widget(i)
        for combo in page.findChildren(QComboBox):  # a period typed by hand shows its own labels: seen too
            if combo.findData(CUSTOM) >= 0 and combo.isVisibleTo(page):
                combo.setFocus()
                for _ in range(combo.count()):
                    if combo.currentData() == CUSTOM:
                        break
                    QTest.keyClick(combo, Qt.Key_Down)
                QApplication.processEvents()
        seen = {k: "menu" for k in bar if k}
        for w in page.findChildren(QWidget):
            text = w.text() if isinstance(w, (QLabel, QAbstractButton)) else ""
            k = letter(text) if text and w.isVisibleTo(page) else None
            if k:
                checked.append(text)
                if k in seen:
                    clashes.append((window.tabs.tabText(i), text, seen[k]))
                seen[k] = text
    assert clashes == [], clashes
    assert any(t.startswith("Từ") for t in checked) and any(t.startswith("đế") for t in checked)


def test_alt_letters_reach_both_dates_of_a_custom_report_period(window, qtbot):
    page = window.report_page
    window.tabs.setCurrentWidget(page)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.period.setFocus()
    for _ in range(page.period.count()):
        if page.period.currentData() == CUSTOM:
            break
        QTest.keyClick(page.period, Qt.Key_Down)
    QApplication.processEvents()
    for field in (page.start, page.end):
        label = next(x for x in page.findChildren(QLabel) if x.buddy() is field)
        text = label.text()
        page.period.setFocus()
        QApplication.processEvents()
        QTest.keyClick(
            QApplication.focusWidget(), getattr(Qt, f"Key_{text[text.index('&') + 1].upper()}"), Qt.AltModifier
        )
        QApplication.processEvents()
        focus = QApplication.focusWidget()
        assert focus is field or field.isAncestorOf(focus), text


def test_every_mnemonic_label_in_every_page_has_a_buddy(window, qtbot):
    missing = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        for label in window.tabs.widget(i).findChildren(QLabel):
            if (
                "&" in label.text().replace("&&", "")
                and not label.text().lstrip().startswith("<")
                and label.buddy() is None
            ):
                missing.append((window.tabs.tabText(i), label.text()))
    assert missing == []


def test_the_department_is_chosen_by_part_of_its_name_with_spaces(window, qtbot):
    page = ledger(window, qtbot)
    unit = units.load_unit(window.conn)
    page.new()
    form = page.form
    form.dept.setFocus()
    QApplication.processEvents()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_A, Qt.ControlModifier)  # replace the department shown
    QTest.keyClicks(QApplication.focusWidget(), "Khoa Kh")
    QApplication.processEvents()
    popup = form.dept.completer().popup()
    assert popup.isVisible()
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown and all("khoa kh" in s.lower() for s in shown)
    QTest.keyClick(popup, Qt.Key_Down)
    QTest.keyClick(popup, Qt.Key_Return)
    QApplication.processEvents()
    chosen = next(d for d in unit.departments if d.name == shown[0])
    assert form.dept.currentData() == chosen.id and form.dept.currentText() == chosen.name
    form.start.setFocus()
    QApplication.processEvents()
    assert form.dept.currentData() == chosen.id  # leaving the field keeps the choice
    before = activities.count_activities(window.conn)
    form.title.setFocus()
    QTest.keyClicks(form.title, "Tap huan")
    QTest.keyClick(form.title, Qt.Key_Return, Qt.ControlModifier)
    assert activities.count_activities(window.conn) == before + 1
    row = window.conn.execute("SELECT dept_id FROM activities ORDER BY id DESC LIMIT 1").fetchone()
    assert row[0] == chosen.id


def test_a_department_name_not_in_the_list_is_said_not_replaced(window, qtbot):
    page = ledger(window, qtbot)
    page.new()
    form = page.form
    before = activities.count_activities(window.conn)
    form.dept.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_A, Qt.ControlModifier)
    QTest.keyClicks(QApplication.focusWidget(), "Khoa Khong Co")
    form.title.setFocus()
    QTest.keyClicks(form.title, "Tap huan")
    QTest.keyClick(form.title, Qt.Key_Return, Qt.ControlModifier)
    assert activities.count_activities(window.conn) == before
    assert "Khoa Khong Co" in form.error.text() and form.dept.currentText() == "Khoa Khong Co"


def test_ctrl_n_starts_in_ngay(window, qtbot):
    page = ledger(window, qtbot)
    page.table.setFocus()
    page.table.selectRow(0)
    QApplication.processEvents()
    QTest.keyClick(page.table, Qt.Key_N, Qt.ControlModifier)
    QApplication.processEvents()
    assert QApplication.focusWidget() is page.form.start.edit


def test_part_of_one_name_typed_then_tab_chooses_that_department(window, qtbot):
    page = ledger(window, qtbot)
    unit = units.load_unit(window.conn)
    lao = next(d for d in unit.departments if d.name == "Khoa Lao")
    page.new()
    form = page.form
    form.dept.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_A, Qt.ControlModifier)
    QTest.keyClicks(QApplication.focusWidget(), "lao")
    QTest.keyClick(at_keyboard(), Qt.Key_Escape)  # the popup closes, the text stays
    QTest.keyClick(at_keyboard(), Qt.Key_Tab)
    QApplication.processEvents()
    assert form.dept.currentText() == "Khoa Lao" and form.dept_id() == lao.id
