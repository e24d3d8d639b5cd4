"""Hostile workbooks are refused in bounded memory (at most 300 MB; their time: bench/hostile_inputs.py), in one Vietnamese line, before openpyxl parses
them: sizes declared or inflated past the limits, a cell longer than Excel allows, sheets far wider than any
ledger, millions of shared strings or rows, entity declarations. The inputs are made on the fly."""

from __future__ import annotations

import tracemalloc
import zipfile

import pytest

from desktop import app
from desktop.domain.errors import UserError
from desktop.store import db

from .hostile import declare, rewrite, with_rows

pytestmark = pytest.mark.slow  # subprocesses, generated documents or big inputs: the full run only

SHEET = "xl/worksheets/sheet1.xml"
LIMIT_MB = 300


@pytest.fixture(scope="module")
def base(tmp_path_factory, demo_db):
    """An exported workbook of the demo's rows (the header the reader looks for) and a database to read against."""
    import shutil

    folder = tmp_path_factory.mktemp("bounds")
    dbp = folder / "v.db"
    shutil.copy(demo_db, dbp)
    conn = db.open_db(dbp)
    out = folder / "base.xlsx"
    app.write_xlsx_export(conn, out)
    with db.transaction(conn):
        conn.execute("DELETE FROM activities")
    conn.close()
    return folder, dbp, out


def measure(fn):
    tracemalloc.start()
    try:
        fn()
    finally:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return peak


def read(dbp, path):
    conn = db.open_db(dbp)
    try:
        return app.read_imports(conn, [path])
    finally:
        conn.close()


def refused(base, path, match):
    _, dbp, _ = base
    caught = {}

    def go():
        with pytest.raises(UserError, match=match) as e:
            read(dbp, path)
        caught["msg"] = str(e.value)

    peak = measure(go)
    assert peak < LIMIT_MB, peak
    assert "\n" not in caught["msg"]
    return caught["msg"], peak


def sheet_of(base) -> bytes:
    with zipfile.ZipFile(base[2]) as z:
        return z.read(SHEET)


def test_a_declared_2_gb_cell_is_refused_unread(base, tmp_path):
    bomb = rewrite(base[2], tmp_path / "o.xlsx", {SHEET: with_rows(sheet_of(base), b"<row r='9000'/>")})
    declare(bomb, SHEET, 2 * 2**30)
    msg, *_ = refused(base, bomb, "quá lớn khi giải nén")
    assert "sheet1.xml" in msg


def test_a_size_that_lies_is_damage(base, tmp_path):
    big = with_rows(sheet_of(base), b"<row><c t='inlineStr'><is><t>x</t></is></c></row>" * 400_000)
    bomb = rewrite(base[2], tmp_path / "lie.xlsx", {SHEET: big})
    declare(bomb, SHEET, 4096)  # says 4 KB, inflates to 20 MB: zipfile stops at 4 KB, the CRC fails
    refused(base, bomb, "bị hỏng")


def test_one_cell_far_longer_than_excel_allows(base, tmp_path):
    cell = b"<row r='9000'><c r='D9000' t='inlineStr'><is><t>" + b"a" * (150 * 2**20) + b"</t></is></c></row>"
    bomb = rewrite(base[2], tmp_path / "cell.xlsx", {SHEET: with_rows(sheet_of(base), cell)})
    refused(base, bomb, "quá lớn khi giải nén")  # 150 MB inflated: over the part limit
    cell = b"<row r='9000'><c r='D9000' t='inlineStr'><is><t>" + b"a" * (5 * 2**20) + b"</t></is></c></row>"
    bomb = rewrite(base[2], tmp_path / "cell5.xlsx", {SHEET: with_rows(sheet_of(base), cell)})
    msg, *_ = refused(base, bomb, "32.767 ký tự")


def test_a_cell_just_over_the_limit_is_refused_by_the_reader(base, tmp_path):
    cell = (
        b"<row r='160'><c r='A160' t='inlineStr'><is><t>2025-01-02</t></is></c><c r='D160' t='inlineStr'>"
        b"<is><t>" + b"b" * 40_000 + b"</t></is></c></row>"
    )
    bomb = rewrite(base[2], tmp_path / "cell40k.xlsx", {SHEET: with_rows(sheet_of(base), cell)})
    msg, *_ = refused(base, bomb, "dài hơn 32.767 ký tự")
    assert "dòng 160" in msg


