"""The main window: Tổng quan, Đơn vị, Kế hoạch, Hoạt động, Báo cáo — one unit's database.

First run (no database in the per-user data folder) shows a short wizard: the unit, its
departments and signers, or the demo data.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from platformdirs import user_documents_dir
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget

from .. import APP_NAME, __version__
from ..domain.errors import UserError
from ..files import lock_owner
from ..paths import resource
from ..store import db
from .common import TITLE, FirstPaint, Jobs, free_name, open_path, print_file, warn

ORG = "VanBanYTe"


def _load_pages() -> None:
    """The screens, the layers under them and the Qt classes only they use, imported when the window
    fills in rather than before its first paint (they are most of the start-up time: PySide6 builds
    each Qt class and its enums on first use; the domain modules). The names become this module's
    globals."""
    global app, backups, catalogue, plans, units, Dashboard, LedgerPage, PlanPage, ReportPage, UnitPage
    global QAction, QKeySequence, QDialog, QFileDialog, QProgressBar
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QDialog, QFileDialog, QProgressBar

    from .. import app
    from ..store import backups, catalogue, plans, units
    from .dashboard import Dashboard
    from .ledger_page import LedgerPage
    from .plan_page import PlanPage
    from .report_page import ReportPage
    from .unit_page import UnitPage


def default_db_path() -> Path:
    from ..paths import data_dir

    return data_dir() / "vanbanyte.db"


def create_from_wizard(path: Path, wizard) -> None:
    """A new database from the wizard's answers: the demo, or the unit with a first plan from the preset."""
    from ..store.demo import create_demo

    _load_pages()

    path.parent.mkdir(parents=True, exist_ok=True)
    if wizard.wants_demo():
        create_demo(path, 150, 1)
        return
    from ..domain.presets import plan_from_preset
    from .plan_page import guess_roles

    conn = db.create(path)
    try:
        with db.transaction(conn):
            unit = wizard.unit()
            units.save_unit(conn, unit)
            refs = catalogue.install_catalogue(conn)
            plan = plan_from_preset(catalogue.preset(), unit, refs, guess_roles(unit), date.today(),
                                    superior_issuer=unit.parent_body, superior_short=unit.parent_body or "cấp trên",
                                    deadline="10/12")
            plan.doc_date.day = None
            plan.signer_id = unit.signers[0].id if unit.signers else None
            plans.insert_plan(conn, plan)
    except BaseException:
        conn.close()
        path.unlink(missing_ok=True)
        raise
    conn.close()


def first_run(path: Path, parent=None) -> bool:
    """Run the wizard for a missing database; False when the clerk cancels."""
    from PySide6.QtWidgets import QDialog

    from .wizard import FirstRunWizard

    wizard = FirstRunWizard(parent)
    if wizard.exec() != QDialog.Accepted:
        return False
    create_from_wizard(path, wizard)
    return True


