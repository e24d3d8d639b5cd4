"""Vietnamese number, money and date writing as used in administrative documents, and the one reader of
each kind of value a clerk types (a date, a decimal, a count, a sum of money): the ledger, the workbook
import, the plan's deadline and the catalogue of legal references all read through these, so the same text
means the same value everywhere. Each reader raises ValueError with a Vietnamese reason, never guesses."""

from __future__ import annotations

import re
from datetime import date, datetime

from .models import PartialDate
from .text import fold

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


def field_date(d: date | None) -> str:
    """A date in an input field or a table: two-digit day and month, 05/03/2026 (sorts and lines up)."""
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year}"


# ---------------------------------------------------------------- reading what a clerk types
DATE_HINT = "ngày/tháng/năm, VD: 05/3/2026, 5-3-2026, 5.3.2026, 05032026, 5/3/26 hoặc ngày 5 tháng 3 năm 2026"

_DATE_NUMBERS = re.compile(r"([0-9]+)\s*[/.\-\s]\s*([0-9]+)\s*[/.\-\s]\s*([0-9]+)")
_DATE_WORDS = re.compile(r"([0-9]+)\s*thang\s*([0-9]+)\s*,?\s*nam\s*([0-9]+)")


def parse_date(value: object) -> date:
    """A date as a clerk writes it, day first: 5/3/2026, 05/03/2026, 5-3-2026, 5.3.2026, 5 3 2026, 05032026,
    050326, 5/3/26 (a two-digit year is 20yy), "ngày 5 tháng 3 năm 2026", ISO 2026-03-05, or a date object
    (an Excel date cell). ValueError with a Vietnamese message for text that is not a date and for a day
    the month does not have (31/02/2026 names February): never another date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    t = " ".join(str(value if value is not None else "").split())
    if not t:
        raise ValueError("chưa nhập ngày")
    f = fold(t)
    f = f[4:].lstrip() if f.startswith("ngay") else f
    parts: tuple[str, ...] | None = None
    if re.fullmatch("[0-9]{6}|[0-9]{8}", f):
        parts = (f[:2], f[2:4], f[4:])
    elif m := (_DATE_WORDS.fullmatch(f) or _DATE_NUMBERS.fullmatch(f)):
        parts = m.groups()
        if len(parts[0]) == 4:  # ISO 2026-03-05
            parts = (parts[2], parts[1], parts[0])
    if parts is None or len(parts[0]) > 2 or len(parts[1]) > 2 or len(parts[2]) not in (2, 4):
        raise ValueError(f"“{t}” không phải là ngày (cần {DATE_HINT})")
    day, month, year = int(parts[0]), int(parts[1]), int(parts[2]) + (2000 if len(parts[2]) == 2 else 0)
    if not 1 <= month <= 12:
        raise ValueError(f"không có tháng {month} (ngày “{t}”)")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"tháng {month}/{year} không có ngày {day} (ngày “{t}”)") from None


_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})
_GROUPED = re.compile(r"[0-9]{1,3}(?:(?P<sep>[. ])[0-9]{3})(?:(?P=sep)[0-9]{3})*")
_COMMA_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_CURRENCY = re.compile(r"\s*(?:đồng|đ|vnđ|vnd|d)\.?$", re.IGNORECASE)
LIMIT = 10**12  # no count or sum of money in an office's ledger comes near


def _not_a_number(what: str, t: str, how: str = "") -> ValueError:
    head = f"“{t}” không phải là số" if what == "số" else f"{what} không phải là số: “{t}”"
    return ValueError(head + (f" ({how})" if how else ""))


def _whole(text: str) -> str | None:
    """The digits of a whole number written plainly (1500) or grouped the Vietnamese way (1.500, 1 500)."""
    if re.fullmatch("[0-9]+", text):
        return text
    if _GROUPED.fullmatch(text):
        return re.sub("[. ]", "", text)
    return None


def parse_decimal(value: object, what: str = "số") -> float:
    """A number as Vietnamese writes it: a comma before the decimals, dots (or spaces) between thousands.
    "1,5" is one and a half, "1.500" fifteen hundred, "1.500,25", "-2,5", "15 000 000"; "1,500,000" (commas
    between thousands, unambiguous) too. Refused, with the reason: "1.5" (a dot only groups thousands) and
    "1,500" (one and a half, or fifteen hundred written the English way?)."""
    if isinstance(value, bool):
        raise _not_a_number(what, str(value))
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise _not_a_number(what, str(value))
        return float(value)
    t = " ".join(str(value if value is not None else "").translate(_SPACES).split())
    if not t:
        raise ValueError(f"chưa nhập {what}")
    body, sign = t, 1.0
    if body[0] in "-−":
        body, sign = body[1:].lstrip(), -1.0
    if body.count(",") == 1:
        whole, frac = body.split(",")
        digits = _whole(whole)
        if digits is None or not re.fullmatch("[0-9]+", frac):
            raise _not_a_number(what, t, "số lẻ viết sau dấu phẩy, VD: 1,5 hoặc 1.500,25")
        if len(frac) == 3 and digits == whole and not whole.startswith("0"):
            raise ValueError(
                f"{what} “{t}” đọc được hai cách: hãy viết {whole}.{frac} nếu là số nghìn, "
                f"hoặc {whole},{frac.rstrip('0') or '0'} nếu là số lẻ"
            )
        return sign * float(f"{digits}.{frac}")
    digits = _whole(body) or (body.replace(",", "") if _COMMA_GROUPED.fullmatch(body) else None)
    if digits is None:
        if re.fullmatch(r"[0-9]+\.[0-9]{1,2}|[0-9]+\.[0-9]{4,}", body):
            raise ValueError(
                f"{what} “{t}”: dấu chấm chỉ dùng để tách hàng nghìn (1.500); "
                f"số lẻ viết với dấu phẩy: {body.replace('.', ',')}"
            )
        raise _not_a_number(what, t)
    return sign * float(int(digits))


def parse_count(value: object, what: str = "số lượng") -> int:
    """A whole number of things (số lượng, số người): 12, "1.500", "1 500", "1,500,000". A fraction ("1,5")
    or a negative number is refused with the reason, never rounded."""
    n = parse_decimal(value, what)
    t = number(value) if isinstance(value, (int, float)) else str(value).strip()
    if n < 0:
        raise ValueError(f"{what} không được âm: “{t}”")
    if isinstance(value, float) and abs(n - round(n)) < 1e-6:
        n = float(round(n))  # a spreadsheet formula's binary rounding (1500000.0000001)
    if not n.is_integer():
        raise ValueError(f"{what} phải là số nguyên, không phải “{t}” (ứng dụng không tự làm tròn)")
    if n > LIMIT:
        raise ValueError(f"{what} quá lớn: “{t}”")
    return int(n)


def parse_money(value: object, what: str = "kinh phí") -> int:
    """A sum in whole đồng, read as a count: "1.500.000", "1.500.000 đồng", "1.500.000đ", "250000 VNĐ"."""
    if isinstance(value, str):
        value = _CURRENCY.sub("", value.strip())
    return parse_count(value, what)
