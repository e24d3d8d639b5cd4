"""The facts around a plan's body: its header (issuer, number, place and date), the issuer read from the
body when the header is missing, the signer, and whether the text is a plan at all."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from .issuers import has_place, header_columns, place_of, read_issuers
from .issuers import starts_body as starts_body
from .models import PartialDate
from .text import clean, fold

if TYPE_CHECKING:  # pragma: no cover
    from .plan_import import ImportedPlan

# "Số: 357/KH-SYT", "Số 05-KH/ĐU", "Số: /KH-SYT" (blank number), "Số: 4396/BYT-KH-TC", "Số: 476/UBND"
NUMBER = re.compile(r"\bS[ốoô6]\s*:?\s*(?P<num>\d*)(?P<sym>(?:\s?[-–/]\s?[0-9A-Za-zĐđ&]+)+)(?=[\s,.;|]|$)")
PLACE_DATE = re.compile(
    r"(?P<place>[^,\d]{2,40}?),\s*ng\S{1,3}y\s*(?P<d>\d{0,2})\s*th\S{1,3}ng\s*(?P<m>\d{0,2})\s*n\S{1,3}m\s*(?P<y>\d{4})"
)
_MOTTO = re.compile(r"\s*(CỘNG\s+HÒA|CỘNG\s+HOÀ|CONG\s+HOA).*$", re.IGNORECASE)
_MOTTO2 = re.compile(r"\s*(\S+\s+\S+\s*)?-\s*T\S{0,2}\s+d\S{0,2}\s*-\s*H\S{0,3}nh\s+ph\S{0,3}c.*$", re.IGNORECASE)
# The subject of the lead sentence: "Bộ Y tế xây dựng Kế hoạch …", "Sở Y tế ban hành Kế hoạch …".
LEAD_VERB = re.compile(r"(?:^|\s)(xây dựng|ban hành|xay dung|ban hanh)\s+[Kk]\S{1,2}\s+ho\S{1,3}ch")
UNIT_START = re.compile(
    r"(?:(?<=\s)|^)(Sở|Bộ|Bệnh viện|Trung tâm|Ủy ban|UBND|Phòng|Viện|Trạm|Cục|Vụ|Ban|Đảng ủy|"
    r"Chi bộ|"
    r"Công đoàn|Đoàn|Hội|Chi cục|Văn phòng|So|Bo|Benh vien)\s"
)
_PLACE = re.compile(r"\b(tỉnh|thành phố)\s+((?:[A-ZĐÀ-Ỹ][^\s,;.:]*)(?:\s+[A-ZĐÀ-Ỹ][^\s,;.:]*)*)")
_SIGNER = re.compile(
    r"^(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?(?:BỘ TRƯỞNG|THỨ TRƯỞNG|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|CHỦ TỊCH|"
    r"PHÓ CHỦ TỊCH|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|GIAM DOC|GIAM POC)\b"
)
# Kinds of document whose title word may stand where a plan has "KẾ HOẠCH" (folded).
DOC_TYPES = (
    "nghi dinh",
    "quyet dinh",
    "thong tu",
    "nghi quyet",
    "chi thi",
    "thong bao",
    "bao cao",
    "to trinh",
    "cong van",
    "phieu",
    "mau",
    "bieu mau",
    "giay",
    "don",
    "hop dong",
    "bien ban",
    "ke hoach",
)


def running_case(upper: str, body: str) -> str:
    """'BỆNH VIỆN PHỔI BÌNH THUẬN' -> 'Bệnh viện Phổi Bình Thuận' as the body writes it."""
    u = clean(upper)
    if not u:
        return ""
    m = re.search(re.escape(u), body, re.IGNORECASE)
    if m and m.group(0) != m.group(0).upper():
        return m.group(0)
    return u[0] + u[1:].lower()


def read_header(head: list[str], body: str, out: ImportedPlan) -> None:
    """Number, place and date, and the issuer with its parent body from the header's lines (see issuers)."""
    for line in head:
        if not out.number and (m := NUMBER.search(line)):
            out.number = (m["num"] + m["sym"]).replace("–", "-").replace(" ", "")
        if out.doc_date is None and (m := PLACE_DATE.search(line)):
            place = m["place"]
            place = re.sub(r"^.*/\S*\s+", "", place)  # what follows the number on the same line
            out.place = clean(re.split(r"\s{3,}", place.strip())[-1])
            d, mo = (int(m["d"]) if m["d"] else None), (int(m["m"]) if m["m"] else None)
            try:
                out.doc_date = PartialDate(int(m["y"]), mo, d)
                if d and mo:
                    date(int(m["y"]), mo, d)
            except ValueError:
                out.doc_date = PartialDate(int(m["y"]))
    left = header_columns([ln for ln in head if not PLACE_DATE.search(ln)])
    start = next((k for k, ln in enumerate(left) if starts_body(ln)), None)
    left = left[start:] if start is not None else []
    out.issuer_lines = left
    if not left:
        return
    name, parent = read_issuers(left)
    generic = fold(name).startswith(("so ", "soy ")) and len(name.split()) <= 3
    if generic and parent:
        name = f"{name} {place_of(parent) or parent.split(' ', 3)[-1]}"
    if not has_place(name) and fold(name).startswith(("uy ban nhan dan", "hoi dong nhan dan")):
        name = f"{name} {place_of(parent)}".strip() if place_of(parent) else name
    out.issuer, out.parent = name, parent


