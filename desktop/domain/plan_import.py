"""Reading a superior's plan, pasted or extracted as plain text, into a plan item tree.

The text is what clerks have at hand: a .docx turned into lines, a copy from a PDF, or an OCR
of a scan. Lines are hard-wrapped, page numbers are interleaved, section numbers may be out of
order and diacritics may be lost. The reader keeps the structure (I., 1., 1-, a), -, +), drops the
numbers (the app renumbers) and everything after the closing sentence, and reports what it
could not trust instead of guessing silently. What the plan means for the unit that implements it
(superior document, basis, tasks, repairs) is read from the result by cascade.propose_plan.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from .issuers import named_in_body, repair_copy
from .models import LegalRef, PartialDate, PlanItem
from .numbering import roman
from .numbering import roman_value as read_roman
from .plan_header import lead_subject, not_a_plan, read_header, signer_lines, with_place
from .plan_kinds import (
    complete_issuer,
    decision_title,
    looks_like,
    read_decision,
    split_cover,
    split_title,
    untitled_decision,
    untitled_plan,
)
from .text import clean, fold
from .vnformat import parse_date

# OCR reads "I" as "1" or "l" now and then ("I1.", "I11.", "IIl.", "1V.", "l."): accepted at the very
# start of an uppercase heading line when the letters still make a Roman numeral.
_ROMAN = re.compile(r"^(?P<num>[IVXl1]{1,6})\s*(?P<style>[./])\s*(?P<text>\S.*)$")  # "I." and "I/"
# "1.", "1)", "1/" and "1-" (the last one not before a symbol: "02-KH/BCĐTW" at a line start is a wrap)
_ARABIC = re.compile(r"^(?P<num>\d{1,2})\s*(?P<style>[.)/]|-(?=\s))\s+(?P<text>(?![A-ZĐ]{2,}[/-])\S.*)$")
_LETTER = re.compile(r"^(?P<num>[a-zđ])\s*(?P<style>\))\s*(?P<text>\S.*)$")
# "Phần thứ nhất", "PHẦN THỨ HAI: …", "PHẦN I", "Phần 2." (a part above the Roman sections; its title may follow
# on the next line)
_PART = re.compile(
    r"^(?P<num>ph\S{1,2}n\s+(?:th\S{1,2}\s+[^\s:.\-–]+|[IVX]{1,4}|\d{1,2}))(?![^\s:.\-–])\s*[:.\-–]?\s*(?P<text>.*)$",
    re.I,
)
_ORDINALS = ("nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi")
_BULLET = re.compile(r"^(?:[~o]\s+)?[-–—•·∙]\s*(?P<text>\S.*)$")
_PLUS = re.compile(r"^\+\s*(?P<text>\S.*)$")
_OCR_BULLET = re.compile(r"^o\s+(?P<text>[A-ZĐÀ-Ỹ].*)$")  # a dash read as "o"
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_CUT_BEFORE_NUMBER = re.compile(r"(?:^|\s)(?:s[ốôo6]|ng[àa]y)\s*:?$", re.IGNORECASE)

# Paragraph openers (on folded text, the line starting with a capital); OCR variants of "Căn cứ" included.
_BASIS = re.compile(r"^c\w{1,2}n\s+\w{1,2}[ru]\b")
_OPENERS = re.compile(r"^(thuc hien|de |nham |tren day)")
_CLOSING = re.compile(r"^tren day\b")
_RECIPIENTS = re.compile(r"^n\w{1,2}i\s+nh\S{1,2}n\s*:")
_TITLE = re.compile(r"^k\w{1,2}\s+ho\w{1,3}ch(?:\s+h\w{1,2}nh\s+\w{1,3}ng)?$")
_DEADLINE = re.compile(
    r"\btr\w{1,3}c\W{0,2}\s*ng\w{1,3}y\s+(?P<date>\d{1,2}/\d{1,2}(?:/\d{4}|/\d{2})?)\b"
    r"(?P<yearly>\s*h\w{1,2}ng\s+n\w{1,2}m)?"
)
_END_PUNCT = tuple('.;:!?…”")')

# Syllables that Vietnamese never writes without a mark, common in plans: when an all-ASCII
# line is made of them, its diacritics were lost.
_NEVER_BARE = frozenset(
    "cua ve va duoc muc dich yeu cau noi thuc hien chuc thoi phi nhiem vu ke hoach viec nghi quyet "
    "truyen tuyen phat trien doi moi tao nghe nganh bao cao dong de nhu tren so".split()
)


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
    parent: str = ""  # the body over the issuer in the header: "Bộ Y tế" over "Cục …", or ""
    kind: str = "ke_hoach"  # ke_hoach | quyet_dinh_ban_hanh_ke_hoach | cong_van | other
    basis: list[str] = field(default_factory=list)  # "Căn cứ …" paragraphs
    intro: list[str] = field(default_factory=list)  # other paragraphs before section I
    closing: list[str] = field(default_factory=list)  # "Trên đây là …./." and what ends with "./."
    deadline: str = ""  # report deadline as written: "10/12", "15/12/2025"
    flagged: list[tuple[int, str]] = field(default_factory=list)  # (line number, text) without diacritics
    warnings: list[str] = field(default_factory=list)
    # Added for the cascade (cascade.propose_plan); all optional.
    issuer_from: str = ""  # where `issuer` was read: "header", "body" (the lead sentence) or ""
    opening: list[str] = field(default_factory=list)  # `intro` without the lead sentence
    lead_sentence: str = ""  # "Bộ Y tế xây dựng Kế hoạch … như sau:" as written
    lead_subject: str = ""  # its subject: "Bộ Y tế"
    deadline_yearly: bool = False  # "trước ngày 05/12 hàng năm"
    deadline_sentence: str = ""  # the paragraph that sets the deadline
    signer: list[str] = field(default_factory=list)  # authority lines: "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"
    is_plan: bool = True
    found: list[str] = field(default_factory=list)  # why the text does not read as a plan
    has_title: bool = True  # a "KẾ HOẠCH" line was found
    source: str = "txt"  # what the text was read from: "txt", "docx", "pdf", "pdf-ocr" (set by the reader)
    signature: dict[str, str] | None = None  # a PDF's digital signature: signer, organisation, email, time, how
    # A công văn that forwards the plan: its number, date, issuer, "V/v" (as `cover`), its own requests, in order
    cover: dict[str, str] | None = None
    cover_requests: list[str] = field(default_factory=list)
    cover_deadline: str = ""  # the deadline the công văn sets (as written), which replaces the plan's

    def superior_ref(self) -> LegalRef | None:
        """The imported document as a reference the new plan implements (None if unnumbered)."""
        m = re.match(r"^(\d+)[/-]", self.number)  # "357/KH-SYT", a party body's "05-KH/ĐU"
        if not m:
            return None
        issued = self.doc_date.as_date() if self.doc_date else None
        summary = f"về việc {self.title[0].lower()}{self.title[1:]}" if self.title else ""
        return LegalRef(self.doc_type, self.number, issued, self.issuer, summary)

    def deadline_date(self, year: int) -> date | None:
        """The deadline as a date, read as every date is (`vnformat.parse_date`); "10/12" falls in `year`."""
        if not self.deadline:
            return None
        written = self.deadline if self.deadline.count("/") == 2 else f"{self.deadline}/{year}"
        try:
            return parse_date(written)
        except ValueError:
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
    kind: str  # part | roman | arabic | letter | bullet | plus | text
    num: str
    lines: list[str]
    line_no: int
    style: str = ""  # the marker's punctuation: "." "/" "-" ")"

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


def roman_value(num: str) -> int | None:
    """'III' -> 3; OCR forms 'I11', 'IIl', '1V', 'l' too; pure digits ('11') are not Roman."""
    if num.isdigit() or not (re.search("[IVX]", num) or num == "l"):
        return None
    value = read_roman(num.replace("1", "I").replace("l", "I"))
    return value if value is not None and value < 40 else None


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def _sentence_heading(num: str, text: str) -> bool:
    """'I. Công tác chỉ đạo': a Roman heading in sentence case (true Roman letters, a capital, heading-long, not a
    sentence going on: 17's 'I. Giám sát chặt chẽ, phát hiện sớm,' is a mistyped '1.')."""
    return (
        bool(re.fullmatch("[IVX]+", num)) and text[:1].isupper() and len(text) <= 120 and not text.endswith((",", ";"))
    )


def _part(line: str) -> tuple[str, str, str, str] | None:
    m = _PART.match(line)
    if not m:
        return None
    word = fold(m["num"]).split()[-1]
    if not (word in _ORDINALS or word.isdigit() or re.fullmatch("[ivx]+", word)):
        return None
    text = m["text"].strip()
    if text and not (text[:1].isupper() or text[:1].isdigit()):
        return None  # "phần thứ hai của …" in running text
    return "part", m["num"], text, ""


def _marker(line: str) -> tuple[str, str, str, str] | None:
    if found := _part(line):
        return found
    for kind, rx in (
        ("roman", _ROMAN),
        ("arabic", _ARABIC),
        ("letter", _LETTER),
        ("plus", _PLUS),
        ("bullet", _BULLET),
        ("bullet", _OCR_BULLET),
    ):
        m = rx.match(line)
        if not m:
            continue
        text = m["text"].strip()
        if kind == "roman" and (
            roman_value(m["num"]) is None or not (_caps(text) or _sentence_heading(m["num"], text))
        ):
            continue
        return kind, (m.groupdict().get("num") or ""), text, (m.groupdict().get("style") or "")
    return None


def _continues(para: _Para, line: str, indented: bool, full: float, indents_mean: bool) -> bool:
    prev = para.lines[-1]
    if para.kind == "part" and not prev:
        return True  # "PHẦN THỨ NHẤT" alone: its title is the next line
    ends = prev.endswith(_END_PUNCT)
    if not ends and line[:1].islower():
        return True  # a sentence cut mid-way
    if line[:1].isdigit() and _CUT_BEFORE_NUMBER.search(prev):
        return True  # "Căn cứ Quyết định số" / "ngày" and the number or date on the next line
    if para.kind in ("roman", "part") and not ends and _caps(line) and line == line.upper():
        return True  # a heading over two lines
    if _BASIS.match(fold(para.lines[0])) and prev.endswith((";", ".")):
        return False  # each "Căn cứ …;" is a paragraph of its own
    if len(prev) >= full:
        return not (indents_mean and indented and ends and line[:1].isupper())
    return para.kind in ("bullet", "plus") and not ends


def _continues_paragraph(para: _Para, line: str) -> bool:
    """In a .docx a paragraph is whole; a manual break mid-sentence or mid-heading still continues."""
    prev = para.lines[-1]
    if para.kind == "part" and not prev:
        return True
    if prev.endswith(_END_PUNCT):
        return False
    return line[:1].islower() or (para.kind in ("roman", "part") and _caps(line) and line == line.upper())


def _starts(line: str) -> bool:
    f = fold(line)
    if _RECIPIENTS.match(f) or _TITLE.match(f):
        return True
    # "Thực hiện …" opens a paragraph; "THỰC HIỆN" in capitals is the end of a heading over two lines
    return line[:1].isupper() and line != line.upper() and bool(_BASIS.match(f) or _OPENERS.match(f))


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
        if mk and not (paras and paras[-1].kind == "part" and not paras[-1].lines[-1]):
            kind, num, text, style = mk
            paras.append(_Para(kind, num, [text], no, style))
            continue
        if paras and not _starts(line):
            if (
                _continues(paras[-1], line, indented, full, indents_mean)
                if hard_wrapped
                else _continues_paragraph(paras[-1], line)
            ):
                paras[-1].lines.append(line)
                continue
        paras.append(_Para("text", "", [line], no))
    return paras


# ------------------------------------------------------------------ tree


def _split_lead(intro: list[str], out: ImportedPlan) -> None:
    """The lead sentence ("<Issuer> xây dựng Kế hoạch … như sau:") apart from the opening before it."""
    for k, para in enumerate(intro):
        found = lead_subject(para)
        if not found:
            out.opening.append(para)
            continue
        start, subject = found
        before = para[:start].strip()
        if before:
            out.opening.append(before)
        out.lead_sentence, out.lead_subject = para[start:].strip(), subject
        out.opening.extend(intro[k + 1 :])
        return


def _upper(text: str) -> bool:
    """An upper-case title line ('(Ban hành kèm theo …)' in it aside)."""
    t = re.sub(r"\([^)]*\)", "", text)
    return t == t.upper()


def basis_section(out: ImportedPlan) -> None:
    """A căn cứ section ('I. CĂN CỨ XÂY DỰNG KẾ HOẠCH', 'I. CĂN CỨ PHÁP LÝ'): what it cites is the basis (its
    bullets and paragraphs, in order), not a task; the section leaves the tree."""
    keep = []
    for it in out.items:
        if it.kind == "section" and _BASIS.match(fold(it.text)) and len(it.text) < 80:
            out.basis.extend(_cited_texts(it))
        else:
            keep.append(it)
    out.items = keep


def _cited_texts(item: PlanItem) -> list[str]:
    out = []
    for c in item.children:
        if c.kind != "section" or re.search(r"\d", c.text):
            out.append(c.text)
        out.extend(_cited_texts(c))
    return out


# Numbered headings by family, outermost first: a part holds Roman sections, which hold "1." items, which hold "a)".
_FAMILY = {"part": 0, "roman": 1, "arabic": 2, "letter": 3}


def _open(stack: list[tuple[int, str, PlanItem]], p: _Para) -> None:
    """Closes the open sections a heading of `p`'s kind and style is not inside. The same style closes back
    to its earlier item (a sibling); another style of the same family starting a list ("1)" under "1.",
    "a." under "a)") opens a level below, any other number of it is a typo of the style above (a sibling)."""
    family, style = _FAMILY[p.kind], p.kind + p.style
    while stack and stack[-1][0] > family:
        stack.pop()
    same = [k for k, (f, s, _) in enumerate(stack) if s == style]
    if same:
        del stack[same[-1] :]
    elif stack and stack[-1][0] == family:
        if family < _FAMILY["arabic"] or p.num.lstrip("0") not in ("1", "a"):
            del stack[min(k for k, (f, _, _) in enumerate(stack) if f == family) :]


def _read_cover(lines: list[tuple[int, str, bool]], plan: ImportedPlan, hard_wrapped: bool) -> None:
    """The công văn that forwards `plan`: its header facts, its requests (numbered or bulleted items after its text
    begins: the 'Kính gửi' bullets are recipients) and its deadline, which is the one the unit must meet."""
    letter = ImportedPlan()
    opens = next(
        k for k, (_, ln, _) in enumerate(lines) if re.match(r"^(?:v/v\b|k\w{1,2}nh\s+g\w{1,2}i\s*:)", fold(ln))
    )
    read_header([ln for _, ln, _ in lines[:opens]], "", letter)
    vv = next((ln for _, ln, _ in lines if fold(ln).startswith("v/v")), "")
    issued = letter.doc_date.as_date() if letter.doc_date else None  # None without a full day and month
    plan.cover = {
        "kind": "Công văn",
        "number": letter.number,
        "date": issued.isoformat() if issued else "",
        "issuer": letter.issuer,
        "summary": clean(vv[3:]) if vv else "",
    }
    started = False  # the letter's text has begun (the bullets after "Kính gửi:" are its recipients)
    for p in _paragraphs(lines[opens + 1 :], hard_wrapped):
        f = fold(p.text)
        if _RECIPIENTS.match(f):
            break
        if p.kind == "text" and not f.startswith(("v/v", "kinh gui")):
            started = True
        elif started and p.kind in ("arabic", "letter", "bullet", "plus"):
            plan.cover_requests.append(p.text)
        if started and (m := _DEADLINE.search(f)) and ("bao cao" in f or "b/c" in f):
            plan.deadline, plan.deadline_yearly, plan.deadline_sentence = m["date"], bool(m["yearly"]), p.text
            plan.cover_deadline = m["date"]
    number = f" số {letter.number}" if letter.number else ""
    plan.warnings.insert(
        0,
        f"Văn bản là công văn{number} gửi kèm kế hoạch: đã đọc kế hoạch gửi kèm"
        + (f"; giữ {len(plan.cover_requests)} yêu cầu của công văn" if plan.cover_requests else "")
        + ".",
    )


def parse_plan_text(text: str, *, hard_wrapped: bool = True) -> ImportedPlan:
    """The plan in `text`; `hard_wrapped` is False when every line is a whole paragraph (.docx)."""
    out = ImportedPlan()
    raw = repair_copy(text).split("\n")
    lines = [(i + 1, clean(ln), ln[:1].isspace()) for i, ln in enumerate(raw)]
    lines = [(no, ln, ind) for no, ln, ind in lines if ln and not _PAGE_NUMBER.match(ln)]
    lines = [part for line in lines for part in split_title(line)]

    # The title word "KẾ HOẠCH" on a line of its own splits the header from the body.
    title_at = next((k for k, (_, ln, _) in enumerate(lines) if _TITLE.match(fold(ln)) and ln == ln.upper()), None)
    if title_at is not None and (at := split_cover(lines, title_at)) is not None:
        plan = parse_plan_text("\n".join(ln for _, ln, _ in lines[at:]), hard_wrapped=hard_wrapped)
        _read_cover(lines[:at], plan, hard_wrapped)
        return plan
    decision_at = decision_title(lines, title_at)
    if decision_at is None and (at := untitled_decision(lines, title_at)) is not None:
        lines.insert(at, (lines[at - 1][0], "QUYẾT ĐỊNH", False))  # a decision by its number ("1456/QĐ-UBND")
        decision_at, title_at = at, (title_at + 1 if title_at is not None and title_at >= at else title_at)
    if decision_at is not None:
        return read_decision(lines, decision_at, title_at, lambda t: parse_plan_text(t, hard_wrapped=hard_wrapped))
    if title_at is None and (at := untitled_plan(lines)) is not None:
        lines.insert(at, (lines[at - 1][0], "KẾ HOẠCH", False))  # a plan by its number ("54/KH-UBND")
        title_at = at
    out.has_title = title_at is not None
    head = [ln for _, ln, _ in lines[:title_at]] if title_at is not None else []
    rest = lines[title_at + 1 :] if title_at is not None else lines
    paras = _paragraphs(rest, hard_wrapped)
    body_text = " ".join(p.text for p in paras)
    if head:
        read_header(head, body_text, out)
    if out.issuer:
        out.issuer_from = "header"

    # Title: text paragraphs before the first basis / opener / section.
    k = 0
    title: list[str] = []
    while title_at is not None and k < len(paras) and paras[k].kind == "text":
        if _starts(paras[k].text):
            break
        p = paras[k]
        upper = [ln == ln.upper() or ln.startswith("(") for ln in p.lines]
        if title and all(_upper(t) for t in title) and not upper[0]:
            break  # an upper-case title ends where running text starts
        if upper[0] and not all(upper):
            cut = upper.index(False)
            paras.insert(k + 1, _Para("text", "", p.lines[cut:], p.line_no + cut))
            p.lines = p.lines[:cut]
        title.append(p.text)
        k += 1
    title_text = clean(" ".join(title))
    # A title line as wide as the body may have swallowed the lead sentence after it.
    if found := lead_subject(title_text):
        paras.insert(k, _Para("text", "", [title_text[found[0] :]], paras[k - 1].line_no))
        title_text = title_text[: found[0]]
    out.title = title_text.strip().rstrip(".")
    top = "roman" if any(p.kind == "roman" for p in paras) else "arabic"
    while k < len(paras) and paras[k].kind not in (top, "roman", "part"):
        p = paras[k]
        if not _BASIS.match(fold(p.text)):
            out.intro.append(p.text)
        elif (lead := lead_subject(p.text)) and p.text[: lead[0]].rstrip().endswith((",", ";", ".")):
            # "Căn cứ …, Ủy ban nhân dân tỉnh xây dựng Kế hoạch …": the lead sentence after the căn cứ, at a clause
            # start (not "… của Bộ Y tế ban hành Kế hoạch …" inside a citation)
            out.basis.append(p.text[: lead[0]].strip())
            out.intro.append(p.text[lead[0] :])
        else:
            out.basis.append(p.text)
        k += 1
    _split_lead(out.intro, out)
    if not out.issuer and out.lead_subject:
        out.issuer = with_place(out.lead_subject, out.title, *out.opening)
        out.issuer_from = "body"
    elif out.issuer and out.lead_subject:
        out.issuer = named_in_body(out.issuer, out.lead_subject)
    complete_issuer(out, out.lead_subject)

    stack: list[tuple[int, str, PlanItem]] = []  # (family, style, section) of the open sections
    last_bullet: PlanItem | None = None
    expected_roman = 1
    position = 0
    romans = 0
    deadlines: list[tuple[bool, re.Match, str]] = []
    end_line = None
    for p in paras[k:]:
        f = fold(p.text)
        if _RECIPIENTS.match(f):
            end_line = p.line_no
            break
        if m := _DEADLINE.search(f):
            deadlines.append(("bao cao" in f or "b/c" in f, m, p.text))
        if _CLOSING.match(f):
            out.closing.append(p.text)
            end_line = p.line_no
            break
        if lost_diacritics(p.text):
            out.flagged.append((p.line_no, p.text))
        if p.kind in _FAMILY:
            if p.kind == "part":
                romans += 1
                expected_roman, position = 1, 0  # each part numbers its sections from I.
            if p.kind == "roman":
                position += 1
                romans += 1
                value = roman_value(p.num)
                if value is not None and value != expected_roman:
                    out.warnings.append(
                        f"Dòng {p.line_no}: mục “{p.num}. {p.text[:40]}” lẽ ra là mục {roman(position)} "
                        "(văn bản gốc đánh số sai); ứng dụng đã tự đánh số lại."
                    )
                expected_roman = max(expected_roman, value or 0) + 1
            item = PlanItem("section", p.text)
            _open(stack, p)
            (stack[-1][2].children if stack else out.items).append(item)
            stack.append((_FAMILY[p.kind], p.kind + p.style, item))
            last_bullet = None
            continue
        if p.kind == "plus" and last_bullet is not None:
            last_bullet.children.append(PlanItem("bullet", p.text))
            continue
        if p.text.endswith("./."):
            out.closing.append(p.text)  # the superior's own closing: the new plan writes its own
            end_line = p.line_no
            break
        item = PlanItem("bullet" if p.kind in ("bullet", "plus") else "text", p.text)
        (stack[-1][2].children if stack else out.items).append(item)
        last_bullet = item if p.kind != "plus" else None  # "+" items with no "-" above are siblings
    if deadlines:
        _, m, sentence = next((d for d in deadlines if d[0]), deadlines[0])
        out.deadline, out.deadline_yearly, out.deadline_sentence = m["date"], bool(m["yearly"]), sentence
    if end_line is not None:
        out.signer = signer_lines([ln for no, ln, _ in lines if no >= end_line])
    basis_section(out)
    tops = sum(it.kind == "section" for it in out.items)
    # numbered sections: Roman ones, or (in a titled plan) Arabic ones at the top
    sections = romans if romans or not out.has_title else tops
    texts = [ln for _, ln, _ in lines]
    out.found = not_a_plan(texts, out.has_title, sections)
    if out.has_title:  # a titled plan, even only its opening, is a plan: no sections is not a reason
        out.found = [f for f in out.found if not f.startswith("không có mục đánh số")]
    elif like := looks_like(texts):
        out.found.append(like)
        out.kind = "cong_van" if like.startswith("đây là một công văn") else "other"
    out.is_plan = not out.found
    if out.flagged:
        out.warnings.append(
            f"{len(out.flagged)} đoạn có vẻ bị mất dấu tiếng Việt (văn bản quét hoặc phông cũ): "
            "hãy đối chiếu bản gốc và sửa lại."
        )
    if not out.is_plan:
        out.warnings.append("Văn bản này có vẻ không phải là kế hoạch: " + "; ".join(out.found) + ".")
    return out
