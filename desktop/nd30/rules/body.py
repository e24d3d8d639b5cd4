"""The body (than.*): its paragraphs' size, alignment, indent, spacing and line spacing, the
heading numbering (see numbering), the legal bases ("Căn cứ …") and the closing "./."."""

from __future__ import annotations

from ..model import Para
from ..ooxml import num
from .common import JC_NAMES, Context, italic_problem, size_problem
from .numbering import HeadingOrder, is_heading

__all__ = ["check_body"]


def check_body(ctx: Context, start: int, end: int | None) -> None:
    blocks = ctx.doc.blocks
    end = end if end is not None else len(blocks)
    paras = [(i, b) for i, b in enumerate(blocks[start:end], start) if isinstance(b, Para)]
    text_paras = [(i, p) for i, p in paras if p.has_text]
    if not text_paras:
        ctx.add("than.trong", "phần nội dung", "không có nội dung văn bản")
        return
    order = HeadingOrder(ctx)
    for i, p in text_paras:
        prev_b = blocks[i - 1] if i > 0 else None
        next_b = blocks[i + 1] if i + 1 < len(blocks) else None
        _check_format(ctx, p, is_heading(p.stripped), prev_b, next_b)
        order.see(p)
    _check_legal_basis(ctx, text_paras)
    last = text_paras[-1][1]
    if not last.stripped.endswith("./."):
        ctx.add("than.ket-thuc", last.place, 'câu cuối phần nội dung cần kết thúc bằng "./."')


def _check_format(ctx: Context, p: Para, heading: bool, prev_b, next_b) -> None:
    pp = p.props
    ctx.report("than.co-chu", p.place, [size_problem(p, 13, 14)])
    ok_jc = ("both",) if not heading else ("both", "left")
    if pp.jc not in ok_jc:
        ctx.add("than.can-le", p.place, f"đang {JC_NAMES.get(pp.jc, pp.jc)}, cần căn đều hai bên")
    fl = pp.first_line
    if heading:
        ok = -15 <= fl <= 735
    else:
        ok = abs(fl - 567) <= 15 or abs(fl - 720) <= 15
    if not ok:
        ctx.add("than.thut-dau-dong", p.place, f"thụt đầu dòng {num(round(fl / 567, 2))} cm, cần 1 cm hoặc 1,27 cm")
    before, after = pp.before, pp.after
    if pp.contextual_spacing:  # "don't add space between paragraphs of the same style"
        if isinstance(prev_b, Para) and prev_b.props.style_id == pp.style_id:
            before = 0
        if isinstance(next_b, Para) and next_b.props.style_id == pp.style_id:
            after = 0
    if before + after < 120:
        ctx.add(
            "than.khoang-cach-doan",
            p.place,
            f"khoảng cách đoạn {num((before + after) / 20)} pt "
            f"(trước {num(before / 20)}, sau {num(after / 20)}), cần ít nhất 6 pt",
        )
    if pp.line_rule == "auto":
        ok = 240 - 1 <= pp.line <= 360 + 1
        got = f"{num(round(pp.line / 240, 2))} dòng"
    else:
        ok = 340 - 1 <= pp.line <= 360 + 1
        kind = "chính xác" if pp.line_rule == "exact" else "tối thiểu"
        got = f"{kind} {num(pp.line / 20)} pt"
    if not ok:
        ctx.add("than.gian-dong", p.place, f"giãn dòng {got}, cần từ 1 đến 1,5 dòng (hoặc 17–18 pt)")


def _check_legal_basis(ctx: Context, text_paras: list) -> None:
    k = 0
    while k < len(text_paras):
        if not text_paras[k][1].stripped.startswith("Căn cứ"):
            k += 1
            continue
        run = []
        while k < len(text_paras) and text_paras[k][1].stripped.startswith("Căn cứ"):
            run.append(text_paras[k][1])
            k += 1
        followed_by_proposal = k < len(text_paras) and text_paras[k][1].stripped.startswith("Theo đề nghị")
        for n, p in enumerate(run):
            problems = [italic_problem(p, True)]
            end = p.stripped[-1:]
            if n < len(run) - 1 or followed_by_proposal:
                if end != ";":
                    problems.append('cần kết thúc bằng dấu ";"')
            elif end not in (".", ","):
                problems.append('dòng căn cứ cuối cùng cần kết thúc bằng dấu "." hoặc ","')
            ctx.report("than.can-cu", p.place, problems)
