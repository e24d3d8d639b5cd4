"""Page rules: A4 portrait and its margins (trang.*), and the page numbers in the header
(so-trang.*: none on page 1, centred in the top margin, 13–14 pt, Arabic numerals). A section
after the first that holds a table may be landscape (NĐ 30: tables, appendices)."""

from __future__ import annotations

import re

from ..model import Para, Table
from ..ooxml import PAGE_H, PAGE_W, TNR, TWIPS_PER_MM, R, W, child, is_on, length, mm
from ..walk import field_runs
from .common import Context, center_problem, sizes_text

__all__ = ["check_page", "check_page_numbers"]

_HEADER_LABELS = {
    ("header", "default"): "đầu trang",
    ("header", "first"): "đầu trang của trang đầu",
    ("header", "even"): "đầu trang của trang chẵn",
    ("footer", "default"): "chân trang",
    ("footer", "first"): "chân trang của trang đầu",
    ("footer", "even"): "chân trang của trang chẵn",
}
# margin attribute, rule, label, allowed range in mm
_MARGINS = (
    ("top", "trang.le-tren", "lề trên", 20, 25),
    ("bottom", "trang.le-duoi", "lề dưới", 20, 25),
    ("left", "trang.le-trai", "lề trái", 30, 35),
    ("right", "trang.le-phai", "lề phải", 15, 20),
)


def _holds_table(ctx: Context, index: int) -> bool:
    """Whether section `index` (1-based) holds a table among its blocks."""
    secs = ctx.doc.sections
    start = secs[index - 2].end_block + 1 if index > 1 else 0
    end = secs[index - 1].end_block
    return any(isinstance(b, Table) for b in ctx.doc.blocks[start : end + 1])


def check_page(ctx: Context) -> None:
    many = len(ctx.doc.sections) > 1
    for sec in ctx.doc.sections:
        where = f"phần (section) {sec.index}" if many else "trang"
        sect = sec.sect
        pgsz = child(sect, W.pgSz) if sect is not None else None
        if pgsz is None:
            ctx.add("trang.kho-giay", where, "không khai báo khổ giấy, cần A4 (210 × 297 mm)")
        else:
            w = length(pgsz.get(W.w)) or 0
            h = length(pgsz.get(W.h)) or 0
            short, long_ = sorted((w, h))
            if abs(short - PAGE_W) > 20 or abs(long_ - PAGE_H) > 20:
                ctx.add("trang.kho-giay", where, f"khổ giấy {mm(w)} × {mm(h)} mm, cần A4 (210 × 297 mm)")
            if (pgsz.get(W.orient) == "landscape" or w > h) and not (sec.index > 1 and _holds_table(ctx, sec.index)):
                problem = "trang nằm ngang, cần khổ dọc"
                if sec.index > 1:
                    problem += " (chỉ phần có bảng, phụ lục mới được trình bày khổ ngang)"
                ctx.add("trang.huong-giay", where, problem)
        pgmar = child(sect, W.pgMar) if sect is not None else None
        if pgmar is None:
            ctx.add("trang.le-tren", where, "không khai báo lề trang")
            continue
        gutter = length(pgmar.get(W.gutter)) or 0
        for attr, rule, label, lo, hi in _MARGINS:
            v = length(pgmar.get(getattr(W, attr)))
            v = abs(v) + (gutter if attr == "left" else 0) if v is not None else None
            if v is None or not lo * TWIPS_PER_MM - 1 <= v <= hi * TWIPS_PER_MM + 1:
                got = f"{mm(v)} mm" if v is not None else "không khai báo"
                ctx.add(rule, where, f"{label} {got}, cần {lo}–{hi} mm")


