"""The window's flow “Tạo từ kế hoạch cấp trên” → review (superior, căn cứ, tasks, repairs) → plan,
driven as a clerk does: keys typed into the fields the source left blank, Space on the rows to keep
or drop, a department picked, a target typed."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.domain.plan_text import plan_blocks
from desktop.domain.references import cite
from desktop.store import plans, units
from desktop.ui.dialogs.cascade_dialog import CascadeDialog

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def seed(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return str(path)


def review(monkeypatch, act):
    """Open the review, let `act(dialog)` play the clerk, then click “Tạo kế hoạch”."""

    def run(self):
        self.show()  # as exec() would, without waiting for the event loop
        QApplication.processEvents()
        act(self)
        self.ok.click()
        return self.result()

    monkeypatch.setattr(CascadeDialog, "exec", run)


def toggle(table, row):
    table.setFocus()
    table.setCurrentCell(row, 0)
    QTest.keyClick(table, Qt.Key_Space)


def test_blank_superior_number_is_asked_and_typed(window, monkeypatch, typer):
    def clerk(d):
        assert "Số, ký hiệu" in d.sup_hint.text() and "Ngày ban hành" in d.sup_hint.text()
        assert d.number.text() == "" and d.issuer.text() == "Sở Y tế thành phố Hải Phòng"
        assert d.deadline.text() == "05/12"  # "05/12 hàng năm": the year is the plan's, which seed 003 does not give
        assert d.year.text() == "" and not d.ok.isEnabled()  # asked, never the clock's (issue 22, point 6)
        typer(d.number, "1234/KH-SYT")
        d.issued.clear()
        QTest.keyClicks(d.issued, "20/8/2025")
        assert d.year.text() == "2025" and d.deadline.text() == "05/12/2025"  # the date typed gives the year
        d.deadline.clear()
        QTest.keyClicks(d.deadline, "05/12/2025")
        assert d.basis.rowCount() == 3
        d.tabs.setCurrentIndex(1)  # Căn cứ
        toggle(d.basis, 2)  # drop the third căn cứ
        assert d.basis.item(2, 0).checkState() == Qt.Unchecked

    review(monkeypatch, clerk)
    pid = window.plan_page.import_superior(seed("003"))
    plan = plans.load_plan(window.conn, pid)
    assert cite(plan.superior.ref) == "Kế hoạch số 1234/KH-SYT ngày 20/8/2025 của Sở Y tế thành phố Hải Phòng"
    assert plan.superior.deadline == date(2025, 12, 5) and plan.superior.addressee == "Sở Y tế thành phố Hải Phòng"
    assert len(plan.basis) == 2
    unit = units.load_unit(window.conn)
    blocks = plan_blocks(plan, unit)
    opening = [b.text for b in blocks if b.kind == "text"][:2]
    assert opening[0].startswith("Thực hiện Kế hoạch số 1234/KH-SYT ngày 20/8/2025 của Sở Y tế thành phố Hải Phòng")
    assert opening[1] == "Bệnh viện Phổi Bình Thuận xây dựng Kế hoạch như sau:"
    assert window.plan_page.sup_cite.text().startswith("Kế hoạch số 1234/KH-SYT")


def test_tasks_departments_targets_and_repairs_reviewed(window, monkeypatch, typer):
    unit = units.load_unit(window.conn)
    lao = next(d for d in unit.departments if d.name == "Khoa Lao")
    chosen = {}

    def clerk(d):
        d.tabs.setCurrentIndex(3)  # Sửa lỗi
        kinds = [d.repairs.item(r, 1).text() for r in range(d.repairs.rowCount())]
        glued = kinds.index("Tách chữ bị dính")
        assert d.repairs.item(glued, 3).text().count("Chínhtrị") and "Chính trị" in d.repairs.item(glued, 4).text()
        symbol = kinds.index("Bỏ khoảng trắng trong số, ký hiệu")
        toggle(d.repairs, symbol)  # the clerk keeps this one as written
        chosen["symbol"] = d.repairs.item(symbol, 3).text()
        # the first task: Khoa Lao leads it, 02 hội nghị as its target; the second is not a task
        d.tabs.setCurrentIndex(2)  # Nhiệm vụ
        d.leads[0].setCurrentIndex(d.leads[0].findData(lao.id))
        d.tasks.setFocus()
        d.tasks.setCurrentCell(0, 4)
        QTest.keyClick(d.tasks, Qt.Key_F2)  # the clerk's key to edit a cell
        QApplication.processEvents()
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit) and d.tasks.isAncestorOf(editor)
        typer(editor, "02 hội nghị")
        QTest.keyClick(editor, Qt.Key_Return)  # commits the cell, does not create the plan yet
        QApplication.processEvents()
        assert d.isVisible() and d.result() == 0
        assert d.tasks.item(0, 4).text() == "02 hội nghị"
        toggle(d.tasks, 1)
        chosen["first"], chosen["second"] = d.p.tasks[0].path, d.p.tasks[1].path

    review(monkeypatch, clerk)
    pid = window.plan_page.import_superior(seed("001"))
    plan = plans.load_plan(window.conn, pid)
    texts = [it.text for it, _ in plan.walk()]
    assert not any("Chínhtrị" in t for t in texts) and any("Bộ Chính trị" in t for t in texts)

    def at(path):
        it, level = None, plan.items
        for i in path:
            it, level = level[i], level[i].children
        return it

    first, second = at(chosen["first"]), at(chosen["second"])
    assert first.is_task and first.lead_dept_id == lao.id
    assert [(t.quantity, t.form_code) for t in first.targets] == [(2, "hoi_nghi")]
    assert not second.is_task
    assert len(plan.tasks()) == 9  # 10 proposed (the reporting duty is a clause: issue 23), one dropped


def test_cancel_creates_nothing(window, monkeypatch):
    before = plans.list_plans(window.conn)
    monkeypatch.setattr(CascadeDialog, "exec", lambda self: self.reject() or self.result())
    assert window.plan_page.import_superior(seed("000")) is None
    assert plans.list_plans(window.conn) == before


def test_a_letter_is_imported_only_when_the_clerk_confirms(window, monkeypatch):
    before = plans.list_plans(window.conn)
    asked = []
    monkeypatch.setattr("desktop.ui.dialogs.cascade_dialog.ask", lambda parent, text: asked.append(text) or False)
    assert window.plan_page.import_superior(seed("004")) is None
    assert "có vẻ không phải là kế hoạch" in asked[0] and plans.list_plans(window.conn) == before


def test_the_opening_is_shown_and_edited_on_the_plan_screen(window, monkeypatch, typer):
    """The unit's own opening: the generated sentences shown (as placeholders) and, when typed, kept and
    printed instead."""
    review(monkeypatch, lambda d: None)
    pid = window.plan_page.import_superior(seed("001"))
    page = window.plan_page
    assert page.intro_edit.text() == "" and page.intro_edit.placeholderText().startswith(
        "Thực hiện Kế hoạch số 357/KH-SYT"
    )
    assert page.lead_edit.placeholderText() == "Bệnh viện Phổi Bình Thuận xây dựng Kế hoạch như sau:"
    typer(page.lead_edit, "Bệnh viện Phổi Bình Thuận xây dựng Kế hoạch truyền thông năm 2025 như sau:")
    QTest.keyClick(page.lead_edit, Qt.Key_Return)
    plan = plans.load_plan(window.conn, pid)
    assert plan.lead_sentence == "Bệnh viện Phổi Bình Thuận xây dựng Kế hoạch truyền thông năm 2025 như sau:"
    texts = [b.text for b in plan_blocks(plan, units.load_unit(window.conn)) if b.kind == "text"]
    assert texts[1] == plan.lead_sentence and texts[0].startswith("Thực hiện Kế hoạch số 357/KH-SYT")
