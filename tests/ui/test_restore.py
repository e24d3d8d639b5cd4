"""Tệp › Sao lưu và khôi phục: a backup on start and each day, the list, restoring one with confirmation."""

from datetime import date, timedelta

from PySide6.QtWidgets import QMessageBox

from desktop.store import backups, db
from desktop.store.activities import count_activities


def _dialog(window, monkeypatch):
    """The dialog as the menu opens it, without waiting on exec."""
    from desktop.ui.dialogs.backups_dialog import BackupsDialog

    monkeypatch.setattr(BackupsDialog, "exec", lambda self: 0)
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Sao lưu và khôi phục…")
    action.trigger()
    return window.backups.dialog


def test_start_backup_listed_and_restored_into_the_ledger(window, qtbot, monkeypatch):
    start = backups.list_backups(window.db_path)
    assert [(b.reason, b.activities) for b in start] == [(backups.START, 150)]
    with db.transaction(window.conn):
        window.conn.execute("DELETE FROM activities WHERE id > 12")
    window.plan_changed()
    assert window.ledger_page.model.total() == 12

    dlg = _dialog(window, monkeypatch)
    assert dlg.table.rowCount() == 1
    assert [dlg.table.item(0, c).text() for c in (1, 2)] == ["khởi động", "150"]
    assert dlg.table.item(0, 0).text() == start[0].created.strftime("%H:%M:%S ngày %d/%m/%Y")
    assert dlg.table.item(0, 3).text().endswith("KB")
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda parent, title, text, *a: asked.append(text) or QMessageBox.Yes)
    )
    dlg.table.selectRow(0)
    assert dlg.restore_selected()
    assert asked == [
        f"Khôi phục dữ liệu về bản sao lưu lúc {start[0].created:%H:%M:%S ngày %d/%m/%Y} (150 hoạt động)?"
        "\n\nDữ liệu hiện tại sẽ được sao lưu trước (bản “trước khi khôi phục”), nên vẫn có thể quay lại."
    ]
    assert window.ledger_page.model.total() == 150
    assert count_activities(window.conn) == 150
    assert "Đã khôi phục dữ liệu từ bản sao lưu" in window.statusBar().currentMessage()
    # the state before the restore is listed first, with its 12 activities
    assert dlg.table.rowCount() == 2
    assert [dlg.table.item(0, c).text() for c in (1, 2)] == ["trước khi khôi phục", "12"]
    assert "Dữ liệu trước khi khôi phục được lưu ở" in dlg.message.text()


def test_declined_or_damaged_restore_changes_nothing(window, monkeypatch):
    with db.transaction(window.conn):
        window.conn.execute("DELETE FROM activities WHERE id > 30")
    window.plan_changed()
    dlg = _dialog(window, monkeypatch)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.No))
    assert not dlg.restore_selected()
    assert window.ledger_page.model.total() == 30
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warned.append(text)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.Yes))
    idle = window.jobs.busy
    monkeypatch.setattr(window.jobs, "busy", lambda name=None: True)  # an export still running
    assert not dlg.restore_selected()
    assert warned == ["Đang xuất văn bản hoặc xử lý tệp Excel; hãy đợi xong việc đó rồi khôi phục."]
    monkeypatch.setattr(window.jobs, "busy", idle)
    warned.clear()
    made = dlg.entries[0].path
    made.write_bytes(made.read_bytes()[:4096] + b"\x5a" * (made.stat().st_size - 8192) + made.read_bytes()[-4096:])
    dlg.reload()
    assert not dlg.restore_selected()
    assert warned == [f"Bản sao lưu {made.name} bị hỏng nên không khôi phục được; dữ liệu hiện tại giữ nguyên."]
    assert window.ledger_page.model.total() == 30 and count_activities(window.conn) == 30


def test_backup_now_keep_count_and_folder(window, monkeypatch, tmp_path):
    dlg = _dialog(window, monkeypatch)
    dlg.backup_now()
    listed = backups.list_backups(window.db_path)
    assert sorted(b.reason for b in listed) == sorted([backups.MANUAL, backups.START])
    assert dlg.table.rowCount() == 2 and dlg.message.text().startswith("Đã sao lưu dữ liệu vào ")
    opened = []
    monkeypatch.setattr("desktop.ui.dialogs.backups_dialog.open_path", opened.append)
    dlg.folder_button.click()
    assert opened == [tmp_path / "sao_luu"]
    assert dlg.keep.value() == 10
    dlg.keep.setValue(2)
    assert int(window.settings.value("backup/keep")) == 2
    # the day changes while the window stays open (the hourly timer's check): a daily backup
    assert window.backups.timer.isActive() and window.backups.timer.interval() == 3600 * 1000
    assert window.backups.daily(date.today()) is None  # the start backup is today's
    daily = window.backups.daily(date.today() + timedelta(days=1))
    assert daily is not None and daily.name.endswith("-hang-ngay.db")
    # rotation to the kept count; the manual backup is kept apart
    made = [window.backups.automatic(backups.START) for _ in range(2)]
    auto = [b.path for b in backups.list_backups(window.db_path) if b.automatic]
    assert sorted(auto) == sorted(made)
    assert [b.reason for b in backups.list_backups(window.db_path) if not b.automatic] == [backups.MANUAL]


def test_a_failing_backup_does_not_stop_the_window(qtbot, demo_copy, settings):
    from desktop.ui.main import MainWindow

    (demo_copy.parent / "sao_luu").write_text("not a folder")
    w = MainWindow(demo_copy, settings)
    qtbot.addWidget(w)
    assert w.statusBar().currentMessage() == (
        f"Không sao lưu được dữ liệu: không ghi được vào thư mục {demo_copy.parent / 'sao_luu'}. "
        "Dữ liệu hiện tại không bị ảnh hưởng."
    )
    assert w.ledger_page.model.total() == 150
    assert not w.backups.warning.isHidden() and w.backups.warning.toolTip() == w.backups.problem
    # the folder becomes writable: the next day's backup is made and the warning goes
    (demo_copy.parent / "sao_luu").unlink()
    assert w.backups.daily(date.today()) is not None
    assert w.backups.warning.isHidden() and w.backups.problem is None
    w.close()
