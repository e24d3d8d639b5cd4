"""The rules of Nghị định 30/2020/NĐ-CP, one module per family, run in document order.

Each family is a function of the checking Context (rules.common). The order below is the
order of the findings: each rule id is listed at the place it is first broken.
"""

from __future__ import annotations

from ..findings import Finding
from ..model import Document, Para, Table
from ..package import CheckError
from .appendix import check_appendix
from .body import check_body
from .closing import check_closing, closing_index
from .common import Context
from .header import check_header
from .number_date import check_symbol_matches_type
from .page import check_page, check_page_numbers
from .text import check_fonts_and_text
from .title import check_title

__all__ = ["check_document"]


def check_document(doc: Document) -> list[Finding]:
    """Every finding of a read document; CheckError when it has no content at all."""
    if not any((isinstance(b, Para) and b.has_text) or isinstance(b, Table) for b in doc.blocks):
        raise CheckError(f'Tệp "{doc.name}" không có nội dung (văn bản trống).')
    ctx = Context(doc)
    check_page(ctx)
    check_page_numbers(ctx)
    header_end = check_header(ctx)
    closing = closing_index(ctx, header_end)
    body_start = check_title(ctx, header_end, closing)
    check_symbol_matches_type(ctx)
    check_body(ctx, body_start, closing)
    if closing is not None:
        check_closing(ctx, doc.blocks[closing])
        check_appendix(ctx, closing)
    check_fonts_and_text(ctx)
    for part in doc.missing_parts:
        ctx.add("cau-truc.thieu-phan", "tệp", f"thiếu phần {part} mà văn bản tham chiếu tới")
    return ctx.findings.result()
