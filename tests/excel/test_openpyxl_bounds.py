"""excel/openpyxl_bounds.py replaces openpyxl's private ReadOnlyWorksheet._get_size: these tests fail
when openpyxl changes under it (the method or the members it uses gone, or sizes read differently
from openpyxl's own)."""

from __future__ import annotations

import inspect
import re
import zipfile

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from desktop.excel import openpyxl_bounds


def test_the_replaced_method_and_the_members_used_still_exist():
    openpyxl_bounds.use()
    own = openpyxl_bounds.openpyxls_own[0]
    for name, params in openpyxl_bounds.OVERRIDDEN.items():
        assert tuple(inspect.signature(own).parameters) == params, name
        assert getattr(ReadOnlyWorksheet, name) is openpyxl_bounds.dimensions_from_the_head
    src = inspect.getsource(ReadOnlyWorksheet.__init__)
    assert "self._get_size()" in src  # still how a read-only sheet learns its size
    assert callable(ReadOnlyWorksheet._get_source)
    for name in ("_min_column", "_min_row", "_max_column", "_max_row"):
        assert name in inspect.getsource(ReadOnlyWorksheet), name


def workbook(path, rows: int, dimension: bool):
    wb = Workbook()
    ws = wb.active
    for r in range(1, rows + 1):
        ws.append([f"a{r}", r, None, "x"])
    wb.save(path)
    if not dimension:  # as some writers save it: no <dimension>
        with zipfile.ZipFile(path) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        parts["xl/worksheets/sheet1.xml"] = re.sub(rb"<dimension[^>]*/>", b"", parts["xl/worksheets/sheet1.xml"])
        with zipfile.ZipFile(path, "w") as z:
            for n, data in parts.items():
                z.writestr(n, data)
    return path


def size(path, get_size):
    saved = ReadOnlyWorksheet._get_size
    ReadOnlyWorksheet._get_size = get_size
    try:
        wb = load_workbook(path, read_only=True)
        ws = wb.active
        got = (ws.min_row, ws.min_column, ws.max_row, ws.max_column, len(list(ws.iter_rows(values_only=True))))
        wb.close()
        return got
    finally:
        ReadOnlyWorksheet._get_size = saved


@pytest.mark.parametrize("dimension", [True, False])
def test_same_sizes_as_openpyxls_own(tmp_path, dimension):
    openpyxl_bounds.use()
    path = workbook(tmp_path / "w.xlsx", 40, dimension)
    own = size(path, openpyxl_bounds.openpyxls_own[0])
    assert size(path, openpyxl_bounds.dimensions_from_the_head) == own
    assert own[-1] == 40
