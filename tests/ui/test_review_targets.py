"""Targets typed in the review's Nhiệm vụ tab: none is dropped without a word (issue 20, point 5)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.domain.models import Target
from desktop.store import plans
from desktop.ui.dialogs.cascade_dialog import CascadeDialog

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def seed(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return str(path)


def type_target(d, row, text, typer):
    d.tabs.setCurrentIndex(2)  # Nhiệm vụ
    d.tasks.setFocus()
    d.tasks.setCurrentCell(row, 4)
    QTest.keyClick(d.tasks, Qt.Key_F2)
    QApplication.processEvents()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and d.tasks.isAncestorOf(editor)
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key_Delete)
    typer(editor, text)
    QTest.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()


def at(plan, path):
    it, level = None, plan.items
    for i in path:
        it, level = level[i], level[i].children
    return it


def test_targets_of_units_of_no_form_and_after_a_semicolon_are_kept(window, monkeypatch, typer):
    chosen = {}

    def run(self):
        self.show()
        QApplication.processEvents()
        type_target(self, 0, "500 lượt; 10 buổi", typer)
        type_target(self, 1, "12 tin, bài; 02 buổi", typer)
        type_target(self, 2, "500 tờ, 10 buổi phát thanh", typer)
        chosen["paths"] = [t.path for t in self.p.tasks[:3]]
        QTest.mouseClick(self.ok, Qt.LeftButton)
        return self.result()

    monkeypatch.setattr(CascadeDialog, "exec", run)
    pid = window.plan_page.import_superior(seed("001"))
    assert pid is not None
    plan = plans.load_plan(window.conn, pid)
    got = [at(plan, p).targets for p in chosen["paths"]]
    assert len(got[0]) == 2 and got[0][0] == Target(500, "khac", "lượt")
    assert got[0][1].quantity == 10 and (got[0][1].form_code != "khac" or got[0][1].unit_label == "buổi")
    assert len(got[1]) == 2 and got[1][0] == Target(12, "tin_bai") and got[1][1].quantity == 2
    assert got[2] == [Target(500, "to_roi"), Target(10, "phat_thanh", "buổi phát thanh")]


def test_a_target_not_understood_is_said_in_red_and_the_review_stays_open(window, monkeypatch, typer):
    seen = {}

    def run(self):
        self.show()
        QApplication.processEvents()
        type_target(self, 0, "02 hội nghị; nhiều lắm", typer)
        QTest.mouseClick(self.ok, Qt.LeftButton)
        QApplication.processEvents()
        seen["open"] = self.isVisible() and self.result() == 0
        seen["said"] = self.problem.text()
        seen["shown"] = self.problem.isVisible()
        seen["red"] = "red" in self.problem.styleSheet() or "#b00020" in self.problem.styleSheet()
        seen["plans"] = len(plans.list_plans(window.conn))
        type_target(self, 0, "02 hội nghị; 500 lượt", typer)
        QTest.mouseClick(self.ok, Qt.LeftButton)
        return self.result()

    before = len(plans.list_plans(window.conn))
    monkeypatch.setattr(CascadeDialog, "exec", run)
    pid = window.plan_page.import_superior(seed("001"))
    assert seen["open"] and seen["shown"] and seen["red"] and seen["plans"] == before
    assert "“nhiều lắm”" in seen["said"] and "chưa tạo" in seen["said"].lower()
    assert pid is not None and len(plans.list_plans(window.conn)) == before + 1
