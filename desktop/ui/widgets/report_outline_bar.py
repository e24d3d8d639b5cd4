"""Báo cáo screen: the superior's outline the plan's reports follow ("Theo đề cương của cấp trên…"), and the
evaluation the clerk wrote in an earlier period, offered for a part left blank."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from ...app import report_outline as outlines
from ...domain.errors import UserError
from ...domain.vnformat import number


class OutlineBar(QWidget):
    """The outline kept with the plan: choose a file (.docx, .pdf, .txt) or go back to the app's own parts."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.conn = None
        self.plan_id: int | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.choose = QPushButton(
            "Theo đề cương của cấp trên…",
            toolTip="Chọn đề cương báo cáo của cấp trên (.docx, .pdf, .txt): báo cáo theo đúng các đề mục và thứ tự"
            " của nó; mục nào phần mềm có số liệu thì điền sẵn, mục khác để dòng chấm.",
        )
        self.choose.clicked.connect(self.choose_file)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.clear = QPushButton("Bỏ đề cương", toolTip="Báo cáo trở lại các phần I–V của phần mềm")
        self.clear.clicked.connect(self.clear_outline)
        lay.addWidget(self.choose)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.clear)

    def set_plan(self, conn, plan_id: int | None) -> None:
        self.conn, self.plan_id = conn, plan_id
        self._show()

    def _show(self) -> None:
        kept = outlines.plan_outline(self.conn, self.plan_id) if self.plan_id is not None else None
        self.clear.setVisible(kept is not None)
        self.label.setText(f"Báo cáo theo đề cương: {kept[0]}" if kept else "")

    def choose_file(self) -> None:
        if self.plan_id is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, "Đề cương báo cáo của cấp trên", "", "Văn bản (*.docx *.pdf *.txt);;Tất cả (*)"
        )
        if not path:
            return
        try:
            heads = outlines.set_outline(self.conn, self.plan_id, path)
        except UserError as e:
            from ..common import warn

            warn(self, str(e), "Không dùng được đề cương")
            return
        self._show()
        self.label.setText(f"{self.label.text()} ({number(len(heads))} đề mục)")
        self.changed.emit()

    def clear_outline(self) -> None:
        if self.plan_id is None:
            return
        outlines.clear_outline(self.conn, self.plan_id)
        self._show()
        self.changed.emit()


class EarlierOffer(QWidget):
    """For an evaluation part left blank: what the clerk wrote for it in an earlier period, and a button that
    takes it (the text is then the clerk's, saved as any edit)."""

    taken = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.button = QPushButton("Dùng nội dung kỳ trước")
        self.button.clicked.connect(self._take)
        lay.addWidget(self.note, 1)
        lay.addWidget(self.button)
        self.text = ""
        self.setVisible(False)

    def _take(self) -> None:
        self.setVisible(False)
        self.taken.emit(self.text)

    def show_for(self, key: str, blank: bool, offers: dict[str, tuple[str, str]]) -> str:
        """Shown when the part `key` is blank and an earlier period has its text; returns that text ('' if none)."""
        period, text = offers.get(key, ("", "")) if blank else ("", "")
        self.text = text
        self.note.setText(f"Nội dung đã viết ở kỳ {period} (chữ mờ trong ô); bấm để dùng lại." if text else "")
        self.setVisible(bool(text))
        return text
