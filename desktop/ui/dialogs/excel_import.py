"""Nhập từ Excel: what each workbook would add, skip and reject, row by row, shown before anything is written;
and the progress of a long read, which can be cancelled."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ...domain.forms import DEFAULTS, Forms
from ...domain.text import fold
from ...domain.vnformat import field_date, number

ROW_HEADERS = [
    "Tệp",
    "Ngày",
    "Khoa, phòng",
    "Nội dung",
    "Hình thức",
    "Nhiệm vụ",
    "Số lượng",
    "Người dự",
    "Người được truyền thông",
    "Kinh phí",
    "Minh chứng",
    "Ghi chú",
    "Đơn vị",
]
SHOWN = 5000  # rows listed per tab (the counts are always whole)


class ImportPreview(QDialog):
    """The files (sẽ thêm / đã có / bị từ chối per file), then the rows themselves in three tabs, filterable, with
    every column that will be stored. “Nhập N hoạt động” imports the files without a rejected row (a file is all
    or nothing); “Thêm các dòng hợp lệ” imports every valid row and first asks where to write the rejected rows
    (a workbook with their reason, for the departments): then `valid_only` is set and `rejected_file` named."""

    def __init__(
        self, results, parent=None, dept_names: dict[int, str] | None = None, task_names=None, forms: Forms = DEFAULTS
    ):
        super().__init__(parent)
        self.results = results
        self.forms = forms  # the unit's forms (the Hình thức column)
        self.depts = dept_names or {}
        self.tasks = task_names or {}
        self.valid_only = False
        self.rejected_file = None
        self.setWindowTitle("Nhập hoạt động từ Excel: xem trước")
        self.resize(1000, 600)
        lay = QVBoxLayout(self)
        ok = [r for r in results if r.ok]
        adds = sum(len(r.to_add) for r in ok)
        valid = sum(len(r.to_add) for r in results)
        rej = [(r, x) for r in results for x in r.rejected]
        summary = f"Sẽ thêm {number(adds)} hoạt động từ {len(ok)}/{len(results)} tệp."
        if len(ok) < len(results):
            summary += (
                " Tệp có dòng bị từ chối chưa được nhập. Bấm “Thêm các dòng hợp lệ” để thêm cả "
                f"{number(valid - adds)} dòng hợp lệ của các tệp đó và lưu {number(len(rej))} dòng bị từ chối "
                "(kèm lý do) vào một tệp Excel gửi lại khoa, phòng; hoặc sửa các dòng ở thẻ “Bị từ chối” trong "
                "Excel rồi nhập lại tệp."
            )
        self.summary = QLabel(summary, wordWrap=True)
        lay.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Tệp", "Dòng hợp lệ", "Đã có (bỏ qua)", "Bị từ chối"])
        self.tree.setColumnWidth(0, 420)
        self.tree.setRootIsDecorated(False)
        for r in results:
            node = QTreeWidgetItem([r.path.name, str(len(r.to_add)), str(r.duplicates), str(len(r.rejected))])
            node.setToolTip(0, "\n".join([str(r.path), *r.notes]))
            if not r.ok:
                node.setForeground(0, Qt.darkRed)
            self.tree.addTopLevelItem(node)
        self.tree.setMaximumHeight(min(40 + 24 * len(results), 150))
        lay.addWidget(self.tree)
        self.filter = QLineEdit(
            placeholderText="Lọc các dòng: gõ có dấu hoặc không dấu (tên tệp, ngày, nội dung, lý do…)"
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        lay.addWidget(self.filter)
        self.tabs = QTabWidget()
        self.to_add = self._rows_table([(r, a) for r in results for a in r.to_add])
        self.present = self._rows_table([(r, a) for r in results for a in getattr(r, "present", [])])
        # not `self.rejected`: that is QDialog's own signal
        self.rejected_table = QTableWidget(0, 4)
        self.rejected_table.setHorizontalHeaderLabels(["Tệp", "Trang", "Dòng", "Lý do"])
        for r, x in rej[:SHOWN]:
            self._append(self.rejected_table, [r.path.name, x.sheet, str(x.row), x.reason])
        self._finish(self.rejected_table, 3)
        present_count = sum(r.duplicates for r in results)
        for table, label, n in (
            (self.to_add, "Sẽ thêm", valid),
            (self.present, "Đã có", present_count),
            (self.rejected_table, "Bị từ chối", len(rej)),
        ):
            self.tabs.addTab(table, f"{label} ({number(n)})")
        if rej:
            self.tabs.setCurrentWidget(self.rejected_table)
        lay.addWidget(self.tabs, 1)
        notes = [f"{r.path.name}: {n}" for r in results for n in r.notes]
        if notes:
            lay.addWidget(QLabel("\n".join(notes), wordWrap=True))
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(f"Nhập {number(adds)} hoạt động", QDialogButtonBox.AcceptRole)
        self.import_button.setEnabled(adds > 0)
        self.valid_button = None
        if rej and valid:
            self.valid_button = buttons.addButton(
                f"Thêm các dòng hợp lệ ({number(valid)})", QDialogButtonBox.ActionRole
            )
            self.valid_button.setToolTip(
                "Thêm mọi dòng hợp lệ, kể cả của tệp có dòng bị từ chối; các dòng bị từ chối được lưu vào một tệp "
                "Excel (kèm lý do) để gửi lại khoa, phòng."
            )
            self.valid_button.clicked.connect(self._add_valid)
        buttons.addButton("Hủy", QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _add_valid(self) -> None:
        """Where the rejected rows go (asked first: cancelled, nothing happens); the window writes that workbook,
        then the valid rows."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        first = next(r for r in self.results if r.rejected)
        suggested = first.path.with_name(f"{first.path.stem} - dong bi tu choi.xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self, "Lưu các dòng bị từ chối để gửi lại khoa, phòng", str(suggested), "Excel (*.xlsx)"
        )
        if not path:
            return
        out = Path(path)
        self.rejected_file = out if out.suffix.lower() == ".xlsx" else out.with_suffix(".xlsx")
        self.valid_only = True
        self.accept()

    def _rows_table(self, rows) -> QTableWidget:
        t = QTableWidget(0, len(ROW_HEADERS))
        t.setHorizontalHeaderLabels(ROW_HEADERS)
        for r, a in rows[:SHOWN]:
            f = self.forms.form(a.form_code)
            self._append(
                t,
                [
                    r.path.name,
                    field_date(a.start) + (f" – {field_date(a.end)}" if a.end else ""),
                    self.depts.get(a.dept_id, a.source_dept),
                    a.title,
                    f.label,
                    self.tasks.get(a.task_id, "") if a.task_id is not None else "",
                    f"{number(a.quantity)} {a.unit_label or f.unit}",
                    number(a.participants) if a.participants is not None else "",
                    ", ".join(f"{group} {number(n)}" for group, n in a.reach.items()),  # by group, as written
                    number(a.cost) if a.cost else "",
                    a.evidence,
                    a.notes,
                    a.source_unit,
                ],
            )
            if not r.ok:  # imported only with “Thêm các dòng hợp lệ”
                cell = t.item(t.rowCount() - 1, 0)
                cell.setForeground(Qt.darkRed)
                cell.setToolTip("Tệp này có dòng bị từ chối: dòng này chỉ được thêm khi bấm “Thêm các dòng hợp lệ”.")
        self._finish(t, 3)
        return t

    @staticmethod
    def _append(t: QTableWidget, values: list[str]) -> None:
        r = t.rowCount()
        t.insertRow(r)
        for c, v in enumerate(values):
            t.setItem(r, c, QTableWidgetItem(v))

    @staticmethod
    def _finish(t: QTableWidget, stretch: int) -> None:
        t.setEditTriggers(QTableWidget.NoEditTriggers)
        t.verticalHeader().setVisible(False)
        t.setSortingEnabled(True)
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.Stretch)

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        for table in (self.to_add, self.present, self.rejected_table):
            for r in range(table.rowCount()):
                line = fold(" ".join(table.item(r, c).text() for c in range(table.columnCount())))
                table.setRowHidden(r, not all(w in line for w in words))

    def shown(self, table: QTableWidget) -> int:
        return sum(1 for r in range(table.rowCount()) if not table.isRowHidden(r))


