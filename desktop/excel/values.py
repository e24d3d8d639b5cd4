"""Reading cell values as people type them: dates in several forms, numbers with Vietnamese
thousands separators and currency words. Each parser raises ValueError with a Vietnamese reason."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_DATE = re.compile(r"^\s*(\d{1,4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})\s*$")
_RANGE = re.compile(r"^(.+?)\s*(?:-|–|—|đến)\s*(\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{4})\s*$")
_CURRENCY = re.compile(r"(đồng|đ|vnđ|vnd|d)\.?$", re.IGNORECASE)
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date_value(v: object) -> date:
    """A date cell: an Excel date, an Excel serial number, 05/3/2025, 5-3-2025, 5.3.2025, 2025-03-05."""
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if 1 <= v < 2958466 and float(v).is_integer():
            return _EXCEL_EPOCH + timedelta(days=int(v))
        raise ValueError(f"ngày không hợp lệ: {v}")
    t = str(v or "").strip()
    m = _DATE.match(t)
    if not m:
        raise ValueError(f"ngày không hợp lệ: “{t}” (cần dạng 05/3/2025)" if t else "thiếu ngày")
    a, b, c = m.groups()
    try:
        if len(a) == 4:
            return date(int(a), int(b), int(c))
        if len(c) == 4:
            return date(int(c), int(b), int(a))
    except ValueError:
        raise ValueError(f"ngày không có thật: “{t}”") from None
    raise ValueError(f"ngày không hợp lệ: “{t}” (năm cần đủ 4 chữ số)")


def parse_period(v: object) -> tuple[date, date | None]:
    """A start date, or a range '05/3/2025 - 07/3/2025' as the appendix writes it."""
    if isinstance(v, str) and (m := _RANGE.match(v.strip())):
        start, end = parse_date_value(m[1]), parse_date_value(m[2])
        return start, end
    return parse_date_value(v), None


def parse_count(v: object, what: str, *, money: bool = False) -> int | None:
    """A whole number: 12, '1.500.000', '1,500,000', '1 500 000 đồng'; None when empty."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, bool):
        raise ValueError(f"{what} không hợp lệ: {v}")
    if isinstance(v, (int, float)):
        n = float(v)
    else:
        t = str(v).strip().replace("\u00a0", " ")
        if money:
            t = _CURRENCY.sub("", t).strip()
        digits = t.replace(" ", "")
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", digits):
            digits = digits.replace(".", "").replace(",", "")
        elif re.fullmatch(r"\d+,\d+", digits):
            digits = digits.replace(",", ".")  # a decimal comma
        try:
            n = float(digits)
        except ValueError:
            raise ValueError(f"{what} không phải là số: “{t}”") from None
    if n < 0:
        raise ValueError(f"{what} không được âm: {v}")
    if not n.is_integer():
        if money:
            return round(n)
        raise ValueError(f"{what} phải là số nguyên: {v}")
    if n > 10**12:
        raise ValueError(f"{what} quá lớn: {v}")
    return int(n)


def cell_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime):
        return v.strftime("%d/%m/%Y")
    return str(v)
