"""Files that cannot be checked give one Vietnamese CheckError; the app's own documents pass."""

from __future__ import annotations

import unicodedata
import zipfile

import pytest
from docx import Document

from desktop.nd30 import CheckError, check_docx

from .builder import Builder, fmt, rules


def _assert_vietnamese_error(exc_info, name=None):
    msg = str(exc_info.value)
    assert "\n" not in msg and msg
    assert unicodedata.is_normalized("NFC", msg)
    assert any(ch in msg for ch in "ệếạảốờ"), msg
    if name:
        assert name in msg


def test_empty_path():
    with pytest.raises(CheckError) as e:
        check_docx("")
    _assert_vietnamese_error(e)


def test_missing_file(tmp_path):
    with pytest.raises(CheckError) as e:
        check_docx(tmp_path / "khong_co.docx")
    _assert_vietnamese_error(e, "khong_co.docx")


def test_not_a_zip(tmp_path):
    path = tmp_path / "van_ban.docx"
    path.write_text("đây không phải tệp Word", encoding="utf-8")
    with pytest.raises(CheckError) as e:
        check_docx(path)
    _assert_vietnamese_error(e, "van_ban.docx")


def test_zip_without_document(tmp_path):
    path = tmp_path / "rong.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "xin chào")
    with pytest.raises(CheckError) as e:
        check_docx(path)
    _assert_vietnamese_error(e, "rong.docx")


def test_truncated_docx(tmp_path):
    good = Builder().save(tmp_path / "good.docx")
    data = good.read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckError) as e:
        check_docx(path)
    _assert_vietnamese_error(e, "cut.docx")


def test_damaged_xml(tmp_path):
    good = Builder().save(tmp_path / "good.docx")
    path = tmp_path / "hong.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) - 200]
            dst.writestr(item, data)
    with pytest.raises(CheckError) as e:
        check_docx(path)
    _assert_vietnamese_error(e, "hong.docx")


def test_empty_document(tmp_path):
    path = tmp_path / "trong.docx"
    Document().save(str(path))
    with pytest.raises(CheckError) as e:
        check_docx(path)
    _assert_vietnamese_error(e, "trong.docx")


def test_directory(tmp_path):
    with pytest.raises(CheckError) as e:
        check_docx(tmp_path)
    _assert_vietnamese_error(e)


def test_document_without_header_table_gives_findings(tmp_path):
    doc = Document()
    doc.add_paragraph("Một đoạn văn bản.")
    path = tmp_path / "khong_bang.docx"
    doc.save(str(path))
    findings = check_docx(path)
    assert "dau-trang.bang" in rules(findings)
    assert "ket-thuc.bang" in rules(findings)


def test_missing_header_part_is_a_finding(tmp_path):
    good = Builder().save(tmp_path / "good.docx")
    path = tmp_path / "thieu.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            if item.filename.startswith("word/header"):
                continue
            dst.writestr(item, src.read(item))
    findings = check_docx(path)
    assert "cau-truc.thieu-phan" in rules(findings)
    assert "so-trang.thieu" in rules(findings)


@pytest.mark.parametrize("write, name", [("write_plan", "ke_hoach.docx"), ("write_report", "bao_cao.docx")])
def test_generated_output_passes(demo_db, tmp_path, write, name):
    """The Kế hoạch and the Báo cáo (with its appendix) the app writes from the demo data pass every rule."""
    from desktop import app
    from desktop.store import db

    path = tmp_path / name
    conn = db.open_db(demo_db)
    try:
        getattr(app, write)(conn, path)
    finally:
        conn.close()
    findings = check_docx(path)
    assert findings == [], fmt(findings)
