"""The appendix of a long report as consecutive tables (LibreOffice's conversion time stays
linear): one per month, a long month cut into parts; the month's name and the column heads as
the header rows of each, STT going on, totals at the end of the last; the docx stays what
`check` accepts."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn

from desktop import app
from desktop.domain.report import APPENDIX_CHUNK, appendix_parts
from desktop.nd30 import check_docx
from desktop.store import db
from desktop.store.demo import create_demo

pytestmark = pytest.mark.slow  # subprocesses, generated documents or big inputs: the full run only


def test_a_1500_activity_appendix_is_several_tables(tmp_path):
    path = tmp_path / "demo.db"
    create_demo(path, 1500, 1)
    conn = db.open_db(path)
    _, unit, _, compiled, _ = app.compile_for(conn, None)
    out = tmp_path / "bc.docx"
    app.write_report(conn, out)
    d = Document(out)
    tables = d.tables[2:]
    parts = appendix_parts(compiled, unit)
    assert len(tables) == len(parts) >= 12  # a year of activities: a table a month at least
    n = 0
    for t, part in zip(tables, parts):
        rows = list(t.rows)
        assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # the month, repeated on each page
        assert rows[1]._tr.trPr.find(qn("w:tblHeader")) is not None  # the column heads, too
        data = rows[2:] if t is not tables[-1] else rows[2:-1]
        assert 0 < len(data) <= APPENDIX_CHUNK
        assert [r.cells[0].text for r in data] == [str(i) for i in range(n + 1, n + len(data) + 1)]
        n += len(data)
        assert rows[0].cells[0].text == (f"{part.heading} (tiếp theo)" if part.continued else part.heading)
        between = t._tbl.getprevious()  # a part goes on on the same page: no page break before it
        assert between.tag == qn("w:p") and between.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is None
    assert n == len(compiled.activities) == 1500
    assert tables[-1].rows[-1].cells[2].text == "Tổng cộng: 1.500 hoạt động"
    assert check_docx(out) == []


def test_a_long_month_is_cut_into_parts(tmp_path):
    path = tmp_path / "demo.db"
    create_demo(path, 600, 1)
    conn = db.open_db(path)
    _, unit, _, compiled, _ = app.compile_for(conn, None)
    parts = appendix_parts(compiled, unit, chunk=20)
    assert parts[0].start == 0 and parts[-1].stop == len(compiled.activities)
    assert all(a.stop == b.start for a, b in zip(parts, parts[1:]))
    assert all(p.stop - p.start <= 20 for p in parts)
    firsts = [p for p in parts if not p.continued]
    assert [p.heading for p in firsts] == [f"Tháng {m}/2025" for m in range(1, 13)]
    for p in parts:
        months = {(a.start.year, a.start.month) for a in compiled.activities[p.start : p.stop]}
        assert len(months) == 1 and p.heading == "Tháng {1}/{0}".format(*months.pop())
