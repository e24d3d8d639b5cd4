"""Hoạt động: the ledger of one plan (or every plan) — filter, search as you type, add/edit in a
keyboard-first form, duplicate, delete with undo, check the plan the upgrade guessed. Every change is
written to the database at once."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import app
from ...domain.errors import UserError
from ...domain.forms import DEFAULTS
from ...domain.models import Activity, Plan, Unit
from ...domain.plan_text import task_labels
from ...domain.vnformat import number
from ..common import warn
from .ledger_form import ActivityForm, task_text
from .ledger_model import COLUMNS, LedgerModel

ALL_PLANS = -1  # the plan selector's "Tất cả kế hoạch"


class _Store:
    """The ledger's writes (app.activities: one transaction each), shared by the undo commands; the model then
    shows the activities as stored."""

    def __init__(self, conn, model: LedgerModel, shows):
        self.conn, self.model, self.shows = conn, model, shows

    def _show(self, acts: list[Activity]) -> None:
        for a in acts:
            if self.shows(a):
                self.model.replace(a) if self.model.has(a.id) else self.model.add([a])
            elif self.model.has(a.id):
                self.model.remove({a.id})

    def add(self, acts: list[Activity]) -> list[Activity]:
        stored = app.activities.add(self.conn, acts)
        self._show(stored)
        return stored

    def edit(self, acts: list[Activity]) -> None:
        self._show(app.activities.edit(self.conn, acts))

    def delete(self, acts: list[Activity]) -> app.activities.Deleted:
        deleted = app.activities.delete(self.conn, acts)
        self.model.remove({a.id for a in acts})
        return deleted

    def restore(self, deleted: app.activities.Deleted) -> None:
        stored = app.activities.restore(self.conn, deleted)
        for a in stored:
            if deleted.files(a.id):
                self.model.set_file_count(a.id, len(app.evidence.list_files(self.conn, a.id)))
        self._show(stored)


class _Once(QUndoCommand):
    """A ledger command whose first run happens before it is pushed (LedgerPage._push): a write that
    fails (disk full, read-only) then leaves no undo entry; the push's own redo() is skipped."""

    ran = False

    def redo(self):
        if self.ran:
            self.ran = False
            return
        self.forward()


class AddCommand(_Once):
    """New activities; undone: deleted (their evidence set aside); redone: restored with their ids."""

    def __init__(self, store: _Store, acts: list[Activity], text: str):
        super().__init__(text)
        self.store, self.acts = store, acts
        self.deleted: app.activities.Deleted | None = None

    def forward(self):
        if self.deleted is None:
            self.acts = self.store.add(self.acts)
        else:
            self.store.restore(self.deleted)

    def undo(self):
        self.deleted = self.store.delete(self.acts)


class EditCommand(_Once):
    def __init__(self, store: _Store, old: list[Activity], new: list[Activity], text: str = ""):
        super().__init__(text or f"sửa hoạt động “{_short(new[0].title)}”")
        self.store, self.old, self.new = store, old, new

    def forward(self):
        self.store.edit(self.new)

    def undo(self):
        self.store.edit(self.old)


class DeleteCommand(_Once):
    def __init__(self, store: _Store, acts: list[Activity]):
        super().__init__(f"xóa hoạt động “{_short(acts[0].title)}”" if len(acts) == 1 else f"xóa {len(acts)} hoạt động")
        self.store, self.acts = store, acts
        self.deleted: app.activities.Deleted | None = None

    def forward(self):
        self.deleted = self.store.delete(self.acts)

    def undo(self):
        self.store.restore(self.deleted)


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + "…"


