"""The main window: Tổng quan, Đơn vị, Kế hoạch, Hoạt động, Báo cáo — one unit's database.

First run (no database in the per-user data folder) shows a short wizard: the unit, its
departments and signers, or the demo data. The window is made of named parts, created when it fills in
(at its first paint, with the modules they need) and held as attributes: the session (app/session.py), the
five screens (pages.py), `exports` (documents, Excel, templates) and `backups` (actions.py).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget

from .. import APP_NAME, __version__, app
from ..app import opening
from ..domain.errors import UserError
from ..paths import resource
from .common import TITLE, FirstPaint, Jobs, WheelGuard

if TYPE_CHECKING:  # imported when the window fills in (_build), not with this module: start-up
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QProgressBar

    from ..domain.models import Unit
    from .actions import Backups, Exports
    from .pages import Dashboard, LedgerPage, PlanPage, ReportPage, UnitPage
    from .undo import UndoKeys

ORG = "VanBanYTe"


def default_db_path() -> Path:
    from ..paths import data_dir

    return data_dir() / "vanbanyte.db"


def create_from_wizard(path: Path, wizard) -> None:
    """A new database from the wizard's answers: the demo, or the unit with the first plan the clerk chose (or none)."""
    from ..app.setup import create_unit_database_choosing

    if wizard.wants_demo():
        app.create_demo_database(path)
    else:
        create_unit_database_choosing(path, wizard.unit(), wizard.wants_plan(), wizard.kept_targets())


def first_run(path: Path, parent=None) -> bool:
    """Run the wizard for a missing database; False when the clerk cancels."""
    from PySide6.QtWidgets import QDialog

    from .dialogs.wizard import FirstRunWizard

    wizard = FirstRunWizard(parent)
    if wizard.exec() != QDialog.Accepted:
        return False
    create_from_wizard(path, wizard)
    return True