@pytest.mark.slow
def test_two_gigabytes_of_shared_strings_in_a_few_megabytes(base, tmp_path):
    strings = (
        b"<sst xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
        + b"<si><t>x</t></si>" * 1_200_000
        + b"</sst>"
    )
    bomb = rewrite(base[2], tmp_path / "sst.xlsx", add={"xl/sharedStrings.xml": strings})
    refused(base, bomb, "chuỗi chữ")
    declare(bomb, "xl/sharedStrings.xml", 2 * 2**30)
    refused(base, bomb, "quá lớn khi giải nén")


def test_empty_rows_after_five_real_ones(base, tmp_path):
    empty = b"".join(b"<row r='%d' s='1' customFormat='1'/>" % n for n in range(3000, 1_000_000))
    bomb = rewrite(base[2], tmp_path / "empty.xlsx", {SHEET: with_rows(sheet_of(base), empty)})
    _, dbp, _ = base
    peak = measure(lambda: read(dbp, bomb))  # read: the rows it has, the empty ones end the sheet
    assert peak < LIMIT_MB, peak
    declare(bomb, SHEET, 2 * 2**30)
    refused(base, bomb, "quá lớn khi giải nén")


def test_sixteen_thousand_columns(base, tmp_path):
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(j).encode() for j in range(1, 16_385)]
    rows = b"".join(
        b"<row r='%d'>" % r
        + b"".join(b"<c r='%s%d'><v>1</v></c>" % (c, r) for c in letters[::64])
        + b"<c r='XFD%d'><v>1</v></c></row>" % r
        for r in range(3000, 4000)
    )
    bomb = rewrite(base[2], tmp_path / "wide.xlsx", {SHEET: with_rows(sheet_of(base), rows)})
    msg, *_ = refused(base, bomb, "rộng hơn nhiều")
    # and without cell references: counted
    rows = b"<row>" + b"<c><v>1</v></c>" * 16_384 + b"</row>"
    bomb = rewrite(base[2], tmp_path / "wide2.xlsx", {SHEET: with_rows(sheet_of(base), rows * 400)})
    refused(base, bomb, "ô, quá lớn|hơn 5.000.000 ô")


def test_a_zip_bomb_of_repeated_rows_is_refused_at_once(base, tmp_path):
    row = (
        b"<row><c t='inlineStr'><is><t>2025-01-02</t></is></c><c/><c t='inlineStr'><is><t>Khoa A</t></is></c>"
        b"<c t='inlineStr'><is><t>Tap huan</t></is></c><c t='inlineStr'><is><t>Hop</t></is></c></row>"
    )
    bomb = rewrite(base[2], tmp_path / "rows.xlsx", {SHEET: with_rows(sheet_of(base), row * 260_000)})
    refused(base, bomb, "hơn 200.000 dòng")


def test_an_entity_declaration_is_refused(base, tmp_path):
    xml = sheet_of(base)
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + xml
    bomb = rewrite(base[2], tmp_path / "dtd.xlsx", {SHEET: evil})
    refused(base, bomb, "DOCTYPE")


def test_a_sheet_name_with_a_newline_is_echoed_on_one_line(base, tmp_path):
    with zipfile.ZipFile(base[2]) as z:
        wb = z.read("xl/workbook.xml")
    # a sheet that is not a ledger, named with a line break and a forged line
    forged = wb.replace(b'name="', b'name="X&#10;Forged: 999&#10;', 1)
    bad = rewrite(
        base[2], tmp_path / "name.xlsx", {"xl/workbook.xml": forged, SHEET: sheet_of(base).replace(b"<v>", b"<v>=", 1)}
    )
    _, dbp, _ = base
    try:
        res = read(dbp, bad)
        texts = [str(r) for x in res for r in x.rejected] + [n for x in res for n in x.notes]
    except UserError as e:
        texts = [str(e)]
    assert all("\n" not in t for t in texts)


def test_a_good_export_still_reads(base):
    _, dbp, path = base
    [res] = read(dbp, path)
    assert res.ok and res.to_add
