"""A unit's own template: validated before use, rendered in a sandbox, user text escaped."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from desktop.docgen import template_check
from desktop.docgen.context import plan_context, report_context
from desktop.docgen.render import render, render_plan
from desktop.docgen.template_check import FIELDS, sandbox_env, shape_of, template_problems, validate_template
from desktop.domain.errors import UserError
from desktop.paths import template

ROOT = Path(__file__).resolve().parents[2]


# --------------------------------------------------------------------------------------------
# Data and template builders


@pytest.fixture(scope="module")
def data(demo_db):
    from desktop import app
    from desktop.store import db, units
    from desktop.store import plans as plans_store

    conn = db.open_db(demo_db)
    try:
        plan = plans_store.load_plan(conn, plans_store.latest_plan_id(conn))
        unit = units.load_unit(conn)
        plan_r, unit_r, report, compiled, sections = app.compile_for(conn, None)
    finally:
        conn.close()
    return {
        "plan": plan,
        "unit": unit,
        "plan_ctx": plan_context(plan, unit),
        "report_ctx": report_context(plan_r, unit_r, report, sections, compiled),
    }


def runs(p, *texts: str, proof: bool = True) -> None:
    """Word-like runs: each text its own run, with proofing marks between them."""
    for i, text in enumerate(texts):
        if proof and i:
            pe = OxmlElement("w:proofErr")
            pe.set(qn("w:type"), "spellStart" if i % 2 else "spellEnd")
            p._p.append(pe)
        r = p.add_run(text)
        if i % 2:
            r.bold = True  # a formatting change is why Word starts a new run
        r._r.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def make(tmp_path: Path, *paras, name: str = "mau.docx", table=None, header=None, title=None) -> Path:
    """A template: each item a paragraph (str) or a tuple of run texts; `table` a list of rows
    (lists of cell texts) added after the paragraphs."""
    doc = Document()
    for item in paras:
        p = doc.add_paragraph()
        runs(p, *((item,) if isinstance(item, str) else item))
    if table:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                t.cell(r, c).paragraphs[0].add_run(text)
    if header is not None:
        doc.sections[0].header.paragraphs[0].add_run(header)
    if title is not None:
        doc.core_properties.title = title
    path = tmp_path / name
    doc.save(str(path))
    return path


def messages(path, kind="plan") -> list[str]:
    out = [p.message for p in template_problems(path, kind)]
    for m in out:
        assert "\n" not in m and unicodedata.is_normalized("NFC", m)
    return out


def one(path, kind="plan") -> str:
    found = messages(path, kind)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------------------------
# The app's own templates and the declared fields


@pytest.mark.parametrize("name, kind", [("ke_hoach.docx", "plan"), ("bao_cao.docx", "report")])
def test_builtin_templates_pass(name, kind):
    assert template_problems(template(name), kind) == []
    validate_template(template(name), kind)


def test_report_fields_are_not_plan_fields():
    msgs = messages(template("bao_cao.docx"), "plan")
    assert any("“months”" in m for m in msgs) and any("“totals.content”" in m for m in msgs)


def test_declared_fields_match_the_real_contexts(data):
    """FIELDS is the single declaration; the contexts the app builds must have exactly its shape."""
    assert shape_of(data["plan_ctx"]) == FIELDS["plan"]
    assert shape_of(data["report_ctx"]) == FIELDS["report"]


def test_builtin_templates_render_through_validation(data, tmp_path):
    out = render_plan(data["plan"], data["unit"], tmp_path / "kh.docx", template("ke_hoach.docx"))
    assert "KẾ HOẠCH" in "\n".join(p.text for p in Document(str(out)).paragraphs)


# --------------------------------------------------------------------------------------------
# (a) unknown fields


def test_unknown_field_named_with_suggestion_and_paragraph(tmp_path):
    path = make(tmp_path, "Tên đơn vị: {{ ten_don_vi }}")
    msg = one(path)
    assert "“ten_don_vi”" in msg and "không có trong dữ liệu của ứng dụng" in msg
    assert "“issuer”" in msg and "tên cơ quan ban hành" in msg
    assert "Tên đơn vị: {{ ten_don_vi }}" in msg


def test_unknown_attribute_path(tmp_path):
    msg = one(tmp_path and make(tmp_path, "{{ unit.name }}"))
    assert "“unit.name”" in msg and "“issuer”" in msg


def test_typo_in_a_field_suggests_the_field(tmp_path):
    assert "“signer_name”" in one(make(tmp_path, "{{ signer_nam }}"))


def test_unknown_attribute_of_loop_item(tmp_path):
    msg = one(make(tmp_path, "{%p for b in blocks %}", "{{ b.txt }}", "{%p endfor %}"))
    assert "“b.txt”" in msg and "“b.text”" in msg and "{{ b.txt }}" in msg


def test_unknown_field_in_header_and_properties(tmp_path):
    msgs = messages(make(tmp_path, "{{ title }}", header="{{ so_trang }}", title="{{ tieu_de }}"))
    assert any("“so_trang”" in m and "đầu trang" in m for m in msgs)
    assert any("“tieu_de”" in m and "“title”" in m and "Tiêu đề" in m for m in msgs)


def test_known_fields_loops_and_filters_pass(tmp_path):
    path = make(
        tmp_path,
        "{{ title|upper }} {{ issuer.strip() }}",
        "{%p for r in recipients %}",
        "{{ loop.index }}. {{ r }}",
        "{%p endfor %}",
        "{{ blocks|length }} {{ (blocks|first).text }}",
        "{% if signer_lines %}{{ signer_lines|join(', ') }}{% endif %}",
        "{% set t = title %}{{ t|default('') }}",
    )
    assert messages(path) == []


def test_report_rows_and_totals(tmp_path):
    path = make(
        tmp_path,
        "{{ appendix_ref }}",
        table=[
            ["{%tr for r in rows %}", ""],
            ["{{ r[0] }}", "{{ r[8] }}"],
            ["{%tr endfor %}", ""],
            ["{{ totals[2] }}", "{{ totals[9] }}"],
        ],
    )
    msg = one(path, "report")
    assert "“totals[9]”" in msg


# --------------------------------------------------------------------------------------------
# (b) tags split across runs, broken tags


def test_tag_split_over_several_runs_is_fine(tmp_path, data):
    """Word's runs and proofing marks inside a tag: docxtpl joins them; validation agrees."""
    path = make(
        tmp_path,
        ("{", "{ ti", "tl", "e }", "}"),
        ("{%p ", "for r in recipi", "ents %}"),
        "{{ r }}",
        ("{%p endfor", " %}"),
    )
    assert messages(path) == []
    out = render(path, data["plan_ctx"], tmp_path / "out.docx")
    text = [p.text for p in Document(str(out)).paragraphs]
    assert data["plan_ctx"]["title"] in text
    assert data["plan_ctx"]["recipients"][0] in text


