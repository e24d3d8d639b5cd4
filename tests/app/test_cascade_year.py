"""Issue 22, point 6 below the window: a superior document whose year cannot be read gives a proposal whose year is
missing (the review asks it), never a year from the clock; nothing is stored until the year is given, and
`plan-import` keeps refusing without --year."""

from datetime import date

import pytest

from desktop import app, cli
from desktop.domain.plan_kinds import YearUnknown
from desktop.store import db, plans, units

# No date of issue, no year in the title: the year cannot be read. The deadline is yearly ("05/12 hàng năm").
UNDATED = """\
SỞ Y TẾ TỈNH LÂM ĐỒNG
Số:      /KH-SYT
KẾ HOẠCH
Truyền thông phòng, chống bệnh lao
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của người dân về bệnh lao.
II. NỘI DUNG
1. Truyền thông trên Trang thông tin điện tử.
III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả về Sở Y tế trước ngày 05/12 hàng năm.
Trên đây là Kế hoạch của Sở Y tế./.
"""


@pytest.fixture
def undated(tmp_path):
    src = tmp_path / "kh_khong_nam.txt"
    src.write_text(UNDATED, encoding="utf-8")
    return src


def test_the_proposal_asks_for_the_year_and_stores_nothing_without_it(demo_copy, undated):
    conn = db.open_db(demo_copy)
    try:
        before = plans.list_plans(conn)
        p = app.cascade.propose(conn, units.load_unit(conn), undated)
        assert p.year_missing and p.plan.period_start is None and p.plan.period_end is None
        assert p.superior.deadline is None and p.deadline_unyeared == "05/12" and "deadline" not in p.missing
        with pytest.raises(YearUnknown):
            app.cascade.create(conn, p)
        assert plans.list_plans(conn) == before
        app.cascade.set_year(p, 2024)
        assert not p.year_missing and p.superior.deadline == date(2024, 12, 5)
        plan = plans.load_plan(conn, app.cascade.create(conn, p))
        assert plan.doc_date.year == 2024 and (plan.period_start, plan.period_end) == (
            date(2024, 1, 1),
            date(2024, 12, 31),
        )
    finally:
        conn.close()


def test_plan_import_still_asks_for_year_on_the_command_line(demo_copy, undated, capsys):
    conn = db.open_db(demo_copy)
    before = plans.list_plans(conn)
    conn.close()
    assert cli.main(["plan-import", "--db", str(demo_copy), str(undated)]) == 1
    out, err = capsys.readouterr()
    assert "Không đọc được năm của kế hoạch" in err and "--year" in err and "dữ liệu không thay đổi" in err
    conn = db.open_db(demo_copy)
    assert plans.list_plans(conn) == before
    conn.close()
    assert cli.main(["plan-import", "--db", str(demo_copy), str(undated), "--year", "2024"]) == 0
    conn = db.open_db(demo_copy)
    try:
        (new,) = [p for p in plans.list_plans(conn) if p not in before]
        assert new[2] == 2024 and plans.load_plan(conn, new[0]).superior.deadline == date(2024, 12, 5)
    finally:
        conn.close()
