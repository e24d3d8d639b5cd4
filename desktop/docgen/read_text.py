"""Reading the text of a superior's document from a .docx or a .txt file.

Word's automatic numbering is not part of a paragraph's text, so a heading numbered by Word
("I." from a list style) would arrive without its number; the marker is written back from
the list's number format so the plan reader sees the structure the reader of the page sees.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..domain.errors import UserError
from ..domain.numbering import roman
from ..domain.plan_import import ImportedPlan, parse_plan_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_source(path: Path) -> str:
    """The text of a .docx (one line per paragraph, tables included) or a .txt file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp {path}.")
    if suffix == ".doc":
        raise UserError(f"{path.name} là tệp Word cũ (.doc): hãy mở trong Word, chọn Lưu thành… định dạng .docx "
                        "rồi nhập lại.")
    if suffix == ".pdf":
        raise UserError(f"Chưa đọc được tệp PDF ({path.name}): hãy mở tệp, chép toàn bộ văn bản vào Notepad, lưu "
                        "thành .txt rồi nhập tệp .txt đó.")
    if suffix not in (".docx", ".txt"):
        raise UserError(f"Chỉ nhập được văn bản .docx hoặc .txt, không nhập được {path.name}.")
    try:
        data = path.read_bytes()
    except PermissionError:
        raise UserError(f"Không đọc được {path}: tệp đang bị khóa hoặc không có quyền đọc; hãy đóng tệp rồi thử lại.")
    except OSError as e:
        raise UserError(f"Không đọc được {path}: {e.strerror or e}.")
    return _docx_text(path, data) if suffix == ".docx" else _txt_text(path, data)


def import_plan_file(path: Path) -> ImportedPlan:
    """Reads and parses a superior's plan; .txt lines are hard-wrapped, .docx paragraphs are not."""
    path = Path(path)
    return parse_plan_text(read_source(path), hard_wrapped=path.suffix.lower() != ".docx")


def _txt_text(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258")  # Windows Vietnamese (Notepad "ANSI" on a Vietnamese PC)
    except UnicodeDecodeError:
        raise UserError(f"Không đọc được {path.name}: bảng mã không phải Unicode; hãy mở trong Notepad và "
                        "Lưu thành… với Encoding UTF-8.")


def _docx_text(path: Path, data: bytes) -> str:
    import io

    from docx import Document

    try:
        doc = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise UserError(f"Tệp {path.name} bị hỏng hoặc không phải tệp Word (.docx): {e}.")
    formats = _list_formats(doc)
    counters: dict[tuple[str, int], int] = {}
    lines: list[str] = []

    def paragraph(p) -> None:
        text = "".join(t.text or "" for t in p.iter(f"{_W}t"))
        num = _num_pr(p, doc)
        if num and text.strip():
            fmt = formats.get(num)
            counters[num] = counters.get(num, 0) + 1
            text = _marker(fmt, counters[num]) + text.strip()
        lines.append(text)

    for block in doc.element.body.iterchildren():
        if block.tag == f"{_W}p":
            paragraph(block)
        elif block.tag == f"{_W}tbl":
            for p in block.iter(f"{_W}p"):
                paragraph(p)
    return "\n".join(lines)


def _marker(fmt: str | None, n: int) -> str:
    if fmt == "upperRoman":
        return f"{roman(n)}. "
    if fmt == "decimal":
        return f"{n}. "
    if fmt == "lowerLetter":
        return f"{'abcdđeghiklmnopqrstuvxy'[(n - 1) % 23]}) "
    if fmt == "bullet":
        return "- "
    return ""


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


def _list_formats(doc) -> dict[tuple[str, int], str]:
    try:
        numbering = doc.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract = {}
    for a in numbering.iter(f"{_W}abstractNum"):
        levels = {}
        for lvl in a.iter(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            levels[int(lvl.get(f"{_W}ilvl"))] = fmt.get(f"{_W}val") if fmt is not None else "decimal"
        abstract[a.get(f"{_W}abstractNumId")] = levels
    out = {}
    for n in numbering.iter(f"{_W}num"):
        ref = n.find(f"{_W}abstractNumId")
        if ref is None:
            continue
        for ilvl, fmt in abstract.get(ref.get(f"{_W}val"), {}).items():
            out[(n.get(f"{_W}numId"), ilvl)] = fmt
    return out
