"""The window's two parts beside its screens, each held by MainWindow (main.py) as an attribute:
`Exports` (window.exports) writes documents (Word, PDF, printing) and exchanges Excel on background jobs, and
keeps the unit's templates; `Backups` (window.backups) takes the backups (automatic, daily, by hand) and
restores one. Each reads what it needs from the window it is given: its session, settings, jobs, screens.
Imported when the window fills in (its first paint), with the Qt classes only they use."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_documents_dir
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox

from .. import app
from ..domain.errors import UserError
from ..domain.vnformat import number
from ..files import lock_owner
from .common import TITLE, free_name, open_path, print_file, warn

if TYPE_CHECKING:
    from .main import MainWindow


class Exports:
    """Tệp › output folder, Word and PDF export, printing, Excel, the unit's templates: window.exports."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.pdf_dialog = None  # while a PDF is converted: the window that offers “Dừng”
        self.pdf_cancel = None  # … and the event it sets
        self.import_progress = None  # while workbooks are read (excel_import.ReadProgress)
        self.import_dialog = None  # the preview of an import, while it is open

    def choose_output_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Thư mục lưu văn bản", self.output_dir())
        if folder:
            self.window.settings.setValue("output/dir", folder)

    def output_dir(self) -> str:
        return self.window.settings.value("output/dir") or user_documents_dir()

    def ask_output(self, what: str, pdf: bool) -> Path | None:
        year = self.window.plan_page.plan.doc_date.year if self.window.plan_page.plan else date.today().year
        ext = ".pdf" if pdf else ".docx"
        name = (f"Ke_hoach_{year}" if what == "plan" else f"Bao_cao_{year}") + ext
        kind = "Văn bản PDF (*.pdf)" if pdf else "Văn bản Word (*.docx)"
        title = "Xuất PDF: lưu văn bản" if pdf else "Xuất Word: lưu văn bản"
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(Path(self.output_dir()) / name), kind)
        return Path(path) if path else None

    def _unlocked(self, out: Path, pdf: bool = False) -> Path | None:
        """A target that is not the data (the database, its companions, its backups: refused with a
        message) and not open in Word (a new name offered when it is)."""
        try:
            app.safety.check_output(out, self.window.db_path, pdf)
        except UserError as e:
            warn(self.window, str(e), "Không xuất được")
            return None
        if lock_owner(out) is None:
            return out
        other = free_name(out)
        answer = QMessageBox.question(
            self.window,
            TITLE,
            f"Tệp {out.name} đang được mở (Word, Excel hoặc LibreOffice), nên "
            f"không ghi đè được.\nLưu với tên mới “{other.name}”?",
        )
        return other if answer == QMessageBox.StandardButton.Yes else None

    def export(self, what: str, pdf: bool = False):
        if self.window.jobs.busy("export"):
            self.window.statusBar().showMessage("Đang xuất một văn bản, vui lòng đợi…", 5000)
            return None
        self.window.plan_page.flush()
        self.window.report_page.flush()
        if what == "plan" and not self.own_voice_or_anyway():
            return None
        template = self.template_for(what)
        if template is False:
            return None
        out = self.ask_output(what, pdf)
        if out is None:
            return None
        # the PDF is converted from a .docx in a temporary folder (app.documents): a .docx of the same name
        # beside it, maybe edited by hand in Word, is never replaced
        want = ".pdf" if pdf else ".docx"
        if out.suffix.lower() != want:
            out = out.with_suffix(want)
        out = self._unlocked(out, pdf)
        if out is None:
            return None
        self.window.settings.setValue("output/dir", str(out.parent))
        plan_id = self.window.session.plan_id
        start, end = self.window.session.period_or_plan()
        self.window.statusBar().showMessage("Đang xuất văn bản…")
        cancel = self._pdf_progress() if pdf else None
        return self.window.jobs.start(
            "export",
            _write,
            self.window.db_path,
            what,
            out,
            plan_id,
            start,
            end,
            pdf,
            template,
            cancel,
            done=lambda paths: (self._pdf_done(), self._exported(paths)),
            failed=lambda message: (self._pdf_done(), self._failed(message)),
        )

    def own_voice_or_anyway(self, verb: str = "xuất") -> bool:
        """Before the plan is written (or printed: `verb` "in"): the passages still in the superior's voice listed
        (domain/superior_voice.py), with “Sửa” (back to the Kế hoạch screen at the first of them, nothing written:
        False) and “Vẫn xuất” / “Vẫn in”."""
        from ..domain.superior_voice import superior_voice, voice_summary

        page = self.window.plan_page
        found = superior_voice(page.plan, page.unit) if page.plan is not None and page.unit is not None else []
        if not found:
            return True
        box = QMessageBox(QMessageBox.Warning, TITLE, voice_summary(found) + ".", parent=self.window)
        box.setInformativeText(
            "Kế hoạch của đơn vị còn lời của kế hoạch cấp trên (nền vàng nhạt trên màn hình Kế hoạch). "
            f"“Sửa”: chưa {verb}, về đoạn đầu tiên để viết lại; “Vẫn {verb}”: {verb} như hiện có."
        )
        fix = box.addButton("Sửa", QMessageBox.RejectRole)
        box.addButton(f"Vẫn {verb}", QMessageBox.AcceptRole)
        box.setDefaultButton(fix)
        box.exec()
        clicked = box.clickedButton()
        if clicked is not None and clicked is not fix:
            return True
        self.window.tabs.setCurrentWidget(page)
        page.select_item(found[0].item.id)
        page.tree.setFocus()
        self.window.statusBar().showMessage(
            f"Chưa {verb} kế hoạch: {len(found)} đoạn còn lời của cấp trên (nền vàng nhạt); dữ liệu giữ nguyên.", 10000
        )
        return False

    def _pdf_progress(self):
        """While LibreOffice (or Word) converts: a window that says so and offers “Dừng”, which ends the
        converter and its children (docgen/pdf.py); nothing is written then. The cancel event."""
        import threading

        from PySide6.QtWidgets import QProgressDialog

        cancel = threading.Event()
        dialog = QProgressDialog("Đang tạo tệp PDF (văn bản dài có thể mất vài phút)…", "Dừng", 0, 0, self.window)
        dialog.setWindowTitle(TITLE)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(cancel.set)
        dialog.canceled.connect(lambda: self.window.statusBar().showMessage("Đang dừng tạo PDF…"))
        dialog.show()
        self.pdf_dialog, self.pdf_cancel = dialog, cancel
        return cancel

    def _pdf_done(self) -> None:
        dialog = self.pdf_dialog
        if dialog is not None:
            dialog.canceled.disconnect()
            dialog.close()
            self.pdf_dialog = None

    def print_document(self, what: str):
        if what == "plan":
            self.window.plan_page.flush()
            if not self.own_voice_or_anyway("in"):
                return None
        template = self.template_for(what)
        if template is False:
            return None
        plan_id = self.window.session.plan_id
        start, end = self.window.session.period_or_plan()
        import tempfile

        out = Path(tempfile.mkdtemp(prefix="vbyt-in-")) / ("bao_cao.docx" if what == "report" else "ke_hoach.docx")
        return self.window.jobs.start(
            "export",
            _print,
            self.window.db_path,
            what,
            out,
            plan_id,
            start,
            end,
            template,
            done=lambda _: self.window.statusBar().showMessage("Đã gửi văn bản tới máy in.", 8000),
            failed=self._failed,
        )

    def _exported(self, paths: list[Path]) -> None:
        self.window.statusBar().showMessage("Đã ghi " + ", ".join(str(p) for p in paths), 10000)
        self.show_written("Đã ghi:\n" + "\n".join(str(p) for p in paths), paths)

    def show_written(self, text: str, paths: list[Path]) -> None:
        """What an export wrote, with “Mở tệp” (the last path), “Mở thư mục” and “Đóng”."""
        box = QMessageBox(self.window)
        box.setWindowTitle(TITLE)
        box.setText(text)
        open_file = box.addButton("Mở tệp", QMessageBox.AcceptRole)
        open_dir = box.addButton("Mở thư mục", QMessageBox.ActionRole)
        box.addButton("Đóng", QMessageBox.RejectRole)
        box.exec()
        if box.clickedButton() is open_file:
            open_path(paths[-1])
        elif box.clickedButton() is open_dir:
            open_path(paths[-1].parent)

    def _failed(self, message: str, title: str = "Không xuất được") -> None:
        self.window.statusBar().showMessage(message, 10000)
        warn(self.window, message, title)

    # ---------------------------------------------------------------- Excel
    def _save_xlsx(self, title: str, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(Path(self.output_dir()) / name), "Excel (*.xlsx)")
        if not path:
            return None
        out = Path(path)
        out = out if out.suffix.lower() == ".xlsx" else out.with_suffix(".xlsx")
        out = self._unlocked(out)
        if out is not None:
            self.window.settings.setValue("output/dir", str(out.parent))
        return out

    def excel_template(self, out: Path | None = None):
        out = out or self._save_xlsx("Lưu sổ Excel cho khoa, phòng", "So_ghi_hoat_dong.xlsx")
        if out is None:
            return None
        plan_id = self.window.ledger_page.new_plan_id()
        return self.window.jobs.start(
            "excel",
            _in_db,
            self.window.db_path,
            app.write_xlsx_template,
            out,
            plan_id,
            done=lambda p: self._exported([p]),
            failed=self._failed,
        )

    def export_excel(self, out: Path | None = None):
        """All activities, or the rows the ledger's search and filters show."""
        visible = self.window.ledger_page.model.visible()
        filtered = len(visible) < self.window.ledger_page.model.total()
        out = out or self._save_xlsx("Xuất hoạt động ra Excel", "Hoat_dong.xlsx")
        if out is None:
            return None
        self.window.statusBar().showMessage(
            f"Đang xuất {len(visible)} hoạt động" + (" (theo bộ lọc)…" if filtered else "…")
        )
        return self.window.jobs.start(
            "excel",
            _in_db,
            self.window.db_path,
            app.write_xlsx_export,
            out,
            visible if filtered else None,
            None,
            self.window.ledger_page.chosen_plan_id(),
            done=lambda p: self._exported([p]),
            failed=self._failed,
        )

    def import_excel(self, paths: list[str] | None = None):
        if self.window.jobs.busy("excel"):
            self.window.statusBar().showMessage("Đang xử lý một tệp Excel, vui lòng đợi…", 5000)
            return None
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(self.window, "Chọn tệp Excel", self.output_dir(), "Excel (*.xlsx)")
            if not paths:
                return None
        from ..app.workbooks import read_imports_rows
        from .dialogs.excel_import import ReadProgress

        self.window.statusBar().showMessage(f"Đang đọc {len(paths)} tệp Excel…")
        self.import_progress = progress = ReadProgress(self.window, len(paths))

        def done(results):
            progress.close()
            if progress.cancelled.is_set():  # Hủy pressed as the read ended: nothing shown, nothing written
                self.window.statusBar().showMessage("Đã hủy nhập từ Excel: chưa ghi gì vào sổ hoạt động.", 10000)
                return 0
            return self._import_preview(results)

        def failed(message):
            progress.close()
            if progress.cancelled.is_set():
                self.window.statusBar().showMessage(message, 10000)
            else:
                self._failed(message, "Không nhập được")

        # read on the worker (nothing written); the window writes after the clerk confirms the preview
        return self.window.jobs.start(
            "excel",
            _in_db,
            self.window.db_path,
            read_imports_rows,
            [Path(p) for p in paths],
            progress.callback,
            self.window.ledger_page.new_plan_id(),
            done=done,
            failed=failed,
        )

    def _import_preview(self, results) -> int:
        from ..app.workbooks import task_names, write_rejected
        from .dialogs.excel_import import ImportPreview
        from .pages.ledger_form import task_text

        depts = {d.id: d.name for d in self.window.unit.departments}
        tasks = {tid: task_text(label, text, 40) for tid, (label, text) in task_names(self.window.conn).items()}
        dlg = ImportPreview(results, self.window, depts, tasks, self.window.session.forms)
        self.import_dialog = dlg
        if dlg.exec() != QDialog.Accepted:
            self.window.statusBar().showMessage("Chưa nhập gì.", 5000)
            return 0
        back = None
        if dlg.valid_only:  # the rejected rows are written first: when they cannot be, nothing is imported
            back = self._unlocked(dlg.rejected_file)
            if back is None:
                self.window.statusBar().showMessage("Chưa nhập gì.", 5000)
                return 0
            try:
                write_rejected(results, back, self.window.db_path)
            except (UserError, OSError) as e:
                self._failed(f"{e} Chưa nhập hoạt động nào." if isinstance(e, UserError) else str(e), "Không nhập được")
                return 0
        added = 0
        try:
            for r in results:
                added += app.commit_import(self.window.conn, r, valid_only=dlg.valid_only)
        except UserError as e:
            warn(self.window, str(e), "Không nhập được")
        self.window.plan_changed()
        msg = f"Đã nhập {number(added)} hoạt động."
        if back is not None:
            rejected = sum(len(r.rejected) for r in results)
            msg += f" {number(rejected)} dòng bị từ chối (kèm lý do) đã ghi vào {back} để gửi lại khoa, phòng."
            self.show_written(msg, [back])
        self.window.statusBar().showMessage(msg, 15000)
        return added

    def template_for(self, what: str):
        """The unit's template for `what` (None: the built-in one); False when the chosen file is gone."""
        from .dialogs.templates_dialog import KINDS, chosen_template

        path = chosen_template(self.window.settings, what)
        if path is not None and not path.is_file():
            warn(
                self.window,
                f"Không tìm thấy mẫu {KINDS[what]} của đơn vị: {path}. Hãy chọn lại tệp mẫu hoặc dùng mẫu "
                f"có sẵn (Tệp › Mẫu văn bản của đơn vị…).",
            )
            return False
        return path

    def show_templates(self):
        from .dialogs.templates_dialog import TemplatesDialog

        dlg = TemplatesDialog(self.window.settings, self.output_dir(), self.window)
        dlg.exec()
        return dlg


