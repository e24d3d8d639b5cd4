"""Compilation of the Báo cáo from the ledger: counts by task, form and department,
targets against results, cost, the draft text of every section and the appendix rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from .blocks import Block
from .errors import UserError
from .forms import DEFAULTS, Form, Forms
from .models import Activity, Plan, PlanItem, Report, TargetResult, Unit
from .periods import period_phrase, with_period
from .plan_text import ensure_final, plan_reference
from .references import cite
from .report_appendix import (  # noqa: F401 (re-exported: the appendix's names as report.py gave them)
    APPENDIX_CHUNK,
    APPENDIX_HEAD,
    AppendixPart,
    appendix_parts,
    appendix_rows,
    appendix_totals,
    period_cell,
)
from .report_sections import DOTS, reach_phrase
from .report_targets import TargetProgress, progress_of
from .report_wording import line_sentence
from .section_text import section_text_problem
from .text import clean, fold
from .vnformat import count, money, number, short_date


@dataclass
class FormLine:
    """Activities of one form and unit of quantity, summed."""

    form_code: str
    unit_label: str
    form: Form  # the form of form_code in the unit's catalogue: how the sentence is worded
    activities: int = 0
    quantity: int = 0
    participants: int = 0
    cost: int = 0
    titles: list[str] = field(default_factory=list)  # the activities' titles: what "Khác" was

    def sentence(self, unit_name: str) -> str:
        return line_sentence(self.form, self.unit_label, self.quantity, self.participants, self.titles, unit_name)


@dataclass
class Group:
    """Activities of one task (or of none), by form."""

    catalogue: Forms = DEFAULTS  # the unit's forms: their wording and order
    lines: dict[tuple[str, str], FormLine] = field(default_factory=dict)
    activities: int = 0
    participants: int = 0
    cost: int = 0
    reach: dict[str, int] = field(default_factory=dict)  # people reached by group (Activity.reach), summed

    def add(self, a: Activity, unit_label: str) -> None:
        key = (a.form_code, unit_label)
        line = self.lines.get(key)
        if line is None:
            line = self.lines[key] = FormLine(a.form_code, unit_label, self.catalogue.form(a.form_code))
        line.activities += 1
        line.quantity += a.quantity
        line.titles.append(a.title)
        line.participants += a.participants or 0
        line.cost += a.cost
        self.activities += 1
        self.participants += a.participants or 0
        self.cost += a.cost
        for who, n in (a.reach or {}).items():
            self.reach[who] = self.reach.get(who, 0) + (n or 0)

    def ordered_lines(self) -> list[FormLine]:
        order = self.catalogue.order()
        return sorted(self.lines.values(), key=lambda x: (order.get(x.form_code, 99), x.unit_label))


@dataclass
class TaskResult:
    task: PlanItem
    label: str
    group: Group
    targets: list[TargetProgress]  # the targets the period judges or shows progress towards


@dataclass
class DeptResult:
    name: str
    abbr: str
    activities: int
    participants: int
    cost: int


@dataclass
class Compiled:
    period_start: date
    period_end: date
    activities: list[Activity]
    tasks: list[TaskResult]
    unassigned: Group
    forms: Group
    depts: list[DeptResult]
    by_month: dict[tuple[int, int], int]
    units: list[DeptResult] = field(default_factory=list)  # per reporting unit, when consolidating
    previous: Compiled | None = None  # the same period of the year before (app.compile_for), for comparing
    catalogue: Forms = DEFAULTS  # the unit's forms the figures were compiled with (labels, units, order)

    @property
    def consolidated(self) -> bool:
        return len(self.units) > 1

    @property
    def total(self) -> int:
        return self.forms.activities

    @property
    def cost(self) -> int:
        return self.forms.cost

    @property
    def participants(self) -> int:
        return self.forms.participants

    def targets(self) -> list[TargetProgress]:
        return [t for tr in self.tasks for t in tr.targets]


def in_period(a: Activity, start: date, end: date) -> bool:
    return start <= a.start <= end


def compile_report(
    plan: Plan,
    unit: Unit,
    activities: list[Activity],
    start: date,
    end: date,
    forms: Forms = DEFAULTS,
    recorded: dict[tuple[int, str, int], TargetResult] | None = None,
) -> Compiled:
    """Group the activities of [start, end] by task, form, department and month. `forms` is the unit's
    catalogue (app.load_forms): the report's sentences, the appendix and the targets' units read it.
    `recorded`: the values the clerk recorded for rate and reach targets, by (target id, period key, year)
    (report_targets.py: which targets the period judges)."""
    from .plan_text import task_labels
    from .target_kinds import unit_of

    acts = sorted((a for a in activities if in_period(a, start, end)), key=lambda a: (a.start, a.id or 0))
    tasks = plan.tasks()
    labels = task_labels(plan)
    # by task id; an activity without a task (None) or of a task not in the plan finds no group
    groups: dict[int | None, Group] = {t.id: Group(forms) for t in tasks if t.id is not None}
    unassigned, total = Group(forms), Group(forms)
    dept_acc: dict[int | None, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_month: dict[tuple[int, int], int] = defaultdict(int)
    unit_acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])

    def activity_unit(a: Activity) -> str:
        return forms.unit_of(a.form_code, a.unit_label)

    for a in acts:
        unit_label = forms.unit_of(a.form_code, a.unit_label)
        groups.get(a.task_id, unassigned).add(a, unit_label)
        total.add(a, unit_label)
        for acc in (unit_acc[a.source_unit],) if a.source_unit else (unit_acc[""], dept_acc[a.dept_id]):
            acc[0] += 1
            acc[1] += a.participants or 0
            acc[2] += a.cost
        by_month[(a.start.year, a.start.month)] += 1
    results = []
    for t in tasks:
        g = groups.get(t.id, Group(forms))
        trs = []
        for tg in t.targets:
            tp = progress_of(tg, t.id, unit_of(tg, forms), plan, acts, start, end, recorded or {}, activity_unit)
            if tp is not None and tp.shown:
                trs.append(tp)
        results.append(TaskResult(t, labels.get(t.id, "") if t.id is not None else "", g, trs))
    depts = []
    for dep in unit.departments:
        if dep.id in dept_acc:
            n, p, c = dept_acc[dep.id]
            depts.append(DeptResult(dep.name, dep.abbr, n, p, c))
    if None in dept_acc:
        n, p, c = dept_acc[None]
        depts.append(DeptResult("Chưa rõ khoa, phòng", "", n, p, c))
    units = [
        DeptResult(name or unit.name, "", *unit_acc[name])
        for name in sorted(unit_acc, key=lambda k: (k != "", fold(k)))
    ]
    if len(units) > 1:  # consolidated: the appendix groups rows by unit
        acts.sort(key=lambda a: (a.source_unit != "", fold(a.source_unit), a.start, a.id or 0))
    return Compiled(start, end, acts, results, unassigned, total, depts, dict(by_month), units, catalogue=forms)


# ---------------------------------------------------------------- draft texts


def group_sentence(g: Group, unit_name: str) -> str:
    lines = [ln.sentence(unit_name) for ln in g.ordered_lines()]
    if not lines:
        return ""
    s = "; ".join(lines[:1] + [ln[0].lower() + ln[1:] for ln in lines[1:]])
    reached = reach_phrase(g.reach)
    return s + (f"; {reached}" if reached else "") + "."


def task_draft(tr: TaskResult, unit_name: str) -> str:
    if not tr.group.activities:
        text = "Trong kỳ báo cáo chưa ghi nhận hoạt động thực hiện nhiệm vụ này."
    else:
        text = group_sentence(tr.group, unit_name)
    if tr.targets:
        text += " So với Kế hoạch: " + "; ".join(t.text() for t in tr.targets) + "."
    if tr.group.cost:
        text += f" Kinh phí thực hiện: {money(tr.group.cost)}."
    return text


@dataclass
class Section:
    """A part of the report body: a heading and the keyed, editable paragraphs under it."""

    label: str
    heading: str
    level: int  # 1: I., 2: 1., 3: a)
    key: str = ""  # editable text under the heading ('' for a bare heading)
    draft: str = ""
    text: str = ""  # what is printed: the clerk's edit if any, else the draft
    table: list[list[str]] = field(default_factory=list)  # the superior's outline's table here, head first


def _period_text(c: Compiled) -> str:
    return f"từ ngày {short_date(c.period_start)} đến ngày {short_date(c.period_end)}"


def short_unit(unit: Unit) -> str:
    """How the unit names itself after its first mention: the profile's short form, else the kind
    its name starts with ('Bệnh viện' for 'Bệnh viện Phổi Bình Thuận'), else 'Đơn vị'."""
    if clean(unit.short_name):
        return clean(unit.short_name)
    for kind in ("Bệnh viện", "Trung tâm", "Sở Y tế", "Trạm Y tế", "Phòng khám", "Chi cục", "Viện"):
        if unit.name.startswith(kind):
            return kind
    return "Đơn vị"


def capitalised(text: str) -> str:
    """A sentence starts with a capital letter (the first letter, after any opening quote)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def _plan_subject(plan: Plan, unit: Unit) -> str:
    """What the plan is about, to follow 'Kế hoạch …' in a sentence: its trích yếu with a lower-case
    start and without a trailing 'của <unit>' (the unit is the sentence's subject)."""
    title = clean(plan.title).rstrip(".")
    own = f" của {clean(unit.name)}"
    if fold(title).endswith(fold(own)):
        title = title[: -len(own)].rstrip()
    if not title:
        return ""
    return title[0].lower() + title[1:]


