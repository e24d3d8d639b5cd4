"""Who issued a superior document, read from its header as a clerk reads it, and the text repaired first.

A header arrives as a table (two columns), as lines, as two columns flattened into one (issuer and quốc hiệu
interleaved line by line or side by side), or broken by a web page or a PDF viewer ("ỦY\\nBAN", "Số:\\n488/…",
"ngày 30\\ntháng 5", stray "|" rows, literal "\\r\\n"). `repair_copy` puts the text back together;
`read_issuers` finds the bodies in the header's left column (the parent body over the issuer), leaving the quốc
hiệu and tiêu ngữ out; `issuer_name` writes one out in running text ("UBND TỈNH ĐỒNG THÁP" -> "Ủy ban nhân dân
tỉnh Đồng Tháp").
"""

from __future__ import annotations

import re
import unicodedata

from .citations import fold_chars
from .text import clean, fold

# Cities governed by the centre: their Ủy ban nhân dân is "thành phố X" even when the header only says X.
CITIES = ("ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue")

# The quốc hiệu, the party's heading and the tiêu ngữ (on folded text, any break between words).
_SEP = r"[\s|*]+"
_NATIONAL = re.compile(
    _SEP.join(("cong", "hoa", "xa")) + r"[\s|*]*" + _SEP.join(("hoi", "chu", "nghia", "viet", "nam")),
)
_PARTY = re.compile(_SEP.join(("dang", "cong", "san", "viet", "nam")))
_MOTTO = re.compile(r"doc\s+lap[\s\-–|]*tu\s+do[\s\-–|]*hanh\s+phuc")

