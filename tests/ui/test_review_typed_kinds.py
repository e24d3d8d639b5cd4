"""A rate and a reach typed in the review's Chỉ tiêu cell are read as their kinds and kept in the plan
(issue 23, point 5), never refused as “chưa hiểu”."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.store import plans
from desktop.ui.dialogs.cascade_dialog import CascadeDialog

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def test_rate_and_reach_typed_in_the_review_are_kept_as_their_kinds(window, monkeypatch, typer):
    chosen = {}

    def run(self):
        self.show()
        QApplication.processEvents()
        self.tabs.setCurrentIndex(2)  # Nhiệm vụ
        self.tasks.setFocus()
        self.tasks.setCurrentCell(0, 4)
        QTest.keyClick(self.tasks, Qt.Key_F2)
        QApplication.processEvents()
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit) and self.tasks.isAncestorOf(editor)
        editor.selectAll()
        typer(editor, "tỷ lệ văn bản ký số đạt 100%; 2.000 lượt người bệnh và người nhà")
        QTest.keyClick(editor, Qt.Key_Return)
        QApplication.processEvents()
        chosen["path"] = self.p.tasks[0].path
        self.ok.click()
        chosen["problem"] = self.problem.text() if self.problem.isVisible() else ""
        return self.result()

    monkeypatch.setattr(CascadeDialog, "exec", run)
    (path,) = SEEDS.glob("001_*.txt")
    pid = window.plan_page.import_superior(str(path))
    assert "chưa hiểu" not in chosen["problem"]
    plan = plans.load_plan(window.conn, pid)
    it, level = None, plan.items
    for i in chosen["path"]:
        it, level = level[i], level[i].children
    assert [(t.kind, t.group, t.percent, t.quantity) for t in it.targets] == [
        ("rate", "văn bản ký số", 100.0, 0),
        ("reach", "người bệnh và người nhà", 0.0, 2000),
    ]
