"""Each reporting period of a plan keeps its own report and edits."""

from datetime import date

from desktop import app
from desktop.domain.report import default_report
from desktop.store import db, plans, reports


def test_report_of_each_period_is_found_or_created(demo_copy):
    conn = db.open_db(demo_copy)
    plan = plans.load_plan(conn, 1)
    q1 = (date(2025, 1, 1), date(2025, 3, 31))
    assert reports.report_for_period(conn, 1, *q1) is None
    with db.transaction(conn):
        r = reports.period_report(conn, default_report(plan, *q1))
        reports.set_text(conn, r.id, "uu_diem", "Quý I.")
    with db.transaction(conn):
        again = reports.period_report(conn, default_report(plan, *q1))
    assert again.id == r.id and again.texts == {"uu_diem": "Quý I."}
    fresh = app.report_for(conn, plan, date(2025, 4, 1), date(2025, 6, 30))
    assert fresh.id is None and fresh.texts == {}  # nothing stored until the clerk edits it
    assert app.report_for(conn, plan, *q1).texts == {"uu_diem": "Quý I."}
    conn.close()
