"""Tệp › Sao lưu và khôi phục: the backups of this database, newest first; back up now, restore one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...app import backups
from ...domain.errors import UserError
from ...domain.vnformat import number
from ..common import ask, open_path, warn

KEEP_KEY = "backup/keep"


def keep_count(settings: QSettings) -> int:
    """How many automatic backups to keep (setting "backup/keep", default 10)."""
    try:
        n = int(settings.value(KEEP_KEY, backups.DEFAULT_KEEP))
    except (TypeError, ValueError):
        n = backups.DEFAULT_KEEP
    return max(1, min(n, 999))


def when_text(b: backups.Backup) -> str:
    return b.created.strftime("%H:%M:%S ngày %d/%m/%Y")


def size_text(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{number(round(n / 1024 / 1024, 1))} MB"
    return f"{number(max(1, round(n / 1024)))} KB"


class BackupsDialog(QDialog):
    """`backup_now()` and `restore(path)` are the window's (window.backups.now and .restore): they flush the
    pages, write, and reload; each returns the message for the clerk and raises UserError when refused."""

    COLUMNS = ["Ngày giờ", "Lý do", "Số hoạt động", "Dung lượng"]

    def __init__(self, db_path: Path, settings: QSettings, backup_now, restore, parent=None):
        super().__init__(parent)
        self.db_path, self.settings = Path(db_path), settings
        self._backup_now, self._restore = backup_now, restore
        self.entries: list[backups.Backup] = []
        self.setWindowTitle("Sao lưu và khôi phục")
        self.resize(760, 460)
        lay = QVBoxLayout(self)
        lay.addWidget(
            QLabel(
                f"Các bản sao lưu được lưu trong thư mục {backups.folder(self.db_path)}: tự động mỗi lần mở phần mềm "
                "và mỗi ngày làm việc. Bản “Sao lưu ngay” và bản “trước khi khôi phục” được giữ riêng.",
                wordWrap=True,
            )
        )
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        lay.addWidget(self.table, 1)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel("Số bản sao lưu tự động giữ lại:"))
        self.keep = QSpinBox(minimum=1, maximum=999)
        self.keep.setValue(keep_count(settings))
        self.keep.setToolTip("Bản cũ hơn sẽ được xóa ở lần sao lưu tự động sau.")
        self.keep.valueChanged.connect(lambda n: self.settings.setValue(KEEP_KEY, n))
        keep_row.addWidget(self.keep)
        keep_row.addStretch()
        lay.addLayout(keep_row)
        self.message = QLabel(wordWrap=True)
        lay.addWidget(self.message)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton("Sao lưu ngay")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton("Khôi phục bản đã chọn")
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = QPushButton("Mở thư mục sao lưu")
        self.folder_button.clicked.connect(self.open_folder)
        close = QPushButton("Đóng")
        close.clicked.connect(self.accept)
        for b in (self.backup_button, self.restore_button, self.folder_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.reload()

    # ---------------------------------------------------------------- list
    def reload(self) -> None:
        self.entries = backups.list_backups(self.db_path)
        self.table.setRowCount(0)
        for b in self.entries:
            r = self.table.rowCount()
            self.table.insertRow(r)
            count = number(b.activities) if b.readable else f"không đọc được ({b.problem})"
            for col, text in enumerate((when_text(b), b.label, count, size_text(b.size))):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if not b.readable:
                    item.setForeground(Qt.darkRed)
                self.table.setItem(r, col, item)
        if self.entries:
            self.table.selectRow(0)
        else:
            self.message.setText("Chưa có bản sao lưu nào.")
        self._selection_changed()

    def selected(self) -> backups.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # ---------------------------------------------------------------- actions
    def backup_now(self) -> None:
        try:
            self.message.setText(self._backup_now())
        except UserError as e:
            self.message.setText(str(e))
            warn(self, str(e), "Không sao lưu được")
        self.reload()

    def restore_selected(self) -> bool:
        b = self.selected()
        if b is None:
            return False
        try:
            backups.inspect(b.path)
        except UserError as e:
            warn(self, str(e), "Không khôi phục được")
            return False
        if not ask(
            self,
            f"Khôi phục dữ liệu về bản sao lưu lúc {when_text(b)} ({number(b.activities)} hoạt động)?\n\n"
            "Dữ liệu hiện tại sẽ được sao lưu trước (bản “trước khi khôi phục”), nên vẫn có thể quay lại.",
            "Khôi phục dữ liệu",
        ):
            return False
        try:
            self.message.setText(self._restore(b.path))
        except UserError as e:
            self.message.setText(str(e))
            warn(self, str(e), "Không khôi phục được")
            self.reload()
            return False
        self.reload()
        return True

    def open_folder(self) -> None:
        where = backups.folder(self.db_path)
        try:
            where.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        open_path(where)
