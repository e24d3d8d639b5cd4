import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    return QSettings(str(tmp_path / "settings" / "test.ini"), QSettings.IniFormat)


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """Any message box a test did not patch answers at once instead of waiting for a click."""
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.Ok))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: QMessageBox.Ok))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)


@pytest.fixture
def window(qtbot, demo_copy, settings):
    from desktop.ui.main import MainWindow

    w = MainWindow(demo_copy, settings)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w
    w.jobs.wait()


def type_text(widget, text: str) -> None:
    """Type any text, Vietnamese letters included, as key events (QTest.keyClicks takes ASCII only)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


@pytest.fixture
def typer():
    return type_text


@pytest.fixture(autouse=True)
def no_window_outlives_its_test():
    """A deferred window a test made but never painted would fill in during a later test's event processing
    (on a database that is gone) and wait there on its error dialog: each is retired when its test ends."""
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    for w in app.topLevelWidgets() if app else []:
        # by class name along the MRO: a test may have replaced desktop.ui.main.MainWindow by a stand-in
        if any(c.__name__ == "MainWindow" for c in type(w).__mro__) and not getattr(w, "ready", True):
            w.ready = True  # never builds now
            w.hide()
            w.deleteLater()


@pytest.fixture(autouse=True)
def closed_windows_deleted_at_once(qapp):
    """What a test closed is deleted by Qt when the test ends, children first, while every Python wrapper is
    whole. Left for later, a window closed by pytest-qt is deleted in the next test's event loop or by Python's
    collector from inside a collection (during a background job, see ui/common.MainThreadGC): its layouts then
    send ChildRemoved through event filters whose Python side is half gone, a segmentation fault in
    QCoreApplicationPrivate::sendThroughObjectEventFilters with PySide6 6.10 and 6.11."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    for w in qapp.topLevelWidgets():
        if not w.isVisible():
            w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()
