"""A superior's plan from outside is bounded before it is parsed: a .docx inflating to a gigabyte of XML, an
entity bomb, broken XML, a huge .txt, a .txt of millions of items end at once in one Vietnamese line
(at most 10 s and 300 MB); UTF-16 text without a BOM is read as text, not garbage."""

from __future__ import annotations

import tracemalloc

import pytest

from desktop.docgen.read_text import import_plan_file, read_source
from desktop.domain.errors import UserError
from tests.excel.hostile import declare, rewrite

pytestmark = pytest.mark.slow  # subprocesses, generated documents or big inputs: the full run only

PLAN = (
    "SỞ Y TẾ TỈNH LÂM ĐỒNG\nKẾ HOẠCH\nTruyền thông giáo dục sức khỏe năm 2026\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức của người dân.\n"
    "II. NỘI DUNG\n1. Tổ chức tập huấn\n- Tập huấn cho cán bộ y tế cơ sở.\n"
)


def measure(fn):
    tracemalloc.start()
    try:
        fn()
    finally:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    assert peak < 300, peak  # the time it takes: bench/hostile_inputs.py
    return peak


def refused(path, match):
    def go():
        with pytest.raises(UserError, match=match) as e:
            import_plan_file(path)
        assert "\n" not in str(e.value)

    return measure(go)


@pytest.fixture
def docx(tmp_path):
    from docx import Document

    d = Document()
    for line in PLAN.splitlines():
        d.add_paragraph(line)
    p = tmp_path / "kh.docx"
    d.save(p)
    return p


def test_a_good_docx_still_reads(docx):
    assert "Tổ chức tập huấn" in read_source(docx)


def test_a_gigabyte_of_xml_in_a_small_docx(docx, tmp_path):
    bomb = rewrite(docx, tmp_path / "bom.docx", add={"word/extra.xml": b"<a>" + b"<b/>" * 10 + b"</a>"})
    declare(bomb, "word/extra.xml", 2**30)
    refused(bomb, "quá lớn khi giải nén")
    body = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * (40 * 2**20 // 34)  # 40 MB inflated, real
    from zipfile import ZipFile

    with ZipFile(docx) as z:
        xml = z.read("word/document.xml")
    i = xml.index(b"<w:body>") + len(b"<w:body>")
    bomb = rewrite(docx, tmp_path / "bom2.docx", {"word/document.xml": xml[:i] + body + xml[i:]})
    refused(bomb, "quá lớn khi giải nén")


def test_billion_laughs_is_refused(docx, tmp_path):
    from zipfile import ZipFile

    with ZipFile(docx) as z:
        xml = z.read("word/document.xml")
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10) for i in range(1, 10)
        )
        + b"]>"
    )
    bomb = rewrite(docx, tmp_path / "laughs.docx", {"word/document.xml": laughs + xml.split(b"?>", 1)[1]})
    refused(bomb, "không an toàn")


def test_broken_xml_is_a_vietnamese_message(docx, tmp_path):
    from zipfile import ZipFile

    with ZipFile(docx) as z:
        xml = z.read("word/document.xml")
    bad = rewrite(docx, tmp_path / "hong.docx", {"word/document.xml": xml[: len(xml) // 2]})
    refused(bad, "XML hỏng|bị hỏng")


def test_a_200_mb_text_file_is_refused_unread(tmp_path):
    p = tmp_path / "lon.txt"
    with open(p, "wb") as f:  # sparse: 200 MB declared by its size, nothing written
        f.truncate(200 * 2**20)
    refused(p, "quá dài")


def test_a_text_of_a_million_items(tmp_path):
    p = tmp_path / "nhieu.txt"
    p.write_text(PLAN + "- Việc.\n" * 1_000_000, encoding="utf-8")  # 12 MB: under the size limit
    refused(p, "quá dài|quá nhiều")


def test_items_over_the_limit_are_refused_after_parsing(tmp_path):
    p = tmp_path / "muc.txt"
    p.write_text(PLAN + "".join(f"{i}. Nhiệm vụ số {i}\n- Việc thứ nhất.\n" for i in range(2, 4000)), encoding="utf-8")
    refused(p, "quá nhiều")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_as_text(tmp_path, codec):
    p = tmp_path / "kh.txt"
    p.write_bytes(PLAN.encode(codec))
    assert read_source(p) == PLAN
    assert import_plan_file(p).items


def test_binary_junk_is_refused(tmp_path):
    p = tmp_path / "rac.txt"
    p.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(UserError, match="không phải tệp văn bản|bảng mã"):
        read_source(p)