def test_closing_braces_lost(tmp_path):
    msg = one(make(tmp_path, ("Trích yếu: {{ ", "title"), "Hết."))
    assert "không đóng trong cùng đoạn" in msg and "“}}”" in msg and "Trích yếu: {{ title" in msg


def test_tag_spanning_two_paragraphs(tmp_path):
    msgs = messages(make(tmp_path, "{{ title", "}}"))
    assert any("không đóng trong cùng đoạn" in m for m in msgs)
    assert any("“}}”" in m and "không có dấu mở" in m for m in msgs)


def test_braces_separated_by_a_space(tmp_path):
    msg = one(make(tmp_path, ("{ ", "{ title }}")))
    assert "“{ {”" in msg and "viết liền “{{”" in msg


def test_single_brace_field(tmp_path):
    msg = one(make(tmp_path, "Kính gửi: {ten_co_quan}"))
    assert "“{ten_co_quan}”" in msg and "{{ ten_co_quan }}" in msg


def test_word_smart_quotes_inside_tags_are_fine(tmp_path, data):
    path = make(
        tmp_path,
        "{%p for b in blocks %}",
        "{%p if b.kind == “closing” %}",
        "{{ b.text }}",
        "{%p endif %}",
        "{%p endfor %}",
    )
    assert messages(path) == []
    out = render(path, data["plan_ctx"], tmp_path / "out.docx")
    assert [p.text for p in Document(str(out)).paragraphs if p.text] == [
        b.text for b in data["plan_ctx"]["blocks"] if b.kind == "closing"
    ]


def test_other_quotes_are_reported(tmp_path):
    msg = messages(make(tmp_path, "{{ title|default(„x”) }}"))[0]
    assert "dấu nháy “„”" in msg


def test_autocorrected_dash_is_a_syntax_problem(tmp_path):
    msg = one(make(tmp_path, "{{ title – issuer }}"))
    assert "“–”" in msg and "{{ title – issuer }}" in msg


# --------------------------------------------------------------------------------------------
# (c) unbalanced blocks


def test_if_without_endif(tmp_path):
    msg = one(make(tmp_path, "{% if title %}Có trích yếu", "Đoạn sau"))
    assert "“{% if title %}”" in msg and "không có thẻ đóng" in msg and "{% endif %}" in msg


