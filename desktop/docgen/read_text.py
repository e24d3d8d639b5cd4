"""Reading the text of a superior's document from a .docx, a .txt or a .pdf file (`read_pdf`).

Word's automatic numbering is not part of a paragraph's text, so a heading numbered by Word
("I." from a list style) would arrive without its number; the marker is written back from
the list's levels (format, text, start) so the plan reader sees the structure the reader of the
page sees, at every level of a multi-level list.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .. import safezip
from ..domain.errors import UserError
from ..domain.numbering import roman
from ..domain.plan_import import ImportedPlan, parse_plan_text
from ..domain.vnformat import number
from ..files import one_line
from .read_pdf import describe_signature, read_pdf

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_TEXT_BYTES = 20 * 2**20  # a .txt superior plan: a long plan is a few hundred KB
MAX_TEXT_CHARS = 20 * 2**20
MAX_LINES = 50_000  # non-empty lines of text
MAX_ITEMS = 5_000  # sections and tasks of one plan (a provincial plan has a few hundred)


# python-docx holds every part of the package in memory, pictures included: a superior's plan is a few
# MB; 150 MB in all (the bound before the shared limits) leaves room for scanned pages pasted as pictures
WORD_LIMITS = safezip.Limits(total=150 * safezip.MB)


def read_source(path: Path, tables_as_rows: bool = False) -> str:
    """The text of a .docx (one line per paragraph, tables included), a .pdf (`read_pdf`) or a .txt file.
    `tables_as_rows`: a .docx table's rows as lines of cells separated by ' | ' (an outline's table to fill,
    domain.outline_table), not a line per paragraph."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp {path}.")
    if suffix == ".doc":
        raise UserError(
            f"{path.name} là tệp Word cũ (.doc): hãy mở trong Word, chọn Lưu thành… định dạng .docx rồi nhập lại."
        )
    if suffix == ".pdf":
        return read_pdf(path).text
    if suffix not in (".docx", ".txt"):
        raise UserError(f"Chỉ nhập được văn bản .docx, .pdf hoặc .txt, không nhập được {one_line(path.name)}.")
    name = one_line(path.name)
    try:
        size = path.stat().st_size
        if suffix == ".txt" and size > MAX_TEXT_BYTES:
            raise _too_long(name, f"{size / 2**20:.0f} MB")
        if suffix == ".docx":  # the limits of every Office file, before python-docx inflates a part
            safezip.check(path, limits=WORD_LIMITS)
        data = path.read_bytes()
    except PermissionError:
        raise UserError(
            f"Không đọc được {one_line(path)}: tệp đang bị khóa hoặc không có quyền đọc; hãy đóng tệp rồi thử lại."
        ) from None
    except OSError as e:
        raise UserError(f"Không đọc được {one_line(path)}: {e.strerror or e}.") from None
    text = _docx_text(path, data, tables_as_rows) if suffix == ".docx" else _txt_text(path, data)
    _check_length(name, text)
    return text


def _check_length(name: str, text: str) -> None:
    lines = text.count("\n") + 1
    if len(text) > MAX_TEXT_CHARS or lines > MAX_LINES and sum(1 for ln in text.splitlines() if ln.strip()) > MAX_LINES:
        raise _too_long(one_line(name), f"{number(len(text))} ký tự, {number(lines)} dòng")


def _too_long(name: str, what: str) -> UserError:
    return UserError(
        f"Tệp {name} quá dài cho một kế hoạch ({what}; một kế hoạch dài cũng chỉ vài trăm nghìn ký tự): "
        "có thể chọn nhầm tệp. Không nhập gì; dữ liệu không thay đổi."
    )


