"""Hoạt động: the ledger — filter, search as you type, add/edit in a keyboard-first form,
duplicate, delete with undo. Every change is written to the database at once."""
from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from ..domain.forms import FORMS, form
from ..domain.models import Activity, Plan, Unit
from ..domain.plan_text import task_labels
from ..domain.text import clean
from ..domain.vnformat import number
from ..store import activities, db
from .ledger_model import COLUMNS, LedgerModel


class _Store:
    """The ledger's writes, each one transaction, shared by the undo commands."""

    def __init__(self, conn, model: LedgerModel):
        self.conn, self.model = conn, model

    def insert(self, acts: list[Activity]) -> None:
        with db.transaction(self.conn):
            for a in acts:
                if a.id is None:
                    activities.insert_activities(self.conn, [a])
                else:
                    activities.restore_activities(self.conn, [a])
        self.model.add(acts)

    def update(self, a: Activity) -> None:
        with db.transaction(self.conn):
            activities.update_activity(self.conn, a)
        self.model.replace(a)

    def delete(self, acts: list[Activity]) -> None:
        with db.transaction(self.conn):
            activities.delete_activities(self.conn, [a.id for a in acts])
        self.model.remove({a.id for a in acts})


class AddCommand(QUndoCommand):
    def __init__(self, store: _Store, acts: list[Activity], text: str):
        super().__init__(text)
        self.store, self.acts = store, acts

    def redo(self):
        self.store.insert(self.acts)

    def undo(self):
        self.store.delete(self.acts)


class EditCommand(QUndoCommand):
    def __init__(self, store: _Store, old: Activity, new: Activity):
        super().__init__("Sửa hoạt động")
        self.store, self.old, self.new = store, old, new

    def redo(self):
        self.store.update(self.new)

    def undo(self):
        self.store.update(self.old)


class DeleteCommand(QUndoCommand):
    def __init__(self, store: _Store, acts: list[Activity]):
        super().__init__(f"Xóa {len(acts)} hoạt động")
        self.store, self.acts = store, acts

    def redo(self):
        self.store.delete(self.acts)

    def undo(self):
        self.store.insert(self.acts)


