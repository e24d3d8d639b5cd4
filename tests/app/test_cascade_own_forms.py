"""Tạo từ kế hoạch cấp trên with the unit's own forms (issue 21): a form the unit added is proposed as a
target, read from its database, not from a catalogue some other code set."""

from __future__ import annotations

from desktop import app
from desktop.domain.models import Target
from desktop.store import db, units
from tests.domain.test_forms_value import SUPERIOR


def test_the_units_own_form_is_proposed_from_its_database(demo_copy, tmp_path):
    src = tmp_path / "ke_hoach_cap_tren.txt"
    src.write_text(SUPERIOR, encoding="utf-8")
    conn = db.open_db(demo_copy)
    try:
        unit = units.load_unit(conn)
        before = app.cascade.propose(conn, unit, src, 2026)
        task = next(t for t in before.tasks if t.text.startswith("Khám sàng lọc"))
        assert task.targets == [Target(2, "hoi_nghi")]
        app.add_form(conn, "Khám sàng lọc", "lượt", "Tổ chức")
        after = app.cascade.propose(conn, unit, src, 2026)
        task = next(t for t in after.tasks if t.text.startswith("Khám sàng lọc"))
        assert task.targets == [Target(200, "kham_sang_loc"), Target(2, "hoi_nghi")]
        plan_id = app.cascade.create(conn, after)
        *_, compiled, sections = app.compile_for(conn, plan_id)
        assert any("chỉ tiêu 200 lượt, chưa thực hiện" in s.text for s in sections)
    finally:
        conn.close()
