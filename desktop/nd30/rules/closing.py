"""The closing table after the body (ket-thuc.*): recipients on the left ("Nơi nhận:", one
line each, "- Lưu: VT, …" last; noi-nhan.*), the signer on the right (authority in capitals,
room to sign, the name; chu-ky.*)."""

from __future__ import annotations

import re

from ..model import Table
from .common import Context, bold_problem, borderless, centred_line, italic_problem, size_problem, upper_problem

__all__ = ["check_closing", "closing_index", "is_closing"]


def is_closing(table: Table) -> bool:
    first = next((p for row in table.rows[:1] for c in row[:1] for p in c.paras if p.has_text), None)
    return first is not None and first.stripped.startswith("Nơi nhận")


def closing_index(ctx: Context, start: int) -> int | None:
    """Index of the closing table among the body blocks, from `start`; None (a finding) if none."""
    for i in range(start, len(ctx.doc.blocks)):
        b = ctx.doc.blocks[i]
        if isinstance(b, Table) and is_closing(b):
            return i
    ctx.add(
        "ket-thuc.bang", "cuối văn bản", 'không có bảng "Nơi nhận" – chữ ký (hai cột, không kẻ khung) sau phần nội dung'
    )
    return None


def check_closing(ctx: Context, table: Table) -> None:
    if table.column_count() != 2:
        ctx.add("ket-thuc.bang", table.loc, f'bảng "Nơi nhận" – chữ ký có {table.column_count()} cột, cần 2 cột')
    borderless(ctx, table, "ket-thuc.vien", 'bảng "Nơi nhận" – chữ ký')
    _check_recipients(ctx, table)
    _check_signature(ctx, table)


def _check_recipients(ctx: Context, table: Table) -> None:
    left = [p for p in table.column(0) if p.has_text]
    head = left[0]  # is_closing: the first cell starts with "Nơi nhận"
    ctx.report(
        "noi-nhan.tieu-de",
        head.place,
        [
            None if head.stripped == "Nơi nhận:" else 'cần đúng "Nơi nhận:"',
            size_problem(head, 12, 12),
            bold_problem(head, True),
            italic_problem(head, True),
        ],
    )
    recipients = left[1:]
    if not recipients:
        ctx.add("noi-nhan.dong", head.place, "không có dòng nơi nhận nào")
    for n, p in enumerate(recipients):
        text = p.stripped
        problems = [size_problem(p, 11, 11)]
        if n == len(recipients) - 1:
            if not re.fullmatch(r"- Lưu: VT(, ?[^.]+)?\.", text):
                problems.append('dòng cuối cần dạng "- Lưu: VT, <viết tắt đơn vị>."')
            ctx.report("noi-nhan.luu", p.place, problems)
            continue
        if not text.startswith("- "):
            problems.append('cần bắt đầu bằng "- "')
        if not text.endswith(";"):
            problems.append('cần kết thúc bằng ";"')
        ctx.report("noi-nhan.dong", p.place, problems)


# "(Đã ký)", "(Chữ ký, dấu)", "(Ký, ghi rõ họ tên)", "(Chữ ký của người có thẩm quyền, dấu …)":
# what a copy or a form prints in the room left for the signature, not the signer's authority
_SIGN_HERE = re.compile(r"\(\s*(đã\s+ký|ký|chữ\s+ký|dấu|đóng\s+dấu)\b[^()]*\)\.?", re.IGNORECASE)


def is_sign_here(text: str) -> bool:
    return bool(_SIGN_HERE.fullmatch(" ".join(text.split())))


def _check_signature(ctx: Context, table: Table) -> None:
    right = table.column(1) if table.column_count() >= 2 else []
    texts = [k for k, p in enumerate(right) if p.has_text and not is_sign_here(p.stripped)]
    if len(texts) < 2:
        ctx.add(
            "chu-ky.tham-quyen",
            table.loc + " (cột phải)",
            "cần quyền hạn, chức vụ người ký (IN HOA) và họ tên người ký",
        )
        if not texts:
            return
    name = right[texts[-1]]
    for k in texts[:-1]:
        p = right[k]
        ctx.report(
            "chu-ky.tham-quyen",
            p.place,
            [upper_problem(p.stripped), *centred_line(p, 13, 14, True)],
            "quyền hạn, chức vụ người ký ",
        )
    if len(texts) >= 2 and texts[-1] == texts[-2] + 1:
        ctx.add("chu-ky.khoang-trong", name.place, "không có dòng trống để ký và đóng dấu trên họ tên người ký")
    all_caps = name.stripped == name.stripped.upper()
    ctx.report(
        "chu-ky.ho-ten",
        name.place,
        [
            *centred_line(name, 13, 14, True),
            "cần viết hoa chữ cái đầu mỗi tiếng, không viết IN HOA toàn bộ" if all_caps else None,
        ],
        "họ tên người ký ",
    )