def test_endif_without_if(tmp_path):
    msg = one(make(tmp_path, "{{ title }}", "{%p endif %}"))
    assert "“{%p endif %}”" in msg and "không có thẻ mở" in msg


def test_row_loop_without_endfor(tmp_path):
    msg = one(make(tmp_path, table=[["{%tr for r in rows %}", ""], ["{{ r[0] }}", "{{ r[1] }}"]]), "report")
    assert "“{%tr for r in rows %}”" in msg and "{%tr endfor %}" in msg


def test_plain_for_closed_in_another_row(tmp_path):
    msg = one(make(tmp_path, table=[["{% for r in rows %}{{ r[0] }}", "x"], ["{% endfor %}", "y"]]), "report")
    assert "“{% for r in rows %}" in msg and "{%tr for … %}" in msg and "trong bảng" in msg


def test_row_loop_closed_in_another_table(tmp_path):
    doc = Document()
    t1 = doc.add_table(rows=2, cols=1)
    t1.cell(0, 0).paragraphs[0].add_run("{%tr for r in rows %}")
    t1.cell(1, 0).paragraphs[0].add_run("{{ r[0] }}")
    doc.add_paragraph("Giữa hai bảng")
    t2 = doc.add_table(rows=1, cols=1)
    t2.cell(0, 0).paragraphs[0].add_run("{%tr endfor %}")
    path = tmp_path / "hai_bang.docx"
    doc.save(str(path))
    msg = one(path, "report")
    assert "“{%tr for r in rows %}”" in msg and "khác" in msg


def test_tr_tag_outside_a_table(tmp_path):
    msgs = messages(make(tmp_path, "{%tr for r in rows %}", "{%tr endfor %}"), "report")
    assert any("phải nằm trong một hàng của bảng" in m for m in msgs)


def test_mixed_p_and_plain_tags(tmp_path):
    msg = one(make(tmp_path, "{%p if title %}", "{{ title }}", "{% endif %}"))
    assert "loại thẻ" in msg and "{%p" in msg


def test_mismatched_end(tmp_path):
    msgs = messages(make(tmp_path, "{%p for r in recipients %}", "{%p if r %}", "{{ r }}", "{%p endfor %}"))
    assert any("“{%p if r %}”" in m and "{%p endif %}" in m for m in msgs)


def test_text_next_to_a_paragraph_tag_would_vanish(tmp_path):
    msg = one(make(tmp_path, "Kính gửi: {%p if title %}", "{{ title }}", "{%p endif %}"))
    assert "“Kính gửi:”" in msg and "bị xoá" in msg


def test_two_paragraph_tags_in_one_paragraph(tmp_path):
    msgs = messages(make(tmp_path, "{%p if title %}{%p endif %}"))
    assert any("bị mất" in m for m in msgs)


# --------------------------------------------------------------------------------------------
# (d) templates that try to reach Python objects


MALICIOUS = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ cycler }}",
    "{{ self._TemplateReference__context }}",
    "{{ self }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ joiner() }}",
    "{% set ns = namespace(x=1) %}{{ ns.x }}",
    "{{ dict.mro() }}",
    "{{ range.__self__ }}",
    "{% set x = title.__class__ %}{{ x }}",
    "{% set f = '{0.__class__}' %}{{ f.format(title) }}",
    "{{ '{0.__class__.__init__.__globals__}'.format(title) }}",
    "{{ title.format_map(blocks) }}",
    "{{ title|attr('__class__') }}",
    "{{ blocks|map(attribute='__class__')|list }}",
    "{{ blocks|map('attr', '__class__')|list }}",
    "{{ blocks|selectattr('__class__')|list }}",
    "{{ title['__class__'] }}",
    "{{ title['__cla' ~ 'ss__'] }}",
    "{% set k = '__class__' %}{{ blocks[0][k] }}",
    "{{ (blocks|map('upper')).gi_frame.f_globals }}",
    "{% macro m(a) %}{{ a.__class__ }}{% endmacro %}{{ m(title) }}",
    "{% macro m(a) %}{{ a.gi_frame }}{% endmacro %}{{ m(title) }}",
    "{% include 'ke_hoach.docx' %}",
    "{% import 'x' as y %}",
    "{% extends 'x' %}",
    "{% autoescape false %}{{ title }}{% endautoescape %}",
    "{{ title|safe }}",
    "{{ blocks|map('safe')|list }}",
    "{{ title|pprint }}",
    "{{ _ }}",
]


