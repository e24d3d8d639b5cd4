"""Xem trước: the document as it will read, before a file is written."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout


class PreviewDialog(QDialog):
    export_requested = Signal(bool)  # pdf

    def __init__(self, html: str, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 1000)
        lay = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setHtml(html)
        lay.addWidget(self.browser, 1)
        row = QHBoxLayout()
        row.addStretch()
        for text, pdf in (("Xuất Word", False), ("Xuất PDF", True)):
            b = QPushButton(text)
            b.clicked.connect(lambda _=False, p=pdf: (self.export_requested.emit(p), self.accept()))
            row.addWidget(b)
        close = QPushButton("Đóng")
        close.clicked.connect(self.reject)
        row.addWidget(close)
        lay.addLayout(row)
