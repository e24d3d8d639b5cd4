"""Unexpected errors in the window: logged with their traceback, shown as a short message naming
the log, and the app keeps running (sys.excepthook and threading.excepthook)."""

from __future__ import annotations

import sys
import threading
import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import log as applog
from ..domain.text import one_line as text_line
from .common import TITLE


def one_line(exc: BaseException) -> str:
    """An exception as one line of a message: its kind and the first line of its text (made one line by
    the one reader of one-line text, `domain.text.one_line`), at most 200 characters."""
    text = text_line(next((ln for ln in str(exc).splitlines() if ln.strip()), "")).rstrip(".")
    text = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def message(line: str) -> str:
    where = applog.log_path()
    tail = f" Chi tiết được ghi trong {where}." if where else ""
    return f"Đã xảy ra lỗi không mong đợi: {line}. Dữ liệu đã lưu không bị ảnh hưởng.{tail}"


class ErrorReporter(QObject):
    """Hooks for uncaught exceptions. Any thread may report; the dialog is shown on the GUI thread,
    after the failing code has unwound (queued), one at a time: errors raised while it is shown
    are logged only, and the same error repeated within a few seconds is not shown again."""

    shown = Signal(str)  # the message, after the dialog closed (tests)
    _report = Signal(str)
    REPEAT_SECONDS = 3.0

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._showing = False
        self._last: tuple[str, float] | None = None
        self.self_test = None  # a --self-test result file: an error ends the test there, never a dialog
        self._prev_hook = None
        self._prev_thread_hook = None
        # on the GUI thread (queued from a worker), then once more queued so the failing code has
        # unwound first; a timer rather than Qt.QueuedConnection: importing Qt's namespace costs
        # ~40 ms of start-up (PySide6 builds every enum of it)
        self._report.connect(lambda line: QTimer.singleShot(0, lambda: self._show(line)))

    # ------------------------------------------------------------ hooks
    def excepthook(self, etype, value, tb) -> None:
        if issubclass(etype, KeyboardInterrupt):
            QApplication.quit()
            return
        self._handle(etype, value, tb, threading.current_thread().name)

    def thread_excepthook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self._handle(args.exc_type, args.exc_value, args.exc_traceback, args.thread.name if args.thread else "?")

    def _handle(self, etype, value, tb, where: str) -> None:
        try:
            applog.logger().error("unexpected error (thread %s)", where, exc_info=(etype, value, tb))
            self._report.emit(one_line(value if value is not None else etype()))
        except Exception:  # noqa: BLE001 — a hook must never raise
            pass

    # ------------------------------------------------------------ dialog
    def _show(self, line: str) -> None:
        now = time.monotonic()
        if self._showing or (self._last and self._last[0] == line and now - self._last[1] < self.REPEAT_SECONDS):
            return
        self._showing = True
        text = message(line)
        if self.self_test is not None:  # nobody to click: RESULT=FAIL with the reason, and quit
            from .selftest import fail

            fail(self.self_test, line)
            QApplication.exit(1)
            self.shown.emit(text)
            return
        try:
            QMessageBox.critical(QApplication.activeWindow(), TITLE, text)
        except Exception:  # noqa: BLE001
            applog.logger().exception("could not show the error dialog")
        finally:
            self._showing = False
            self._last = (line, time.monotonic())
        self.shown.emit(text)

    # ------------------------------------------------------------ install
    def install(self) -> ErrorReporter:
        self._prev_hook, self._prev_thread_hook = sys.excepthook, threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook and self._prev_hook is not None:
            sys.excepthook = self._prev_hook
        if threading.excepthook == self.thread_excepthook and self._prev_thread_hook is not None:
            threading.excepthook = self._prev_thread_hook


def install(parent: QObject | None = None) -> ErrorReporter:
    """Hooks on for the app's life (parent: the QApplication)."""
    return ErrorReporter(parent).install()
