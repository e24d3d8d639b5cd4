"""The ledger screen driven as a clerk would: type, press Enter, search, delete, undo."""

from PySide6.QtCore import Qt

from desktop.store import activities


def count(window):
    return activities.count_activities(window.conn)


def test_search_with_or_without_diacritics(window, qtbot, typer):
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    total = page.model.rowCount()
    qtbot.keyClicks(page.search, "chuyen doi so")
    plain = page.model.rowCount()
    assert 0 < plain < total
    assert all("chuyen doi so" in page.model.search_text(r) for r in range(plain))
    page.search.clear()
    typer(page.search, "chuyển đổi số")
    assert page.model.rowCount() == plain
    assert f"{plain}/{total} hoạt động" in page.totals.text()


def test_filters_by_department_and_month(window):
    page = window.ledger_page
    page.f_month.setCurrentIndex(page.f_month.findData(3))
    acts = page.model.visible()
    assert acts and all(a.start.month == 3 for a in acts)
    dept = page.f_dept.itemData(1)
    page.f_dept.setCurrentIndex(1)
    assert all(a.dept_id == dept and a.start.month == 3 for a in page.model.visible())


def test_add_by_keyboard_then_undo_and_redo(window, qtbot, typer):
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    before = count(window)
    page.new()
    form = page.form
    form.form.setCurrentIndex(form.form.findData("sinh_hoat"))
    typer(form.title, "Sinh hoạt chuyên đề về bệnh án điện tử")
    qtbot.keyClick(form.title, Qt.Key_Return)  # Enter moves on to the quantity
    assert form.quantity.hasFocus() or form.quantity.findChild(type(form.title)).hasFocus()
    form.people.setValue(45)
    form.cost.setValue(1_500_000)
    qtbot.keyClick(form.notes, Qt.Key_Return)  # Enter in the last field saves
    assert count(window) == before + 1
    row = window.conn.execute(
        "SELECT title, form_code, participants, cost FROM activities ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert tuple(row) == ("Sinh hoạt chuyên đề về bệnh án điện tử", "sinh_hoat", 45, 1_500_000)
    assert form.title.text() == ""  # ready for the next one, same department and form kept
    assert form.form.currentData() == "sinh_hoat"
    page.undo.undo()
    assert count(window) == before
    page.undo.redo()
    assert count(window) == before + 1


def test_validation_keeps_database_unchanged(window, qtbot):
    page = window.ledger_page
    before = count(window)
    page.new()
    page.form.save()
    assert "Chưa nhập nội dung" in page.form.error.text()
    assert count(window) == before


def test_edit_duplicate_delete_undo(window, qtbot):
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    before = count(window)
    page.table.selectRow(0)
    a = page.selected()[0]
    page.form.title.setText("Tiêu đề đã sửa")
    page.form.save()
    assert window.conn.execute("SELECT title FROM activities WHERE id = ?", (a.id,)).fetchone()[0] == "Tiêu đề đã sửa"
    page.undo.undo()
    assert window.conn.execute("SELECT title FROM activities WHERE id = ?", (a.id,)).fetchone()[0] == a.title
    page.table.selectRow(0)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_D, Qt.ControlModifier)
    assert count(window) == before + 1
    page.table.clearSelection()
    page.table.selectRow(0)
    victim = page.selected()[0]
    page.delete_selected()
    assert count(window) == before
    assert window.conn.execute("SELECT COUNT(*) FROM activities WHERE id = ?", (victim.id,)).fetchone()[0] == 0
    page.undo.undo()
    assert window.conn.execute("SELECT title FROM activities WHERE id = ?", (victim.id,)).fetchone()[0] == victim.title


def test_a_change_that_cannot_be_written_leaves_no_undo_entry(window, qtbot, typer, monkeypatch):
    """Disk full while saving: the clerk is told, the form keeps what was typed, the database and the
    undo history are as they were (no phantom “Hoàn tác” for a change that never happened)."""
    import sqlite3

    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    shown = []
    monkeypatch.setattr("desktop.ui.pages.ledger_page.warn", lambda parent, text, *a: shown.append(text))

    def disk_full(*a, **k):  # what SQLite says; the store's transaction turns it into the clerk's words
        raise sqlite3.OperationalError("database or disk is full")

    before, steps = count(window), page.undo.count()
    monkeypatch.setattr("desktop.store.activities.insert_activities", disk_full)
    monkeypatch.setattr("desktop.store.activities.update_activity", disk_full)
    page.new()
    typer(page.form.title, "Hoạt động không lưu được")
    qtbot.keyClick(page.form.notes, Qt.Key_Return)  # Enter in the last field saves
    page.table.selectRow(0)
    page.form.title.setText("Sửa không lưu được")
    page.form.save()
    assert len(shown) == 2 and all("đã đầy" in m for m in shown)
    assert count(window) == before and page.undo.count() == steps
    assert page.form.title.text() == "Sửa không lưu được"  # what was typed is still there
