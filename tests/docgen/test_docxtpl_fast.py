"""docgen/docxtpl_fast.py overrides docxtpl's undocumented methods: these tests fail when docxtpl
changes under it (a method gone or its parameters changed), and when its output stops being
docxtpl's own (the same XML, canonicalised, as DocxTemplate renders in the same sandbox)."""

from __future__ import annotations

import inspect
import zipfile
from typing import NamedTuple

import pytest
from docx import Document
from docxtpl import DocxTemplate
from lxml import etree

from desktop.docgen import docxtpl_fast
from desktop.docgen.context import report_context
from desktop.docgen.docxtpl_fast import OVERRIDDEN, Template
from desktop.docgen.render import _env
from desktop.paths import template


@pytest.fixture(scope="module")
def data(demo_db):
    from desktop import app
    from desktop.store import db

    conn = db.open_db(demo_db)
    try:
        plan, unit, report, compiled, sections = app.compile_for(conn, None)
        return {"report_ctx": report_context(plan, unit, report, sections, compiled)}
    finally:
        conn.close()


class Row(NamedTuple):
    a: str
    b: str


@pytest.mark.parametrize("name", sorted(OVERRIDDEN))
def test_overridden_methods_still_exist_with_their_parameters(name):
    original = getattr(DocxTemplate, name, None)
    assert callable(original), f"docxtpl no longer has DocxTemplate.{name}"
    assert tuple(inspect.signature(original).parameters) == OVERRIDDEN[name]
    assert tuple(inspect.signature(getattr(Template, name)).parameters) == OVERRIDDEN[name]


def test_the_methods_it_calls_are_still_docxtpls():
    for name in ("render", "render_xml_part", "get_xml", "save", "render_init"):
        assert callable(getattr(DocxTemplate, name, None)), name
    src = inspect.getsource(DocxTemplate.render)
    # the order the overrides rely on: body built, tables fixed, ids fixed, tree mapped
    at = [src.index(s) for s in ("self.build_xml(", "self.fix_tables(", "self.fix_docpr_ids(", "self.map_tree(")]
    assert at == sorted(at)
    src = inspect.getsource(DocxTemplate.render_xml_part)
    for s in ('"{_{", "{{"', '"}_}", "}}"', '"{_%", "{%"', '"%_}", "%}"', "self.resolve_listing("):
        assert s in src, s  # what _rows repeats on the rows it writes


def small_template(path):
    doc = Document()
    doc.add_paragraph("{{ title }}")
    t = doc.add_table(rows=3, cols=3)
    t.style = None
    t.cell(0, 0).paragraphs[0].add_run("{%tr for r in rows %}")
    t.cell(1, 0).paragraphs[0].add_run("{{ r.a }}")
    t.cell(1, 1).paragraphs[0].add_run("{{ r[1] }}")
    t.cell(1, 2).paragraphs[0].add_run("x{ y }")
    t.cell(2, 0).paragraphs[0].add_run("{%tr endfor %}")
    t2 = doc.add_table(rows=3, cols=1)
    t2.cell(0, 0).paragraphs[0].add_run("{%tr for r in others %}")
    t2.cell(1, 0).paragraphs[0].add_run("{{ r.a }}")
    t2.cell(2, 0).paragraphs[0].add_run("{%tr endfor %}")
    doc.add_paragraph("{%p for r in rows %}")
    doc.add_paragraph("{{ r.b }}")
    doc.add_paragraph("{%p endfor %}")
    doc.save(path)
    return path


def canonical(path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return etree.tostring(etree.fromstring(z.read("word/document.xml")), method="c14n")


def both(src, context, tmp_path):
    ours, theirs = Template(str(src)), DocxTemplate(str(src))
    ours.render(context, jinja_env=_env())
    theirs.render(context, jinja_env=_env())
    ours.save(tmp_path / "ours.docx")
    theirs.save(tmp_path / "theirs.docx")
    return canonical(tmp_path / "ours.docx"), canonical(tmp_path / "theirs.docx")


def test_same_xml_as_docxtpl_on_a_small_template(tmp_path):
    context = {
        "title": "Báo cáo",
        "rows": [Row("1 & 2", "<b>'x' \"y\""), Row("a\tb", "c\nd"), Row("{_{ z }_}", "")],
        "others": [{"a": "dict & item"}, Row("r", "s")],  # not named tuples only: read as Jinja reads them
    }
    ours, theirs = both(small_template(tmp_path / "t.docx"), context, tmp_path)
    assert b"1 &amp; 2" in ours and b"dict &amp; item" in ours and b"<w:tab" in ours
    assert ours == theirs


def test_same_xml_as_docxtpl_on_the_report(data, tmp_path):
    ours, theirs = both(template("bao_cao.docx"), data["report_ctx"], tmp_path)
    assert ours.count(b"<w:tbl>") > 3 and ours == theirs


def test_the_report_rows_take_the_fast_path(data, monkeypatch):
    calls = []
    render = docxtpl_fast._RowLoop.render
    monkeypatch.setattr(docxtpl_fast._RowLoop, "render", lambda self, *a: calls.append(1) or render(self, *a))
    Template(str(template("bao_cao.docx"))).render(data["report_ctx"], jinja_env=_env())
    assert len(calls) == len(data["report_ctx"]["months"]) > 1


def test_a_missing_field_is_an_error_as_in_jinja(tmp_path):
    from jinja2 import UndefinedError

    src = small_template(tmp_path / "t.docx")
    with pytest.raises(UndefinedError):
        Template(str(src)).render({"title": "", "rows": [], "others": [{"b": "no a"}]}, jinja_env=_env())


def test_report_context_rows_are_named_records(data):
    ctx = data["report_ctx"]
    row = ctx["rows"][0]
    assert row.stt == "1" and row == ctx["months"][0].rows[0]
    assert ctx["totals"].content.startswith("Tổng cộng: ")
