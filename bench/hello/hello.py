"""The baseline of bench/frozen_start.py: the smallest PySide6 window, built the same way as the
app (onedir, windowed, the same exclusions). `hello RESULT_FILE` shows the window, writes
shown_at=<epoch seconds> at the first turn of the event loop (as the app's --self-test does),
and quits."""
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def finish(app, out):
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"shown_at={time.time():.3f}\nRESULT=OK\n")
    app.quit()


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    win = QMainWindow()
    win.setWindowTitle("Hello")
    win.setCentralWidget(QLabel("Hello from PySide6"))
    win.show()
    QTimer.singleShot(0, lambda: finish(app, sys.argv[1]))
    sys.exit(app.exec())
