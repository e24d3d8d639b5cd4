"""Text hygiene of a plan made from a superior's: what the review offers so that the plan reads as the unit's.

`unsentence` keeps a sentence from being set as a heading (a numbered item that is a whole sentence and has
nothing under it is a bullet); `scope_repairs` offers the unit's scope in place of the superior's ("Phạm vi:
Toàn quốc"); `repeat_repairs` offers one of a phrase written twice back to back ("trong ngành Y tế trong ngành
Y tế"); `channel_repairs` offers the unit's channels (its profile) in place
of the superior's national media; `superiors_own` tells a superior's own căn cứ (its organisation decree, its party committee's
plans) from those the unit's plan rests on; `sentence_case` writes an ALL-CAPS trích yếu in sentence case, the names in it kept capitalised.
"""

from __future__ import annotations

import re

from .duties import kind_of
from .models import LegalRef, Plan, PlanItem, Unit
from .repairs import Repair, item_labels
from .text import clean, fold

_REPEAT = re.compile(r"\b(\w+(?:\s+\w+){1,6})\s+\1\b", re.IGNORECASE)
_SCOPE = re.compile(r"^(ph\S{1,2}m\s+vi(?:\s+tri\S{1,2}n\s+khai)?\s*:\s*)(.+)$", re.IGNORECASE)


def _sentence(text: str) -> bool:
    t = clean(text)
    return t.endswith((".", ";")) or len(t.split()) > 25 or bool(re.match(r"^[^:]{2,40}:\s+\S", t))


def unsentence(items: list[PlanItem]) -> None:
    """A numbered item that is a whole sentence with nothing under it ("1. Thời gian: Từ nay đến hết năm 2025.",
    "1- Xây dựng các tuyến bài viết …", "2. Phạm vi: Toàn quốc") becomes a bullet: a heading is a title, never a sentence."""
    for it in items:
        if it.kind == "section" and not it.children and _sentence(it.text):
            it.kind = "bullet"
        unsentence(it.children)


def our_scope(unit: Unit) -> str:
    """The scope of the unit's plan: the unit and the people it serves."""
    if kind_of(unit) in ("trung_tam_y_te", "tram_y_te"):
        return f"các khoa, phòng, trạm y tế thuộc {unit.name} và người dân trên địa bàn đơn vị phụ trách."
    if kind_of(unit) == "benh_vien":
        return f"các khoa, phòng của {unit.name}; người bệnh, người nhà người bệnh đến khám, điều trị tại đơn vị."
    return f"các khoa, phòng của {unit.name} và người dân đến liên hệ, sử dụng dịch vụ của đơn vị."


def scope_repairs(items: list[PlanItem], unit: Unit) -> list[Repair]:
    """'Phạm vi: Toàn quốc, …' -> the unit's scope (accepted; the clerk may refuse it)."""
    out = []
    for path, label, it in item_labels(items):
        m = _SCOPE.match(clean(it.text))
        if not m:
            continue
        f = fold(m[2])
        if fold(unit.name) in f or re.fullmatch(r"(?:tai|trong|toan)\s+(?:don vi|benh vien|trung tam)\W*", f):
            continue  # the unit's own scope already
        after = our_scope(unit)
        out.append(Repair("scope", label, m[2], after, True, path, "item", "phạm vi của cấp trên: phạm vi của đơn vị"))
    return out


# a superior's own documents, not the unit's bases: the decree (or decision) setting out its organisation, and the
# plans of its party committee or party board ("23-KH/ĐU", "05-KH/BCS")
_ORGANISATION = re.compile(r"quy\s+dinh\s+chuc\s+nang,?\s+nhiem\s+vu")
_PARTY_SYMBOL = re.compile(r"-[A-ZĐ]{1,4}/(?:ĐU|ĐUK|BCS|BCSĐ|ĐĐ|CB)$")
_PARTY_ISSUER = re.compile(r"\b(?:dang\s+uy|ban\s+can\s+su\s+dang|chi\s+bo)\b")


def superiors_own(ref: LegalRef, written: str = "") -> bool:
    """A căn cứ of the superior's that is not the unit's: its organisation decree ('… quy định chức năng, nhiệm
    vụ, quyền hạn và cơ cấu tổ chức của Bộ Y tế') or its party committee's plan ('23-KH/ĐU'). Shown in the review,
    unticked."""
    said = fold(f"{ref.summary} {written}")
    if _ORGANISATION.search(said):
        return True
    number = clean(ref.number).upper().replace(" ", "")
    return bool(_PARTY_SYMBOL.search(number)) or bool(_PARTY_ISSUER.search(fold(ref.issuer)))


