"""Hoạt động › the add/edit form under the ledger: two columns of fields in reading order, Enter moves on
(Enter in the last field, or Ctrl+Enter anywhere, saves)."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ... import app
from ...domain.errors import UserError
from ...domain.forms import DEFAULTS, Forms
from ...domain.models import Activity, Plan, Unit
from ...domain.plan_text import task_labels
from ...domain.text import clean, fold
from ..dialogs.backups_dialog import size_text
from ..widgets.fields import DateField, NumberBox, money_box


class _EnterMovesOn(QObject):
    """Enter in a field moves to the next one; in the last field it saves."""

    def __init__(self, fields: list[QWidget], on_last):
        super().__init__()
        self.fields, self.on_last = fields, on_last

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter):
            if isinstance(obj, QComboBox) and obj.view().isVisible():
                return False
            if isinstance(obj.parent(), DateField):
                obj.parent().commit()
            if event.modifiers() & Qt.ControlModifier or obj is self.fields[-1]:
                self.on_last()
                return True
            i = next((k for k, f in enumerate(self.fields) if f is obj or f.isAncestorOf(obj)), -1)
            if i >= 0:
                nxt = next((f for f in self.fields[i + 1 :] if f.isEnabled()), self.fields[-1])
                nxt.setFocus()
                return True
        return False


class DeptCombo(QComboBox):
    """Khoa, phòng: chosen from the list or by typing any part of the name ("Khoa Kh", "lao"); the
    completer's popup filters as the clerk types, spaces included, and Down + Enter picks. Leaving the
    field with part of one department's name chooses it, shown in full."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.lineEdit().setPlaceholderText("Gõ vài chữ của tên khoa, phòng")
        done = self.completer()
        done.setCompletionMode(QCompleter.PopupCompletion)
        done.setFilterMode(Qt.MatchContains)
        done.setCaseSensitivity(Qt.CaseInsensitive)

    def chosen(self) -> int | None:
        """The department whose name is in the field (typed or chosen); None when it names none."""
        text = fold(clean(self.currentText()))
        if not text:
            return None
        i = self.currentIndex()
        if i >= 0 and fold(self.itemText(i)) == text:
            return self.itemData(i)
        same = [k for k in range(self.count()) if fold(self.itemText(k)) == text]
        return self.itemData(same[0]) if len(same) == 1 else None

    def focusOutEvent(self, event):  # noqa: N802
        text = fold(clean(self.currentText()))
        if text and self.chosen() is None:
            hits = [k for k in range(self.count()) if text in fold(self.itemText(k))]
            if len(hits) == 1:
                self.setCurrentIndex(hits[0])
                self.setEditText(self.itemText(hits[0]))
        super().focusOutEvent(event)


def task_text(label: str, text: str, width: int = 60) -> str:
    """'III.1 Tuyên truyền trên Cổng thông tin…': the task's label and the start of its text."""
    t = clean(text)
    return f"{label} {t if len(t) <= width else t[:width].rsplit(' ', 1)[0] + '…'}".strip()


