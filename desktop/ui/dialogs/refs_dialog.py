"""Danh mục căn cứ: the unit's legal references, corrected in place (every plan citing one prints the new
wording) and duplicates merged (the same document typed twice: '57- NQ/TW' and '57-NQ/TW')."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
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
from shiboken6 import isValid

from ... import app
from ...domain.errors import UserError
from ...domain.models import LegalRef
from ...domain.vnformat import parse_date, short_date
from ..common import ask, warn
from ..undo import UndoKeys

HEAD = ("Loại văn bản", "Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu", "Được dùng")
EDITABLE = 5  # the first five columns; Được dùng is counted
DUPLICATE = QColor("#fff3c4")


class RefsTable(QTableWidget):
    """Tab (Shift+Tab) goes to the next (previous) editable cell of the same row, then to the next row's
    first (the previous row's last): never over Được dùng, never to another row's cell in the middle."""

    def moveCursor(self, action, modifiers):  # noqa: N802
        step = {QAbstractItemView.MoveNext: 1, QAbstractItemView.MovePrevious: -1}.get(action)
        cur = self.currentIndex()
        if step is None or not cur.isValid():
            return super().moveCursor(action, modifiers)
        r, c = cur.row(), cur.column() + step
        if not 0 <= c < EDITABLE:
            r, c = r + step, 0 if step > 0 else EDITABLE - 1
        return self.model().index(r, c) if 0 <= r < self.rowCount() else QModelIndex()


class RefsDialog(QDialog):
    """Each cell is saved when its edit ends, as one step of `undo` (the window's stack; Ctrl+Z / Ctrl+Y here
    undo and redo the steps made in this dialog); `on_change` is told after an undo or redo."""

    def __init__(self, conn, parent: QWidget | None = None, undo: QUndoStack | None = None, on_change=None):
        super().__init__(parent)
        self.conn = conn
        self.undo = undo if undo is not None else QUndoStack(self)
        self.on_change = on_change
        self.setWindowTitle("Danh mục căn cứ")
        self.resize(1100, 560)
        lay = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)
        self.table = RefsTable(0, len(HEAD))
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
        self.status = QLabel()
        close = QPushButton("Đóng")
        close.clicked.connect(self.accept)
        row.addWidget(self.merge_button)
        row.addWidget(self.status, 1)
        row.addWidget(close)
        lay.addLayout(row)
        self.keys = UndoKeys(self, self.undo, self.status.setText, floor=self.undo.index())
        QApplication.instance().installEventFilter(self.keys)
        self.finished.connect(lambda _=0: QApplication.instance().removeEventFilter(self.keys))
        self.load()

    def load(self) -> None:
        """Every reference, in the catalogue's order (by date): only on opening and after a merge, so a row
        never moves while the clerk works along it."""
        self._loading = True
        self.table.setRowCount(0)
        self.ids: list[int] = []
        self.stored: dict[int, LegalRef] = {}
        for ref, uses in app.catalogue.references(self.conn):
            r = self.table.rowCount()
            self.table.insertRow(r)
            self.ids.append(ref.id)
            self.stored[ref.id] = ref
            for c in range(len(HEAD)):
                item = QTableWidgetItem()
                if c == 5:
                    item.setText(str(uses))
                    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.table.setItem(r, c, item)
            self._fill_row(r, ref)
        self._loading = False
        self._tint()

    def _fill_row(self, r: int, ref: LegalRef) -> None:
        was, self._loading = self._loading, True
        for c, v in enumerate((ref.kind, ref.number, short_date(ref.issued), ref.issuer, ref.summary)):
            self.table.item(r, c).setText(v)
        self._loading = was

    def _tint(self) -> None:
        """The rows that are one document typed several ways, tinted; the hint says what to do."""
        dup = {r.id for group in app.catalogue.duplicates(self.conn) for r in group}
        was, self._loading = self._loading, True
        for r, ref_id in enumerate(self.ids):
            for c in range(len(HEAD)):
                self.table.item(r, c).setBackground(QBrush(DUPLICATE) if ref_id in dup else QBrush())
        self._loading = was
        self.hint.setText(
            "Sửa trực tiếp trong bảng (F2 hoặc gõ vào ô, Tab sang ô kế tiếp, Ctrl+Z hoàn tác): mọi kế hoạch dùng "
            "căn cứ đó sẽ in theo chữ mới. "
            + (
                f"Các dòng tô vàng là cùng một văn bản ghi nhiều cách ({len(dup)} dòng): chọn chúng rồi bấm Gộp."
                if dup
                else "Không có căn cứ nào bị ghi trùng."
            )
        )

    def show_ref(self, ref: LegalRef) -> None:
        """A reference as now stored (after an edit, an undo or a redo), in its row, which stays where it is."""
        self.stored[ref.id] = ref
        if ref.id in self.ids:
            r = self.ids.index(ref.id)
            self._fill_row(r, ref)
            self.table.setCurrentCell(r, max(self.table.currentColumn(), 0))
        self._tint()

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() >= EDITABLE:
            return
        r = item.row()
        old = self.stored[self.ids[r]]
        cells = [self.table.item(r, c).text() for c in range(EDITABLE)]
        try:
            issued = parse_date(cells[2]) if cells[2].strip() else None
            new = app.catalogue.save_reference(self.conn, old.id, cells[0], cells[1], issued, cells[3], cells[4])
        except (UserError, ValueError) as e:
            self._fill_row(r, old)
            warn(
                self, f"Chưa lưu được căn cứ ở dòng {r + 1}, cột {HEAD[item.column()]}: {e}. Căn cứ này không thay đổi."
            )
            return
        self.show_ref(new)
        if new != old:
            self.undo.push(RefEdited(self, old, new))
            self.status.setText(f"Đã lưu căn cứ dòng {r + 1} — Ctrl+Z để hoàn tác")

    def merge_selected(self) -> int:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if len(rows) < 2:
            warn(self, "Hãy chọn ít nhất hai dòng (giữ Ctrl) là cùng một văn bản để gộp.")
            return 0
        keep, drop = self.ids[rows[0]], [self.ids[r] for r in rows[1:]]
        first = " ".join(self.table.item(rows[0], c).text() for c in (0, 1))
        if not ask(
            self,
            f"Gộp {len(drop)} dòng vào “{first}”? Các kế hoạch đang dùng chúng sẽ dùng dòng này. "
            "Việc gộp không hoàn tác được.",
        ):
            return 0
        n = app.catalogue.merge_references(self.conn, keep, drop)
        self.load()
        return n


class RefEdited(QUndoCommand):
    """A reference's wording changed in Danh mục căn cứ; undo writes back the wording it had."""

    def __init__(self, dialog: RefsDialog, old: LegalRef, new: LegalRef):
        super().__init__(f"sửa căn cứ “{new.number}”")
        self.conn, self.view, self.on_change = dialog.conn, dialog, dialog.on_change
        self.old, self.new = old, new
        self.first = True  # pushed after the save: the first redo has nothing to do

    def _put(self, ref: LegalRef) -> None:
        app.catalogue.save_reference(self.conn, ref.id, ref.kind, ref.number, ref.issued, ref.issuer, ref.summary)
        if isValid(self.view):
            self.view.show_ref(ref)
        if self.on_change:
            self.on_change()

    def redo(self):
        if self.first:
            self.first = False
            return
        self._put(self.new)

    def undo(self):
        self._put(self.old)
