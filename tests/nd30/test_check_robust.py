"""`check` on any file: findings or one clear Vietnamese message, never a traceback."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx import Document

from desktop.nd30 import CheckError, Finding, check_docx

ROOT = Path(__file__).resolve().parents[2]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _written(demo_db, tmp_path_factory, write, name: str) -> Path:
    """A document written by the app from the demo database."""
    from desktop.store import db

    out = tmp_path_factory.mktemp("robust") / name
    conn = db.open_db(demo_db)
    try:
        write(conn, out)
    finally:
        conn.close()
    return out


@pytest.fixture(scope="module")
def good(demo_db, tmp_path_factory) -> Path:
    """A real Báo cáo written by the app (with its appendix table)."""
    from desktop import app

    return _written(demo_db, tmp_path_factory, app.write_report, "bao_cao.docx")


@pytest.fixture(scope="module")
def small(demo_db, tmp_path_factory) -> Path:
    """A real Kế hoạch (shorter, so fuzzing it is quick)."""
    from desktop import app

    return _written(demo_db, tmp_path_factory, app.write_plan, "ke_hoach.docx")


def rezip(src: Path, dst: Path, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> Path:
    replace = replace or {}
    with zipfile.ZipFile(src) as s, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as d:
        for item in s.infolist():
            if item.filename in drop:
                continue
            d.writestr(item.filename, replace.get(item.filename, s.read(item)))
    return dst


def assert_message(exc: CheckError, name: str | None = None) -> str:
    msg = str(exc)
    assert msg and "\n" not in msg and "Traceback" not in msg
    assert unicodedata.is_normalized("NFC", msg)
    assert any(ch in msg for ch in "ệếạảốờôơưđă"), msg
    if name:
        assert name in msg
    return msg


def refused(path, name: str | None = None) -> str:
    with pytest.raises(CheckError) as e:
        check_docx(path)
    return assert_message(e.value, name)


def findings_or_refused(path) -> None:
    """The only two acceptable outcomes for a damaged file."""
    try:
        out = check_docx(path)
    except CheckError as e:
        assert_message(e)
    else:
        assert isinstance(out, list) and all(isinstance(f, Finding) for f in out)


BOMB_DTD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%s;" % (str(i - 1).encode() if i > 1 else b"")) * 10) for i in range(1, 10)
    )
    + b"]>"
)


def bomb(root: str, inner: str) -> bytes:
    return BOMB_DTD + f'<w:{root} xmlns:w="{W_NS}">{inner}</w:{root}>'.encode()


# --------------------------------------------------------------------------------------------
# Not a Word document at all


def test_empty_file(tmp_path):
    p = tmp_path / "rong.docx"
    p.write_bytes(b"")
    assert "rỗng" in refused(p, "rong.docx")


def test_random_bytes(tmp_path):
    p = tmp_path / "ngau_nhien.docx"
    p.write_bytes(random.Random(7).randbytes(4096))
    refused(p, "ngau_nhien.docx")


def test_text_file_named_docx(tmp_path):
    p = tmp_path / "ghi_chu.docx"
    p.write_text("Kế hoạch truyền thông năm 2025\n", encoding="utf-8")
    assert "không phải tệp Word" in refused(p, "ghi_chu.docx")


def test_ole_file_old_doc_or_password(tmp_path):
    p = tmp_path / "mat_khau.docx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    assert "mật khẩu" in refused(p, "mat_khau.docx")


def test_directory(tmp_path):
    d = tmp_path / "thu_muc.docx"
    d.mkdir()
    assert "thư mục" in refused(d, "thu_muc.docx")


def test_missing_path(tmp_path):
    assert "Không tìm thấy" in refused(tmp_path / "khong_co.docx", "khong_co.docx")


def test_truncated_zip_at_many_offsets(good, tmp_path):
    data = good.read_bytes()
    offsets = sorted(
        {1, 2, 4, 30, 100, 1000, len(data) // 3, len(data) // 2, len(data) - 100, len(data) - 22, len(data) - 1}
    )
    for off in offsets:
        p = tmp_path / f"cat_{off}.docx"
        p.write_bytes(data[:off])
        refused(p, p.name)


def test_zip_without_document_xml(good, tmp_path):
    p = rezip(good, tmp_path / "thieu_noi_dung.docx", drop=("word/document.xml",))
    assert "word/document.xml" in refused(p, "thieu_noi_dung.docx")


def test_document_xml_not_xml(good, tmp_path):
    p = rezip(good, tmp_path / "hong.docx", {"word/document.xml": b"day khong phai XML <<<"})
    assert "không phải XML hợp lệ" in refused(p, "hong.docx")


def test_document_xml_empty(good, tmp_path):
    p = rezip(good, tmp_path / "xml_rong.docx", {"word/document.xml": b""})
    refused(p, "xml_rong.docx")


@pytest.mark.parametrize(
    "part, xml",
    [
        ("word/document.xml", bomb("document", "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>")),
        (
            "word/styles.xml",
            bomb("styles", '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="&lol9;"/></w:style>'),
        ),
        ("word/styles.xml", bomb("styles", "<w:docDefaults>&lol9;</w:docDefaults>")),
    ],
    ids=["document", "styles-attribute", "styles-text"],
)
def test_entity_bomb_is_refused_quickly(good, tmp_path, part, xml):
    p = rezip(good, tmp_path / "bom.docx", {part: xml})
    msg = refused(p, "bom.docx")
    assert part in msg and "DOCTYPE" in msg


def test_external_entity_is_not_read(good, tmp_path):
    secret = tmp_path / "bi_mat.txt"
    secret.write_text("BI-MAT-123", encoding="utf-8")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
    )
    p = rezip(good, tmp_path / "xxe.docx", {"word/document.xml": xml.encode()})
    assert "BI-MAT-123" not in refused(p, "xxe.docx")


def test_parser_does_not_expand_entities_even_without_doctype_check(good, tmp_path, monkeypatch):
    """The parser itself is safe: with the DOCTYPE refusal switched off, neither an external nor an
    internal entity is expanded, and checking the file never shows the secret."""
    from desktop.nd30 import package

    monkeypatch.setattr(package, "has_doctype", lambda data: False)
    secret = tmp_path / "bi_mat.txt"
    secret.write_text("BI-MAT-123", encoding="utf-8")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}"><!ENTITY y "NOI-BO-456">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;&y;</w:t></w:r></w:p></w:body></w:document>'
    )
    p = rezip(good, tmp_path / "xxe_khong_chan.docx", {"word/document.xml": xml.encode()})
    with package.read_package(p) as pkg:
        text = "".join(pkg.xml("word/document.xml").itertext())
    assert "BI-MAT-123" not in text and "NOI-BO-456" not in text
    try:
        shown = " ".join(f.message for f in check_docx(p))
    except CheckError as e:
        shown = assert_message(e)
    assert "BI-MAT-123" not in shown and "NOI-BO-456" not in shown


def test_entity_bomb_is_not_expanded_even_without_doctype_check(good, tmp_path, monkeypatch):
    """Without the DOCTYPE refusal, a billion-laughs part is refused or left unexpanded, quickly."""
    from desktop.nd30 import package

    monkeypatch.setattr(package, "has_doctype", lambda data: False)
    p = rezip(
        good,
        tmp_path / "bom_khong_chan.docx",
        {"word/document.xml": bomb("document", "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>")},
    )
    with package.read_package(p) as pkg:
        try:
            text = "".join(pkg.xml("word/document.xml").itertext())
        except CheckError as e:  # libxml2 itself refuses the amplification: as good
            text = assert_message(e, "bom_khong_chan.docx")
    assert "lol" * 10 not in text


def test_no_header_table_gives_findings(tmp_path):
    doc = Document()
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Truyền thông phòng, chống bệnh lao năm 2025")
    p = tmp_path / "khong_bang.docx"
    doc.save(str(p))
    rules = {f.rule for f in check_docx(p)}
    assert "dau-trang.bang" in rules


def test_empty_body(good, tmp_path):
    xml = f'<w:document xmlns:w="{W_NS}"><w:body/></w:document>'.encode()
    p = rezip(good, tmp_path / "than_rong.docx", {"word/document.xml": xml})
    assert "trống" in refused(p, "than_rong.docx")


def test_body_with_only_section_properties(good, tmp_path):
    xml = f'<w:document xmlns:w="{W_NS}"><w:body><w:sectPr/></w:body></w:document>'.encode()
    p = rezip(good, tmp_path / "chi_sectpr.docx", {"word/document.xml": xml})
    findings_or_refused(p)


def test_missing_styles_xml(good, tmp_path):
    p = rezip(good, tmp_path / "thieu_styles.docx", drop=("word/styles.xml",))
    findings = check_docx(p)
    assert all(isinstance(f, Finding) for f in findings)


def test_missing_content_types_and_rels(good, tmp_path):
    p = rezip(
        good, tmp_path / "thieu_rels.docx", drop=("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels")
    )
    findings_or_refused(p)


@pytest.mark.slow
@pytest.mark.libreoffice
def test_libreoffice_resaved_documents(good, small, tmp_path):
    """The app's Kế hoạch and Báo cáo, opened and saved again by LibreOffice, still pass. LibreOffice
    writes the appendix's borders on every cell (w:tcBorders) and none on the table (w:tblBorders):
    a grid all the same, which phu-luc.vien-bang accepts."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice not installed")
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(good, src / "bao_cao.docx")
    shutil.copy(small, src / "ke_hoach.docx")
    out = tmp_path / "out"
    profile = tmp_path / "profile"
    try:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(out),
                str(src / "bao_cao.docx"),
                str(src / "ke_hoach.docx"),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    except (subprocess.SubprocessError, OSError) as e:
        pytest.skip(f"LibreOffice conversion failed: {e}")
    if not (out / "bao_cao.docx").exists() or not (out / "ke_hoach.docx").exists():
        pytest.skip("LibreOffice wrote nothing")
    plan = check_docx(out / "ke_hoach.docx")
    assert plan == [], "\n".join(f"{f.rule}: {f.message}" for f in plan)
    report = check_docx(out / "bao_cao.docx")
    assert report == [], "\n".join(f"{f.rule}: {f.message}" for f in report)


