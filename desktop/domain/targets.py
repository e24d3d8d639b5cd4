"""Targets (chỉ tiêu): quantities read from a superior's plan ("02 hội nghị", "2.000 tờ rơi") and the
targets a clerk types in the review ("500 lượt; 10 buổi"), each a Target of one form of activity.

A superior's prose is read leniently (a quantity whose unit names no form is prose, not a target); what
the clerk typed is read strictly: every "number unit" becomes a target — of the form whose unit it is,
of the one the task's text names when several forms share the unit, else of "Khác" with the unit as
typed — and whatever is not "number unit" is returned as not understood, never dropped.

The unit's catalogue of forms (`forms`, from app.load_forms) is passed in: its own forms are read too
("200 lượt khám sàng lọc" is a target of the unit's form "Khám sàng lọc" counted in "lượt")."""

from __future__ import annotations

import re

from .forms import DEFAULT_FORMS, DEFAULTS, FALLBACK, Form, Forms
from .models import Target
from .text import clean, fold

# "02 hội nghị", "12 tin, bài", "01 lớp tập huấn", "2.000 tờ rơi" -> (form code, unit as written)
_TARGET = re.compile(
    r"(?<![\d/.,])(?P<n>\d{1,3}(?:\.\d{3})*|\d+)\s+(?P<unit>tin,\s*bài|tin\s+bài|tin|bài(?:\s+viết)?|hội\s+nghị|"
    r"hội\s+thảo|tọa\s+đàm|lớp(?:\s+tập\s+huấn)?|buổi(?:\s+(?:sinh\s+hoạt|tập\s+huấn|phát\s+thanh))?|"
    r"tờ\s+rơi|tờ\s+gấp|tờ|pano|áp\s+phích|băng\s+rôn|phong\s+trào|chương\s+trình\s+phát\s+thanh|cuộc\s+thi)\b",
    re.IGNORECASE,
)
# One typed target: a number (thousands with ".") and what follows up to the next number or ";".
_TYPED = re.compile(r"(?P<n>\d{1,3}(?:\.\d{3})+(?!\d)|\d+)(?P<unit>[^\d;]*)")
_EDGE = " ,.:-–\t"
MAX_RATE = 100.0


def _code_of(unit: str, after: str) -> str | None:
    """The form a known unit names ('buổi sinh hoạt' -> sinh_hoat); None for a bare 'buổi' the words
    after it (folded) do not settle."""
    if unit.startswith(("tin", "bài")):
        return "mang_xa_hoi" if "mang xa hoi" in after else "tin_bai"
    if unit.startswith(("hội", "tọa")):
        return "hoi_nghi"
    if unit.startswith("lớp") or unit == "buổi tập huấn":
        return "tap_huan"
    if unit == "buổi sinh hoạt" or (unit == "buổi" and "sinh hoat" in after[:30]):
        return "sinh_hoat"
    if "phát thanh" in unit or (unit == "buổi" and "phat thanh" in after[:30]):
        return "phat_thanh"
    if unit.startswith("tờ"):
        return "to_roi"
    if unit in ("pano", "áp phích", "băng rôn"):
        return "pano"
    if unit == "phong trào":
        return "thi_dua"
    if unit == "cuộc thi":
        return "khac"
    return None


def _target(n: int, code: str, unit: str, forms: Forms) -> Target:
    default = unit == forms.form(code).unit or unit in ("tin, bài", "tin bài") and code == "tin_bai"
    return Target(n, code, "" if default else unit)


_DEFAULT_CODES = frozenset(f.code for f in DEFAULT_FORMS)
_NUMBER = r"(?<![\d/.,])(?P<n>\d{1,3}(?:\.\d{3})*|\d+)\s+"


def _words(text: str) -> str:
    return r"\s+".join(re.escape(w) for w in clean(text).split())


