"""How one line of the report's results reads: a form's activities of one unit of quantity, summed.

The row's own unit is respected ("Tổ chức 02 buổi hội nghị, hội thảo", never "02 buổi, hội thảo": a form's
tail that completes its own unit is replaced by the form's name); "Khác" is named by what was done (the
activities' titles); a quantity that already counts people is not followed by the people again."""

from __future__ import annotations

from .forms import FALLBACK, Form
from .text import clean, fold
from .vnformat import count, number

PEOPLE_UNITS = {"luot", "nguoi", "luot nguoi", "hoc vien", "luot hoc vien", "nguoi tham du", "luot nguoi tham du"}
NAMED_AT_MOST = 3  # titles of "Khác" activities named in the sentence; more are counted


def counts_people(unit_label: str) -> bool:
    """'lượt', 'người', 'lượt người', 'học viên' …: a quantity that may be a number of people."""
    return fold(clean(unit_label)) in PEOPLE_UNITS


def _tail_completes_unit(form: Form) -> bool:
    """The tail only reads after the form's own unit: ', hội thảo' after 'hội nghị', ' rơi' after 'tờ'."""
    return form.tail.startswith(",") or fold(f"{form.unit}{form.tail}") == fold(form.label)


def lower_first(text: str) -> str:
    """A label inside a sentence: 'Tin, bài trên trang TTĐT' -> 'tin, bài trên trang TTĐT' (only a capital
    that starts an ordinary word is lowered; 'TTĐT', 'HIV' stay)."""
    t = clean(text).rstrip(".;,")
    if len(t) > 1 and t[0].isupper() and t[1].islower():
        return t[0].lower() + t[1:]
    return t


def _content(titles: list[str]) -> str:
    """What the "Khác" activities were: their titles (each once), at most NAMED_AT_MOST, the rest counted."""
    distinct = list(dict.fromkeys(lower_first(t) for t in titles if clean(t)))
    if not distinct:
        return "khác"
    named = distinct[:NAMED_AT_MOST]
    rest = len(distinct) - len(named)
    if len(named) == 1 and not rest:
        return named[0]
    more = f" và {number(rest)} nội dung khác" if rest else ""
    return "(" + "; ".join(named) + more + ")"


def line_sentence(
    form: Form, unit_label: str, quantity: int, participants: int, titles: list[str], unit_name: str
) -> str:
    """'Tổ chức 03 buổi sinh hoạt chuyên đề với 245 lượt người tham dự' for one form and unit."""
    head = f"{form.verb} {count(quantity)} {unit_label}"
    if form.code == FALLBACK:
        s = f"{head} {_content(titles)}"
    elif unit_label != form.unit and _tail_completes_unit(form):
        s = f"{head} {lower_first(form.label)}"
    else:
        s = f"{head}{form.tail_text(unit_name)}"
    # "08 lượt … với 8 lượt người tham dự" says the same people twice; "03 lượt khám sàng lọc với 120 lượt
    # người tham dự" says two things (three screenings, 120 people screened)
    if participants and not (counts_people(unit_label) and participants == quantity):
        s += f" với {number(participants)} {form.people}"
    return s