class MainWindow(QMainWindow):
    """deferred: the window paints at once with its tabs, menus and "Đang mở dữ liệu…", and fills in
    (backup, screens, data) at the event loop's first turn, before any click can reach it."""

    # its parts, from _build on (the screens and the parts read each other through the window)
    session: app.Session  # the database, the unit's forms, the current plan and period
    jobs: Jobs  # the background jobs (exports, workbooks)
    backups: Backups  # automatic, daily, by hand, restored
    exports: Exports  # documents, Excel, the unit's templates
    dashboard: Dashboard
    unit_page: UnitPage
    plan_page: PlanPage
    ledger_page: LedgerPage
    report_page: ReportPage
    undo: QUndoStack  # the ledger's and the plan's changes, undone wherever the focus is
    undo_keys: UndoKeys
    busy: QProgressBar
    unit: Unit  # as last loaded (reload_unit)

    def __init__(self, db_path: Path, settings: QSettings | None = None, deferred: bool = False):
        super().__init__()
        self.db_path = Path(db_path)
        self.conn = opening.open_db(self.db_path)  # a damaged file raises opening.Damaged before anything shows
        self.settings = settings or QSettings(ORG, APP_NAME)
        self.ready = self.failed = self._building = False
        self.self_test: Path | None = None  # set by main() for --self-test: failures go to that file
        self.setWindowTitle(TITLE)
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        self.file_menu = self.menuBar().addMenu("&Tệp")
        self.edit_menu = self.menuBar().addMenu("&Sửa")
        self.help_menu = self.menuBar().addMenu("Trợ &giúp")
        self.setMinimumSize(960, 560)  # every screen fits 1280 × 680 and scrolls or splits below that
        self.resize(1280, 680)
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if deferred:
            self.tabs.addTab(QLabel("  Đang mở dữ liệu…"), "Tổng quan")
            self.statusBar().showMessage("Đang mở dữ liệu…")
            # filled in once on screen (Qt would otherwise run a zero timer before the first paint);
            # the timer is for a window started minimised, which does not paint
            self._first_paint = FirstPaint(self, lambda _at: QTimer.singleShot(0, self._build_or_close))
            QTimer.singleShot(1000, self._build_or_close)
        else:
            self._build()

    def _build_or_close(self) -> None:
        if self.ready or self._building:
            return
        self._building = True
        try:
            self._build()
        except Exception as e:  # noqa: BLE001 — the window cannot work: say why, then close
            from .. import log as applog
            from . import errors

            applog.logger().exception("could not fill the window on %s", self.db_path)
            text = str(e) if isinstance(e, UserError) else errors.message(errors.one_line(e))
            if self.self_test is not None:  # nobody to click in a self-test: RESULT=FAIL and the reason
                from .selftest import fail

                fail(self.self_test, text)
            else:
                QMessageBox.critical(self, TITLE, text)
            self.failed = True  # main() exits with 1
            self.close()

    def _build(self) -> None:
        # the screens and the parts, with the Qt classes only they use: most of the start-up time is imports
        from PySide6.QtGui import QUndoStack
        from PySide6.QtWidgets import QProgressBar

        from .actions import Backups, Exports
        from .pages import Dashboard, LedgerPage, PlanPage, ReportPage, UnitPage

        WheelGuard.install()  # the wheel scrolls past a value it is not editing, in every screen and dialog
        self.backups = Backups(self)
        self.backups.start()
        self.jobs = Jobs(self)
        self.exports = Exports(self)
        # the window's state: the database, the unit's forms, the current plan and period (the plan selector and
        # the report's period selector show it; app/session.py)
        self.session = app.Session.of(self.conn, self.db_path)
        self.tabs.clear()
        self.dashboard = Dashboard()
        self.unit_page = UnitPage(self.conn)
        self.plan_page = PlanPage(self.conn)
        self.undo = QUndoStack(self)
        self.ledger_page = LedgerPage(self.conn, self.settings, undo=self.undo)
        self.plan_page.undo = self.undo
        self.report_page = ReportPage(self.conn)
        for page, name in (
            (self.dashboard, "Tổng quan"),
            (self.unit_page, "Đơn vị"),
            (self.plan_page, "Kế hoạch"),
            (self.ledger_page, "Hoạt động"),
            (self.report_page, "Báo cáo"),
        ):
            self.tabs.addTab(page, name)
        self.setCentralWidget(self.tabs)
        self.busy = QProgressBar(maximumWidth=160, textVisible=False)
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.jobs.changed.connect(self.busy.setVisible)
        for page in (self.unit_page, self.plan_page, self.ledger_page, self.report_page):
            page.status.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.unit_page.changed.connect(self.reload_unit)
        self.plan_page.plans_changed.connect(self.plan_changed)
        for page in (self.ledger_page, self.report_page, self.dashboard):
            page.plan_chosen.connect(self.choose_plan)
        self.report_page.period_changed.connect(self._period_shown)
        self.ledger_page.forms_changed.connect(self.session.reload_forms)
        self.plan_page.export_requested.connect(self.exports.export)
        self.report_page.export_requested.connect(self.exports.export)
        self.report_page.print_requested.connect(self.exports.print_document)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.undo.indexChanged.connect(self._data_changed)  # a change made, undone or redone: figures shown anew
        self._menus()
        self._restore_splitters()
        self.reload_unit()
        last_tab = self.settings.value("window/tab", 0, int)
        self.tabs.setCurrentIndex(last_tab if 0 <= last_tab < self.tabs.count() else 0)
        self.statusBar().clearMessage()
        if self.backups.problem:  # the pages' own messages came after it
            self.statusBar().showMessage(self.backups.problem)
        self.ready = True

    def _menus(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence, QShortcut

        from .undo import UndoKeys

        x = self.exports
        m = self.file_menu
        m.addAction(QAction("Chọn thư mục lưu văn bản…", self, triggered=x.choose_output_dir))
        m.addSeparator()
        self.superior_action = QAction("Nhập kế hoạch của cấp trên…", self, triggered=self.import_superior)
        self.superior_action.setToolTip("Tạo kế hoạch của đơn vị từ kế hoạch của cấp trên (.docx, .pdf, .txt)")
        m.addAction(self.superior_action)
        m.addAction(QAction("Nhập hoạt động từ Excel…", self, shortcut="Ctrl+I", triggered=x.import_excel))
        m.addAction(QAction("Xuất hoạt động ra Excel…", self, triggered=x.export_excel))
        m.addAction(QAction("Tạo sổ Excel cho khoa, phòng…", self, triggered=x.excel_template))
        m.addSeparator()
        m.addAction(QAction("Mẫu văn bản của đơn vị…", self, triggered=x.show_templates))
        m.addAction(QAction("Sao lưu và khôi phục…", self, triggered=self.backups.show))
        m.addSeparator()
        m.addAction(QAction("Thoát", self, shortcut=QKeySequence.Quit, triggered=self.close))
        e = self.edit_menu
        self.undo_keys = UndoKeys(
            self, self.undo, lambda msg: self.statusBar().showMessage(msg, 8000), before=self.flush_pages
        )
        QApplication.instance().installEventFilter(self.undo_keys)
        e.aboutToShow.connect(self.flush_pages)  # Hoàn tác in the menu undoes the change just typed, too
        undo = self.undo.createUndoAction(self, "Hoàn tác")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.undo.createRedoAction(self, "Làm lại")
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        e.addAction(undo)
        e.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        h = self.help_menu
        h.addAction(QAction("Phím tắt", self, shortcut="F1", triggered=self.show_shortcuts))
        step = lambda d: self.tabs.setCurrentIndex((self.tabs.currentIndex() + d) % self.tabs.count())  # noqa: E731
        for key, d in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            QShortcut(QKeySequence(key), self, activated=lambda d=d: step(d))
        for i in range(self.tabs.count()):
            QShortcut(QKeySequence(f"Alt+{i + 1}"), self, activated=lambda i=i: self.tabs.setCurrentIndex(i))
        h.addAction(
            QAction(
                "Giới thiệu",
                self,
                triggered=lambda: QMessageBox.about(
                    self,
                    TITLE,
                    f"<b>{TITLE}</b> {__version__}<br>Soạn Kế hoạch, Báo cáo đúng thể thức Nghị định "
                    f"30/2020/NĐ-CP.<br>Dữ liệu: {self.db_path}",
                ),
            )
        )

    def import_superior(self, path: str | None = None) -> int | None:
        """Tệp › Nhập kế hoạch của cấp trên…: the Kế hoạch screen's flow (choose, review, create), shown there."""
        self.tabs.setCurrentWidget(self.plan_page)
        return self.plan_page.import_superior(path)

    def show_shortcuts(self):
        from .dialogs.shortcuts import ShortcutsDialog

        dlg = ShortcutsDialog(self)
        self.shortcuts_dialog = dlg
        dlg.show()
        return dlg

    def choose_plan(self, plan_id: int) -> None:
        """A plan chosen on another screen becomes the window's plan (every screen shows it)."""
        combo = self.plan_page.plan_combo
        i = combo.findData(plan_id)
        if i >= 0 and i != combo.currentIndex():
            combo.setCurrentIndex(i)

    def _restore_splitters(self) -> None:
        for name, split in self._splitters().items():
            state = self.settings.value(f"splitter/{name}")
            if state is not None:
                split.restoreState(state)

    def _splitters(self):
        return {
            "plan": self.plan_page.splitter,
            "plan_head": self.plan_page.head_splitter,
            "ledger2": self.ledger_page.splitter,
            "report": self.report_page.splitter,
        }

    # ---------------------------------------------------------------- data
    def reload_unit(self) -> None:
        self.unit = app.units.load_unit(self.conn)
        self.setWindowTitle(f"{TITLE} — {self.unit.name}")
        self.unit_page.load()
        self.plan_page.load(self.unit, self.session.plan_id)

    def plan_changed(self) -> None:
        """The plan chosen in the plan selector becomes the session's; every screen shows it."""
        pid = self.session.plan_id = self.plan_page.current_plan_id()
        self.session.period = None  # the report page shows the new plan's period, and says so (_period_shown)
        plan = self.plan_page.plan
        self.ledger_page.load(self.unit, plan)
        self.report_page.load(pid)
        self.dashboard.set_plans(app.plans.list_plans(self.conn), pid)
        self.refresh_dashboard()

    def _tab_changed(self, index: int) -> None:
        self.flush_pages()
        page = self.tabs.widget(index)
        if page is self.dashboard:
            self.refresh_dashboard()
        elif page is self.report_page:
            self.report_page.recompile()

    def _data_changed(self, *_) -> None:
        """The screen in view shows the data as it is now (the others refresh when they are shown)."""
        if self.tabs.currentWidget() is self.dashboard:
            self.refresh_dashboard()

    def refresh_dashboard(self) -> None:
        pid = self.session.plan_id
        if pid is None:
            self.dashboard.show_figures(None, None, date.today().year)
            return
        plan, _, report, compiled, _ = app.compile_for(self.conn, pid, *self._period())
        deadline = plan.superior.deadline if plan.superior else None
        self.dashboard.show_figures(
            compiled, deadline, report.period_end.year, guessed=app.documents.guessed_count(self.conn, pid)
        )

    def _period(self):
        """The session's report period: (None, None) for the plan's own."""
        return self.session.period_or_plan()

    def _period_shown(self, start: date, end: date) -> None:
        """The report page shows another period (its selector is the view of the session's)."""
        self.session.period = (start, end)

    def flush_pages(self) -> None:
        """What the clerk typed in the editors, saved now (they save after a pause in typing)."""
        for page in (self.unit_page, self.plan_page, self.report_page):
            page.flush()

    # ---------------------------------------------------------------- closing
    def _commit_editors(self) -> None:
        """A cell still open in its editor (Đơn vị › a department's name) is saved now, while the database is
        open: left to Qt it commits as the window is torn down, after the connection has closed."""
        from PySide6.QtCore import QPersistentModelIndex
        from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView

        for view in self.findChildren(QAbstractItemView):
            index = QPersistentModelIndex(view.currentIndex())
            editor = view.indexWidget(index) if view.state() == QAbstractItemView.EditingState else None
            if editor is None:
                continue
            view.commitData(editor)  # the page may rebuild its table on the change: its editors go with it
            if index.isValid() and view.indexWidget(index) is editor:
                view.closeEditor(editor, QAbstractItemDelegate.NoHint)

    def closeEvent(self, event):  # noqa: N802
        if not self.ready:  # closed before it filled in (or it could not): nothing of the screens to keep
            self._building = True  # and it never fills in later (its deferred build may still be queued)
            self.conn.close()
            super().closeEvent(event)
            return
        self._commit_editors()
        self.flush_pages()
        QApplication.instance().removeEventFilter(self.undo_keys)
        WheelGuard.uninstall()
        self.ledger_page.save_header()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        for name, split in self._splitters().items():
            self.settings.setValue(f"splitter/{name}", split.saveState())
        self.backups.timer.stop()
        self.jobs.wait()
        self.conn.close()
        super().closeEvent(event)


def main(argv: list[str] | None = None, db_path: Path | None = None, self_test: Path | None = None) -> int:
    """The window on db_path (default: the per-user data folder). Holds the database's writer lock
    for the app's life: a second instance on the same data is refused with a message (exit 1).
    self_test: visit every screen, write the result to that file and quit (ui/selftest.py)."""
    from .. import log as applog
    from ..lock import DbLock
    from . import errors, qt_vi

    qt_app = QApplication.instance() or QApplication(sys.argv[:1] + list(argv or []))
    qt_app.setApplicationName(APP_NAME)
    qt_app.setOrganizationName(ORG)
    qt_app.setApplicationVersion(__version__)
    qt_app.setWindowIcon(QIcon(str(resource("icons", "app.png"))))
    qt_vi.install(qt_app)  # Qt's own buttons and menus in Vietnamese
    WheelGuard.install()  # the first-run wizard too
    applog.setup(kind="gui")
    log = applog.logger()
    path = Path(db_path or default_db_path())
    log.info("window on %s", path)
    if self_test is not None and not path.exists():  # nobody to answer the first-run wizard: fail, create nothing
        from ..files import one_line
        from .selftest import fail

        return fail(
            self_test,
            f"Không tìm thấy tệp dữ liệu {one_line(path)}; kiểm tra không chạy trình hướng dẫn lần đầu "
            "và không tạo tệp nào. Hãy chỉ đúng tệp dữ liệu bằng --db.",
        )
    lock = DbLock(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # first run: the lock goes beside the new file
    except OSError:
        pass  # the lock or the database then says what is wrong
    reporter = errors.install(qt_app)  # from here an uncaught error is a dialog, not the end of the app
    reporter.self_test = self_test  # … except in a self-test, where it ends the test with RESULT=FAIL
    try:
        try:
            lock.acquire()  # before the first-run wizard too: two first runs must not both create the file
            if not path.exists() and not first_run(path):
                return 0
            try:
                win = MainWindow(path, deferred=True)
            except opening.Damaged as e:  # before anything else: restore a good backup or salvage (recovery_dialog.py)
                from .dialogs.recovery_dialog import recover

                if self_test is not None or not recover(e):
                    raise
                if not path.exists() and not first_run(path):  # set aside to start afresh: the wizard
                    return 0
                win = MainWindow(path, deferred=True)
        except UserError as e:
            log.warning("refused: %s", e)
            if self_test is not None:  # never wait on a dialog
                from .selftest import fail

                return fail(self_test, e)
            QMessageBox.critical(None, TITLE, str(e))
            return 1
        except Exception as e:  # noqa: BLE001 — no window at all: say so; the traceback goes to the log
            log.exception("could not open the window on %s", path)
            QMessageBox.critical(None, TITLE, errors.message(errors.one_line(e)))
            return 1
        win.self_test = self_test
        win.show()
        if self_test is not None:
            from .selftest import arm

            arm(win, self_test)
        status = qt_app.exec()
        failed = win.failed
        _delete_now(win)
        return 1 if failed or status else status
    finally:
        reporter.uninstall()
        lock.release()
        log.info("window: exit")


def _delete_now(win: QMainWindow) -> None:
    """The window deleted by Qt now, children first, while every Python wrapper is whole: left to the
    interpreter's exit, PySide deletes it from its own clean-up, where a layout's ChildRemoved can meet event
    filters already gone (a segmentation fault in sendThroughObjectEventFilters, seen 1 run in 8 at quit)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    if win.isVisible():  # the loop ended without closing it (QApplication.quit): the window's closing work first
        win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
