"""Walking the XML of a paragraph: its runs and their text, block children, drawn lines, fields."""

from __future__ import annotations

import re

from .ooxml import EMU_PER_PT, MC, WP, A, O, V, W, length

__all__ = ["drawn_lines", "field_runs", "in_fallback", "iter_blocks", "iter_runs", "run_text"]


_RUN_CONTAINERS = {
    W.hyperlink,
    W.ins,
    W.smartTag,
    W.sdt,
    W.sdtContent,
    W.fldSimple,
    W.customXml,
    W.moveTo,
    W.dir,
    W.bdo,
}
_BLOCK_CONTAINERS = {W.sdt, W.sdtContent, W.customXml}


def iter_runs(el):
    """The runs of a paragraph, in order, without those of text boxes or deleted text."""
    for node in el:
        if node.tag == W.r:
            yield node
        elif node.tag in _RUN_CONTAINERS:
            yield from iter_runs(node)


def iter_blocks(container):
    """Block-level w:p and w:tbl children, looking through content controls."""
    for node in container:
        if node.tag in (W.p, W.tbl):
            yield node
        elif node.tag in _BLOCK_CONTAINERS:
            yield from iter_blocks(node)


def run_text(r) -> tuple[str, bool]:
    """(text, has a page break) of a run: w:t, w:tab as tab, w:br/w:cr as line break."""
    parts, page_break = [], False
    for child in r:
        tag = child.tag
        if tag == W.t:
            parts.append(child.text or "")
        elif tag in (W.tab, W.ptab):
            parts.append("\t")
        elif tag == W.br:
            if child.get(W.type) == "page":
                page_break = True
            parts.append("\n")
        elif tag == W.cr:
            parts.append("\n")
        elif tag == W.noBreakHyphen:
            parts.append("-")
    return "".join(parts), page_break


def in_fallback(el) -> bool:
    return any(a.tag == MC.Fallback for a in el.iterancestors())


def drawn_lines(p) -> list:
    """Widths in pt (None when unknown) of straight-line shapes drawn in a paragraph."""
    out = []
    for geom in p.iter(A.prstGeom):
        if geom.get("prst") not in ("line", "straightConnector1") or in_fallback(geom):
            continue
        width = None
        for anc in geom.iterancestors():
            if anc.tag in (WP.inline, WP.anchor):
                ext = anc.find(WP.extent)
                if ext is not None and ext.get("cx"):
                    width = float(ext.get("cx")) / EMU_PER_PT
                break
        out.append(width)
    for shape in p.iter(V.line, V.shape):
        if in_fallback(shape):
            continue
        if shape.tag == V.line:
            width = _vml_line_width(shape.get("from"), shape.get("to"))
        elif shape.get(O.connectortype) == "straight" or (shape.get("type") or "").endswith(
            ("_x0000_t32", "_x0000_t20")
        ):
            m = re.search(r"(?:^|;)\s*width:\s*([\d.]+\s*[a-z]*)", shape.get("style") or "")
            tw = length(m.group(1), 20.0) if m else None
            width = tw / 20 if tw is not None else None
        else:
            continue
        out.append(width)
    return out


def _vml_line_width(start: str | None, end: str | None) -> float | None:
    try:
        x1 = length((start or "0,0").split(",")[0], 20.0)
        x2 = length((end or "").split(",")[0], 20.0)
    except IndexError:
        return None
    if x1 is None or x2 is None:
        return None
    return abs(x2 - x1) / 20


def field_runs(p) -> list[tuple[list, str]]:
    """[(runs of the field, instruction)] for the simple and complex fields of a paragraph."""
    out = []
    for fs in p.iter(W.fldSimple):
        if not in_fallback(fs):
            out.append((list(iter_runs(fs)), fs.get(W.instr) or ""))
    stack: list[tuple[list, list]] = []  # open fields: (runs, instruction parts)
    for r in iter_runs(p):
        for child in r:
            if child.tag == W.fldChar:
                kind = child.get(W.fldCharType)
                if kind == "begin":
                    stack.append(([], []))
                elif kind == "end" and stack:
                    runs, instr = stack.pop()
                    runs.append(r)
                    out.append((runs, "".join(instr)))
                    continue
            elif child.tag == W.instrText and stack:
                stack[-1][1].append(child.text or "")
        if stack and (not stack[-1][0] or stack[-1][0][-1] is not r):
            stack[-1][0].append(r)
    return out
