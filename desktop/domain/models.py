"""Plain data of the app: the unit, its plans and the activity ledger.

No Qt and no I/O here; the store fills these objects and docgen reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Department:
    name: str
    abbr: str
    id: int | None = None


@dataclass
class Signer:
    """Who signs: `authority` is the first line (GIÁM ĐỐC, KT. GIÁM ĐỐC, TM. …),
    `position` the optional second line (PHÓ GIÁM ĐỐC), `full_name` in normal case."""

    authority: str
    full_name: str
    position: str = ""
    id: int | None = None

    @property
    def lines(self) -> list[str]:
        return [x for x in (self.authority, self.position) if x]


@dataclass
class Unit:
    name: str
    abbr: str
    place: str
    parent_body: str = ""
    departments: list[Department] = field(default_factory=list)
    signers: list[Signer] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    short_name: str = ""  # after its first mention in a report: "Bệnh viện", "Trung tâm"; empty: derived
    kind: str = ""  # benh_vien | trung_tam_y_te | trung_tam | tram_y_te | so_y_te | khac; empty: from its name
    level: str = ""  # whose unit it is: so | bo | ubnd | khac; empty: from its parent body (domain/duties.py)
    channels: list[str] = field(default_factory=list)  # its own: website, fanpage, bảng tin, loa nội bộ, Zalo …
    id: int | None = None

    def department(self, dept_id: int | None) -> Department | None:
        return next((d for d in self.departments if d.id == dept_id), None)

    def signer(self, signer_id: int | None) -> Signer | None:
        return next((s for s in self.signers if s.id == signer_id), None)


@dataclass
class LegalRef:
    """A document that may be cited: `Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị`."""

    kind: str  # Nghị quyết, Kế hoạch, Quyết định, Nghị định, Thông báo, Công văn …
    number: str  # number and symbol as issued: 57-NQ/TW, 71/NQ-CP, 42/2025/NĐ-CP
    issued: date | None
    issuer: str  # Bộ Chính trị, Chính phủ, Sở Y tế tỉnh Lâm Đồng
    summary: str = ""  # trích yếu, starting with "về …" / "ban hành …"
    id: int | None = None


@dataclass
class SuperiorDoc:
    """The superior's document a plan implements and the report answers."""

    ref: LegalRef
    addressee: str = ""  # the body the report is sent to (Kính gửi), e.g. Sở Y tế tỉnh Lâm Đồng
    deadline: date | None = None  # report deadline
    id: int | None = None


@dataclass
class Target:
    """A chỉ tiêu of a task, of one of three kinds (domain/target_kinds.py): `count` (a quantity of a form of
    activity, counted from the ledger), `rate` (a percentage, `percent`, of what `group` names: "văn bản ký
    số"; the value reached is recorded by the clerk per period) or `reach` (`quantity` people of a group —
    người bệnh, người nhà, nhân viên y tế, cộng đồng — or places — xã, thôn bản, khoa phòng). `period`: the
    period it applies to (year, h1, 9m, q1–q4, m1–m12 of the plan's year)."""

    quantity: int
    form_code: str
    unit_label: str = ""  # empty: the form's default unit
    kind: str = "count"  # count | rate | reach
    period: str = "year"
    group: str = ""  # reach: the group of people or places; rate: what is measured
    percent: float = 0.0  # rate: the percentage to reach
    id: int | None = field(default=None, compare=False)  # item_targets.id: its recorded results hang on it


@dataclass
class TargetResult:
    """The value a rate or reach target reached in a period (`period` a key of periods.PERIOD_KEYS of `year`),
    as the clerk recorded it: a percentage (or `numerator` of `denominator`), people or places; `note` the
    reason given ("do …")."""

    target_id: int
    period: str
    year: int
    value: float
    numerator: int | None = None
    denominator: int | None = None
    note: str = ""


@dataclass
class PlanItem:
    """A node of the plan body. `section` nodes are numbered automatically
    (I., 1., a)); `bullet` nodes are lines starting with '-' ('+' when nested);
    `text` nodes are plain paragraphs. Any node may be a task that activities serve."""

    kind: str  # section | bullet | text
    text: str
    children: list[PlanItem] = field(default_factory=list)
    is_task: bool = False
    lead_dept_id: int | None = None
    coord_dept_ids: list[int] = field(default_factory=list)
    time_frame: str = ""
    targets: list[Target] = field(default_factory=list)
    id: int | None = None


@dataclass
class PartialDate:
    """A document date whose day or month may be left blank for hand filling."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def of(cls, d: date) -> PartialDate:
        return cls(d.year, d.month, d.day)

    def as_date(self) -> date | None:
        if self.month and self.day:
            return date(self.year, self.month, self.day)
        return None


@dataclass
class Plan:
    title: str  # trích yếu, without the word "Kế hoạch"
    doc_date: PartialDate
    number: int | None = None  # None: left blank for the office register
    superior: SuperiorDoc | None = None
    basis: list[LegalRef] = field(default_factory=list)  # căn cứ, in order
    intro: str = ""  # opening paragraph; empty: generated from the superior doc
    lead_sentence: str = ""  # "<Unit> xây dựng Kế hoạch … như sau:"; empty: generated
    items: list[PlanItem] = field(default_factory=list)  # top-level sections
    period_start: date | None = None
    period_end: date | None = None
    closing: str = ""  # "Trên đây là …./."; empty: generated
    signer_id: int | None = None
    recipients: list[str] = field(default_factory=list)
    archive_dept_id: int | None = None  # "Lưu: VT, <abbr>."
    copied_from: int | None = None  # the plan of the year before it was copied from (Tạo kế hoạch năm sau)
    cutoff: str = "calendar"  # how its reports cut the data: calendar | nd09 (NĐ 09/2019: 15th to 14th)
    id: int | None = None

    def walk(self):
        """Yield (item, depth_in_sections, parent) in document order."""

        def rec(items, parent):
            for it in items:
                yield it, parent
                yield from rec(it.children, it)

        yield from rec(self.items, None)

    def tasks(self) -> list[PlanItem]:
        return [it for it, _ in self.walk() if it.is_task]


@dataclass
class Activity:
    start: date
    dept_id: int | None
    form_code: str
    title: str
    task_id: int | None = None
    end: date | None = None
    quantity: int = 1
    unit_label: str = ""  # empty: the form's default unit
    participants: int | None = None
    cost: int = 0  # VND
    evidence: str = ""
    notes: str = ""
    source_unit: str = ""  # empty: this unit; else the subordinate unit it was imported from
    source_dept: str = ""  # that unit's department, when dept_id is not one of ours
    plan_id: int | None = None  # the plan it serves (its task's plan when it has a task)
    plan_guessed: bool = False  # plan assigned by the upgrade (no task): for the clerk to check
    reach: dict[str, int] = field(default_factory=dict)  # people reached by group (target_kinds.PEOPLE_GROUPS)
    id: int | None = None


@dataclass
class Report:
    """A Báo cáo of one plan over a period; `texts` holds the clerk's edits by key."""

    plan_id: int
    period_start: date
    period_end: date
    doc_date: PartialDate
    number: int | None = None
    addressee: str = ""
    signer_id: int | None = None
    recipients: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    id: int | None = None
