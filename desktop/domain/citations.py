"""Documents named in a plan's text ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "Nghị quyết 57",
"NQ số 57", an OCR "Nghi quyét s6 57- NQ/TW"), read into LegalRefs and matched to the catalogue, so that
one document is one reference however the text spells it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from .models import LegalRef
from .text import clean, fold


def fold_chars(text: str) -> str:
    """fold() that keeps every position: one folded character per character of an NFC text."""
    out = []
    for c in text:
        base = unicodedata.normalize("NFD", c.replace("đ", "d").replace("Đ", "D"))[:1].lower()[:1]
        out.append(base or c)
    return "".join(out)


# Kinds of document, as folded regexes tolerant of OCR (one wrong letter), and their canonical names.
_KINDS = (
    (r"th\S{1,2}ng\s+b\S{1,2}o\s+k\S{1,2}t\s+lu\S{1,2}n", "Thông báo kết luận"),
    (r"ngh\S\s+quy\S{1,2}t", "Nghị quyết"),
    (r"ngh\S\s+\S{1,2}nh", "Nghị định"),
    (r"quy\S{1,2}t\s+\S{1,2}nh", "Quyết định"),
    (r"k\S{0,2}\s+h\S{2,3}ch(?:\s+h\S{1,2}nh\s+\S{1,2}ng)?", "Kế hoạch"),
    (r"th\S{1,2}ng\s+b\S{1,2}o", "Thông báo"),
    (r"c\S{1,2}ng\s+v\S{1,2}n", "Công văn"),
    (r"th\S{1,2}ng\s+t\S{1,2}\s+li\S{1,2}n\s+t\S{1,2}ch", "Thông tư liên tịch"),
    (r"th\S{1,2}ng\s+t\S{1,2}", "Thông tư"),
    (r"ch\S\s+th\S", "Chỉ thị"),
    (r"ch\S{1,2}\s*ng\s+tr\S{1,2}nh\s+h\S{1,2}nh\s+\S{1,2}ng", "Chương trình hành động"),
    (r"v\S{1,2}n\s+b\S{1,2}n", "Văn bản"),
    (r"k\S{1,2}t\s+lu\S{1,2}n", "Kết luận"),
    (r"b\S{1,2}o\s+c\S{1,2}o", "Báo cáo"),
    (r"h\S{1,3}ng\s+d\S{1,2}n", "Hướng dẫn"),
)
_ABBR = {
    "NQ": "Nghị quyết",
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "NĐ": "Nghị định",
    "CV": "Công văn",
    "TB": "Thông báo",
    "CT": "Chỉ thị",
    "BC": "Báo cáo",
}
_KIND_RX = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<k{i}>{rx})" for i, (rx, _) in enumerate(_KINDS)) + r")"
    r"(?:\s+(?:s\S{0,2}|6))?\s+(?=\d)"
)
_ABBR_RX = re.compile(r"(?<![\w/-])(?P<abbr>NQ|KH|QĐ|NĐ|CV|TB|CT|BC)(?:\s+số)?\s+(?=\d)")
# A kind's word alone, and its number later in parentheses: "theo Hướng dẫn triển khai … năm 2014 (số 1018/BYT-TT-KT
# ngày 10/3/2014)"
_KIND_WORD = re.compile(r"(?<![\w])(?:" + "|".join(f"(?P<k{i}>{rx})" for i, (rx, _) in enumerate(_KINDS)) + r")(?!\w)")
_PAREN = re.compile(r"\(\s*s\S{1,2}\s+(?=\d)")
# The number and symbol on the original text: "57-NQ/TW", "42/2025/NĐ-CP", "57- NQ/TW", "71/NQ- -CP", "787/Qb-BYT".
_NUMBER = re.compile(r"\d{1,5}(?:\s?[-–]\s?(?:-\s?)?[A-ZĐ0-9][A-Za-zĐđ0-9&]*|/[A-Za-zĐđ0-9][A-Za-zĐđ0-9&]*)*")
_DATE = re.compile(
    r"\s*,?\s+ng\S{1,3}y\s+(?P<d>\d{1,2})(?:\s?/\s?(?P<m>\d{1,2})\s?/\s?|\s+th\S{1,3}ng\s+(?P<m2>\d{1,2})\s+n\S{1,3}m\s+)"
    r"(?P<y>\d{4})"
)
# A law cited by its name: "Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007", "Luật Dược số 105/2016/QH13"
_LAW = re.compile(r"(?<![\w])Lu\S{1,2}t\s+(?=[A-ZĐÀ-Ỹa-zđà-ỹ])")
_LAW_END = re.compile(
    r"\s*,?\s+(?=ng\S{1,3}y\s+\d|n\S{1,2}m\s+\d{4}|s\S{1,2}\s+\d|do\s|\S{1,3}\S{0,2}c\s+th\S{1,3}ng)|[;:(“”\"]|\.\s|\.$|$"
)
# "…; số 06/CT-TTg ngày …", "… ngày 22/01/2020 số 32-CT/TU": a number after a citation shares its kind
_BARE = re.compile(r"(?:(?<=[;,])|(?<=\d{4}))\s*(?:c\S{1,2}c\s+)?s\S{1,2}\s+(?=\d)")
_OF = re.compile(r"\s+c\S{1,3}a\s+")
_ISSUER_END = re.compile(
    r"\s(?:ve|ban\s+hanh|quy\s+dinh|trien\s+khai|thuc\s+hien|tai|huong\s+dan|sua\s+doi|nham|"
    r"den\s+nam|ve\s+viec|va\s+viec)\s|[,;.:“”\"()]|$"
)


@dataclass
class Mention:
    """A document named in a text: [start, end) spans the kind, number and date as written."""

    start: int
    end: int
    kind: str
    number: str  # as written, spaces and all
    issued: date | None = None
    issuer: str = ""  # as written ('' if not named)
    issuer_end: int = 0  # end of "của <issuer>" (== end when no issuer)
    summary: str = ""  # what follows the issuer up to the end of the clause


# A party document's symbol with its slash typed as a dash: "1691-TB-TU" for "1691-TB/TU"
_PARTY_DASH = re.compile(r"^(\d+-(?:NQ|KH|CT|CTr|TB|KL|CV|QĐ|QD|BC|HD|QC|QĐi))-((?:TW|TU|HU|QU|ĐU|DU|BCĐ|BCD)\w*)$")


def number_key(number: str) -> str:
    """'57- NQ/TW' -> '57-NQ/TW', '02-KH/BCĐTW' -> '02-KH/BCDTW': the same document however typed."""
    k = fold_chars(clean(number)).upper().replace("–", "-")
    k = re.sub(r"\s+", "", k)
    return _PARTY_DASH.sub(r"\1/\2", re.sub(r"-{2,}", "-", k))


def clean_number(number: str) -> str:
    """The number as it should be printed: spaces removed, dashes single ('71/NQ- -CP' -> '71/NQ-CP'), a party
    symbol's slash put back ('1691- TB-TU' -> '1691-TB/TU')."""
    n = re.sub(r"\s+", "", clean(number)).replace("–", "-")
    return _PARTY_DASH.sub(r"\1/\2", re.sub(r"-{2,}", "-", n))


