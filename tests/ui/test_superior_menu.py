"""Importing a superior's plan from the Tệp menu; the first-run wizard never picks the NQ 57 preset for the
clerk (issue 20, point 9)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.store import plans
from desktop.ui.dialogs.cascade_dialog import CascadeDialog

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def click_menu_item(window, menu, text):
    window.activateWindow()
    menu.popup(window.mapToGlobal(window.rect().center()))
    QApplication.processEvents()
    action = next(a for a in menu.actions() if a.text() == text)
    QTest.mouseClick(menu, Qt.LeftButton, pos=menu.actionGeometry(action).center())
    QApplication.processEvents()


def test_the_file_menu_imports_a_superior_plan(window, monkeypatch):
    (path,) = SEEDS.glob("001_*.txt")
    before = len(plans.list_plans(window.conn))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(CascadeDialog, "exec", lambda self: self.accept() or self.result())
    window.tabs.setCurrentWidget(window.ledger_page)
    texts = [a.text() for a in window.file_menu.actions()]
    assert "Nhập kế hoạch của cấp trên…" in texts
    click_menu_item(window, window.file_menu, "Nhập kế hoạch của cấp trên…")
    assert len(plans.list_plans(window.conn)) == before + 1
    assert window.tabs.currentWidget() is window.plan_page


def test_the_wizard_creates_no_preset_plan_unless_chosen(qtbot, tmp_path, typer):
    from desktop.ui.dialogs.wizard import FirstRunWizard
    from desktop.ui.main import create_from_wizard

    wiz = FirstRunWizard()
    qtbot.addWidget(wiz)
    typer(wiz.unit_page.name, "Trung tâm Y tế Thử")
    QTest.keyClicks(wiz.unit_page.abbr, "ttyt")
    typer(wiz.unit_page.place, "Lâm Đồng")
    wiz.show()
    for _ in range(5):
        wiz.next()
    assert wiz.currentPage() is wiz.plan_page
    assert wiz.plan_page.no_plan.isChecked() and not wiz.plan_page.use_preset.isChecked()
    assert not wiz.plan_page.tree.isEnabled()
    path = tmp_path / "a.db"
    create_from_wizard(path, wiz)
    from desktop.store import db

    conn = db.open_db(path)
    assert plans.list_plans(conn) == []
    conn.close()
