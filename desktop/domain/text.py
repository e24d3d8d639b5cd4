"""Text hygiene: every text entering the app is NFC without control characters;
search compares texts folded to lowercase ASCII (diacritics and đ removed)."""

from __future__ import annotations

import re
import unicodedata

# Cc (except tab/newline), format characters a paste brings (zero-width, BOM, soft hyphen),
# the replacement character.
_JUNK = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\ufeff\ufffd]"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def clean(text: str | None, *, multiline: bool = False) -> str:
    """NFC, control characters removed, runs of spaces folded, ends trimmed.

    With `multiline`, line breaks are kept (one per line); otherwise they become spaces.
    """
    if not text:
        return ""
    t = unicodedata.normalize("NFC", str(text))
    t = t.replace("\r\n", "\n").replace("\r", "\n")
    t = _JUNK.sub("", t)
    lines = [_SPACES.sub(" ", ln).strip() for ln in t.split("\n")]
    if multiline:
        return "\n".join(lines).strip("\n")
    return " ".join(ln for ln in lines if ln)


# Line breaks, control characters and the bidi controls that can make a line read backwards.
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\s]+")


def one_line(text: object) -> str:
    """`text` (a file name, a sheet name, a cell, an error) safe to echo in a one-line message: every run of
    spaces, line breaks, control characters and bidi overrides becomes one space, ends trimmed, so what is
    echoed can never forge a line of output or reorder the message around it."""
    return _BREAKS.sub(" ", str(text)).strip()


def fold(text: str | None) -> str:
    """Lowercase ASCII form for search: 'Chuyển đổi SỐ' -> 'chuyen doi so'."""
    if not text:
        return ""
    t = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    t = "".join(c for c in t if unicodedata.category(c) != "Mn")
    return _SPACES.sub(" ", t.lower()).strip()


def matches(query: str, *fields: str) -> bool:
    """Every word of `query` appears in one of `fields`, ignoring case and diacritics.

    A query typed with diacritics must match them exactly in fold form too, so
    'chuyen doi so' and 'chuyển đổi số' both find 'Chuyển đổi số'."""
    words = fold(query).split()
    hay = " ".join(fold(f) for f in fields)
    return all(w in hay for w in words)


def is_upper(text: str) -> bool:
    return text == text.upper()
