"""Reading the text of a superior's document from a PDF, bounded before PDFium parses it.

Superior plans reach a unit as PDF through the e-office system, digitally signed, often as nothing
else. PDFium (pypdfium2: Apache-2.0/BSD-3, wheels for every platform; chosen by measurement, see
`bench/pdf_readers.py`) gives each glyph with its box; `pdf_layout` rebuilds lines, the header's two
columns and paragraphs, leaves out page numbers, running headers and the signature stamp.

A PDF from outside can be hostile. Before PDFium sees it:
- the file is at most `MAX_BYTES`, starts with "%PDF", has at most `MAX_PAGES` pages;
- every Flate stream is inflated in 1 MB chunks with a running count, never past `MAX_STREAM` for
  one stream nor `MAX_INFLATED` for the file (a 1 MB stream can inflate to 1 GB);
- reading stops after `MAX_SECONDS`, and the text after `MAX_CHARS`.
A PDF whose pages have no text layer (a scan) is read with the Tesseract OCR engine when this
machine has it with its Vietnamese data (`tesseract-ocr-vie`), the result marked as OCR; otherwise
the message says the file is a scan and what to do. Every refusal is a UserError naming the file.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import tempfile
import time
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import UserError
from ..domain.text import one_line
from ..domain.vnformat import number
from . import pdf_layout as layout

MB = 1 << 20
MAX_BYTES = 100 * MB  # a signed 30-page plan is under 2 MB; a 100-page colour scan can reach 60 MB
MAX_PAGES = 500  # a provincial plan with its appendices runs to a few dozen pages
MAX_STREAM = 64 * MB  # one stream inflated: a page scanned at 300 dpi in colour is 26 MB
MAX_INFLATED = 1024 * MB  # all streams of the file inflated
MAX_SECONDS = 60.0  # reading the text layer (a 10-page plan: 0,1 s)
MAX_CHARS = 5_000_000
MIN_PAGE_CHARS = 20  # fewer glyphs than this on a page: the page has no text layer
OCR_DPI = 300
OCR_MAX_PAGES = 40
OCR_SECONDS = 120  # one page
MAX_RENDER_SIDE = 2000.0  # points (70 cm): a larger page is not rendered for OCR
_STREAM = re.compile(rb"stream\r?\n")


@dataclass
class PdfText:
    text: str  # one paragraph per line (OCR: one printed line per line)
    source: str  # "pdf" or "pdf-ocr"
    signature: dict[str, str] | None = None  # signer, organisation, email, position, time, how
    warnings: list[str] = field(default_factory=list)


def describe_signature(sig: dict[str, str]) -> str:
    """ "Văn bản đã ký số bởi Sở Y tế tỉnh Lâm Đồng (syt@…), lúc 19.08.2025 10:05:22 +07:00." """
    who = sig.get("signer") or sig.get("organisation") or "(không rõ người ký)"
    more = [v for k in ("organisation", "email") if (v := sig.get(k)) and v != who]
    text = f"Văn bản đã ký số bởi {who}" + (f" ({', '.join(more)})" if more else "")
    if sig.get("time"):
        text += f", lúc {sig['time']}"
    return text + "."


def read_pdf(path: Path, *, ocr: bool = True) -> PdfText:
    path = Path(path)
    name = one_line(path.name)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _refused(name, f"tệp {size / MB:.0f} MB, giới hạn {MAX_BYTES // MB} MB")
        data = path.read_bytes()
    except PermissionError:
        raise UserError(
            f"Không đọc được {one_line(path)}: tệp đang bị khóa hoặc không có quyền đọc; hãy đóng tệp rồi thử lại."
        ) from None
    except OSError as e:
        raise UserError(f"Không đọc được {one_line(path)}: {e.strerror or e}.") from None
    if b"%PDF-" not in data[:1024]:
        raise UserError(f"Tệp {name} không phải là tệp PDF (có thể bị đổi đuôi hoặc bị hỏng); không nhập gì.")
    check_streams(data, name)
    return _read(data, name, ocr)


def _refused(name: str, what: str) -> UserError:
    return UserError(
        f"Tệp PDF {name} quá lớn để là một kế hoạch ({what}): có thể chọn nhầm tệp hoặc tệp không an toàn. "
        "Không nhập gì; dữ liệu không thay đổi."
    )


def check_streams(data: bytes, name: str) -> None:
    """Every Flate stream of the file inflated with a running count, within MAX_STREAM and MAX_INFLATED.
    A stream that is not Flate (an image, an encrypted stream) stops the inflater at once and costs nothing."""
    total = 0
    pos = 0
    while m := _STREAM.search(data, pos):
        start = m.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        pos = end
        inflater = zlib.decompressobj()
        chunk = memoryview(data)[start:end]
        size = 0
        try:
            while chunk:
                size += len(inflater.decompress(chunk, MB))
                chunk = inflater.unconsumed_tail
                if size > MAX_STREAM:
                    raise _refused(name, f"một luồng dữ liệu giải nén vượt {MAX_STREAM // MB} MB")
                if inflater.eof:
                    break
        except zlib.error:
            pass
        total += size
        if total > MAX_INFLATED:
            raise _refused(name, f"dữ liệu giải nén vượt {MAX_INFLATED // MB} MB")


def _open(data: bytes, name: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise UserError(
                f"Tệp PDF {name} có mật khẩu nên không đọc được: hãy xin bản không đặt mật khẩu, hoặc mở tệp, "
                "nhập mật khẩu rồi in ra PDF (Microsoft Print to PDF) và nhập tệp mới đó."
            ) from None
        raise UserError(
            f"Tệp PDF {name} bị hỏng nên không đọc được ({one_line(e)[:80]}); hãy tải lại tệp từ hệ thống "
            "văn bản điện tử rồi nhập lại. Dữ liệu không thay đổi."
        ) from None


def _read(data: bytes, name: str, ocr: bool) -> PdfText:
    import pypdfium2.raw as raw

    doc = _open(data, name)
    try:
        count = len(doc)
        if count > MAX_PAGES:
            raise _refused(name, f"{number(count)} trang, giới hạn {number(MAX_PAGES)} trang")
        if count == 0:
            raise UserError(f"Tệp PDF {name} không có trang nào; không nhập gì.")
        deadline = time.monotonic() + MAX_SECONDS
        pages: list[layout.Page] = []
        chars = 0
        for i in range(count):
            if time.monotonic() > deadline:
                raise _refused(name, f"đọc quá {MAX_SECONDS:.0f} giây mới tới trang {i + 1}")
            page = _page_glyphs(doc, i, raw)
            chars += len(page.glyphs)
            if chars > MAX_CHARS:
                raise _refused(name, f"hơn {number(MAX_CHARS)} ký tự")
            pages.append(page)
        cert = _certificate_signature(doc, raw)
        blank = [p.number for p in pages if len(p.glyphs) < MIN_PAGE_CHARS]
        if len(blank) == count or len(blank) * 2 > count and chars < MIN_PAGE_CHARS * count:
            result = _scanned(doc, name, ocr, [p.number for p in pages])
            result.signature = result.signature or cert
            return result
        result = _laid_out(pages)
        if cert and not result.signature:
            result.signature = cert
        images = [n for n in blank if _has_image(doc, n - 1, raw)]
        if images:
            result.warnings.append(
                f"Trang {', '.join(map(str, images))} của {name} là ảnh quét (không có lớp chữ), chưa được đọc: "
                "hãy đối chiếu với bản giấy."
            )
        return result
    finally:
        doc.close()


def _page_glyphs(doc, index: int, raw) -> layout.Page:
    page = doc[index]
    try:
        if raw.FPDFPage_GetAnnotCount(page.raw) > 0:  # a signature's appearance: into the page's content
            if raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY) == raw.FLATTEN_SUCCESS:
                page.close()
                page = doc[index]
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            glyphs = _glyphs(textpage.raw, raw)
        finally:
            textpage.close()
        return layout.Page(index + 1, width, height, glyphs)
    finally:
        page.close()


def _glyphs(tp, raw) -> list[layout.Glyph]:
    n = raw.FPDFText_CountChars(tp)
    rect = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    out: list[layout.Glyph] = []
    space = False
    for k in range(max(n, 0)):
        code = raw.FPDFText_GetUnicode(tp, k)
        if code in (0, 0xFFFE, 0xFFFF):
            continue
        ch = chr(code) if code < 0x110000 else "\ufffd"
        if ch.isspace():
            space = True
            continue
        if not raw.FPDFText_GetLooseCharBox(tp, k, ctypes.byref(rect)):
            continue
        raw.FPDFText_GetCharOrigin(tp, k, ox, oy)
        size = rect.top - rect.bottom
        out.append(layout.Glyph(ch, rect.left, rect.right, oy.value, size if size > 0 else 1.0, space))
        space = False
    return out


def _has_image(doc, index: int, raw) -> bool:
    page = doc[index]
    try:
        return any(obj.type == raw.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=2))
    finally:
        page.close()


def _laid_out(pages: list[layout.Page]) -> PdfText:
    per_page = []
    for p in pages:
        head, rows = layout.flatten_header(p) if p.number == 1 else ([], layout.rows_of(p.glyphs))
        per_page.append(head + layout.columns(p.number, rows))
    per_page = layout.drop_running(per_page, [(p.width, p.height) for p in pages])
    lines = [ln for page in per_page for ln in page]
    lines, stamp = layout.take_stamp(lines)
    text = "\n".join(layout.paragraphs(lines))
    signature = dict(stamp, how="stamp") if stamp else None
    return PdfText(unicodedata.normalize("NFC", text), "pdf", signature)


# ---------------------------------------------------------------- the certificate of a digital signature
def _certificate_signature(doc, raw) -> dict[str, str] | None:
    """The signer's name (the certificate's common name) and time of the first digital signature."""
    try:
        if raw.FPDF_GetSignatureCount(doc.raw) < 1:
            return None
        sig = raw.FPDF_GetSignatureObject(doc.raw, 0)
        size = raw.FPDFSignatureObj_GetContents(sig, None, 0)
        if size <= 0 or size > 1 * MB:
            return {"how": "certificate"}
        buf = ctypes.create_string_buffer(size)
        raw.FPDFSignatureObj_GetContents(sig, buf, size)
        out = {"how": "certificate"}
        if cn := signer_name(buf.raw):
            out["signer"] = cn
        tsize = raw.FPDFSignatureObj_GetTime(sig, None, 0)
        if 0 < tsize < 200:
            tbuf = ctypes.create_string_buffer(tsize)
            raw.FPDFSignatureObj_GetTime(sig, tbuf, tsize)
            if t := pdf_date(tbuf.value.decode("latin-1", "replace")):
                out["time"] = t
        return out
    except (AttributeError, OSError, ValueError):
        return None


def pdf_date(value: str) -> str:
    """ "D:20250819100522+07'00'" -> "19/08/2025 10:05:22"; "" when not a PDF date."""
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?", value)
    if not m:
        return ""
    y, mo, d, h, mi, s = m.groups()
    return f"{d}/{mo}/{y}" + (f" {h}:{mi or '00'}:{s or '00'}" if h else "")


def _der(data: bytes, pos: int) -> tuple[int, int, int]:
    """(tag, start of content, end of content) of the DER element at `pos`; ValueError when broken."""
    if pos + 2 > len(data):
        raise ValueError
    tag, length = data[pos], data[pos + 1]
    pos += 2
    if length & 0x80:
        n = length & 0x7F
        if n == 0 or n > 4 or pos + n > len(data):
            raise ValueError
        length = int.from_bytes(data[pos : pos + n], "big")
        pos += n
    if pos + length > len(data):
        raise ValueError
    return tag, pos, pos + length


def _children(data: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    out = []
    while start < end and len(out) < 10_000:
        tag, s, e = _der(data, start)
        out.append((tag, s, e))
        start = e
    return out


_CN = b"\x06\x03\x55\x04\x03"


def _common_name(data: bytes, start: int, end: int) -> str:
    at = data.find(_CN, start, end)
    if at < 0:
        return ""
    tag, s, e = _der(data, at + len(_CN))
    raw = data[s:e]
    text = raw.decode("utf-16-be", "replace") if tag == 0x1E else raw.decode("utf-8", "replace")
    return unicodedata.normalize("NFC", one_line(text))


def signer_name(pkcs7: bytes) -> str:
    """The common name of the certificate that signed a PKCS#7 signature (the one the SignerInfo names
    by issuer and serial number); "" when it cannot be read. Never raises on a broken signature."""
    try:
        data = pkcs7.rstrip(b"\x00")
        _, s, e = _der(data, 0)  # ContentInfo
        kids = _children(data, s, e)
        _, s, e = _der(data, kids[1][1])  # [0] -> SignedData
        parts = _children(data, s, e)
        certs = next((p for p in parts if p[0] == 0xA0), None)
        infos = next((p for p in reversed(parts) if p[0] == 0x31), None)
        if certs is None:
            return ""
        serial_of_signer = None
        if infos is not None:
            info = _children(data, infos[1], infos[2])[0]
            sid = _children(data, info[1], info[2])[1]
            if sid[0] == 0x30:
                serial_of_signer = data[slice(*_children(data, sid[1], sid[2])[1][1:])]
        names = []
        for _, cs, ce in _children(data, certs[1], certs[2]):
            tbs = _children(data, cs, ce)[0]
            fields = _children(data, tbs[1], tbs[2])
            if fields and fields[0][0] == 0xA0:
                fields = fields[1:]  # version
            serial, subject = data[fields[0][1] : fields[0][2]], fields[4]
            name = _common_name(data, subject[1], subject[2])
            if serial_of_signer is not None and serial == serial_of_signer:
                return name
            names.append(name)
        return names[0] if names else ""
    except (ValueError, IndexError):
        return ""


# ---------------------------------------------------------------- a scan: OCR or a clear message
def tesseract() -> str | None:
    """The Tesseract program, when this machine has it with its Vietnamese data."""
    exe = shutil.which("tesseract")
    if exe is None and os.name == "nt":
        for base in (os.environ.get("ProgramFiles", ""), os.environ.get("LOCALAPPDATA", "") + r"\Programs"):
            candidate = Path(base) / "Tesseract-OCR" / "tesseract.exe"
            if base and candidate.is_file():
                exe = str(candidate)
                break
    if exe is None:
        return None
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return exe if re.search(r"^vie$", langs.stdout + langs.stderr, re.M) else None


def scan_message(name: str) -> str:
    return (
        f"Tệp {name} là bản chụp (ảnh quét), không có lớp chữ; máy này chưa có bộ nhận dạng chữ (OCR) tiếng "
        "Việt nên không đọc được. Hãy xin cấp trên bản PDF gốc từ hệ thống văn bản điện tử (bản có chữ chọn "
        "được) hoặc bản Word; hoặc cài Tesseract OCR kèm dữ liệu tiếng Việt rồi nhập lại. Không nhập gì; dữ "
        "liệu không thay đổi."
    )


def _scanned(doc, name: str, ocr: bool, numbers: list[int]) -> PdfText:
    exe = tesseract() if ocr else None
    if exe is None:
        raise UserError(scan_message(name))
    if len(numbers) > OCR_MAX_PAGES:
        raise UserError(
            f"Tệp {name} là bản chụp (ảnh quét) {number(len(numbers))} trang, quá dài để nhận dạng chữ (giới "
            f"hạn {OCR_MAX_PAGES} trang): hãy xin bản PDF gốc hoặc bản Word. Không nhập gì."
        )
    texts = []
    with tempfile.TemporaryDirectory(prefix="vbyt-ocr-") as tmp:
        for n in numbers:
            texts.append(_ocr_page(doc, n - 1, exe, Path(tmp), name))
    text = unicodedata.normalize("NFC", "\n".join(texts))
    warning = (
        f"{name} là bản chụp (ảnh quét): chữ được đọc bằng nhận dạng chữ (OCR), có thể sai chữ, sai dấu hoặc "
        "sai số; hãy đối chiếu từng mục với bản giấy trước khi dùng."
    )
    return PdfText(text, "pdf-ocr", None, [warning])


def _ocr_page(doc, index: int, exe: str, tmp: Path, name: str) -> str:
    page = doc[index]
    try:
        width, height = page.get_size()
        if max(width, height) > MAX_RENDER_SIDE:
            raise UserError(
                f"Trang {index + 1} của {name} quá khổ ({width / 72 * 2.54:.0f} × {height / 72 * 2.54:.0f} cm) "
                "để nhận dạng chữ; không nhập gì."
            )
        bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
        try:
            image = tmp / f"page{index + 1}.pgm"
            _write_pgm(bitmap, image)
        finally:
            bitmap.close()
    finally:
        page.close()
    try:
        done = subprocess.run(
            [exe, str(image), "stdout", "-l", "vie", "--psm", "4"],
            capture_output=True,
            timeout=OCR_SECONDS,
        )
    except subprocess.TimeoutExpired:
        raise UserError(
            f"Nhận dạng chữ trang {index + 1} của {name} quá {OCR_SECONDS} giây nên đã dừng; không nhập gì."
        ) from None
    except OSError as e:
        raise UserError(f"Không chạy được bộ nhận dạng chữ cho {name}: {e.strerror or e}.") from None
    finally:
        image.unlink(missing_ok=True)
    if done.returncode != 0:
        raise UserError(
            f"Bộ nhận dạng chữ không đọc được trang {index + 1} của {name} "
            f"({one_line(done.stderr.decode('utf-8', 'replace'))[:120]}); không nhập gì."
        )
    return done.stdout.decode("utf-8", "replace").replace("\f", "\n")


def _write_pgm(bitmap, path: Path) -> None:
    """A grayscale PDFium bitmap as a binary PGM (Tesseract reads it; no imaging library needed)."""
    w, h, stride = bitmap.width, bitmap.height, bitmap.stride
    buf = bytes(bitmap.buffer)
    with open(path, "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (w, h))
        if stride == w:
            f.write(buf[: w * h])
        else:
            for row in range(h):
                f.write(buf[row * stride : row * stride + w])
