"""Xem trước: the document as it will read, before a file is written."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout


class PreviewDialog(QDialog):
    export_requested = Signal(bool)  # pdf

    def __init__(self, html: str, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._fit_screen()
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

    def _fit_screen(self) -> None:
        """900 × 1000 at most, never more than the screen's free area (1366 × 768, or 1920 × 1080 at 150 %: 1280
        × 720) less room for the title bar and the taskbar: the buttons stay on the screen; the page scrolls."""
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry()
        self.resize(min(900, avail.width() - 40), min(1000, avail.height() - 60))
