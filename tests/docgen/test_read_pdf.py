"""A superior's plan given as PDF (issue 22, point 1): read with its layout, like its .txt or Word file.

Small PDFs are written here with PDFium (text placed where a clerk's page has it: the two-column
header, page numbers, a running footer, the e-office signature stamp); the slow tests make PDFs from
the seeds' clerk-style Word files with LibreOffice. Hostile PDFs are built here, never shipped.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import json
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

pdfium = pytest.importorskip("pypdfium2")
import pypdfium2.raw as raw  # noqa: E402

from desktop import cli  # noqa: E402
from desktop.docgen import read_pdf as rp  # noqa: E402
from desktop.docgen.read_text import import_plan_file, read_source  # noqa: E402
from desktop.domain.errors import UserError  # noqa: E402
from desktop.domain.plan_import import parse_plan_text  # noqa: E402

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
A4 = (595.0, 842.0)
needs_font = pytest.mark.skipif(not FONT.is_file(), reason="fonts-liberation2 is not installed")


class Writer:
    """A PDF with Vietnamese text placed at given points (PDFium embeds the font with its ToUnicode map)."""

    def __init__(self):
        self.doc = pdfium.PdfDocument.new()
        self._data = FONT.read_bytes()
        self._buf = (ctypes.c_ubyte * len(self._data)).from_buffer_copy(self._data)
        self.font = raw.FPDFText_LoadFont(self.doc.raw, self._buf, len(self._data), raw.FPDF_FONT_TRUETYPE, True)
        self.page = None

    def new_page(self):
        self._close_page()
        self.page = self.doc.new_page(*A4)

    def text(self, x: float, y: float, s: str, size: float = 13.0):
        obj = raw.FPDFPageObj_CreateTextObj(self.doc.raw, self.font, size)
        ws = (s + "\x00").encode("utf-16-le")
        raw.FPDFText_SetText(obj, ctypes.cast(ctypes.c_char_p(ws), ctypes.POINTER(raw.FPDF_WCHAR)))
        raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        raw.FPDFPage_InsertObject(self.page.raw, obj)

    def _close_page(self):
        if self.page is not None:
            self.page.gen_content()
            self.page.close()
            self.page = None

    def save(self, path: Path) -> Path:
        self._close_page()
        self.doc.save(str(path))
        self.doc.close()
        return path


def plan_pdf(path: Path, *, stamp: bool = False) -> Path:
    """Two pages of a plan laid out as a clerk's printed page: header table, title, căn cứ, sections,
    a paragraph wrapped over lines with a word hyphenated, page number on page 2, a running footer."""
    w = Writer()
    w.new_page()
    top = 800
    w.text(70, top, "SỞ Y TẾ TỈNH LÂM ĐỒNG")
    w.text(300, top - 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    w.text(70, top - 16, "BỆNH VIỆN PHỔI BÌNH THUẬN")
    w.text(330, top - 17, "Độc lập - Tự do - Hạnh phúc")
    w.text(70, top - 40, "Số: 05/KH-BVPBT")
    w.text(320, top - 40, "Lâm Đồng, ngày 05 tháng 9 năm 2025")
    if stamp:  # the e-office stamp, small, over the header's right
        w.text(420, top + 20, "Ký bởi: Sở Y tế tỉnh Lâm Đồng", 6)
        w.text(420, top + 13, "Email: syt@lamdong.gov.vn", 6)
        w.text(420, top + 6, "Thời gian ký: 19.08.2025 10:05:22 +07:00", 6)
    y = top - 80
    w.text(260, y, "KẾ HOẠCH")
    w.text(150, y - 16, "Truyền thông về chuyển đổi số năm 2025")
    lines = [
        (70, "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát"),
        (70, "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;"),
        (70, "Thực hiện Kế hoạch số 357/KH-SYT ngày 04/9/2025 của Sở Y tế tỉnh Lâm Đồng về truyền"),
        (70, "thông Nghị quyết số 57-NQ/TW trong ngành Y tế tỉnh Lâm Đồng."),
        (70, "I. MỤC ĐÍCH, YÊU CẦU"),
        (70, "1. Mục đích"),
        (70, "- Phổ biến rộng rãi đến toàn thể viên chức, người lao động các quan điểm, mục tiêu của truy-"),
        (70, "ền thông và giải pháp mà Nghị quyết số 57-NQ/TW của Bộ Chính trị đặt ra."),
        (70, "II. NỘI DUNG"),
        (70, "1. Truyền thông về Nghị quyết số 57-NQ/TW"),
    ]
    y -= 50
    for x, s in lines:
        w.text(x, y, s, 12)
        y -= 16
    w.text(70, 40, "Bệnh viện Phổi Bình Thuận - Kế hoạch truyền thông", 9)
    w.new_page()
    w.text(295, 810, "2")
    y = 770
    for s in (
        "- Giới thiệu tổng thể nội dung của Nghị quyết số 57-NQ/TW với 5 quan điểm chỉ đạo, mục tiêu",
        "đến năm 2030 trong lĩnh vực khoa học, công nghệ.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Các khoa, phòng báo cáo kết quả về Phòng Kế hoạch tổng hợp trước ngày 10/12/2025.",
        "Trên đây là Kế hoạch truyền thông của Bệnh viện Phổi Bình Thuận./.",
    ):
        w.text(70, y, s, 12)
        y -= 16
    w.text(70, 40, "Bệnh viện Phổi Bình Thuận - Kế hoạch truyền thông", 9)
    return w.save(path)


@needs_font
def test_text_pdf_reads_with_its_layout(tmp_path):
    got = rp.read_pdf(plan_pdf(tmp_path / "kh.pdf"))
    lines = got.text.splitlines()
    assert got.source == "pdf" and got.signature is None
    # the header's left column first, the quốc hiệu after it
    assert lines[:6] == [
        "SỞ Y TẾ TỈNH LÂM ĐỒNG",
        "BỆNH VIỆN PHỔI BÌNH THUẬN",
        "Số: 05/KH-BVPBT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lâm Đồng, ngày 05 tháng 9 năm 2025",
    ]
    assert (
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;"
        in lines
    )
    assert any("mục tiêu của truyền thông và giải pháp" in ln for ln in lines)  # "truy-" + "ền" repaired
    # the bullet wrapped across the page break is one paragraph; no page number, no running footer
    assert (
        "- Giới thiệu tổng thể nội dung của Nghị quyết số 57-NQ/TW với 5 quan điểm chỉ đạo, mục tiêu đến năm 2030 trong lĩnh vực khoa học, công nghệ."
        in lines
    )
    assert "2" not in lines and not any("Kế hoạch truyền thông" == ln[-22:] for ln in lines)
    assert not any(ln.startswith("Bệnh viện Phổi Bình Thuận - ") for ln in lines)


@needs_font
def test_pdf_plan_imports_like_its_text(tmp_path):
    plan = import_plan_file(plan_pdf(tmp_path / "kh.pdf"))
    assert plan.source == "pdf"
    assert plan.number == "05/KH-BVPBT"
    assert (plan.doc_date.year, plan.doc_date.month, plan.doc_date.day) == (2025, 9, 5)
    assert plan.issuer_lines[:2] == ["SỞ Y TẾ TỈNH LÂM ĐỒNG", "BỆNH VIỆN PHỔI BÌNH THUẬN"]
    assert plan.title == "Truyền thông về chuyển đổi số năm 2025"
    assert len(plan.basis) == 1 and plan.basis[0].startswith("Căn cứ Nghị quyết số 57-NQ/TW")
    assert [it.text for it in plan.items] == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN"]
    assert plan.deadline == "10/12/2025"


@needs_font
def test_signature_stamp_is_reported_and_left_out(tmp_path):
    path = plan_pdf(tmp_path / "ky-so.pdf", stamp=True)
    got = rp.read_pdf(path)
    assert got.signature == {
        "signer": "Sở Y tế tỉnh Lâm Đồng",
        "email": "syt@lamdong.gov.vn",
        "time": "19.08.2025 10:05:22 +07:00",
        "how": "stamp",
    }
    assert "Ký bởi" not in got.text and "Thời gian ký" not in got.text and "lamdong.gov.vn" not in got.text
    assert got.text.splitlines()[3] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    plan = import_plan_file(path)
    assert plan.signature["signer"] == "Sở Y tế tỉnh Lâm Đồng"
    assert (
        "Văn bản đã ký số bởi Sở Y tế tỉnh Lâm Đồng (syt@lamdong.gov.vn), lúc 19.08.2025 10:05:22 +07:00."
        in plan.warnings
    )


@needs_font
def test_plan_import_json_says_source_and_signature(tmp_path):
    from desktop.store.demo import create_demo

    db = tmp_path / "d.db"
    create_demo(db)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert (
            cli.main(
                ["plan-import", "--db", str(db), str(plan_pdf(tmp_path / "kh.pdf", stamp=True)), "--json", "--again"]
            )
            == 0
        )
    got = json.loads(out.getvalue())
    assert got["source"] == "pdf"
    assert got["signature"]["signer"] == "Sở Y tế tỉnh Lâm Đồng"
    assert got["superior"]["number"] == "357/KH-SYT"  # the demo unit's own plan: the one it implements


def scan_pdf(path: Path, source: Path, pages: int = 1) -> Path:
    """An image-only PDF: `source`'s pages rendered to pictures (a scan)."""
    src = pdfium.PdfDocument(str(source))
    out = pdfium.PdfDocument.new()
    for i in range(pages):
        page = src[i]
        w, h = page.get_size()
        bitmap = page.render(scale=200 / 72, grayscale=True)
        new = out.new_page(w, h)
        image = pdfium.PdfImage.new(out)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(w, h))
        new.insert_obj(image)
        new.gen_content()
    out.save(str(path))
    return path


