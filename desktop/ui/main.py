"""The window: the plan, the activity ledger and the report of one unit's database.

First run (no database in the per-user data folder) opens the demo so the clerk sees a
filled-in year at once.
"""
from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_dir, user_documents_dir
from PySide6.QtCore import QObject, QRunnable, QSettings, QSortFilterProxyModel, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QApplication, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMainWindow, QMessageBox, QPushButton, QTableView, QTabWidget, QTextBrowser,
                               QTreeView, QVBoxLayout, QWidget)

from .. import APP_NAME, __version__, app
from ..domain.errors import UserError
from ..domain.forms import form
from ..domain.plan_text import number_items
from ..domain.report import report_blocks
from ..domain.text import fold
from ..store import activities, db, plans, units
from .ledger_model import LedgerModel

ORG = "VanBanYTe"


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, ORG)) / "vanbanyte.db"


def open_or_create(path: Path):
    """Open the database; on first run create it with the demo data."""
    if not path.exists():
        from ..store.demo import create_demo

        path.parent.mkdir(parents=True, exist_ok=True)
        create_demo(path, 150, 1)
    return db.open_db(path)


class FoldFilter(QSortFilterProxyModel):
    """Rows whose text contains every typed word, with or without diacritics."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        self._words = fold(text).split()
        self.invalidateFilter()

    def filterAcceptsRow(self, row, parent):  # noqa: N802 (Qt API)
        if not self._words:
            return True
        hay = self.sourceModel().search_text(row)
        return all(w in hay for w in self._words)


class _Signals(QObject):
    done = Signal(list)
    failed = Signal(str)


class ExportJob(QRunnable):
    """Rendering off the UI thread (it opens its own connection)."""

    def __init__(self, db_path: Path, what: str, out: Path, pdf: bool):
        super().__init__()
        self.db_path, self.what, self.out, self.pdf = db_path, what, out, pdf
        self.signals = _Signals()

    def run(self):
        try:
            conn = db.open_db(self.db_path)
            try:
                writer = app.write_plan if self.what == "plan" else app.write_report
                self.signals.done.emit([str(p) for p in writer(conn, self.out, pdf=self.pdf)])
            finally:
                conn.close()
        except UserError as e:
            self.signals.failed.emit(str(e))
        except Exception as e:  # shown, never a crash
            self.signals.failed.emit(f"Lỗi không mong đợi: {e}")


class MainWindow(QMainWindow):
    def __init__(self, db_path: Path):
        super().__init__()
        self.db_path = db_path
        self.conn = open_or_create(db_path)
        self.settings = QSettings(ORG, APP_NAME)
        self.jobs: set[ExportJob] = set()
        self.unit = units.load_unit(self.conn)
        self.setWindowTitle(f"Văn bản Y tế — {self.unit.name}")
        tabs = QTabWidget()
        tabs.addTab(self._plan_tab(), "Kế hoạch")
        tabs.addTab(self._ledger_tab(), "Hoạt động")
        tabs.addTab(self._report_tab(), "Báo cáo")
        self.setCentralWidget(tabs)
        self.tabs = tabs
        quit_action = QAction("Thoát", self, shortcut=QKeySequence.Quit, triggered=self.close)
        self.addAction(quit_action)
        self.resize(1100, 720)
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.statusBar().showMessage(f"Dữ liệu: {db_path}")

    # ---------------------------------------------------------------- tabs
    def _plan_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.plan_id = plans.latest_plan_id(self.conn)
        plan = plans.load_plan(self.conn, self.plan_id)
        lay.addWidget(QLabel(f"<b>KẾ HOẠCH</b> — {plan.title}"))
        model = QStandardItemModel()
        model.setHorizontalHeaderLabels(["Mục, nhiệm vụ", "Chỉ tiêu"])
        self._nest(model, plan)
        tree = QTreeView()
        tree.setModel(model)
        tree.expandAll()
        tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        lay.addWidget(tree)
        lay.addLayout(self._export_buttons("plan"))
        self.plan_tree = tree
        return w

    @staticmethod
    def _nest(model: QStandardItemModel, plan) -> None:
        """Rebuild the model as a tree following the plan's items."""
        model.removeRows(0, model.rowCount())
        labels = dict((id(it), b) for it, b in number_items(plan.items))

        def add(parent, items):
            for it in items:
                row = [QStandardItem(labels[id(it)].full), QStandardItem(", ".join(
                    f"{t.quantity} {t.unit_label or form(t.form_code).unit}" for t in it.targets))]
                for cell in row:
                    cell.setEditable(False)
                parent.appendRow(row)
                add(row[0], it.children)

        add(model.invisibleRootItem(), plan.items)

    def _ledger_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.search = QLineEdit(placeholderText="Tìm hoạt động (gõ có dấu hoặc không dấu)…")
        lay.addWidget(self.search)
        self.ledger = LedgerModel(activities.load_activities(self.conn), self.unit)
        self.proxy = FoldFilter(self)
        self.proxy.setSourceModel(self.ledger)
        self.proxy.setSortRole(Qt.UserRole)
        self.search.textChanged.connect(self._filter)
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        table.verticalHeader().setVisible(False)
        lay.addWidget(table)
        self.ledger_total = QLabel()
        lay.addWidget(self.ledger_total)
        self.ledger_table = table
        self._filter("")
        return w

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        rows = [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount())]
        cost = sum(self.ledger.activity(r).cost for r in rows)
        self.ledger_total.setText(f"{len(rows)} hoạt động — kinh phí {cost:,} đồng".replace(",", "."))

    def _report_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        view = QTextBrowser()
        _, _, _, compiled, sections = app.compile_for(self.conn, self.plan_id)
        html = []
        for b in report_blocks(sections):
            style = "font-weight:bold" if b.kind in ("h1", "h2") else ""
            html.append(f"<p style='{style}'>{_esc(b.full)}</p>")
        view.setHtml("".join(html))
        lay.addWidget(QLabel(f"<b>BÁO CÁO</b> — {compiled.total} hoạt động trong kỳ"))
        lay.addWidget(view)
        lay.addLayout(self._export_buttons("report"))
        return w

    def _export_buttons(self, what: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch()
        for text, pdf in (("Xuất Word", False), ("Xuất PDF", True)):
            b = QPushButton(text)
            b.clicked.connect(lambda _=False, p=pdf: self.export(what, p))
            row.addWidget(b)
        return row

    # ---------------------------------------------------------------- export
    def ask_output(self, what: str) -> Path | None:
        folder = self.settings.value("output_dir") or user_documents_dir()
        name = "Ke_hoach.docx" if what == "plan" else "Bao_cao.docx"
        path, _ = QFileDialog.getSaveFileName(self, "Lưu văn bản", str(Path(folder) / name), "Word (*.docx)")
        return Path(path) if path else None

    def export(self, what: str, pdf: bool) -> ExportJob | None:
        out = self.ask_output(what)
        if out is None:
            return None
        self.settings.setValue("output_dir", str(out.parent))
        job = ExportJob(self.db_path, what, out, pdf)
        job.setAutoDelete(False)
        self.jobs.add(job)
        job.signals.done.connect(lambda paths, j=job: self._export_done(j, paths))
        job.signals.failed.connect(lambda msg, j=job: self._export_failed(j, msg))
        self.statusBar().showMessage("Đang xuất văn bản…")
        QThreadPool.globalInstance().start(job)
        return job

    def _export_done(self, job, paths):
        self.jobs.discard(job)
        self.statusBar().showMessage("Đã ghi " + ", ".join(paths))

    def _export_failed(self, job, message):
        self.jobs.discard(job)
        self.statusBar().showMessage(message)
        QMessageBox.warning(self, "Không xuất được văn bản", message)

    def closeEvent(self, event):  # noqa: N802 (Qt API)
        self.settings.setValue("geometry", self.saveGeometry())
        QThreadPool.globalInstance().waitForDone(30000)
        self.conn.close()
        super().closeEvent(event)


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main(argv: list[str] | None = None, db_path: Path | None = None) -> int:
    qt_app = QApplication.instance() or QApplication(sys.argv[:1] + list(argv or []))
    qt_app.setApplicationName(APP_NAME)
    qt_app.setApplicationVersion(__version__)
    try:
        win = MainWindow(db_path or default_db_path())
    except UserError as e:
        QMessageBox.critical(None, "Văn bản Y tế", str(e))
        return 1
    win.show()
    return qt_app.exec()
