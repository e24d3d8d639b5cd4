"""The Đơn vị screen's and the plan header's saves as services (issue 21): the rules decided in app, with
Vietnamese messages that say the data is unchanged."""

from __future__ import annotations

import pytest

from desktop import app
from desktop.domain.errors import UserError
from desktop.domain.models import PartialDate
from desktop.store import db


@pytest.fixture
def conn(demo_copy):
    c = db.open_db(demo_copy)
    yield c
    c.close()


def _header(plan, **kw):
    fields = dict(
        title=plan.title,
        number=plan.number,
        doc_date=plan.doc_date,
        signer_id=plan.signer_id,
        archive_dept_id=plan.archive_dept_id,
    )
    return {**fields, **kw}


def test_a_blank_title_is_refused_and_nothing_is_written(conn):
    plan = app.plans.load_plan(conn, 1)
    with pytest.raises(UserError) as e:
        app.plans.save_header(conn, 1, **_header(plan, title=" \n ", number=99))
    assert "Trích yếu" in str(e.value) and "chưa lưu thay đổi nào" in str(e.value)
    assert app.plans.load_plan(conn, 1) == plan  # the number typed with it is not saved either


def test_the_header_is_saved_cleaned(conn):
    plan = app.plans.load_plan(conn, 1)
    saved = app.plans.save_header(
        conn, 1, **_header(plan, title="  Truyền thông   năm 2025 ", number=7, doc_date=PartialDate(2025, 3))
    )
    assert (saved.title, saved.number, saved.doc_date) == ("Truyền thông năm 2025", 7, PartialDate(2025, 3))
    assert app.plans.save_opening(conn, 1, " Mở đầu ", "").intro == "Mở đầu"


def test_the_last_signer_is_kept(conn):
    unit = app.units.load_unit(conn)
    for s in unit.signers[1:]:
        app.units.delete_signer(conn, s.id)
    [last] = app.units.load_unit(conn).signers
    with pytest.raises(UserError) as e:
        app.units.delete_signer(conn, last.id)
    assert "ít nhất một người ký" in str(e.value) and "chưa xóa" in str(e.value)
    assert app.units.load_unit(conn).signers == [last]


def test_departments_signers_recipients(conn):
    d = app.units.add_department(conn)
    d.name = "Khoa Dinh dưỡng"
    app.units.save_department(conn, d)
    s = app.units.add_signer(conn)
    s.full_name = "Nguyễn Văn A"
    app.units.save_signer(conn, s)
    app.units.set_recipients(conn, ["Sở Y tế (báo cáo)", "Lưu: VT"])
    unit = app.units.load_unit(conn)
    assert unit.department(d.id).name == "Khoa Dinh dưỡng"
    assert next(x for x in unit.signers if x.id == s.id).full_name == "Nguyễn Văn A"
    assert unit.recipients == ["Sở Y tế (báo cáo)", "Lưu: VT"]