class LedgerPage(QWidget):
    status = Signal(str)
    plan_chosen = Signal(int)  # the clerk chose another plan in the ledger's selector
    forms_changed = Signal()  # the unit's forms were edited (Hình thức hoạt động…)

    def __init__(self, conn, settings: QSettings, parent=None, undo: QUndoStack | None = None):
        super().__init__(parent)
        self.conn, self.settings = conn, settings
        self.unit: Unit | None = None
        self.plan: Plan | None = None  # the window's current plan
        self.plans: list[Plan] = []  # the plans shown (one, or all)
        self.forms = DEFAULTS  # the unit's forms, read at each load
        self.undo = undo or QUndoStack(self)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.plan_combo = QComboBox(toolTip="Hoạt động của kế hoạch nào")
        self.plan_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.plan_combo.setMinimumContentsLength(18)
        plan_label = QLabel("&Kế hoạch")
        plan_label.setBuddy(self.plan_combo)
        bar.addWidget(plan_label)
        bar.addWidget(self.plan_combo, 2)
        self.search = QLineEdit(placeholderText="Tìm (Ctrl+F): gõ có dấu hoặc không dấu, vd. chuyen doi so…")
        self.search.setClearButtonEnabled(True)
        self.f_dept, self.f_task, self.f_form, self.f_month = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        bar.addWidget(self.search, 3)
        for combo in (self.f_dept, self.f_task, self.f_form, self.f_month):
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            bar.addWidget(combo, 1)
        self.f_dept.setMinimumContentsLength(18)  # "Tất cả khoa, phòng" whole, not "Tất cả khoa, phò"
        self.f_guessed = QCheckBox("Cần kiểm tra kế hoạch")
        self.f_guessed.setToolTip(
            "Hoạt động mà bản nâng cấp dữ liệu tự xếp vào một kế hoạch: hãy xác nhận hoặc chuyển sang kế hoạch đúng."
        )
        bar.addWidget(self.f_guessed)
        lay.addLayout(bar)
        self.model = LedgerModel([], Unit("", "", ""))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self._setup_header()
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._update_totals)
        self.form = ActivityForm()
        self.form.saved.connect(self._saved)
        self.form.files.conn = conn
        self.form.files.changed.connect(self.model.set_file_count)
        self.form.files.status.connect(self.status)
        for text, slot, key in (
            ("Mới", self.new, "Ctrl+N"),
            ("Nhân bản", self.duplicate, "Ctrl+D"),
            ("Xóa", self.delete_selected, "Delete"),
        ):
            b = QPushButton(f"{text} ({key.replace('Delete', 'Del')})", focusPolicy=Qt.TabFocus)
            b.clicked.connect(slot)
            self.form.buttons.insertWidget(self.form.buttons.count() - 2, b)
            QShortcut(QKeySequence(key), self, activated=slot, context=Qt.WidgetWithChildrenShortcut)
        self.form.buttons.insertWidget(3, self._guess_panel(), 1)
        forms_button = QPushButton(
            "Hình thức hoạt động…", focusPolicy=Qt.TabFocus, toolTip="Thêm, sửa, ẩn các hình thức hoạt động của đơn vị"
        )
        forms_button.clicked.connect(self.edit_forms)
        self.form.buttons.insertWidget(self.form.buttons.count() - 2, forms_button)
        split = QSplitter(Qt.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(self.form)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        self.splitter = split
        lay.addWidget(split, 1)
        self.totals = QLabel()
        lay.addWidget(self.totals)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.table.setFocus, context=Qt.WidgetWithChildrenShortcut)
        self.search.textChanged.connect(self._search)
        for combo in (self.f_dept, self.f_task, self.f_form, self.f_month):
            combo.currentIndexChanged.connect(self._refilter)
        self.f_guessed.toggled.connect(self._refilter)
        self.plan_combo.currentIndexChanged.connect(self._plan_combo_changed)
        self._store = _Store(conn, self.model, self.shows)
        self.model.dataChanged.connect(self._update_totals)

    def _setup_header(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(40)
        fm = self.table.fontMetrics()
        for col, sample in enumerate(
            (
                "00/00/0000 -",
                "Phòng Kế hoạch TH",
                "",
                "Tin, bài viết",
                "III.1 Tuyên truyền",
                "100 buổi",
                "1.000",
                "15.000.000",
                "00",
            )
        ):
            header.resizeSection(col, max(fm.horizontalAdvance(sample), fm.horizontalAdvance(COLUMNS[col])) + 24)
        state = self.settings.value("ledger/header")
        if state is not None:
            header.restoreState(state)
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(COLUMNS.index("Nội dung"), QHeaderView.Stretch)
        self._header_timer = QTimer(self, singleShot=True, interval=300)
        self._header_timer.timeout.connect(self.save_header)
        header.sectionResized.connect(lambda *_: self._header_timer.start())
        header.sectionMoved.connect(lambda *_: self._header_timer.start())

    def save_header(self) -> None:
        self.settings.setValue("ledger/header", self.table.horizontalHeader().saveState())

    def _guess_panel(self) -> QWidget:
        """Shown when the selected rows hold a plan the upgrade guessed: confirm it, or move them."""
        self.guess = QFrame(styleSheet="QFrame#guess { background: #fff3cd; border-radius: 3px; }", objectName="guess")
        h = QHBoxLayout(self.guess)
        h.setContentsMargins(6, 2, 6, 2)
        self.guess_label = QLabel()
        self.confirm_button = QPushButton("Đúng kế hoạch này")
        self.confirm_button.clicked.connect(self.confirm_plan)
        self.move_combo = QComboBox()
        self.move_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.move_combo.setMinimumContentsLength(14)
        self.move_button = QPushButton("Chuyển sang")
        self.move_button.clicked.connect(lambda: self.move_to_plan(self.move_combo.currentData()))
        h.addWidget(self.guess_label, 1)
        for w in (self.confirm_button, self.move_button, self.move_combo):
            h.addWidget(w)
        self.guess.hide()
        return self.guess

    # ---------------------------------------------------------------- data
    def chosen_plan_id(self) -> int | None:
        """The plan shown in the ledger; None for "Tất cả kế hoạch"."""
        pid = self.plan_combo.currentData()
        return None if pid in (None, ALL_PLANS) else pid

    def new_plan_id(self) -> int | None:
        """The plan a new activity without a task serves: the one shown, else the window's."""
        return self.chosen_plan_id() or (self.plan.id if self.plan else None)

    def shows(self, a: Activity) -> bool:
        pid = self.chosen_plan_id()
        return pid is None or a.plan_id == pid

    def load(self, unit: Unit, plan: Plan | None) -> None:
        """The ledger of the window's plan (or of every plan, when that is what the selector shows)."""
        self.unit, self.plan = unit, plan
        self.forms = app.load_forms(self.conn)  # the unit's forms: the form's choices, the filter and the rows
        show_all = self.plan_combo.currentData() == ALL_PLANS
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        self.move_combo.clear()
        self.plan_combo.addItem("Tất cả kế hoạch", ALL_PLANS)
        for pid, title, year in app.plans.list_plans(self.conn):
            self.plan_combo.addItem(f"{year} — {title}", pid)
            self.plan_combo.setItemData(self.plan_combo.count() - 1, title, Qt.ToolTipRole)
            self.move_combo.addItem(f"{year} — {title}", pid)
        target = ALL_PLANS if show_all or plan is None else plan.id
        self.plan_combo.setCurrentIndex(max(self.plan_combo.findData(target), 0))
        self.plan_combo.blockSignals(False)
        self._load_rows()

    def edit_forms(self) -> None:
        """Hình thức hoạt động (ui/dialogs/forms_dialog.py); the ledger offers the forms as they are after it."""
        from ..dialogs.forms_dialog import edit_forms

        if edit_forms(self, self.conn) and self.unit is not None:
            self.load(self.unit, self.plan)
            self.forms_changed.emit()
            self.status.emit("Đã cập nhật các hình thức hoạt động của đơn vị")

    def _plan_combo_changed(self, *_):
        pid = self.chosen_plan_id()
        if pid is not None and (self.plan is None or pid != self.plan.id):
            self.plan_chosen.emit(pid)  # the window makes it its plan and reloads this page
        else:
            self._load_rows()

    def _load_rows(self) -> None:
        unit, pid = self.unit, self.chosen_plan_id()
        if unit is None:
            return
        if pid is None:
            self.plans = [app.plans.load_plan(self.conn, p) for p, _, _ in app.plans.list_plans(self.conn)]
        else:
            self.plans = [self.plan] if self.plan and self.plan.id == pid else [app.plans.load_plan(self.conn, pid)]
        labels: dict[int, str] = {}
        texts: dict[int, str] = {}
        self._task_plan: dict[int, int] = {}
        for p in self.plans:
            lab = task_labels(p)
            for t in p.tasks():
                labels[t.id] = task_text(lab.get(t.id, ""), t.text, 40)
                texts[t.id] = t.text
                self._task_plan[t.id] = p.id
        self._plan_names = {p.id: f"{p.doc_date.year} — {p.title}" for p in self.plans}
        self.model.set_unit(unit, labels, texts, self.forms)
        self.model.set_file_counts(app.evidence.counts(self.conn))
        self.model.reset(app.activities.load(self.conn, pid))
        self.form.set_choices(unit, self.plans, self.forms)
        self._fill_filters(unit, labels)
        self.new()
        self._refilter()

    def _fill_filters(self, unit: Unit, labels: dict[int, str]) -> None:
        for combo in (self.f_dept, self.f_task, self.f_form, self.f_month):
            combo.blockSignals(True)
            combo.clear()
        self.f_dept.addItem("Tất cả khoa, phòng", None)
        for d in unit.departments:
            self.f_dept.addItem(d.name, d.id)
        self.f_task.addItem("Tất cả nhiệm vụ", None)
        for tid, text in labels.items():
            self.f_task.addItem(text, tid)
        self.f_form.addItem("Tất cả hình thức", None)
        for f in self.forms.forms:  # hidden ones too: old activities still have them
            self.f_form.addItem(f.label, f.code)
        self.f_month.addItem("Cả năm", None)
        for m in range(1, 13):
            self.f_month.addItem(f"Tháng {m}", m)
        for combo in (self.f_dept, self.f_task, self.f_form, self.f_month):
            combo.blockSignals(False)
        guessed = sum(1 for a in self.model.activities() if a.plan_guessed)
        self.f_guessed.setText(f"Cần kiểm tra kế hoạch ({number(guessed)})")
        self.f_guessed.setEnabled(bool(guessed) or self.f_guessed.isChecked())

    def _refilter(self, *_):
        self.model.set_filters(
            self.f_dept.currentData(),
            self.f_task.currentData(),
            self.f_form.currentData(),
            self.f_month.currentData(),
            guessed=self.f_guessed.isChecked(),
        )
        self.model.set_query(self.search.text())

    def _search(self, text: str) -> None:
        self.model.set_query(text)

    def _update_totals(self, *_):
        acts = self.model.visible()
        people = sum(a.participants or 0 for a in acts)
        cost = sum(a.cost for a in acts)
        text = (
            f"{number(len(acts))}/{number(self.model.total())} hoạt động · {number(people)} lượt người "
            f"tham dự · kinh phí {number(cost)} đồng"
        )
        self.totals.setText(text)
        self.status.emit(text)

    # ---------------------------------------------------------------- actions
    def defaults(self) -> dict:
        today = date.today()
        if self.plan and self.plan.period_end and today > self.plan.period_end:
            today = self.plan.period_end
        task = self.settings.value("ledger/last_task", None, int)
        return {
            "start": today,
            "dept_id": self.settings.value("ledger/last_dept", None, int),
            "form_code": self.settings.value("ledger/last_form", "tin_bai"),
            "task_id": task if task in getattr(self, "_task_plan", {}) else None,
        }

    def new(self) -> None:
        self.table.clearSelection()
        self.form.plan_id = self.new_plan_id()
        self.form.load(None, self.defaults())
        self.form.start.setFocus(Qt.ShortcutFocusReason)  # the form's first field: a date typed replaces it
        self.form.start.edit.selectAll()

    def selected(self) -> list[Activity]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.activity(r) for r in sorted(rows)]

    def _row_changed(self, current, _previous):
        if current.isValid():
            self.form.load(self.model.activity(current.row()))

    def _selection_changed(self, *_):
        sel = self.selected()
        guessed = [a for a in sel if a.plan_guessed]
        self.guess.setVisible(bool(guessed))
        if guessed:
            name = self._plan_names.get(guessed[0].plan_id) or self._plan_name(guessed[0].plan_id)
            self.guess_label.setText(f"Kế hoạch do bản nâng cấp đoán: {name[:40]}")
            self.guess_label.setToolTip(name)

    def _plan_name(self, pid: int | None) -> str:
        i = self.move_combo.findData(pid)
        return self.move_combo.itemText(i) if i >= 0 else "(không rõ)"

    def _saved(self, a: Activity) -> None:
        """The form saved: a new activity added, or an edited one saved (under a task it serves the task's
        plan: the store decides, app.activities)."""
        if a.id is None:
            a.plan_id = a.plan_id or self.new_plan_id()
            if not self._push(AddCommand(self._store, [a], f"thêm hoạt động “{_short(a.title)}”")):
                return
            self.settings.setValue("ledger/last_dept", a.dept_id)
            self.settings.setValue("ledger/last_form", a.form_code)
            if a.task_id is not None:
                self.settings.setValue("ledger/last_task", a.task_id)
            self.status.emit(f"Đã thêm: {a.title} — Ctrl+Z để hoàn tác")
            keep = {"start": a.start, "dept_id": a.dept_id, "form_code": a.form_code, "task_id": a.task_id}
            self.form.load(None, keep)
            self.form.title.setFocus()
        else:
            old = next((x for x in self.model.activities() if x.id == a.id), None)
            if old is not None and old != a:
                if self._push(EditCommand(self._store, [old], [a])):
                    self.status.emit(f"Đã lưu: {a.title} — Ctrl+Z để hoàn tác")

    def _push(self, cmd: _Once) -> bool:
        """Run the change, then put it on the undo stack; a change that could not be written is told in the
        status bar and leaves no undo entry (the form keeps what was typed)."""
        try:
            cmd.forward()
        except UserError as e:
            self.status.emit(str(e))
            warn(self, str(e), "Không lưu được")
            return False
        cmd.ran = True
        self.undo.push(cmd)
        return True

    def duplicate(self) -> None:
        sel = self.selected()
        if not sel:
            return
        copies = [dataclasses.replace(a, id=None) for a in sel]
        if self._push(AddCommand(self._store, copies, f"nhân bản {len(copies)} hoạt động")):
            self.status.emit(f"Đã nhân bản {len(copies)} hoạt động — Ctrl+Z để hoàn tác")

    def delete_selected(self) -> None:
        sel = self.selected()
        if not sel:
            return
        row = min(i.row() for i in self.table.selectionModel().selectedRows())
        if not self._push(DeleteCommand(self._store, sel)):
            return
        self.status.emit(f"Đã {self.undo.undoText()} — nhấn Ctrl+Z (Sửa › Hoàn tác) để khôi phục")
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
            self.table.setFocus()
        else:
            self.new()

    def confirm_plan(self) -> None:
        """The selected guessed activities do serve the plan the upgrade chose."""
        guessed = [a for a in self.selected() if a.plan_guessed]
        if guessed:
            new = app.activities.confirmed(guessed)
            self._push(EditCommand(self._store, guessed, new, f"xác nhận kế hoạch của {len(new)} hoạt động"))
            self.status.emit(f"Đã xác nhận kế hoạch của {len(new)} hoạt động — Ctrl+Z để hoàn tác")
            self._after_plan_check()

    def move_to_plan(self, plan_id: int | None) -> None:
        """The selected activities serve another plan (they leave a task of their former plan)."""
        sel = self.selected()
        if not sel or plan_id is None:
            return
        new = app.activities.moved_to_plan(self.conn, sel, plan_id)
        name = self._plan_name(plan_id)
        self._push(EditCommand(self._store, sel, new, f"chuyển {len(new)} hoạt động sang kế hoạch {name[:30]}"))
        self.status.emit(f"Đã chuyển {len(new)} hoạt động sang kế hoạch {name} — Ctrl+Z để hoàn tác")
        self._after_plan_check()

    def _after_plan_check(self) -> None:
        guessed = sum(1 for a in self.model.activities() if a.plan_guessed)
        self.f_guessed.setText(f"Cần kiểm tra kế hoạch ({number(guessed)})")
        if self.f_guessed.isChecked():
            self._refilter()
        self._selection_changed()


__all__ = ["LedgerPage", "ActivityForm", "COLUMNS"]
