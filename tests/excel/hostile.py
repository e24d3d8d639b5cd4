"""Hostile workbooks and documents made on the fly: zip entries that declare or inflate to far more than
they weigh, never written out at their inflated size."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path


def rewrite(
    src: Path, dest: Path, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None, level: int = 1
) -> Path:
    """A copy of the zip `src` with some entries replaced or added (deflated at `level`)."""
    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zout:
        for info in zin.infolist():
            data = replace.get(info.filename)
            zout.writestr(info.filename, data if data is not None else zin.read(info.filename))
        for name, data in add.items():
            zout.writestr(name, data)
    return dest


def declare(path: Path, name: str, size: int) -> None:
    """Patch the uncompressed size the zip declares for `name` (local header and central directory)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    # local header: signature, ... uncompressed size at offset 22
    struct.pack_into("<I", data, info.header_offset + 22, size)
    enc = name.encode()
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        n_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + n_len]) == enc:
            struct.pack_into("<I", data, pos + 24, size)
            break
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))


def with_rows(sheet_xml: bytes, extra: bytes) -> bytes:
    """The sheet with `extra` appended to its sheetData."""
    i = sheet_xml.rindex(b"</sheetData>")
    return sheet_xml[:i] + extra + sheet_xml[i:]
