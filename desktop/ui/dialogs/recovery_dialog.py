"""The database is damaged (app.opening.Damaged at start-up): before anything else, the clerk chooses to restore a
good backup (listed with its date and activity count, the newest first and selected) or to salvage what can
still be read into a new file. Either way the damaged file is renamed aside and kept, never overwritten."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...app import safety
from ...app.opening import Damaged
from ...domain.errors import UserError
from ...files import one_line
from ..common import TITLE
from .backups_dialog import size_text, when_text


class RecoveryDialog(QDialog):
    COLUMNS = ["Ngày giờ", "Lý do", "Số hoạt động", "Dung lượng"]

    def __init__(self, damaged: Damaged, parent=None):
        super().__init__(parent)
        self.damaged = damaged
        self.db_path = Path(damaged.path)
        self.outcome = ""  # what was done, for the clerk
        self.setWindowTitle("Dữ liệu bị hỏng")
        self.resize(760, 440)
        lay = QVBoxLayout(self)
        lay.addWidget(
            QLabel(
                f"Tệp dữ liệu {one_line(self.db_path)} bị hỏng (SQLite báo: {one_line(damaged.problem)[:160]}). "
                "Ứng dụng chưa ghi gì vào tệp này. Hãy khôi phục một bản sao lưu tốt, hoặc cứu phần còn đọc được "
                "sang một tệp mới. Tệp hỏng được đổi tên và giữ lại bên cạnh, không bị xoá.",
                wordWrap=True,
            )
        )
        self.entries = safety.good_backups(self.db_path)
        self.table = QTableWidget(len(self.entries), len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        for r, b in enumerate(self.entries):
            for c, text in enumerate((when_text(b), b.label, str(b.activities), size_text(b.size))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if self.entries:
            self.table.selectRow(0)
        lay.addWidget(self.table)
        note = "" if self.entries else "Không có bản sao lưu tốt nào của tệp dữ liệu này."
        if not self.entries and damaged.empty:
            note = (
                "Tệp dữ liệu rỗng (0 byte) và không có bản sao lưu tốt nào: không còn gì để khôi phục hay cứu. "
                "Có thể bắt đầu lại với dữ liệu mới (nhập thông tin đơn vị như lần đầu); tệp rỗng được đổi tên và "
                "giữ lại bên cạnh."
            )
        self.note = QLabel(note, wordWrap=True)
        lay.addWidget(self.note)
        row = QHBoxLayout()
        self.restore_button = QPushButton("Khôi phục bản sao lưu đã chọn", clicked=self.restore_selected)
        self.restore_button.setEnabled(bool(self.entries))
        self.salvage_button = QPushButton("Cứu dữ liệu sang tệp mới", clicked=self.salvage)
        self.salvage_button.setEnabled(not damaged.empty)  # an empty file has nothing to salvage
        # no good backup: the damaged file can be set aside and the app started afresh (the first-run wizard)
        self.start_button = QPushButton("Bắt đầu lại với dữ liệu mới", clicked=self.start_over)
        self.start_button.setVisible(not self.entries)
        self.quit_button = QPushButton("Thoát", clicked=self.reject)
        for b in (self.restore_button, self.salvage_button, self.start_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.quit_button)
        lay.addLayout(row)
        default = self.restore_button if self.entries else self.salvage_button
        (self.start_button if not self.entries and damaged.empty else default).setDefault(True)

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def restore_selected(self) -> bool:
        b = self.selected()
        if b is None:
            return False
        try:
            done = safety.restore(self.db_path, b.path)
        except UserError as e:
            self.note.setText(str(e))
            return False
        self.outcome = (
            f"Đã khôi phục dữ liệu từ bản sao lưu {when_text(b)} ({b.activities} hoạt động). "
            f"Tệp hỏng được giữ lại: {one_line(done.aside)}."
        )
        self.accept()
        return True

    def salvage(self) -> bool:
        try:
            saved, aside = safety.salvage_in_place(self.db_path)
        except UserError as e:
            self.note.setText(str(e))
            return False
        lost = sum(saved.lost.values())
        self.outcome = (
            f"Đã cứu {saved.activities} hoạt động sang tệp dữ liệu mới"
            + (f" ({lost} chỗ hỏng không đọc được đã bỏ qua)" if lost else "")
            + f". Tệp hỏng được giữ lại: {one_line(aside)}."
        )
        self.accept()
        return True

    def start_over(self) -> bool:
        try:
            aside = safety.set_aside(self.db_path)
        except UserError as e:
            self.note.setText(str(e))
            return False
        self.outcome = (
            f"Tệp dữ liệu cũ được đổi tên và giữ lại: {one_line(aside)}. Hãy nhập thông tin đơn vị để bắt đầu "
            "lại với dữ liệu mới."
        )
        self.accept()
        return True


def recover(damaged: Damaged, parent=None) -> bool:
    """The recovery dialog for a damaged database; True when it can now be opened."""
    dlg = RecoveryDialog(damaged, parent)
    if dlg.exec() != QDialog.Accepted:
        return False
    QMessageBox.information(parent, TITLE, dlg.outcome)
    return True
