"""desktop.nd30.package: the public .docx reader both checkers use (nd30 and docgen.template_check)."""

from __future__ import annotations

import zipfile

import pytest

from desktop.domain.errors import UserError
from desktop.nd30 import CheckError, Package, read_package
from desktop.nd30.package import has_doctype

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DTD = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]>'


@pytest.fixture(scope="module")
def plan(demo_db, tmp_path_factory):
    from desktop import app
    from desktop.store import db

    path = tmp_path_factory.mktemp("package") / "ke_hoach.docx"
    conn = db.open_db(demo_db)
    try:
        app.write_plan(conn, path)
    finally:
        conn.close()
    return path


def _with_part(src, dst, name: str, data: bytes):
    with zipfile.ZipFile(src) as s, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as d:
        for item in s.infolist():
            d.writestr(item.filename, data if item.filename == name else s.read(item))
    return dst


def test_reads_parts_and_relationships(plan):
    with read_package(plan) as pkg:
        assert isinstance(pkg, Package)
        assert pkg.display_name == "ke_hoach.docx"
        assert pkg.main == "word/document.xml"
        assert pkg.xml(pkg.main).tag == f"{{{W_NS}}}document"
        assert pkg.related(pkg.main, "/styles") == "word/styles.xml"
        assert pkg.optional_xml("word/khong_co.xml") is None
        assert pkg.doctype_part() is None
    assert pkg.zip.fp is None  # closed by the with block


def test_missing_part_is_a_check_error(plan):
    with read_package(plan) as pkg, pytest.raises(CheckError) as e:
        pkg.read("word/khong_co.xml")
    assert str(e.value) == 'Tệp "ke_hoach.docx" thiếu phần word/khong_co.xml.'


def test_unreadable_paths_are_check_errors(tmp_path):
    with pytest.raises(CheckError, match="Không tìm thấy tệp"):
        read_package(tmp_path / "khong_co.docx")
    with pytest.raises(CheckError, match="đường dẫn trống"):
        read_package("")
    with pytest.raises(CheckError, match="thư mục"):
        read_package(tmp_path)


def test_has_doctype_in_utf8_and_utf16():
    assert has_doctype(DTD)
    assert has_doctype(b"<?xml version='1.0'?>\n<!doctype d>")
    assert has_doctype("<!DOCTYPE d><d/>".encode("utf-16-le"))
    assert not has_doctype(b'<?xml version="1.0"?><w:document xmlns:w="x"/>')
    assert not has_doctype(b" " * 70000 + b"<!DOCTYPE d>")  # only the start of a part is searched


def test_doctype_part_names_the_first_unsafe_part(plan, tmp_path):
    bad = _with_part(plan, tmp_path / "dtd.docx", "word/styles.xml", DTD + b"<w:styles xmlns:w='x'/>")
    with read_package(bad) as pkg:
        assert pkg.doctype_part() == "word/styles.xml"
        with pytest.raises(CheckError, match="word/styles.xml có khai báo DOCTYPE"):
            pkg.xml("word/styles.xml")


def test_template_checker_uses_the_same_reader(plan, tmp_path):
    """The template checker refuses what the reader refuses, with its own wording."""
    from desktop.docgen.template_check import template_problems

    bad = _with_part(plan, tmp_path / "mau.docx", "word/settings.xml", DTD + b"<w:settings xmlns:w='x'/>")
    with pytest.raises(UserError, match=r"Mẫu mau\.docx không an toàn: phần word/settings\.xml có khai báo DOCTYPE"):
        template_problems(bad, "plan")
    empty = tmp_path / "rong.docx"
    empty.write_bytes(b"")
    with pytest.raises(UserError) as e:
        template_problems(empty, "plan")
    assert str(e.value) == 'Không dùng được mẫu: Tệp "rong.docx" rỗng (0 byte), không phải tệp Word .docx.'
