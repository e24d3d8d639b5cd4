"""Generate tnr_widths.json: Times New Roman advance widths for Vietnamese text.

Run once by a developer (needs fontTools, which the app itself does not need):

    python -m desktop.nd30._gen_widths

Liberation Serif 2 is metric-compatible with Times New Roman (same advance widths), and
Debian ships it as fonts-liberation2. The JSON holds, for the regular and the bold face,
the advance width in font units (of units_per_em) of every code point listed in RANGES
that the font has. desktop/nd30/textwidth.py reads it at run time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FACES = {
    "regular": FONT_DIR / "LiberationSerif-Regular.ttf",
    "bold": FONT_DIR / "LiberationSerif-Bold.ttf",
}
OUT = Path(__file__).with_name("tnr_widths.json")

# Code points that Vietnamese administrative text uses (inclusive ranges).
RANGES = [
    (0x0020, 0x007E),  # ASCII printable
    (0x00A0, 0x00FF),  # Latin-1: nbsp, punctuation, À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý …
    (0x0100, 0x017F),  # Latin Extended-A: Ă ă Đ đ Ĩ ĩ Ũ ũ …
    (0x01A0, 0x01B0),  # Latin Extended-B: Ơ ơ Ư ư
    (0x0300, 0x0323),  # combining marks (grave, acute, tilde, hook above, dot below …)
    (0x1EA0, 0x1EF9),  # Latin Extended Additional: Vietnamese letters with tones
    (0x2010, 0x2027),  # ‐ – — ‘ ’ “ ” • … and friends
    (0x2030, 0x203A),  # ‰ ′ ″ ‹ ›
    (0x20AB, 0x20AC),  # ₫ €
    (0x2116, 0x2116),  # №
    (0x2122, 0x2122),  # ™
    (0x2212, 0x2212),  # minus sign
]


def _widths(font_path: Path) -> tuple[int, dict[str, int]]:
    from fontTools.ttLib import TTFont  # only needed here, never at run time

    font = TTFont(str(font_path))
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    widths: dict[str, int] = {}
    for lo, hi in RANGES:
        for cp in range(lo, hi + 1):
            glyph = cmap.get(cp)
            if glyph is not None:
                widths[str(cp)] = hmtx[glyph][0]
    return font["head"].unitsPerEm, widths


def main() -> int:
    data: dict[str, object] = {
        "source": "Liberation Serif 2 (metric-compatible with Times New Roman)",
    }
    units = set()
    for face, path in FACES.items():
        upem, widths = _widths(path)
        units.add(upem)
        data[face] = widths
    if len(units) != 1:
        print("faces disagree on unitsPerEm", file=sys.stderr)
        return 1
    data["units_per_em"] = units.pop()
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(data['regular'])} regular, {len(data['bold'])} bold)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
