"""WordprocessingML names and the small value helpers every part of the checker uses.

Lengths are twips (1/20 pt) and font sizes half-points, as in the XML.
"""

from __future__ import annotations

import re

from lxml import etree

from ..domain.text import one_line  # noqa: F401 — the one reader of one-line text, used across nd30


class Namespace:
    """Clark-notation names: W.p == '{http://…/main}p'."""

    def __init__(self, uri: str):
        self.uri = uri

    def __getattr__(self, name: str) -> str:
        value = f"{{{self.uri}}}{name}"
        setattr(self, name, value)  # next lookups are plain attribute reads
        return value


W = Namespace("http://schemas.openxmlformats.org/wordprocessingml/2006/main")
R = Namespace("http://schemas.openxmlformats.org/officeDocument/2006/relationships")
PR = Namespace("http://schemas.openxmlformats.org/package/2006/relationships")
A = Namespace("http://schemas.openxmlformats.org/drawingml/2006/main")
WP = Namespace("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing")
V = Namespace("urn:schemas-microsoft-com:vml")
O = Namespace("urn:schemas-microsoft-com:office:office")
MC = Namespace("http://schemas.openxmlformats.org/markup-compatibility/2006")
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"

REL_OFFICE_DOC = "/officeDocument"
REL_STYLES = "/styles"
REL_THEME = "/theme"
REL_SETTINGS = "/settings"

TNR = "Times New Roman"
TWIPS_PER_MM = 56.7
EMU_PER_PT = 12700
PAGE_W, PAGE_H = 11906, 16838  # A4 in twips


def child(el, tag: str):
    """First child of `el` with this tag, or None (faster than lxml's find() on big trees)."""
    for c in el:
        if c.tag == tag:
            return c
    return None


def grandchild(el, tag: str, inner: str):
    """el/tag/inner (e.g. p/pPr/pStyle), or None."""
    c = child(el, tag)
    return child(c, inner) if c is not None else None


def child_val(el, tag: str, inner: str) -> str | None:
    """w:val of el/tag/inner, or None."""
    g = grandchild(el, tag, inner)
    return g.get(W.val) if g is not None else None


def is_on(el) -> bool:
    """On/off property element: <w:b/>, <w:b w:val="1|true|on"/> → True; "0|false|off" → False."""
    val = el.get(W.val)
    return val is None or val.strip().lower() in ("1", "true", "on")


_UNITS_TO_TWIPS = {"pt": 20.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54, "pc": 240.0, "pi": 240.0, "px": 15.0}


_LENGTH_RE = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*([a-z]{2})?\s*")


def length(value, unit_default: float = 1.0) -> float | None:
    """Parse an OOXML length: a plain number (in the attribute's own unit) or '12pt', '1cm' …

    A plain number is multiplied by `unit_default` (1 for twips, for example); a number with a
    unit suffix is converted to twips.
    """
    if value is None:
        return None
    try:
        return float(value) * unit_default  # the common case: a plain number
    except ValueError:
        pass
    m = _LENGTH_RE.fullmatch(str(value))
    if not m:
        return None
    number = float(m.group(1))
    unit = m.group(2)
    if unit is None:
        return number * unit_default
    factor = _UNITS_TO_TWIPS.get(unit)
    return None if factor is None else number * factor


def num(x: float) -> str:
    """12.0 → '12', 13.5 → '13,5' (Vietnamese decimal comma)."""
    s = f"{x:.1f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def mm(twips: float) -> str:
    return num(round(twips / TWIPS_PER_MM, 1))


def cm_pt(pt: float) -> str:
    return num(round(pt / 72 * 2.54, 1))


def snip(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def is_upper(text: str) -> bool:
    return text == text.upper()


# --------------------------------------------------------------------------------------------
# The package (zip) and its parts


def side_name(el) -> str:
    """Border or margin side of an element: w:start/w:end read as left/right."""
    side = etree.QName(el).localname
    return {"start": "left", "end": "right"}.get(side, side)
