"""How full each page of a PDF is: the lowest ink on the page against the bottom of its text area.

A page is "under 70 %" when its lowest ink (page numbers are at the top, in the header) ends above
70 % of the text area's height, counted from the top margin. The last page of each section (the
signature page, the appendix's last page) is allowed to be short and is listed apart.

    python3 bench/page_fill.py FILE.pdf [--margin-mm 20] [--dpi 30] [--list]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

MM_PER_INCH = 25.4


def pgm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and grey bytes of a binary PGM (P5), as pdftoppm -gray writes it (no imaging library)."""
    data = path.read_bytes()
    fields, pos = [], 0
    while len(fields) < 4:  # magic, width, height, maxval
        while data[pos : pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos : pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1 : pos + 1 + w * h]


def fills(pdf: Path, margin_mm: float = 20.0, dpi: int = 30) -> list[tuple[int, str, float]]:
    """(page number, 'P' or 'L' for portrait/landscape, fill 0..1) of every page."""
    out = []
    with tempfile.TemporaryDirectory(prefix="page-fill-") as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), f"{tmp}/p"], check=True, timeout=900)
        for i, page in enumerate(sorted(Path(tmp).glob("p-*.pgm")), 1):
            w, h, px = pgm(page)
            margin = round(margin_mm / MM_PER_INCH * dpi)
            lowest = next((y for y in range(h - 1, -1, -1) if min(px[y * w : (y + 1) * w]) < 160), 0)
            area = h - 2 * margin
            out.append((i, "L" if w > h else "P", max(0.0, min(1.0, (lowest - margin) / area))))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--margin-mm", type=float, default=20.0)
    ap.add_argument("--dpi", type=int, default=30)
    ap.add_argument("--list", action="store_true", help="print every page under 70 %")
    a = ap.parse_args()
    pages = fills(Path(a.pdf), a.margin_mm, a.dpi)
    last_of_kind = {kind: n for n, kind, _ in pages}  # the last portrait and the last landscape page
    short = [(n, k, f) for n, k, f in pages if f < 0.70 and n != last_of_kind[k]]
    print(f"{a.pdf}: {len(pages)} pages, {len(short)} under 70 % full (the last page of each section aside)")
    if a.list:
        for n, k, f in short:
            print(f"  page {n} ({k}): {f:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
