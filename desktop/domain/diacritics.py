"""Vietnamese diacritics restored in a text that lost them (typed without marks, or a scan's OCR).

A syllable n-gram model (trigram, interpolated) over accented lowercase syllables: every syllable of the
text is folded to its bare key ("quyet"), the model's forms of that key are the candidates ("quyết", "quyệt"),
and a second-order Viterbi picks the likeliest sequence. Numbers stand in the context as "<n>", punctuation
as "<p>". OCR damage ("s6" for "số", "ciia" for "của", "PICH" for "ĐÍCH") is read through a small table of
glyph confusions that turns a damaged syllable into keys the model knows, at a cost.

Pure: the model (a `Model`, built from the data of desktop/resources/diacritics.json.gz by `Model.from_data`)
is handed in; the loader lives in repairs.py beside the other package-data reader. Built by
tools/make_diacritics.py; measured by bench/diacritics.py.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

BOUNDARY = "<p>"
NUMBER = "<n>"
L3, L2, L1 = 0.5, 0.4, 0.1  # interpolation weights of the trigram, bigram and unigram estimates
MAX_CANDIDATES = 6
OCR_COST = 3.0  # natural-log cost of each glyph confusion assumed
RARE = 30  # a key whose forms the training text has fewer times than this may be an OCR misreading itself
MARKED_COST = 1.0  # extra cost of a confusion on a marked OCR syllable whose bare key is itself known

_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"}
_TOKEN = re.compile(r"[^\W_]+(?:[€¢&§]+[^\W_]*)*|\S")
_OCR_HINT = re.compile(r"[€¢§]|[^\W\d_][016]|[016][^\W\d_]")  # a scan's glyphs: "s6" for "số", "1ap" for "lập"


def bare(word: str) -> str:
    """'Quyết' -> 'quyet', 'Đảng' -> 'dang': lowercase, every mark and the bar of đ removed."""
    s = unicodedata.normalize("NFD", word.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in s if c not in _MARKS)


def has_marks(word: str) -> bool:
    return bare(word) != word.lower() or "đ" in word.lower()


@dataclass
class Model:
    forms: dict[str, tuple[str, ...]]  # bare key -> accented forms, most frequent first
    uni: dict[str, int]
    bi: dict[tuple[str, str], int]
    tri: dict[tuple[str, str, str], int]
    total: int
    abbreviations: dict[str, str]  # bare all-caps code -> its spelling with Đ: 'QD' -> 'QĐ'

    @classmethod
    def from_data(cls, data: dict) -> Model:
        """From the resource's JSON: syllables, their counts, and n-grams as flat index lists."""
        syl = data["syllables"]
        uni = dict(zip(syl, data["unigrams"], strict=True))
        b = data["bigrams"]
        bi = {(syl[b[i]], syl[b[i + 1]]): b[i + 2] for i in range(0, len(b), 3)}
        t = data["trigrams"]
        tri = {(syl[t[i]], syl[t[i + 1]], syl[t[i + 2]]): t[i + 3] for i in range(0, len(t), 4)}
        forms: dict[str, list[str]] = {}
        for s in sorted(syl, key=lambda s: -uni[s]):
            if not s.startswith("<"):
                forms.setdefault(bare(s), []).append(s)
        abbr = dict(data.get("abbreviations", {}))
        return cls({k: tuple(v) for k, v in forms.items()}, uni, bi, tri, sum(uni.values()), abbr)

    def score(self, u: str, v: str, w: str) -> float:
        """log P(w | u v), the trigram, bigram and unigram estimates interpolated (fixed weights)."""
        p1 = (self.uni.get(w, 0) + 0.5) / self.total
        cv = self.uni.get(v, 0)
        p2 = self.bi.get((v, w), 0) / cv if cv else 0.0
        cuv = self.bi.get((u, v), 0)
        p3 = self.tri.get((u, v, w), 0) / cuv if cuv else 0.0
        return math.log(L3 * p3 + L2 * p2 + L1 * p1)


# ------------------------------------------------------------------ OCR confusions