class EvidenceBox(QGroupBox):
    """Minh chứng: the files attached to the activity shown (add several, open, remove to _da_xoa).
    `changed` carries (activity id, number of files) after each change. Files of BACKGROUND_BYTES or more
    are copied on a window job (the window stays usable) with a progress bar and “Dừng”."""

    BACKGROUND_BYTES = 8 * 1024 * 1024
    changed = Signal(int, int)
    status = Signal(str)
    copied = Signal(int)  # per mille of the bytes copied (emitted from the worker, shown on the GUI thread)

    def __init__(self, parent=None):
        super().__init__("Tệp minh chứng", parent)
        self.conn = None  # set by the ledger page
        self.activity_id: int | None = None
        self.last_dir = ""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(3)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.list.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.list.itemSelectionChanged.connect(self._enable)
        self.list.setMinimumWidth(220)
        # the list takes the height of the fields beside it, never more: the ledger above keeps its rows
        self.list.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Ignored)
        self.list.setMinimumHeight(self.list.fontMetrics().height() * 2 + 8)
        lay.addWidget(self.list, 1)
        self.note = QLabel(wordWrap=True)
        self.note.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Ignored)
        self.note.setMinimumHeight(self.note.fontMetrics().height())
        lay.addWidget(self.note)
        copying = QHBoxLayout()
        lay.addLayout(copying)
        self.progress = QProgressBar(self, maximum=1000, textVisible=False)
        self.stop_button = QPushButton("Dừng", self, toolTip="Dừng chép tệp; chưa tệp nào được thêm")
        copying.addWidget(self.progress, 1)
        copying.addWidget(self.stop_button)
        self.progress.hide()
        self.stop_button.hide()
        self.copied.connect(self.progress.setValue)
        self.stop_button.clicked.connect(self._stop)
        self.cancel = None  # the running copy's stop event
        row = QHBoxLayout()
        self.add_button = QPushButton("Thêm tệp…", toolTip="Chép một hay nhiều tệp vào thư mục minh chứng")
        self.open_button = QPushButton("Mở", toolTip="Mở tệp bằng chương trình mặc định của máy")
        self.remove_button = QPushButton("Bỏ", toolTip="Bỏ tệp khỏi hoạt động (tệp được chuyển vào minh_chung/_da_xoa)")
        for b, slot in (
            (self.add_button, self.add_files),
            (self.open_button, self.open_selected),
            (self.remove_button, self.remove_selected),
        ):
            b.setFocusPolicy(Qt.TabFocus)
            b.clicked.connect(slot)
            row.addWidget(b)
        lay.addLayout(row)
        self.show_for(None)

    def show_for(self, activity_id: int | None) -> None:
        """The files of a saved activity; a new one has none yet."""
        self.activity_id = activity_id
        self.list.clear()
        if activity_id is None or self.conn is None:
            self.note.setText("Lưu hoạt động rồi mới đính kèm tệp.")
        else:
            files = app.evidence.list_files(self.conn, activity_id)
            for f in files:
                item = QListWidgetItem(f"{app.evidence.clean_name(f.name)}  ({size_text(f.size)})")
                item.setData(Qt.UserRole, f)
                item.setToolTip(f.stored)
                self.list.addItem(item)
            self.note.setText("" if files else "Chưa có tệp nào.")
        self._enable()

    def _enable(self) -> None:
        saved = self.activity_id is not None and self.conn is not None
        self.add_button.setEnabled(saved and self.cancel is None)
        picked = bool(self.list.selectedItems())
        self.open_button.setEnabled(picked)
        self.remove_button.setEnabled(picked)

    def selected(self) -> list:
        return [i.data(Qt.UserRole) for i in self.list.selectedItems()]

    def add_files(self, paths: list[str] | None = None) -> None:
        if self.activity_id is None or self.conn is None:
            return
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(self, "Chọn tệp minh chứng", self.last_dir, "Mọi tệp (*)")
        if not paths:
            return
        self.last_dir = str(Path(paths[0]).parent)
        jobs = getattr(self.window(), "jobs", None)
        try:
            pending = app.evidence.prepare(self.conn, self.activity_id, paths)
            if jobs is not None and pending.total >= self.BACKGROUND_BYTES:
                return self._copy_on_job(jobs, pending)
            added = app.evidence.commit(self.conn, app.evidence.copy_pending(pending))
        except UserError as e:
            self.show_for(self.activity_id)
            self.note.setText(str(e))
            return None
        self._after(f"Đã thêm {len(added)} tệp minh chứng")
        return None

    def _copy_on_job(self, jobs, pending):
        """A big copy on the window's jobs: progress here, “Dừng” stops it; recorded on the GUI thread."""
        import threading

        if self.cancel is not None or jobs.busy("evidence"):
            self.note.setText("Đang chép tệp minh chứng khác, vui lòng đợi xong rồi thêm tiếp.")
            return None
        self.cancel = cancel = threading.Event()
        step = [-1]

        def progress(done, total, emit=self.copied.emit):
            mille = done * 1000 // max(1, total)
            if mille != step[0]:
                step[0] = mille
                emit(mille)

        self.progress.setValue(0)
        self.progress.show()
        self.stop_button.show()
        self.note.setText(f"Đang chép {len(pending.sources)} tệp ({size_text(pending.total)}) vào thư mục minh chứng…")
        self._enable()
        return jobs.start(
            "evidence",
            app.evidence.copy_pending,
            pending,
            progress,
            cancel,
            done=self._copied,
            failed=self._copy_failed,
        )

    def _stop(self) -> None:
        if self.cancel is not None:
            self.cancel.set()
            self.note.setText("Đang dừng chép tệp minh chứng…")

    def _copy_ended(self) -> None:
        self.progress.hide()
        self.stop_button.hide()
        self.cancel = None

    def _copied(self, pending) -> None:
        self._copy_ended()
        try:
            added = app.evidence.commit(self.conn, pending)
        except UserError as e:
            return self._copy_failed(str(e))
        count = len(app.evidence.list_files(self.conn, pending.activity_id))
        self.show_for(self.activity_id)
        self.changed.emit(pending.activity_id, count)
        self.status.emit(f"Đã thêm {len(added)} tệp minh chứng")
        return None

    def _copy_failed(self, message: str) -> None:
        if self.cancel is not None:
            self._copy_ended()
        self.show_for(self.activity_id)
        self.note.setText(message)

    def open_selected(self) -> None:
        for f in self.selected()[:5]:
            path = app.evidence.path_of(self.conn, f)
            if path is None:
                self.note.setText(
                    f"Không mở tệp “{app.evidence.clean_name(f.name)}”: đường dẫn đã ghi nằm ngoài thư mục minh chứng."
                )
            elif not path.is_file():
                self.note.setText(f"Không tìm thấy tệp {path}; có thể tệp đã bị xóa hoặc chuyển đi.")
            elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self.note.setText(f"Không mở được {path.name}: máy chưa có chương trình mở loại tệp này.")

    def remove_selected(self) -> None:
        files = self.selected()
        try:
            for f in files:
                app.evidence.remove(self.conn, f.id)
        except UserError as e:
            self.show_for(self.activity_id)
            self.note.setText(str(e))
            return
        if files:
            self._after(f"Đã bỏ {len(files)} tệp minh chứng (chuyển vào thư mục minh_chung/_da_xoa)")

    def _after(self, message: str) -> None:
        self.show_for(self.activity_id)
        self.changed.emit(self.activity_id, self.list.count())
        self.status.emit(message)


