"""The short solid lines of NĐ 30 (under the issuing body, the motto and the summary),
drawn as the top border of an empty paragraph and sized to the longest printed line of the
text above them; and the line breaks of a unit or parent name too long for its header cell."""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..nd30.wrap import longest_line_pt, name_breaks

SHORT, LONG = "VBKengan", "VBKedai"
NAMES = ("VBCoquanchuquan", "VBCoquanbanhanh")  # parent body, issuing body: broken at a sensible point
RATIO = {SHORT: 0.42, LONG: 1.0}  # of the text width: 1/3–1/2 under names, full under the motto
TWIPS_PER_PT = 20


def _style_id(p) -> str:
    ppr = p.find(qn("w:pPr"))
    st = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return st.get(qn("w:val")) if st is not None else ""


def _text(p) -> str:
    """The paragraph's text, a line break as '\\n'."""
    out = []
    for el in p.iter(qn("w:t"), qn("w:br"), qn("w:cr")):
        out.append((el.text or "") if el.tag == qn("w:t") else "\n")
    return "".join(out)


def _available_twips(p, page_twips: int) -> int:
    tc = next((a for a in p.iterancestors(qn("w:tc"))), None)
    if tc is None:
        return page_twips
    tbl = next(tc.iterancestors(qn("w:tbl")))
    idx = list(tc.getparent().findall(qn("w:tc"))).index(tc)
    cols = tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))
    width = int(cols[idx].get(qn("w:w")))
    mar = tbl.find(qn("w:tblPr")).find(qn("w:tblCellMar"))
    if mar is not None:
        for side in ("left", "right"):
            el = mar.find(qn(f"w:{side}"))
            if el is not None:
                width -= int(el.get(qn("w:w")))
    return width


def _run_props(doc: Document, p) -> tuple[float, bool]:
    """Size and boldness of the text paragraph above a line (its style's, as the templates set them)."""
    style = doc.styles.get_by_id(_style_id(p), 1) if _style_id(p) else doc.styles["Normal"]
    size = style.font.size.pt if style.font.size else 14.0
    return size, bool(style.font.bold)


def break_names(doc: Document) -> None:
    """A parent or issuing body's name wider than its header cell gets line breaks where a
    reader expects them (before "TỈNH", "THÀNH PHỐ" …, never inside a word of two syllables),
    instead of wherever the line happens to end."""
    body = doc.element.body
    cond = " or ".join(f'@w:val="{n}"' for n in NAMES)
    # in the header table only (a descendant-of-descendant path over a long appendix is quadratic)
    for p in body.xpath(f"./w:tbl[1]//w:p[w:pPr/w:pStyle[{cond}]]"):
        ts = list(p.iter(qn("w:t")))
        if len(ts) != 1 or p.find(f".//{qn('w:br')}") is not None:
            continue  # broken by hand already, or split in runs: left as typed
        text = ts[0].text or ""
        size, bold = _run_props(doc, p)
        cuts = name_breaks(text, size, bold, _available_twips(p, 0) / TWIPS_PER_PT)
        if not cuts:
            continue
        t = ts[0]
        pieces = [text[a:b] for a, b in zip((0, *(c + 1 for c in cuts)), (*cuts, len(text)))]
        t.text = pieces[0]
        at = t
        for piece in pieces[1:]:
            br = OxmlElement("w:br")
            nt = OxmlElement("w:t")
            nt.text = piece
            nt.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            at.addnext(br)
            br.addnext(nt)
            at = nt


def fit_rules(doc: Document) -> None:
    """Set the indents of every line paragraph so its length matches the longest printed line
    of the text above it."""
    sec = doc.sections[0]
    page = int((sec.page_width - sec.left_margin - sec.right_margin) / 635)
    body = doc.element.body
    for p in body.xpath(f'.//w:p[w:pPr/w:pStyle[@w:val="{SHORT}" or @w:val="{LONG}"]]'):
        sid = _style_id(p)
        prev = p.getprevious()
        while prev is not None and (prev.tag != qn("w:p") or not _text(prev).strip()):
            prev = prev.getprevious()
        if prev is None:
            continue
        avail = _available_twips(p, page)
        size, bold = _run_props(doc, prev)
        text_tw = longest_line_pt(_text(prev).strip(), size, bold, avail / TWIPS_PER_PT) * TWIPS_PER_PT
        line = max(int(text_tw * RATIO[sid]), 200)
        side = max((avail - line) // 2, 0)
        ind = p.get_or_add_pPr().get_or_add_ind()  # inserted in schema order
        ind.set(qn("w:left"), str(side))
        ind.set(qn("w:right"), str(side))
        ind.set(qn("w:firstLine"), "0")