@needs_font
def test_scan_without_ocr_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(rp, "tesseract", lambda: None)
    scan = scan_pdf(tmp_path / "ban-chup.pdf", plan_pdf(tmp_path / "kh.pdf"))
    with pytest.raises(UserError) as e:
        import_plan_file(scan)
    msg = str(e.value)
    assert "ban-chup.pdf là bản chụp (ảnh quét), không có lớp chữ; máy này chưa có bộ nhận dạng chữ" in msg
    assert "dữ liệu không thay đổi" in msg


@pytest.mark.slow
@needs_font
@pytest.mark.skipif(rp.tesseract() is None, reason="tesseract-ocr with Vietnamese data is not installed")
def test_scan_is_read_by_ocr_and_flagged(tmp_path):
    scan = scan_pdf(tmp_path / "ban-chup.pdf", plan_pdf(tmp_path / "kh.pdf"))
    got = rp.read_pdf(scan)
    assert got.source == "pdf-ocr"
    assert "05/KH-BVPBT" in got.text and "KẾ HOẠCH" in got.text
    assert any("nhận dạng chữ (OCR)" in w for w in got.warnings)
    plan = import_plan_file(scan)
    assert plan.source == "pdf-ocr" and any("OCR" in w for w in plan.warnings)


def test_a_thousand_pages_is_refused_at_once(tmp_path):
    doc = pdfium.PdfDocument.new()
    for _ in range(1000):
        doc.new_page(*A4).close()
    path = tmp_path / "nghin-trang.pdf"
    doc.save(str(path))
    with pytest.raises(UserError) as e:
        import_plan_file(path)
    assert "nghin-trang.pdf" in str(e.value) and "1.000 trang" in str(e.value)