# (pattern on the lowercased damaged syllable, replacement): glyphs a scan's OCR reads for Vietnamese letters
_CONFUSIONS = [
    (re.compile(p), r)
    for p, r in (
        ("6", "o"),
        ("0", "o"),
        ("[€&]", "e"),
        ("¢", ""),
        ("¢", "e"),
        ("§", "a"),
        ("^1", "l"),
        ("ii", "u"),
        ("ia", "u"),
        ("ia", "a"),
        ("ti", "u"),
        ("(?<=[a-z])[il]r", "u"),
        ("(?<=[a-z])tr", "u"),
        ("(?<=[a-z])fr", "u"),
        ("w", "u"),
        ("q(?!u)", "o"),
        ("^p", "d"),
        ("^b", "d"),
        ("b$", "o"),
        ("y$", "u"),
        ("(?<=[^aeiouy])d(?=[^aeiouy]|$)", "o"),
        ("(?<=[^aeiouy])d(?=[^aeiouy]|$)", "a"),
        ("(?<=u)d(?=c)", "o"),
        ("(?<=[a-z])g(?=[a-z])", "e"),
        ("(?<=[a-z])g(?=[a-z])", "o"),
        ("(?<=[a-z])g(?=[a-z])", "a"),
        ("i(?=n)", "a"),
        ("aa", "a"),
        ("e", "o"),
        ("o", "a"),
        ("e", "a"),
    )
]


def _confused(raw: str, known) -> list[tuple[str, int]]:
    """Keys the damaged syllable may stand for, with how many confusions each assumes (one or two)."""
    low = unicodedata.normalize("NFC", raw.lower())
    start = {bare(low)}
    seen: dict[str, int] = {}
    frontier = [(k, 0) for k in start]
    for depth in (1, 2):
        nxt = []
        for key, _ in frontier:
            for rx, rep in _CONFUSIONS:
                for m in rx.finditer(key):
                    v = key[: m.start()] + rep + key[m.end() :]
                    if v and v not in seen and v not in start:
                        seen[v] = depth
                        nxt.append((v, depth))
        frontier = nxt
    return [(k, d) for k, d in seen.items() if k in known]


# ------------------------------------------------------------------ restoring