# --------------------------------------------------------------------------------------------
# Seeded fuzzing: only CheckError or findings


def _mutate(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        i = rng.randrange(len(b)) if b else 0
        if op < 0.5 and b:
            b[i] = rng.randrange(256)
        elif op < 0.75:
            b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        else:
            del b[i : i + rng.randint(1, 64)]
    return bytes(b)


@pytest.mark.slow
def test_fuzz_document_xml(small, tmp_path):
    rng = random.Random(20250101)
    with zipfile.ZipFile(small) as z:
        xml = z.read("word/document.xml")
    for i in range(120):
        p = rezip(small, tmp_path / f"f{i}.docx", {"word/document.xml": _mutate(xml, rng)})
        findings_or_refused(p)
        p.unlink()


@pytest.mark.slow
def test_fuzz_styles_xml(good, tmp_path):
    rng = random.Random(77)
    with zipfile.ZipFile(good) as z:
        xml = z.read("word/styles.xml")
    for i in range(40):
        p = rezip(good, tmp_path / f"s{i}.docx", {"word/styles.xml": _mutate(xml, rng)})
        findings_or_refused(p)
        p.unlink()


ODD_VALUES = [
    "",
    "-1",
    "0",
    "999999999999999999999",
    "abc",
    "nan",
    "1.5",
    "auto",
    "true",
    "12pt",
    "0x10",
    " ",
    "١٢",
    "1e400",
]


def _mutate_tree(data: bytes, rng: random.Random) -> bytes:
    """Well-formed XML with odd values, dropped and repeated elements: exercises the rules."""
    import copy

    from lxml import etree

    root = etree.fromstring(data)
    for _ in range(rng.randint(1, 6)):
        els = list(root.iter())
        e = rng.choice(els)
        op = rng.random()
        if op < 0.55 and e.attrib:
            e.set(rng.choice(list(e.attrib)), rng.choice(ODD_VALUES))
        elif op < 0.75 and e.getparent() is not None:
            e.getparent().remove(e)
        elif op < 0.9 and e.getparent() is not None:
            e.getparent().append(copy.deepcopy(e))
        else:
            e.text = rng.choice(["", "\u0301x", "A" * 500])
    return etree.tostring(root)


@pytest.mark.slow
def test_fuzz_well_formed_parts(small, tmp_path):
    rng = random.Random(303)
    with zipfile.ZipFile(small) as z:
        parts = {n: z.read(n) for n in ("word/document.xml", "word/styles.xml")}
    for i in range(40):
        name = rng.choice(sorted(parts))
        p = rezip(small, tmp_path / f"w{i}.docx", {name: _mutate_tree(parts[name], rng)})
        try:
            check_docx(p)
        except CheckError as e:
            assert "không lường trước" not in str(e), str(e)  # a rule crashed on an odd value
            assert_message(e)
        p.unlink()


@pytest.mark.slow
def test_fuzz_zip_bytes(good, tmp_path):
    rng = random.Random(4242)
    data = good.read_bytes()
    for i in range(120):
        p = tmp_path / f"z{i}.docx"
        p.write_bytes(_mutate(data, rng))
        findings_or_refused(p)
        p.unlink()


# --------------------------------------------------------------------------------------------
# The command line: exit 1, one Vietnamese line on stderr, no traceback


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )


@pytest.mark.slow
def test_cli_check_on_broken_files(good, tmp_path):
    empty = tmp_path / "rong.docx"
    empty.write_bytes(b"")
    text = tmp_path / "van_ban.docx"
    text.write_text("không phải Word", encoding="utf-8")
    cut = tmp_path / "cat.docx"
    cut.write_bytes(good.read_bytes()[:5000])
    bombed = rezip(
        good,
        tmp_path / "bom.docx",
        {"word/document.xml": bomb("document", "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>")},
    )
    ole = tmp_path / "cu.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    for path in (empty, text, cut, bombed, ole, tmp_path / "khong_co.docx", tmp_path):
        r = _cli("check", str(path))
        assert r.returncode == 1, (path, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr + r.stdout
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1, r.stderr
        assert unicodedata.is_normalized("NFC", lines[0])
        assert any(ch in lines[0] for ch in "ệếạảốờôơưđă"), lines[0]