def lead_subject(text: str) -> tuple[int, str] | None:
    """(start, subject) of the lead sentence in a paragraph: 'Bộ Y tế' of 'Bộ Y tế xây dựng Kế hoạch …'."""
    verb = LEAD_VERB.search(text)
    if not verb:
        return None
    starts = [
        m.start()
        for m in UNIT_START.finditer(text, 0, verb.start())
        if verb.start() - m.start() <= 80 and not re.search('[;:“”"]', text[m.start() : verb.start()])
    ]
    if not starts:
        return None
    return starts[-1], clean(text[starts[-1] : verb.start()])


def place_in(text: str) -> str:
    """The first 'tỉnh X' / 'thành phố X' named in a text, in running case ('' if none)."""
    m = _PLACE.search(text or "")
    return f"{m[1]} {m[2]}" if m else ""


def with_place(issuer: str, *texts: str) -> str:
    """'Sở Y tế' + 'ngành Y tế thành phố Hải Phòng' -> 'Sở Y tế thành phố Hải Phòng' (a Sở is named by its place)."""
    if not issuer or not fold(issuer).startswith("so ") or place_in(issuer):
        return issuer
    for t in texts:
        if p := place_in(t):
            return f"{issuer} {p}"
    return issuer


def signer_lines(lines: list[str]) -> list[str]:
    """The signer's authority lines ('KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG') among the lines after the body."""
    out = []
    for ln in lines:
        for part in re.split(r"\s{3,}|\|", ln):
            part = clean(part)
            if _SIGNER.match(part):
                out.append(part)
    return out


def doc_type_line(lines: list[str]) -> str:
    """The title word of the document (first uppercase line naming a kind of document), '' if none."""
    for ln in lines[:40]:
        t = clean(ln)
        f = fold(t)
        if t and t == t.upper() and any(c.isalpha() for c in t) and len(t) <= 40:
            if any(f == k or f.startswith(k + " ") for k in DOC_TYPES):
                return t
    return ""


_ARTICLE = re.compile(r"^Đi\S{1,2}u\s+\d+\s*\.", re.IGNORECASE)
_CHAPTER = re.compile(r"^Ch\S{1,3}ng\s+[IVXLC]+\b", re.IGNORECASE)
_FILL = re.compile(r"(\.{5,}|…{2,}|_{5,})")


def not_a_plan(lines: list[str], has_title: bool, romans: int) -> list[str]:
    """What makes the text not a plan, in the user's words (empty: it reads as a plan)."""
    found: list[str] = []
    if not has_title:
        other = doc_type_line(lines)
        found.append("không có tiêu đề KẾ HOẠCH" + (f" (văn bản có tiêu đề “{other}”)" if other else ""))
    if romans < 2:
        found.append("không có mục đánh số La Mã (I., II., …)")
    articles = sum(bool(_ARTICLE.match(ln)) for ln in lines)
    chapters = sum(bool(_CHAPTER.match(ln)) for ln in lines)
    if articles >= 3:
        found.append(
            f"có {articles} điều (Điều 1., Điều 2., …)"
            + (f" và {chapters} chương" if chapters else "")
            + " như một văn bản quy phạm pháp luật"
        )
    blanks = sum(bool(_FILL.search(ln)) for ln in lines)
    if blanks >= 3:
        found.append(f"có {blanks} dòng chừa chỗ trống để điền (……) như một biểu mẫu")
    return found