def _own_pattern(f: Form) -> re.Pattern | None:
    """'200 lượt khám sàng lọc' for the unit's form 'Khám sàng lọc' counted in 'lượt': the number, the unit
    and the label; or the number and the label when the label starts with the unit ('03 chiến dịch truyền
    thông'). A bare unit is not enough: 'lượt' alone also counts people."""
    label, unit = _words(f.label), _words(f.unit)
    if not label or not unit:
        return None
    alternatives = [rf"{unit}\s+{label}"]
    if fold(f.label).startswith(fold(f.unit)):
        alternatives.append(label)
    return re.compile(_NUMBER + "(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _own_targets(text: str, forms: Forms, taken: list[tuple[int, int]]) -> list[tuple[int, Target]]:
    out = []
    for f in forms.visible():
        if f.code in _DEFAULT_CODES:
            continue
        pattern = _own_pattern(f)
        for m in pattern.finditer(text) if pattern else ():
            if not any(a < m.end() and m.start() < b for a, b in taken):
                taken.append((m.start(), m.end()))
                out.append((m.start(), Target(int(m["n"].replace(".", "")), f.code, "")))
    return out


# "100 % khoa, phòng", "95% người bệnh được tư vấn": a rate of what follows (up to "và <number>", a verb, ";")
_RATE = re.compile(
    r"(?<![\d.,])(?P<p>\d{1,3}(?:,\d{1,2})?)\s*%\s+(?:(?:số|các)\s+)?(?P<what>[^\W\d][^;.()]*?)"
    r"(?=\s+và\s+\d|\s+(?:đạt|trở lên)\b|\s*[;.()]|\s*$)",
    re.IGNORECASE,
)
# "2.000 lượt người bệnh và người nhà", "500 người dân": people reached (a group of target_kinds, or as written)
_REACH = re.compile(
    r"(?<![\d/.,])(?P<n>\d{1,3}(?:\.\d{3})+|\d+)\s+(?:lượt\s+)?(?P<who>(?:người bệnh|người nhà(?:\s+người bệnh)?|"
    r"nhân viên y tế|cán bộ,\s*nhân viên|người dân|cộng đồng)(?:\s+và\s+(?:người bệnh|người nhà(?:\s+người bệnh)?|"
    r"nhân viên y tế|người dân))?)",
    re.IGNORECASE,
)
# "ít nhất 02 buổi truyền thông trực tiếp": a bare "buổi" the words after name as an activity: a count of "Khác"
_SESSIONS = re.compile(
    r"(?<![\d/.,])(?P<n>\d{1,3})\s+(?P<unit>buổi\s+truyền\s+thông(?:\s+trực\s+tiếp)?)", re.IGNORECASE
)


def _rates_and_reach(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, Target]]:
    """Rates ('100 % khoa, phòng' -> rate of 'khoa, phòng' at 100 %) and reach ('2.000 lượt người bệnh và người
    nhà' -> 2.000 of that group), each its kind (target_kinds); a group of target_kinds.PEOPLE_GROUPS is counted
    from the ledger, another is recorded by the clerk."""
    out = []
    for m in _RATE.finditer(text):
        percent = float(m["p"].replace(",", "."))
        what = clean(m["what"]).strip(" ,:")
        if 0 < percent <= 100 and what:
            taken.append((m.start(), m.end()))
            out.append((m.start(), Target(0, "", kind="rate", group=what, percent=percent)))
    for m in _REACH.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            taken.append((m.start(), m.end()))
            who = re.sub(r"\s+", " ", m["who"]).lower()
            out.append((m.start(), Target(int(m["n"].replace(".", "")), "", kind="reach", group=who)))
    for m in _SESSIONS.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            taken.append((m.start(), m.end()))
            out.append((m.start(), Target(int(m["n"]), FALLBACK, re.sub(r"\s+", " ", m["unit"]).lower())))
    return out


def targets_in(text: str, forms: Forms = DEFAULTS) -> list[Target]:
    """Quantities a superior's text sets: '02 hội nghị' -> Target(2, 'hoi_nghi'); with the unit's own forms
    (`forms`) read too: '200 lượt khám sàng lọc' -> Target(200, 'kham_sang_loc'); rates ('100 % khoa, phòng')
    and reach ('2.000 lượt người bệnh và người nhà') as their kinds."""
    found: list[tuple[int, Target]] = []
    taken: list[tuple[int, int]] = []
    own = _own_targets(text, forms, taken)  # first: "lượt khám sàng lọc" is the unit's form, not prose
    own += _rates_and_reach(text, taken)
    for m in _TARGET.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        unit = re.sub(r"\s+", " ", m["unit"].lower())
        code = _code_of(unit, fold(text[m.end() : m.end() + 60]))
        if code is not None:  # a bare "buổi" in prose: not enough to know the form
            found.append((m.start(), _target(int(m["n"].replace(".", "")), code, unit, forms)))
    return [t for _, t in sorted(found + own, key=lambda x: x[0])]


def _named_in(f, context: str) -> bool:
    """The task's text (folded) names the form: the first two words of its label ('sinh hoat')."""
    words = fold(f.label).split()[:2]
    return bool(words) and " ".join(words) in context