def report_period(plan: Plan, c: Compiled) -> str:
    """'năm 2025', 'quý III năm 2025' … for the title and the closing."""
    whole = (plan.period_start, plan.period_end) if plan.period_start and plan.period_end else None
    return period_phrase(c.period_start, c.period_end, whole)


def change_text(now: int, before: int, unit: str = "hoạt động") -> str:
    """'tăng 12,8% (từ 133 lên 150 hoạt động)', 'giảm 5% (từ 40 xuống 38 …)', 'không đổi (…)'."""
    if now == before:
        return f"không đổi ({number(now)} {unit})"
    if before == 0:
        return f"tăng từ 0 lên {number(now)} {unit}"
    pct = number(round(abs(now - before) * 100 / before, 1))
    way, word = ("tăng", "lên") if now > before else ("giảm", "xuống")
    return f"{way} {pct}% (từ {number(before)} {word} {number(now)} {unit})"


def _by_form(g: Group) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for ln in g.lines.values():
        out[ln.form_code] += ln.activities
    return out


def comparison(c: Compiled, previous: Compiled) -> str:
    """Per form, this period against the same period of the year before."""
    year = previous.period_end.year
    now, before = _by_form(c.forms), _by_form(previous.forms)
    order = c.catalogue.order()
    parts = [
        f"{c.catalogue.form(code).label}: {change_text(now.get(code, 0), before.get(code, 0))}"
        for code in sorted(set(now) | set(before), key=lambda k: order.get(k, 99))
    ]
    return f"So với cùng kỳ năm {year}: " + "; ".join(parts) + "."