@pytest.mark.parametrize("payload", MALICIOUS)
def test_python_objects_are_refused(tmp_path, payload):
    msgs = messages(make(tmp_path, "{{ title }}", payload))
    assert msgs and any("không được phép" in m for m in msgs), msgs


@pytest.mark.parametrize(
    "payload",
    ["{{ ''.__class__.__mro__ }}", "{{ cycler.__init__.__globals__ }}", "{{ '{0.__class__}'.format(title) }}"],
)
def test_refused_in_header_and_properties(tmp_path, payload):
    assert any("không được phép" in m and "đầu trang" in m for m in messages(make(tmp_path, "x", header=payload)))
    assert any("không được phép" in m and "Tiêu đề" in m for m in messages(make(tmp_path, "x", title=payload)))


def test_validation_never_renders(tmp_path, monkeypatch):
    """Only parsing happens: no Template is compiled or rendered during validation."""
    import jinja2

    def boom(*a, **k):
        raise AssertionError("rendered during validation")

    monkeypatch.setattr(jinja2.Environment, "from_string", boom)
    monkeypatch.setattr(jinja2.Template, "render", boom)
    assert messages(make(tmp_path, "{{ ''.__class__.__mro__ }}"))


def test_malicious_template_stops_render_and_writes_nothing(tmp_path, data):
    path = make(tmp_path, "{{ cycler.__init__.__globals__ }}")
    out = tmp_path / "ra.docx"
    with pytest.raises(UserError) as e:
        render_plan(data["plan"], data["unit"], out, path)
    msg = str(e.value)
    assert msg.startswith("Mẫu mau.docx: ") and "không được phép" in msg and "\n" not in msg
    assert not out.exists()


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__ }}",
        "{{ cycler }}",
        "{{ lipsum }}",
        "{{ namespace() }}",
        "{{ '{0.__class__}'.format(t) }}",
        "{{ t.format_map(d) }}",
        "{{ t|attr('__class__') }}",
        "{{ t|safe }}",
        "{{ l.append(1) }}",
        "{{ self._TemplateReference__context }}",
    ],
)
def test_runtime_sandbox_also_refuses(source):
    """Defence in depth: the environment itself refuses, should validation ever miss a case."""
    from jinja2.exceptions import SecurityError, TemplateError

    env = sandbox_env()
    try:
        out = env.from_string(source).render(t="x", d={}, l=[])
    except (SecurityError, TemplateError):
        return
    assert "class" not in out and "function" not in out, out  # never a Python object's repr


def test_broken_file_as_template(tmp_path, data):
    bad = tmp_path / "mau.docx"
    bad.write_text("không phải Word", encoding="utf-8")
    with pytest.raises(UserError) as e:
        render_plan(data["plan"], data["unit"], tmp_path / "ra.docx", bad)
    assert "mau.docx" in str(e.value) and "không phải tệp Word" in str(e.value)


def test_entity_bomb_in_template_is_refused(tmp_path):
    import zipfile

    src = make(tmp_path, "{{ title }}", name="goc.docx")
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    dst = tmp_path / "bom.docx"
    with zipfile.ZipFile(src) as s, zipfile.ZipFile(dst, "w") as d:
        for item in s.infolist():
            d.writestr(item.filename, bomb if item.filename == "word/document.xml" else s.read(item))
    with pytest.raises(UserError) as e:
        validate_template(dst, "plan")
    assert "DOCTYPE" in str(e.value) and "bom.docx" in str(e.value)


def test_many_problems_in_one_line(tmp_path):
    path = make(tmp_path, *[f"{{{{ truong_{i} }}}}" for i in range(12)])
    with pytest.raises(UserError) as e:
        validate_template(path, "plan")
    msg = str(e.value)
    assert msg.startswith("Mẫu mau.docx có 12 lỗi: (1) ") and "và 4 lỗi khác" in msg and "\n" not in msg


# --------------------------------------------------------------------------------------------
# Escaping: user text never breaks the document and round-trips exactly


NASTY = (
    "Phòng A & B <Khoa> \"Nội\" 'Ngoại' “trích” ‘dẫn’ – — … 50% ½ € ➜ 😀 a\u00a0b "
    "</w:t></w:r><w:r><w:t>chèn XML]]> &amp; &lt; {{ title }} {% if x %} {#c#} Tiếng Việt ệ ạ ở ữ"
)


