"""The superior's outline (đề cương báo cáo): its numbered headings read from its text, and the report
compiled to them, in their order.

Each heading is matched by meaning to a part the app writes (công tác chỉ đạo, kết quả, a task of the plan by
its name, khoa phòng, kinh phí, ưu điểm, tồn tại/khó khăn, nguyên nhân, phương hướng, kiến nghị) and filled
with that part's text (the clerk's edit or the draft, under the part's own key, so an edit is the same in
both reports); a heading the app has no answer for is the clerk's (key 'outline.N'), a dotted line until
written. A heading with headings under it is printed bare, but for the results' overview."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from .outline_table import fill_table, table_row
from .text import clean, fold
from .vnformat import money

if TYPE_CHECKING:
    from .report import Compiled, Section

MAX_HEADING = 250  # characters: a longer numbered line is a paragraph of the outline, not a heading

_HEAD = re.compile(
    r"^(?:(?P<part>PHẦN|Phần|MỤC|Mục)\s+(?P<pnum>[IVXLC]+|\d+)\s*[.:\-–]?\s*"
    r"|(?P<roman>[IVXLC]+)\s*[.\-–/)]\s*"
    r"|(?P<cap>[A-HĐ])\s*[.)]\s+"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?\s+"
    r"|(?P<num>\d{1,2})\s*[.)/]\s*"
    r"|(?P<letter>[a-zđ])(?:\s*\)\s*|\.\s+)"
    r")(?P<text>\S.*)$"
)


@dataclass
class Heading:
    label: str  # as the outline writes it: 'I.', '1.', '1.2.', 'a)'
    text: str
    level: int  # 1 for the outline's first kind of numbering, 2 for the next kind met …
    notes: list[str] = field(default_factory=list)  # the outline's guidance under it (what to say)
    children: int = 0  # headings under it
    table: list[list[str]] = field(default_factory=list)  # the outline's table under it, its head first


def _kind(m: re.Match) -> tuple[str, str]:
    """(kind of numbering, label as printed) of a heading line."""
    if m["part"]:
        return "part", f"{m['part']} {m['pnum']}"
    if m["roman"]:
        return "roman", f"{m['roman']}."
    if m["cap"]:
        return "cap", f"{m['cap']}."
    if m["dotted"]:
        return f"dotted{m['dotted'].count('.')}", f"{m['dotted']}."
    if m["num"]:
        return "num", f"{m['num']}."
    return "letter", f"{m['letter']})"


def parse_outline(text: str) -> list[Heading]:
    """The numbered headings of an outline's text, in order, with their levels (the order in which each kind of
    numbering first appears: I. then 1. then a) …) and the lines under each as its notes. Lines before the
    first heading (the outline's own title, 'Kèm theo Công văn …') are left out."""
    heads: list[Heading] = []
    kinds: list[str] = []
    for raw in text.splitlines():
        line = clean(raw)
        if not line:
            continue
        row = table_row(line)
        if row is not None and heads:  # a row of a table to fill (outline_table)
            heads[-1].table.append(row)
            continue
        m = _HEAD.match(line)
        if m and len(line) <= MAX_HEADING and any(ch.isalpha() for ch in m["text"]):
            kind, label = _kind(m)
            if kind not in kinds:
                kinds.append(kind)
            heads.append(Heading(label, clean(m["text"]).rstrip(":").strip(), kinds.index(kind) + 1))
        elif heads:
            heads[-1].notes.append(line)
    for i, h in enumerate(heads):  # a heading's children: the following headings deeper than it
        for later in heads[i + 1 :]:
            if later.level <= h.level:
                break
            h.children += 1
    return heads


# (words of a heading, folded; the part it asks for): the first rule that matches wins
RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("nguyen nhan",), "nguyen_nhan"),
    (("kho khan", "vuong mac", "ton tai", "han che", "bat cap", "yeu kem"), "han_che"),
    (("kien nghi", "de xuat", "de nghi"), "kien_nghi"),
    (
        ("phuong huong", "thoi gian toi", "giai phap", "nhiem vu tiep theo", "nam tiep theo", "trong tam"),
        "phuong_huong",
    ),
    (("uu diem", "mat duoc", "mat lam duoc", "thuan loi"), "uu_diem"),
    (("chi dao", "lanh dao", "ban hanh van ban", "quan triet", "cong tac trien khai", "to chuc trien khai"), "chi_dao"),
    (("khoa, phong", "khoa phong", "tung don vi", "cac don vi"), "khoa_phong"),
    (("kinh phi", "nguon luc"), "kinh_phi"),
    (("so sanh", "cung ky"), "so_sanh"),
    (("ket qua", "so lieu", "hoat dong truyen thong", "tinh hinh thuc hien"), "ket_qua"),
    (("danh gia",), "danh_gia"),
)

