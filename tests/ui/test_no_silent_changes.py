"""The window never changes what the clerk did not change (issue 20, points 1–3): an item's typing is saved
into that item even when another is clicked at once; the mouse wheel scrolls past a combo or spin box it
is not editing; Tab in Danh mục căn cứ goes to the next cell of the same row, and Ctrl+Z undoes there."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.domain.models import LegalRef
from desktop.store import db, plans, refs
from desktop.ui.dialogs.refs_dialog import RefsDialog


def _node_rect(tree, item_id):
    for node in _nodes(tree):
        if node.data(0, Qt.UserRole) == item_id:
            tree.scrollToItem(node)
            return tree.visualItemRect(node)
    raise AssertionError(item_id)


def _nodes(tree):
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        node = stack.pop(0)
        yield node
        stack[0:0] = [node.child(i) for i in range(node.childCount())]


def _items(plan):
    stack = list(plan.items)
    while stack:
        it = stack.pop(0)
        yield it
        stack[0:0] = it.children


def _wheel(widget, down=True):
    """A mouse-wheel notch over the middle of `widget`, sent to it as the window would."""
    local = QPointF(widget.rect().center())
    glob = QPointF(widget.mapToGlobal(widget.rect().center()))
    delta = QPoint(0, -120 if down else 120)
    ev = QWheelEvent(local, glob, QPoint(), delta, Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, ev)


# ---------------------------------------------------------------- 1. the item being edited gets its typing
def test_typing_then_clicking_another_item_saves_into_the_item_typed_in(window, qtbot, typer):
    window.tabs.setCurrentWidget(window.plan_page)
    page = window.plan_page
    items = list(_items(page.plan))
    first, second = items[0], items[1]
    before_second = next(i for i in _items(plans.load_plan(window.conn, page.plan.id)) if i.id == second.id)
    page.select_item(first.id)
    page.text.setFocus()
    QTest.keyClick(page.text, Qt.Key_End, Qt.ControlModifier)
    typer(page.text, " (sửa)")
    QTest.keyClicks(page.text, " ok")
    assert page._item_timer.isActive()  # within the pause: nothing saved yet
    rect = _node_rect(page.tree, second.id)
    QTest.mouseClick(page.tree.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    assert page.selected_id() == second.id
    page.flush()
    saved = {i.id: i for i in _items(plans.load_plan(window.conn, page.plan.id))}
    assert saved[first.id].text == first.text + " (sửa) ok"  # the typing went where it was typed
    s = saved[second.id]  # and the clicked item is as it was: text, kind, lead, targets
    assert (s.text, s.kind, s.lead_dept_id, s.is_task, s.targets) == (
        before_second.text,
        before_second.kind,
        before_second.lead_dept_id,
        before_second.is_task,
        before_second.targets,
    )
    assert page.text.toPlainText() == before_second.text  # the panel shows the clicked item
    node_text = next(n.text(0) for n in _nodes(page.tree) if n.data(0, Qt.UserRole) == first.id)
    assert node_text.lower().endswith(" (sửa) ok")  # its own tree line shows the new wording


def test_typing_then_choosing_another_plan_saves_into_the_first_plan(window, qtbot, typer):
    page = window.plan_page
    pid = page.current_plan_id()
    other = page.new_from_preset()
    page.plan_combo.setCurrentIndex(page.plan_combo.findData(pid))
    first = next(iter(_items(page.plan)))
    page.select_item(first.id)
    page.text.setFocus()
    QTest.keyClick(page.text, Qt.Key_End, Qt.ControlModifier)
    QTest.keyClicks(page.text, " Zebra")
    assert page._item_timer.isActive()
    page.plan_combo.setCurrentIndex(page.plan_combo.findData(other))
    page.flush()
    saved = next(i for i in _items(plans.load_plan(window.conn, pid)) if i.id == first.id)
    assert saved.text == first.text + " Zebra"
    assert not any("Zebra" in i.text for i in _items(plans.load_plan(window.conn, other)))


# ---------------------------------------------------------------- 2. the wheel scrolls, it never changes a value
def test_wheel_over_a_target_combo_scrolls_the_panel_and_changes_nothing(window, qtbot):
    window.tabs.setCurrentWidget(window.plan_page)
    page = window.plan_page
    task = page.plan.tasks()[0]
    page.select_item(task.id)
    combo = page.targets.cellWidget(0, 0)
    spin = page.targets.cellWidget(0, 1)
    assert combo is not None and spin is not None
    page.splitter.setSizes([900, 300])
    window.resize(1280, 560)
    QApplication.processEvents()
    from PySide6.QtWidgets import QScrollArea

    area = next(a for a in page.findChildren(QScrollArea) if a.widget() is not None and a.widget().isAncestorOf(combo))
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0, "the panel must be taller than its area for the test to mean anything"
    bar.setValue(0)
    page.tree.setFocus()
    form_before, qty_before = combo.currentIndex(), spin.value()
    _wheel(combo)
    _wheel(spin)
    assert (combo.currentIndex(), spin.value()) == (form_before, qty_before)
    assert bar.value() > 0  # the wheel scrolled the panel instead
    page.flush()
    saved = next(i for i in _items(plans.load_plan(window.conn, page.plan.id)) if i.id == task.id)
    assert saved.targets == task.targets
    # with the focus, the wheel does change it (the clerk chose to)
    combo.setFocus()
    _wheel(combo)
    assert combo.currentIndex() != form_before


def test_value_widgets_take_focus_on_click_not_on_wheel(window):
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    page = window.plan_page
    page.select_item(page.plan.tasks()[0].id)
    widgets = [*page.findChildren(QComboBox), *page.findChildren(QAbstractSpinBox)]
    widgets += [*window.ledger_page.findChildren(QComboBox), *window.report_page.findChildren(QAbstractSpinBox)]
    assert widgets
    for w in widgets:
        w.ensurePolished()
        assert w.focusPolicy() != Qt.WheelFocus, w


def test_wheel_over_the_plan_header_spin_box_changes_nothing(window):
    window.tabs.setCurrentWidget(window.plan_page)
    page = window.plan_page
    page.tree.setFocus()
    before = page.month.value(), plans.load_plan(window.conn, page.plan.id).doc_date
    _wheel(page.month)
    _wheel(page.signer)
    assert (page.month.value(), plans.load_plan(window.conn, page.plan.id).doc_date) == before


# ---------------------------------------------------------------- 3. Danh mục căn cứ: Tab and Ctrl+Z
def _refs_dialog(window, qtbot):
    d = RefsDialog(window.conn, window, undo=window.undo)
    qtbot.addWidget(d)
    d.show()
    d.activateWindow()
    QApplication.processEvents()
    return d


def _edit_cell(d, row, col, text, typer):
    d.table.setFocus()
    d.table.setCurrentCell(row, col)
    QTest.keyClick(d.table, Qt.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and d.table.isAncestorOf(editor)
    editor.selectAll()
    typer(editor, text)
    return editor


def test_tab_after_editing_a_cell_goes_to_the_next_cell_of_that_row(window, qtbot, typer):
    with db.transaction(window.conn):
        refs.save_ref(window.conn, LegalRef("Nghị quyết", "03/NQ-CP", None, "Chính phủ"))
    d = _refs_dialog(window, qtbot)
    row = d.table.rowCount() - 1  # a reference with no date: the last line; editing its date moves it up
    ref_id = d.ids[row]
    editor = _edit_cell(d, row, 1, "04/NQ-CP", typer)
    QTest.keyClick(editor, Qt.Key_Tab)
    QApplication.processEvents()
    assert (d.table.currentRow(), d.table.currentColumn()) == (row, 2)
    QTest.keyClicks(QApplication.focusWidget(), "01/02/2020")  # typing starts the edit of Ngày
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    QApplication.processEvents()
    assert d.ids[d.table.currentRow()] == ref_id and d.table.currentColumn() == 3
    typer(QApplication.focusWidget(), "Chính phủ nước CHXHCN Việt Nam")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    QApplication.processEvents()
    saved = {r.id: r for r in refs.list_refs(window.conn)}
    assert (saved[ref_id].number, str(saved[ref_id].issued), saved[ref_id].issuer) == (
        "04/NQ-CP",
        "2020-02-01",
        "Chính phủ nước CHXHCN Việt Nam",
    )
    kinds = [r.kind for r in saved.values()]
    assert "01/02/2020" not in kinds and not any("Chính phủ nước" in k for k in kinds)  # no other row touched


def test_tab_from_the_last_editable_cell_goes_to_the_first_of_the_next_row(window, qtbot, typer):
    d = _refs_dialog(window, qtbot)
    editor = _edit_cell(d, 0, 4, "về việc thử", typer)
    QTest.keyClick(editor, Qt.Key_Tab)  # Được dùng is not editable: skipped
    QApplication.processEvents()
    assert (d.table.currentRow(), d.table.currentColumn()) == (1, 0)


def test_ctrl_z_in_the_refs_dialog_undoes_the_last_cell_edit(window, qtbot, typer):
    d = _refs_dialog(window, qtbot)
    ref_id = d.ids[0]
    before = next(r for r in refs.list_refs(window.conn) if r.id == ref_id)
    editor = _edit_cell(d, 0, 3, "Cơ quan khác", typer)
    QTest.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()
    assert next(r for r in refs.list_refs(window.conn) if r.id == ref_id).issuer == "Cơ quan khác"
    QTest.keyClick(d.table, Qt.Key_Z, Qt.ControlModifier)
    QApplication.processEvents()
    assert next(r for r in refs.list_refs(window.conn) if r.id == ref_id).issuer == before.issuer
    assert d.table.item(d.ids.index(ref_id), 3).text() == before.issuer
    assert "Đã hoàn tác" in d.status.text()
    QTest.keyClick(d.table, Qt.Key_Y, Qt.ControlModifier)
    QApplication.processEvents()
    assert next(r for r in refs.list_refs(window.conn) if r.id == ref_id).issuer == "Cơ quan khác"
    assert d.table.item(d.ids.index(ref_id), 3).text() == "Cơ quan khác"


def test_a_refused_cell_edit_puts_the_stored_text_back(window, qtbot, typer, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.ui.dialogs.refs_dialog.warn", lambda parent, text: shown.append(text))
    d = _refs_dialog(window, qtbot)
    before = d.table.item(0, 0).text()
    editor = _edit_cell(d, 0, 0, "", typer)
    editor.clear()
    QTest.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()
    assert d.table.item(0, 0).text() == before
    assert shown and "dòng 1" in shown[0] and "không thay đổi" in shown[0]


def test_ctrl_z_right_after_a_change_undoes_that_change(window, qtbot, typer):
    """The pending save goes onto the undo stack before Ctrl+Z runs: the change just made is what is undone,
    and the step before it stays."""
    window.activateWindow()
    window.tabs.setCurrentWidget(window.plan_page)
    page = window.plan_page
    items = list(_items(page.plan))
    earlier, item = items[1], items[2]
    page.select_item(earlier.id)
    page.text.setFocus()
    QTest.keyClicks(page.text, "X")
    page.select_item(item.id)  # "X" saved into `earlier`: one step
    page.kind.setFocus()
    QTest.keyClick(page.kind, Qt.Key_Down)  # another kind, saved only after the pause
    assert page._item_timer.isActive()
    QTest.keyClick(page.kind, Qt.Key_Z, Qt.ControlModifier)
    QApplication.processEvents()
    saved = {i.id: i for i in _items(plans.load_plan(window.conn, page.plan.id))}
    assert saved[item.id].kind == item.kind and not page._item_timer.isActive()
    assert saved[earlier.id].text == "X" + earlier.text  # the step before is still there
    assert window.undo.canRedo()


def test_report_typing_then_choosing_another_plan_stays_in_its_own_report(window, qtbot):
    from desktop.store import reports

    pid = window.plan_page.current_plan_id()
    other = window.plan_page.new_from_preset()
    window.choose_plan(pid)
    window.tabs.setCurrentWidget(window.report_page)
    page = window.report_page
    page.list.setCurrentRow(next(i for i, s in enumerate(page.sections) if s.key))
    key, report_id = page._current_key, page.report.id
    page.editor.setFocus()
    QTest.keyClick(page.editor, Qt.Key_End, Qt.ControlModifier)
    QTest.keyClicks(page.editor, " Zebra")
    assert page._save_timer.isActive()
    page.plan_combo.setFocus()
    i = page.plan_combo.findData(other)
    while page.plan_combo.currentIndex() != i:
        QTest.keyClick(page.plan_combo, Qt.Key_Down if page.plan_combo.currentIndex() < i else Qt.Key_Up)
    assert window.plan_page.current_plan_id() == other and page.report.id != report_id
    window.flush_pages()
    assert reports.load_report(window.conn, report_id).texts.get(key, "").endswith(" Zebra")
    # showing the other plan's report stores nothing (issue 21): none stored, or one without the typing
    shown = reports.latest_report(window.conn, other)
    assert shown is None or "Zebra" not in "".join(shown.texts.values())
    assert "Zebra" not in "".join(page.report.texts.values())


def test_unit_recipients_typed_survive_a_reload_of_the_unit(window, qtbot):
    from desktop.store import units

    window.tabs.setCurrentWidget(window.unit_page)
    page = window.unit_page
    page.recipients.setFocus()
    QTest.keyClick(page.recipients, Qt.Key_End, Qt.ControlModifier)
    QTest.keyClick(page.recipients, Qt.Key_Return)
    QTest.keyClicks(page.recipients, "Zebra")
    assert page._recip_timer.isActive()
    window.reload_unit()  # a department or signer edited meanwhile reloads the unit
    window.flush_pages()
    assert units.load_unit(window.conn).recipients[-1] == "Zebra"
    assert page.recipients.toPlainText().endswith("Zebra")


def test_a_refs_edit_is_undone_from_the_window_after_the_dialog_closed(window, qtbot, typer, monkeypatch):
    window.activateWindow()
    window.tabs.setCurrentWidget(window.plan_page)
    page = window.plan_page
    from desktop import app

    app.set_basis(window.conn, page.plan.id, [refs.list_refs(window.conn)[0].id])
    window.reload_unit()
    cited = page.plan.basis[0]

    def clerk_edits(d):
        d.show()
        d.activateWindow()
        QApplication.processEvents()  # (no waitUntil: an event loop here deletes earlier tests' windows)
        editor = _edit_cell(d, d.ids.index(cited.id), 4, "Trích yếu sửa nhầm", typer)
        QTest.keyClick(editor, Qt.Key_Return)
        QApplication.processEvents()
        d.close()
        return 0

    monkeypatch.setattr(RefsDialog, "exec", clerk_edits)
    page.show_refs()
    assert "Trích yếu sửa nhầm" in page.basis.item(0).text()
    page.tree.setFocus()
    QTest.keyClick(page.tree, Qt.Key_Z, Qt.ControlModifier)
    assert next(r for r in refs.list_refs(window.conn) if r.id == cited.id).summary == cited.summary
    assert "Trích yếu sửa nhầm" not in page.basis.item(0).text()
    assert "Đã hoàn tác: sửa căn cứ" in window.statusBar().currentMessage()