def drafts(plan: Plan, unit: Unit, c: Compiled, previous: Compiled | None = None) -> list[Section]:
    """Every section of the Báo cáo with its draft text (documents.md, Báo cáo)."""
    short = short_unit(unit)
    plan_ref = plan_reference(plan, unit)
    secs: list[Section] = []
    sup = f"Thực hiện {cite(plan.superior.ref)}, " if plan.superior else ""
    subject = _plan_subject(plan, unit)
    chi_dao = (
        f"{sup}{unit.name} đã ban hành {plan_reference(plan, unit, issuer=False)}"
        + (f" {subject}" if subject else "")
        + f" và triển khai đến các khoa, phòng. {short} phân công {_lead_name(plan, unit)} làm đầu mối"
        " theo dõi, đôn đốc, tổng hợp kết quả thực hiện."
    )
    secs.append(Section("I.", "CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", 1, "chi_dao", chi_dao))
    if c.total:
        overview = (
            f"Trong kỳ báo cáo ({_period_text(c)}), {short} đã thực hiện {count(c.total)} hoạt động"
            " truyền thông"
            + (f" với {number(c.participants)} lượt người tham dự" if c.participants else "")
            + (f", {reach_phrase(c.forms.reach)}" if reach_phrase(c.forms.reach) else "")
            + (f", tổng kinh phí {money(c.cost)}" if c.cost else "")
            + "."
            + (
                f" So với cùng kỳ năm {previous.period_end.year}, số hoạt động {change_text(c.total, previous.total)}."
                if previous
                else ""
            )
            + " Kết quả cụ thể như sau:"
        )
    else:
        overview = f"Trong kỳ báo cáo ({_period_text(c)}), {short} chưa ghi nhận hoạt động truyền thông nào."
    secs.append(Section("II.", "KẾT QUẢ THỰC HIỆN", 1, "ket_qua", overview))
    from . import report_sections as rs

    secs += rs.result_sections(plan, c, short, 1)
    n = sum(1 for s in secs if s.level == 2)
    if c.unassigned.activities:
        n += 1
        secs.append(Section(f"{n}.", "Các hoạt động khác", 2, "task.none", group_sentence(c.unassigned, short)))
    n += 1
    dept_lines = rs.dept_text(c, unit, short) or "Trong kỳ báo cáo chưa ghi nhận hoạt động của khoa, phòng nào."
    secs.append(Section(f"{n}.", "Kết quả theo khoa, phòng", 2, "khoa_phong", dept_lines))
    if c.consolidated:
        n += 1
        unit_lines = "; ".join(
            f"{u.name}: {count(u.activities)} hoạt động"
            + (f", {number(u.participants)} lượt người tham dự" if u.participants else "")
            + (f", {money(u.cost)}" if u.cost else "")
            for u in c.units
        )
        secs.append(Section(f"{n}.", "Kết quả theo đơn vị", 2, "don_vi", unit_lines + "."))
    if previous is not None:
        n += 1
        secs.append(
            Section(
                f"{n}.", f"So sánh với cùng kỳ năm {previous.period_end.year}", 2, "so_sanh", comparison(c, previous)
            )
        )
    whole = report_period(plan, c).startswith("năm ") or (
        plan.period_start is not None
        and plan.period_end is not None
        and c.period_start <= plan.period_start
        and c.period_end >= plan.period_end
    )
    ev = rs.evaluation_drafts(c, whole)  # only what the figures say; the rest the clerk writes
    secs.append(Section("III.", "ĐÁNH GIÁ CHUNG", 1))
    secs.append(Section("1.", "Ưu điểm", 2, "uu_diem", ev["uu_diem"]))
    secs.append(Section("2.", "Tồn tại, hạn chế", 2, "han_che", ev["han_che"]))
    secs.append(Section("3.", "Nguyên nhân", 2, "nguyen_nhan", ev["nguyen_nhan"]))
    secs.append(Section("IV.", "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", 1, "phuong_huong", ev["phuong_huong"]))
    secs.append(Section("V.", "ĐỀ XUẤT, KIẾN NGHỊ", 1, "kien_nghi", ev["kien_nghi"]))
    end = "Trên đây là Báo cáo kết quả thực hiện " + with_period(plan_ref, report_period(plan, c))
    secs.append(Section("", "", 0, "ket_thuc", ensure_final(end)))
    for s in secs:
        s.draft = capitalised(s.draft)
        s.text = s.draft
    return secs


