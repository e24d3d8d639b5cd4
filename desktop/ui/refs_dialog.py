"""Danh mục căn cứ: the unit's legal references, corrected in place (every plan citing one prints the new
wording) and duplicates merged (the same document typed twice: '57- NQ/TW' and '57-NQ/TW')."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import app
from ..domain.errors import UserError
from ..domain.vnformat import parse_date, short_date
from .common import ask, warn

HEAD = ("Loại văn bản", "Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu", "Được dùng")
DUPLICATE = QColor("#fff3c4")


class RefsDialog(QDialog):
    def __init__(self, conn, parent: QWidget | None = None):
        super().__init__(parent)
        self.conn = conn
        self.setWindowTitle("Danh mục căn cứ")
        self.resize(1100, 560)
        lay = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)
        self.table = QTableWidget(0, len(HEAD))
        self.table.setHorizontalHeaderLabels(HEAD)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        h = self.table.horizontalHeader()
        for i in range(len(HEAD)):
            h.setSectionResizeMode(i, QHeaderView.Stretch if i == 4 else QHeaderView.ResizeToContents)
        h.setSectionResizeMode(3, QHeaderView.Interactive)  # issuers can be long: a fixed, adjustable width
        h.resizeSection(3, 240)
        self.table.itemChanged.connect(self._edited)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.merge_button = QPushButton("Gộp các dòng đã chọn vào dòng đầu")
        self.merge_button.clicked.connect(self.merge_selected)
        close = QPushButton("Đóng")
        close.clicked.connect(self.accept)
        row.addWidget(self.merge_button)
        row.addStretch(1)
        row.addWidget(close)
        lay.addLayout(row)
        self.load()

    def load(self) -> None:
        self._loading = True
        dup = {r.id for group in app.catalogue.duplicates(self.conn) for r in group}
        self.table.setRowCount(0)
        self.ids: list[int] = []
        for ref, uses in app.catalogue.references(self.conn):
            r = self.table.rowCount()
            self.table.insertRow(r)
            self.ids.append(ref.id)
            values = (ref.kind, ref.number, short_date(ref.issued), ref.issuer, ref.summary, str(uses))
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if c == 5:
                    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                if ref.id in dup:
                    item.setBackground(QBrush(DUPLICATE))
                self.table.setItem(r, c, item)
        self.hint.setText(
            "Sửa trực tiếp trong bảng (F2 hoặc gõ vào ô): mọi kế hoạch dùng căn cứ đó sẽ in theo chữ mới. "
            + (
                f"Các dòng tô vàng là cùng một văn bản ghi nhiều cách ({len(dup)} dòng): chọn chúng rồi bấm Gộp."
                if dup
                else "Không có căn cứ nào bị ghi trùng."
            )
        )
        self._loading = False

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        r = item.row()
        cells = [self.table.item(r, c).text() for c in range(5)]
        try:
            issued = parse_date(cells[2]) if cells[2].strip() else None
            app.catalogue.save_reference(self.conn, self.ids[r], cells[0], cells[1], issued, cells[3], cells[4])
        except (UserError, ValueError) as e:
            warn(self, f"Chưa lưu được căn cứ ở dòng {r + 1}: {e}")
        self.load()

    def merge_selected(self) -> int:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if len(rows) < 2:
            warn(self, "Hãy chọn ít nhất hai dòng (giữ Ctrl) là cùng một văn bản để gộp.")
            return 0
        keep, drop = self.ids[rows[0]], [self.ids[r] for r in rows[1:]]
        first = " ".join(self.table.item(rows[0], c).text() for c in (0, 1))
        if not ask(self, f"Gộp {len(drop)} dòng vào “{first}”? Các kế hoạch đang dùng chúng sẽ dùng dòng này."):
            return 0
        n = app.catalogue.merge_references(self.conn, keep, drop)
        self.load()
        return n
