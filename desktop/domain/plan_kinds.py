"""The kind of a superior document and where its plan stands in it.

A plan arrives as a Kế hoạch (titled "KẾ HOẠCH", "KẾ HOẠCH HÀNH ĐỘNG", "KẾ HOẠCH: …", or only numbered
"…/KH-…" when the page lost the title line), as a Quyết định that issues or approves a plan (the plan
attached after the decision's articles is the plan, cited through the decision), or inside a công văn that
forwards it. Anything else is refused with what it looks like ("đây là một công văn …").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from .errors import UserError
from .issuers import has_place, issuer_name, issuer_of_place, place_of, starts_body
from .models import LegalRef
from .plan_header import NUMBER, PLACE_DATE, doc_type_line, read_header
from .text import clean, fold

if TYPE_CHECKING:  # pragma: no cover
    from .plan_import import ImportedPlan

Line = tuple[int, str, bool]  # (line number, text, indented)

_TITLE_WITH_TEXT = re.compile(r"^(K[ẾE]\s+HO[ẠA]CH(?:\s+HÀNH\s+ĐỘNG)?)\s*[:\-–]\s*(\S.*)$")
_DECISION = re.compile(r"^quy\w{1,2}t\s+\w{1,2}nh(?:\s+(?:ve|ban\s+hanh|phe\s+duyet)\b.*)?$")
_DECIDES = re.compile(r"^quy\w{1,2}t\s+\w{1,2}nh\s*:")
_AUTHORITY = re.compile(r"^(?:BỘ TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|Ủ?Y BAN|UỶ BAN|UBND|HỘI ĐỒNG)\b")
_OPENERS = re.compile(r"^(?:c\w{1,2}n\s+c\w{1,2}|th\w{1,2}c\s+hi\w{1,2}n|theo\s+\w{1,2}\w{0,2}\s+ngh|x\w{1,2}t\b)")
_ATTACHED = re.compile(r"\(\s*(?:Ban hành\s+)?kèm theo[^)]*\)", re.IGNORECASE)
_QUOTED_PLAN = re.compile(r"[“\"]\s*K\S{1,2}\s+ho\S{1,3}ch\s+(?P<t>[^”\"]+)[”\"]")
_ARTICLE_PLAN = re.compile(r"ban hành\s+(?:kèm theo\s+)?(?:quyết định này\s+)?kế hoạch\s+(?P<t>.+?)(?:\.|\(|$)", re.I)


def split_title(line: Line) -> list[Line]:
    """'KẾ HOẠCH : PHÒNG, CHỐNG …' -> 'KẾ HOẠCH' and 'PHÒNG, CHỐNG …' (the title word on a line of its own)."""
    no, text, ind = line
    m = _TITLE_WITH_TEXT.match(text)
    if not m or m[2] != m[2].upper():
        return [line]
    return [(no, m[1], ind), (no, m[2], ind)]


def decision_title(lines: list[Line], plan_at: int | None) -> int | None:
    """The index of a decision's title line ('QUYẾT ĐỊNH') standing before the plan's title, or None."""
    stop = plan_at if plan_at is not None else min(len(lines), 80)
    for k in range(min(stop, 80)):
        ln = lines[k][1]
        if ln == ln.upper() and _DECISION.match(fold(ln)):
            return k
    return None


def untitled_decision(lines: list[Line], plan_at: int | None) -> int | None:
    """Where a numbered decision's title would stand when the page lost it ('Số: 1456/QĐ-UBND', then the
    preamble and 'QUYẾT ĐỊNH:'): after the place and date; None when the text is not such a decision."""
    stop = plan_at if plan_at is not None else len(lines)
    if not any(_DECIDES.match(fold(ln)) for _, ln, _ in lines[:stop]):
        return None
    for k, (_, ln, _) in enumerate(lines[: min(stop, 80)]):
        m = NUMBER.search(ln)
        if not m:
            continue
        if not re.search(r"[/-]QĐ\b", m["sym"]):
            return None
        for j in range(k, min(k + 4, len(lines))):
            if PLACE_DATE.search(lines[j][1]):
                return j + 1
        return k + 1
    return None


def number_is_plan(number: str) -> bool:
    """'711/KH-UBND', '05-KH/ĐU': numbered as a Kế hoạch."""
    return bool(re.match(r"^\d*\s?[-/]\s?KH\b", number or ""))


def untitled_plan(lines: list[Line]) -> int | None:
    """Where a numbered plan's title would stand when the page lost the 'KẾ HOẠCH' line: after the place and
    date (or the number); None when the text is not numbered as a plan."""
    for k, (_, ln, _) in enumerate(lines[:80]):
        m = NUMBER.search(ln)
        if not m:
            continue
        if not number_is_plan(m["num"] + m["sym"].strip()):
            return None
        for j in range(k, min(k + 4, len(lines))):
            if PLACE_DATE.search(lines[j][1]):
                return j + 1
        return k + 1
    return None


def split_cover(lines: list[Line], plan_at: int) -> int | None:
    """Where the plan a công văn forwards starts (its header's first line), when the text before the plan's
    'KẾ HOẠCH' line is a công văn ('V/v …' or 'Kính gửi:', its text, 'Nơi nhận:') followed by the plan's own header;
    None when there is no cover letter."""
    texts = [ln for _, ln, _ in lines[:plan_at]]
    letter = next(
        (k for k, ln in enumerate(texts) if re.match(r"^(?:v/v\b|k\w{1,2}nh\s+g\w{1,2}i\s*:)", fold(ln))), None
    )
    if letter is None:
        return None
    end = next(
        (k for k in range(letter + 1, len(texts)) if re.match(r"^n\w{1,2}i\s+nh\w{1,2}n\s*:", fold(texts[k]))), None
    )
    if end is None:
        return None
    for k in range(end + 1, len(texts)):
        ln = texts[k]
        if ln == ln.upper() and starts_body(ln) and any(NUMBER.search(t) for t in texts[k : k + 6]):
            return k
    return None


def looks_like(lines: list[str]) -> str:
    """What a text that is not a plan looks like, in the user's words: 'đây là một công văn …'."""
    head = lines[:60]
    number = next((m["num"] + m["sym"] for ln in head if (m := NUMBER.search(ln))), "")
    if any(re.match(r"^(?:V/v|K\S{1,2}nh\s+g\S{1,2}i\s*:)", ln.strip()) for ln in head):
        return "đây là một công văn" + (f" (số {number.strip()})" if number else "") + ", không kèm kế hoạch"
    other = doc_type_line(lines)
    return f"đây là một {other.lower()}" if other and fold(other) != "ke hoach" else ""


def complete_issuer(out: ImportedPlan, *names: str) -> None:
    """An Ủy ban nhân dân (or HĐND) without its place ('ỦY BAN NHÂN DÂN' alone in the header) takes it from
    another naming of the same body (the authority line, the lead sentence), else from the place of issue."""
    if not out.issuer or has_place(out.issuer):
        return
    f = fold(out.issuer)
    level = re.search(r"\s(huyen|tinh|xa|quan|thi xa|thanh pho)$", f)
    if level and fold(place_of(out.parent)).startswith(level[1] + " "):  # "Ban Chỉ đạo … huyện" under the UBND huyện
        out.issuer = f"{out.issuer[: level.start()]} {place_of(out.parent)}"
        return
    if not f.startswith(("uy ban nhan dan", "hoi dong nhan dan")):
        return
    for name in names:
        if name and fold(name).startswith(f) and has_place(name):
            out.issuer = f"{out.issuer} {place_of(name)}"
            return
    if out.place:
        out.issuer = issuer_of_place(out.place) if f.startswith("uy") else f"{out.issuer} tỉnh {out.place}"


def _preamble(lines: list[Line]) -> list[str]:
    """The decision's preamble as paragraphs: each 'Căn cứ', 'Thực hiện', 'Theo đề nghị', 'Xét' opens one."""
    paras: list[str] = []
    for _, ln, _ in lines:
        if not paras or _OPENERS.match(fold(ln)) and ln[:1].isupper():
            paras.append(ln)
        else:
            paras[-1] = f"{paras[-1]} {ln}"
    return [clean(p) for p in paras]


def read_decision(
    lines: list[Line], at: int, plan_at: int | None, parse: Callable[[str], ImportedPlan]
) -> ImportedPlan:
    """A Quyết định: its header, its preamble's căn cứ, and the plan it issues (attached after the articles,
    read by `parse`, or only named when the page stops before it). The plan is cited through the decision."""
    attached = plan_at is not None and plan_at > at
    out = parse("\n".join(ln for _, ln, _ in lines[plan_at:])) if attached else None
    if out is None:
        from .plan_import import ImportedPlan

        out = ImportedPlan()
        out.items = []
    plan_basis, plan_title = list(out.basis), _ATTACHED.sub("", out.title).strip(" .") if attached else ""
    out.number, out.doc_date, out.place, out.issuer, out.parent = "", None, "", "", ""
    head = [ln for _, ln, _ in lines[:at]]
    read_header(head, "", out)
    out.issuer_from = "header" if out.issuer else ""
    first = re.sub(r"^\S+\s+\S+\s*", "", lines[at][1])  # the title may follow "QUYẾT ĐỊNH" on its line
    title = [first] if first else []
    k, authority = at + 1, ""
    while k < len(lines) and lines[k][1] == lines[k][1].upper() and any(c.isalpha() for c in lines[k][1]):
        ln = lines[k][1]
        k += 1
        if _AUTHORITY.match(ln) and not _DECIDES.match(fold(ln)):
            authority = re.sub(r"^(?:BỘ TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN)\s+", "", ln)
            break
        if _DECIDES.match(fold(ln)):
            k -= 1
            break
        title.append(ln)
    end = next((j for j in range(k, len(lines)) if _DECIDES.match(fold(lines[j][1]))), None)
    preamble = _preamble(lines[k:end] if end is not None else lines[k : plan_at if attached else len(lines)])
    basis = [p for p in preamble if re.match(r"^(?:c\w{1,2}n\s+c\w{1,2}|th\w{1,2}c\s+hi\w{1,2}n)\b", fold(p))]
    complete_issuer(out, issuer_name(authority) if authority else "")
    articles = " ".join(ln for _, ln, _ in lines[end or k : plan_at if attached else len(lines)])
    decision_title_text = clean(" ".join(title))
    named = _QUOTED_PLAN.search(articles) or _ARTICLE_PLAN.search(articles)
    if not plan_title and named:
        plan_title = clean(named["t"]).rstrip(' .”"')
    if not plan_title:
        m = re.search(r"K[ẾE]\s+HO[ẠA]CH\s+(.+)$", decision_title_text)
        plan_title = m[1] if m else ""
    out.title = plan_title
    out.basis = basis + plan_basis
    out.kind = "quyet_dinh_ban_hanh_ke_hoach"
    out.doc_type = "Kế hoạch"
    out.has_title = True
    about_plan = "ke hoach" in fold(decision_title_text) or attached or bool(named)
    out.is_plan = about_plan
    out.found = [] if about_plan else ["đây là một quyết định, không ban hành kế hoạch nào"]
    if not about_plan:
        out.kind = "other"
        out.warnings.append("Văn bản này có vẻ không phải là kế hoạch: " + "; ".join(out.found) + ".")
    return out


class YearUnknown(UserError):
    """The plan's year cannot be read from the superior document: it must be asked, never taken from the clock."""

    def __init__(self) -> None:
        super().__init__(
            "Không đọc được năm của kế hoạch từ văn bản cấp trên (không thấy ngày ban hành, tiêu đề không ghi "
            "năm): hãy cho biết năm của kế hoạch. Chưa tạo kế hoạch nào; dữ liệu không thay đổi."
        )


def plan_year(imported: ImportedPlan) -> int | None:
    """The plan's year: the one year the title names ('… NĂM 2018', not 'đến năm 2030' nor 'năm 2021 - 2022'),
    else the year of issue; None when the document says neither."""
    f = fold(imported.title)
    years = {
        int(m[1]) for m in re.finditer(r"(?<!den )nam (\d{4})\b(?!\s*[-–]\s*\d{4})", f) if 1945 <= int(m[1]) <= 2200
    }
    if len(years) == 1:
        return years.pop()
    return imported.doc_date.year if imported.doc_date else None


def cover_ref(imported: ImportedPlan) -> LegalRef | None:
    """The công văn that forwarded the plan, as a reference the unit's plan implements with it ("Thực hiện Kế hoạch
    số …; Công văn số … về việc …"); None when the plan came alone."""
    c = imported.cover
    if c is None:
        return None
    about = clean(c.get("summary", ""))
    about = re.sub(r"^v\S{1,2}\s+vi\S{1,2}c\s+", "", about, flags=re.I)  # "V/v về việc …" written twice
    return LegalRef(
        c.get("kind") or "Công văn",
        c.get("number", ""),
        date.fromisoformat(c["date"]) if c.get("date") else None,
        c.get("issuer", ""),
        f"về việc {about[0].lower()}{about[1:]}" if about else "",
    )


def cover_json(ref: LegalRef | None, requests: list[str], deadline: date | None) -> dict | None:
    """`plan-import --json`'s "cover": the letter, the deadline it sets (None: the plan's stands) and its requests."""
    from .references import cite

    if ref is None:
        return None
    iso = ref.issued.isoformat() if ref.issued else None
    return {
        "citation": cite(ref, with_summary=True),
        "kind": ref.kind,
        "number": ref.number,
        "date": iso,
        "issuer": ref.issuer,
        "summary": ref.summary,
        "deadline": deadline.isoformat() if deadline else None,
        "requests": list(requests),
    }