class MainWindow(QMainWindow):
    """deferred: the window paints at once with its tabs, menus and "Đang mở dữ liệu…", and fills in
    (backup, screens, data) at the event loop's first turn, before any click can reach it."""

    def __init__(self, db_path: Path, settings: QSettings | None = None, deferred: bool = False):
        super().__init__()
        self.db_path = Path(db_path)
        self.conn = db.open_db(self.db_path)
        self.settings = settings or QSettings(ORG, APP_NAME)
        self.ready = self.failed = self._building = False
        self.setWindowTitle(TITLE)
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        self.file_menu = self.menuBar().addMenu("&Tệp")
        self.edit_menu = self.menuBar().addMenu("&Sửa")
        self.help_menu = self.menuBar().addMenu("Trợ &giúp")
        self.resize(1200, 780)
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
            QMessageBox.critical(self, TITLE, str(e) if isinstance(e, UserError) else errors.message(errors.one_line(e)))
            self.failed = True  # main() exits with 1
            self.close()

    def _build(self) -> None:
        _load_pages()
        self._start_backups()
        self.jobs = Jobs(self)
        self.tabs.clear()
        self.dashboard = Dashboard()
        self.unit_page = UnitPage(self.conn)
        self.plan_page = PlanPage(self.conn)
        self.ledger_page = LedgerPage(self.conn, self.settings)
        self.report_page = ReportPage(self.conn)
        for page, name in ((self.dashboard, "Tổng quan"), (self.unit_page, "Đơn vị"), (self.plan_page, "Kế hoạch"),
                           (self.ledger_page, "Hoạt động"), (self.report_page, "Báo cáo")):
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
        self.plan_page.plans_changed.connect(self._plan_changed)
        self.plan_page.export_requested.connect(self.export)
        self.report_page.export_requested.connect(self.export)
        self.report_page.print_requested.connect(self.print_document)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._menus()
        self._restore_splitters()
        self.reload_unit()
        last_tab = self.settings.value("window/tab", 0, int)
        self.tabs.setCurrentIndex(last_tab if 0 <= last_tab < self.tabs.count() else 0)
        self.statusBar().clearMessage()
        if self.backup_problem:  # the pages' own messages came after it
            self.statusBar().showMessage(self.backup_problem)
        self.ready = True

    def _menus(self) -> None:
        m = self.file_menu
        m.addAction(QAction("Chọn thư mục lưu văn bản…", self, triggered=self.choose_output_dir))
        m.addSeparator()
        m.addAction(QAction("Nhập hoạt động từ Excel…", self, shortcut="Ctrl+I", triggered=self.import_excel))
        m.addAction(QAction("Xuất hoạt động ra Excel…", self, triggered=self.export_excel))
        m.addAction(QAction("Tạo sổ Excel cho khoa, phòng…", self, triggered=self.excel_template))
        m.addSeparator()
        m.addAction(QAction("Mẫu văn bản của đơn vị…", self, triggered=self.show_templates))
        m.addAction(QAction("Sao lưu và khôi phục…", self, triggered=self.show_backups))
        m.addSeparator()
        m.addAction(QAction("Thoát", self, shortcut=QKeySequence.Quit, triggered=self.close))
        e = self.edit_menu
        undo = self.ledger_page.undo.createUndoAction(self, "Hoàn tác")
        undo.setShortcut(QKeySequence.Undo)
        redo = self.ledger_page.undo.createRedoAction(self, "Làm lại")
        redo.setShortcut(QKeySequence.Redo)
        e.addAction(undo)
        e.addAction(redo)
        h = self.help_menu
        h.addAction(QAction("Giới thiệu", self, triggered=lambda: QMessageBox.about(
            self, TITLE, f"<b>{TITLE}</b> {__version__}<br>Soạn Kế hoạch, Báo cáo đúng thể thức Nghị định "
                         f"30/2020/NĐ-CP.<br>Dữ liệu: {self.db_path}")))

    def _restore_splitters(self) -> None:
        for name, split in self._splitters().items():
            state = self.settings.value(f"splitter/{name}")
            if state is not None:
                split.restoreState(state)

    def _splitters(self):
        return {"plan": self.plan_page.splitter, "ledger": self.ledger_page.splitter,
                "report": self.report_page.splitter}

    # ---------------------------------------------------------------- data
    def reload_unit(self) -> None:
        self.unit = units.load_unit(self.conn)
        self.setWindowTitle(f"{TITLE} — {self.unit.name}")
        self.unit_page.load()
        self.plan_page.load(self.unit, self.plan_page.current_plan_id())

    def _plan_changed(self) -> None:
        pid = self.plan_page.current_plan_id()
        plan = self.plan_page.plan
        self.ledger_page.load(self.unit, plan)
        self.report_page.load(pid)
        self.refresh_dashboard()

    def _tab_changed(self, index: int) -> None:
        self._flush_pages()
        page = self.tabs.widget(index)
        if page is self.dashboard:
            self.refresh_dashboard()
        elif page is self.report_page:
            self.report_page.recompile()

    def refresh_dashboard(self) -> None:
        pid = self.plan_page.current_plan_id()
        if pid is None:
            self.dashboard.show_figures(None, None, date.today().year)
            return
        plan, _, report, compiled, _ = app.compile_for(self.conn, pid, *self._period())
        deadline = plan.superior.deadline if plan.superior else None
        self.dashboard.show_figures(compiled, deadline, report.period_end.year)

    def _period(self):
        r = self.report_page.report
        return (r.period_start, r.period_end) if r else (None, None)

    # ---------------------------------------------------------------- output
    def choose_output_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Thư mục lưu văn bản", self.output_dir())
        if folder:
            self.settings.setValue("output/dir", folder)

    def output_dir(self) -> str:
        return self.settings.value("output/dir") or user_documents_dir()

    def ask_output(self, what: str, pdf: bool) -> Path | None:
        year = self.plan_page.plan.doc_date.year if self.plan_page.plan else date.today().year
        name = f"Ke_hoach_{year}.docx" if what == "plan" else f"Bao_cao_{year}.docx"
        path, _ = QFileDialog.getSaveFileName(self, "Lưu văn bản", str(Path(self.output_dir()) / name),
                                              "Văn bản Word (*.docx)")
        return Path(path) if path else None

    def _unlocked(self, out: Path) -> Path | None:
        """A target not open in Word; offers a new name when it is."""
        if lock_owner(out) is None:
            return out
        other = free_name(out)
        answer = QMessageBox.question(self, TITLE, f"Tệp {out.name} đang được mở (Word, Excel hoặc LibreOffice), nên "
                                                   f"không ghi đè được.\nLưu với tên mới “{other.name}”?")
        return other if answer == QMessageBox.StandardButton.Yes else None

    def export(self, what: str, pdf: bool = False):
        if self.jobs.busy("export"):
            self.statusBar().showMessage("Đang xuất một văn bản, vui lòng đợi…", 5000)
            return None
        self.plan_page.flush()
        self.report_page.flush()
        template = self.template_for(what)
        if template is False:
            return None
        out = self.ask_output(what, pdf)
        if out is None:
            return None
        if out.suffix.lower() != ".docx":
            out = out.with_suffix(".docx")
        out = self._unlocked(out)
        if out is None:
            return None
        self.settings.setValue("output/dir", str(out.parent))
        plan_id = self.plan_page.current_plan_id()
        start, end = self._period()
        self.statusBar().showMessage("Đang xuất văn bản…")
        return self.jobs.start("export", _write, self.db_path, what, out, plan_id, start, end, pdf, template,
                               done=self._exported, failed=self._failed)

    def print_document(self, what: str):
        template = self.template_for(what)
        if template is False:
            return None
        plan_id = self.plan_page.current_plan_id()
        start, end = self._period()
        import tempfile

        out = Path(tempfile.mkdtemp(prefix="vbyt-in-")) / ("bao_cao.docx" if what == "report" else "ke_hoach.docx")
        return self.jobs.start("export", _print, self.db_path, what, out, plan_id, start, end, template,
                               done=lambda _: self.statusBar().showMessage("Đã gửi văn bản tới máy in.", 8000),
                               failed=self._failed)

    def _exported(self, paths: list[Path]) -> None:
        self.statusBar().showMessage("Đã ghi " + ", ".join(str(p) for p in paths), 10000)
        box = QMessageBox(self)
        box.setWindowTitle(TITLE)
        box.setText("Đã ghi:\n" + "\n".join(str(p) for p in paths))
        open_file = box.addButton("Mở tệp", QMessageBox.AcceptRole)
        open_dir = box.addButton("Mở thư mục", QMessageBox.ActionRole)
        box.addButton("Đóng", QMessageBox.RejectRole)
        box.exec()
        if box.clickedButton() is open_file:
            open_path(paths[-1])
        elif box.clickedButton() is open_dir:
            open_path(paths[-1].parent)

    def _failed(self, message: str, title: str = "Không xuất được") -> None:
        self.statusBar().showMessage(message, 10000)
        warn(self, message, title)

    # ---------------------------------------------------------------- Excel
    def _save_xlsx(self, title: str, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(self.output_dir()) / name), "Excel (*.xlsx)")
        if not path:
            return None
        out = Path(path)
        out = out if out.suffix.lower() == ".xlsx" else out.with_suffix(".xlsx")
        out = self._unlocked(out)
        if out is not None:
            self.settings.setValue("output/dir", str(out.parent))
        return out

    def excel_template(self, out: Path | None = None):
        out = out or self._save_xlsx("Lưu sổ Excel cho khoa, phòng", "So_ghi_hoat_dong.xlsx")
        if out is None:
            return None
        plan_id = self.plan_page.current_plan_id()
        return self.jobs.start("excel", _in_db, self.db_path, app.write_xlsx_template, out, plan_id,
                               done=lambda p: self._exported([p]), failed=self._failed)

    def export_excel(self, out: Path | None = None):
        """All activities, or the rows the ledger's search and filters show."""
        visible = self.ledger_page.model.visible()
        filtered = len(visible) < self.ledger_page.model.total()
        out = out or self._save_xlsx("Xuất hoạt động ra Excel", "Hoat_dong.xlsx")
        if out is None:
            return None
        self.statusBar().showMessage(f"Đang xuất {len(visible)} hoạt động" + (" (theo bộ lọc)…" if filtered else "…"))
        return self.jobs.start("excel", _in_db, self.db_path, app.write_xlsx_export, out, visible if filtered else None,
                               done=lambda p: self._exported([p]), failed=self._failed)

    def import_excel(self, paths: list[str] | None = None):
        if self.jobs.busy("excel"):
            self.statusBar().showMessage("Đang xử lý một tệp Excel, vui lòng đợi…", 5000)
            return None
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(self, "Chọn tệp Excel", self.output_dir(), "Excel (*.xlsx)")
            if not paths:
                return None
        self.statusBar().showMessage(f"Đang đọc {len(paths)} tệp Excel…")
        # read on the worker (nothing written); the window writes after the clerk confirms the preview
        return self.jobs.start("excel", _in_db, self.db_path, app.read_imports, [Path(p) for p in paths],
                               done=self._import_preview, failed=lambda m: self._failed(m, "Không nhập được"))

    def _import_preview(self, results) -> int:
        from .excel_import import ImportPreview

        dlg = ImportPreview(results, self)
        self.import_dialog = dlg
        if dlg.exec() != QDialog.Accepted:
            self.statusBar().showMessage("Chưa nhập gì.", 5000)
            return 0
        added = 0
        try:
            for r in results:
                added += app.commit_import(self.conn, r)
        except UserError as e:
            warn(self, str(e), "Không nhập được")
        self._plan_changed()
        self.statusBar().showMessage(f"Đã nhập {added} hoạt động.", 10000)
        return added

    # ---------------------------------------------------------------- backups
    def _start_backups(self) -> None:
        """The backup on start, then an hourly check that makes the day's backup while the window stays open."""
        self._auto_backup(backups.START)
        self.backup_timer = QTimer(self, interval=3600 * 1000)
        self.backup_timer.timeout.connect(lambda: self.daily_backup())
        self.backup_timer.start()

    def _auto_backup(self, reason: str) -> Path | None:
        """An automatic backup, then the rotation; a failure is said in the status bar and never stops the app."""
        from .restore_dialog import keep_count

        if not hasattr(self, "backup_warning"):
            self.backup_warning = QLabel("⚠ Chưa sao lưu được dữ liệu")
            self.backup_warning.setStyleSheet("color: darkred")
            self.statusBar().addPermanentWidget(self.backup_warning)
        try:
            made = backups.make_backup(self.conn, self.db_path, reason)
            backups.prune(self.db_path, keep_count(self.settings), protect=made)
        except (UserError, OSError) as e:
            self.backup_problem = str(e)
            self.backup_warning.setToolTip(self.backup_problem)
            self.backup_warning.show()
            self.statusBar().showMessage(self.backup_problem)
            return None
        self.backup_problem = None
        self.backup_warning.hide()
        return made

    def daily_backup(self, today: date | None = None) -> Path | None:
        """The day's backup when the day changed since the last backup of this database."""
        try:
            due = backups.due_daily(self.db_path, today or date.today())
        except OSError:
            due = True
        return self._auto_backup(backups.DAILY) if due else None

    def _flush_pages(self) -> None:
        """What the clerk typed in the editors, saved now (they save after a pause in typing)."""
        for page in (self.unit_page, self.plan_page, self.report_page):
            page.flush()

    def backup_now(self) -> str:
        """Tệp › Sao lưu và khôi phục › Sao lưu ngay (kept apart from the rotating automatic backups)."""
        self._flush_pages()
        made = backups.make_backup(self.conn, self.db_path, backups.MANUAL)
        msg = f"Đã sao lưu dữ liệu vào {made}."
        self.statusBar().showMessage(msg, 10000)
        return msg

    def restore_backup(self, path: Path) -> str:
        """The live data replaced by a backup (the current state backed up first), every page reloaded."""
        if self.jobs.busy():
            raise UserError("Đang xuất văn bản hoặc xử lý tệp Excel; hãy đợi xong việc đó rồi khôi phục.")
        self._flush_pages()
        before = backups.restore(self.conn, self.db_path, path)
        self.reload_unit()  # the plan page's reload reloads the ledger, the report and the dashboard
        from ..store.activities import count_activities

        msg = (f"Đã khôi phục dữ liệu từ bản sao lưu {Path(path).name} ({count_activities(self.conn)} hoạt động). "
               f"Dữ liệu trước khi khôi phục được lưu ở {before.name}.")
        self.statusBar().showMessage(msg, 15000)
        return msg

    def template_for(self, what: str):
        """The unit's template for `what` (None: the built-in one); False when the chosen file is gone."""
        from .templates_dialog import KINDS, chosen_template

        path = chosen_template(self.settings, what)
        if path is not None and not path.is_file():
            warn(self, f"Không tìm thấy mẫu {KINDS[what]} của đơn vị: {path}. Hãy chọn lại tệp mẫu hoặc dùng mẫu "
                       f"có sẵn (Tệp › Mẫu văn bản của đơn vị…).")
            return False
        return path

    def show_templates(self):
        from .templates_dialog import TemplatesDialog

        dlg = TemplatesDialog(self.settings, self.output_dir(), self)
        dlg.exec()
        return dlg

    def show_backups(self):
        from .restore_dialog import RestoreDialog

        dlg = RestoreDialog(self.db_path, self.settings, self.backup_now, self.restore_backup, self)
        self.backup_dialog = dlg
        dlg.exec()
        return dlg

    # ---------------------------------------------------------------- closing
    def closeEvent(self, event):  # noqa: N802
        if not self.ready:  # closed before it filled in (or it could not): nothing of the screens to keep
            self.conn.close()
            super().closeEvent(event)
            return
        self._flush_pages()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        for name, split in self._splitters().items():
            self.settings.setValue(f"splitter/{name}", split.saveState())
        self.backup_timer.stop()
        self.jobs.wait()
        self.conn.close()
        super().closeEvent(event)


