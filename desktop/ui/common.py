"""Small pieces shared by the screens: messages, background jobs, output files."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRunnable, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QMessageBox,
    QScrollBar,
    QWidget,
)

from .. import log as applog
from ..domain.errors import UserError

TITLE = "Văn bản Y tế"


class FirstPaint(QObject):
    """Calls back once, when `widget` first paints (the moment it is on screen), with time.time()."""

    def __init__(self, widget: QWidget, callback):
        super().__init__(widget)
        self.at: float | None = None
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event):  # noqa: N802
        if self.at is None and event.type() == QEvent.Paint:
            self.at = time.time()
            self._callback(self.at)
        return False


class WheelGuard(QObject):
    """The mouse wheel never changes a value the clerk is not editing. Installed once on the application: a
    spin box, date box, combo box or slider takes the focus on a click or Tab, not on the wheel (StrongFocus
    instead of WheelFocus, set as each one is polished); the wheel over one without the focus scrolls the
    panel it sits in instead (a scrolling page once changed a target "12 tin, bài" into "12 hội nghị")."""

    @classmethod
    def install(cls) -> WheelGuard:
        """One per application (idempotent), installed while a window is open: like every application-wide
        Python filter, it must be gone before windows are deleted (their half-destroyed widgets' events
        would reach it and crash PySide), so the window removes it as it closes (uninstall)."""
        app = QCoreApplication.instance()
        found = app.findChild(cls)
        if found is None:
            found = cls(app)
        app.removeEventFilter(found)  # never twice in the list
        app.installEventFilter(found)
        return found

    @classmethod
    def uninstall(cls) -> None:
        app = QCoreApplication.instance()
        found = app.findChild(cls) if app else None
        if found is not None:
            app.removeEventFilter(found)

    def eventFilter(self, obj, event):  # noqa: N802
        kind = event.type()
        if kind == QEvent.Wheel:
            if _valued(obj) and not _focused(obj):
                _scroll_outer(obj, event)
                return True  # the value stays as it is
        elif kind == QEvent.Polish and _valued(obj) and obj.focusPolicy() == Qt.WheelFocus:
            obj.setFocusPolicy(Qt.StrongFocus)
        return False


def _valued(obj) -> bool:
    """A widget whose value the wheel changes (a scroll bar's value is only where the view is)."""
    return isinstance(obj, (QAbstractSpinBox, QComboBox, QAbstractSlider)) and not isinstance(obj, QScrollBar)


def _focused(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def _scroll_outer(widget: QWidget, event) -> None:
    """The wheel event given to the scroll areas around `widget`, innermost first, until one scrolls."""
    pos = event.position().toPoint()
    child, parent = widget, widget.parentWidget()
    while parent is not None and not child.isWindow():
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            local = QPointF(child.mapTo(parent, pos))
            ev = QWheelEvent(
                local,
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
            )
            ev.setAccepted(False)
            QApplication.sendEvent(parent, ev)
            if ev.isAccepted():
                return
        child, parent = parent, parent.parentWidget()


def warn(parent: QWidget | None, message: str, title: str = TITLE) -> None:
    QMessageBox.warning(parent, title, message)


def ask(parent: QWidget | None, message: str, title: str = TITLE) -> bool:
    return QMessageBox.question(parent, title, message) == QMessageBox.StandardButton.Yes


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """A function run on the thread pool; its result or its Vietnamese error comes back as a signal."""

    def __init__(self, fn, *args):
        super().__init__()
        self.fn, self.args = fn, args
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self):
        try:
            result = self.fn(*self.args)
        except UserError as e:
            applog.logger().info("job %s refused: %s", getattr(self.fn, "__name__", self.fn), e)
            self.signals.failed.emit(str(e))
        except Exception as e:  # noqa: BLE001 — logged with its traceback, shown to the user by the caller; never a crash
            applog.logger().exception("unexpected error in job %s", getattr(self.fn, "__name__", self.fn))
            where = applog.log_path()
            self.signals.failed.emit(
                f"Lỗi không mong đợi ({type(e).__name__}): {e}"
                + (f". Chi tiết được ghi trong {where}." if where else "")
            )
        else:
            self.signals.done.emit(result)


class Jobs(QObject):
    """Named background jobs; a job with the same name cannot be started twice."""

    changed = Signal(bool)  # busy or not

    def __init__(self, parent=None):
        super().__init__(parent)
        self._running: dict[str, Job] = {}

    def busy(self, name: str | None = None) -> bool:
        return bool(self._running) if name is None else name in self._running

    def start(self, name: str, fn, *args, done=None, failed=None) -> Job | None:
        if name in self._running:
            return None
        job = Job(fn, *args)
        self._running[name] = job
        collector = MainThreadGC.install()
        collector.hold()  # no cyclic collection in the worker thread while it runs

        def finish(_=None, n=name):
            if self._running.pop(n, None) is not None:
                collector.release()
            self.changed.emit(self.busy())

        if done:
            job.signals.done.connect(done)
        if failed:
            job.signals.failed.connect(failed)
        job.signals.done.connect(finish)
        job.signals.failed.connect(finish)
        QThreadPool.globalInstance().start(job)
        self.changed.emit(True)
        return job

    def wait(self, msecs: int = 60000) -> None:
        QThreadPool.globalInstance().waitForDone(msecs)


def free_name(path: Path) -> Path:
    """'Bao_cao.docx' -> 'Bao_cao (2).docx' … the first name not taken and not locked."""
    from ..files import lock_owner

    if not path.exists() and lock_owner(path) is None:
        return path
    n = 2
    while True:
        cand = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not cand.exists() and lock_owner(cand) is None:
            return cand
        n += 1


def open_path(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def print_file(path: Path) -> None:
    """Send a document to the default printer through the system."""
    if sys.platform == "win32":
        os.startfile(str(path), "print")  # noqa: S606 (Windows shell verb)
    else:
        import subprocess  # (imported here: start-up)

        subprocess.run(["lp", str(path)], check=True, capture_output=True, timeout=60)


class MainThreadGC(QObject):
    """While a background job runs, Python's cyclic garbage collector runs on the GUI thread only. Left
    automatic, it runs in whichever thread allocates, so an export's worker could collect a dead window's
    Qt wrappers and destroy Qt objects off the GUI thread: a crash (seen as a segmentation fault inside a
    worker's Jinja compile, "Garbage-collecting"). Jobs.start collects once on the GUI thread, turns
    automatic collection off, and a timer on the GUI thread collects each generation past its threshold
    (as pyqtgraph's GarbageCollector does) until the last job ends. Outside jobs collection is automatic:
    delaying it always made Qt's own item trees fragile (a crash clearing a QTreeWidget during undo)."""

    def __init__(self, parent: QObject, interval_ms: int = 500):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.holds = 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    @classmethod
    def install(cls) -> MainThreadGC:
        """One per application (idempotent)."""
        app = QCoreApplication.instance()
        found = app.findChild(cls)
        return found if found is not None else cls(app)

    def hold(self) -> None:
        """A job starts: collect now, here, then only from the GUI thread's timer."""
        if self.holds == 0:
            gc.collect()
            gc.disable()
            self.timer.start()
        self.holds += 1

    def release(self) -> None:
        """A job ended; the last one gives collection back to Python."""
        self.holds = max(0, self.holds - 1)
        if self.holds == 0:
            self.timer.stop()
            gc.enable()

    def check(self) -> None:
        c0, c1, c2 = gc.get_count()
        if c0 > self.threshold[0]:
            gc.collect(0)
            if c1 > self.threshold[1]:
                gc.collect(1)
                if c2 > self.threshold[2]:
                    gc.collect(2)
