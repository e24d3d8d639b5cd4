"""Hình thức hoạt động: the unit's own forms — added, edited in place, hidden (a form in use is hidden,
never deleted); each row shows the report's sentence it makes. Each saved cell is one step of the window's
undo stack; the edited row is updated where it is, so Tab goes on along it."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ... import app
from ...domain.errors import UserError
from ...domain.forms import Form
from ...domain.vnformat import number
from ..common import ask, warn
from ..undo import UndoKeys

COLUMNS = (
    "Tên hình thức",
    "Đơn vị tính",
    "Động từ",
    "Phần sau đơn vị tính",
    "Người tham dự tính là",
    "Câu trong báo cáo",
    "Ẩn",
)
FIELDS = ("label", "unit", "verb", "tail", "people")  # the editable columns, in order
SENTENCE, HIDDEN = 5, 6
STOPS = (*range(len(FIELDS)), HIDDEN)  # the cells Tab goes through along a row: never the sentence


def sentence(f: Form) -> str:
    """The form's sentence in the report, for 3 of its unit: 'Tổ chức 03 lượt khám sàng lọc'."""
    return f"{f.verb} 03 {f.unit}{f.tail.replace('{unit_name}', '[tên đơn vị]')}"


class FormsTable(QTableWidget):
    """Tab (Shift+Tab) goes to the next (previous) cell of the same row that the clerk can change, then to the
    next row's first (the previous row's last): never to another row's cell in the middle."""

    def moveCursor(self, action, modifiers):  # noqa: N802
        step = {QAbstractItemView.MoveNext: 1, QAbstractItemView.MovePrevious: -1}.get(action)
        cur = self.currentIndex()
        if step is None or not cur.isValid():
            return super().moveCursor(action, modifiers)
        r = cur.row()
        later = [c for c in STOPS if (c - cur.column()) * step > 0]
        if later:
            c = later[0] if step > 0 else later[-1]
        else:
            r, c = r + step, STOPS[0] if step > 0 else STOPS[-1]
        return self.model().index(r, c) if 0 <= r < self.rowCount() else QModelIndex()


