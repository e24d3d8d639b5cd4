"""The one override of openpyxl's internals: ReadOnlyWorksheet._get_size, which reads a sheet's size
from its <dimension> element. openpyxl's own parses the whole sheet once more when <dimension> is
missing (it waits for the end of <sheetData>); this one stops where the sheet's data starts.
tests/excel/test_openpyxl_bounds.py fails when openpyxl changes under it (the method, the
attributes it sets, the same sizes read as openpyxl's own)."""

from __future__ import annotations

__all__ = ["OVERRIDDEN", "USED", "dimensions_from_the_head", "openpyxls_own", "use"]

# ReadOnlyWorksheet's members this module relies on (the test checks them against openpyxl)
OVERRIDDEN = {"_get_size": ("self",)}
USED = ("_get_source", "_min_column", "_min_row", "_max_column", "_max_row")


def dimensions_from_the_head(ws) -> None:
    """openpyxl's ReadOnlyWorksheet._get_size, stopping where the sheet's data starts."""
    from defusedxml.ElementTree import iterparse

    src = ws._get_source()
    try:
        for _event, el in iterparse(src, events=("start",), forbid_dtd=True):
            tag = el.tag.rsplit("}", 1)[-1]
            if tag == "dimension":
                ref = el.get("ref") or ""
                if ":" in ref:
                    from openpyxl.utils.cell import range_boundaries

                    try:
                        ws._min_column, ws._min_row, ws._max_column, ws._max_row = range_boundaries(ref)
                    except ValueError:
                        pass
                return
            if tag == "sheetData":
                return
    finally:
        src.close()


def use() -> None:
    """Install the override (idempotent)."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    if ReadOnlyWorksheet._get_size is not dimensions_from_the_head:
        openpyxls_own.append(ReadOnlyWorksheet._get_size)
        ReadOnlyWorksheet._get_size = dimensions_from_the_head


openpyxls_own: list = []  # the method replaced, kept for the test that compares the two
