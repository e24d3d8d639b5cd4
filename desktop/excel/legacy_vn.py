"""Detect and convert legacy Vietnamese font encodings (TCVN3 / VNI) to Unicode.

Old office documents were typed with 8-bit "Vietnamese fonts": TCVN3 (ABC,
fonts ".VnTime", ".VnArial"...) or VNI-Windows (fonts "VNI-Times"...).  When
such a workbook is read today (openpyxl gives ``str``), every legacy byte shows
up as the Windows-1252 / Latin-1 character of that byte, so the text looks
like ``"Bé Y tÕ"`` (TCVN3) or ``"Boä Y teá"`` (VNI).  This module detects such
text and converts it to Unicode NFC.  Pure Python: no I/O, no Qt.

Source of the tables
--------------------
Both tables follow VnConv, the converter library of the UniKey project
(Pham Kim Long, http://unikey.sourceforge.net), file ``unikey/data.cpp`` as
shipped in the public repository ``fcitx/fcitx5-unikey``:

* TCVN3: ``SingleByteTables[0]`` ("TCVN3").  That file stores the bytes as
  MacRoman glyphs; they were decoded back to byte values (and cross-checked
  against ``src/charsets.ts`` of ``duydev/vietnamese-conversion``).
* VNI: ``DoubleByteTables[0]`` ("VNI-WIN"), whose words hold the base letter
  in the low byte and the mark in the high byte.

The vowel order of both tables is UniKey's: for each base letter the plain
letter, then the acute, grave, hook-above, tilde and dot-below forms.

TCVN3 (ABC, TCVN 5712:1993 VN3) has separate codes only for the uppercase
base letters Ă Â Đ Ê Ô Ơ Ư; an uppercase letter with a tone shares the code of
the lowercase one (uppercase was shown by switching to a ".VnTimeH" font).
So ``to_unicode(..., "tcvn3")`` yields lowercase toned letters, except that a
word written otherwise in capitals ("CéNG" -> "CỘNG") is upper-cased; see
``_restore_tcvn3_case``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["ENCODINGS", "detect", "fix_column", "fix_legacy", "to_unicode"]

ENCODINGS = ("tcvn3", "vni")

# --------------------------------------------------------------------------
# Unicode side: Vietnamese vowels in UniKey order (plain, acute, grave,
# hook above, tilde, dot below), lowercase; uppercase by str.upper().
# --------------------------------------------------------------------------
_VOWELS = {
    "a": "aáàảãạ",
    "â": "âấầẩẫậ",
    "ă": "ăắằẳẵặ",
    "e": "eéèẻẽẹ",
    "ê": "êếềểễệ",
    "i": "iíìỉĩị",
    "o": "oóòỏõọ",
    "ô": "ôốồổỗộ",
    "ơ": "ơớờởỡợ",
    "u": "uúùủũụ",
    "ư": "ưứừửữự",
    "y": "yýỳỷỹỵ",
}

# --------------------------------------------------------------------------
# TCVN3 (UniKey VnConv SingleByteTables "TCVN3").
# Per base: (uppercase base, lowercase base, acute, grave, hook, tilde, dot).
# Toned letters have one code for both cases.
# --------------------------------------------------------------------------
_TCVN3_ROWS = {
    "a": (0x41, 0x61, 0xB8, 0xB5, 0xB6, 0xB7, 0xB9),
    "â": (0xA2, 0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB),
    "ă": (0xA1, 0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6),
    "e": (0x45, 0x65, 0xD0, 0xCC, 0xCE, 0xCF, 0xD1),
    "ê": (0xA3, 0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6),
    "i": (0x49, 0x69, 0xDD, 0xD7, 0xD8, 0xDC, 0xDE),
    "o": (0x4F, 0x6F, 0xE3, 0xDF, 0xE1, 0xE2, 0xE4),
    "ô": (0xA4, 0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9),
    "ơ": (0xA5, 0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE),
    "u": (0x55, 0x75, 0xF3, 0xEF, 0xF1, 0xF2, 0xF4),
    "ư": (0xA6, 0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9),
    "y": (0x59, 0x79, 0xFD, 0xFA, 0xFB, 0xFC, 0xFE),
}
_TCVN3_DD = (0xA7, 0xAE)  # Đ, đ

# --------------------------------------------------------------------------
# VNI-Windows (UniKey VnConv DoubleByteTables "VNI-WIN").
# A letter is a base byte plus an optional mark byte; uppercase letters use
# the uppercase marks.  Marks: (acute, grave, hook, tilde, dot).
# --------------------------------------------------------------------------
_VNI_TONE_LOWER = (0xF9, 0xF8, 0xFB, 0xF5, 0xEF)  # ù ø û õ ï
_VNI_TONE_UPPER = (0xD9, 0xD8, 0xDB, 0xD5, 0xCF)  # Ù Ø Û Õ Ï
# circumflex alone, then circumflex + (acute, grave, hook, tilde, dot)
_VNI_CIRC_LOWER = (0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4)  # â á à å ã ä
_VNI_CIRC_UPPER = (0xC2, 0xC1, 0xC0, 0xC5, 0xC3, 0xC4)  # Â Á À Å Ã Ä
# breve alone, then breve + (acute, grave, hook, tilde, dot)
_VNI_BREVE_LOWER = (0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB)  # ê é è ú ü ë
_VNI_BREVE_UPPER = (0xCA, 0xC9, 0xC8, 0xDA, 0xDC, 0xCB)  # Ê É È Ú Ü Ë
# Letters that are a single byte in VNI: (uppercase code, lowercase code)
_VNI_SINGLE = {
    "đ": (0xD1, 0xF1),  # Ñ ñ
    "í": (0xCD, 0xED),  # Í í
    "ì": (0xCC, 0xEC),  # Ì ì
    "ỉ": (0xC6, 0xE6),  # Æ æ
    "ĩ": (0xD3, 0xF3),  # Ó ó
    "ị": (0xD2, 0xF2),  # Ò ò
    "ơ": (0xD4, 0xF4),  # Ô ô
    "ư": (0xD6, 0xF6),  # Ö ö
    "ỵ": (0xCE, 0xEE),  # Î î
}


def _b(code: int) -> str:
    """The character Excel/openpyxl shows for a legacy byte (cp1252)."""
    return bytes([code]).decode("cp1252")


def _build_tcvn3() -> tuple[dict[str, str], frozenset[str]]:
    table: dict[str, str] = {}
    toned: set[str] = set()
    for base, row in _TCVN3_ROWS.items():
        letters = _VOWELS[base]
        upper, lower = _b(row[0]), _b(row[1])
        if upper != base.upper():
            table[upper] = base.upper()
        if lower != base:
            table[lower] = base
        for code, letter in zip(row[2:], letters[1:]):
            table[_b(code)] = letter
            toned.add(_b(code))
    table[_b(_TCVN3_DD[0])] = "Đ"
    table[_b(_TCVN3_DD[1])] = "đ"
    return table, frozenset(toned)


def _build_vni() -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, bool]]]:
    """(pairs base+mark -> letter, single legacy char -> letter, mark -> (kind, upper))."""
    pairs: dict[str, str] = {}
    singles: dict[str, str] = {}
    for letter, (up, low) in _VNI_SINGLE.items():
        singles[_b(up)] = letter.upper()
        singles[_b(low)] = letter
    # plain vowels a e o u y (+ ơ ư written as their single byte) with tones
    tone_bases = {
        "a": "a",
        "e": "e",
        "o": "o",
        "u": "u",
        "y": "y",
        "ơ": _b(_VNI_SINGLE["ơ"][1]),
        "ư": _b(_VNI_SINGLE["ư"][1]),
    }
    for vowel, legacy in tone_bases.items():
        legacy_up = legacy.upper()
        for i, letter in enumerate(_VOWELS[vowel][1:]):
            if vowel == "y" and i == 4:
                continue  # ỵ is the single byte î / Î
            pairs[legacy + _b(_VNI_TONE_LOWER[i])] = letter
            pairs[legacy_up + _b(_VNI_TONE_UPPER[i])] = letter.upper()
    for base, vowel in (("a", "â"), ("e", "ê"), ("o", "ô")):
        for i, letter in enumerate(_VOWELS[vowel]):
            pairs[base + _b(_VNI_CIRC_LOWER[i])] = letter
            pairs[base.upper() + _b(_VNI_CIRC_UPPER[i])] = letter.upper()
    for i, letter in enumerate(_VOWELS["ă"]):
        pairs["a" + _b(_VNI_BREVE_LOWER[i])] = letter
        pairs["A" + _b(_VNI_BREVE_UPPER[i])] = letter.upper()
    marks: dict[str, tuple[str, bool]] = {}
    for lower_set, upper_set, kind in (
        (_VNI_TONE_LOWER, _VNI_TONE_UPPER, "tone"),
        (_VNI_CIRC_LOWER, _VNI_CIRC_UPPER, "circ"),
        (_VNI_BREVE_LOWER, _VNI_BREVE_UPPER, "breve"),
    ):
        for code in lower_set:
            marks[_b(code)] = (kind, False)
        for code in upper_set:
            marks[_b(code)] = (kind, True)
    return pairs, singles, marks


_TCVN3, _TCVN3_TONED = _build_tcvn3()
_VNI_PAIRS, _VNI_SINGLES, _VNI_MARKS = _build_vni()

# Characters that exist only in Unicode Vietnamese (never in legacy text):
# ă đ ĩ ũ ơ ư (both cases), the U+1EA0..U+1EF9 block and combining marks (NFD).
_UNICODE_ONLY_RE = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u036f]"
)

_LEGACY_CHARS = {
    "tcvn3": frozenset(_TCVN3),
    "vni": frozenset(_VNI_SINGLES) | frozenset(_VNI_MARKS),
}

# --------------------------------------------------------------------------
# Conversion
# --------------------------------------------------------------------------


def _decode_tcvn3(text: str) -> tuple[str, list[bool]]:
    """Char-by-char decode; also return, per output char, 'is a toned code'."""
    out: list[str] = []
    ambiguous: list[bool] = []
    for ch in text:
        out.append(_TCVN3.get(ch, ch))
        ambiguous.append(ch in _TCVN3_TONED)
    return "".join(out), ambiguous


def _restore_tcvn3_case(chars: list[str], ambiguous: list[bool]) -> None:
    """Upper-case toned letters inside words written in capitals (in place).

    TCVN3 has no uppercase toned letters: "CỘNG" is stored as "CéNG".  A word
    whose unambiguous letters are all uppercase and number at least two is
    upper-cased.  A word with one uppercase letter only ("Bé", "TÕ") is
    upper-cased only when the whole text is in capitals (no unambiguous
    lowercase letter at all and at least one word with two or more capitals);
    otherwise it stays title case ("Bộ Y Tế").
    """
    words: list[tuple[int, int, int, int, bool]] = []  # start, end, n_upper, n_lower, has_amb
    i, n = 0, len(chars)
    while i < n:
        if not chars[i].isalpha():
            i += 1
            continue
        j = i
        n_up = n_low = 0
        has_amb = False
        while j < n and chars[j].isalpha():
            if ambiguous[j]:
                has_amb = True
            elif chars[j].isupper():
                n_up += 1
            elif chars[j].islower():
                n_low += 1
            j += 1
        words.append((i, j, n_up, n_low, has_amb))
        i = j
    all_caps = (not any(w[3] for w in words)) and any(w[2] >= 2 for w in words)
    for start, end, n_up, n_low, has_amb in words:
        if not has_amb or n_low:
            continue
        if n_up >= 2 or all_caps:
            for k in range(start, end):
                if ambiguous[k]:
                    chars[k] = chars[k].upper()


def _decode_vni(text: str) -> tuple[str, int]:
    """Decode VNI; return (text, number of marks that had no valid base)."""
    out: list[str] = []
    errors = 0
    i, n = 0, len(text)
    while i < n:
        pair = text[i : i + 2]
        letter = _VNI_PAIRS.get(pair)
        if letter is None and len(pair) == 2 and pair[1] in _VNI_MARKS:
            # lenient: the mark typed in the other case ("Aù", "aÙ")
            swapped = pair[0] + pair[1].swapcase()
            letter = _VNI_PAIRS.get(swapped)
            if letter is not None:
                letter = letter.upper() if pair[0].isupper() else letter.lower()
        if letter is not None:
            out.append(letter)
            i += 2
            continue
        ch = text[i]
        if ch in _VNI_SINGLES:
            out.append(_VNI_SINGLES[ch])
        else:
            if ch in _VNI_MARKS:
                errors += 1
            out.append(ch)
        i += 1
    return "".join(out), errors


def to_unicode(text: str, encoding: str) -> str:
    """Convert legacy text ("tcvn3" or "vni", bytes seen as cp1252) to Unicode NFC."""
    enc = (encoding or "").lower().replace("-", "").replace("_", "")
    if enc in ("tcvn3", "tcvn", "abc"):
        decoded, ambiguous = _decode_tcvn3(text)
        chars = list(decoded)
        _restore_tcvn3_case(chars, ambiguous)
        result = "".join(chars)
    elif enc in ("vni", "vniwin", "vniwindows"):
        result, _ = _decode_vni(text)
    else:
        raise ValueError(f"unknown legacy encoding: {encoding!r} (expected 'tcvn3' or 'vni')")
    return unicodedata.normalize("NFC", result)


# --------------------------------------------------------------------------
# Vietnamese syllable check (used by detection)
# --------------------------------------------------------------------------
# spelling rules: k, gh, ngh only before e ê i (y); c, g, ng never before them
_INITIALS = (
    r"ngh(?=[eêi])|gh(?=[eêi])|k(?=[eêiy])|ng(?![eêi])|c(?![eêiy])|g(?![eê])"
    r"|nh|ch|gi|kh|ph|qu|q(?=u)|th|tr|b|d|đ|h|l|m|n|p|r|s|t|v|x"
)
_OPEN_ONLY = (
    "iêu|yêu|oai|oao|oay|oeo|uây|uôi|uya|uyu|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ui|ưi|ưu|ưa|ua|uơ|y"
)
_OPEN_OR_CLOSED = "oa|oe|uê|uy|a|e|ê|i|o|ô|ơ|u|ư"
_CLOSED_ONLY = "uyê|iê|yê|uô|ươ|oă|uâ|ă|â"
_FINALS = "ch|nh|ng|c|m|n|p|t"
_SYLLABLE_RE = re.compile(
    rf"(?:{_INITIALS})?"
    rf"(?:(?:{_OPEN_ONLY})|(?:{_OPEN_OR_CLOSED})(?:{_FINALS})?|(?:{_CLOSED_ONLY})(?:{_FINALS}))"
)  # loanword rhymes such as "oong" (xoong) are left out on purpose
_TONE_MARKS = {"\u0301": "acute", "\u0300": "grave", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}
_VIET_VOWELS = frozenset("".join(_VOWELS.values()))
_VIET_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ" + "".join(_VOWELS.values()))


def _is_syllable(word: str) -> bool:
    """True if ``word`` (any case) is a well-formed Vietnamese syllable."""
    low = unicodedata.normalize("NFC", word.lower())
    if not low or any(ch not in _VIET_LETTERS for ch in low):
        return False
    decomposed = unicodedata.normalize("NFD", low)
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    if not _SYLLABLE_RE.fullmatch(bare):
        return False
    # a syllable closed by a stop (c, ch, p, t) takes only the acute or dot tone
    if bare.endswith(("c", "p", "t")) and (not tones or _TONE_MARKS[tones[0]] not in ("acute", "dot")):
        return False
    return True


def _is_unicode_word(word: str) -> bool:
    """True if ``word`` reads as a normal (Unicode) Vietnamese word as it is."""
    if not (word.islower() or word.isupper() or word.istitle()):
        return False
    return _is_syllable(word)


# --------------------------------------------------------------------------
# Detection
# --------------------------------------------------------------------------
_THRESHOLD = 3


def _tokens(text: str, legacy: frozenset[str]) -> list[str]:
    tokens: list[str] = []
    cur: list[str] = []
    for ch in text:
        if ch.isalpha() or ch in legacy:
            cur.append(ch)
        elif cur:
            tokens.append("".join(cur))
            cur = []
    if cur:
        tokens.append("".join(cur))
    return tokens


def _decode_word(word: str, encoding: str) -> str | None:
    """Decoded word, or None if the word cannot be legacy text of ``encoding``."""
    legacy = _LEGACY_CHARS[encoding]
    if any(not ch.isascii() and ch not in legacy for ch in word):
        return None
    if encoding == "tcvn3":
        decoded, _ = _decode_tcvn3(word)
    else:
        decoded, errors = _decode_vni(word)
        if errors:
            return None
    return decoded


# TCVN3 codes that are symbols, not letters, in cp1252 (¸ µ ¶ · ¹ ¨ © ® ...):
# inside a word they are a hallmark of TCVN3.
_TCVN3_SYMBOLS = frozenset(ch for ch in _TCVN3 if not ch.isalpha() or ch in "\u00b5\u00aa")


def _has_hallmark(word: str, encoding: str) -> bool:
    if encoding != "tcvn3":
        return False
    if any(ch in _TCVN3_SYMBOLS for ch in word):
        return True
    # "tÕ", "kiÕn": a non-ASCII capital right after a lowercase letter
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:]) if not b.isascii())


def _score(text: str, encoding: str) -> tuple[int, int]:
    """(score, number of strong words) of ``text`` being in ``encoding``.

    Words with a non-ASCII character are weighed:

    * strong: not a normal Unicode Vietnamese word as it is, but decodes to a
      valid syllable.  Weight 1, +1 if the syllable starts with a consonant,
      +1 if the word has a TCVN3 hallmark (symbol code, "tÕ" casing) or two
      or more legacy characters.  So "où" (French) weighs 1, "Lü" or
      "Phßng" 2, "S\u00b6n" or "Döôïc" 3;
    * weak (+1): valid both as it is and decoded ("Bé" -> "Bộ");
    * against: does not decode to a valid syllable (-2 when it already is a
      valid Unicode word, else -1).

    Single characters ("©", "§", "µ" alone) are ignored.  Plain ASCII words
    add +1 once when more of them are Vietnamese syllables ("Khoa", "Mau",
    "ty") than not ("est", "gare", "Wei"); words without a vowel are ignored.
    """
    legacy = _LEGACY_CHARS[encoding]
    score = strong = 0
    ascii_valid = ascii_invalid = 0
    for word in _tokens(text, legacy):
        if word.isascii():
            # abbreviations without a vowel (KH, BV, TNHH) say nothing
            if len(word) >= 2 and word.isalpha() and any(c in "aeiouyAEIOUY" for c in word):
                if _is_syllable(word):
                    ascii_valid += 1
                else:
                    ascii_invalid += 1
            continue
        if len(word) < 2:
            continue
        decoded = _decode_word(word, encoding)
        ok = decoded is not None and _is_syllable(decoded)
        raw_ok = _is_unicode_word(word)
        if ok and not raw_ok:
            n_legacy = sum(1 for ch in word if ch in legacy)
            weight = 1
            if decoded[0].lower() not in _VIET_VOWELS:
                weight += 1
            if n_legacy >= 2 or _has_hallmark(word, encoding):
                weight += 1
            score += weight
            strong += 1
        elif ok:
            score += 1
        elif raw_ok:
            score -= 2
        else:
            score -= 1
    if strong and ascii_valid > ascii_invalid:
        score += 1
    return score, strong


def detect(text: str) -> str | None:
    """Return "tcvn3", "vni" or None (Unicode, ASCII or unsure)."""
    if not text or text.isascii() or _UNICODE_ONLY_RE.search(text):
        return None
    scores: dict[str, int] = {}
    for encoding in ENCODINGS:
        if any(ch in _LEGACY_CHARS[encoding] for ch in text):
            score, strong = _score(text, encoding)
            if strong and score >= _THRESHOLD:
                scores[encoding] = score
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None  # both readings equally plausible: unsure
    return ranked[0][0]


def fix_legacy(text: str) -> tuple[str, str | None]:
    """(text converted to Unicode NFC, encoding) or (text unchanged, None)."""
    encoding = detect(text)
    if encoding is None:
        return text, None
    return to_unicode(text, encoding), encoding


def fix_column(values: Sequence[str]) -> tuple[list[str], str | None]:
    """Detect once for a whole column / file, then convert every value.

    Values that already contain Unicode-only Vietnamese characters (a cell
    retyped in Unicode) and non-str values (None, numbers) are left as they
    are; detection runs on the other values joined together.
    """
    candidates = [isinstance(v, str) and not _UNICODE_ONLY_RE.search(v) for v in values]
    joined = "\n".join(v for v, c in zip(values, candidates) if c)
    encoding = detect(joined)
    if encoding is None:
        return list(values), None
    return [to_unicode(v, encoding) if c else v for v, c in zip(values, candidates)], encoding
