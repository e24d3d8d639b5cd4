"""Reading an Office file (.docx, .xlsx) that came from outside, bounded before any parser sees it.

One reader and one set of limits for every reader of untrusted Office files: the format checker
(`nd30/package.py`, also the template checker), the superior-plan reader (`docgen/read_text.py`) and
the workbook import (`excel/zipguard.py`, `excel/reader.py`). A zip can declare, or inflate to,
gigabytes from a few hundred kilobytes (a 0,17 MB .docx whose document.xml is 150 MB took 45 s and
2,8 GB before the checker failed), so:

- the central directory is checked first (number of entries, every XML part's declared size, the
  declared total): a part past its limit is refused before a byte of it is inflated;
- a part is inflated in 1 MB chunks with a running count (zipfile never returns more than the
  declared size, and never more than the limit is read), each chunk scanned at C speed for a
  DOCTYPE or ENTITY declaration (entity bombs, external entities; Word and Excel never write one).

A part parsed whole into a tree (document.xml, styles, a workbook's styles) may be 30 MB: our own
report of 10 000 activities is 12 MB, and checking 30 MB of dense XML already takes half a minute and
about 1,2 GB. A worksheet or the shared strings, which the workbook import streams row by row, may be
100 MB (200 000 rows of a twelve-column ledger). Every refusal is a UserError: one Vietnamese line
naming the file, the part, its size and the limit.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .domain.errors import UserError
from .domain.text import one_line
from .domain.vnformat import number

__all__ = [
    "CHUNK",
    "DOCTYPE",
    "LIMITS",
    "MB",
    "ZIP_ERRORS",
    "Limits",
    "check",
    "damaged",
    "has_doctype",
    "limit_of",
    "megabytes",
    "open_zip",
    "read_part",
]

MB = 1 << 20
CHUNK = MB
# a DTD or an entity declaration, in UTF-8 or UTF-16 (little-endian) text
DOCTYPE = re.compile(
    rb"<!DOCTYPE|<!ENTITY|<\x00!\x00D\x00O\x00C\x00T\x00Y\x00P\x00E|<\x00!\x00E\x00N\x00T\x00I\x00T\x00Y", re.I
)
DOCTYPE_WINDOW = 65536  # has_doctype: the start of a part, where a DTD must be
_OVERLAP = 32  # bytes of the previous chunk searched again with the next one
XML_PARTS = (".xml", ".rels", ".vml")
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    ValueError,
    RuntimeError,
)


@dataclass(frozen=True)
class Limits:
    whole: int = 30 * MB  # an XML part parsed whole into a tree, inflated
    streamed: int = 100 * MB  # a worksheet or the shared strings, read row by row, inflated
    total: int = 400 * MB  # all entries, declared
    entries: int = 10_000


LIMITS = Limits()


def is_streamed(name: str) -> bool:
    low = name.lower()
    return low.startswith("xl/worksheets/") or low.endswith("sharedstrings.xml")


def limit_of(name: str, limits: Limits = LIMITS) -> int:
    """The inflated size a part may have."""
    return limits.streamed if is_streamed(name) else limits.whole


def megabytes(size: int) -> str:
    """A size in the Vietnamese way: "150 MB", "0,2 MB", "2.048 MB"."""
    if size < 10 * MB:
        return f"{size / MB:.1f}".replace(".", ",") + " MB"
    return f"{number(size // MB)} MB"


def has_doctype(data: bytes) -> bool:
    """Whether the start of a part declares a DTD or an entity (entity bombs, external entities)."""
    return DOCTYPE.search(data, 0, DOCTYPE_WINDOW) is not None


def _label(path: str | Path) -> str:
    return one_line(Path(path).name or str(path))


def too_big(label: str, what: str, size: int, limit: int) -> UserError:
    """`what`: "phần word/document.xml" or "tổng cộng"."""
    return UserError(
        f"Tệp {label} quá lớn khi giải nén ({what}: {megabytes(size)}, giới hạn {megabytes(limit)}); "
        "tệp có thể bị hỏng hoặc cố tình làm đầy bộ nhớ. Không đọc tệp này; dữ liệu không thay đổi."
    )


def unsafe(label: str, part: str) -> UserError:
    return UserError(
        f"Tệp {label} không an toàn: phần {one_line(part)} có khai báo DOCTYPE/thực thể XML, điều tệp Word "
        "và Excel không bao giờ có (cách cài bom thực thể); không đọc tệp này, dữ liệu không thay đổi."
    )


def damaged(label: str, exc: BaseException) -> UserError:
    return UserError(
        f"Tệp {label} bị hỏng hoặc không đầy đủ (có thể tải về chưa xong): hãy lấy lại tệp gốc ({type(exc).__name__})."
    )


def open_zip(path: str | Path, limits: Limits = LIMITS) -> zipfile.ZipFile:
    """The zip at `path`, its central directory checked against `limits` (entries, every XML part's
    declared size, the declared total); nothing inflated yet. UserError when refused."""
    label = _label(path)
    z = zipfile.ZipFile(path)
    try:
        infos = z.infolist()
        if len(infos) > limits.entries:
            raise UserError(
                f"Tệp {label} chứa {number(len(infos))} phần, nhiều bất thường (giới hạn "
                f"{number(limits.entries)}); không đọc tệp này, dữ liệu không thay đổi."
            )
        total = 0
        for info in infos:
            if info.filename.lower().endswith(XML_PARTS) and info.file_size > limit_of(info.filename, limits):
                raise too_big(label, f"phần {one_line(info.filename)}", info.file_size, limit_of(info.filename, limits))
            total += info.file_size
        if total > limits.total:
            raise too_big(label, "tổng cộng", total, limits.total)
    except BaseException:
        z.close()
        raise
    return z


def chunks(z: zipfile.ZipFile, name: str, label: str, limits: Limits = LIMITS, doctype: bool = True):
    """The inflated bytes of part `name`, 1 MB at a time, never more than its limit, each searched for a
    DOCTYPE or ENTITY declaration (unless not `doctype`: the caller searches with its own wording).
    KeyError for a missing part; zip errors are left to the caller."""
    info = z.getinfo(name)
    limit = limit_of(name, limits)
    if info.file_size > limit:
        raise too_big(label, f"phần {one_line(name)}", info.file_size, limit)
    seen, prev = 0, b""
    with z.open(info) as f:
        while chunk := f.read(CHUNK):
            seen += len(chunk)
            if seen > limit:
                raise too_big(label, f"phần {one_line(name)}", seen, limit)
            if doctype and (DOCTYPE.search(prev + chunk[:_OVERLAP]) or DOCTYPE.search(chunk)):
                raise unsafe(label, name)
            prev = chunk[-_OVERLAP:]
            yield chunk


def read_part(z: zipfile.ZipFile, name: str, label: str, limits: Limits = LIMITS, doctype: bool = True) -> bytes:
    """The whole of part `name`, bounded and searched as `chunks` does."""
    return b"".join(chunks(z, name, label, limits, doctype))


def check(
    path: str | Path,
    limits: Limits = LIMITS,
    scanner: Callable[[str], Callable[[bytes], None] | None] | None = None,
) -> None:
    """UserError (one Vietnamese line) unless every XML part of the Office file at `path` is within
    `limits` and free of DOCTYPE/ENTITY declarations. Reads each part once, in chunks; keeps nothing.
    `scanner(part name)` may give a function that sees every chunk of that part (the workbook's
    counters of rows, cells and strings) and raises UserError itself."""
    label = _label(path)
    try:
        with open_zip(path, limits) as z:
            for info in z.infolist():
                if not info.filename.lower().endswith(XML_PARTS):
                    continue
                feed = scanner(info.filename) if scanner else None
                for chunk in chunks(z, info.filename, label, limits):
                    if feed:
                        feed(chunk)
    except UserError:
        raise
    except ZIP_ERRORS as e:
        raise damaged(label, e) from None
    except PermissionError:
        raise UserError(
            f"Không đọc được {label}: tệp đang mở trong chương trình khác hoặc bị khóa; hãy đóng tệp rồi thử lại."
        ) from None
    except OSError as e:
        raise UserError(f"Không đọc được {label}: {e.strerror or e}.") from None
