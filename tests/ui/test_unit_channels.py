"""The unit's own channels typed on the Đơn vị page (issue 23, point 3): stored one a line, and proposed in the
review of a plan made from the Bộ's plan in place of its national media."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop import app
from desktop.domain.models import Department, Signer, Unit
from desktop.store import db, units

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def test_channels_typed_on_the_unit_page_are_proposed_for_the_superiors_media(qtbot, tmp_path, typer):
    from desktop.ui.pages.unit_page import UnitPage

    conn = db.create(tmp_path / "d.db")
    units.save_unit(
        conn,
        Unit(
            "Bệnh viện Phổi Khánh Hòa",
            "BVPKH",
            "Khánh Hòa",
            "Sở Y tế tỉnh Khánh Hòa",
            [Department("Phòng Kế hoạch tổng hợp", "KHTH")],
            [Signer("GIÁM ĐỐC", "Nguyễn Văn An")],
        ),
    )
    page = UnitPage(conn)
    qtbot.addWidget(page)
    page.show()
    page.load()
    said = []
    page.status.connect(said.append)
    for i, line in enumerate(["Trang thông tin điện tử của Bệnh viện", "Fanpage Bệnh viện", "bảng tin"]):
        if i:
            QTest.keyClick(page.channels, Qt.Key_Return)
        typer(page.channels, line)
    page.flush()  # as leaving the page does
    assert units.load_unit(conn).channels == ["Trang thông tin điện tử của Bệnh viện", "Fanpage Bệnh viện", "bảng tin"]
    assert said == ["Đã lưu kênh truyền thông của đơn vị"]
    (src,) = SEEDS.glob("000_*.txt")
    p = app.cascade.propose(conn, app.units.load_unit(conn), src)
    offered = [r for r in p.repairs if r.kind == "channels"]
    assert offered and all(
        r.after == "Trang thông tin điện tử của Bệnh viện, Fanpage Bệnh viện và bảng tin" for r in offered
    )
    page.load()  # shown again as stored
    assert page.channels.toPlainText() == "Trang thông tin điện tử của Bệnh viện\nFanpage Bệnh viện\nbảng tin"
    conn.close()
