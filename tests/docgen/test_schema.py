"""Every file the app writes validates against ECMA-376 (transitional, Office 2019 level) with a real
validator, openxml-audit, which agrees with Microsoft's Open XML SDK on these files (docs/toolchain
facts). Each exception is listed with its reason; anything else fails."""

import shutil
import zipfile
from datetime import date

import pytest
from openxml_audit import OpenXmlValidator, ValidationSeverity

from desktop import app
from desktop.paths import template
from desktop.store import db

pytestmark = pytest.mark.slow  # subprocesses, generated documents or big inputs: the full run only

# (part, element) pairs both validators flag and Excel accepts: openpyxl writes <font>'s children
# (b, i, sz, color, name …) in its own order; the schema's CT_Font is a choice group Excel reads in
# any order. Nothing of a .docx is excepted.
KNOWN = {("/xl/styles.xml", node) for node in ("b", "i", "u", "sz", "color", "name", "family", "scheme", "vertAlign")}


def schema_errors(path) -> list[str]:
    result = OpenXmlValidator(max_errors=0).validate(str(path))
    return [
        f"{e.part_uri} {e.path} <{e.node}>: {e.description}"
        for e in result.errors
        if e.severity is ValidationSeverity.ERROR and (e.part_uri, e.node) not in KNOWN
    ]


@pytest.fixture
def conn(demo_db):
    c = db.open_db(demo_db)
    yield c
    c.close()


@pytest.mark.slow
def test_plan_and_report_are_schema_valid(conn, tmp_path):
    [plan] = app.write_plan(conn, tmp_path / "ke_hoach.docx")
    [report] = app.write_report(conn, tmp_path / "bao_cao.docx")
    assert schema_errors(plan) == []
    assert schema_errors(report) == []


def test_empty_period_report_is_schema_valid(conn, tmp_path):
    # no activity in this period: the appendix table holds only its header and totals rows
    [report] = app.write_report(conn, tmp_path / "trong.docx", start=date(2025, 1, 1), end=date(2025, 1, 1))
    with zipfile.ZipFile(report) as z:
        assert b"<w:tbl>" in z.read("word/document.xml")
    assert schema_errors(report) == []


def test_output_of_a_user_template_is_schema_valid(conn, tmp_path):
    mine = tmp_path / "mau_cua_don_vi.docx"
    shutil.copy(template("bao_cao.docx"), mine)
    [report] = app.write_report(conn, tmp_path / "bao_cao.docx", template=mine)
    assert schema_errors(report) == []


@pytest.mark.slow
def test_workbooks_are_schema_valid(conn, tmp_path):
    assert schema_errors(app.write_xlsx_template(conn, tmp_path / "so_ghi.xlsx")) == []
    assert schema_errors(app.write_xlsx_export(conn, tmp_path / "hoat_dong.xlsx")) == []


def test_the_validator_sees_a_misplaced_table_property(conn, tmp_path):
    """The test would catch the old bug: w:tblLayout after w:tblLook in a table's w:tblPr."""
    [plan] = app.write_plan(conn, tmp_path / "ke_hoach.docx")
    bad = tmp_path / "sai.docx"
    with zipfile.ZipFile(plan) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:tblPr>", b'<w:tblLayout w:type="fixed"/></w:tblPr>', 1)
            dst.writestr(item, data)
    assert any("tblLayout" in e for e in schema_errors(bad))