# the superior's national media, as a run ("Báo Sức khỏe & Đời sống, Cổng thông tin điện tử Bộ Y tế và các cơ quan
# báo chí trung ương"): offered as the unit's own channels
_MEDIUM = (
    r"(?:(?:Cổng|Trang)\s+thông\s+tin\s+điện\s+tử\s+(?:của\s+)?Bộ\s+Y\s+tế|Báo\s+Sức\s+khỏe\s*(?:và|&)\s*Đời\s+sống|"
    r"(?:các\s+)?cơ\s+quan\s+báo\s+chí\s+trung\s+ương|Đài\s+Truyền\s+hình\s+Việt\s+Nam|Đài\s+Tiếng\s+nói\s+Việt\s+Nam|"
    r"Thông\s+tấn\s+xã\s+Việt\s+Nam)"
)
_MEDIA = re.compile(rf"{_MEDIUM}(?:\s*(?:,|và)\s*{_MEDIUM})*", re.IGNORECASE)


def channels_text(unit: Unit) -> str:
    """The unit's channels as a sentence names them: 'Trang thông tin điện tử, fanpage, bảng tin và loa nội bộ'."""
    names = [clean(c) for c in unit.channels if clean(c)]
    return ", ".join(names[:-1]) + " và " + names[-1] if len(names) > 1 else "".join(names)


def channel_repairs(items: list[PlanItem], unit: Unit) -> list[Repair]:
    """The superior's national media in a duty ('trên Cổng thông tin điện tử Bộ Y tế, Báo Sức khỏe và Đời sống')
    -> the channels of the unit's profile (accepted; the clerk may refuse it); none when the profile has none."""
    after = channels_text(unit)
    if not after:
        return []
    out = []
    for path, label, it in item_labels(items):
        for m in _MEDIA.finditer(it.text):
            out.append(Repair("channels", label, m[0], after, True, path, "item", "kênh của cấp trên: kênh của đơn vị"))
    return out


def repeat_repairs(plan: Plan) -> list[Repair]:
    """Each phrase written twice back to back, offered once (in the items and the trích yếu)."""
    out = []
    for path, label, it in item_labels(plan.items):
        for m in _REPEAT.finditer(it.text):
            out.append(Repair("repeat", label, m[0], m[1], True, path, "item", "cụm từ viết lặp lại"))
    for m in _REPEAT.finditer(plan.title):
        out.append(Repair("repeat", "tiêu đề", m[0], m[1], True, (), "title", "cụm từ viết lặp lại"))
    return out


# names kept capitalised when an ALL-CAPS trích yếu is written in sentence case (folded -> as written)
_NAMES = (
    "Bộ Chính trị",
    "Ban Chấp hành Trung ương",
    "Ban Chỉ đạo Trung ương",
    "Ban Bí thư",
    "Chính phủ",
    "Thủ tướng Chính phủ",
    "Quốc hội",
    "Bộ Y tế",
    "Sở Y tế",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Đảng",
    "Nhà nước",
    "Việt Nam",
    "Y tế",
)
_DOCS = r"(nghị quyết|kế hoạch|quyết định|chỉ thị|thông tư|nghị định|kết luận|công văn|chương trình)(\s+số)"


def sentence_case(title: str, unit: Unit) -> str:
    """An ALL-CAPS trích yếu in sentence case: 'KẾ HOẠCH TRUYỀN THÔNG … NĂM 2025' -> 'Truyền thông … năm 2025';
    numbers and symbols (57-NQ/TW), cited documents' kinds, known bodies, the unit's name and place kept."""
    t = clean(title)
    letters = [c for c in t if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return t
    words = t.split()
    low = " ".join(w if any(c.isdigit() for c in w) or "/" in w else w.lower() for w in words)
    for name in (*_NAMES, unit.name, unit.place, unit.parent_body):
        if name:
            low = re.sub(rf"(?<!\w){re.escape(name.lower())}(?!\w)", name, low)
    low = re.sub(_DOCS, lambda m: m[1][:1].upper() + m[1][1:] + m[2], low)
    low = re.sub(r"\b(tỉnh|thành phố)\s+(\w+(?:\s+\w+)?)", lambda m: f"{m[1]} {m[2].title()}", low)
    return low[:1].upper() + low[1:]
