"""A conforming document gives no finding; the variants the rules allow pass."""

from __future__ import annotations

from docx.oxml.ns import qn

from desktop.nd30.textwidth import text_width_pt

from .builder import Builder, drawing_line_run, fmt, rules, set_text

# --------------------------------------------------------------------------------------------
# Conforming documents


def test_conforming_plan_has_no_finding(check):
    findings = check(Builder("KH"))
    assert findings == [], fmt(findings)


def test_conforming_report_with_appendix_has_no_finding(check):
    findings = check(Builder("BC"))
    assert findings == [], fmt(findings)


def test_blank_number_and_day_are_allowed(check):
    b = Builder()
    set_text(b.p["so"], "Số:      /KH-BVPBT")
    set_text(b.p["date"], "Lâm Đồng, ngày      tháng 9 năm 2025")
    assert check(b) == []


def test_leading_zero_months_and_day_pass(check):
    b = Builder()
    set_text(b.p["date"], "Lâm Đồng, ngày 09 tháng 02 năm 2026")
    set_text(b.p["so"], "Số: 05/KH-BVPBT")
    assert check(b) == []


def test_line_drawn_as_shape_is_accepted(check):
    b = Builder()
    par = b.p["issuer_line"]
    par._p.pPr.remove(par._p.pPr.find(qn("w:pBdr")))
    par._p.append(drawing_line_run(0.45 * text_width_pt("BỆNH VIỆN PHỔI BÌNH THUẬN", 12, True)))
    assert check(b) == []


def test_line_drawn_as_shape_too_long(check):
    b = Builder()
    par = b.p["issuer_line"]
    par._p.pPr.remove(par._p.pPr.find(qn("w:pBdr")))
    par._p.append(drawing_line_run(text_width_pt("BỆNH VIỆN PHỔI BÌNH THUẬN", 12, True)))
    assert rules(check(b)) == {"dau-trang.gach-co-quan"}