class _EnterMovesOn(QObject):
    """Enter in a field moves to the next one; in the last field it saves."""

    def __init__(self, fields: list[QWidget], on_last):
        super().__init__()
        self.fields, self.on_last = fields, on_last

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter):
            if isinstance(obj, QComboBox) and obj.view().isVisible():
                return False
            if event.modifiers() & Qt.ControlModifier or obj is self.fields[-1]:
                self.on_last()
                return True
            i = next((k for k, f in enumerate(self.fields) if f is obj or f.isAncestorOf(obj)), -1)
            if i >= 0:
                self.fields[i + 1].setFocus()
                return True
        return False


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ActivityForm(QWidget):
    """The add/edit form. `saved` carries the activity built from the fields."""

    saved = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.current: Activity | None = None
        lay = QFormLayout(self)
        self.start = QDateEdit(calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.multi = QCheckBox("Nhiều ngày, đến")
        self.end = QDateEdit(calendarPopup=True, displayFormat="dd/MM/yyyy", enabled=False)
        self.multi.toggled.connect(self.end.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.start)
        row.addWidget(self.multi)
        row.addWidget(self.end)
        lay.addRow("Ngày", row)
        self.dept = QComboBox()
        self.task = QComboBox()
        self.form = QComboBox()
        for f in FORMS:
            self.form.addItem(f.label, f.code)
        self.form.currentIndexChanged.connect(self._form_changed)
        self.title = QLineEdit(placeholderText="Tên, nội dung hoạt động")
        self.quantity = QSpinBox(minimum=0, maximum=1_000_000, value=1)
        self.unit_label = QLineEdit()
        q = QHBoxLayout()
        q.addWidget(self.quantity)
        q.addWidget(self.unit_label)
        self.people = QSpinBox(minimum=0, maximum=10_000_000, specialValueText="—")
        self.cost = QSpinBox(minimum=0, maximum=2_000_000_000, singleStep=100_000, suffix=" đồng",
                             specialValueText="—")
        self.cost.setGroupSeparatorShown(True)
        self.evidence = QLineEdit(placeholderText="Đường dẫn bài viết hoặc tệp minh chứng")
        self.notes = QLineEdit()
        lay.addRow("Khoa, phòng", self.dept)
        lay.addRow("Nhiệm vụ", self.task)
        lay.addRow("Hình thức", self.form)
        lay.addRow("Nội dung", self.title)
        lay.addRow("Số lượng", q)
        lay.addRow("Số người tham dự", self.people)
        lay.addRow("Kinh phí", self.cost)
        lay.addRow("Minh chứng", self.evidence)
        lay.addRow("Ghi chú", self.notes)
        self.error = QLabel(styleSheet="color: #b00020")
        self.error.setWordWrap(True)
        lay.addRow(self.error)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("Lưu (Enter)")
        self.save_button.clicked.connect(self.save)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        lay.addRow(buttons)
        self.fields = [self.start, self.dept, self.task, self.form, self.title, self.quantity, self.unit_label,
                       self.people, self.cost, self.evidence, self.notes]
        self._enter = _EnterMovesOn(self.fields, self.save)
        for f in self.fields:
            f.installEventFilter(self._enter)
            if isinstance(f, (QSpinBox, QDateEdit)):
                f.findChild(QLineEdit).installEventFilter(self._enter)
        self._form_changed()

    def set_choices(self, unit: Unit, plan: Plan | None) -> None:
        keep_dept, keep_task = self.dept.currentData(), self.task.currentData()
        self.dept.clear()
        for d in unit.departments:
            self.dept.addItem(d.name, d.id)
        self.task.clear()
        self.task.addItem("(không thuộc nhiệm vụ nào)", None)
        if plan is not None:
            labels = task_labels(plan)
            for t in plan.tasks():
                self.task.addItem(f"{labels.get(t.id, '')} {clean(t.text)}"[:120], t.id)
        self._select(self.dept, keep_dept)
        self._select(self.task, keep_task)

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        i = combo.findData(value)
        if i >= 0:
            combo.setCurrentIndex(i)

    def _form_changed(self) -> None:
        self.unit_label.setPlaceholderText(form(self.form.currentData() or "khac").unit)

    def load(self, a: Activity | None, defaults: dict | None = None) -> None:
        """Show an activity (edit) or an empty form with defaults (new)."""
        self.current = a
        self.error.clear()
        d = defaults or {}
        src = a or Activity(start=d.get("start", date.today()), dept_id=d.get("dept_id"),
                            form_code=d.get("form_code", "tin_bai"), title="", task_id=d.get("task_id"))
        self.start.setDate(qdate(src.start))
        self.multi.setChecked(bool(src.end and src.end != src.start))
        self.end.setDate(qdate(src.end or src.start))
        self._select(self.dept, src.dept_id)
        self._select(self.task, src.task_id)
        self._select(self.form, src.form_code)
        self.title.setText(src.title)
        self.quantity.setValue(src.quantity)
        self.unit_label.setText(src.unit_label)
        self.people.setValue(src.participants or 0)
        self.cost.setValue(src.cost)
        self.evidence.setText(src.evidence)
        self.notes.setText(src.notes)
        self.save_button.setText("Lưu thay đổi (Enter)" if a else "Thêm hoạt động (Enter)")

    def build(self) -> Activity | None:
        """The activity in the fields, or None with the problem shown next to them."""
        title = clean(self.title.text())
        start = pydate(self.start.date())
        end = pydate(self.end.date()) if self.multi.isChecked() else None
        problems = []
        if not title:
            problems.append("Chưa nhập nội dung hoạt động.")
        if end is not None and end < start:
            problems.append("Ngày kết thúc trước ngày bắt đầu.")
        if self.dept.currentData() is None:
            problems.append("Chưa chọn khoa, phòng (thêm khoa, phòng ở trang Đơn vị).")
        if self.quantity.value() == 0:
            problems.append("Số lượng phải lớn hơn 0.")
        if problems:
            self.error.setText(" ".join(problems))
            (self.title if not title else self.quantity).setFocus()
            return None
        self.error.clear()
        base = self.current or Activity(start=start, dept_id=None, form_code="khac", title="")
        return dataclasses.replace(
            base, start=start, end=end, dept_id=self.dept.currentData(), task_id=self.task.currentData(),
            form_code=self.form.currentData(), title=title, quantity=self.quantity.value(),
            unit_label=clean(self.unit_label.text()), participants=self.people.value() or None,
            cost=self.cost.value(), evidence=clean(self.evidence.text()), notes=clean(self.notes.text()))

    def save(self) -> None:
        a = self.build()
        if a is not None:
            self.saved.emit(a)


class LedgerPage(QWidget):
    status = Signal(str)

    def __init__(self, conn, settings: QSettings, parent=None):
        super().__init__(parent)
        self.conn, self.settings = conn, settings
        self.unit: Unit | None = None
        self.plan: Plan | None = None
        self.undo = QUndoStack(self)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit(placeholderText="Tìm hoạt động: gõ có dấu hoặc không dấu (vd. chuyen doi so)…")
        self.search.setClearButtonEnabled(True)
        self.f_dept, self.f_task, self.f_form, self.f_month = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        bar.addWidget(self.search, 3)
        for combo in (self.f_dept, self.f_task, self.f_form, self.f_month):
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            bar.addWidget(combo, 1)
        lay.addLayout(bar)
        self.model = LedgerModel([], Unit("", "", ""))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for col, width in enumerate((88, 130, 300, 130, 72, 80, 72, 96)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._update_totals)
        self.form = ActivityForm()
        self.form.saved.connect(self._saved)
        split = QSplitter()
        split.addWidget(self.table)
        right = QWidget()
        rl = QVBoxLayout(right)
        buttons = QHBoxLayout()
        for text, slot, key in (("Mới", self.new, "Ctrl+N"), ("Nhân bản", self.duplicate, "Ctrl+D"),
                                ("Xóa", self.delete_selected, "Delete")):
            b = QPushButton(f"{text} ({key.replace('Delete', 'Del')})")
            b.clicked.connect(slot)
            buttons.addWidget(b)
            QShortcut(QKeySequence(key), self, activated=slot, context=Qt.WidgetWithChildrenShortcut)
        rl.addLayout(buttons)
        rl.addWidget(self.form)
        rl.addStretch()
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([820, 460])
        self.splitter = split
        lay.addWidget(split, 1)
        self.totals = QLabel()
        lay.addWidget(self.totals)
        QShortcut(QKeySequence.Undo, self, activated=self.undo.undo, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.Redo, self, activated=self.undo.redo, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus, context=Qt.WidgetWithChildrenShortcut)
        self.search.textChanged.connect(self._search)
        for combo in (self.f_dept, self.f_task, self.f_form, self.f_month):
            combo.currentIndexChanged.connect(self._refilter)
        self._store = _Store(conn, self.model)
        self.model.dataChanged.connect(self._update_totals)

    # ---------------------------------------------------------------- data
    def load(self, unit: Unit, plan: Plan | None) -> None:
        self.unit, self.plan = unit, plan
        labels = task_labels(plan) if plan else {}
        self.model.set_unit(unit, labels)
        self.model.reset(activities.load_activities(self.conn))
        self.form.set_choices(unit, plan)
        self._fill_filters(unit, plan, labels)
        self.undo.clear()
        self.new()
        self._refilter()

    def _fill_filters(self, unit: Unit, plan: Plan | None, labels: dict[int, str]) -> None:
        for combo in (self.f_dept, self.f_task, self.f_form, self.f_month):
            combo.blockSignals(True)
            combo.clear()
        self.f_dept.addItem("Tất cả khoa, phòng", None)
        for d in unit.departments:
            self.f_dept.addItem(d.name, d.id)
        self.f_task.addItem("Tất cả nhiệm vụ", None)
        for t in plan.tasks() if plan else []:
            self.f_task.addItem(f"{labels.get(t.id, '')} {clean(t.text)}"[:80], t.id)
        self.f_form.addItem("Tất cả hình thức", None)
        for f in FORMS:
            self.f_form.addItem(f.label, f.code)
        self.f_month.addItem("Cả năm", None)
        for m in range(1, 13):
            self.f_month.addItem(f"Tháng {m}", m)
        for combo in (self.f_dept, self.f_task, self.f_form, self.f_month):
            combo.blockSignals(False)

    def _refilter(self, *_):
        self.model.set_filters(self.f_dept.currentData(), self.f_task.currentData(), self.f_form.currentData(),
                               self.f_month.currentData())
        self.model.set_query(self.search.text())

    def _search(self, text: str) -> None:
        self.model.set_query(text)

    def _update_totals(self, *_):
        acts = self.model.visible()
        people = sum(a.participants or 0 for a in acts)
        cost = sum(a.cost for a in acts)
        text = (f"{number(len(acts))}/{number(self.model.total())} hoạt động · {number(people)} lượt người "
                f"tham dự · kinh phí {number(cost)} đồng")
        self.totals.setText(text)
        self.status.emit(text)

    # ---------------------------------------------------------------- actions
    def defaults(self) -> dict:
        today = date.today()
        if self.plan and self.plan.period_end and today > self.plan.period_end:
            today = self.plan.period_end
        return {"start": today, "dept_id": self.settings.value("ledger/last_dept", None, int),
                "form_code": self.settings.value("ledger/last_form", "tin_bai"),
                "task_id": self.settings.value("ledger/last_task", None, int)}

    def new(self) -> None:
        self.table.clearSelection()
        self.form.load(None, self.defaults())
        self.form.title.setFocus()

    def selected(self) -> list[Activity]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.activity(r) for r in sorted(rows)]

    def _row_changed(self, current, _previous):
        if current.isValid():
            self.form.load(self.model.activity(current.row()))

    def _saved(self, a: Activity) -> None:
        if a.id is None:
            self.undo.push(AddCommand(self._store, [a], "Thêm hoạt động"))
            self.settings.setValue("ledger/last_dept", a.dept_id)
            self.settings.setValue("ledger/last_form", a.form_code)
            if a.task_id is not None:
                self.settings.setValue("ledger/last_task", a.task_id)
            self.status.emit(f"Đã thêm: {a.title}")
            keep = {"start": a.start, "dept_id": a.dept_id, "form_code": a.form_code, "task_id": a.task_id}
            self.form.load(None, keep)
            self.form.title.setFocus()
        else:
            old = next((x for x in self.model.activities() if x.id == a.id), None)
            if old is not None and old != a:
                self.undo.push(EditCommand(self._store, old, a))
                self.status.emit(f"Đã lưu: {a.title}")

    def duplicate(self) -> None:
        sel = self.selected()
        if not sel:
            return
        copies = [dataclasses.replace(a, id=None) for a in sel]
        self.undo.push(AddCommand(self._store, copies, f"Nhân bản {len(copies)} hoạt động"))
        self.status.emit(f"Đã nhân bản {len(copies)} hoạt động")

    def delete_selected(self) -> None:
        sel = self.selected()
        if not sel:
            return
        self.undo.push(DeleteCommand(self._store, sel))
        self.status.emit(f"Đã xóa {len(sel)} hoạt động — nhấn Ctrl+Z để hoàn tác")
        self.new()


__all__ = ["LedgerPage", "ActivityForm", "COLUMNS"]