class FormsDialog(QDialog):
    """Each cell is saved when its edit ends, as one step of `undo` (the window's stack; Ctrl+Z / Ctrl+Y here
    undo and redo the steps made in this dialog, and from the window after it closed)."""

    def __init__(self, conn, parent: QWidget | None = None, undo: QUndoStack | None = None):
        super().__init__(parent)
        self.conn = conn
        self.undo = undo if undo is not None else QUndoStack(self)
        self.changed = False
        self.forms: list[Form] = []
        self.setWindowTitle("Hình thức hoạt động của đơn vị")
        lay = QVBoxLayout(self)
        note = QLabel(
            "Các hình thức dùng khi ghi hoạt động, đặt chỉ tiêu, trong sổ Excel và câu của báo cáo "
            "(“Động từ + số lượng + đơn vị tính + phần sau”). Sửa trực tiếp trong bảng (F2 hoặc gõ vào ô, Tab sang ô "
            "kế tiếp, Ctrl+Z hoàn tác); hình thức đã có hoạt động hoặc chỉ tiêu thì chỉ ẩn đi, không xóa."
        )
        note.setWordWrap(True)
        lay.addWidget(note)
        add = QHBoxLayout()
        self.new_label = QLineEdit(placeholderText="Tên hình thức mới, VD: Khám sàng lọc")
        self.new_unit = QLineEdit(placeholderText="Đơn vị tính, VD: lượt")
        self.new_verb = QLineEdit(placeholderText="Động từ, VD: Tổ chức")
        self.add_button = QPushButton("&Thêm hình thức")
        self.add_button.clicked.connect(self.add)
        for w, stretch in ((self.new_label, 3), (self.new_unit, 1), (self.new_verb, 1), (self.add_button, 0)):
            add.addWidget(w, stretch)
        for w in (self.new_label, self.new_unit, self.new_verb):
            w.returnPressed.connect(self.add)
        lay.addLayout(add)
        self.table = FormsTable(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        head = self.table.horizontalHeader()
        for c in range(len(COLUMNS)):
            head.setSectionResizeMode(c, QHeaderView.Interactive)
        head.setSectionResizeMode(SENTENCE, QHeaderView.Stretch)
        for c, w in enumerate((190, 90, 90, 230, 150)):
            self.table.setColumnWidth(c, w)
        self.table.itemChanged.connect(self._edited)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.remove_button = QPushButton("&Xóa hoặc ẩn hình thức đang chọn")
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.remove_button)
        self.status = QLabel()
        row.addWidget(self.status, 1)
        box = QDialogButtonBox(QDialogButtonBox.Close)
        box.button(QDialogButtonBox.Close).setText("Đóng")
        box.rejected.connect(self.reject)
        row.addWidget(box)
        lay.addLayout(row)
        self.resize(1100, 520)
        self.keys = UndoKeys(self, self.undo, self.status.setText, floor=self.undo.index())
        self.reload()

    # Ctrl+Z / Ctrl+Y are caught while the dialog is on screen only: a filter left on the application after its
    # dialog went (hidden with its window, never finished) would be deleted in the middle of event delivery.
    def showEvent(self, event):  # noqa: N802
        QApplication.instance().installEventFilter(self.keys)
        super().showEvent(event)

    def hideEvent(self, event):  # noqa: N802
        self.release_keys()
        super().hideEvent(event)

    def release_keys(self) -> None:
        QApplication.instance().removeEventFilter(self.keys)

    def reload(self) -> None:
        """Every form in the unit's order: on opening and after one is added or deleted, never after a cell's
        edit (the row stays where it is while the clerk works along it)."""
        self.forms = list(app.load_forms(self.conn).forms)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.forms))
        for r in range(len(self.forms)):
            for c in range(len(COLUMNS)):
                item = QTableWidgetItem()
                if c == HIDDEN:
                    item.setFlags((item.flags() | Qt.ItemIsUserCheckable) & ~Qt.ItemIsEditable)
                elif c == SENTENCE:
                    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        for r, f in enumerate(self.forms):
            self._fill_row(r, f)

    def _fill_row(self, r: int, f: Form) -> None:
        self.table.blockSignals(True)
        for c, name in enumerate(FIELDS):
            self.table.item(r, c).setText(getattr(f, name))
        self.table.item(r, SENTENCE).setText(sentence(f))
        self.table.item(r, HIDDEN).setCheckState(Qt.Checked if f.hidden else Qt.Unchecked)
        self.table.blockSignals(False)

    def show_form(self, f: Form) -> None:
        """A form as now stored (after an edit, an undo or a redo), in its row, which stays where it is."""
        codes = [x.code for x in self.forms]
        if f.code in codes:
            r = codes.index(f.code)
            self.forms[r] = f
            self._fill_row(r, f)
            self.table.setCurrentCell(r, max(self.table.currentColumn(), 0))

    def _edited(self, item: QTableWidgetItem) -> None:
        r, c = item.row(), item.column()
        if c == SENTENCE or not 0 <= r < len(self.forms):
            return
        old = self.forms[r]
        if c == HIDDEN:
            new = dataclasses.replace(old, hidden=item.checkState() == Qt.Checked)
        else:
            new = dataclasses.replace(old, **{FIELDS[c]: item.text()})
        if new == old:
            return
        try:
            saved = app.save_form(self.conn, new)
        except UserError as e:
            self._fill_row(r, old)
            warn(
                self,
                f"Chưa lưu được hình thức ở dòng {r + 1}, cột “{COLUMNS[c]}”: {str(e).rstrip('.')}. "
                "Hình thức này không thay đổi.",
            )
            return
        self._saved(r, old, saved)

    def _saved(self, r: int, old: Form, new: Form) -> None:
        self.changed = True
        self.show_form(new)
        if new != old:
            self.undo.push(FormEdited(self, old, new))
            self.status.setText(f"Đã lưu hình thức dòng {r + 1} — Ctrl+Z để hoàn tác")

    def add(self) -> None:
        try:
            f = app.add_form(self.conn, self.new_label.text(), self.new_unit.text(), self.new_verb.text())
        except UserError as e:
            warn(self, str(e))
            return
        self.changed = True
        for w in (self.new_label, self.new_unit, self.new_verb):
            w.clear()
        self.reload()
        self.table.setCurrentCell(next(i for i, x in enumerate(self.forms) if x.code == f.code), 0)
        self.new_label.setFocus()

    def remove_selected(self) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.forms):
            return
        f = self.forms[r]
        acts, targets = app.forms.uses(self.conn, f.code)
        used = acts + targets
        if not used:
            question = (
                f"Xóa hình thức “{f.label}” (dòng {r + 1})? Chưa có hoạt động hay chỉ tiêu nào dùng hình thức này. "
                "Việc xóa không hoàn tác được."
            )
        else:
            uses = [f"{number(acts)} hoạt động"] if acts else []
            uses += [f"{number(targets)} chỉ tiêu của kế hoạch"] if targets else []
            question = (
                f"Hình thức “{f.label}” (dòng {r + 1}) đang được {' và '.join(uses)} dùng nên không xóa được. "
                "Ẩn hình thức này? Các hoạt động đã ghi vẫn giữ nguyên; hình thức không còn trong danh sách chọn "
                "khi ghi mới (bỏ dấu ở cột “Ẩn” hoặc Ctrl+Z để hiện lại)."
            )
            if f.hidden:
                warn(self, f"Hình thức “{f.label}” (dòng {r + 1}) đã ẩn; {' và '.join(uses)} đang dùng nó.")
                return
        if not ask(self, question):
            return
        if used:
            try:
                saved = app.save_form(self.conn, dataclasses.replace(f, hidden=True))
            except UserError as e:
                warn(self, f"Chưa ẩn được hình thức ở dòng {r + 1}: {str(e).rstrip('.')}. Hình thức không thay đổi.")
                return
            self._saved(r, f, saved)
            self.status.setText(f"Đã ẩn hình thức “{f.label}” — Ctrl+Z để hoàn tác")
            return
        app.remove_form(self.conn, f.code)
        self.changed = True
        self.reload()
        self.status.setText(f"Đã xóa hình thức “{f.label}”.")