def test_user_text_round_trips_exactly(tmp_path, data):
    from desktop.domain.blocks import Block

    ctx = dict(data["plan_ctx"])
    ctx["title"] = NASTY
    ctx["issuer"] = NASTY.upper()
    ctx["blocks"] = [Block("text", NASTY), Block("h1", NASTY, "I.")]
    ctx["recipients"] = [f"- {NASTY};"]
    out = render(template("ke_hoach.docx"), ctx, tmp_path / "escape.docx")
    doc = Document(str(out))  # opens: the XML is well formed
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    assert NASTY in texts
    assert f"I. {NASTY}" in texts
    assert NASTY.upper() in texts
    assert f"- {NASTY};" in texts


def test_user_text_in_a_user_template_round_trips(tmp_path, data):
    path = make(tmp_path, "Trích yếu: {{ title }}", ("{{ ti", "tle }}"))
    ctx = dict(data["plan_ctx"], title=NASTY)
    out = render(path, ctx, tmp_path / "ra.docx")
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert texts == [f"Trích yếu: {NASTY}", NASTY]


# --------------------------------------------------------------------------------------------
# Command line


def test_cli_render_with_malicious_template(demo_db, tmp_path):
    import shutil

    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    tpl = make(tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}", name="mau_doc.docx")
    out = tmp_path / "ra.docx"
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(
        [sys.executable, "-m", "desktop", "render", "plan", "--db", str(db), "--out", str(out), "--template", str(tpl)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode != 0 and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "mau_doc.docx" in lines[0] and "không được phép" in lines[0]
    assert not out.exists()


def test_module_exports():
    assert template_check.validate_template is validate_template


# --------------------------------------------------------------------------------------------
# Templates cannot exhaust the machine: each hostile one passes or fails the check, then ends at once
# when rendered (at most 10 s and 300 MB), naming the template, and writes nothing.

EXHAUSTING = [
    "{{ 'a' * 10**10 }}",
    "{{ title|center(2e9) }}",
    "{{ '%2000000000s'|format(title) }}",
    "{{ title.ljust(2000000000) }}",
    "{{ title.rjust(10**9) }}",
    "{{ [1, 2] * 99999 * 99999 }}",
    "{% for a in range(99999) %}{% for b in range(99999) %}{% for c in range(99999) %}{% endfor %}{% endfor %}"
    "{% endfor %}",
    "{{ range(10**9)|list|length }}",
    "{% for i in range(99999) %}{{ loop.cycle('a' * 900000, 'b') }}{% endfor %}",
    "{{ title|indent(10**9) }}",
    "{{ '%.*f' % (10**9, 1.0) }}",
]


@pytest.mark.slow
@pytest.mark.parametrize("source", EXHAUSTING)
def test_exhausting_templates_end_at_once_naming_the_template(tmp_path, data, source):
    import tracemalloc

    path = make(tmp_path, source)
    out = tmp_path / "ra.docx"
    tracemalloc.start()
    try:
        with pytest.raises(UserError) as e:
            render_plan(data["plan"], data["unit"], out, path)
    finally:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    assert peak < 300, peak  # its time: bench/hostile_inputs.py
    msg = str(e.value)
    assert "mau.docx" in msg and "\n" not in msg and "OverflowError" not in msg
    assert not out.exists()


@pytest.mark.slow
def test_a_loop_that_never_ends_meets_the_deadline(monkeypatch):
    from desktop.docgen.template_check.sandbox import Sandbox, TemplateTimeout

    monkeypatch.setattr(Sandbox, "deadline", 1.0)
    env = sandbox_env()
    rows = list(range(3000))
    with pytest.raises(TemplateTimeout):
        env.from_string("{% for a in l %}{% for b in l %}{% for c in l %}{% endfor %}{% endfor %}{% endfor %}").render(
            l=rows
        )
    assert env.from_string("{{ 1 + 1 }}").render() == "2"  # and the next render is fine


def test_a_doubling_macro_is_stopped():
    from jinja2.exceptions import TemplateError

    env = sandbox_env()
    with pytest.raises(TemplateError, match="đoạn chữ dài"):
        env.from_string("{% macro f(s, n) %}{{ f(s ~ s, n - 1) if n else s }}{% endmacro %}{{ f('ab', 60) }}").render()


def test_ordinary_sizes_still_render():
    env = sandbox_env()
    out = env.from_string(
        "{{ 'a'|center(9) }}|{{ '%5s'|format('x') }}|{{ 'x' * 3 }}|{{ range(3)|list }}|"
        "{{ 'ab'.ljust(4) }}|{{ [1] * 2 }}|{{ 2 ** 10 }}"
    ).render()
    assert out == "    a    |    x|xxx|[0, 1, 2]|ab  |[1, 1]|1024"
