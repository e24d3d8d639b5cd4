"""Issue 24 points 5 and 6, counted by hand: the report's title names its plan (two plans of one year, two
titles), Kính gửi and Nơi nhận name the body that asked for the report and not the plan's own recipients;
each row's unit is respected, "Khác" is named by what was done, people are never counted twice."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn

from desktop import app
from desktop.domain.models import Activity, LegalRef, PartialDate, Plan, SuperiorDoc, Unit
from desktop.domain.report import compile_report, group_sentence, report_recipients, report_title
from desktop.nd30 import check_docx
from desktop.store import db

UNIT = Unit("Trung tâm Y tế khu vực Ninh Hòa", "TTYT", "Khánh Hòa", recipients=["Sở Y tế (báo cáo)", "Ban Giám đốc"])
Y = date(2026, 1, 1), date(2026, 12, 31)


def _plan(title: str, number: int | None = None) -> Plan:
    return Plan(title=title, doc_date=PartialDate(2026, 2, 3), number=number, period_start=Y[0], period_end=Y[1])


def _title(plan: Plan) -> str:
    return report_title(plan, UNIT, compile_report(plan, UNIT, [], *Y))


def test_two_plans_of_one_year_have_two_titles():
    tb = _title(_plan("Truyền thông phòng, chống bệnh lao năm 2026"))
    cs = _title(_plan("Truyền thông về chuyển đổi số y tế năm 2026 của Trung tâm Y tế khu vực Ninh Hòa"))
    assert tb == "Kết quả thực hiện Kế hoạch truyền thông phòng, chống bệnh lao năm 2026"
    assert cs == "Kết quả thực hiện Kế hoạch truyền thông về chuyển đổi số y tế năm 2026"
    numbered = _title(_plan("Truyền thông phòng, chống bệnh lao năm 2026", 12))
    assert (
        numbered == "Kết quả thực hiện Kế hoạch số 12/KH-TTYT ngày 03/02/2026 của Trung tâm Y tế khu vực Ninh Hòa"
        " về truyền thông phòng, chống bệnh lao năm 2026"
    )


def test_recipients_are_the_body_asked_then_the_archive():
    assert report_recipients("Sở Y tế tỉnh Khánh Hòa", UNIT.recipients) == ["Sở Y tế tỉnh Khánh Hòa (báo cáo)"]
    assert report_recipients("", UNIT.recipients) == ["Sở Y tế (báo cáo)"]  # no superior: the unit's own


def test_the_generated_report_is_addressed_to_the_superior_only(demo_copy, tmp_path):
    """The demo plan's recipients are 'Sở Y tế (báo cáo)', 'Ban Giám đốc (chỉ đạo)', 'Các khoa, phòng …',
    'Trang TTĐT Bệnh viện (đăng tải)'; its superior's addressee is Sở Y tế tỉnh Lâm Đồng."""
    conn = db.open_db(demo_copy)
    with db.transaction(conn):
        conn.execute("DELETE FROM reports")  # a report made now, as the clerk's first
        conn.execute("UPDATE superior_docs SET addressee = ''")  # read from the superior's issuer then
    (out,) = app.write_report(conn, tmp_path / "bc.docx")
    d = Document(out)
    paras = [p.text for p in d.paragraphs if p.text.strip()]
    assert paras[2] == "Kính gửi: Sở Y tế tỉnh Lâm Đồng"
    closing = d.tables[1]._tbl
    left = closing.findall(f"{qn('w:tr')}/{qn('w:tc')}")[0]
    lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in left.findall(qn("w:p"))]
    assert [x for x in lines if x.strip()] == ["Nơi nhận:", "- Sở Y tế tỉnh Lâm Đồng (báo cáo);", "- Lưu: VT, KHTH."]
    assert check_docx(out) == []


FORM_CASES = [
    # (form, unit typed, quantity, participants, titles) -> the sentence, counted by hand
    ("hoi_nghi", "buổi", 1, 0, ["Hội thảo chuyển đổi số"], "Tổ chức 01 buổi hội nghị, hội thảo."),
    ("hoi_nghi", "", 2, 40, ["a", "b"], "Tổ chức 02 hội nghị, hội thảo với 40 lượt người tham dự."),
    ("to_roi", "bản", 500, 0, ["Tờ rơi lao"], "Phát hành 500 bản tờ rơi."),
    ("tap_huan", "buổi", 2, 30, ["x"], "Tổ chức 02 buổi tập huấn với 30 lượt học viên."),
    (
        "khac",
        "buổi",
        1,
        0,
        ["Diễn tập ứng cứu sự cố an toàn thông tin"],
        "Thực hiện 01 buổi diễn tập ứng cứu sự cố an toàn thông tin.",
    ),
    ("khac", "lượt", 8, 8, ["Khám sàng lọc lao cho người bệnh"], "Thực hiện 08 lượt khám sàng lọc lao cho người bệnh."),
    # a count of sessions in "lượt" and the people they reached are two figures, both said
    (
        "khac",
        "lượt",
        3,
        120,
        ["Khám sàng lọc"],
        "Thực hiện 03 lượt khám sàng lọc với 120 lượt người tham dự.",
    ),
    (
        "khac",
        "",
        5,
        0,
        ["Trưng bày sản phẩm", "Ngày hội hiến máu", "Trưng bày sản phẩm", "Tọa đàm", "Thi ảnh", "Chạy bộ"],
        "Thực hiện 05 hoạt động (trưng bày sản phẩm; ngày hội hiến máu; tọa đàm và 2 nội dung khác).",
    ),
]


@pytest.mark.parametrize("form, unit, qty, people, titles, sentence", FORM_CASES)
def test_each_rows_unit_and_what_khac_was(form, unit, qty, people, titles, sentence):
    acts = [
        Activity(date(2026, 3, 2), None, form, t, quantity=0, unit_label=unit, participants=0) for t in titles[1:]
    ] + [Activity(date(2026, 3, 1), None, form, titles[0], quantity=qty, unit_label=unit, participants=people)]
    c = compile_report(_plan("Truyền thông"), UNIT, acts, *Y)
    assert group_sentence(c.forms, "Trung tâm") == sentence


def test_the_issues_sentence_no_longer_doubles_people():
    """'thực hiện 01 buổi khác…; 08 lượt khác với 8 lượt người tham dự' (issue 24) from two "Khác" rows."""
    acts = [
        Activity(date(2026, 3, 1), None, "khac", "Tư vấn dinh dưỡng", quantity=1, unit_label="buổi"),
        Activity(date(2026, 3, 2), None, "khac", "Khám sàng lọc", quantity=8, unit_label="lượt", participants=8),
    ]
    text = group_sentence(compile_report(_plan("x"), UNIT, acts, *Y).forms, "Trung tâm")
    assert text == "Thực hiện 01 buổi tư vấn dinh dưỡng; thực hiện 08 lượt khám sàng lọc."
    assert " khác" not in text and "người tham dự" not in text


def test_the_superiors_issuer_is_the_addressee_of_a_new_report():
    from desktop.domain.report import default_report

    sup = SuperiorDoc(LegalRef("Kế hoạch", "357/KH-SYT", date(2025, 9, 4), "Sở Y tế tỉnh Khánh Hòa"))
    plan = dataclasses.replace(_plan("x"), superior=sup)
    assert default_report(plan, *Y).addressee == "Sở Y tế tỉnh Khánh Hòa"
    sup.addressee = "Sở Y tế"
    assert default_report(plan, *Y).addressee == "Sở Y tế"
