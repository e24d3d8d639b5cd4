"""Fonts and text everywhere, headers and text boxes included: Times New Roman (phong-chu),
black (mau-chu), Unicode NFC (van-ban.nfc), no control or invisible characters
(van-ban.ky-tu-dieu-khien)."""

from __future__ import annotations

import re
import unicodedata

from ..model import Para
from ..ooxml import TNR
from .common import Context

__all__ = ["check_fonts_and_text"]

_BAD_CHARS = {0xFFFD: "ký tự thay thế U+FFFD (lỗi mã hóa)"}
for _cp in list(range(0x200B, 0x2010)) + list(range(0x202A, 0x202F)) + list(range(0x2060, 0x2065)) + [0xFEFF]:
    _BAD_CHARS[_cp] = f"ký tự ẩn U+{_cp:04X}"

_ASCII_RE = re.compile(r"[\x00-\x7f]")
# control characters other than tab/line break (from w:tab/w:br), and the invisible ones
_BAD_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(chr(cp) for cp in sorted(_BAD_CHARS)) + "]")


def check_fonts_and_text(ctx: Context) -> None:
    doc = ctx.doc
    parts = [(doc.root, doc.blocks)]
    for part, (_label, root) in doc.header_parts.items():
        parts.append((root, doc.header_paras[part]))
    for root, blocks in parts:
        for p in doc.all_paras(root, blocks):
            _check_para(ctx, p)


def _check_para(ctx: Context, p: Para) -> None:
    fonts, colors = [], []
    for r in p.runs:
        if not r.raw:
            continue
        used = []
        ascii_only = r.raw.isascii()
        if ascii_only or _ASCII_RE.search(r.raw):
            used.append(r.props.ascii_font)
        if not ascii_only:
            used.append(r.props.hansi_font)
        for font in used:
            if font.lower() != TNR.lower() and font not in fonts:
                fonts.append(font)
        color = (r.props.color or "auto").lower()
        if color not in ("auto", "000000") and color not in colors:
            colors.append(color)
    if fonts:
        ctx.add("phong-chu", p.place, f'phông "{", ".join(fonts)}", cần {TNR}')
    if colors:
        ctx.add("mau-chu", p.place, f"chữ màu {', '.join('#' + c.upper() for c in colors)}, cần màu đen")
    raw = p.raw
    if not raw:
        return
    if not unicodedata.is_normalized("NFC", raw):
        ctx.add("van-ban.nfc", p.place, "chữ chưa chuẩn hóa Unicode dựng sẵn (NFC): dấu tách rời khỏi chữ")
    bad = []
    for ch in _BAD_RE.findall(raw):
        cp = ord(ch)
        if unicodedata.category(ch) == "Cc":
            label = f"ký tự điều khiển U+{cp:04X}"
        else:
            label = _BAD_CHARS.get(cp)
        if label and label not in bad:
            bad.append(label)
    if bad:
        ctx.add("van-ban.ky-tu-dieu-khien", p.place, "có " + ", ".join(bad))
