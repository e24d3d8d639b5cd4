"""Reading a superior's plan, pasted or extracted as plain text, into a plan item tree.

The text is what clerks have at hand: a .docx turned into lines, a copy from a PDF, or an OCR
of a scan. Lines are hard-wrapped, page numbers are interleaved, section numbers may be out of
order and diacritics may be lost. The reader keeps the structure (I., 1., a), -, +), drops the
numbers (the app renumbers) and everything after the closing sentence, and reports what it
could not trust instead of guessing silently.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from .models import LegalRef, PartialDate, PlanItem
from .numbering import roman
from .text import clean, fold

_ROMAN_VALUES = {roman(n): n for n in range(1, 40)}
# OCR reads "II" as "I1", "Il" or "11" now and then; only at the very start of a heading line.
_ROMAN = re.compile(r"^(?P<num>[IVX]{1,6}|I[1l]|[1l]I)\s*\.\s*(?P<text>\S.*)$")
_ARABIC = re.compile(r"^(?P<num>\d{1,2})\s*[.)/]\s+(?P<text>\S.*)$")
_LETTER = re.compile(r"^(?P<num>[a-zđ])\s*\)\s*(?P<text>\S.*)$")
_BULLET = re.compile(r"^(?:[~o]\s+)?[-–—•·∙]\s*(?P<text>\S.*)$")
_PLUS = re.compile(r"^\+\s*(?P<text>\S.*)$")
_OCR_BULLET = re.compile(r"^o\s+(?P<text>[A-ZĐÀ-Ỹ].*)$")  # a dash read as "o"
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")

# Paragraph openers (on folded text); OCR variants of "Căn cứ" included.
_BASIS = re.compile(r"^c\w{1,2}n\s+\w{1,2}[ru]\b")
_OPENERS = re.compile(r"^(thuc hien|de |nham |tren day)")
_CLOSING = re.compile(r"^tren day\b")
_RECIPIENTS = re.compile(r"^n\w{1,2}i\s+nh\w{1,2}n\s*:")
_TITLE = re.compile(r"^k\w{1,2}\s+ho\w{1,3}ch$")
_NUMBER = re.compile(r"\bS[ốoô6]\s*:\s*(?P<num>\d*)\s*/\s*(?P<sym>[0-9A-Za-zĐđ]+(?:[-–][0-9A-Za-zĐđ]+)*)")
_PLACE_DATE = re.compile(
    r"(?P<place>[^,\d]{2,40}?),\s*ng\S{1,3}y\s*(?P<d>\d{0,2})\s*th\S{1,3}ng\s*(?P<m>\d{0,2})\s*n\S{1,3}m\s*(?P<y>\d{4})")
_MOTTO = re.compile(r"\s*(CỘNG\s+HÒA|CỘNG\s+HOÀ|CONG\s+HOA).*$", re.IGNORECASE)
_MOTTO2 = re.compile(r"\s*(\S+\s+\S+\s*)?-\s*T\S{0,2}\s+d\S{0,2}\s*-\s*H\S{0,3}nh\s+ph\S{0,3}c.*$", re.IGNORECASE)
_DEADLINE = re.compile(r"\btr\w{1,3}c\W{0,2}\s*ng\w{1,3}y\s+(?P<date>\d{1,2}/\d{1,2}(?:/\d{4})?)\b")
_LEAD_VERB = re.compile(r"\s(xây dựng|ban hành)\s+[Kk]ế hoạch")
_UNIT_START = re.compile(r"(?<=\s)(Sở|Bộ|Bệnh viện|Trung tâm|Ủy ban|UBND|Phòng|Viện|Trạm|Cục|Vụ|Ban|Đảng ủy|Chi bộ|"
                         r"Công đoàn|Đoàn|Hội|Chi cục|Văn phòng)\s")
_END_PUNCT = tuple(".;:!?…”\")")

# Syllables that Vietnamese never writes without a mark, common in plans: when an all-ASCII
# line is made of them, its diacritics were lost.
_NEVER_BARE = frozenset(
    "cua ve va duoc muc dich yeu cau noi thuc hien chuc thoi phi nhiem vu ke hoach viec nghi quyet "
    "truyen tuyen phat trien doi moi tao nghe nganh bao cao dong de nhu tren so".split())


@dataclass
class ImportedPlan:
    items: list[PlanItem] = field(default_factory=list)
    doc_type: str = "Kế hoạch"
    title: str = ""
    number: str = ""  # number and symbol as printed: "357/KH-SYT", "/KH-BVPBT" when blank
    place: str = ""
    doc_date: PartialDate | None = None
    issuer_lines: list[str] = field(default_factory=list)  # header left column, top to bottom
    issuer: str = ""  # the issuing body in running-text case: "Sở Y tế tỉnh Lâm Đồng"
    basis: list[str] = field(default_factory=list)  # "Căn cứ …" paragraphs
    intro: list[str] = field(default_factory=list)  # other paragraphs before section I
    closing: list[str] = field(default_factory=list)  # "Trên đây là …./." and what ends with "./."
    deadline: str = ""  # report deadline as written: "10/12", "15/12/2025"
    flagged: list[tuple[int, str]] = field(default_factory=list)  # (line number, text) without diacritics
    warnings: list[str] = field(default_factory=list)

    def superior_ref(self) -> LegalRef | None:
        """The imported document as a reference the new plan implements (None if unnumbered)."""
        m = re.match(r"^(\d+)/", self.number)
        if not m:
            return None
        issued = self.doc_date.as_date() if self.doc_date else None
        summary = f"về việc {self.title[0].lower()}{self.title[1:]}" if self.title else ""
        return LegalRef(self.doc_type, self.number, issued, self.issuer, summary)

    def deadline_date(self, year: int) -> date | None:
        parts = [int(x) for x in self.deadline.split("/")] if self.deadline else []
        try:
            if len(parts) == 2:
                return date(year, parts[1], parts[0])
            if len(parts) == 3:
                return date(parts[2], parts[1], parts[0])
        except ValueError:
            return None
        return None


# ------------------------------------------------------------------ diacritics

def _has_mark(word: str) -> bool:
    return any(ord(c) > 127 for c in word)


def lost_diacritics(text: str) -> bool:
    """True when a Vietnamese text reads as if its diacritics were stripped (OCR, old fonts).

    Codes (57-NQ/TW), numbers and abbreviations (KHTH, BCĐTW) are not counted. A proper
    Vietnamese sentence has marks on well over half of its syllables; an OCR line that lost
    them keeps a few wrong ones at most."""
    t = unicodedata.normalize("NFC", text or "")
    all_caps = t.upper() == t
    words = []
    for raw in re.findall(r"[^\W\d_]+(?:[-/][^\W\d_]+)*|\S*\d\S*", t):
        if any(ch.isdigit() for ch in raw) or "/" in raw or "-" in raw:
            continue
        if not all_caps and len(raw) > 1 and raw.isupper():
            continue  # abbreviation in running text
        words.append(raw.lower())
    if len(words) < 2:
        return False
    marked = sum(_has_mark(w) for w in words)
    if len(words) <= 5:
        bare = [w for w in words if not _has_mark(w)]
        return marked == 0 and sum(w in _NEVER_BARE for w in bare) * 2 >= len(bare)
    return marked / len(words) < 0.5


# ------------------------------------------------------------------ lines and paragraphs

@dataclass
class _Para:
    kind: str  # roman | arabic | letter | bullet | plus | text
    num: str
    lines: list[str]
    line_no: int

    @property
    def text(self) -> str:
        out = ""
        for ln in self.lines:
            if not out:
                out = ln
            elif out.endswith("-") and not out.endswith(" -") and ln[:1].islower():
                out = out + ln  # a word split at the line end
            else:
                out = f"{out} {ln}"
        return clean(out)


def _marker(line: str) -> tuple[str, str, str] | None:
    for kind, rx in (("roman", _ROMAN), ("arabic", _ARABIC), ("letter", _LETTER), ("plus", _PLUS),
                     ("bullet", _BULLET), ("bullet", _OCR_BULLET)):
        m = rx.match(line)
        if not m:
            continue
        text = m["text"].strip()
        if kind == "roman":
            letters = [c for c in text if c.isalpha()]
            if not letters or sum(c.isupper() for c in letters) < 0.7 * len(letters):
                continue  # "V. Tổ chức" written in sentence case is still a heading
        return kind, (m.groupdict().get("num") or ""), text
    return None


def _continues(para: _Para, line: str, indented: bool, full: float, indents_mean: bool) -> bool:
    prev = para.lines[-1]
    ends = prev.endswith(_END_PUNCT)
    if not ends and line[:1].islower():
        return True  # a sentence cut mid-way
    if _BASIS.match(fold(para.lines[0])) and prev.endswith((";", ".")):
        return False  # each "Căn cứ …;" is a paragraph of its own
    if len(prev) >= full:
        return not (indents_mean and indented and ends and line[:1].isupper())
    return para.kind in ("bullet", "plus") and not ends


def _paragraphs(lines: list[tuple[int, str, bool]], hard_wrapped: bool = True) -> list[_Para]:
    """Joins hard-wrapped lines. A line continues the paragraph above unless it carries a
    marker or an opener; a full-width line above means a wrap, and a first-line indent
    (when the text keeps indents at all) after a sentence end means a new paragraph."""
    lengths = sorted(len(s) for _, s, _ in lines)
    typical = lengths[int(len(lengths) * 0.9)] if lengths else 80
    full = 0.75 * typical
    indents_mean = sum(ind for _, _, ind in lines) < 0.5 * len(lines)
    paras: list[_Para] = []
    for no, line, indented in lines:
        mk = _marker(line)
        f = fold(line)
        if mk:
            kind, num, text = mk
            paras.append(_Para(kind, num, [text], no))
            continue
        starts = bool(_BASIS.match(f) or _OPENERS.match(f) or _RECIPIENTS.match(f) or _TITLE.match(f))
        if paras and not starts and hard_wrapped and _continues(paras[-1], line, indented, full, indents_mean):
            paras[-1].lines.append(line)
            continue
        paras.append(_Para("text", "", [line], no))
    return paras


# ------------------------------------------------------------------ header

def _running_case(upper: str, body: str) -> str:
    """'BỆNH VIỆN PHỔI BÌNH THUẬN' -> 'Bệnh viện Phổi Bình Thuận' as the body writes it."""
    u = clean(upper)
    if not u:
        return ""
    m = re.search(re.escape(u), body, re.IGNORECASE)
    if m and m.group(0) != m.group(0).upper():
        return m.group(0)
    return u[0] + u[1:].lower()


def _read_header(head: list[str], body: str, out: ImportedPlan) -> None:
    left: list[str] = []
    for line in head:
        if m := _NUMBER.search(line):
            out.number = (m["num"] + "/" + m["sym"]).replace("–", "-")
        if m := _PLACE_DATE.search(line):
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
            continue
        if _NUMBER.search(line):
            continue
        col = re.split(r"\s{3,}", line.strip())[0]
        col = _MOTTO2.sub("", _MOTTO.sub("", col)).strip()
        if col and not _MOTTO.match(line.strip()) and col.upper() == col and any(c.isalpha() for c in col):
            left.append(clean(col))
    out.issuer_lines = left
    if left:
        name = _running_case(left[-1], body)
        generic = fold(left[-1]).startswith(("so ", "soy ")) and len(left[-1].split()) <= 3
        if generic and len(left) > 1:
            parent = re.sub(r"^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+", "", left[0], flags=re.IGNORECASE)
            place = _running_case(parent, body)
            name = f"{name} {place[0].lower()}{place[1:]}" if place else name
        out.issuer = name


# ------------------------------------------------------------------ tree

def _roman_value(num: str) -> int | None:
    num = num.replace("1", "I").replace("l", "I")
    return _ROMAN_VALUES.get(num)


def parse_plan_text(text: str, *, hard_wrapped: bool = True) -> ImportedPlan:
    """The plan in `text`; `hard_wrapped` is False when every line is a whole paragraph (.docx)."""
    out = ImportedPlan()
    raw = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [(i + 1, clean(ln), ln[:1].isspace()) for i, ln in enumerate(raw)]
    lines = [(no, ln, ind) for no, ln, ind in lines if ln and not _PAGE_NUMBER.match(ln)]

    # The title word "KẾ HOẠCH" on a line of its own splits the header from the body.
    title_at = next((k for k, (_, ln, _) in enumerate(lines) if _TITLE.match(fold(ln))), None)
    head = [ln for _, ln, _ in lines[:title_at]] if title_at is not None else []
    rest = lines[title_at + 1:] if title_at is not None else lines
    paras = _paragraphs(rest, hard_wrapped)
    body_text = " ".join(p.text for p in paras)
    if head:
        _read_header(head, body_text, out)

    # Title: text paragraphs before the first basis / opener / section.
    k = 0
    title: list[str] = []
    while title_at is not None and k < len(paras) and paras[k].kind == "text":
        f = fold(paras[k].text)
        if _BASIS.match(f) or _OPENERS.match(f):
            break
        title.append(paras[k].text)
        k += 1
    title_text = clean(" ".join(title))
    # A title line as wide as the body may have swallowed the lead sentence after it.
    if verb := _LEAD_VERB.search(title_text):
        starts = [m.start() for m in _UNIT_START.finditer(title_text, 0, verb.start())
                  if verb.start() - m.start() <= 80 and not re.search("[;:]", title_text[m.start():verb.start()])]
        if starts:
            paras.insert(k, _Para("text", "", [title_text[starts[-1]:]], paras[k - 1].line_no))
            title_text = title_text[:starts[-1]]
    out.title = title_text.strip().rstrip(".")
    top = "roman" if any(p.kind == "roman" for p in paras) else "arabic"
    while k < len(paras) and paras[k].kind not in (top, "roman"):
        p = paras[k]
        (out.basis if _BASIS.match(fold(p.text)) else out.intro).append(p.text)
        k += 1

    stack: list[tuple[int, PlanItem]] = []  # (level, section) open sections
    last_bullet: PlanItem | None = None
    expected_roman = 1
    position = 0
    for p in paras[k:]:
        f = fold(p.text)
        if _RECIPIENTS.match(f):
            break
        if _CLOSING.match(f):
            out.closing.append(p.text)
            break
        if m := _DEADLINE.search(f):
            out.deadline = out.deadline or m["date"]
        if lost_diacritics(p.text):
            out.flagged.append((p.line_no, p.text))
        if p.kind in ("roman", "arabic", "letter"):
            level = {"roman": 0, "arabic": 1, "letter": 2}[p.kind]
            if p.kind == "roman":
                position += 1
                value = _roman_value(p.num)
                if value is not None and value != expected_roman:
                    out.warnings.append(
                        f"Dòng {p.line_no}: mục “{p.num}. {p.text[:40]}” lẽ ra là mục {roman(position)} "
                        "(văn bản gốc đánh số sai); ứng dụng đã tự đánh số lại.")
                expected_roman = max(expected_roman, value or 0) + 1
            item = PlanItem("section", p.text)
            while stack and stack[-1][0] >= level:
                stack.pop()
            (stack[-1][1].children if stack else out.items).append(item)
            stack.append((level, item))
            last_bullet = None
            continue
        if p.kind == "plus" and last_bullet is not None:
            last_bullet.children.append(PlanItem("bullet", p.text))
            continue
        if p.text.endswith("./."):
            out.closing.append(p.text)  # the superior's own closing: the new plan writes its own
            break
        item = PlanItem("bullet" if p.kind in ("bullet", "plus") else "text", p.text)
        (stack[-1][1].children if stack else out.items).append(item)
        last_bullet = item if item.kind == "bullet" else None
    if out.flagged:
        out.warnings.append(f"{len(out.flagged)} đoạn có vẻ bị mất dấu tiếng Việt (văn bản quét hoặc phông cũ): "
                            "hãy đối chiếu bản gốc và sửa lại.")
    return out