def _typed_target(n: int, unit: str, context: str, forms: Forms) -> Target:
    low = unit.lower()
    m = _TARGET.match(f"0 {low}")
    if m is not None:
        known = re.sub(r"\s+", " ", m["unit"])
        rest = low[m.end() - 2 :]
        code = _code_of(known, fold(rest))
        if code == "tin_bai" and known == "bài" and not rest.strip(_EDGE) and "mang xa hoi" in context:
            code = "mang_xa_hoi"  # "24 bài" of a task on the social networks
        if code is not None:
            return _target(n, code, known if not rest.strip(_EDGE) else low, forms)
    same = [f for f in forms.forms if fold(f.unit) == fold(low)]
    visible = [f for f in same if not f.hidden] or same
    if len(visible) > 1:
        visible = [f for f in visible if _named_in(f, context)]
    if len(visible) == 1:
        return _target(n, visible[0].code, low, forms)
    return Target(n, FALLBACK, low)


# typed rates: "95 % khoa, phòng", "100%", "95,5 %" (what follows up to a number), "tỷ lệ X đạt 95%" (what precedes)
_TYPED_RATE = re.compile(r"(?P<p>\d{1,3}(?:,\d{1,2})?)\s*%(?:\s+trở\s+lên)?(?P<what>[^\d;]*)")
_NAMED_RATE = re.compile(
    r"tỷ\s+lệ\s+(?P<what>.+?)\s+(?:đạt|là)(?:\s+(?:tối\s+thiểu|ít\s+nhất|trên))?\s*$", re.IGNORECASE
)


def _typed_kind(part: str, pos: int, start: int) -> tuple[Target | None, int, str]:
    """A rate or a reach typed at `start` of `part` (`pos`: where the text not yet read begins): (the target,
    where it ends, the lead left unread); (None, start, '') when the number there is a count; a percentage
    out of (0, 100] comes back as (None, end, all of it) so that it is shown as not understood."""
    lead = part[pos:start]
    r = _TYPED_RATE.match(part, start)
    if r is not None:
        percent = float(r["p"].replace(",", "."))
        what = clean(r["what"]).strip(_EDGE)
        named = _NAMED_RATE.search(lead)
        if not 0 < percent <= MAX_RATE or (named and what):
            return None, r.end(), part[pos : r.end()].strip(_EDGE)
        if named:
            what, lead = clean(named["what"]).strip(_EDGE), lead[: named.start()]
        return Target(0, "", kind="rate", group=what, percent=percent), r.end(), lead.strip(_EDGE)
    m = _REACH.match(part, start)
    if m is not None:
        who = re.sub(r"\s+", " ", m["who"]).lower()
        return Target(int(m["n"].replace(".", "")), "", kind="reach", group=who), m.end(), lead.strip(_EDGE)
    return None, start, ""


def read_typed(text: str, context: str = "", forms: Forms = DEFAULTS) -> tuple[list[Target], list[str]]:
    """The targets typed in one cell ('02 hội nghị, 12 tin, bài; 500 lượt') and the pieces that are not
    'number unit' (a number without a unit, words without a number), in the order typed. `context` is
    the task's text: it chooses between forms that share a unit ('10 buổi' of a task on phát thanh);
    `forms` the unit's catalogue. Rates ('tỷ lệ văn bản ký số đạt 100%', '95 % khoa, phòng', '100%') and
    reach ('2.000 lượt người bệnh và người nhà') are read as their kinds (target_kinds)."""
    targets: list[Target] = []
    unread: list[str] = []
    ctx = fold(context)
    for part in clean(text).split(";"):
        pos = 0
        while (m := _TYPED.search(part, pos)) is not None:
            kind, end, lead = _typed_kind(part, pos, m.start())
            if end > m.start():
                if lead:
                    unread.append(lead)
                if kind is not None:
                    targets.append(kind)
                pos = end
                continue
            lead = part[pos : m.start()].strip(_EDGE)
            if lead:
                unread.append(lead)
            pos = m.end()
            unit = " ".join(m["unit"].split()).strip(_EDGE)
            if not unit:
                unread.append(m.group(0).strip(_EDGE))
                continue
            targets.append(_typed_target(int(m["n"].replace(".", "")), unit[:60], ctx, forms))
        tail = part[pos:].strip(_EDGE)
        if tail:
            unread.append(tail)
    return targets, unread