def _case_like(form: str, raw: str) -> str:
    letters = [c for c in raw if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return form.upper()
    if raw[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _candidates(raw: str, model: Model, ocr: bool) -> list[tuple[str, float]]:
    """(accented lowercase form, cost) for one word; [] when the word is no Vietnamese syllable the model knows."""
    key = bare(raw)
    out: list[tuple[str, float]] = [(f, 0.0) for f in model.forms.get(key, ())[:MAX_CANDIDATES]]
    damaged = not key.isalpha() or not key.isascii()
    rare = sum(model.uni[f] for f, _ in out) < RARE
    if ocr and len(raw) > 1 and (damaged or rare or has_marks(raw)):
        extra = MARKED_COST if out else 0.0
        for k, depth in sorted(_confused(raw, model.forms), key=lambda kd: kd[1]):
            for f in model.forms[k][:3]:
                out.append((f, depth * OCR_COST + extra))
    if not out:
        return []
    best: dict[str, float] = {}
    for f, c in out:
        best[f] = min(c, best.get(f, c))
    return sorted(best.items(), key=lambda fc: fc[1])[: MAX_CANDIDATES * 2]


def _decode(cands: list[list[tuple[str, float]]], model: Model) -> list[str]:
    """Second-order Viterbi over the candidates of each position (a lone candidate is fixed)."""
    # state: (prev, cur) -> (score, back-pointer list)
    states: dict[tuple[str, str], tuple[float, tuple]] = {(BOUNDARY, BOUNDARY): (0.0, ())}
    for options in cands:
        nxt: dict[tuple[str, str], tuple[float, tuple]] = {}
        for (u, v), (s, path) in states.items():
            for w, cost in options:
                sc = s + model.score(u, v, w) - cost
                key = (v, w)
                if key not in nxt or sc > nxt[key][0]:
                    nxt[key] = (sc, (path, w))
        states = nxt
    best = max(states.values(), key=lambda sp: sp[0])[1]
    out: list[str] = []
    while best:
        best, w = best
        out.append(w)
    return out[::-1]


def _is_code(text: str, m: re.Match, model: Model) -> bool:
    """An all-caps word that is part of a document symbol ('NQ' of '57-NQ/TW', 'QD' of 'QD-UBND') or no syllable
    ('HDND', 'BCDTW')."""
    raw = m.group(0)
    if len(raw) < 2 or not raw.isalpha() or not raw.isupper():
        return False
    before = text[m.start() - 1 : m.start()]
    after = text[m.end() : m.end() + 2]
    glued = before in ("/", "-") or (after[:1] in ("/", "-") and after[1:2].isalnum())
    return glued or bare(raw).upper() in model.abbreviations


def lacks_marks(text: str) -> bool:
    """True when fewer than half the words have a mark: a Vietnamese text typed without them or a scan that lost
    them (abbreviations in running text not counted). A text that has its marks is never restored."""
    toks = re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", text))
    caps = all(t.isupper() for t in toks)
    words = [t for t in toks if caps or not (len(t) > 1 and t.isupper())]
    return bool(words) and sum(has_marks(w) for w in words) * 2 < len(words)


def scanned(text: str) -> bool:
    """The glyphs of a scan's OCR in a text without its marks: marks on a few words, digits inside words."""
    return any(has_marks(w) or _OCR_HINT.search(w) for w in text.split())


def restore(text: str, model: Model, ocr: bool | None = None, keep: tuple[tuple[int, int], ...] = ()) -> str:
    """The text with its syllables' marks restored; everything else (numbers, codes, spacing) as it was.

    `ocr`: read the glyph confusions of a scan; by default when the text has digits or symbols inside words
    or marks at all (a typed text without marks has neither). `keep`: spans of `text` (start, end) left as they
    are, their words still the context of their neighbours (a citation already written out in full)."""
    if not ocr and not lacks_marks(text):
        return text
    text = unicodedata.normalize("NFC", text)
    tokens = list(_TOKEN.finditer(text))
    if ocr is None:
        free = [t.group(0) for t in tokens if not any(a <= t.start() < b for a, b in keep)]
        ocr = any(has_marks(w) or _OCR_HINT.search(w) for w in free)
    seq: list[list[tuple[str, float]]] = []
    where: list[int | None] = []  # token index restored at each position, None for context tokens
    fixed: dict[int, str] = {}  # codes: their Đ restored from the table, nothing else
    for i, m in enumerate(tokens):
        raw = m.group(0)
        if any(a <= m.start() < b for a, b in keep):
            low = raw.lower()
            seq.append([(low if low in model.uni else BOUNDARY, 0.0)])
            where.append(None)
            continue
        if _is_code(text, m, model):
            if (abbr := model.abbreviations.get(bare(raw).upper())) and abbr != raw:
                fixed[i] = abbr
            seq.append([(BOUNDARY, 0.0)])
            where.append(None)
            continue
        if raw.isdigit():
            seq.append([(NUMBER, 0.0)])
            where.append(None)
            continue
        cands = _candidates(raw, model, ocr) if any(c.isalpha() for c in raw) else []
        if cands:
            seq.append(cands)
            where.append(i)
        else:
            seq.append([(BOUNDARY, 0.0)])
            where.append(None)
    chosen = _decode(seq, model) if seq else []
    out = {i: _case_like(w, tokens[i].group(0)) for w, i in zip(chosen, where, strict=True) if i is not None}
    out.update(fixed)
    parts: list[str] = []
    pos = 0
    for i in sorted(out):
        m = tokens[i]
        parts.append(text[pos : m.start()])
        parts.append(out[i])
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts)


def restore_with(text: str, fixes: list[tuple[str, str]], model: Model, ocr: bool | None = None) -> str:
    """The text with `fixes` (before, after: citations and symbols written out) made, and the marks of the rest
    restored around them; the fixes' own text is left as it is."""
    if not fixes or not lacks_marks(text):
        return restore(text, model, ocr)
    rx = re.compile("|".join(re.escape(b) for b, _ in sorted(fixes, key=lambda f: -len(f[0]))))
    table = dict(fixes)
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = size = 0
    for m in rx.finditer(text):
        parts.append(text[pos : m.start()])
        size += m.start() - pos
        after = table[m.group(0)]
        parts.append(after)
        spans.append((size, size + len(after)))
        size += len(after)
        pos = m.end()
    parts.append(text[pos:])
    if ocr is None:
        ocr = scanned(text)
    return restore("".join(parts), model, ocr, keep=tuple(spans))


def words(text: str) -> list[str]:
    """The words of a text, as the accuracy is counted (bench, tests)."""
    return re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", text))


def strip(text: str) -> str:
    """The text as typed without marks: 'Quyết định' -> 'Quyet dinh' (case kept)."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        if c in "đĐ":
            out.append("d" if c == "đ" else "D")
        else:
            out.append("".join(x for x in unicodedata.normalize("NFD", c) if x not in _MARKS))
    return "".join(out)
