"""A document that cannot be right is not written: blank unit name, signer or title stop the
export with a message naming the field as the screen labels it (window and command line)."""

import pytest

from desktop import app, cli
from desktop.domain import essentials
from desktop.domain.errors import UserError
from desktop.domain.models import Signer, Unit
from desktop.store import db, plans, units


@pytest.mark.parametrize(
    "name, signer, title, gaps",
    [
        ("Bệnh viện A", Signer("GIÁM ĐỐC", "Nguyễn Văn A"), "truyền thông", []),
        ("   ", Signer("GIÁM ĐỐC", "Nguyễn Văn A"), "truyền thông", ["Đơn vị › Tên đơn vị"]),
        ("Bệnh viện A", None, "x", ["Đơn vị › Người ký (chưa có người ký nào)"]),
        (
            "Bệnh viện A",
            Signer(" ", "\u00a0"),
            "x",
            ["Đơn vị › Người ký › Thẩm quyền ký", "Đơn vị › Người ký › Họ và tên"],
        ),
        ("Bệnh viện A", Signer("GIÁM ĐỐC", "Họ và tên"), "x", ["Đơn vị › Người ký › Họ và tên"]),  # the placeholder
        ("Bệnh viện A", Signer("GIÁM ĐỐC", "Nguyễn Văn A"), " \t", ["Kế hoạch › Trích yếu"]),
    ],
)
def test_missing_essentials_are_named(name, signer, title, gaps):
    unit = Unit(name, "BVA", "Hà Nội", signers=[signer] if signer else [])
    assert essentials.missing(unit, title, None, "Kế hoạch › Trích yếu") == gaps


def test_export_with_a_blank_unit_name_writes_nothing(demo_copy, tmp_path, capsys):
    conn = db.open_db(demo_copy)
    with db.transaction(conn):
        u = units.load_unit(conn)
        units.update_profile(conn, "  ", u.abbr, u.place, u.parent_body)
    with pytest.raises(UserError, match="Chưa xuất được Kế hoạch: còn trống Đơn vị › Tên đơn vị"):
        app.write_plan(conn, tmp_path / "kh.docx")
    with pytest.raises(UserError, match="Chưa xuất được Báo cáo: còn trống Đơn vị › Tên đơn vị"):
        app.write_report(conn, tmp_path / "bc.docx")
    conn.close()
    assert cli.main(["render", "plan", "--db", str(demo_copy), "--out", str(tmp_path / "kh.docx")]) == 1
    assert "còn trống Đơn vị › Tên đơn vị" in capsys.readouterr().err
    assert list(tmp_path.glob("*.docx")) == []


def test_export_with_a_blank_title_writes_nothing(demo_copy, tmp_path):
    conn = db.open_db(demo_copy)
    with db.transaction(conn):
        plans.update_plan(conn, plans.latest_plan_id(conn), title=" ")
    with pytest.raises(UserError, match="còn trống Kế hoạch › Trích yếu"):
        app.write_plan(conn, tmp_path / "kh.docx")
    assert not (tmp_path / "kh.docx").exists()