def _lead_name(plan: Plan, unit: Unit) -> str:
    dep = unit.department(plan.archive_dept_id)
    return dep.name if dep else "phòng chuyên môn"


def apply_edits(sections: list[Section], edits: dict[str, str]) -> list[Section]:
    """The clerk's edits replace the drafts of the same key; everything else stays draft. An edit no section
    can hold (section_text: millions of characters, a "word" of thousands) is a UserError naming the section,
    before anything renders or lays it out."""
    for s in sections:
        text = clean(edits[s.key], multiline=True) if s.key and s.key in edits else ""
        if text:
            problem = section_text_problem(s.heading, text)
            if problem:
                raise UserError(problem)
            s.text = text
    return sections


def report_blocks(sections: list[Section]) -> list[Block]:
    blocks: list[Block] = []
    for s in sections:
        if s.level == 1:
            blocks.append(Block("h1", s.heading.upper(), s.label))
        elif s.level == 2:
            blocks.append(Block("h2", s.heading, s.label))
        elif s.level == 3:
            blocks.append(Block("h3", s.heading, s.label))
        paras = [p for p in s.text.split("\n") if p.strip()]
        if not paras and s.key and s.key != "ket_thuc" and not s.table:
            paras = [DOTS]  # no figures and no text: a dotted line to fill by hand
        if s.key == "ket_thuc":
            paras[-1:] = [ensure_final(paras[-1])] if paras else [ensure_final(s.draft)]
            blocks.extend(Block("closing", p) for p in paras)
            continue
        blocks.extend(Block("text", p) for p in paras)
        if s.table:
            blocks.append(Block("table", "", head=s.table[0], cells=s.table[1:]))
    return blocks


