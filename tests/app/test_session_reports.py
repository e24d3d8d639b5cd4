"""The session (app/session.py) and the report's edits as services (app/reports.py), issue 21."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from desktop import app
from desktop.store import plans, reports


def test_session_holds_the_database_its_forms_and_the_current_plan(demo_copy):
    with app.Session.open(demo_copy) as s:
        assert s.path == demo_copy and s.plan_id is None and s.period is None
        assert "kham_sang_loc" not in s.forms.by_code
        app.add_form(s.conn, "Khám sàng lọc", "lượt", "Tổ chức")
        assert "kham_sang_loc" not in s.forms.by_code  # a value: read again on purpose
        assert "kham_sang_loc" in s.reload_forms().by_code and s.forms.form("kham_sang_loc").unit == "lượt"
        s.plan_id = app.resolve_plan_id(s.conn, None)
        assert s.period_or_plan() == (None, None)
        s.period = (date(2025, 4, 1), date(2025, 6, 30))
        *_, compiled, _ = app.compile_for(s.conn, s.plan_id, *s.period_or_plan())
        assert (compiled.period_start, compiled.period_end) == s.period
        assert compiled.catalogue.by_code.keys() == s.forms.by_code.keys()
        conn = s.conn
    with pytest.raises(sqlite3.ProgrammingError):  # closed with the session
        conn.execute("SELECT 1")


@pytest.fixture
def session(demo_copy):
    with app.Session.open(demo_copy) as s:
        yield s


def _new_period_report(s):
    plan = plans.load_plan(s.conn, 1)
    r = app.report_for(s.conn, plan, date(2025, 7, 1), date(2025, 9, 30))
    assert r.id is None
    return r


def test_a_text_equal_to_its_draft_is_no_edit(session):
    assert app.reports.is_edit("Bản nháp.", "Bản nháp. \n") is False
    assert app.reports.is_edit("Bản nháp.", "   ") is False
    assert app.reports.is_edit("Bản nháp.", "Bản nháp đã sửa.") is True
    r = _new_period_report(session)
    before = session.conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
    r = app.reports.save_section(session.conn, r, "uu_diem", "Bản nháp.", "Bản nháp.  ")
    assert r.id is None and session.conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == before


def test_an_edit_stores_the_periods_report_and_the_draft_removes_it(session):
    r = _new_period_report(session)
    r = app.reports.save_section(session.conn, r, "uu_diem", "Bản nháp.", "Văn thư viết.")
    assert r.id is not None and r.texts == {"uu_diem": "Văn thư viết."}
    stored = reports.report_for_period(session.conn, 1, date(2025, 7, 1), date(2025, 9, 30))
    assert stored.id == r.id and stored.texts == {"uu_diem": "Văn thư viết."}
    r = app.reports.save_section(session.conn, r, "uu_diem", "Bản nháp.", "Bản nháp.")
    assert r.texts == {} and reports.load_report(session.conn, r.id).texts == {}


def test_the_header_saved_stores_the_report(session):
    r = _new_period_report(session)
    r.addressee = "Sở Y tế tỉnh Lâm Đồng"
    r.number = 12
    r = app.reports.save_header(session.conn, r)
    assert r.id is not None
    stored = reports.load_report(session.conn, r.id)
    assert (stored.addressee, stored.number) == ("Sở Y tế tỉnh Lâm Đồng", 12)
    r.number = 13
    app.reports.save_header(session.conn, r)
    assert reports.load_report(session.conn, r.id).number == 13
