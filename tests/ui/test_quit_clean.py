"""Quitting is clean (issue 20 point 12): what is being typed is kept, nothing is printed, nothing crashes.

A cell left open in an editor (Đơn vị › Khoa, phòng or Người ký) committed only as the window was torn
down, after the database had closed: the name typed was lost, "Cannot operate on a closed database" went
to the error dialog (the quit then waited on it) and Qt printed QAbstractItemView warnings. The window
now commits and closes every open editor first (MainWindow.closeEvent).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.store import db, units

ROOT = Path(__file__).resolve().parent.parent.parent


def _open_cell(qtbot, table, row: int, col: int) -> QLineEdit:
    """Click the cell and press F2, as the clerk would: its editor, with the focus."""
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(table.model().index(row, col)).center())
    qtbot.keyClick(table, Qt.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and table.isAncestorOf(editor)
    return editor


def _unit(path: Path):
    conn = db.open_db(path)
    try:
        return units.load_unit(conn)
    finally:
        conn.close()


@pytest.mark.parametrize("table_name", ["depts", "signers"])
def test_a_cell_being_edited_when_the_window_closes_is_saved(window, qtbot, typer, demo_copy, table_name):
    errors = []
    sys_hook = sys.excepthook
    sys.excepthook = lambda *exc: errors.append(exc[1])
    try:
        window.tabs.setCurrentWidget(window.unit_page)
        table = getattr(window.unit_page, table_name)
        col = 0 if table_name == "depts" else 2
        editor = _open_cell(qtbot, table, 0, col)
        qtbot.keyClick(editor, Qt.Key_End)
        typer(editor, " (sửa)")
        window.close()  # Tệp › Thoát, the title bar's ×, Alt+F4: all come here
        QApplication.processEvents()
    finally:
        sys.excepthook = sys_hook
    assert errors == []
    unit = _unit(demo_copy)
    typed = unit.departments[0].name if table_name == "depts" else unit.signers[0].full_name
    assert typed.endswith(" (sửa)")


# ------------------------------------------------------------------ the real app, in its own process
DRIVER = r"""
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui import main as ui_main


def dialog(kind):  # a dialog nobody would click: told on stderr (the test fails on it), answered at once
    def show(*args, **kw):
        print(f"dialog {kind}: {args[2] if len(args) > 2 else args}", file=sys.stderr)
        return QMessageBox.Yes if kind == "question" else QMessageBox.Ok
    return staticmethod(show)


for kind in ("critical", "warning", "question", "information"):
    setattr(QMessageBox, kind, dialog(kind))


def typed(widget, text):
    widget.setFocus()
    for ch in text:
        for k in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(k, Qt.Key_unknown, Qt.NoModifier, ch))


def cell(table, row, col):
    QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, table.visualRect(table.model().index(row, col)).center())
    QTest.keyClick(table, Qt.Key_F2)
    return QApplication.focusWidget()


def work():
    win = next((w for w in QApplication.topLevelWidgets() if isinstance(w, ui_main.MainWindow)), None)
    if win is None or not win.ready:
        QTimer.singleShot(20, work)
        return
    win.activateWindow()
    for i in range(win.tabs.count()):  # every screen, as the self-test does
        win.tabs.setCurrentIndex(i)
        QApplication.processEvents()
    page = win.ledger_page  # Hoạt động: an activity typed and saved with Enter
    win.tabs.setCurrentWidget(page)
    page.new()
    typed(page.form.title, "Tin bài về phòng, chống bệnh lao")
    QTest.keyClick(page.form.notes, Qt.Key_Return)
    win.tabs.setCurrentWidget(win.report_page)  # Báo cáo: compiled
    QApplication.processEvents()
    win.tabs.setCurrentWidget(win.unit_page)  # Đơn vị: a department's name left open in its editor
    QApplication.processEvents()
    editor = cell(win.unit_page.depts, 0, 0)
    QTest.keyClick(editor, Qt.Key_End)
    typed(editor, " (sửa)")
    next(a for a in win.file_menu.actions() if a.text() == "Thoát").trigger()


QTimer.singleShot(0, work)
sys.exit(ui_main.main([], db_path=Path(sys.argv[1])))
"""

# what the platform itself says about any window, or about a machine without a D-Bus session (not the app)
PLATFORM_NOISE = ("This plugin does not support propagateSizeHints()", "org.freedesktop.portal.Settings")


def _session(db_path: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VANBANYTE_DATA_DIR=str(tmp_path / "data"))
    env.pop("QT_LOGGING_RULES", None)  # every Qt warning printed
    env.pop("DISPLAY", None)  # offscreen: no X server, no D-Bus session started through it
    return subprocess.run(
        [sys.executable, "-X", "dev", "-X", "faulthandler", "-c", DRIVER, str(db_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.slow
def test_window_open_work_quit_prints_nothing_and_keeps_the_work(demo_copy, tmp_path):
    """Three sessions of the real app on one database, in Python's dev mode with faulthandler on: each
    exits 0 with nothing on stderr (no Fatal Python error, no traceback, no Qt warning, no dialog)."""
    from desktop.store import activities

    conn = db.open_db(demo_copy)
    before = activities.count_activities(conn)
    conn.close()
    for k in range(3):
        p = _session(demo_copy, tmp_path)
        said = [ln for ln in p.stderr.splitlines() if ln.strip() and not any(n in ln for n in PLATFORM_NOISE)]
        assert p.returncode == 0 and said == [], f"session {k + 1}: exit {p.returncode}\n" + "\n".join(said)
    conn = db.open_db(demo_copy)
    try:
        assert activities.count_activities(conn) == before + 3
        assert units.load_unit(conn).departments[0].name.endswith(" (sửa) (sửa) (sửa)")
    finally:
        conn.close()
