"""Hình thức hoạt động: the unit's own forms — added, edited in place, hidden (a form in use is hidden,
never deleted); each row shows the report's sentence it makes."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
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
)

from .. import app
from ..domain.errors import UserError
from ..domain.forms import Form
from .common import warn

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


def sentence(f: Form) -> str:
    """The form's sentence in the report, for 3 of its unit: 'Tổ chức 03 lượt khám sàng lọc'."""
    return f"{f.verb} 03 {f.unit}{f.tail.replace('{unit_name}', '[tên đơn vị]')}"


class FormsDialog(QDialog):
    def __init__(self, conn, parent=None):
        super().__init__(parent)
        self.conn = conn
        self.changed = False
        self.forms: list[Form] = []
        self.setWindowTitle("Hình thức hoạt động của đơn vị")
        lay = QVBoxLayout(self)
        note = QLabel(
            "Các hình thức dùng khi ghi hoạt động, đặt chỉ tiêu, trong sổ Excel và câu của báo cáo "
            "(“Động từ + số lượng + đơn vị tính + phần sau”). Sửa trực tiếp trong bảng; hình thức đã có "
            "hoạt động hoặc chỉ tiêu thì chỉ ẩn đi, không xóa."
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
        self.table = QTableWidget(0, len(COLUMNS))
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
        row.addStretch()
        box = QDialogButtonBox(QDialogButtonBox.Close)
        box.button(QDialogButtonBox.Close).setText("Đóng")
        box.rejected.connect(self.reject)
        row.addWidget(box)
        lay.addLayout(row)
        self.resize(1100, 520)
        self.reload()

    def reload(self) -> None:
        self.forms = list(app.load_forms(self.conn).forms)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.forms))
        for r, f in enumerate(self.forms):
            for c, name in enumerate(FIELDS):
                self.table.setItem(r, c, QTableWidgetItem(getattr(f, name)))
            s = QTableWidgetItem(sentence(f))
            s.setFlags(s.flags() & ~Qt.ItemIsEditable)
            self.table.setItem(r, SENTENCE, s)
            h = QTableWidgetItem()
            h.setFlags((h.flags() | Qt.ItemIsUserCheckable) & ~Qt.ItemIsEditable)
            h.setCheckState(Qt.Checked if f.hidden else Qt.Unchecked)
            self.table.setItem(r, HIDDEN, h)
        self.table.blockSignals(False)

    def _edited(self, item: QTableWidgetItem) -> None:
        r, c = item.row(), item.column()
        f = self.forms[r]
        try:
            if c == HIDDEN:
                app.set_hidden(self.conn, f.code, item.checkState() == Qt.Checked)
            elif c < len(FIELDS):
                app.save_form(self.conn, dataclasses.replace(f, **{FIELDS[c]: item.text()}))
        except UserError as e:
            warn(self, str(e))
        self.changed = True
        self.reload()
        self.table.setCurrentCell(r, c)

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
        deleted = app.remove_form(self.conn, f.code)
        if not deleted:
            warn(self, f"Hình thức “{f.label}” đã có hoạt động hoặc chỉ tiêu: đã ẩn đi (không xóa).")
        self.changed = True
        self.reload()


def edit_forms(parent, conn) -> bool:
    """The dialog, modal; whether anything changed."""
    dlg = FormsDialog(conn, parent)
    dlg.exec()
    return dlg.changed