def check_page_numbers(ctx: Context) -> None:
    doc = ctx.doc
    even_odd = False
    if doc.settings is not None:
        el = child(doc.settings, W.evenAndOddHeaders)
        even_odd = el is not None and is_on(el)
    labels = _HEADER_LABELS
    current: dict[tuple[str, str], str | None] = {}
    checked: set[str] = set()
    many = len(doc.sections) > 1
    for sec in doc.sections:
        sect = sec.sect
        where = f"phần (section) {sec.index}" if many else "số trang"
        refs = {}
        if sect is not None:
            for kind in ("header", "footer"):
                for ref in sect.findall(getattr(W, kind + "Reference")):
                    rtype = ref.get(W.type) or "default"
                    refs[(kind, rtype)] = ref.get(R.id)
        for key, label in labels.items():
            if key in refs:  # a section without a reference inherits the previous one's
                current[key] = doc.header_part(refs[key], label)
        title_pg = sect is not None and child(sect, W.titlePg) is not None and is_on(child(sect, W.titlePg))
        if sec.index == 1:
            if not title_pg:
                ctx.add(
                    "so-trang.trang-dau", where, 'chưa bật "Trang đầu khác" (w:titlePg): số trang sẽ hiện ở trang 1'
                )
            elif _page_fields(ctx, current.get(("header", "first"))):
                ctx.add(
                    "so-trang.trang-dau", "đầu trang của trang đầu", "có số trang ở trang 1, trang đầu không đánh số"
                )
        pgnum = child(sect, W.pgNumType) if sect is not None else None
        if pgnum is not None and (pgnum.get(W.fmt) or "decimal") != "decimal":
            ctx.add("so-trang.kieu-so", where, f"số trang kiểu {pgnum.get(W.fmt)}, cần chữ số Ả Rập (1, 2, 3…)")
        types = ["default"] + (["even"] if even_odd else [])
        for rtype in types:
            part = current.get(("header", rtype))
            label = labels[("header", rtype)]
            fields = _page_fields(ctx, part)
            if not fields:
                ctx.add(
                    "so-trang.thieu",
                    label if not many else f"{where}, {label}",
                    "không có số trang (trường PAGE) ở giữa lề trên",
                )
                continue
            if part in checked:
                continue
            checked.add(part)
            for para, runs, instr in fields:
                _check_page_field(ctx, para, runs, instr)
        for rtype in ("default", "first", "even"):
            part = current.get(("footer", rtype))
            if part and part not in checked and _page_fields(ctx, part):
                checked.add(part)
                ctx.add(
                    "so-trang.vi-tri",
                    labels[("footer", rtype)],
                    "số trang đặt ở chân trang, cần ở giữa lề trên (đầu trang)",
                )


def _page_fields(ctx: Context, part: str | None) -> list:
    """[(paragraph, field runs, instruction)] for each PAGE field of a header/footer part."""
    if not part:
        return []
    out = []
    for para in ctx.doc.all_paras(ctx.doc.header_parts[part][1], ctx.doc.header_paras[part]):
        for runs, instr in field_runs(para.el):
            words = instr.split()
            if words and words[0].upper() == "PAGE":
                out.append((para, runs, instr))
    return out


def _check_page_field(ctx: Context, para: Para, runs: list, instr: str) -> None:
    resolver = ctx.doc.resolver
    props = [resolver.run_props(para.el, r, para.table_style) for r in runs] or [
        resolver.run_props(para.el, None, para.table_style)
    ]
    place = para.loc + " (số trang)"
    if para.props.jc != "center":
        ctx.add("so-trang.can-giua", place, center_problem(para))
    bad = sorted({p.size_pt for p in props if not 13 <= p.size_pt <= 14})
    if bad:
        ctx.add("so-trang.co-chu", place, f"cỡ chữ {sizes_text(bad)}, cần 13–14 pt")
    fonts = sorted({f for p in props for f in (p.ascii_font,) if f.lower() != TNR.lower()})
    if fonts:
        ctx.add("phong-chu", place, f'phông "{", ".join(fonts)}", cần {TNR}')
    if re.search(r"\\\*\s*(roman|alphabetic)", instr, re.I):
        ctx.add("so-trang.kieu-so", place, "số trang không phải chữ số Ả Rập")
