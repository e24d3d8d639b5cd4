"""The review's "Việc của đơn vị khác" (issue 23): the duties the superior gave other bodies are listed with a tick
box each, out of the plan unless ticked; a ticked one becomes a task of our lead department. The repairs of the
unit's voice ("scope", "repeat") are named in Vietnamese in the Sửa lỗi tab."""

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from desktop.domain.repairs import KINDS
from desktop.store import plans
from desktop.ui.dialogs.cascade_dialog import REPAIR_KINDS, CascadeDialog

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
TAKEN = "Tổ chức các hội nghị, hội thảo, tập huấn theo nhiệm vụ đơn vị được giao"


def seed(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return str(path)


def check_point(table, row: int) -> QPoint:
    """The centre of the tick box of `row`'s first cell, where the clerk's mouse clicks."""
    opt = QStyleOptionViewItem()
    opt.rect = table.visualRect(table.model().index(row, 0))
    opt.features |= QStyleOptionViewItem.HasCheckIndicator
    opt.state |= QStyle.State_Enabled
    return table.style().subElementRect(QStyle.SE_ItemViewItemCheckIndicator, opt, table).center()


def walk(items):
    for it in items:
        yield it
        yield from walk(it.children)


def test_a_duty_of_another_body_ticked_becomes_our_task(window, monkeypatch):
    seen = {}

    def run(self):
        self.show()
        QApplication.processEvents()
        self.tabs.setCurrentIndex(2)  # Nhiệm vụ, with the other bodies' duties below
        QApplication.processEvents()
        t = self.others
        assert self.others_box.isVisible() and t.rowCount() == len(self.p.others) > 0
        assert self.others_box.title().startswith(f"Việc của đơn vị khác ({t.rowCount()})")
        rows = [(t.item(r, 1).text(), t.item(r, 2).text(), t.item(r, 3).text()) for r in range(t.rowCount())]
        assert ("Văn phòng Bộ Y tế", "V.1, -1") == rows[0][:2]
        assert all(t.item(r, 0).checkState() == Qt.Unchecked for r in range(t.rowCount()))
        row = next(r for r, (who, _, text) in enumerate(rows) if who.startswith("Sở Y tế") and text.startswith(TAKEN))
        t.scrollToItem(t.item(row, 0))
        QApplication.processEvents()
        QTest.mouseClick(t.viewport(), Qt.LeftButton, Qt.NoModifier, check_point(t, row))
        assert t.item(row, 0).checkState() == Qt.Checked
        seen["lead"] = self.p.duties_at
        self.tabs.setCurrentIndex(3)  # Sửa lỗi
        seen["kinds"] = [self.repairs.item(r, 1).text() for r in range(self.repairs.rowCount())]
        QTest.mouseClick(self.ok, Qt.LeftButton)
        return self.result()

    monkeypatch.setattr(CascadeDialog, "exec", run)
    pid = window.plan_page.import_superior(seed("000"))
    assert pid is not None
    plan = plans.load_plan(window.conn, pid)
    texts = [it.text for it in walk(plan.items)]
    assert sum(x.startswith(TAKEN) for x in texts) == 1  # the one ticked, not those of the other bodies
    assert not any(x.startswith("Mở chuyên mục, tổ chức tuyến bài trên Cổng thông tin điện tử Bộ Y tế") for x in texts)
    lead = plan.items[seen["lead"][0]].children[seen["lead"][1]]
    [taken] = [c for c in lead.children if c.text.startswith(TAKEN)]
    assert taken.is_task and taken.lead_dept_id is not None
    assert "Phạm vi của cấp trên" in seen["kinds"] and "scope" not in seen["kinds"]


def test_every_repair_kind_has_a_vietnamese_label():
    assert set(KINDS) <= set(REPAIR_KINDS)
    assert REPAIR_KINDS["repeat"] == "Cụm từ viết lặp lại"


def test_rate_and_reach_proposed_are_kept_when_not_retyped(window, monkeypatch, tmp_path):
    from tests.domain.test_unit_plan_seeds import SO_PLAN

    def run(self):
        self.show()
        QApplication.processEvents()
        QTest.mouseClick(self.ok, Qt.LeftButton)
        return self.result()

    monkeypatch.setattr(CascadeDialog, "exec", run)
    src = tmp_path / "ke_hoach_so.txt"
    src.write_text(SO_PLAN, encoding="utf-8")
    pid = window.plan_page.import_superior(str(src))
    assert pid is not None  # the review read its own proposal back: nothing "chưa hiểu"
    plan = plans.load_plan(window.conn, pid)
    [task] = [it for it in walk(plan.items) if it.text.startswith("Truyền thông cho 100 % khoa, phòng")]
    assert [(t.kind, t.group, t.percent, t.quantity) for t in task.targets] == [
        ("rate", "khoa, phòng", 100.0, 0),
        ("reach", "người bệnh và người nhà", 0.0, 2000),
    ]