def _in_db(db_path: Path, fn, *args):
    """fn(conn, *args) on a worker thread, with its own connection (SQLite connections stay on their thread)."""
    conn = db.open_db(db_path)
    try:
        return fn(conn, *args)
    finally:
        conn.close()


def _write(db_path: Path, what: str, out: Path, plan_id, start, end, pdf: bool, template: Path | None = None
           ) -> list[Path]:
    if what == "plan":
        return _in_db(db_path, app.write_plan, out, plan_id, pdf, template)
    return _in_db(db_path, app.write_report, out, plan_id, start, end, pdf, template)


def _print(db_path: Path, what: str, out: Path, plan_id, start, end, template: Path | None = None) -> None:
    written = _write(db_path, what, out, plan_id, start, end, sys.platform != "win32", template)
    print_file(written[-1])


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
    applog.setup(kind="gui")
    log = applog.logger()
    path = Path(db_path or default_db_path())
    log.info("window on %s", path)
    lock = DbLock(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # first run: the lock goes beside the new file
    except OSError:
        pass  # the lock or the database then says what is wrong
    reporter = errors.install(qt_app)  # from here an uncaught error is a dialog, not the end of the app
    try:
        try:
            lock.acquire()  # before the first-run wizard too: two first runs must not both create the file
            if not path.exists() and not first_run(path):
                return 0
            win = MainWindow(path, deferred=True)
        except UserError as e:
            log.warning("refused: %s", e)
            QMessageBox.critical(None, TITLE, str(e))
            return 1
        except Exception as e:  # noqa: BLE001 — no window at all: say so; the traceback goes to the log
            log.exception("could not open the window on %s", path)
            QMessageBox.critical(None, TITLE, errors.message(errors.one_line(e)))
            return 1
        win.show()
        if self_test is not None:
            from .selftest import arm

            arm(win, self_test)
        status = qt_app.exec()
        return 1 if win.failed else status
    finally:
        reporter.uninstall()
        lock.release()
        log.info("window: exit")