def report_title(plan: Plan, unit: Unit, c: Compiled) -> str:
    """'Kết quả thực hiện Kế hoạch số 05/KH-BV ngày 05/9/2025 của … năm 2025' / '… quý III năm 2025'; a plan
    without a number yet is named by its trích yếu ('Kết quả thực hiện Kế hoạch truyền thông phòng, chống
    lao năm 2026'), so that two plans of one year never give one title."""
    from .report_title import subject as title_subject

    ref = plan_reference(plan, unit)
    # the trích yếu without its "Kế hoạch", its unit and any "năm <year>": the period says the year once (a plan
    # copied to next year, or reported for another year than its trích yếu names, never "năm 2026 năm 2027")
    subject = title_subject(plan.title, unit.name)
    period = report_period(plan, c)
    if plan.number is None and subject:
        ref = f"Kế hoạch {subject}"
    elif plan.number is not None:  # '… của <unit> về <subject>': two numbered plans never share a title
        from .report_title import title_room, with_subject

        prefix = "Kết quả thực hiện "
        ref = with_subject(ref, subject, title_room(prefix, ref, period))
    return "Kết quả thực hiện " + with_period(ref, period)


def report_addressee(plan: Plan) -> str:
    """Kính gửi of a new report: the body that asked for it, the plan's superior (its addressee, else the body
    that issued the superior's document)."""
    if plan.superior is None:
        return ""
    return clean(plan.superior.addressee) or clean(plan.superior.ref.issuer)


def report_recipients(addressee: str, unit_recipients: list[str]) -> list[str]:
    """Nơi nhận of a report (before 'Lưu: VT, …'): the body it is sent to, '(báo cáo)'; without one, the unit's
    own recipients that a report goes to (those marked 'báo cáo'). Never the plan's list (its departments,
    its web page)."""
    if clean(addressee):
        return [f"{clean(addressee)} (báo cáo)"]
    return [r for r in unit_recipients if "bao cao" in fold(r) or "b/c" in fold(r)]


def default_report(plan: Plan, start: date, end: date, when: date | None = None) -> Report:
    from .models import PartialDate

    return Report(
        plan_id=plan.id or 0,
        period_start=start,
        period_end=end,
        doc_date=PartialDate.of(when) if when else PartialDate(end.year, end.month),
        addressee=report_addressee(plan),
        signer_id=plan.signer_id,
    )
