"""The header table (dau-trang.*): two borderless columns, the issuing body over its number
line on the left, the national title, the motto and the place and date on the right."""

from __future__ import annotations

import re

from ..model import Para, Table
from .closing import is_closing
from .common import Context, borderless, centred_line, is_placeholder, is_typed_line, line_pt, text_pt, upper_problem
from .number_date import check_date_line, check_number_line
from .underline import line_under

__all__ = ["QUOC_HIEU", "TIEU_NGU", "check_header"]

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


def check_header(ctx: Context) -> int:
    """Check the header table; return the index of the first block after it."""
    blocks = ctx.doc.blocks
    first_tbl = next((i for i, b in enumerate(blocks) if isinstance(b, Table)), None)
    if first_tbl is None or is_closing(blocks[first_tbl]):
        ctx.add(
            "dau-trang.bang",
            "đầu văn bản",
            "không có bảng đầu văn bản (hai cột: tên cơ quan, số ký hiệu | Quốc hiệu, "
            "Tiêu ngữ, địa danh và ngày tháng)",
        )
        return 0
    for b in blocks[:first_tbl]:
        if isinstance(b, Para) and b.has_text:
            ctx.add("dau-trang.bang", b.place, "có chữ trước bảng đầu văn bản; bảng phải đứng đầu trang 1")
    table: Table = blocks[first_tbl]
    if table.column_count() != 2:
        ctx.add("dau-trang.so-cot", table.loc, f"bảng đầu văn bản có {table.column_count()} cột, cần 2 cột")
    borderless(ctx, table, "dau-trang.vien", "bảng đầu văn bản")
    _check_left(ctx, table)
    _check_right(ctx, table)
    return first_tbl + 1


def _check_left(ctx: Context, table: Table) -> None:
    """Parent body (not bold) and issuing body (bold), both in capitals; the line; "Số:"."""
    paras = table.column(0)
    lines = [p for p in paras if p.has_text]
    so_i = next((i for i, p in enumerate(lines) if re.match(r"^Số\b", p.stripped)), None)
    names = lines[:so_i] if so_i is not None else lines[:]
    # a typed "______" line or a "…………" blank of a form is neither the parent nor the issuing body
    names = [p for p in names if not (is_typed_line(p.stripped) or is_placeholder(p.stripped))]
    if not names:
        ctx.add("dau-trang.co-quan-ban-hanh", table.loc + " (cột trái)", "không có tên cơ quan ban hành")
    else:
        if len(names) == 1:
            parents, issuer = [], names
        else:  # parent body: the leading non-bold lines (at least one)
            k = 1
            while k < len(names) - 1 and not names[k].any_bold():
                k += 1
            parents, issuer = names[:k], names[k:]
        for rule, what, group, bold in (
            ("dau-trang.co-quan-chu-quan", "tên cơ quan chủ quản ", parents, False),
            ("dau-trang.co-quan-ban-hanh", "tên cơ quan ban hành ", issuer, True),
        ):
            for p in group:
                ctx.report(rule, p.place, [upper_problem(p.stripped), *centred_line(p, 12, 13, bold)], what)

        def printed(p):  # a long name wraps in its cell: the line is measured on its longest line
            cell = table.cell_of(p)
            return line_pt(p, cell.text_width if cell is not None else None)

        line_under(
            ctx,
            table,
            paras,
            issuer[-1],
            "dau-trang.gach-co-quan",
            "tên cơ quan ban hành",
            max(printed(p) for p in issuer),
            1 / 3,
            1 / 2,
            "1/3–1/2",
        )
    if so_i is None:
        ctx.add("dau-trang.so-ky-hieu", table.loc + " (cột trái)", 'không có dòng số, ký hiệu ("Số: …/KH-…")')
        return
    check_number_line(ctx, lines[so_i])


def _exact(para: Para, want: str) -> str | None:
    return None if " ".join(para.stripped.split()) == want else f'cần đúng "{want}"'


def _check_right(ctx: Context, table: Table) -> None:
    """National title, motto with its line, place and date."""
    paras = table.column(1)
    lines = [p for p in paras if p.has_text]
    where = table.loc + " (cột phải)"
    if not lines:
        ctx.add("dau-trang.quoc-hieu", where, f'không có Quốc hiệu "{QUOC_HIEU}"')
        ctx.add("dau-trang.tieu-ngu", where, f'không có Tiêu ngữ "{TIEU_NGU}"')
        ctx.add("dau-trang.dia-danh-ngay", where, "không có dòng địa danh, ngày tháng")
        return
    qh = lines[0]
    ctx.report("dau-trang.quoc-hieu", qh.place, [_exact(qh, QUOC_HIEU), *centred_line(qh, 12, 13, True)], "Quốc hiệu ")
    if len(lines) < 2:
        ctx.add("dau-trang.tieu-ngu", where, f'không có Tiêu ngữ "{TIEU_NGU}"')
    else:
        tn = lines[1]
        ctx.report("dau-trang.tieu-ngu", tn.place, [_exact(tn, TIEU_NGU), *centred_line(tn, 13, 14, True)], "Tiêu ngữ ")
        line_under(
            ctx,
            table,
            paras,
            tn,
            "dau-trang.gach-tieu-ngu",
            "Tiêu ngữ",
            text_pt(tn),
            0.8,
            1.2,
            "bằng chiều dài dòng chữ",
        )
    date = next((p for p in lines[2:] if "ngày" in p.stripped), lines[2] if len(lines) > 2 else None)
    if date is None:
        ctx.add("dau-trang.dia-danh-ngay", where, "không có dòng địa danh, ngày tháng")
    else:
        check_date_line(ctx, date)
