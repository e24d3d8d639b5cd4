"""Automatic numbering of plan sections: I., 1., a), then '-' (NĐ 30 headings)."""

from __future__ import annotations

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(n: int) -> str:
    if n <= 0:
        raise ValueError(n)
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


_ROMAN_DIGITS = dict((sym, value) for value, sym in _ROMAN if len(sym) == 1)


def roman_value(text: str) -> int | None:
    """'XL' -> 40: the value of a Roman numeral written the one correct way (the way `roman` writes it),
    None for anything else ('XXXX', 'IIII', 'IC', '', '12')."""
    if not text or any(ch not in _ROMAN_DIGITS for ch in text):
        return None
    total = 0
    for i, ch in enumerate(text):
        v = _ROMAN_DIGITS[ch]
        total += -v if i + 1 < len(text) and _ROMAN_DIGITS[text[i + 1]] > v else v
    return total if total > 0 and roman(total) == text else None


def letter(n: int) -> str:
    """1 -> 'a', 26 -> 'z', 27 -> 'aa' (Vietnamese documents use the Latin letters)."""
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(ord("a") + r) + s
    return s


def section_label(depth: int, index: int) -> str:
    """Label of the index-th (1-based) section at a depth: 0 'II.', 1 '2.', 2 'b)', 3+ '-'."""
    if depth == 0:
        return f"{roman(index)}."
    if depth == 1:
        return f"{index}."
    if depth == 2:
        return f"{letter(index)})"
    return "-"


def bullet_mark(bullet_depth: int) -> str:
    """'-' for bullets, '+' for bullets nested in bullets."""
    return "-" if bullet_depth == 0 else "+"