_STOP = {"va", "cua", "cac", "ve", "tai", "trong", "cho", "voi", "nhung", "mot", "so", "tren", "theo", "de"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", fold(text)) if w not in _STOP and len(w) > 1}


class Headed(Protocol):
    """What match_task reads of a task part: its name."""

    @property
    def heading(self) -> str: ...


H = TypeVar("H", bound=Headed)


def match_task(heading: str, tasks: list[H]) -> H | None:
    """The task part whose name the heading says: most of the heading's words are the task's, and a good
    share of the task's are the heading's."""
    hw = _words(heading)
    if len(hw) < 2:
        return None
    best, score = None, 0.0
    for s in tasks:
        tw = _words(s.heading)
        if not tw:
            continue
        common = len(hw & tw)
        if common / len(hw) >= 0.6 and common / len(tw) >= 0.4 and common / len(hw) > score:
            best, score = s, common / len(hw)
    return best


def match_part(heading: str) -> str:
    """The part a heading asks for (a key of RULES), '' when the app has no answer: of the rules whose words
    the heading holds, the one said first ('Khó khăn … và nguyên nhân' asks for the difficulties)."""
    f = fold(heading)
    generic = ("ket_qua", "danh_gia")  # asked for only when nothing more particular is
    for pool in ([r for r in RULES if r[1] not in generic], [r for r in RULES if r[1] in generic]):
        found = [
            (min(f.index(w) for w in words if w in f), n)
            for n, (words, _) in enumerate(pool)
            if any(w in f for w in words)
        ]
        if found:
            return pool[min(found)[1]][1]
    return ""


def _areas(sections: list[Section]) -> dict[int, str]:
    """Areas of several tasks (a bare heading under II.): their position in `sections` and the paragraphs of
    their tasks, 'task: results'."""
    out: dict[int, str] = {}
    for i, s in enumerate(sections):
        if s.level == 2 and not s.key:
            paras = []
            for t in sections[i + 1 :]:
                if t.level != 3:
                    break
                if t.text:
                    paras.append(f"{t.heading}: {t.text[0].lower()}{t.text[1:]}")
            out[i] = "\n".join(paras)
    return out


def outline_sections(heads: list[Heading], sections: list[Section], c: Compiled) -> list[Section]:
    """The report compiled to the outline: one section per heading, in the outline's order, filled from the
    report's own `sections` (drafts with the clerk's edits applied) where a heading asks for what they say,
    then the closing sentence."""
    from .report import Section

    by_key = {s.key: s for s in sections if s.key}
    areas = _areas(sections)
    tasks = [s for s in sections if s.key.startswith("task.") and s.key != "task.none"]
    tasks += [sections[i] for i in areas]
    used: set[str] = set()
    out: list[Section] = []
    for i, h in enumerate(heads):
        level = min(h.level, 3)
        own = f"outline.{i + 1}"
        task = match_task(h.text, tasks)
        part = (task.key or f"area.{id(task)}") if task is not None else match_part(h.text)
        if task is not None and not task.key and part not in used and not h.children:
            used.add(part)  # an area of several tasks: their results, a paragraph each
            draft = areas[next(j for j in areas if sections[j] is task)]
            out.append(Section(h.label, h.text, level, own, draft, draft))
        elif part in by_key and part not in used and not (h.children and part != "ket_qua"):
            src = by_key[part]
            used.add(part)
            if part == "ket_qua" and not h.children:  # the whole results under one heading: its own draft
                draft = _all_results(sections)
                out.append(Section(h.label, h.text, level, own, draft, draft))
            else:
                out.append(Section(h.label, h.text, level, src.key, src.draft, src.text))
        elif part == "kinh_phi" and not h.children and part not in used:
            used.add(part)
            draft = f"Tổng kinh phí thực hiện trong kỳ báo cáo: {money(c.cost)}." if c.cost else ""
            out.append(Section(h.label, h.text, level, own, draft, draft))
        elif h.children:
            out.append(Section(h.label, h.text, level))  # a bare heading: what it asks is under it
        else:
            out.append(Section(h.label, h.text, level, own))  # the clerk's: a dotted line until written
        if len(h.table) > 1:  # a head and at least a row: the outline's table, filled where the app can
            out[-1].table = fill_table(h.table, c)
    out += [s for s in sections if s.key == "ket_thuc"]
    return out


def _all_results(sections: list[Section]) -> str:
    """The overview, then each task's and each department's results, a paragraph each."""
    paras: list[str] = []
    for s in sections:
        if s.key == "ket_qua":
            paras.append(s.text.strip().removesuffix("Kết quả cụ thể như sau:").strip())
        elif s.key.startswith("task.") and s.text:
            paras.append(f"{s.heading}: {s.text[0].lower()}{s.text[1:]}")
        elif s.key == "khoa_phong" and s.text:
            paras.extend(s.text.split("\n"))
    return "\n".join(p for p in paras if p)
