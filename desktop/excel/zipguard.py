"""Bounding an Office file (.xlsx, .docx) before any parser sees it: a zip can declare, or inflate to,
gigabytes from a few megabytes. Every entry's declared size is checked, then every XML part is
inflated in 1 MB chunks with a running count (never more than its declared size, zipfile stops
there, nor more than the limit) and scanned at C speed: a DOCTYPE (entity bombs) is refused,
and a worksheet is refused when a text run is far longer than a cell can hold, when it reaches
columns far right of any ledger, or when it holds more rows or cells than one import takes.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import UserError
from ..domain.vnformat import number
from ..files import one_line

MB = 1 << 20
CHUNK = MB
CELL_CHARS = 32_767  # Excel's limit for one cell
RUN_BYTES = CELL_CHARS * 10  # a text run longer than this cannot be one cell, even written as "&#7897;" entities
MAX_CELLS = 5_000_000  # cells of one sheet (200 000 rows of a 12-column ledger is 2.4 million)
MAX_STRINGS = 1_000_000  # shared strings of one workbook
_LONG_RUN = re.compile(rb"<[^<]{%d}" % RUN_BYTES)  # tried only at '<': linear in the chunk
_FAR_COLUMN = re.compile(rb"<c\s[^>]*?\br=[\"']([A-Z]{3,})\d")
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)


@dataclass(frozen=True)
class Limits:
    part: int = 100 * MB  # one entry, inflated
    total: int = 400 * MB  # all entries, declared
    entries: int = 10_000
    max_rows: int = 200_000
    first_wide_column: int = 703  # "AAA": no ledger is that wide (the template has about a dozen columns)


WORKBOOK = Limits()
DOCUMENT = Limits(part=30 * MB, total=150 * MB)


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


class _Scan:
    """Counters kept across the chunks of one part."""

    def __init__(self, name: str, label: str, limits: Limits, sheet: bool, strings: bool):
        self.name, self.label, self.limits, self.sheet, self.strings = name, label, limits, sheet, strings
        self.prev, self.run = b"", 0
        self.rows = self.values = self.cells = self.si = 0

    def _count(self, chunk: bytes, marker: bytes) -> int:
        return (self.prev[-(len(marker) - 1) :] + chunk).count(marker)

    def feed(self, chunk: bytes) -> None:
        head = self.prev[-16:] + chunk
        if _DOCTYPE.search(head):
            raise UserError(
                f"Tệp {self.label} chứa cấu trúc XML không an toàn (khai báo DOCTYPE/thực thể trong phần "
                f"{one_line(self.name)}, điều tệp Office không bao giờ có); không đọc tệp này."
            )
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
            if far and _col(far.group(1)) >= self.limits.first_wide_column:
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
            if self.rows > self.limits.max_rows + 30 and self.values > 3 * self.limits.max_rows:
                raise UserError(
                    f"Tệp {self.label} có hơn {number(self.limits.max_rows)} dòng hoạt động: quá lớn cho một lần "
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


def _too_big(label: str, what: str, size: int, limit: int) -> UserError:
    return UserError(
        f"Tệp {label} quá lớn khi giải nén ({what}: {number(size // MB)} MB, giới hạn {number(limit // MB)} MB); "
        "tệp có thể bị hỏng hoặc cố tình làm đầy bộ nhớ. Không đọc tệp này."
    )


def check_zip(path: str | Path, limits: Limits = WORKBOOK) -> None:
    """UserError when the Office file at `path` is larger, inflated, than `limits` allow, or holds what no
    file of Excel or Word holds. Reads every XML part once, in chunks; nothing is kept in memory."""
    path = Path(path)
    label = one_line(path.name)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if len(infos) > limits.entries:
                raise UserError(f"Tệp {label} chứa {len(infos)} phần, nhiều bất thường; không đọc tệp này.")
            total = 0
            for info in infos:
                if info.file_size > limits.part:
                    raise _too_big(label, one_line(info.filename), info.file_size, limits.part)
                total += info.file_size
            if total > limits.total:
                raise _too_big(label, "tổng cộng", total, limits.total)
            for info in infos:
                name = info.filename
                if not name.lower().endswith((".xml", ".rels", ".vml")):
                    continue
                low = name.lower()
                scan = _Scan(name, label, limits, sheet="worksheets/" in low, strings=low.endswith("sharedstrings.xml"))
                seen = 0
                with z.open(info) as f:
                    while chunk := f.read(CHUNK):
                        seen += len(chunk)
                        if seen > limits.part:
                            raise _too_big(label, one_line(name), seen, limits.part)
                        scan.feed(chunk)
    except UserError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        ValueError,
        RuntimeError,
    ) as e:
        raise UserError(
            f"Tệp {label} bị hỏng hoặc không đầy đủ (có thể tải về chưa xong): hãy lấy lại tệp gốc "
            f"({type(e).__name__})."
        ) from None
    except PermissionError:
        raise UserError(
            f"Không đọc được {label}: tệp đang mở trong chương trình khác hoặc bị khóa; hãy đóng tệp rồi thử lại."
        ) from None
    except OSError as e:
        raise UserError(f"Không đọc được {label}: {e.strerror or e}.") from None