class FormEdited(QUndoCommand):
    """A form changed in Hình thức hoạt động (a cell, or hidden); undo writes back what it was."""

    def __init__(self, dialog: FormsDialog, old: Form, new: Form):
        super().__init__(f"sửa hình thức “{new.label}”" if old.hidden == new.hidden else f"ẩn hình thức “{new.label}”")
        self.conn, self.view = dialog.conn, dialog
        self.old, self.new = old, new
        self.first = True  # pushed after the save: the first redo has nothing to do

    def _put(self, f: Form) -> None:
        try:
            f = app.save_form(self.conn, f)
        except UserError as e:  # the wording was taken meanwhile by a form added since
            if isValid(self.view):
                self.view.status.setText(f"Không khôi phục được hình thức “{f.label}”: {e}")
            return
        if isValid(self.view):
            self.view.show_form(f)

    def redo(self):
        if self.first:
            self.first = False
            return
        self._put(self.new)

    def undo(self):
        self._put(self.old)


def edit_forms(parent, conn, undo: QUndoStack | None = None) -> bool:
    """The dialog, modal, its edits steps of `undo` (by default the parent page's stack); whether anything
    changed."""
    dlg = FormsDialog(conn, parent, undo if undo is not None else getattr(parent, "undo", None))
    dlg.setAttribute(Qt.WA_DeleteOnClose)
    dlg.exec()
    dlg.release_keys()
    return dlg.changed
