"""Nhập từ Excel: what each workbook would add, skip and reject, shown before anything is written."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout)


class ImportPreview(QDialog):
    """One line per file (sẽ thêm / đã có / bị từ chối) with its rejected rows below it.
    Only files without a rejected row are imported: a file is all or nothing."""

    def __init__(self, results, parent=None):
        super().__init__(parent)
        self.results = results
        self.setWindowTitle("Nhập hoạt động từ Excel: xem trước")
        self.resize(900, 520)
        lay = QVBoxLayout(self)
        ok = [r for r in results if r.ok]
        adds = sum(len(r.to_add) for r in ok)
        summary = f"Sẽ thêm {adds} hoạt động từ {len(ok)}/{len(results)} tệp."
        if len(ok) < len(results):
            summary += (" Tệp có dòng bị từ chối sẽ không được nhập: hãy sửa các dòng nêu dưới đây trong Excel "
                        "rồi nhập lại tệp đó.")
        self.summary = QLabel(summary, wordWrap=True)
        lay.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Tệp / dòng", "Sẽ thêm", "Đã có (bỏ qua)", "Bị từ chối"])
        self.tree.setColumnWidth(0, 520)
        for r in results:
            node = QTreeWidgetItem([r.path.name, str(len(r.to_add) if r.ok else 0), str(r.duplicates),
                                    str(len(r.rejected))])
            if not r.ok:
                node.setForeground(0, Qt.darkRed)
            for note in r.notes:
                QTreeWidgetItem(node, [note])
            for rej in r.rejected[:500]:
                QTreeWidgetItem(node, [str(rej)])
            if len(r.rejected) > 500:
                QTreeWidgetItem(node, [f"… và {len(r.rejected) - 500} dòng khác"])
            self.tree.addTopLevelItem(node)
            node.setExpanded(not r.ok or bool(r.notes))
        lay.addWidget(self.tree, 1)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(f"Nhập {adds} hoạt động", QDialogButtonBox.AcceptRole)
        self.import_button.setEnabled(adds > 0)
        buttons.addButton("Hủy", QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
