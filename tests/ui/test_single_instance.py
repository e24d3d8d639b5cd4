"""The window holds its database's writer lock for its whole life (desktop.ui.main.main): a second
window or a writing command on the same data is refused; read-only commands still work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import log as applog
from desktop.lock import DbLock, lock_path
from desktop.ui import main as ui_main

ROOT = Path(__file__).resolve().parents[2]

HOLDER = """
import sys
from desktop.lock import DbLock
lock = DbLock(sys.argv[1]).acquire()
print("held", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def held(demo_copy):
    """Another process (a first window) holding demo_copy's lock."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(demo_copy)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "held"
    yield proc
    proc.stdin.close()
    proc.wait(timeout=30)
    proc.stdout.close()


@pytest.fixture
def dialogs(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    return shown


@pytest.fixture(autouse=True)
def detach_log():
    yield
    applog.shutdown()


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


def test_second_window_is_refused_with_a_message(qapp, demo_copy, held, dialogs, settings, monkeypatch):
    monkeypatch.setattr(ui_main, "MainWindow", lambda *a: pytest.fail("no window on locked data"))
    assert ui_main.main([], demo_copy) == 1
    [msg] = dialogs
    assert msg.startswith(f"Dữ liệu {demo_copy} đang được mở bởi một cửa sổ khác của ứng dụng")
    assert f"tiến trình {held.pid}" in msg and "Hãy dùng cửa sổ đó" in msg


@pytest.mark.slow
def test_window_holds_the_lock_for_its_life(qapp, demo_copy, tmp_path, dialogs, settings, monkeypatch):
    seen = {}
    xlsx = tmp_path / "x.xlsx"

    def fake_exec():
        win = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ui_main.MainWindow) and w.isVisible())
        seen["lock"] = lock_path(demo_copy).exists()
        seen["export"] = run("export", "--db", demo_copy, "--out", xlsx)
        seen["import"] = run("import", "--db", demo_copy, xlsx)
        with pytest.raises(Exception, match="đang được mở"):
            DbLock(demo_copy).acquire()
        win.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert ui_main.main([], demo_copy) == 0
    assert seen["lock"]
    assert seen["export"].returncode == 0, seen["export"].stderr  # reading works while the window is open
    assert seen["import"].returncode == 1 and "đang được mở" in seen["import"].stderr
    assert not lock_path(demo_copy).exists()  # released when the window is closed
    assert dialogs == []
    assert run("import", "--db", demo_copy, xlsx).returncode == 0


def test_lock_is_taken_before_the_first_run_wizard(qapp, tmp_path, dialogs, settings, monkeypatch):
    target = tmp_path / "moi" / "vanbanyte.db"
    during = []
    monkeypatch.setattr(ui_main, "first_run", lambda path: during.append(lock_path(path).exists()) or False)
    assert ui_main.main([], target) == 0
    assert during == [True]
    assert not target.exists() and not lock_path(target).exists()


def test_window_that_cannot_open_says_so_and_names_the_log(qapp, demo_copy, dialogs, settings, monkeypatch, tmp_path):
    monkeypatch.setenv("VANBANYTE_DATA_DIR", str(tmp_path / "data"))

    def broken(*a, **k):
        raise RuntimeError("không dựng được cửa sổ")

    monkeypatch.setattr(ui_main, "MainWindow", broken)
    assert ui_main.main([], demo_copy) == 1
    log_file = tmp_path / "data" / "logs" / "vanbanyte.log"
    assert dialogs == [
        f"Đã xảy ra lỗi không mong đợi: RuntimeError: không dựng được cửa sổ. Dữ liệu đã lưu "
        f"không bị ảnh hưởng. Chi tiết được ghi trong {log_file}."
    ]
    assert "Traceback" in log_file.read_text(encoding="utf-8")
    assert not lock_path(demo_copy).exists()
