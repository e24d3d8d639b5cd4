"""A damaged database at start-up: the recovery dialog lists the good backups (date, activity count), restores
the chosen one or salvages into a new file; the damaged file is kept aside. --self-test never waits on it."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
import shiboken6

from desktop.store import backups, db
from desktop.store.demo import create_demo

ROOT = Path(__file__).resolve().parent.parent.parent


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek((size // 2) // 4096 * 4096)
        f.write(bytes((i * 37 + 11) % 256 for i in range(4096)))


@pytest.fixture
def damaged(tmp_path):
    p = tmp_path / "v.db"
    create_demo(p, 2000, 1)
    conn = db.open_db(p)
    good = backups.make_backup(conn, p, backups.START, now=datetime(2025, 3, 4, 8, 30))
    conn.close()
    _damage(p)
    return p, good


def _error(p):
    with pytest.raises(db.Damaged) as e:
        db.open_db(p)
    return e.value


def test_the_dialog_lists_good_backups_and_restores_the_newest(qtbot, damaged):
    from desktop.ui.dialogs.recovery_dialog import RecoveryDialog

    p, good = damaged
    before = hashlib.sha256(p.read_bytes()).hexdigest()
    dlg = RecoveryDialog(_error(p))
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 1
    assert dlg.table.item(0, 0).text() == "08:30:00 ngày 04/03/2025" and dlg.table.item(0, 2).text() == "2000"
    assert dlg.selected().path == good
    assert dlg.restore_selected()
    assert "Đã khôi phục" in dlg.outcome and "giữ lại" in dlg.outcome
    aside = [f for f in p.parent.iterdir() if f.name.startswith("v.db.hong-")]
    assert len(aside) == 1 and hashlib.sha256(aside[0].read_bytes()).hexdigest() == before
    db.open_db(p).close()


def test_the_dialog_salvages_when_there_is_no_backup(qtbot, damaged):
    from desktop.ui.dialogs.recovery_dialog import RecoveryDialog

    p, good = damaged
    good.unlink()
    dlg = RecoveryDialog(_error(p))
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 0 and not dlg.restore_button.isEnabled()
    assert dlg.salvage()
    assert "Đã cứu" in dlg.outcome
    c = db.open_db(p)
    assert c.execute("SELECT count(*) FROM activities").fetchone()[0] >= 1500
    c.close()
    assert any(f.name.startswith("v.db.hong-") for f in p.parent.iterdir())


def test_start_up_opens_the_recovery_dialog_before_the_window(qtbot, damaged, monkeypatch):
    from desktop.ui import main as ui_main
    from desktop.ui.dialogs import recovery_dialog

    p, _ = damaged
    seen = []

    def fake_recover(e, parent=None):
        seen.append(e.path)
        return recovery_dialog.RecoveryDialog(e).restore_selected()

    monkeypatch.setattr(recovery_dialog, "recover", fake_recover)
    created = []
    real = ui_main.MainWindow

    class Spy(real):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            created.append(self)

    monkeypatch.setattr(ui_main, "MainWindow", Spy)
    monkeypatch.setattr(ui_main.QApplication, "exec", lambda self: 0)
    assert ui_main.main([], p) == 0
    assert seen == [p] and len(created) == 1
    assert not shiboken6.isValid(created[0])  # closed and deleted by main() once its loop ended


def test_self_test_on_a_damaged_database_fails_at_once_with_the_reason(damaged, tmp_path):
    p, good = damaged
    result = tmp_path / "ket_qua.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(p), "--self-test", str(result)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    text = result.read_text(encoding="utf-8")
    assert text.startswith("RESULT=FAIL") and "bị hỏng" in text and good.name in text


def _start_up_with(monkeypatch, p, click):
    """main() on `p`: the recovery dialog answered by a real click on the button `click` names."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.ui import main as ui_main
    from desktop.ui.dialogs import recovery_dialog

    seen, created = [], []

    def clicking_recover(e, parent=None):
        dlg = recovery_dialog.RecoveryDialog(e)
        seen.append(dlg)
        button = getattr(dlg, click)
        assert button.isVisible() or not dlg.isVisible()
        assert button.isEnabled()
        QTest.mouseClick(button, Qt.LeftButton)
        return dlg.result() == recovery_dialog.QDialog.Accepted

    monkeypatch.setattr(recovery_dialog, "recover", clicking_recover)
    real = ui_main.MainWindow

    class Spy(real):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            created.append(self)

    monkeypatch.setattr(ui_main, "MainWindow", Spy)
    monkeypatch.setattr(ui_main.QApplication, "exec", lambda self: 0)
    status = ui_main.main([], p)
    assert not any(shiboken6.isValid(w) for w in created)  # closed and deleted by main() once its loop ended
    return status, seen, created


@pytest.mark.parametrize("how", ["empty", "zeroed"])
def test_an_empty_or_zeroed_database_at_start_up_offers_its_backup(qtbot, tmp_path, monkeypatch, how):
    p = tmp_path / "v.db"
    create_demo(p, 120, 1)
    conn = db.open_db(p)
    good = backups.make_backup(conn, p, backups.START, now=datetime(2025, 3, 4, 8, 30))
    conn.close()
    data = p.read_bytes()
    p.write_bytes(b"" if how == "empty" else b"\0" * 100 + data[100:])
    status, seen, created = _start_up_with(monkeypatch, p, "restore_button")
    assert status == 0 and len(seen) == 1 and len(created) == 1
    assert seen[0].selected().path == good and "Đã khôi phục" in seen[0].outcome
    c = db.open_db(p)
    assert c.execute("SELECT count(*) FROM activities").fetchone()[0] == 120
    c.close()
    [aside] = [f for f in p.parent.iterdir() if f.name.startswith("v.db.hong-")]
    assert aside.stat().st_size == (0 if how == "empty" else len(data))


def test_an_empty_database_without_backup_starts_over_keeping_the_empty_file(qtbot, tmp_path, monkeypatch):
    from desktop.ui import main as ui_main

    p = tmp_path / "v.db"
    p.write_bytes(b"")
    wizard = []
    monkeypatch.setattr(
        ui_main, "first_run", lambda path, parent=None: wizard.append(path) or create_demo(path, 5, 1) or True
    )
    status, seen, created = _start_up_with(monkeypatch, p, "start_button")
    dlg = seen[0]
    assert not dlg.restore_button.isEnabled() and not dlg.salvage_button.isEnabled()
    assert "rỗng" in dlg.note.text() and "bắt đầu lại" in dlg.note.text()
    assert status == 0 and wizard == [p] and len(created) == 1
    [aside] = [f for f in p.parent.iterdir() if f.name.startswith("v.db.hong-")]
    assert aside.stat().st_size == 0 and "giữ lại" in dlg.outcome