class ActivityForm(QWidget):
    """The add/edit form. `saved` carries the activity built from the fields."""

    saved = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.current: Activity | None = None
        self.plan_id: int | None = None  # the plan a new activity serves when it has no task
        self.forms: Forms = DEFAULTS  # the unit's forms (set_choices)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setVerticalSpacing(4)
        self.start = DateField()
        self.multi = QCheckBox("Nhiều ngày, đến")
        self.end = DateField()
        self.end.setEnabled(False)
        self.multi.toggled.connect(self.end.setEnabled)
        self.dept = DeptCombo()
        self.task = QComboBox()
        self.task.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.task.setMinimumContentsLength(30)
        self.form = QComboBox()
        self._fill_forms()
        self.form.currentIndexChanged.connect(self._form_changed)
        self.title = QLineEdit(placeholderText="Tên, nội dung hoạt động")
        self.quantity = NumberBox(minimum=0, maximum=1_000_000, value=1)
        self.unit_label = QLineEdit()
        self.people = NumberBox(minimum=0, maximum=10_000_000, specialValueText="—")
        self.cost = money_box()
        self.evidence = QLineEdit(placeholderText="Đường dẫn bài viết hoặc tệp minh chứng")
        self.notes = QLineEdit()
        when = QHBoxLayout()
        for w in (self.start, self.multi, self.end):
            when.addWidget(w, 0, Qt.AlignTop)
        when.addStretch()
        qty = QHBoxLayout()
        qty.addWidget(self.quantity)
        qty.addWidget(self.unit_label, 1)

        def label(text, buddy):
            lab = QLabel(text)
            lab.setBuddy(buddy)
            return lab

        grid.addWidget(label("&Ngày", self.start), 0, 0, Qt.AlignTop)
        grid.addLayout(when, 0, 1)
        grid.addWidget(label("Khoa, &phòng", self.dept), 0, 2, Qt.AlignTop)
        grid.addWidget(self.dept, 0, 3, Qt.AlignTop)
        grid.addWidget(label("Nhiệ&m vụ", self.task), 1, 0)
        grid.addWidget(self.task, 1, 1)
        grid.addWidget(label("&Hình thức", self.form), 1, 2)
        grid.addWidget(self.form, 1, 3)
        grid.addWidget(label("Nội &dung", self.title), 2, 0)
        grid.addWidget(self.title, 2, 1, 1, 3)
        grid.addWidget(label("Số &lượng", self.quantity), 3, 0)
        grid.addLayout(qty, 3, 1)
        grid.addWidget(label("Số người tham dự", self.people), 3, 2)
        grid.addWidget(self.people, 3, 3)
        grid.addWidget(label("K&inh phí", self.cost), 4, 0)
        grid.addWidget(self.cost, 4, 1)
        grid.addWidget(label("Minh chứng", self.evidence), 4, 2)
        self.files = EvidenceBox()
        grid.addWidget(self.files, 0, 4, 6, 1)
        grid.addWidget(self.evidence, 4, 3)
        grid.addWidget(label("Ghi &chú", self.notes), 5, 0)
        grid.addWidget(self.notes, 5, 1, 1, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        self.error = QLabel(styleSheet="color: #b00020")
        self.error.setWordWrap(True)
        grid.addWidget(self.error, 6, 0, 1, 5)
        self.buttons = QHBoxLayout()
        self.save_button = QPushButton("Lưu (Enter)")
        self.save_button.clicked.connect(self.save)
        self.buttons.addStretch()
        self.buttons.addWidget(self.save_button)
        grid.addLayout(self.buttons, 7, 0, 1, 5)
        self.fields = [
            self.start,
            self.dept,
            self.task,
            self.form,
            self.title,
            self.quantity,
            self.unit_label,
            self.people,
            self.cost,
            self.evidence,
            self.notes,
        ]
        self._enter = _EnterMovesOn(self.fields, self.save)
        for f in self.fields:
            f.installEventFilter(self._enter)
            if isinstance(f, QAbstractSpinBox):
                f.findChild(QLineEdit).installEventFilter(self._enter)
            if isinstance(f, DateField):
                f.edit.installEventFilter(self._enter)
        self.end.edit.installEventFilter(self._enter)
        chain = [self.start.edit, self.multi, self.end.edit, *self.fields[1:], self.save_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        self._form_changed()

    def set_choices(self, unit: Unit, plans: list[Plan], forms: Forms | None = None) -> None:
        """Departments, the tasks of the plans shown (one plan, or every plan with its year), the unit's forms."""
        if forms is not None:
            self.forms = forms
        keep_dept, keep_task = self.dept.currentData(), self.task.currentData()
        self.dept.clear()
        for d in unit.departments:
            self.dept.addItem(d.name, d.id)
        self.task.clear()
        self.task.addItem("(không thuộc nhiệm vụ nào)", None)
        for plan in plans:
            labels = task_labels(plan)
            for t in plan.tasks():
                prefix = f"{plan.doc_date.year} · " if len(plans) > 1 else ""
                self.task.addItem(prefix + task_text(labels.get(t.id, ""), t.text, 90), t.id)
                self.task.setItemData(self.task.count() - 1, clean(t.text), Qt.ToolTipRole)
        self._select(self.dept, keep_dept)
        self._select(self.task, keep_task)
        self._fill_forms()

    def _fill_forms(self, keep: str | None = None) -> None:
        """The unit's forms offered; a hidden one only for the activity that has it."""
        keep = keep or self.form.currentData()
        self.form.blockSignals(True)
        self.form.clear()
        for f in self.forms.visible():
            self.form.addItem(f.label, f.code)
        if keep and self.form.findData(keep) < 0 and keep in self.forms.by_code:
            self.form.addItem(f"{self.forms.form(keep).label} (đã ẩn)", keep)
        self._select(self.form, keep)
        self.form.blockSignals(False)

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        i = combo.findData(value)
        if i >= 0:
            combo.setCurrentIndex(i)

    def _form_changed(self) -> None:
        self.unit_label.setPlaceholderText(self.forms.form(self.form.currentData() or "khac").unit)

    def load(self, a: Activity | None, defaults: dict | None = None) -> None:
        """Show an activity (edit) or an empty form with defaults (new)."""
        self.current = a
        self.error.clear()
        d = defaults or {}
        src = a or Activity(
            start=d.get("start", date.today()),
            dept_id=d.get("dept_id"),
            form_code=d.get("form_code", "tin_bai"),
            title="",
            task_id=d.get("task_id"),
        )
        self.start.setDate(src.start)
        self.multi.setChecked(bool(src.end and src.end != src.start))
        self.end.setDate(src.end or src.start)
        self._select(self.dept, src.dept_id)
        self.task.setCurrentIndex(max(self.task.findData(src.task_id), 0))
        self._fill_forms(src.form_code)
        self._form_changed()
        self.title.setText(src.title)
        self.quantity.setValue(src.quantity)
        self.unit_label.setText(src.unit_label)
        self.people.setValue(src.participants or 0)
        self.cost.setValue(src.cost)
        self.evidence.setText(src.evidence)
        self.notes.setText(src.notes)
        self.files.show_for(a.id if a else None)
        self.save_button.setText("Lưu thay đổi (Enter)" if a else "Thêm hoạt động (Enter)")

    def build(self) -> Activity | None:
        """The activity in the fields, or None with the problem shown next to them."""
        for spin in (self.quantity, self.people, self.cost):
            spin.interpretText()
        title = clean(self.title.text())
        start = self.start.date()
        end = self.end.date() if self.multi.isChecked() else None
        problems = []
        if start is None:
            problems.append(f"Ngày: {self.start.problem()}")
        if self.multi.isChecked() and end is None:
            problems.append(f"Ngày kết thúc: {self.end.problem()}")
        if not title:
            problems.append("Chưa nhập nội dung hoạt động.")
        if start and end is not None and end < start:
            problems.append("Ngày kết thúc trước ngày bắt đầu.")
        dept = self.dept_id()
        if dept is None and clean(self.dept.currentText()):
            problems.append(
                f"Khoa, phòng “{clean(self.dept.currentText())}” không có trong danh sách của đơn vị: chọn trong "
                "danh sách (gõ vài chữ của tên) hoặc thêm ở trang Đơn vị."
            )
        elif dept is None:
            problems.append("Chưa chọn khoa, phòng (thêm khoa, phòng ở trang Đơn vị).")
        if self.quantity.value() == 0:
            problems.append("Số lượng phải lớn hơn 0.")
        if problems:
            self.error.setText(" ".join(problems))
            self.start.commit()
            (self.start if start is None else self.title if not title else self.quantity).setFocus()
            return None
        self.error.clear()
        base = self.current or Activity(start=start, dept_id=None, form_code="khac", title="", plan_id=self.plan_id)
        return dataclasses.replace(
            base,
            start=start,
            end=end,
            dept_id=dept,
            task_id=self.task.currentData(),
            form_code=self.form.currentData(),
            title=title,
            quantity=self.quantity.value(),
            unit_label=clean(self.unit_label.text()),
            participants=self.people.value() or None,
            cost=self.cost.value(),
            evidence=clean(self.evidence.text()),
            notes=clean(self.notes.text()),
        )

    def dept_id(self) -> int | None:
        return self.dept.chosen()

    def save(self) -> None:
        a = self.build()
        if a is not None:
            self.saved.emit(a)
