"""The office year in the window: next year's plan, any reporting period, last year's figures."""
import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QPushButton

from desktop.store import plans
from desktop.ui import copy_plan_dialog

SHOTS = os.environ.get("VBYT_SHOTS")  # a folder: the new screens grabbed to PNG there, for a look


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.resize(1280, 680)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_next_year_plan_from_the_plan_screen(window, monkeypatch):
    page = window.plan_page
    window.tabs.setCurrentWidget(page)
    before = {pid for pid, _, _ in plans.list_plans(window.conn)}
    seen = {}

    def run(dlg):
        dlg.show()
        assert dlg.year.value() == 2026  # the plan's year + 1
        seen["rows"] = [(dlg.table.item(r, 0).text(), dlg.table.item(r, 2).text())
                        for r in range(dlg.table.rowCount())]
        seen["kept"] = dlg.kept.text()
        shot(dlg, "copy_plan_dialog")
        QTest.keyClick(dlg.year, Qt.Key_A, Qt.ControlModifier)
        QTest.keyClicks(dlg.year, "2027")
        assert dlg.year.value() == 2027
        seen["after"] = [dlg.table.item(r, 2).text() for r in range(dlg.table.rowCount())]
        QTest.keyClick(dlg.year, Qt.Key_Return)  # the default button: Tạo kế hoạch
        return dlg.result()

    monkeypatch.setattr(copy_plan_dialog.CopyPlanDialog, "exec", run)
    button = next(b for b in page.findChildren(QPushButton) if b.text() == "Tạo kế hoạch năm sau…")
    button.click()
    new = {pid for pid, _, _ in plans.list_plans(window.conn)} - before
    assert len(new) == 1
    new_id = new.pop()
    plan = plans.load_plan(window.conn, new_id)
    assert plan.copied_from == 1 and plan.period_start.year == 2027
    assert page.current_plan_id() == new_id  # the screen shows the new plan
    assert ("Trích yếu", plans.load_plan(window.conn, new_id).title) in [(w, a.replace("2026", "2027"))
                                                                          for w, a in seen["rows"]]
    assert all("2027" in a for a in seen["after"])
    old = plans.load_plan(window.conn, 1)
    assert seen["kept"] == (f"Giữ nguyên cấu trúc: {copy_plan_dialog.structure_counts(old)[0]} mục, "
                            f"{len(old.tasks())} nhiệm vụ, "
                            f"{sum(len(t.targets) for t in old.tasks())} chỉ tiêu.")


def test_next_year_plan_cancelled_creates_nothing(window, monkeypatch):
    page = window.plan_page
    before = plans.list_plans(window.conn)

    def run(dlg):
        dlg.show()
        QTest.keyClick(dlg, Qt.Key_Escape)
        return dlg.result()

    monkeypatch.setattr(copy_plan_dialog.CopyPlanDialog, "exec", run)
    assert page.copy_to_next_year() is None
    assert plans.list_plans(window.conn) == before
    assert QDialog.Rejected == 0
