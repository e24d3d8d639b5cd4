"""--self-test: the support check the packaging smoke test runs on the frozen app. It runs the
window's real event loop, so it runs in a process of its own (QApplication.exec() cannot be
run again inside the test process)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_self_test_opens_the_window_visits_every_screen_and_quits(demo_db, tmp_path):
    folder = tmp_path / "Tài liệu Kế hoạch"
    folder.mkdir()
    db = folder / "dữ liệu.db"
    shutil.copy(demo_db, db)
    result = folder / "kiểm tra.txt"
    p = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db), "--self-test", str(result)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    facts = dict(line.split("=", 1) for line in result.read_text(encoding="utf-8").splitlines())
    assert facts["RESULT"] == "OK"
    assert facts["activities"] == "150" and facts["window_visible"].startswith("True")
    assert facts["tabs"] == "Tổng quan|Đơn vị|Kế hoạch|Hoạt động|Báo cáo"
    assert facts["qt_buttons"] == "&Có|&Không|Hủy"  # Qt's own strings in Vietnamese (ui/qt_vi.py)
    # the window painted ("Đang mở dữ liệu…") before its screens filled in, never after
    assert float(facts["shown_at"]) <= float(facts["ready_at"])
    assert result.with_suffix(".png").stat().st_size > 1000


def test_window_paints_first_then_fills_in(qtbot, demo_copy, settings, monkeypatch):
    from desktop.ui.common import FirstPaint
    from desktop.ui.main import MainWindow

    order = []
    build = MainWindow._build
    monkeypatch.setattr(MainWindow, "_build", lambda self: order.append("build") or build(self))
    w = MainWindow(demo_copy, settings, deferred=True)
    qtbot.addWidget(w)
    FirstPaint(w, lambda _at: order.append("paint"))
    assert not w.ready and w.tabs.count() == 1 and w.statusBar().currentMessage() == "Đang mở dữ liệu…"
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=5000)
    assert order[:2] == ["paint", "build"] and order.count("build") == 1
    assert w.tabs.count() == 5 and w.ledger_page.model.rowCount() == 150
    assert [a.text() for a in w.file_menu.actions() if a.text()][0] == "Chọn thư mục lưu văn bản…"


def test_window_that_cannot_fill_in_says_why_and_closes(qtbot, demo_copy, settings, monkeypatch):
    from desktop.domain.errors import UserError
    from desktop.ui import main as ui_main

    shown = []
    monkeypatch.setattr(ui_main.QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(
        ui_main.MainWindow, "_build", lambda self: (_ for _ in ()).throw(UserError("Không đọc được dữ liệu."))
    )
    w = ui_main.MainWindow(demo_copy, settings, deferred=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == ["Không đọc được dữ liệu."] and not w.ready and w.failed
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=5000)


def test_self_test_on_a_missing_database_fails_at_once_without_the_wizard(tmp_path):
    """Nobody is there to answer the first-run wizard: RESULT=FAIL with the reason, exit 1, nothing created."""
    missing = tmp_path / "không có" / "dữ liệu.db"
    result = tmp_path / "kết quả.txt"
    p = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(missing), "--self-test", str(result)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=90,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert p.returncode == 1, p.stderr
    text = result.read_text(encoding="utf-8")
    assert text.startswith("RESULT=FAIL") and "Không tìm thấy tệp dữ liệu" in text and str(missing) in text
    assert not missing.exists() and not missing.parent.exists()
