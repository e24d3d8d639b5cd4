"""The unit's kind and level (issue 23): chosen on the Đơn vị page and in the first-run wizard with real key
events, stored, and used by the plan proposed from a superior's plan (whose duty blocks are the unit's)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop import app
from desktop.domain.models import Department, Signer, Unit
from desktop.store import db, units
from tests.domain.test_unit_plan_seeds import SO_PLAN

DUTY = "Truyền thông cho 100 % khoa, phòng"  # in the Sở's block "Các bệnh viện, trung tâm y tế trực thuộc"


def _proposal(conn, tmp_path):
    src = tmp_path / "ke_hoach_so.txt"
    src.write_text(SO_PLAN, encoding="utf-8")
    return app.cascade.propose(conn, app.units.load_unit(conn), src)


def test_kind_picked_on_the_unit_page_makes_the_hospitals_duties_ours(qtbot, tmp_path):
    from desktop.ui.pages.unit_page import UnitPage

    conn = db.create(tmp_path / "d.db")
    units.save_unit(
        conn,
        Unit(
            "Trung tâm Chấn thương Chỉnh hình tỉnh Khánh Hòa",  # a hospital whose name does not say so
            "TTCTCH",
            "Khánh Hòa",
            "Sở Y tế tỉnh Khánh Hòa",
            [Department("Phòng Kế hoạch tổng hợp", "KHTH"), Department("Khoa Khám bệnh", "KB")],
            [Signer("GIÁM ĐỐC", "Nguyễn Văn An")],
        ),
    )
    before = _proposal(conn, tmp_path)
    assert any(o.text.startswith(DUTY) for o in before.others)  # read as a "trung tâm": not a hospital's duty
    page = UnitPage(conn)
    qtbot.addWidget(page)
    page.show()
    page.load()
    assert page.kind.currentText().startswith("Trung tâm chuyên ngành")  # read from its name
    assert page.level.currentText() == "Trực thuộc Sở Y tế"  # read from its parent body
    said = []
    page.status.connect(said.append)
    page.kind.setFocus()
    QTest.keyClick(page.kind, Qt.Key_Home)  # the first kind: Bệnh viện
    assert page.kind.currentText() == "Bệnh viện"
    stored = units.load_unit(conn)
    assert (stored.kind, stored.level) == ("benh_vien", "so")
    assert said == ["Đã lưu loại đơn vị: Bệnh viện, trực thuộc Sở Y tế"]
    after = _proposal(conn, tmp_path)
    assert not any(o.text.startswith(DUTY) for o in after.others)
    assert any(t.text.startswith(DUTY) for t in after.tasks)
    page.load()  # shown again as stored
    assert page.kind.currentText() == "Bệnh viện"
    conn.close()


def test_wizard_reads_the_kind_from_the_name_until_the_clerk_picks_one(qtbot, typer):
    from desktop.ui.dialogs.wizard import FirstRunWizard

    wiz = FirstRunWizard()
    qtbot.addWidget(wiz)
    page = wiz.unit_page
    typer(page.parent_body, "Sở Y tế tỉnh Lâm Đồng")
    typer(page.name, "Trung tâm Y tế huyện Thử")
    assert (page.kind.currentText(), page.level.currentText()) == ("Trung tâm Y tế", "Trực thuộc Sở Y tế")
    assert (wiz.unit().kind, wiz.unit().level) == ("", "")  # not chosen: read from the name, as it may change
    page.kind.setFocus()
    QTest.keyClick(page.kind, Qt.Key_Home)
    typer(page.name, " mới")  # a name typed after the choice does not undo it
    assert page.kind.currentText() == "Bệnh viện"
    assert (wiz.unit().kind, wiz.unit().level) == ("benh_vien", "so")
