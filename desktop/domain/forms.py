"""The forms of activity (hình thức) and how each is reported: the unit's own catalogue, kept in its
database (store/forms.py) and edited in the window; the ten below are every unit's defaults.

A catalogue is a value (`Forms`), read from the database by `app.load_forms(conn)` and passed to what
names a form (the report, the plan's text, targets, workbooks, the ledger); there is no catalogue "in
use" kept by this module. `DEFAULTS` is the catalogue of a unit that has none of its own (no database
yet: the first-run wizard, tests)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .text import clean, fold

UNIT_NAME = "{unit_name}"  # the one placeholder of a form's tail


@dataclass(frozen=True)
class Form:
    code: str
    label: str  # as shown in the window and in the appendix
    unit: str  # default unit of quantity (đơn vị tính)
    verb: str  # report sentence: "{verb} {count} {unit}{tail}"
    tail: str = ""  # after the unit; may use {unit_name}
    people: str = "lượt người tham dự"  # how participants are counted
    hidden: bool = False  # no longer offered (kept for the activities that used it)

    def tail_text(self, unit_name: str) -> str:
        """The tail as the report prints it: text as typed, braces included, with {unit_name} the unit's name."""
        return self.tail.replace(UNIT_NAME, unit_name)


DEFAULT_FORMS: tuple[Form, ...] = (
    Form(
        "tin_bai", "Tin, bài trên Trang TTĐT", "tin, bài", "Đăng tải", " trên Trang thông tin điện tử của {unit_name}"
    ),
    Form("mang_xa_hoi", "Bài trên mạng xã hội", "bài", "Đăng", " trên các trang mạng xã hội của {unit_name}"),
    Form("hoi_nghi", "Hội nghị, hội thảo", "hội nghị", "Tổ chức", ", hội thảo"),
    Form("tap_huan", "Tập huấn", "lớp", "Tổ chức", " tập huấn", "lượt học viên"),
    Form("sinh_hoat", "Sinh hoạt chuyên đề", "buổi", "Tổ chức", " sinh hoạt chuyên đề"),
    Form("pano", "Pano, áp phích, băng rôn", "cái", "Treo", " pano, áp phích, băng rôn"),
    Form("to_roi", "Tờ rơi", "tờ", "Phát hành", " rơi"),
    Form("phat_thanh", "Phát thanh nội bộ", "buổi", "Thực hiện", " phát thanh nội bộ"),
    Form("thi_dua", "Phong trào thi đua", "phong trào", "Phát động", " thi đua"),
    Form("khac", "Khác", "hoạt động", "Thực hiện", " khác"),
)
FORMS = DEFAULT_FORMS  # the defaults, by their former name (the demo's forms)
FALLBACK = "khac"  # unknown codes are reported as "Khác"


class Forms:
    """The unit's forms in their order, hidden ones included (activities still name them). Never changed
    once made: a form added or edited makes a new catalogue (app.load_forms)."""

    def __init__(self, forms: Iterable[Form] = DEFAULT_FORMS):
        self.forms: tuple[Form, ...] = tuple(forms)
        self.by_code: dict[str, Form] = {f.code: f for f in self.forms}

    def form(self, code: str) -> Form:
        """The form of `code`; unknown codes fall back to "Khác"."""
        found = self.by_code.get(code) or self.by_code.get(FALLBACK)
        return found or next(f for f in DEFAULT_FORMS if f.code == FALLBACK)

    def visible(self) -> tuple[Form, ...]:
        """The forms offered for new entries (hidden ones left out), in the unit's order."""
        return tuple(f for f in self.forms if not f.hidden)

    def order(self) -> dict[str, int]:
        return {f.code: i for i, f in enumerate(self.forms)}

    def unit_of(self, code: str, unit_label: str = "") -> str:
        """The unit of quantity of an activity or target: the one typed, else its form's."""
        return unit_label or self.form(code).unit


DEFAULTS = Forms()  # the ten defaults, for a unit without its own catalogue


def new_code(label: str, taken: Iterable[str]) -> str:
    """A code for a new form: its label folded ('Khám sàng lọc' -> 'kham_sang_loc'), numbered when taken."""
    base = "_".join("".join(c if c.isalnum() else " " for c in fold(clean(label))).split())[:40] or "hinh_thuc"
    used, code, n = taken if isinstance(taken, (set, frozenset, dict)) else set(taken), base, 2
    while code in used:
        code, n = f"{base}_{n}", n + 1
    return code
