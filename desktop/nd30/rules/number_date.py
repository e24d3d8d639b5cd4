"""The number line ("Số: 12/KH-ABC", dau-trang.so-ky-hieu), the place and date line
(dau-trang.dia-danh-ngay), and the document-type code of the number against the title
(dau-trang.ky-hieu-loai)."""

from __future__ import annotations

import re

from ..model import Para
from .common import Context, bold_problem, center_problem, italic_problem, size_problem

__all__ = ["check_date_line", "check_number_line", "check_symbol_matches_type"]

_DATE_RE = re.compile(r"(?P<place>[^,]+), ngày(?P<day>.*?)tháng(?P<month>.*?)năm (?P<year>\d{4})")


def check_number_line(ctx: Context, para: Para) -> None:
    text = para.stripped.replace("\u00a0", " ")
    problems = []
    m = re.fullmatch(r"Số:(?P<num>[^/]*)/(?P<sym>[^-/]+)-(?P<org>.+)", text)
    if not m:
        problems.append('sai dạng, cần "Số: 12/KH-ABC" (để trống số cũng được: "Số:    /KH-ABC")')
    else:
        raw_num = m.group("num")
        num = raw_num.strip()
        sym, org = m.group("sym").strip(), m.group("org").strip()
        ctx.symbol = sym
        if num:
            if not num.isdigit():
                problems.append(f'số "{num}" phải là chữ số (hoặc để trống)')
            elif len(num) < 2:
                problems.append(f'số {num} cần thêm số 0 phía trước: "0{num}"')
            elif not re.fullmatch(r" ?\d+", raw_num):
                problems.append('viết liền "Số: 12/…" (một dấu cách sau dấu hai chấm)')
        if not re.fullmatch(r"[A-ZĐ]+", sym):
            problems.append(f'ký hiệu loại văn bản "{sym}" phải là chữ IN HOA (KH, BC…)')
        if not re.fullmatch(r"[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*", org):
            problems.append(f'chữ viết tắt cơ quan "{org}" phải là chữ IN HOA, số và dấu gạch nối')
    problems += [size_problem(para, 13, 13), bold_problem(para, False), center_problem(para)]
    ctx.report("dau-trang.so-ky-hieu", para.place, problems)


def check_date_line(ctx: Context, para: Para) -> None:
    text = para.stripped.replace("\u00a0", " ").replace("\t", " ")
    problems = []
    m = _DATE_RE.fullmatch(text)
    if not m:
        problems.append('sai dạng, cần "<Địa danh>, ngày 05 tháng 9 năm 2025"')
    else:
        day, month = m.group("day"), m.group("month")
        for raw, label in ((day, "ngày"), (month, "tháng")):
            if not raw.startswith(" ") or not raw.endswith(" "):
                problems.append(f"thiếu dấu cách quanh số {label}")
        d, mo = day.strip(), month.strip()
        blank = re.compile(r"[ .…]*")
        if not blank.fullmatch(d):
            if not d.isdigit() or not 1 <= int(d) <= 31:
                problems.append(f'ngày "{d}" không hợp lệ')
            elif len(d) != 2:
                problems.append(f'ngày {d} cần viết "{int(d):02d}" (ngày dưới 10 thêm số 0)')
        if not blank.fullmatch(mo):
            if not mo.isdigit() or not 1 <= int(mo) <= 12:
                problems.append(f'tháng "{mo}" không hợp lệ')
            elif int(mo) <= 2 and mo != f"0{int(mo)}":
                problems.append(f'tháng {mo} cần viết "0{int(mo)}" (tháng 1, 2 thêm số 0)')
            elif int(mo) >= 3 and mo != str(int(mo)):
                problems.append(f'tháng {mo} cần viết "{int(mo)}" (tháng 3–12 không thêm số 0)')
    problems += [
        size_problem(para, 13, 14),
        italic_problem(para, True),
        bold_problem(para, False),
        center_problem(para),
    ]
    ctx.report("dau-trang.dia-danh-ngay", para.place, problems)


def check_symbol_matches_type(ctx: Context) -> None:
    symbol = ctx.symbol
    if symbol and ctx.doc_code and symbol != ctx.doc_code:
        kind = "Báo cáo" if ctx.doc_code == "BC" else "Kế hoạch"
        ctx.add(
            "dau-trang.ky-hieu-loai",
            "dòng số, ký hiệu",
            f'văn bản là {kind} nhưng ký hiệu là "{symbol}", cần "{ctx.doc_code}"',
        )
