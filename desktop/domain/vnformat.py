"""Vietnamese number, money and date writing as used in administrative documents."""

from __future__ import annotations

from datetime import date

from .models import PartialDate

# Blank kept for the office to fill in by hand (number, day, month).
BLANK_NUMBER = " " * 6
BLANK_DAY = " " * 5


def number(n: int | float) -> str:
    """1500000 -> '1.500.000' (dot as thousands separator, comma as decimal mark)."""
    if isinstance(n, float) and not n.is_integer():
        whole, frac = f"{abs(n):.2f}".split(".")
        frac = frac.rstrip("0")
        s = f"{int(whole):,}".replace(",", ".") + ("," + frac if frac else "")
        return ("-" if n < 0 else "") + s
    return f"{int(n):,}".replace(",", ".")


def money(n: int) -> str:
    """1500000 -> '1.500.000 đồng'."""
    return f"{number(n)} đồng"


def count(n: int) -> str:
    """Counts in report sentences: below 10 with a leading zero ('03 buổi'), else grouped."""
    return f"{n:02d}" if 0 <= n < 10 else number(n)


def pad_day(day: int) -> str:
    return f"{day:02d}"


def pad_month(month: int) -> str:
    """Months 1 and 2 take a leading zero (01, 02); the others do not (NĐ 30)."""
    return f"{month:02d}" if month < 3 else str(month)


def short_date(d: date | None) -> str:
    """Date inside a sentence or citation: 04/9/2025, 22/12/2024, 27/02/2025."""
    if d is None:
        return ""
    return f"{pad_day(d.day)}/{pad_month(d.month)}/{d.year}"


def place_date(place: str, when: PartialDate) -> str:
    """'Lâm Đồng, ngày 05 tháng 9 năm 2025'; a missing day or month is left blank."""
    day = pad_day(when.day) if when.day else BLANK_DAY
    month = pad_month(when.month) if when.month else BLANK_DAY
    return f"{place}, ngày {day} tháng {month} năm {when.year}"


def written_date(when: PartialDate) -> str:
    """'ngày 05/9/2025' or, with blanks, 'ngày      tháng 9 năm 2025'."""
    d = when.as_date()
    if d:
        return f"ngày {short_date(d)}"
    month = pad_month(when.month) if when.month else BLANK_DAY
    return f"ngày {BLANK_DAY} tháng {month} năm {when.year}"


def doc_symbol(doc_type: str, unit_abbr: str) -> str:
    """'KH', 'BVPBT' -> 'KH-BVPBT'."""
    return f"{doc_type}-{unit_abbr.strip().upper()}"


def doc_number(num: int | None, doc_type: str, unit_abbr: str) -> str:
    """'05/KH-BVPBT'; a blank number leaves room for the register: '      /KH-BVPBT'."""
    n = BLANK_NUMBER if num is None else f"{num:02d}"
    return f"{n}/{doc_symbol(doc_type, unit_abbr)}"


def number_line(num: int | None, doc_type: str, unit_abbr: str) -> str:
    """'Số: 05/KH-BVPBT'."""
    return f"Số: {doc_number(num, doc_type, unit_abbr)}"


def parse_date(text: str) -> date:
    """Parse 05/3/2025, 5-3-2025, 5.3.2025 or 2025-03-05; ValueError with a Vietnamese message."""
    t = (text or "").strip()
    for sep in ("/", "-", "."):
        parts = t.split(sep)
        if len(parts) == 3 and all(p.strip().isdigit() for p in parts):
            a, b, c = (int(p) for p in parts)
            try:
                if len(parts[0].strip()) == 4:
                    return date(a, b, c)
                if len(parts[2].strip()) == 4:
                    return date(c, b, a)
            except ValueError:
                break
    raise ValueError(f"ngày không hợp lệ: “{t}” (cần dạng 05/3/2025 hoặc 2025-03-05)")


def field_date(d: date | None) -> str:
    """A date in an input field or a table: two-digit day and month, 05/03/2026 (sorts and lines up)."""
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year}"


DATE_HINT = "ngày/tháng/năm, VD: 05/3/2026, 5-3-2026, 05032026 hoặc 5/3/26"


def typed_date(text: str) -> date:
    """A date as a clerk types it: 2/6/2026, 02/06/2026, 2-6-2026, 2.6.2026, 2 6 2026, 02062026, 020626,
    2/6/26 (day first; a two-digit year is 20yy) or 2026-06-02. ValueError with a Vietnamese message
    for text that is not a date or a day that does not exist (31/02/2026): never another date."""
    t = " ".join((text or "").split())
    if not t:
        raise ValueError("chưa nhập ngày")
    parts = None
    if t.isdigit():
        if len(t) == 8:
            parts = (t[:2], t[2:4], t[4:])
        elif len(t) == 6:
            parts = (t[:2], t[2:4], t[4:])
    else:
        for sep in ("/", "-", ".", " "):
            bits = [b.strip() for b in t.split(sep)]
            if len(bits) == 3 and all(b.isdigit() for b in bits):
                parts = tuple(bits)
                break
    if parts is None:
        raise ValueError(f"“{t}” không phải là ngày (cần {DATE_HINT})")
    if len(parts[0]) == 4:  # 2026-06-02
        parts = (parts[2], parts[1], parts[0])
    d, m, y = parts
    if len(d) > 2 or len(m) > 2 or len(y) not in (2, 4):
        raise ValueError(f"“{t}” không phải là ngày (cần {DATE_HINT})")
    day, month, year = int(d), int(m), int(y) + (2000 if len(y) == 2 else 0)
    if not 1 <= month <= 12:
        raise ValueError(f"không có tháng {month} (ngày “{t}”)")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"tháng {month}/{year} không có ngày {day}") from None


def parse_number(text: str) -> int:
    """'15.000.000', '15 000 000', '15000000' or '15,000,000' -> 15000000; ValueError otherwise."""
    t = (text or "").strip().replace("đồng", "").replace("đ", "")
    digits = "".join(ch for ch in t if ch not in ". ,\u00a0")
    if not digits:
        return 0
    if not digits.isdigit():
        raise ValueError(f"“{text.strip()}” không phải là số")
    return int(digits)
