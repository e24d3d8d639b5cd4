"""Báo cáo › Kết quả chỉ tiêu tỷ lệ, độ bao phủ (issue 24): the rate and reach targets the period shown judges or
shows progress towards, where the clerk types the value reached ("98,8", "247/250", "47.111") and the reason.
Each cell is saved when its edit ends (app.targets.record_result), as one step of the window's undo stack, and
the report's draft is compiled again (`changed`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ... import app
from ...domain.errors import UserError
from ...domain.forms import DEFAULTS
from ...domain.models import TargetResult
from ...domain.periods import period_phrase, period_range
from ...domain.target_kinds import RATE, target_text
from ...domain.vnformat import number
from ..common import warn

HEAD = ("Nhiệm vụ, chỉ tiêu", "Kỳ", "Đạt được", "Lý do (nếu chưa đạt)")
TARGET, PERIOD, VALUE, NOTE = range(4)


def typed_text(kind: str, r: TargetResult | None) -> str:
    """A recorded value as the clerk types it: '247/250', '98,8%', '47.111' ('' for none)."""
    if r is None:
        return ""
    if kind == RATE:
        if r.numerator is not None and r.denominator:
            return f"{r.numerator}/{r.denominator}"
        return f"{number(round(r.value, 1))}%"
    return number(int(r.value))


class TargetResults(QWidget):
    """Hidden when the period shown has no rate or reach target."""

    changed = Signal()  # a value saved, undone or redone: the report's draft compiled again

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.conn = None
        self.plan_id: int | None = None
        self.rows: list = []  # app.targets.PeriodTarget of each row
        self._loading = False
        self._own_undo = QUndoStack(self)  # without a window's stack (a test's widget alone)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(
            "<b>Kết quả chỉ tiêu tỷ lệ, độ bao phủ</b> (gõ kết quả đạt được: 98,8 hoặc 247/250; 47.111)"
        )
        lay.addWidget(self.title)
        self.table = QTableWidget(0, len(HEAD))
        self.table.setHorizontalHeaderLabels(HEAD)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(TARGET, QHeaderView.Stretch)
        for col, width in ((PERIOD, 130), (VALUE, 110), (NOTE, 220)):
            h.setSectionResizeMode(col, QHeaderView.Interactive)
            h.resizeSection(col, width)
        self.table.setFixedHeight(112)
        self.table.itemChanged.connect(self._edited)
        lay.addWidget(self.table)
        self.hide()

    def undo_stack(self) -> QUndoStack:
        return getattr(self.window(), "undo", None) or self._own_undo

    def show_for(self, conn, plan_id: int | None, start, end) -> None:
        """The rate and reach targets of the report of [start, end], with what is recorded for them."""
        self.conn, self.plan_id = conn, plan_id
        self.rows = [] if plan_id is None else app.targets.period_targets(conn, plan_id, start, end)
        self._loading = True
        current = (self.table.currentRow(), self.table.currentColumn())
        self.table.setRowCount(0)
        for pt in self.rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            t = pt.row.target
            what = f"{pt.row.task_label} {target_text(t, DEFAULTS)}".strip()
            when = period_phrase(*period_range(pt.period, pt.year))
            note = pt.result.note if pt.result else ""
            cells = (what, when[:1].upper() + when[1:], typed_text(t.kind, pt.result), note)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (TARGET, PERIOD):
                    item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
                    item.setToolTip(f"{pt.row.task_label} {pt.row.task_text}".strip() if c == TARGET else text)
                self.table.setItem(r, c, item)
        if 0 <= current[0] < self.table.rowCount():
            self.table.setCurrentCell(*current)
        self._loading = False
        self.setVisible(bool(self.rows))

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() not in (VALUE, NOTE) or self.conn is None:
            return
        r = item.row()
        pt = self.rows[r]
        t = pt.row.target
        value, note = self.table.item(r, VALUE).text(), self.table.item(r, NOTE).text()
        old = (typed_text(t.kind, pt.result), pt.result.note if pt.result else "")
        where = f"Dòng {r + 1} ({pt.row.task_label} {target_text(t, DEFAULTS)})".replace(" )", ")")
        if not value.strip() and note.strip():
            self._put_back(r, old)
            warn(
                self, f"{where}: hãy gõ kết quả đạt được trước khi ghi lý do. Kết quả của chỉ tiêu này không thay đổi."
            )
            return
        try:
            saved = app.targets.record_result(self.conn, self.plan_id, t.id, pt.period, value, note)
        except UserError as e:
            self._put_back(r, old)
            warn(self, f"{where}: {e}", "Chưa ghi được kết quả chỉ tiêu")
            return
        pt.result = saved if value.strip() else None
        new = (typed_text(t.kind, pt.result), pt.result.note if pt.result else "")
        self._put_back(r, new)
        if new != old:
            self.undo_stack().push(ResultEdited(self, self.plan_id, t.id, pt.period, old, new, where))
            self.changed_later()

    def _put_back(self, r: int, texts: tuple[str, str]) -> None:
        was, self._loading = self._loading, True
        self.table.item(r, VALUE).setText(texts[0])
        self.table.item(r, NOTE).setText(texts[1])
        self._loading = was

    def changed_later(self) -> None:
        """`changed` once the cell's edit is over: the draft's compile refills this table, never inside its own
        signal."""
        QTimer.singleShot(0, self, self.changed.emit)


class ResultEdited(QUndoCommand):
    """A value (or reason) of a rate or reach target recorded; undo writes back what was recorded before."""

    def __init__(self, view: TargetResults, plan_id, target_id, period, old, new, where: str):
        super().__init__(f"ghi kết quả chỉ tiêu {where[0].lower()}{where[1:]}")
        self.view, self.conn = view, view.conn
        self.plan_id, self.target_id, self.period = plan_id, target_id, period
        self.old, self.new = old, new
        self.first = True  # pushed after the save: the first redo has nothing to do

    def _put(self, texts: tuple[str, str]) -> None:
        app.targets.record_result(self.conn, self.plan_id, self.target_id, self.period, texts[0], texts[1])
        if isValid(self.view):
            self.view.changed_later()

    def redo(self):
        if self.first:
            self.first = False
            return
        self._put(self.new)

    def undo(self):
        self._put(self.old)
