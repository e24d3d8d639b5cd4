"""Citations of legal references, written one canonical way everywhere:
'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị'."""

from __future__ import annotations

import re
from datetime import date

from .models import LegalRef, SuperiorDoc
from .text import clean
from .vnformat import short_date


def cite(ref: LegalRef, *, with_summary: bool = False) -> str:
    """'Kế hoạch số 357/KH-SYT ngày 04/9/2025 của Sở Y tế tỉnh Lâm Đồng'; a number not known yet (blank,
    or a symbol alone such as '/KH-SYT') is left out rather than printed as 'số  '."""
    number = clean(ref.number)
    parts = [f"{clean(ref.kind)} số {number}" if re.search(r"\d", number) else clean(ref.kind)]
    if clean(ref.kind) == "Kế hoạch" and re.search(r"[/-]QĐ\b", number):  # a plan issued by a decision
        parts = [f"Kế hoạch ban hành kèm theo Quyết định số {number}"]
    if ref.issued:
        parts.append(f"ngày {short_date(ref.issued)}")
    if ref.issuer:
        parts.append(f"của {clean(ref.issuer)}")
    if with_summary and ref.summary:
        parts.append(clean(ref.summary))
    return " ".join(parts)


def basis_lines(refs: list[LegalRef]) -> list[str]:
    """'Căn cứ …;' lines, the last ending with '.' (NĐ 30)."""
    lines = [f"Căn cứ {cite(r, with_summary=True)}" for r in refs]
    return [ln + (";" if i < len(lines) - 1 else ".") for i, ln in enumerate(lines)]


def implementing_sentence(sup: SuperiorDoc, also: list[LegalRef] | None = None) -> str:
    """'Thực hiện Kế hoạch số 357/KH-SYT ngày 04/9/2025 của Sở Y tế tỉnh Lâm Đồng về ….'; `also` the documents
    implemented with it (the công văn that forwarded it): '…; Công văn số … của … về việc ….'"""
    return "Thực hiện " + "; ".join(cite(r, with_summary=True) for r in [sup.ref, *(also or [])]) + "."


_CITATION = re.compile(
    r"^(?P<kind>[^\d]+?)\s+(?:số\s+)?(?P<number>\d+[^\s]*)"
    r"(?:\s+ngày\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4}))?"
    r"(?:\s+của\s+(?P<issuer>.+?))?\s*(?:[;.,])?$"
)


_SUMMARY_START = re.compile(r"\s(?=(?:về|ban hành|quy định|hướng dẫn|triển khai|thực hiện|sửa đổi)\b)")
_LEAD_WORDS = re.compile(r"^(?:căn cứ|thực hiện)\s+", re.IGNORECASE)


def parse_citation(text: str) -> LegalRef | None:
    """Best-effort reading of a typed citation back into its parts (None if it is not one).

    'Căn cứ Quyết định số 12/QĐ-SYT ngày 05/01/2025 của Sở Y tế tỉnh Lâm Đồng về việc …;' gives
    the issuer 'Sở Y tế tỉnh Lâm Đồng' and the summary 'về việc …'."""
    m = _CITATION.match(_LEAD_WORDS.sub("", clean(text)))
    if not m:
        return None
    issued = None
    if m["y"]:
        try:
            issued = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
    kind = m["kind"].strip()
    kind = kind[0].upper() + kind[1:]
    issuer, summary = (m["issuer"] or "").strip(), ""
    if sm := _SUMMARY_START.search(issuer):
        issuer, summary = issuer[: sm.start()].strip(), issuer[sm.end() :].strip()
    return LegalRef(kind=kind, number=m["number"], issued=issued, issuer=issuer, summary=summary)