class Backups:
    """The automatic backups (on start, then daily) and Tệp › Sao lưu và khôi phục: window.backups."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.problem: str | None = None  # why the last automatic backup failed (None: it was made)
        self.warning = QLabel("⚠ Chưa sao lưu được dữ liệu")  # in the status bar while `problem` stands
        self.warning.setStyleSheet("color: darkred")
        self.warning.hide()
        window.statusBar().addPermanentWidget(self.warning)
        self.timer = QTimer(window, interval=3600 * 1000)  # the day's backup while the window stays open
        self.timer.timeout.connect(lambda: self.daily())
        self.dialog = None  # Tệp › Sao lưu và khôi phục, while it is open

    def start(self) -> None:
        """The backup on start, then an hourly check that makes the day's backup while the window stays open."""
        self.automatic(app.backups.START)
        self.timer.start()

    def automatic(self, reason: str) -> Path | None:
        """An automatic backup, then the rotation; a failure is said in the status bar and never stops the app."""
        from .dialogs.backups_dialog import keep_count

        w = self.window
        try:
            made = app.backups.automatic(w.conn, w.db_path, reason, keep_count(w.settings))
        except (UserError, OSError) as e:
            self.problem = str(e)
            self.warning.setToolTip(self.problem)
            self.warning.show()
            w.statusBar().showMessage(self.problem)
            return None
        self.problem = None
        self.warning.hide()
        return made

    def daily(self, today: date | None = None) -> Path | None:
        """The day's backup when the day changed since the last backup of this database."""
        due = app.backups.due(self.window.db_path, today or date.today())
        return self.automatic(app.backups.DAILY) if due else None

    def now(self) -> str:
        """Tệp › Sao lưu và khôi phục › Sao lưu ngay (kept apart from the rotating automatic backups)."""
        w = self.window
        w.flush_pages()
        made = app.backups.by_hand(w.conn, w.db_path)
        msg = f"Đã sao lưu dữ liệu vào {made}."
        w.statusBar().showMessage(msg, 10000)
        return msg

    def restore(self, path: Path) -> str:
        """The live data replaced by a backup (the current state backed up first), every page reloaded."""
        w = self.window
        if w.jobs.busy():
            raise UserError("Đang xuất văn bản hoặc xử lý tệp Excel; hãy đợi xong việc đó rồi khôi phục.")
        w.flush_pages()
        before = app.backups.restore(w.conn, w.db_path, path)
        w.reload_unit()  # the plan page's reload reloads the ledger, the report and the dashboard
        msg = (
            f"Đã khôi phục dữ liệu từ bản sao lưu {Path(path).name} ({app.activities.count(w.conn)} hoạt động). "
            f"Dữ liệu trước khi khôi phục được lưu ở {before.name}."
        )
        w.statusBar().showMessage(msg, 15000)
        return msg

    def show(self):
        from .dialogs.backups_dialog import BackupsDialog

        w = self.window
        dlg = BackupsDialog(w.db_path, w.settings, self.now, self.restore, w)
        self.dialog = dlg
        dlg.exec()
        return dlg


def _in_db(db_path: Path, fn, *args):
    """fn(conn, *args) on a worker thread, with its own session (SQLite connections stay on their thread)."""
    with app.Session.open(db_path) as s:
        return fn(s.conn, *args)


def _write(
    db_path: Path, what: str, out: Path, plan_id, start, end, pdf: bool, template: Path | None = None, cancel=None
) -> list[Path]:
    if what == "plan":
        return _in_db(db_path, app.write_plan, out, plan_id, pdf, template, cancel)
    return _in_db(db_path, app.write_report, out, plan_id, start, end, pdf, template, cancel)


def _print(db_path: Path, what: str, out: Path, plan_id, start, end, template: Path | None = None) -> None:
    written = _write(db_path, what, out, plan_id, start, end, sys.platform != "win32", template)
    print_file(written[-1])
