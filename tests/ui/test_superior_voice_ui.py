"""What is still the superior's voice in the unit's plan is visible (issue 23, point 6): coloured on the Kế hoạch
screen, and listed before the plan is exported with “Sửa” (back to the screen, nothing written) and “Vẫn xuất”."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.dialogs.cascade_dialog import CascadeDialog
from desktop.ui.pages.plan_items import VOICE_BG

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
FLAGGED = ("ngành Y tế Hải Phòng", "các phòng, đơn vị trực thuộc", "Các đơn vị trực thuộc")


def _import_003(window, monkeypatch, typer):
    def run(self):
        self.show()
        QApplication.processEvents()
        typer(self.year, "2025")  # seed 003 gives no year
        QTest.mouseClick(self.ok, Qt.LeftButton)
        return self.result()

    monkeypatch.setattr(CascadeDialog, "exec", run)
    (path,) = SEEDS.glob("003_*.txt")
    pid = window.plan_page.import_superior(str(path))
    assert pid is not None
    return pid


def _amber(tree):
    out = []

    def rec(node):
        if node.background(0).color() == VOICE_BG:
            out.append(node)
        for i in range(node.childCount()):
            rec(node.child(i))

    for i in range(tree.topLevelItemCount()):
        rec(tree.topLevelItem(i))
    return out


def _answer(monkeypatch, button: str, seen: list):
    """The export's question answered by a click on `button`, its text kept."""

    def run(box):
        box.show()
        QApplication.processEvents()
        seen.append(box.text())
        [b] = [b for b in box.buttons() if b.text() == button]
        QTest.mouseClick(b, Qt.LeftButton)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", run)


def test_superior_voice_coloured_and_listed_before_export(window, monkeypatch, typer):
    page = window.plan_page
    _import_003(window, monkeypatch, typer)
    window.tabs.setCurrentWidget(page)
    amber = _amber(page.tree)
    assert len(amber) == 3
    assert all("Còn lời của cấp trên" in n.toolTip(0) for n in amber)
    assert "3 đoạn còn lời của cấp trên" in page.warning.text()

    asked, seen = [], []
    monkeypatch.setattr(window.exports, "ask_output", lambda what, pdf: asked.append(what))
    _answer(monkeypatch, "Sửa", seen)
    first = amber[0].data(0, Qt.UserRole)
    QTest.mouseClick(
        page.tree.viewport(), Qt.LeftButton, pos=page.tree.visualItemRect(page.tree.topLevelItem(0)).center()
    )
    assert page.selected_id() != first
    QTest.mouseClick(_word_button(page), Qt.LeftButton)
    assert asked == []  # nothing written
    assert seen[0].startswith("3 đoạn còn lời của cấp trên: I.1, -1 “ngành Y tế Hải Phòng”")
    assert all(f in seen[0] for f in FLAGGED)
    assert window.tabs.currentWidget() is page and page.selected_id() == first  # back at the first

    # the clerk rewrites the first passage: no longer coloured, no longer listed
    page.text.setFocus()
    page.text.selectAll()
    QTest.keyClick(page.text, Qt.Key_Delete)
    typer(page.text, "Nâng cao nhận thức của người bệnh và nhân viên bệnh viện về phòng, chống bệnh lao.")
    page.flush()
    assert len(_amber(page.tree)) == 2 and "2 đoạn còn lời của cấp trên" in page.warning.text()

    _answer(monkeypatch, "Vẫn xuất", seen)
    QTest.mouseClick(_word_button(page), Qt.LeftButton)
    assert seen[1].startswith("2 đoạn còn lời của cấp trên: I.2, -1")
    assert asked == ["plan"]  # the clerk chose to export as it is


def _word_button(page):
    from PySide6.QtWidgets import QPushButton

    [b] = [b for b in page.findChildren(QPushButton) if b.text().replace("&", "") == "Xuất Word"]
    return b
