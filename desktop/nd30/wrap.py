"""Lines of a paragraph as a word processor sets them: broken at its line breaks, then wrapped
at spaces to the available width (greedy, the way Word and LibreOffice fill a line). Used to
measure a short ruled line against the longest printed line, both when writing a document
and when checking one; and to choose where a long unit name is broken."""

from __future__ import annotations

from itertools import combinations

from .textwidth import text_width_pt

__all__ = ["PLACE_WORDS", "longest_line_pt", "name_breaks", "wrapped_lines"]

# Words before which an administrative name is best broken ("… BỆNH TẬT / TỈNH BÌNH THUẬN").
# The widths ignore kerning, so they slightly overestimate a printed line: a line this much
# wider than its column is taken to fit.
SLACK = 1.01
PLACE_WORDS = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "PHƯỜNG", "KHU VỰC")


def wrapped_lines(text: str, size_pt: float, bold: bool, avail_pt: float | None) -> list[str]:
    """The printed lines of `text` ('\\n' = a line break) in a column `avail_pt` wide."""
    out: list[str] = []
    for hard in text.split("\n"):
        words = hard.split()
        if not words:
            continue
        if avail_pt is None:
            out.append(" ".join(words))
            continue
        line = words[0]
        for w in words[1:]:
            cand = f"{line} {w}"
            if text_width_pt(cand, size_pt, bold) <= avail_pt * SLACK:
                line = cand
            else:
                out.append(line)
                line = w
        out.append(line)
    return out


def longest_line_pt(text: str, size_pt: float, bold: bool, avail_pt: float | None) -> float:
    """Width in pt of the longest printed line of `text` (never more than the column)."""
    widths = [text_width_pt(line, size_pt, bold) for line in wrapped_lines(text, size_pt, bold, avail_pt)]
    top = max(widths, default=0.0)
    return min(top, avail_pt) if avail_pt is not None else top


def name_breaks(text: str, size_pt: float, bold: bool, avail_pt: float, most: int = 4) -> list[int]:
    """Where to break a one-line name that does not fit `avail_pt`: the indexes of the spaces
    to replace by line breaks ([] when it fits, or when no choice of at most `most` lines does).
    No break inside a two-syllable word ("THÀNH | PHỐ") or a place name ("TỈNH BÌNH | THUẬN"),
    at the cost of one more line if need be; then the fewest lines; then breaks before a place
    word (TỈNH, THÀNH PHỐ, HUYỆN …); then the most even lines (the longest line shortest)."""
    words = text.split()
    if len(words) < 2 or text_width_pt(" ".join(words), size_pt, bold) <= avail_pt:
        return []
    upper = [w.upper() for w in words]
    starts_place = [
        any(" ".join(upper[i:]).startswith(pw + " ") or " ".join(upper[i:]) == pw for pw in PLACE_WORDS)
        for i in range(len(words))
    ]
    inside_place = []  # a break before word i would cut a place name ("TỈNH BÌNH | THUẬN")
    in_place = False
    for i in range(len(words)):
        if starts_place[i]:
            in_place = True
            inside_place.append(False)
        else:
            inside_place.append(in_place)
    best, fewest = None, None
    for n in range(2, min(most, len(words)) + 1):
        if fewest is not None and n > fewest + 1:  # one more line to avoid a bad break, not two
            break
        for cuts in combinations(range(1, len(words)), n - 1):
            bounds = (0, *cuts, len(words))
            lines = [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])]
            widest = max(text_width_pt(line, size_pt, bold) for line in lines)
            if widest > avail_pt:
                continue
            fewest = n if fewest is None else fewest
            bad = sum(inside_place[c] or f"{upper[c - 1]} {upper[c]}" in COMPOUNDS for c in cuts)
            score = (bad, n, -sum(starts_place[c] for c in cuts), widest)
            if best is None or score < best[0]:
                best = (score, cuts)
    if best is None:
        return []
    # word index → index of the space before it in `text` (words are separated by single spaces)
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if len(spaces) != len(words) - 1:
        return []
    return [spaces[c - 1] for c in best[1]]


# Two-syllable words of unit names that a break must not cut ("THÀNH | PHỐ").
COMPOUNDS = frozenset(
    "THÀNH PHỐ|BỆNH VIỆN|TRUNG TÂM|Y TẾ|KIỂM SOÁT|BỆNH TẬT|ĐA KHOA|KHU VỰC|THỊ XÃ|Y HỌC|CỔ TRUYỀN|PHỤC HỒI|"
    "CHỨC NĂNG|CHUYÊN KHOA|HỒ CHÍ|CHÍ MINH|HÀ NỘI|ĐÀ NẴNG|CẦN THƠ|HẢI PHÒNG|NHI ĐỒNG|PHỤ SẢN|SẢN NHI|TÂM THẦN|"
    "DA LIỄU|PHÁP Y|GIÁM ĐỊNH|DÂN SỐ|KẾ HOẠCH|GIA ĐÌNH|SỨC KHỎE|SỨC KHOẺ|BẢO VỆ|CHĂM SÓC|TRUYỀN THÔNG|GIÁO DỤC|"
    "CAO ĐẲNG|ĐẠI HỌC|TRUNG ƯƠNG|NỘI TIẾT|UNG BƯỚU|CHẤN THƯƠNG|CHỈNH HÌNH|RĂNG HÀM|HÀM MẶT|TAI MŨI|MŨI HỌNG|"
    "THẨM MỸ|VĂN PHÒNG|CHI CỤC|AN TOÀN|VỆ SINH|THỰC PHẨM|DƯỢC PHẨM|MỸ PHẨM|LAO PHỔI|BỆNH PHỔI|QUÂN Y|"
    "QUÂN ĐỘI".split("|")
)


def _splits_compound(before: str, after: str) -> bool:
    a, b = before.split(), after.split()
    return bool(a and b) and f"{a[-1]} {b[0]}".upper() in COMPOUNDS
