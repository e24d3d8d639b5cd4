"""Báo cáo: the compiled draft section by section; the clerk's edits are saved as typed."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ... import app
from ...app.report_outline import earlier_texts
from ...domain.errors import UserError
from ...domain.models import PartialDate, Plan, Report
from ...domain.periods import CALENDAR, CUTOFF_LABELS, CUTOFFS, PERIOD_KEYS, PERIOD_LABELS, outside_plan, period_range
from ...domain.report import Section, report_title
from ...domain.section_text import section_text_problem
from ...domain.vnformat import field_date, money, number
from ..widgets.fields import DateField, NumberBox
from ..widgets.report_outline_bar import EarlierOffer, OutlineBar
from ..widgets.target_results import TargetResults

CUSTOM = "custom"  # the period's key when the clerk types its dates


class SectionEditor(QPlainTextEdit):
    """The text of one report section. A paste (or a drop) that would make the section longer than a section
    may be, or that holds thousands of characters without a space, is refused with the reason before Qt lays
    it out: a line with no place to break takes Qt minutes to lay out (domain/section_text.py)."""

    heading = ""

    def insertFromMimeData(self, source) -> None:
        if source.hasText():
            pasted = source.text()
            kept = len(self.toPlainText()) - len(self.textCursor().selectedText())
            problem = section_text_problem(self.heading, pasted, kept + len(pasted))
            if problem:
                from ..common import warn

                warn(self, f"{problem} Chưa dán; nội dung của phần này không thay đổi.", "Không dán được")
                return
        super().insertFromMimeData(source)


class ReportPage(QWidget):
    export_requested = Signal(str, bool)  # what ("report"), pdf
    print_requested = Signal(str)
    status = Signal(str)
    plan_chosen = Signal(int)
    period_changed = Signal(object, object)  # the period shown (start, end): the window's session keeps it

    def __init__(self, conn, parent=None):
        super().__init__(parent)
        self.conn = conn
        self.plan_id: int | None = None
        self.plan: Plan | None = None
        self.report: Report | None = None
        self.sections: list[Section] = []
        self._loading = False
        lay = QVBoxLayout(self)
        top = QFormLayout()
        self.plan_combo = QComboBox()
        self.plan_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.plan_combo.setMinimumContentsLength(30)
        self.plan_combo.activated.connect(lambda i: self.plan_chosen.emit(self.plan_combo.itemData(i)))
        plan_label = QLabel("&Kế hoạch")
        plan_label.setBuddy(self.plan_combo)
        top.addRow(plan_label, self.plan_combo)
        row = QHBoxLayout()
        self.period = QComboBox()
        for key in PERIOD_KEYS:
            self.period.addItem(PERIOD_LABELS[key], key)
        self.period.addItem("Từ ngày … đến ngày …", CUSTOM)
        self.period.currentIndexChanged.connect(self._period_chosen)
        row.addWidget(self.period, 0, Qt.AlignTop)
        self.cutoff = QComboBox()  # the plan's cut-off of report data (NĐ 09/2019 or calendar months)
        for key in CUTOFFS:
            self.cutoff.addItem(CUTOFF_LABELS[key], key)
        self.cutoff.setToolTip(
            "Cách chốt số liệu của kỳ báo cáo (lưu cùng kế hoạch). Nghị định 09/2019/NĐ-CP: năm từ ngày 15/12 năm"
            " trước đến ngày 14/12; quý, tháng từ ngày 15 tháng trước đến ngày 14 tháng cuối kỳ."
        )
        self.cutoff.currentIndexChanged.connect(self._cutoff_chosen)
        row.addWidget(self.cutoff, 0, Qt.AlignTop)
        self.start = DateField()
        self.end = DateField()
        self.date_widgets: list[QWidget] = []
        for text, w in (("Từ &ngày", self.start), ("đến ngà&y", self.end)):
            label = QLabel(text)
            label.setBuddy(w)
            row.addWidget(label, 0, Qt.AlignTop)
            row.addWidget(w, 0, Qt.AlignTop)
            self.date_widgets += [label, w]
        self.deadline = QLabel()
        row.addWidget(self.deadline, 1, Qt.AlignTop)
        period_label = QLabel("Kỳ &báo cáo")
        period_label.setBuddy(self.period)
        top.addRow(period_label, row)
        meta = QHBoxLayout()
        self.number = NumberBox(minimum=0, maximum=99999, specialValueText="(để trống)")
        self.doc_day = NumberBox(minimum=0, maximum=31, specialValueText="(trống)")
        self.doc_month = NumberBox(minimum=0, maximum=12, specialValueText="(trống)")
        self.doc_year = NumberBox(minimum=2000, maximum=2100)
        self.doc_year.setGroupSeparatorShown(False)
        self.addressee = QLineEdit(placeholderText="Kính gửi (cơ quan cấp trên)")
        self.signer = QComboBox()
        self.signer.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.signer.setMinimumContentsLength(16)
        for label, w in (
            ("Số", self.number),
            ("ngày", self.doc_day),
            ("tháng", self.doc_month),
            ("năm", self.doc_year),
        ):
            meta.addWidget(QLabel(label))
            meta.addWidget(w)
        meta.addWidget(QLabel("Người ký"))
        meta.addWidget(self.signer, 1)
        top.addRow("Văn bản", meta)
        top.addRow("Kính gửi", self.addressee)
        lay.addLayout(top)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        lay.addWidget(self.title_label)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.outline_bar = OutlineBar()  # the superior's outline, kept with the plan
        self.outline_bar.changed.connect(self.recompile)
        lay.addWidget(self.outline_bar)
        self.offers: dict[str, tuple[str, str]] = {}  # earlier periods' evaluation, by key
        split = QSplitter()
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show_section)
        split.addWidget(self.list)
        right = QWidget()
        rl = QVBoxLayout(right)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.editor = SectionEditor()
        self.editor.setPlaceholderText("Nội dung mục này (mỗi dòng là một đoạn)")
        self.draft_note = QLabel()
        self.draft_note.setWordWrap(True)
        reset = QPushButton("Dùng lại bản nháp tự tổng hợp")
        reset.clicked.connect(self._reset_section)
        rl.addWidget(self.heading)
        rl.addWidget(self.editor, 1)
        self.target_results = TargetResults()  # the rate and reach targets' values, typed per period
        self.target_results.changed.connect(self.recompile)
        rl.addWidget(self.target_results)
        rl.addWidget(self.draft_note)
        rl.addWidget(reset, alignment=Qt.AlignLeft)
        self.offer = EarlierOffer()
        self.offer.taken.connect(self.editor.setPlainText)  # then saved as any edit
        rl.addWidget(self.offer)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([380, 900])
        self.splitter = split
        lay.addWidget(split, 1)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for text, slot, key in (
            ("Xem trước", self.show_preview, "Ctrl+P"),
            ("Xuất Word", lambda: self.export_requested.emit("report", False), "Ctrl+E"),
            ("Xuất PDF", lambda: self.export_requested.emit("report", True), "Ctrl+Shift+E"),
            ("In", lambda: self.print_requested.emit("report"), ""),
        ):
            b = QPushButton(text, toolTip=f"{text} ({key})" if key else text)
            if key:
                b.setShortcut(key)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        self.dossier_button = QPushButton(
            "Xuất hồ sơ minh chứng…",
            toolTip="Một tệp .zip: báo cáo, phụ lục và các tệp minh chứng của các hoạt động trong kỳ báo cáo",
        )
        self.dossier_button.clicked.connect(self.export_dossier)
        buttons.addWidget(self.dossier_button)
        self.dossier_status = ""
        lay.addLayout(buttons)
        self._save_timer = QTimer(self, singleShot=True, interval=400)
        self._save_timer.timeout.connect(self._save_text)
        self.editor.textChanged.connect(self._text_changed)
        for w in (self.start, self.end):
            w.dateChanged.connect(self._period_changed)
        self.editor.setTabChangesFocus(True)
        for w in (self.number, self.doc_day, self.doc_month, self.doc_year):
            w.valueChanged.connect(self._save_meta)
        self.addressee.editingFinished.connect(self._save_meta)
        self.signer.currentIndexChanged.connect(self._save_meta)
        self._current_key = ""

    # ---------------------------------------------------------------- loading
    def load(self, plan_id: int | None) -> None:
        self._flush()  # into the report the editor was showing, before another plan's report replaces it
        self.plan_id = plan_id
        if plan_id is None:
            self.list.clear()
            self.summary.setText("Chưa có kế hoạch: hãy lập kế hoạch trước.")
            return
        plan = app.plans.load_plan(self.conn, plan_id)
        self.plan_combo.clear()
        for pid, title, year in app.plans.list_plans(self.conn):
            self.plan_combo.addItem(f"{year} — {title}", pid)
        self.plan_combo.setCurrentIndex(max(self.plan_combo.findData(plan_id), 0))
        due = plan.superior.deadline if plan.superior else None
        if due:
            days = (due - date.today()).days
            self.deadline.setText(
                f"  Hạn báo cáo {field_date(due)}: "
                + (f"còn {number(days)} ngày" if days >= 0 else f"đã qua {number(-days)} ngày")
            )
        else:
            self.deadline.setText("  Chưa có hạn báo cáo (Kế hoạch › Văn bản cấp trên).")
        self.plan = plan
        self.outline_bar.set_plan(self.conn, plan_id)
        start, end = app.plans.plan_period(plan)
        self.report = app.report_for(self.conn, plan, start, end, period_given=False)  # stored at its first edit
        self._show_meta()
        self.period_changed.emit(self.report.period_start, self.report.period_end)
        self.recompile()

    def _range(self, key: str) -> tuple[date, date]:
        """The dates of a named period of the plan's year, cut off as the plan says; "Năm" with calendar
        months is the plan's own period."""
        p_start, p_end = app.plans.plan_period(self.plan)
        if key == "year" and p_start.year == p_end.year and self.plan.cutoff == CALENDAR:
            return p_start, p_end
        return period_range(key, p_start.year, self.plan.cutoff)

    def period_key(self) -> str:
        return self.period.currentData()

    def _show_meta(self) -> None:
        """The report's period and header fields, as stored."""
        self._loading = True
        r = self.report
        key = next((k for k in PERIOD_KEYS if self._range(k) == (r.period_start, r.period_end)), CUSTOM)
        self.period.setCurrentIndex(self.period.findData(key))
        self.cutoff.setCurrentIndex(max(self.cutoff.findData(self.plan.cutoff), 0))
        for w in self.date_widgets:
            w.setVisible(key == CUSTOM)
        self.start.setDate(r.period_start)
        self.end.setDate(r.period_end)
        self.number.setValue(r.number or 0)
        self.doc_day.setValue(r.doc_date.day or 0)
        self.doc_month.setValue(r.doc_date.month or 0)
        self.doc_year.setValue(r.doc_date.year)
        self.addressee.setText(r.addressee)
        unit = app.units.load_unit(self.conn)
        self.signer.clear()
        for s in unit.signers:
            self.signer.addItem(" / ".join(s.lines) + f" — {s.full_name}", s.id)
        i = self.signer.findData(r.signer_id)
        self.signer.setCurrentIndex(max(i, 0))
        self._loading = False

    def recompile(self) -> None:
        if self.plan_id is None or self.report is None:
            return
        plan, unit, _, compiled, sections = app.compile_for(
            self.conn, self.plan_id, self.report.period_start, self.report.period_end
        )
        self.sections = sections
        self.target_results.show_for(self.conn, self.plan_id, self.report.period_start, self.report.period_end)
        self.offers = earlier_texts(self.conn, self.plan_id, self.report.period_start, self.report.period_end)
        self.title_label.setText(f"<b>{escape(report_title(plan, unit, compiled))}</b>")
        row = max(self.list.currentRow(), 0)
        self.list.blockSignals(True)
        self.list.clear()
        for s in sections:
            label = f"{s.label} {s.heading}".strip() or "Câu kết thúc"
            item = QListWidgetItem("    " * max(s.level - 1, 0) + label)
            if not s.key:
                item.setFlags(item.flags() & ~Qt.ItemIsEnabled)
            elif s.key in self.report.texts:
                item.setText(item.text() + "  ✎")
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        met = sum(1 for t in compiled.targets() if t.met)
        self.summary.setText(
            f"{number(compiled.total)} hoạt động trong kỳ · {number(compiled.participants)} lượt người tham dự · "
            f"kinh phí {money(compiled.cost)} · {met}/{len(compiled.targets())} chỉ tiêu đạt"
        )

    # ---------------------------------------------------------------- editing
    def _show_section(self, row: int) -> None:
        if row < 0 or row >= len(self.sections):
            return
        self._flush()
        s = self.sections[row]
        self._current_key = s.key
        self.heading.setText(f"<b>{s.label} {s.heading}</b>" if s.heading else "<b>Câu kết thúc</b>")
        self._loading = True
        self.editor.heading = s.heading
        self.editor.setPlainText(s.text)
        self.editor.setEnabled(bool(s.key))
        earlier = self.offer.show_for(s.key, not s.text.strip(), self.offers)
        self.editor.setPlaceholderText(earlier or "Nội dung mục này (mỗi dòng là một đoạn)")
        self._loading = False
        edited = s.key in (self.report.texts if self.report else {})
        self.draft_note.setText(
            "Đã sửa; bản nháp tự tổng hợp: " + s.draft
            if edited
            else "Bản nháp tự tổng hợp từ sổ hoạt động; sửa trực tiếp, nội dung được lưu ngay."
        )

    def _text_changed(self) -> None:
        if not self._loading:
            self._save_timer.start()

    def _flush(self) -> None:
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._save_text()

    def _save_text(self) -> None:
        if not self._current_key or self.report is None:
            return
        text = self.editor.toPlainText()
        s = next(x for x in self.sections if x.key == self._current_key)
        self.report = app.reports.save_section(self.conn, self.report, s.key, s.draft, text)
        s.text = text if s.key in self.report.texts else s.draft
        self.status.emit("Đã lưu nội dung báo cáo")

    def _reset_section(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.sections) and self.sections[row].key:
            self.editor.setPlainText(self.sections[row].draft)
            self._flush()

    def _period_chosen(self, *_):
        if self._loading or self.report is None:
            return
        key = self.period_key()
        for w in self.date_widgets:
            w.setVisible(key == CUSTOM)
        if key == CUSTOM:  # the current dates stay until the clerk types others
            return
        self.switch_period(*self._range(key))

    def _period_changed(self, *_):
        if self._loading or self.report is None:
            return
        start, end = self.start.date(), self.end.date()
        if start is None or end is None:
            return
        if start > end:
            self.summary.setText("Ngày bắt đầu kỳ báo cáo đang sau ngày kết thúc.")
            return
        outside = outside_plan(start, end, *app.plans.plan_period(self.plan), "kế hoạch")
        if outside:  # said where the figures go; the report shown stays the one of the last valid period
            self.summary.setText(outside.replace(" Chưa ghi tệp nào.", " Báo cáo đang xem chưa đổi."))
            return
        self.switch_period(start, end)

    def _cutoff_chosen(self, *_):
        """Another cut-off: kept with the plan (its reports and the command line use it), and the named period
        shown again with its new dates."""
        if self._loading or self.report is None or self.plan is None:
            return
        cutoff = self.cutoff.currentData()
        if cutoff == self.plan.cutoff:
            return
        app.set_cutoff(self.conn, self.plan.id, cutoff)
        self.plan.cutoff = cutoff
        self.status.emit(f"Đã lưu cách chốt số liệu của kế hoạch: {self.cutoff.currentText()}.")
        key = self.period_key()
        if key != CUSTOM:
            self.switch_period(*self._range(key))

    def switch_period(self, start: date, end: date) -> None:
        """Another period: its own report (stored edits and header), else a new one with no edits."""
        self._flush()
        if (start, end) == (self.report.period_start, self.report.period_end):
            return
        self.report = app.report_for(self.conn, self.plan, start, end)
        self._current_key = ""
        self._show_meta()
        self.period_changed.emit(start, end)
        self.recompile()

    def _save_meta(self, *_):
        if self._loading or self.report is None:
            return
        r = self.report
        r.number = self.number.value() or None
        r.doc_date = PartialDate(self.doc_year.value(), self.doc_month.value() or None, self.doc_day.value() or None)
        r.addressee = self.addressee.text()
        r.signer_id = self.signer.currentData()
        self.report = app.reports.save_header(self.conn, r)

    def show_preview(self):
        """The whole report with its appendix, as it will be printed (not modal)."""
        from ..dialogs.preview_dialog import PreviewDialog

        if self.plan_id is None or self.report is None:
            return None
        self.flush()
        plan, unit, report, compiled, sections = app.compile_for(
            self.conn, self.plan_id, self.report.period_start, self.report.period_end
        )
        html = app.previews.report_html(plan, unit, report, sections, compiled)
        dlg = PreviewDialog(html, "Xem trước báo cáo", self)
        dlg.export_requested.connect(lambda pdf: self.export_requested.emit("report", pdf))
        dlg.show()
        self.preview_dialog = dlg
        return dlg

    def export_dossier(self):
        """Báo cáo › Xuất hồ sơ minh chứng…: one .zip of the period (app.evidence.export_dossier), on a worker."""
        from PySide6.QtWidgets import QFileDialog

        if self.plan_id is None or self.report is None:
            return None
        self.flush()
        folder = getattr(getattr(self.window(), "exports", None), "output_dir", lambda: "")()  # ui/actions.py
        start, end = self.report.period_start, self.report.period_end
        name = f"Ho_so_minh_chung_{start:%d%m%Y}-{end:%d%m%Y}.zip"
        path, _ = QFileDialog.getSaveFileName(
            self, "Xuất hồ sơ minh chứng", str(Path(folder or ".") / name), "Tệp nén (*.zip)"
        )
        if not path:
            return None
        out = Path(path).with_suffix(".zip")
        args = (app.session.path_of(self.conn), out, self.plan_id, start, end)
        jobs = getattr(self.window(), "jobs", None)
        self.status.emit("Đang xuất hồ sơ minh chứng…")
        if jobs is None:
            try:
                return self._dossier_done(_dossier(*args))
            except UserError as e:
                return self._dossier_failed(str(e))
        return jobs.start("dossier", _dossier, *args, done=self._dossier_done, failed=self._dossier_failed)

    def _dossier_done(self, d) -> None:
        extra = "" if d.pdf else " (không kèm PDF: máy chưa có LibreOffice hoặc Word)"
        missing = f"; {number(len(d.missing))} tệp không còn trong thư mục dữ liệu" if d.missing else ""
        self.dossier_status = f"Đã ghi hồ sơ minh chứng {d.path}: {number(d.files)} tệp minh chứng{missing}{extra}."
        self.status.emit(self.dossier_status)
        show = getattr(getattr(self.window(), "exports", None), "show_written", None)  # every export's message
        if show is not None:
            show(self.dossier_status, [Path(d.path)])

    def _dossier_failed(self, message: str) -> None:
        from ..common import warn

        self.dossier_status = message
        self.status.emit(message)
        warn(self, message, "Không xuất được hồ sơ minh chứng")

    def flush(self) -> None:
        self._flush()


def _dossier(db_path, out: Path, plan_id, start, end):
    """On a worker thread, with its own session (connection)."""
    with app.Session.open(db_path) as s:
        return app.evidence.export_dossier(s.conn, out, plan_id, start, end)