def import_plan_file(path: Path) -> ImportedPlan:
    """Reads and parses a superior's plan; .txt lines (and an OCR's) are hard-wrapped, the paragraphs of a
    .docx or of a PDF's text layer are not. `source` and `signature` say what the text was read from."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf" and path.exists():
        pdf = read_pdf(path)
        _check_length(path.name, pdf.text)
        plan = parse_plan_text(pdf.text, hard_wrapped=pdf.source == "pdf-ocr")
        plan.source, plan.signature = pdf.source, pdf.signature
        plan.warnings[:0] = pdf.warnings + ([describe_signature(pdf.signature)] if pdf.signature else [])
    else:
        plan = parse_plan_text(read_source(path), hard_wrapped=suffix != ".docx")
        plan.source = "docx" if suffix == ".docx" else "txt"
    count, todo = 0, list(plan.items)
    while todo:  # every node of the section tree
        count += 1
        todo.extend(todo.pop().children)
    if count > MAX_ITEMS:
        raise UserError(
            f"Tệp {one_line(path.name)} có {number(count)} mục và nhiệm vụ, quá nhiều cho một kế hoạch "
            f"(giới hạn {number(MAX_ITEMS)}): có thể chọn nhầm tệp. Không nhập gì; dữ liệu không thay đổi."
        )
    return plan


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when the bytes look like UTF-16 saved without a BOM: Vietnamese and ASCII text
    has a NUL in most high bytes (every other byte), which UTF-8 and cp1258 text never has."""
    sample = data[:8192]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _txt_text(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    bare = utf16_without_bom(data)
    if bare:
        try:
            return data[: len(data) - len(data) % 2].decode(bare)
        except UnicodeDecodeError:
            raise UserError(
                f"Không đọc được {one_line(path.name)}: tệp có vẻ là Unicode UTF-16 nhưng bị hỏng; hãy mở "
                "trong Notepad và Lưu thành… với Encoding UTF-8."
            ) from None
    if b"\x00" in data[:8192]:
        raise UserError(
            f"Không đọc được {one_line(path.name)}: không phải tệp văn bản (có ký tự nhị phân); hãy mở "
            "trong Notepad và Lưu thành… với Encoding UTF-8."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258")  # Windows Vietnamese (Notepad "ANSI" on a Vietnamese PC)
    except UnicodeDecodeError:
        raise UserError(
            f"Không đọc được {path.name}: bảng mã không phải Unicode; hãy mở trong Notepad và "
            "Lưu thành… với Encoding UTF-8."
        ) from None


def _docx_text(path: Path, data: bytes, tables_as_rows: bool = False) -> str:
    import io

    from docx import Document
    from lxml import etree

    try:
        doc = Document(io.BytesIO(data))
    except etree.XMLSyntaxError as e:  # broken XML, or an entity loop lxml stopped
        raise UserError(
            f"Tệp {one_line(path.name)} có nội dung XML hỏng hoặc không an toàn, nên không đọc được "
            f"({one_line(e)[:80]}); hãy mở trong Word và Lưu thành… một tệp .docx mới."
        ) from None
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise UserError(f"Tệp {one_line(path.name)} bị hỏng hoặc không phải tệp Word (.docx): {one_line(e)}.") from None
    except Exception as e:  # noqa: BLE001 — python-docx raises many kinds on foreign content
        raise UserError(
            f"Tệp {one_line(path.name)} bị hỏng hoặc không phải tệp Word (.docx) ({type(e).__name__}); "
            "hãy mở trong Word và Lưu thành… một tệp .docx mới."
        ) from None
    lists = _Lists(doc)
    lines: list[str] = []

    def paragraph(p) -> None:
        text = "".join(t.text or "" for t in p.iter(f"{_W}t"))
        num = _num_pr(p, doc)
        if num and text.strip():
            text = lists.marker(*num) + text.strip()
        lines.append(text)

    for block in doc.element.body.iterchildren():
        if block.tag == f"{_W}p":
            paragraph(block)
        elif block.tag == f"{_W}tbl" and tables_as_rows:
            for tr in block.iter(f"{_W}tr"):
                cells = [
                    " ".join("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in tc.iter(f"{_W}p"))
                    for tc in tr.findall(f"{_W}tc")
                ]
                lines.append(" | ".join(c.replace("|", "/").strip() for c in cells))
        elif block.tag == f"{_W}tbl":
            for p in block.iter(f"{_W}p"):
                paragraph(p)
    return "\n".join(lines)


_DASHES = ("-", "–", "—", "\uf02d")  # the last: a dash in the Symbol font


def _formatted(fmt: str, n: int) -> str:
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt in ("lowerLetter", "upperLetter"):  # as Word shows them: a … z, then aa, bb (no "đ")
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s if fmt == "lowerLetter" else s.upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Lists:
    """Word's automatic numbering, counted the way Word counts it: one counter per level of a list
    (lists sharing an abstract definition continue each other unless a level is restarted), deeper
    levels restart when a shallower one advances, and each level is written with its own format and
    text ("%1.", "%2-", "%3)"). Bullets keep their character: "+" stays "+", and a bullet nested in
    a bulleted level is written "+" so that the plan reader sees the second level."""

    def __init__(self, doc) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstract id -> ilvl -> (fmt, text, start)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract id, start overrides)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            numbering = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for a in numbering.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in a.iter(f"{_W}lvl"):
                fmt, text, start = lvl.find(f"{_W}numFmt"), lvl.find(f"{_W}lvlText"), lvl.find(f"{_W}start")
                levels[int(lvl.get(f"{_W}ilvl"))] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "",
                    int(start.get(f"{_W}val")) if start is not None else 1,
                )
            self.levels[a.get(f"{_W}abstractNumId")] = levels
        for n in numbering.iter(f"{_W}num"):
            ref = n.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            overrides = {}
            for o in n.iter(f"{_W}lvlOverride"):
                so = o.find(f"{_W}startOverride")
                overrides[int(o.get(f"{_W}ilvl"))] = int(so.get(f"{_W}val")) if so is not None else 1
            self.nums[n.get(f"{_W}numId")] = (ref.get(f"{_W}val"), overrides)

    def marker(self, num_id: str, ilvl: int) -> str:
        if num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        key = f"num{num_id}" if overrides else abstract
        counters = self.counters.setdefault(key, {})
        fmt, text, start = levels[ilvl]
        start = overrides.get(ilvl, start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [d for d in counters if d > ilvl]:
            del counters[deeper]
        if fmt == "none":
            return ""
        if fmt == "bullet":
            char = text.strip()[:1]
            if char == "+":
                return "+ "
            nested = any(f == "bullet" for lv, (f, _, _) in levels.items() if lv < ilvl)
            return "+ " if nested else "- "
        own = f"%{ilvl + 1}"
        if text.count("%") > 1 and own in text:
            text = text[text.index(own) :]  # "%1.%2." -> "%2.": the plan reader reads one number per level
        if not text:
            text = own + "."
        for lv in range(9):
            if f"%{lv + 1}" in text:
                lf = levels.get(lv, ("decimal", "", 1))[0]
                text = text.replace(f"%{lv + 1}", _formatted(lf, counters.get(lv, levels.get(lv, ("", "", 1))[2])))
        return text.strip() + " "


def _num_pr(p, doc) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph's list, from the paragraph or its style."""
    ppr = p.find(f"{_W}pPr")
    num = ppr.find(f"{_W}numPr") if ppr is not None else None
    if num is None and ppr is not None:
        style = ppr.find(f"{_W}pStyle")
        if style is not None:
            sid = style.get(f"{_W}val")
            st = doc.styles.element.find(f"{_W}style[@{_W}styleId='{sid}']")
            spr = st.find(f"{_W}pPr") if st is not None else None
            num = spr.find(f"{_W}numPr") if spr is not None else None
    if num is None:
        return None
    nid = num.find(f"{_W}numId")
    lvl = num.find(f"{_W}ilvl")
    if nid is None or nid.get(f"{_W}val") == "0":
        return None
    return nid.get(f"{_W}val"), int(lvl.get(f"{_W}val")) if lvl is not None else 0
