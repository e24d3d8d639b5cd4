"""How sections, drawn lines, capitals, styles and theme fonts are read."""

from __future__ import annotations

import pytest
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

from desktop.nd30 import StyleResolver
from desktop.nd30.textwidth import text_width_pt

from .builder import Builder, fmt, rules, set_text


def _section_break_before_appendix(b, kind=None):
    """Replace the page-break paragraph by a section break (a paragraph holding a sectPr)."""
    import copy

    par = b.p["page_break"]
    for run in list(par.runs):
        run._r.getparent().remove(run._r)
    body_sect = b.doc.element.body.sectPr
    sect = copy.deepcopy(body_sect)
    par._p.get_or_add_pPr().append(sect)
    if kind:
        type_el = OxmlElement("w:type")
        type_el.set(qn("w:val"), kind)
        body_sect.insert(0, type_el)


def test_section_break_starts_appendix_on_new_page(check):
    b = Builder("BC")
    _section_break_before_appendix(b)
    findings = check(b)
    assert findings == [], fmt(findings)


def test_continuous_section_break_is_not_a_new_page(check):
    b = Builder("BC")
    _section_break_before_appendix(b, "continuous")
    assert rules(check(b)) == {"phu-luc.trang-moi"}


def _vml_line_paragraph(width_pt):
    return parse_xml(
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<w:pPr><w:jc w:val="center"/></w:pPr><w:r><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:t></w:t></mc:Choice>'
        '<mc:Fallback><w:pict><v:line from="0,0" to="500pt,0"/></w:pict></mc:Fallback>'
        "</mc:AlternateContent></w:r>"
        f'<w:r><w:pict><v:line from="10pt,0" to="{10 + width_pt}pt,0"/></w:pict></w:r></w:p>'
    )


def test_vml_line_is_measured_and_fallback_ignored(check):
    motto_w = text_width_pt("Độc lập - Tự do - Hạnh phúc", 13, True)
    b = Builder()
    old = b.p["tieu_ngu_line"]._p
    old.addprevious(_vml_line_paragraph(motto_w))
    old.getparent().remove(old)
    findings = check(b)
    assert findings == [], fmt(findings)
    b = Builder()
    old = b.p["tieu_ngu_line"]._p
    old.addprevious(_vml_line_paragraph(motto_w / 2))
    old.getparent().remove(old)
    assert rules(check(b)) == {"dau-trang.gach-tieu-ngu"}


def test_all_caps_counts_as_uppercase(check):
    b = Builder()
    run = b.p["doc_type"].runs[0]
    run.text = "Kế hoạch"
    run.font.all_caps = True
    set_text(b.p["so"], "Số: 12/BC-BVPBT")  # the type code still comes from "KẾ HOẠCH"
    assert rules(check(b)) == {"dau-trang.ky-hieu-loai"}


# --------------------------------------------------------------------------------------------
# Style resolution


def test_bold_from_paragraph_style_chain(check):
    b = Builder()
    styles = b.doc.styles
    from docx.enum.style import WD_STYLE_TYPE

    base = styles.add_style("ParentBase", WD_STYLE_TYPE.PARAGRAPH)
    base.font.bold = True
    child = styles.add_style("ParentChild", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = base
    par = b.p["parent"]
    par.style = child
    par.runs[0].bold = None  # no direct b: the bold comes from the style chain
    assert "dau-trang.co-quan-chu-quan" in rules(check(b))


def test_theme_font_is_resolved(check):
    b = Builder()
    rpr = b.p["body"][2].runs[0]._r.get_or_add_rPr()
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:asciiTheme"), "minorHAnsi")
    fonts.set(qn("w:hAnsiTheme"), "minorHAnsi")
    rpr.insert(0, fonts)
    findings = [f for f in check(b) if f.rule == "phong-chu"]
    assert findings and "Times New Roman" in findings[0].message


def test_toggle_properties():
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    styles = parse_xml(
        f'<w:styles {w}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr>'
        "</w:rPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>'
        '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="Normal"/>'
        '<w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Strong">'
        '<w:rPr><w:b w:val="true"/></w:rPr></w:style>'
        "</w:styles>"
    )
    res = StyleResolver(styles)
    p = parse_xml(f'<w:p {w}><w:pPr><w:pStyle w:val="B"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>')
    r = p.find(qn("w:r"))
    props = res.run_props(p, r)
    assert props.bold and props.size_pt == 14 and props.ascii_font == "Times New Roman"
    r_off = parse_xml(f'<w:r {w}><w:rPr><w:b w:val="0"/></w:rPr><w:t>x</w:t></w:r>')
    assert not res.run_props(p, r_off).bold
    r_strong = parse_xml(f'<w:r {w}><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>x</w:t></w:r>')
    assert not res.run_props(p, r_strong).bold  # bold paragraph style XOR bold character style
    r_direct = parse_xml(f'<w:r {w}><w:rPr><w:rStyle w:val="Strong"/><w:b w:val="on"/></w:rPr><w:t>x</w:t></w:r>')
    assert res.run_props(p, r_direct).bold  # direct formatting is absolute
    plain = parse_xml(f"<w:p {w}><w:r><w:t>x</w:t></w:r></w:p>")
    assert res.run_props(plain, plain.find(qn("w:r"))).size_pt == 12


def test_text_width_is_plausible():
    assert text_width_pt("n", 12) == pytest.approx(6.0)
    bold = text_width_pt("BỆNH VIỆN", 12, True)
    assert bold > text_width_pt("BỆNH VIỆN", 12, False) > 0
    assert text_width_pt("\U0001f600", 10) == pytest.approx(text_width_pt("n", 10))


# --------------------------------------------------------------------------------------------
# Files that cannot be checked
