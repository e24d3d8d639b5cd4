"""An unexpected error in the window: logged with its traceback, a short dialog naming the log, and
the window stays open (desktop.ui.errors)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QRunnable, QThreadPool, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import log as applog
from desktop.ui import errors


@pytest.fixture
def log_file(tmp_path):
    path = applog.setup(tmp_path / "logs", kind="gui")
    yield path
    applog.shutdown()


@pytest.fixture
def dialogs(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    return shown


@pytest.fixture
def reporter(qapp):
    r = errors.install(qapp)
    yield r
    r.uninstall()  # back to pytest-qt's own hook


def boom():
    raise ValueError("số liệu hỏng")


def _logged(log_file) -> int:
    """How many errors the log holds (one traceback each)."""
    return log_file.read_text(encoding="utf-8").count("Traceback")


def _run_queued(qtbot) -> None:
    """Runs what the event loop has queued so far: the reporter queues its dialog (a zero timer) when the
    error reaches the hook, so once a later zero timer fired, that dialog has been shown or refused."""
    fired = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=5000)


def test_error_in_a_menu_action_shows_a_dialog_and_the_window_stays(qtbot, window, log_file, dialogs, reporter):
    act = QAction("Hỏng", window, triggered=boom)
    window.menuBar().addAction(act)
    act.trigger()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=5000)
    assert dialogs == [
        f"Đã xảy ra lỗi không mong đợi: ValueError: số liệu hỏng. Dữ liệu đã lưu không bị ảnh "
        f"hưởng. Chi tiết được ghi trong {log_file}."
    ]
    assert window.isVisible()
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "in boom" in text and "ValueError: số liệu hỏng" in text
    # and the window still works
    window.tabs.setCurrentWidget(window.ledger_page)
    assert window.tabs.currentWidget() is window.ledger_page


def test_error_in_a_timer_and_in_worker_threads(qtbot, window, log_file, dialogs, reporter):
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=5000)

    def thread_fails():
        raise KeyError("luồng")

    t = threading.Thread(target=thread_fails, name="nền")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(dialogs) == 2, timeout=5000)
    assert "KeyError: 'luồng'" in dialogs[1]

    class Failing(QRunnable):
        def run(self):
            raise OSError("ổ đĩa")

    QThreadPool.globalInstance().start(Failing())
    qtbot.waitUntil(lambda: len(dialogs) == 3, timeout=5000)
    assert "OSError: ổ đĩa" in dialogs[2]
    assert window.isVisible()
    text = log_file.read_text(encoding="utf-8")
    assert "thread nền" in text and text.count("Traceback") == 3


def test_error_while_the_dialog_is_open_is_logged_not_stacked(qtbot, window, log_file, monkeypatch, reporter):
    shown = []

    def critical(parent, title, text, *a, **k):
        shown.append(text)
        if len(shown) == 1:  # a second error arrives while the first dialog's loop runs
            QTimer.singleShot(0, lambda: (_ for _ in ()).throw(RuntimeError("trong hộp thoại")))
            for _ in range(5):
                QApplication.processEvents()
        return QMessageBox.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    qtbot.waitUntil(lambda: _logged(log_file) == 2, timeout=5000)  # the error raised in the dialog arrived
    _run_queued(qtbot)  # a dialog it queued would have shown by now
    assert len(shown) == 1
    assert "RuntimeError: trong hộp thoại" in log_file.read_text(encoding="utf-8")
    # the same error again right away is not shown twice; a new one is
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: _logged(log_file) == 3, timeout=5000)
    _run_queued(qtbot)
    assert len(shown) == 1
    QTimer.singleShot(0, lambda: (_ for _ in ()).throw(TypeError("khác")))
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)


def test_background_job_failure_names_the_log(qtbot, window, log_file, dialogs):
    failures = []

    def job():
        raise RuntimeError("xuất hỏng")

    window.jobs.start("test", job, failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures == [f"Lỗi không mong đợi (RuntimeError): xuất hỏng. Chi tiết được ghi trong {log_file}."]
    assert "in job" in log_file.read_text(encoding="utf-8")


def test_without_a_log_the_dialog_still_shows(qtbot, dialogs, reporter, tmp_path):
    applog.shutdown()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    applog.setup(blocker / "logs")
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=5000)
    assert dialogs == ["Đã xảy ra lỗi không mong đợi: ValueError: số liệu hỏng. Dữ liệu đã lưu không bị ảnh hưởng."]
    applog.shutdown()


def test_the_cyclic_collector_runs_on_the_gui_thread_only_while_a_job_runs(window, qtbot):
    """While a background job runs, automatic collection is off and the GUI thread's timer collects, so a
    worker never destroys Qt objects while collecting garbage; after the job it is automatic again."""
    import gc
    import threading

    gate, threads = threading.Event(), []

    def job():  # allocates cycles in the worker, enough to pass the first generation's threshold
        for _ in range(5000):
            a = []
            a.append(a)
        gate.wait(10)
        return True

    assert gc.isenabled()
    gc.callbacks.append(cb := lambda phase, info: threads.append(threading.current_thread()))
    try:
        window.jobs.start("gc-test", job)
        assert not gc.isenabled()
        qtbot.waitUntil(lambda: bool(threads), timeout=5000)  # the timer collected
        gate.set()
        qtbot.waitUntil(lambda: not window.jobs.busy("gc-test"), timeout=5000)
    finally:
        gc.callbacks.remove(cb)
    assert set(threads) == {threading.main_thread()}
    assert gc.isenabled()


def test_in_a_self_test_an_error_ends_the_test_instead_of_a_dialog(qapp, tmp_path, monkeypatch):
    """The frozen self-test once waited forever on this dialog (a module the bundle lacked): with a
    result file set, the error is written there as RESULT=FAIL and the application asked to quit."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.ui import errors

    def never(*a, **k):
        raise AssertionError("a dialog was shown during a self-test")

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(never))
    quit_codes = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: quit_codes.append(code)))
    reporter = errors.ErrorReporter()
    reporter.self_test = tmp_path / "r.txt"
    reporter._show("ModuleNotFoundError: No module named 'desktop.ui.pages'")
    text = (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert text.startswith("RESULT=FAIL\n") and "desktop.ui.pages" in text
    assert quit_codes == [1]
