"""The baseline of bench/frozen_start.py: the smallest PySide6 window, built the same way as the
app (onedir, windowed, the same exclusions). `hello RESULT_FILE` shows the window, writes
shown_at=<epoch seconds of its first paint> (as the app's --self-test does), and quits."""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    at = None

    def eventFilter(self, _obj, event):  # noqa: N802
        if self.at is None and event.type() == QEvent.Paint:
            self.at = time.time()
        return False


def finish(app, painted, out):
    if painted.at is None:
        QTimer.singleShot(10, lambda: finish(app, painted, out))
        return
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"shown_at={painted.at:.3f}\nRESULT=OK\n")
    app.quit()


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    win = QMainWindow()
    win.setWindowTitle("Hello")
    win.setCentralWidget(QLabel("Hello from PySide6"))
    painted = FirstPaint(win)
    win.installEventFilter(painted)
    win.show()
    QTimer.singleShot(0, lambda: finish(app, painted, sys.argv[1]))
    sys.exit(app.exec())