def _pdf_with_stream(stream: bytes, filter_: bytes = b"/FlateDecode") -> bytes:
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filter_) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_a_stream_bomb_is_refused_before_pdfium(tmp_path):
    bomb = zlib.compress(b"\x00" * (200 * rp.MB), 9)  # 0,2 MB that inflates to 200 MB
    path = tmp_path / "bom.pdf"
    path.write_bytes(_pdf_with_stream(bomb))
    with pytest.raises(UserError) as e:
        import_plan_file(path)
    assert "bom.pdf" in str(e.value) and "64 MB" in str(e.value) and "dữ liệu không thay đổi" in str(e.value)


def test_not_a_pdf_and_a_broken_pdf(tmp_path):
    fake = tmp_path / "doi-duoi.pdf"
    fake.write_bytes(b"PK\x03\x04 this is a zip")
    with pytest.raises(UserError, match="doi-duoi.pdf không phải là tệp PDF"):
        import_plan_file(fake)
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj <<\n")
    with pytest.raises(UserError, match="hong.pdf"):
        import_plan_file(broken)


def test_signer_name_from_a_broken_signature_is_empty():
    assert rp.signer_name(b"") == ""
    assert rp.signer_name(b"\x30\x84\xff\xff\xff\xff") == ""
    assert rp.pdf_date("D:20250819100522+07'00'") == "19/08/2025 10:05:22"


def _soffice_pdf(docx: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
        capture_output=True,
        timeout=300,
        check=True,
    )
    return docx.with_suffix(".pdf")


def _tree(items, depth=0):
    out = []
    for it in items:
        out.append((depth, it.kind))
        out += _tree(it.children, depth + 1)
    return out


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.parametrize("seed", ["000", "001", "003"])
def test_seed_as_clerk_pdf_reads_like_its_word_file(tmp_path, seed):
    from tests.fixtures.clerk_docx import build_docx

    txt = next(SEEDS.glob(f"{seed}_*.txt"))
    docx = build_docx(parse_plan_text(read_source(txt)), tmp_path / f"{seed}.docx")
    from_docx, from_pdf = import_plan_file(docx), import_plan_file(_soffice_pdf(docx))
    assert from_pdf.source == "pdf"
    for fact in ("number", "doc_date", "issuer", "title", "basis", "deadline", "issuer_lines", "is_plan"):
        assert getattr(from_pdf, fact) == getattr(from_docx, fact), fact
    assert _tree(from_pdf.items) == _tree(from_docx.items)
