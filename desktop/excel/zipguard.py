"""The workbook's own checks, on top of the shared safe-zip reader (`desktop/safezip.py`: entries, sizes
declared and inflated, DOCTYPE/ENTITY declarations, the same limits as every reader of an Office file).
While each part is inflated in 1 MB chunks, a worksheet is refused when a text run is far longer than
a cell can hold, when it reaches columns far right of any ledger, or when it holds more rows or cells
than one import takes, and the shared strings when there are more of them than one import takes.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import safezip
from ..domain.errors import UserError
from ..domain.text import one_line
from ..domain.vnformat import number

CELL_CHARS = 32_767  # Excel's limit for one cell
RUN_BYTES = CELL_CHARS * 10  # a text run longer than this cannot be one cell, even written as "&#7897;" entities
MAX_CELLS = 5_000_000  # cells of one sheet (200 000 rows of a 12-column ledger is 2.4 million)
MAX_STRINGS = 1_000_000  # shared strings of one workbook
MAX_ROWS = 200_000
FIRST_WIDE_COLUMN = 703  # "AAA": no ledger is that wide (the template has about a dozen columns)
_LONG_RUN = re.compile(rb"<[^<]{%d}" % RUN_BYTES)  # tried only at '<': linear in the chunk
_FAR_COLUMN = re.compile(rb"<c\s[^>]*?\br=[\"']([A-Z]{3,})\d")


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


class _Scan:
    """Counters kept across the chunks of one part."""

    def __init__(self, label: str, sheet: bool, strings: bool):
        self.label, self.sheet, self.strings = label, sheet, strings
        self.prev, self.run = b"", 0
        self.rows = self.values = self.cells = self.si = 0

    def _count(self, chunk: bytes, marker: bytes) -> int:
        return (self.prev[-(len(marker) - 1) :] + chunk).count(marker)

    def feed(self, chunk: bytes) -> None:
        head = self.prev[-16:] + chunk
        first = chunk.find(b"<")
        if self.run + (len(chunk) if first < 0 else first) > RUN_BYTES or _LONG_RUN.search(chunk):
            raise UserError(
                f"Tệp {self.label} có một ô (hoặc đoạn chữ) dài hơn {number(CELL_CHARS)} ký tự, giới hạn của "
                "một ô Excel: tệp không phải do Excel tạo ra hoặc đã bị sửa; không đọc tệp này."
            )
        last = chunk.rfind(b"<")
        self.run = self.run + len(chunk) if last < 0 else len(chunk) - last - 1
        if self.sheet:
            self.rows += self._count(chunk, b"</row>")
            self.values += self._count(chunk, b"<v>") + self._count(chunk, b"<v ") + self._count(chunk, b"<is>")
            self.cells += self._count(chunk, b"<c ") + self._count(chunk, b"<c>")
            far = _FAR_COLUMN.search(head)
            if far and _col(far.group(1)) >= FIRST_WIDE_COLUMN:
                raise UserError(
                    f"Tệp {self.label}: trang tính dùng tới cột {far.group(1).decode()}, rộng hơn nhiều so "
                    "với sổ ghi hoạt động (khoảng một chục cột); hãy chép bảng hoạt động sang một sổ mới "
                    "rồi nhập lại. Không đọc tệp này."
                )
            if self.cells > MAX_CELLS:
                raise UserError(
                    f"Tệp {self.label}: trang tính có hơn {number(MAX_CELLS)} ô, quá lớn cho một lần nhập; "
                    "hãy chia thành nhiều tệp."
                )
            if self.rows > MAX_ROWS + 30 and self.values > 3 * MAX_ROWS:
                raise UserError(
                    f"Tệp {self.label} có hơn {number(MAX_ROWS)} dòng hoạt động: quá lớn cho một lần "
                    "nhập; hãy chia thành nhiều tệp."
                )
        if self.strings:
            self.si += self._count(chunk, b"<si>") + self._count(chunk, b"<si ")
            if self.si > MAX_STRINGS:
                raise UserError(
                    f"Tệp {self.label} có hơn {number(MAX_STRINGS)} chuỗi chữ khác nhau, quá lớn cho một lần "
                    "nhập; hãy chia thành nhiều tệp."
                )
        self.prev = chunk[-16:]


def check_zip(path: str | Path) -> None:
    """UserError (one Vietnamese line) when the workbook at `path` is past the limits of every Office file
    (`safezip`) or holds what no workbook of Excel holds. Reads every XML part once, in chunks; keeps nothing."""
    label = one_line(Path(path).name)

    def scanner(name: str):
        low = name.lower()
        return _Scan(label, sheet="worksheets/" in low, strings=low.endswith("sharedstrings.xml")).feed

    safezip.check(path, safezip.LIMITS, scanner)
