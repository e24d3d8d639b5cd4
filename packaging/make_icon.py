"""Draw the app icon (a page with a red cross and text lines) into desktop/resources/icons/.

    QT_QPA_PLATFORM=offscreen python packaging/make_icon.py

Writes app.png (256 px, the window icon) and app.ico (16–256 px, the Windows executable's icon).
Drawn with Qt so the build needs no image library; re-run only to change the design.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parent.parent / "desktop" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format_ARGB32)
    img.fill(Qt.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.Antialiasing)
    p.scale(size / 256, size / 256)
    page = QPainterPath()
    page.moveTo(48, 16)
    page.lineTo(168, 16)
    page.lineTo(216, 64)
    page.lineTo(216, 240)
    page.lineTo(48, 240)
    page.closeSubpath()
    p.setPen(QPen(QColor("#1f4e79"), 10, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
    p.setBrush(QColor("#ffffff"))
    p.drawPath(page)
    p.setBrush(QColor("#dbe7f3"))
    fold = QPainterPath()
    fold.moveTo(168, 16)
    fold.lineTo(168, 64)
    fold.lineTo(216, 64)
    fold.closeSubpath()
    p.drawPath(fold)
    p.setPen(Qt.NoPen)
    p.setBrush(QColor("#c62828"))
    p.drawRect(QRectF(110, 52, 28, 84))
    p.drawRect(QRectF(82, 80, 84, 28))
    p.setBrush(QColor("#1f4e79"))
    for y in (160, 188, 212):
        p.drawRoundedRect(QRectF(76, y, 112 if y != 212 else 72, 12), 6, 6)
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data)


def ico(images: list[tuple[int, bytes]]) -> bytes:
    """An .ico holding PNG-compressed images (valid since Windows Vista)."""
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return head + entries + blobs


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "app.png").write_bytes(png_bytes(draw(256)))
    (OUT / "app.ico").write_bytes(ico([(s, png_bytes(draw(s))) for s in SIZES]))
    print(f"Wrote {OUT / 'app.png'} and {OUT / 'app.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