class ReadProgress(QObject):
    """A long read's progress: a dialog counting the rows read, whose Hủy sets `cancelled` (the worker's
    progress callback then stops the read; nothing has been written)."""

    rows = Signal(int, int)

    def __init__(self, parent, files: int):
        super().__init__(parent)
        import threading

        self.cancelled = threading.Event()
        self.dialog = QProgressDialog(f"Đang đọc {files} tệp Excel…", "Hủy", 0, 0, parent)
        self.dialog.setWindowTitle("Nhập hoạt động từ Excel")
        self.dialog.setWindowModality(Qt.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.canceled.connect(self.cancelled.set)
        self.rows.connect(self._show)

    def callback(self, read: int, total: int) -> None:
        """On the worker: raises to stop the read once the clerk cancelled."""
        from ...domain.errors import UserError

        if self.cancelled.is_set():
            raise UserError("Đã hủy nhập từ Excel: chưa ghi gì vào sổ hoạt động.")
        self.rows.emit(read, total)

    def _show(self, read: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(min(read, total))
        self.dialog.setLabelText(f"Đã đọc {number(read)}/{number(total)} dòng…")

    def close(self) -> None:
        self.dialog.canceled.disconnect(self.cancelled.set)  # closing a QProgressDialog emits canceled
        self.dialog.close()
