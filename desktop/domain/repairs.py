"""Repairs offered on an imported plan, never made silently: the clerk sees each one (what, where, before,
after), keeps or drops it, and apply_repairs makes the kept ones on the plan draft.

Kinds: `glued` (two syllables without the space: "Chínhtrị"), `symbol` (a space that joining wrapped
lines put inside a number and symbol: "57- NQ/TW"), `citation` (a document named another way than the
catalogue's: "Nghị quyết 57" -> "Nghị quyết số 57-NQ/TW"), `diacritics` (a paragraph that lost its marks,
restored by diacritics.restore with the model of resources/diacritics.json.gz; the paragraph retyped by hand when
nothing could be restored) and `wording` (the superior's own words a unit must change: "các đơn vị
trực thuộc Sở", "ngành Y tế tỉnh …", the superior as the subject of a duty; no automatic fix), `repeat` (a phrase written twice
back to back, domain/unit_voice.py) and `scope` (the superior's scope, "Phạm vi: Toàn quốc", made the unit's).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .citations import as_ref, find_mentions, match
from .diacritics import Model, restore_with, scanned
from .models import LegalRef, Plan, PlanItem
from .numbering import section_label
from .text import fold
from .vnformat import short_date

# also the order repairs are applied in: a restored paragraph already holds its citations and symbols written out
KINDS = ("diacritics", "citation", "glued", "symbol", "repeat", "scope", "channels", "wording")


@dataclass
class Repair:
    kind: str  # one of KINDS
    where: str  # for the clerk: "II.1, -2" (item), "tiêu đề", "mở đầu"
    before: str
    after: str | None  # None: the clerk rewrites it (diacritics, wording)
    accepted: bool = True
    path: tuple[int, ...] = ()  # index path into plan.items; () when the target is not an item
    target: str = "item"  # item | title | opening (texts read from the opening: superior, basis)
    note: str = ""  # what is wrong, in Vietnamese


# ------------------------------------------------------------------ syllables

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
_SHAPE = re.compile(rf"^{_ONSET}[aăâeêioôơuưy]{{1,3}}(?:ch|nh|ng|c|m|n|p|t)?$")


def _toneless(s: str) -> str:
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", s) if c not in _TONES))


def syllable_shape(word: str) -> bool:
    """True when `word` is built like one Vietnamese syllable (onset, one to three vowels, final)."""
    w = _toneless(word.lower())
    return bool(_SHAPE.match(w)) and len(w) <= 7


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """The syllable list (package data, desktop/resources/syllables.json; its "about" says how it was made).

    Read with importlib.resources from the package itself, where desktop.paths.resource() finds it: the domain
    layer imports nothing outside desktop.domain (tests/test_architecture.py)."""
    import json
    from importlib.resources import files

    data = json.loads(files("desktop").joinpath("resources", "syllables.json").read_text(encoding="utf-8"))
    return frozenset(unicodedata.normalize("NFC", w) for row in data["syllables"] for w in row.split())


def split_glued(word: str) -> tuple[str, str] | None:
    """'Chínhtrị' -> ('Chính', 'trị'): a marked word that is no syllable but two known ones."""
    known = syllables()
    low = word.lower()
    if low in known or not any(ord(c) > 127 for c in word) or word.isupper() or len(word) < 4:
        return None
    for i in range(len(word) - 1, 1, -1):
        left, right = low[:i], low[i:]
        if left in known and right in known:
            return word[:i], word[i:]
    return None


@lru_cache(maxsize=1)
def diacritics_model() -> Model:
    """The diacritics model (package data, desktop/resources/diacritics.json.gz, built by
    tools/make_diacritics.py), read like syllables() above."""
    import gzip
    import json
    from importlib.resources import files

    raw = files("desktop").joinpath("resources", "diacritics.json.gz").read_bytes()
    return Model.from_data(json.loads(gzip.decompress(raw).decode("utf-8")))


# ------------------------------------------------------------------ finders

_WORD = re.compile(r"[^\W\d_]+")
_SPACED = re.compile(r"(?<![\w/-])(\d{1,5}(?:[-/][A-ZĐ0-9]+)*)([-–/]) (?=([A-ZĐ][A-ZĐ0-9]*(?:[-/][A-ZĐ0-9]+)*))")
_WORDING = (
    (
        re.compile(
            r"(?:các\s+)?(?:cơ quan,\s+|phòng,\s+)?đơn vị trực thuộc(?:\s+(?:Sở|Bộ)(?:\s+Y tế)?)?", re.IGNORECASE
        ),
        "đơn vị trực thuộc cấp trên: đơn vị thực hiện không có đơn vị trực thuộc — hãy đổi thành khoa, phòng",
    ),
    (
        re.compile(r"ngành Y tế\s+(?:(?:tỉnh|thành phố)\s+)?[A-ZĐÀ-Ỹ][^\s,;.:]*(?:\s+[A-ZĐÀ-Ỹ][^\s,;.:]*)*"),
        "phạm vi của cấp trên (ngành Y tế của cả tỉnh, thành phố): hãy đổi thành phạm vi của đơn vị",
    ),
)


def _glued(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _WORD.finditer(text):
        if parts := split_glued(m.group(0)):
            out.append((m.group(0), f"{parts[0]} {parts[1]}"))
    return out


def _spaced(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _SPACED.finditer(text):
        head, sep, tail = m.group(1), m.group(2), m.group(3)
        if "/" not in head + sep + tail or not re.search(r"\d", head):
            continue  # "kinh tế - xã hội", "2025- Bộ": not a number and symbol
        out.append((f"{head}{sep} {tail}", f"{head}{sep}{tail}"))
    return out


def canonical_mention(m, ref: LegalRef) -> str:
    """'Nghị quyết số 57-NQ/TW' (+ ' ngày 22/12/2024' when the text gave a date)."""
    s = f"{ref.kind} số {ref.number}"
    if m.issued and ref.issued:
        s += f" ngày {short_date(ref.issued)}"
    return s


def _citations(text: str, known: list[LegalRef]) -> list[tuple[str, str]]:
    out = []
    for m in find_mentions(text):
        ref = match(as_ref(m), known)
        if ref is None:
            continue
        before = text[m.start : m.end]
        after = canonical_mention(m, ref)
        if before != after and (before, after) not in out:
            out.append((before, after))
    return out


def _wording(text: str, subjects: list[str]) -> list[tuple[str, str]]:
    out = []
    for rx, note in _WORDING:
        for m in rx.finditer(text):
            out.append((m.group(0).strip(), note))
    f = fold(text)
    for s in subjects:
        if s and f.startswith(fold(s) + " "):
            out.append((text[: len(s)], "cấp trên là chủ thể của nhiệm vụ: hãy đổi thành khoa, phòng của đơn vị"))
            break
    return out


def superior_wording(text: str, subjects: list[str]) -> list[tuple[str, str]]:
    """(phrase, note) of every passage of `text` still in the superior's voice: its units "trực thuộc", its scope
    ("ngành Y tế tỉnh …"), a duty whose subject is one of `subjects` (the superior)."""
    return _wording(text, subjects)


def item_labels(items: list[PlanItem]) -> list[tuple[tuple[int, ...], str, PlanItem]]:
    """(path, label, item) in document order; labels as the plan prints them: 'II.1', 'II.1, -2', 'II.4, -1, +2'."""
    out = []

    def rec(children, path, label, depth, bullet_depth):
        section = 0
        other = 0
        for i, it in enumerate(children):
            p = path + (i,)
            if it.kind == "section":
                section += 1
                lab = section_label(depth, section).rstrip(".)")
                lab = f"{label}.{lab}" if label else lab
                out.append((p, lab, it))
                rec(it.children, p, lab, depth + 1, 0)
            else:
                other += 1
                mark = "+" if bullet_depth else "-"
                lab = f"{label}, {mark}{other}" if label else f"{mark}{other}"
                out.append((p, lab, it))
                rec(it.children, p, lab, depth, bullet_depth + 1)

    rec(items, (), "", 0, 0)
    return out


def find_repairs(plan: Plan, opening: list[str], known: list[LegalRef], subjects: list[str], lost=None) -> list[Repair]:
    """Every repair offered on the draft: its title, its items, and the opening it was read from."""
    from .plan_import import lost_diacritics

    lost = lost or lost_diacritics
    out: list[Repair] = []
    # a scan's OCR is read in the document, not in each paragraph: "MUC PICH" of a scan is "MỤC ĐÍCH"
    texts = [plan.title] + [it.text for _, _, it in item_labels(plan.items)]
    scan_ocr = any(lost(t) and scanned(t) for t in texts)

    def add(kind, where, before, after, path=(), target="item", note=""):
        if not any(r.kind == kind and r.path == path and r.target == target and r.before == before for r in out):
            out.append(Repair(kind, where, before, after, True, path, target, note))

    def scan(text, where, path=(), target="item", wording=True):
        for b, a in _citations(text, known):
            add("citation", where, b, a, path, target, "trích dẫn văn bản chưa đúng cách viết thống nhất")
        for b, a in _glued(text):
            add("glued", where, b, a, path, target, "thiếu dấu cách giữa hai tiếng")
        for b, a in _spaced(text):
            add("symbol", where, b, a, path, target, "khoảng trắng thừa trong số, ký hiệu văn bản")
        if lost(text):
            fixes = _citations(text, known) + _spaced(text)
            after = restore_with(text, fixes, diacritics_model(), scan_ocr)
            if after != text:
                note = "đoạn bị mất dấu tiếng Việt: dấu được khôi phục tự động, hãy so với bản gốc trước khi nhận"
                add("diacritics", where, text, after, path, target, note)
            else:
                add(
                    "diacritics", where, text, None, path, target, "đoạn bị mất dấu tiếng Việt: hãy gõ lại theo bản gốc"
                )
        if wording:
            for b, note in _wording(text, subjects):
                add("wording", where, b, None, path, target, note)

    scan(plan.title, "tiêu đề", target="title", wording=False)
    for para in opening:
        for b, a in _glued(para):
            add("glued", "mở đầu", b, a, (), "opening", "thiếu dấu cách giữa hai tiếng")
    for path, label, it in item_labels(plan.items):
        scan(it.text, label, path)
    return out


# ------------------------------------------------------------------ applying


def _item(plan: Plan, path: tuple[int, ...]) -> PlanItem | None:
    items, it = plan.items, None
    for i in path:
        if i >= len(items):
            return None
        it = items[i]
        items = it.children
    return it


def apply_repairs(plan: Plan, repairs: list[Repair]) -> int:
    """Makes the accepted repairs that have an `after` on `plan` (in place); returns how many changed a text.

    A repair whose `before` is no longer in its target (changed by an earlier one, or by the clerk) is left."""
    done = 0
    order = {k: i for i, k in enumerate(KINDS)}
    for r in sorted(repairs, key=lambda r: order.get(r.kind, 99)):
        if not r.accepted or r.after is None or not r.before:
            continue
        if r.target == "title":
            if r.before in plan.title:
                plan.title, done = plan.title.replace(r.before, r.after), done + 1
        elif r.target == "opening":
            refs = ([plan.superior.ref] if plan.superior else []) + list(plan.basis)
            changed = False
            for ref in refs:
                for attr in ("summary", "issuer"):
                    value = getattr(ref, attr)
                    if r.before in value:
                        setattr(ref, attr, value.replace(r.before, r.after))
                        changed = True
            done += changed
        else:
            it = _item(plan, r.path)
            if it is not None and r.before in it.text:
                it.text, done = it.text.replace(r.before, r.after), done + 1
    return done