def find_mentions(text: str) -> list[Mention]:
    """Every document named in `text`, in order."""
    t = unicodedata.normalize("NFC", text or "")
    f = fold_chars(t)
    out: list[Mention] = []
    starts = [
        (m.start(), m.end(), next(_KINDS[i][1] for i in range(len(_KINDS)) if m[f"k{i}"])) for m in _KIND_RX.finditer(f)
    ]
    starts += [(m.start(), m.end(), _ABBR[m["abbr"]]) for m in _ABBR_RX.finditer(t)]
    starts += [(m.start(), m.end(), "") for m in _BARE.finditer(f)]
    for m in _PAREN.finditer(f):
        words = list(_KIND_WORD.finditer(f, max(0, m.start() - 160), m.start()))
        if words and not re.search(r"[;.]", f[words[-1].end() : m.start()]):
            k = words[-1]
            starts.append((m.start(), m.end(), next(_KINDS[i][1] for i in range(len(_KINDS)) if k[f"k{i}"])))
    for m in _LAW.finditer(t):
        stop = _LAW_END.search(t, m.end())
        name_end = stop.start() if stop else len(t)
        if year := re.match(r"\s+n\S{1,2}m\s+\d{4}", t[name_end:]):
            name_end += len(year[0])  # "Luật Khám chữa bệnh năm 2009": the year is part of the name
        if re.match(r"s\S{1,2}\s+\d", t[m.end() :]):
            starts.append((m.start(), m.end() - 1, "Luật "))  # "Luật số 09/2012/QH13 …"
        elif 0 < name_end - m.end() <= 160:
            starts.append((m.start(), name_end, "Luật " + t[m.end() : name_end].strip(" ,")))
    for s, e, kind in sorted(starts):
        if out and s < out[-1].end:
            continue
        if not kind:  # a bare "số …" right after a citation
            if not out or s - out[-1].issuer_end > 3:
                continue
            kind = out[-1].kind
        law = kind.startswith("Luật ")
        if law:
            num = re.match(r"\s+s\S{1,2}\s+(\d[^\s,;]*)", t[e:])
            number = num[1].rstrip(".,;") if num else ""
            end = e + (len(num[0]) - len(num[1]) + len(number) if num else 0)
        else:
            nm = _NUMBER.match(t, e)
            if not nm:
                continue
            number = nm.group(0).rstrip("-– ")
            end = e + len(number)
        issued = None
        dm = _DATE.match(f, end) or (_DATE.search(f, end, min(len(f), end + 120)) if law else None)
        if dm:
            try:
                issued = date(int(dm["y"]), int(dm["m"] or dm["m2"]), int(dm["d"]))
                end = dm.end()
            except ValueError:
                pass
        kind = kind.strip()
        if law and not (number or issued or re.search(r"\d{4}", kind)):
            continue  # "Luật …" named in passing, without number or date: not a citation
        mention = Mention(s, end, kind, number, issued, issuer_end=end)
        if om := _OF.match(f, end):
            stop = _ISSUER_END.search(f, om.end())
            iend = stop.start() if stop else len(t)
            issuer = t[om.end() : iend].strip()
            if 0 < len(issuer.split()) <= 14:
                mention.issuer, mention.issuer_end = issuer, om.start() + len(t[om.start() : iend].rstrip())
                rest = re.split(r"[;“”]|\.\s|\.$", t[mention.issuer_end :])[0]
                mention.summary = clean(rest).rstrip(",")
        out.append(mention)
    return out


