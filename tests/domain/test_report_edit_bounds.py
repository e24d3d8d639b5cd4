"""A clerk's edit of a report section is bounded before anything renders or lays it out (issue 25, point 8):
an 11-million-character edit came back as libxml2's English "Text node too long" blaming the template, and
12 million characters without a space never came back. Each is now one Vietnamese line naming the section."""

from __future__ import annotations

import pytest

from desktop.domain.errors import UserError
from desktop.domain.report import Section, apply_edits
from desktop.domain.section_text import MAX_SECTION_CHARS, MAX_UNBROKEN, section_text_problem


def sections() -> list[Section]:
    return [
        Section("I.", "Công tác chỉ đạo, điều hành", 1, key="chi_dao", draft="Bản nháp.", text="Bản nháp."),
        Section("", "", 0, key="ket_thuc", draft="Trên đây là báo cáo./.", text="Trên đây là báo cáo./."),
    ]


def test_an_edit_of_eleven_million_characters_names_the_section():
    with pytest.raises(UserError) as e:
        apply_edits(sections(), {"chi_dao": "chữ " * 2_749_999 + "chữ."})
    msg = str(e.value)
    assert "“Công tác chỉ đạo, điều hành”" in msg and "11.000.000 ký tự" in msg and "100.000" in msg, msg
    assert "\n" not in msg


def test_twelve_million_characters_without_a_space_name_the_section():
    with pytest.raises(UserError) as e:
        apply_edits(sections(), {"ket_thuc": "x" * 12_000_000})
    msg = str(e.value)
    assert "Câu kết thúc" in msg and "12.000.000 ký tự" in msg, msg
    with pytest.raises(UserError, match="không có dấu cách") as e:
        apply_edits(sections(), {"chi_dao": "x" * 50_000})
    assert "“Công tác chỉ đạo, điều hành”" in str(e.value)


def test_a_long_but_real_edit_is_applied():
    text = ("Tổ chức truyền thông tại https://example.vn/" + "a" * 300 + " cho người bệnh.\n") * 200
    assert len(text) < MAX_SECTION_CHARS
    [s, _] = apply_edits(sections(), {"chi_dao": text})
    assert s.text.startswith("Tổ chức truyền thông")
    assert section_text_problem("x", "a" * MAX_UNBROKEN) is None
    assert section_text_problem("x", ("a " * (MAX_SECTION_CHARS // 2))) is None


@pytest.mark.parametrize("text", ["chữ " * 2_750_000, "x" * 12_000_000], ids=["11M", "12M-no-space"])
def test_writing_the_report_names_the_section_not_the_template(demo_copy, tmp_path, text):
    from desktop import app
    from desktop.store import db, plans, reports

    conn = db.open_db(demo_copy)
    try:
        plan = plans.load_plan(conn, plans.latest_plan_id(conn))
        start, end = plans.plan_period(plan)
        r = app.report_for(conn, plan, start, end, period_given=False)
        with db.transaction(conn):
            reports.save_report(conn, r)
            reports.set_text(conn, r.id, "chi_dao", text)
        out = tmp_path / "bao_cao.docx"
        with pytest.raises(UserError) as e:
            app.write_report(conn, out, plan.id)
    finally:
        conn.close()
    msg = str(e.value)
    assert "Phần “" in msg and "mẫu" not in msg and "Text node" not in msg and "\n" not in msg, msg
    assert not out.exists()