# Heads of a body's name (folded, at the start of a header line): a new body starts there.
_BODY_HEADS = (
    "uy ban nhan dan",
    "uy ban",
    "ubnd",
    "hoi dong nhan dan",
    "hdnd",
    "bo ",
    "so ",
    "syt",
    "cuc ",
    "vu ",
    "chi cuc",
    "ban ",
    "bcd",
    "dang bo",
    "dang uy",
    "tinh uy",
    "thanh uy",
    "huyen uy",
    "quan uy",
    "chi bo",
    "trung tam",
    "ttyt",
    "benh vien",
    "bv ",
    "vien ",
    "phong ",
    "tram ",
    "truong ",
    "van phong",
    "cong doan",
    "doan ",
    "hoi ",
)
# Abbreviations written out, and the way each head of a name is written in running text.
_HEADS = (
    (r"(?:UBND|Ủ?Y\s+BAN\s+NHÂN\s+(?:DÂN|NHÂN)|UỶ\s+BAN\s+NHÂN\s+DÂN)", "Ủy ban nhân dân"),
    (r"(?:HĐND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN)", "Hội đồng nhân dân"),
    (r"(?:BCĐ|BAN\s+CHỈ\s+ĐẠO)", "Ban Chỉ đạo"),
    (r"(?:TTYT|TRUNG\s+TÂM\s+Y\s+TẾ)", "Trung tâm Y tế"),
    (r"(?:SYT|SỞ\s+Y\s+TẾ)", "Sở Y tế"),
    (r"(?:BV|BỆNH\s+VIỆN)", "Bệnh viện"),
    (r"BỘ\s+Y\s+TẾ", "Bộ Y tế"),
    (r"ĐẢNG\s+(?:UỶ|ỦY)", "Đảng ủy"),
    (r"ĐẢNG\s+BỘ", "Đảng bộ"),
    (r"TỈNH\s+(?:UỶ|ỦY)", "Tỉnh ủy"),
    (r"THÀNH\s+(?:UỶ|ỦY)", "Thành ủy"),
    (r"HUYỆN\s+(?:UỶ|ỦY)", "Huyện ủy"),
    (r"CHI\s+CỤC", "Chi cục"),
    (r"TRUNG\s+TÂM", "Trung tâm"),
    (r"VĂN\s+PHÒNG", "Văn phòng"),
    (r"CÔNG\s+ĐOÀN", "Công đoàn"),
    (r"TRƯỜNG\s+ĐẠI\s+HỌC", "Trường Đại học"),
    (r"TRƯỜNG\s+CAO\s+ĐẲNG", "Trường Cao đẳng"),
    (r"(BỘ|SỞ|CỤC|VỤ|BAN|VIỆN|PHÒNG|TRẠM|TRƯỜNG|HỘI|ĐOÀN|CHI\s+BỘ)", ""),
)
# Levels of place: written in lower case, the place's name after them capitalised word by word.
_LEVELS = (
    "thành phố",
    "thị xã",
    "thị trấn",
    "tỉnh",
    "huyện",
    "quận",
    "xã",
    "phường",
)
_LEVEL_RX = re.compile(r"(?<!\w)(" + "|".join(_LEVELS) + r")\s+(?=\S)", re.IGNORECASE)
# Well-known words kept in their usual case inside a name.
_WORDS = {"y": "Y", "tế": "tế", "và": "và", "của": "của"}


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _case(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def _place_case(text: str) -> str:
    """'BẮC KẠN' -> 'Bắc Kạn'; 'BÀ RỊA - VŨNG TÀU' -> 'Bà Rịa - Vũng Tàu'; 'Y TẾ LÂM ĐỒNG' -> 'Y tế Lâm Đồng'
    (a well-known word after the first keeps its usual case)."""
    words = text.split()
    return " ".join(_case(w) if not k else _WORDS.get(w.lower(), _case(w)) for k, w in enumerate(words))


def _sentence_case(text: str) -> str:
    """'CHƯƠNG TRÌNH PHÒNG CHỐNG TÁC HẠI THUỐC LÁ TỈNH THỪA THIÊN HUẾ' -> 'Chương trình phòng chống tác hại
    thuốc lá tỉnh Thừa Thiên Huế': a common noun phrase, its place capitalised."""
    m = _LEVEL_RX.search(text)
    head, place = (text[: m.start()], text[m.start() :]) if m else (text, "")
    head = head.strip().lower()
    head = head[:1].upper() + head[1:]
    return f"{head} {_rest_case(place)}".strip() if place else head


def _rest_case(text: str) -> str:
    """The words after a name's head: a place level ('TỈNH ĐỒNG THÁP') gives 'tỉnh Đồng Tháp'; other words
    are a proper name ('PHỔI BÌNH THUẬN' -> 'Phổi Bình Thuận') unless the head already opened one."""
    out: list[str] = []
    pos = 0
    for m in _LEVEL_RX.finditer(text):
        if m.start() < pos:
            continue
        if m.start() > pos:
            out.append(_place_case(text[pos : m.start()]).strip())
        out.append(m[1].lower())
        pos = m.end()
        nxt = _LEVEL_RX.search(text, pos)
        end = nxt.start() if nxt else len(text)
        out.append(_place_case(text[pos:end]).strip())
        pos = end
    if pos < len(text):
        out.append(_place_case(text[pos:]).strip())
    return " ".join(w for w in out if w)


def issuer_name(upper: str) -> str:
    """A body's name as the header prints it (capitals, abbreviations) written in running text:
    'UBND TỈNH ĐỒNG THÁP' -> 'Ủy ban nhân dân tỉnh Đồng Tháp', 'ĐẢNG UỶ TRƯỜNG ĐẠI HỌC VINH' ->
    'Đảng ủy Trường Đại học Vinh', 'SỞ Y TẾ' -> 'Sở Y tế'. A name already in running text is kept."""
    t = clean(_nfc(upper)).strip(" .,;:-*")
    if not t:
        return ""
    if t != t.upper():
        return t
    t = t.replace("UỶ", "ỦY")
    for rx, head in _HEADS:
        m = re.match(rx + r"(?=\s|$)", t)
        if not m:
            continue
        rest = t[m.end() :].strip()
        head = head or _case(m.group(0))
        sub = issuer_name(rest) if rest and any(re.match(r + r"(?=\s|$)", rest) for r, _ in _HEADS[:-1]) else ""
        if sub:
            return f"{head} {sub}"
        proper = head.startswith(("Bệnh viện", "Trường", "Đảng", "Tỉnh", "Thành", "Huyện", "Ủy", "Hội đồng"))
        bloc = head.startswith("Đảng") and rest.startswith("KHỐI ")  # "Đảng ủy Khối các cơ quan tỉnh"
        common = (not proper or bloc) and rest and not _LEVEL_RX.match(rest)
        return f"{head} {_sentence_case(rest) if common else _rest_case(rest)}".strip()
    return _rest_case(t)


def issuer_of_place(place: str, level: str = "") -> str:
    """'Quảng Ngãi' -> 'Ủy ban nhân dân tỉnh Quảng Ngãi'; 'Cần Thơ' -> '… thành phố Cần Thơ' (a header that
    lost its second line: the place of issue names the province)."""
    place = clean(place)
    if not place:
        return ""
    level = level or ("thành phố" if fold(place) in CITIES else "tỉnh")
    return f"Ủy ban nhân dân {level} {place}"


def _without_national(line: str) -> str:
    """The line with the quốc hiệu, the party heading and the tiêu ngữ taken out (what the left column says)."""
    f = fold_chars(line)
    spans = [m.span() for rx in (_NATIONAL, _PARTY, _MOTTO) for m in rx.finditer(f)]
    if not spans:
        return line
    chars = list(line)
    for a, b in spans:
        for i in range(a, min(b, len(chars))):
            chars[i] = " "
    return "".join(chars)


# Pieces of the quốc hiệu left on a line when the right column is split over two lines with the left one
# between them ("UBND TỈNH X   CỘNG HÒA XÃ HỘI" / "SỞ Y TẾ   CHỦ NGHĨA VIỆT NAM"), spaces folded.
_NATIONAL_PART = re.compile(
    r"\s(?:cong\s+hoa(?:\s+xa(?:\s+hoi)?)?|(?:xa\s+hoi\s+)?chu\s+nghia(?:\s+viet(?:\s+nam)?)?|doc\s+lap\b.*)\s*$"
)


def header_columns(lines: list[str]) -> list[str]:
    """The left column of a header's lines: quốc hiệu, tiêu ngữ, rules and the right column removed, each
    remaining line in capitals (the issuer's lines, the parent's first)."""
    joined = "\n".join(lines)
    # the quốc hiệu broken over two lines ("CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM"): removed as one
    cleaned = _without_national(joined).split("\n")
    out = []
    for ln in cleaned:
        if m := _NATIONAL_PART.search(fold_chars(ln)):
            ln = ln[: m.start()]
        col = re.split(r"\s{3,}|\|", ln.strip())[0].strip(" *-–_")
        f = fold(col)
        if not col or not any(c.isalpha() for c in col) or col != col.upper():
            continue
        if (
            f in ("cong", "hoa", "cong hoa", "viet nam", "chu nghia viet nam")
            or f.startswith(("so:", "so "))
            and re.search(r"\d", col)
        ):
            continue
        out.append(clean(col))
    return out


def starts_body(line: str) -> bool:
    f = fold(line) + " "
    return any(f.startswith(h) for h in _BODY_HEADS)


def read_issuers(left: list[str]) -> tuple[str, str]:
    """(issuer, parent) in running text from a header's left column: lines that start a body ('UBND', 'BAN
    CHỈ ĐẠO …', 'ĐẢNG UỶ …') start a new one, the others ('TỈNH BẮC KẠN') continue the one above."""
    bodies: list[str] = []
    for ln in left:
        if bodies and not starts_body(ln) or bodies and re.fullmatch(r"(?:ỦY|UỶ|ỦY BAN|UỶ BAN)", bodies[-1]):
            bodies[-1] = f"{bodies[-1]} {ln}"
        else:
            bodies.append(ln)
    bodies = [issuer_name(b) for b in bodies if b]
    if not bodies:
        return "", ""
    return bodies[-1], (bodies[-2] if len(bodies) > 1 else "")


def has_place(name: str) -> bool:
    """True when the name says where the body is ('… tỉnh Bắc Kạn', '… huyện Nhà Bè')."""
    return bool(_LEVEL_RX.search(name or ""))


def place_of(name: str) -> str:
    """'Ủy ban nhân dân tỉnh Bắc Kạn' -> 'tỉnh Bắc Kạn' ('' when the name has no place)."""
    m = _LEVEL_RX.search(name or "")
    return name[m.start() :] if m else ""


# ------------------------------------------------------------------ text broken by copying

_RULE = re.compile(r"^[\s\-–—_*=~.]{3,}$")
_KINDS_GLUED = re.compile(r"(?<=\d/)(QĐ|NĐ)(?=[A-Z]{2,}\b)")
_DIGIT_GLUED = re.compile(r"\b(\d{1,4})(NQ|KH|CT|TB|BC|HD|CV|QĐ)/")


def _unflatten(line: str) -> str:
    """A whole header and preamble flattened onto one line (a document-sharing page): broken again before
    'Số:', the place and date, the title, 'Căn cứ', 'QUYẾT ĐỊNH:' and each 'Điều N.'."""
    if len(line) < 300 or not _NATIONAL.search(fold_chars(line)):
        return line
    line = re.sub(r"^\s*\d{1,2}\.\s+", "", line)
    for rx in (
        r"\s+(?=Số\s*:)",
        r"\s+(?=[A-ZĐ][^\s,]*(?:\s[A-ZĐ][^\s,]*){0,3},\s*ngày\s+\d)",
        r"(?<=\d{4})\s{2,}(?=[A-ZĐ]{2,})",
        r"(?<=[a-z])\s+(?=CỘNG\s+HÒA)",
        r"(?<=Hạnh phúc)\s+",
        r"(?<=Y TẾ)\s+(?=CỘNG)",
        r"\s+(?=Căn cứ\s)",
        r"\s+(?=QUYẾT ĐỊNH\s*:)",
        r"\s+(?=Điều\s+\d+\s*\.)",
        r"\s+(?=(?:BỘ TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC)\s+[A-ZĐ])",
        r"\s{2,}(?=Độc lập)",
    ):
        line = re.sub(rx, "\n", line)
    line = re.sub(r"Độc lập\s+Tự do\s+Hạnh phúc", "Độc lập - Tự do - Hạnh phúc", line)
    return line


def repair_copy(text: str) -> str:
    """The text as the page showed it: copy damage repaired before reading (see the module's doc)."""
    t = _nfc(text or "").replace("\r\n", "\n").replace("\r", "\n")
    t = t.replace("\\r\\n", "\n").replace("\\n", "\n")
    t = t.replace("XàHỘI", "XÃ HỘI").replace("\u00a0", " ")
    t = "\n".join(_unflatten(ln) for ln in t.split("\n"))
    t = _KINDS_GLUED.sub(r"\1-", t)
    t = _DIGIT_GLUED.sub(r"\1-\2/", t)
    lines = []
    for ln in t.split("\n"):
        for cell in ln.split("|"):
            cell = cell.rstrip()
            if _RULE.match(cell):
                cell = ""
            lines.append(cell)
    out: list[str] = []
    for ln in lines:
        s = ln.strip()
        prev = out[-1].strip() if out else ""
        if (
            out
            and (
                (re.fullmatch(r"S[ốo]\s*:?", prev) and re.match(r"\d", s))  # "Số:\n488/KH-UBND"
                or (re.fullmatch(r"(?:ỦY|UỶ|CỘNG)", prev) and s[:1].isupper() and s == s.upper())  # "ỦY\nBAN …"
                or (
                    re.search(r",\s*ng\S{1,3}y(?:\s+\d{1,2})?$|\sth\S{1,3}ng\s+\d{1,2}$|^[^,]{2,30},$", prev)
                    and re.match(r"(?:ng\S{1,3}y|\d{1,2}\s+th\S{1,3}ng|th\S{1,3}ng|n\S{1,2}m\s+\d{4})", s)
                )  # "…, ngày 23\ntháng 10 năm 2023", "Hà Nội,\nngày …"
                or (
                    re.fullmatch(r"[A-ZĐÀ-Ỹ][a-zà-ỹđ]+", prev)
                    and re.match(r"[A-ZĐÀ-Ỹ]?[\wà-ỹđ ]{0,20},\s*ng\S{1,3}y", s)
                )
            )
        ):  # "Bắc\nKạn, ngày …"
            out[-1] = f"{prev} {s}"
            continue
        out.append(ln)
    return "\n".join(out)


def named_in_body(header: str, lead: str) -> str:
    """The header's issuer, or the lead sentence's naming of it when that is the same body said in full
    ('BAN CHỈ ĐẠO CHƯƠNG TRÌNH PHÒNG CHỐNG TÁC HẠI THUỐC LÁ' in the header, 'Ban chỉ đạo Chương trình phòng,
    chống tác hại của thuốc lá tỉnh Thừa Thiên Huế xây dựng …' in the body): its head written as a head."""
    h, b = fold(header).replace(",", "").split(), fold(lead).replace(",", "").split()
    if len(b) <= len(h) or not set(h) <= set(b) or h[:2] != b[:2]:
        return header
    upper = lead.upper()
    for rx, head in _HEADS[:-1]:
        m = re.match(rx + r"(?=\s|$)", upper.replace("UỶ", "ỦY"))
        if m and head:
            return f"{head} {lead[len(m.group(0)) :].strip()}"
    return lead
