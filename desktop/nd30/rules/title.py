"""The title block (tieu-de.*): the document type, the summary under it with its line, and
an optional "Kính gửi" line."""

from __future__ import annotations

from ..model import Para
from .common import ROMAN, Context, center_problem, centred_line, is_placeholder, is_typed_line, line_pt, upper_problem
from .underline import line_under

__all__ = ["check_title"]

_DOC_TYPE_CODES = {"KẾ HOẠCH": "KH", "BÁO CÁO": "BC"}


def check_title(ctx: Context, start: int, closing: int | None) -> int:
    """Check the document type, summary, line and "Kính gửi"; return where the body starts."""
    blocks = ctx.doc.blocks
    end = closing if closing is not None else len(blocks)
    seq_idx = [i for i in range(start, end) if isinstance(blocks[i], Para)]
    texts = [i for i in seq_idx if blocks[i].has_text]
    if not texts:
        ctx.add("tieu-de.ten-loai", "sau bảng đầu văn bản", 'không có tên loại văn bản ("KẾ HOẠCH", "BÁO CÁO"…)')
        return end
    i_type = texts[0]
    kind: Para = blocks[i_type]
    name = " ".join(kind.stripped.split())
    ctx.doc_code = _DOC_TYPE_CODES.get(name.upper())
    ctx.report(
        "tieu-de.ten-loai", kind.place, [upper_problem(name), *centred_line(kind, 13, 14, True)], "tên loại văn bản "
    )

    # summary: the paragraphs down to the line drawn under them; without a line, the
    # centred paragraphs that follow the document type
    found = _summary_by_line(ctx, i_type, end)
    if found is None:
        found = _summary_by_centring(ctx, i_type, end)
    summary = [blocks[k] for k in found]
    last = found[-1] if found else i_type
    if not summary:
        ctx.add("tieu-de.trich-yeu", kind.place, "không có trích yếu nội dung dưới tên loại")
        return i_type + 1
    for p in summary:
        ctx.report("tieu-de.trich-yeu", p.place, centred_line(p, 13, 14, True), "trích yếu ")
    top_paras = [blocks[k] for k in range(start, end) if isinstance(blocks[k], Para)]

    def width(p):  # the longest printed line of a summary that wraps
        return line_pt(p, ctx.text_width() - (p.props.left + p.props.right))

    widest = max(width(p) for p in summary)
    line_under(
        ctx,
        None,
        top_paras,
        summary[-1],
        "tieu-de.gach",
        "trích yếu",
        widest,
        1 / 3,
        1 / 2,
        "1/3–1/2 dòng chữ dài nhất",
    )
    # the line's own paragraph (empty, with a border or a shape) belongs to the title block
    body_start = last + 1
    while body_start < end and isinstance(blocks[body_start], Para) and _no_text(blocks[body_start]):
        body_start += 1
    if body_start < end and isinstance(blocks[body_start], Para) and blocks[body_start].stripped.startswith("Kính gửi"):
        p = blocks[body_start]
        ctx.report("tieu-de.kinh-gui", p.place, [center_problem(p)], "dòng Kính gửi ")
        body_start += 1
    return body_start


def _no_text(p: Para) -> bool:
    """Empty, or only a typed "______" line or a "…………" blank: no words of the document."""
    return not p.has_text or is_typed_line(p.stripped) or is_placeholder(p.stripped)


def _summary_by_line(ctx: Context, i_type: int, end: int) -> list[int] | None:
    blocks = ctx.doc.blocks
    texts: list[int] = []
    for i in range(i_type + 1, end):
        p = blocks[i]
        if not isinstance(p, Para):
            return None
        if is_typed_line(p.stripped):  # a line typed under the summary
            return texts or None
        if is_placeholder(p.stripped):
            continue
        if p.has_text:
            text = p.stripped
            if text.startswith(("Kính gửi", "Căn cứ")) or ROMAN.match(text) or len(texts) >= 5:
                return None
            texts.append(i)
            if p.lines or p.props.border("bottom"):
                return texts
        elif texts and (p.lines or p.props.border("top") or p.props.border("bottom")):
            return texts
    return None


def _summary_by_centring(ctx: Context, i_type: int, end: int) -> list[int]:
    blocks = ctx.doc.blocks
    found: list[int] = []
    for i in range(i_type + 1, end):
        p = blocks[i]
        if not isinstance(p, Para):
            break
        if is_typed_line(p.stripped):
            break
        if _no_text(p):
            continue
        if p.stripped.startswith("Kính gửi"):
            break
        if p.props.jc != "center":
            if not found:  # a summary that lost its centring: still check that one line
                found.append(i)
            break
        found.append(i)
    return found