def as_ref(m: Mention) -> LegalRef:
    summary = m.summary
    if summary and not fold(summary).startswith(("ve ", "ban hanh", "quy dinh", "huong dan")):
        summary = ""
    return LegalRef(clean(m.kind), clean_number(m.number), m.issued, clean(m.issuer), summary)


_CONNECTORS = re.compile(
    r"^(?:[-+•*]\s*)?(?:c\S{1,2}n\s+c\S{1,2}|th\S{1,2}c\s+hi\S{1,2}n|ti\S{1,2}p\s+theo)?\s*(?:c\S{1,2}c)?\s*$"
)


def cited(text: str) -> list[Mention]:
    """The documents a căn cứ or a "Thực hiện …" paragraph cites: each mention standing at the start of a
    clause (after "Căn cứ", "Thực hiện", ";", ",", "và", a bullet), several in one paragraph; not a document
    merely named inside another citation ("… thực hiện Nghị quyết số 20-NQ/TW …")."""
    t = unicodedata.normalize("NFC", text or "")
    f = fold_chars(t)
    out: list[Mention] = []
    for m in find_mentions(t):
        before = f[: m.start]
        cut = max(before.rfind(";"), before.rfind(","), before.rfind("("), before.rfind(":"))
        clause = before[cut + 1 :].strip()
        listed = bool(out) and not f[out[-1].end : m.start].strip()  # "… ngày 22/01/2020 số 32-CT/TU": the list goes on
        if listed or _CONNECTORS.match(clause) or re.search(r"(?:^|\s)va(?:\s+cac)?$", clause):
            out.append(m)
    return out


def _leading(number: str) -> str | None:
    """The number's leading digits without zeros ('02-KH/…' -> '2'); None for an entry with no number
    (a superior document whose number could not be read, kept in the catalogue as it was)."""
    m = re.match(r"\d+", number or "")
    return (m[0].lstrip("0") or "0") if m else None


def _symbol(key: str) -> str:
    """What follows a number key's leading digits ('57-NQ/TW' -> '-NQ/TW'); the whole key without them."""
    m = re.match(r"\d+", key)
    return key[m.end() :] if m else key


def match(ref: LegalRef, catalogue: list[LegalRef]) -> LegalRef | None:
    """The catalogue's entry for `ref`: same number and symbol (folded), else the same kind and leading
    number with a close symbol (OCR: '02-KH/BCDDTWW'), or for a bare number ('Nghị quyết 57') the only
    entry of that kind and number."""
    key = number_key(ref.number)
    if not key:  # a law cited by name: the same name (and date when both have one)
        return next(
            (
                c
                for c in catalogue
                if not number_key(c.number)
                and fold(c.kind) == fold(ref.kind)
                and (c.issued == ref.issued or not (c.issued and ref.issued))
            ),
            None,
        )
    for c in catalogue:
        if number_key(c.number) == key:
            return c
    lead = _leading(ref.number)
    kind = fold(ref.kind).split()[0:2]
    same = [c for c in catalogue if lead and _leading(c.number) == lead and fold(c.kind).split()[0:2] == kind]
    if not same or lead is None:  # no leading number: nothing in the catalogue is `same`
        return None
    symbol = _symbol(key)
    if not symbol:
        return same[0] if len(same) == 1 else None
    best = max(same, key=lambda c: SequenceMatcher(None, number_key(c.number)[len(lead) :], symbol).ratio())
    ratio = SequenceMatcher(None, _symbol(number_key(best.number)), symbol).ratio()
    return best if ratio >= 0.7 else None


def same_issuer(a: str, b: str) -> bool:
    """'Sở Y tế tỉnh Lâm Đồng' and 'sở Y tế tỉnh Lâm Đồng' (or one the start of the other) name one body."""
    fa, fb = fold(a), fold(b)
    return bool(fa and fb) and (fa == fb or fa.startswith(fb + " ") or fb.startswith(fa + " "))
