"""From a superior's plan to the unit's own: what the review screen (and `plan-import --json`) proposes.

propose_plan reads an ImportedPlan for one unit: the superior document it implements (with what could
not be read), a draft Plan whose opening is the unit's own (intro and lead sentence left empty, so they
are generated), the basis candidates matched to the catalogue, the tasks with a proposed lead
department and targets, and the repairs offered. Nothing here is silent: every change to the source's
text is a Repair the clerk may refuse (apply_proposal makes the accepted ones).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from datetime import date
from difflib import SequenceMatcher

from .citations import as_ref, cited, find_mentions, match, number_key, same_issuer
from .duties import OtherDuty, is_reporting, localise, reporting_clause, reporting_from, take_in
from .forms import DEFAULTS, Forms
from .models import LegalRef, PartialDate, Plan, PlanItem, SuperiorDoc, Target, Unit
from .plan_import import ImportedPlan
from .plan_kinds import YearUnknown, cover_ref, plan_year
from .references import implementing_sentence
from .repairs import Repair, apply_repairs, find_repairs, item_labels
from .targets import targets_in
from .text import clean, fold
from .unit_voice import channel_repairs, repeat_repairs, scope_repairs, sentence_case, superiors_own, unsentence

MISSING_LABELS = {
    "number": "Số, ký hiệu",
    "date": "Ngày ban hành",
    "issuer": "Cơ quan ban hành",
    "summary": "Trích yếu",
    "deadline": "Hạn báo cáo",
}

# Top-level sections, by their folded heading (OCR-tolerant): what their items become.
_ROLES = (
    ("organization", re.compile(r"t\S\s+ch\S{1,2}c\s+th\S{1,2}c\s+hi\S{1,2}n")),
    ("time", re.compile(r"th\S{1,2}i\s+gian|ph\S{1,2}m\s+vi|kinh\s+ph\S")),
    ("purpose", re.compile(r"m\S{1,2}c\s+\S{1,2}ch|y\S{1,2}u\s+c\S{1,2}u")),
    ("content", re.compile(r"n\S{1,2}i\s+dung|nhi\S{1,2}m\s+v\S")),  # "NỘI DUNG", "NHIỆM VỤ VÀ GIẢI PHÁP"
    ("forms", re.compile(r"h\S{1,2}nh\s+th\S{1,2}c|ho\S{1,2}t\s+\S{1,2}ng")),
)

# Words that name a department's role (the preset's roles), folded; matched in the text and in the unit.
ROLE_WORDS = {
    "lead": ("ke hoach tong hop", "khth"),
    "personnel": ("to chuc can bo", "tccb"),
    "it": ("cong nghe thong tin", "cntt"),
    "nursing": ("dieu duong",),
    "union": ("cong doan",),
}
_DEPT_PREFIX = re.compile(r"^(phong|khoa|to|bo phan|ban|trung tam|don vi)\s+")
_COORD = re.compile(r"ph\S{1,2}i\s+h\S{1,2}p(\s+v\S{1,2}i)?(\s+(phong|khoa|to|bo phan))?\s*$")


@dataclass
class BasisCandidate:
    ref: LegalRef  # the catalogue's entry when there is one, else the reference as read
    written: str  # the first spelling met in the source
    source: str  # "căn cứ" or "mở đầu"
    is_new: bool  # not in the catalogue: to be added when kept
    keep: bool = True
    spellings: list[str] = field(default_factory=list)  # every spelling met (one document, many forms)


@dataclass
class TaskProposal:
    path: tuple[int, ...]  # index path into plan.items
    where: str  # "II.1", "V.1, -2"
    text: str
    section: str  # content | forms | organization
    lead_dept_id: int | None = None
    lead_named: str = ""  # the words of the text that named it
    coord_dept_ids: list[int] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)


@dataclass
class Proposal:
    plan: Plan
    superior: SuperiorDoc | None
    missing: list[str]  # superior fields the source did not give: number, date, issuer, summary, deadline
    suggested: LegalRef | None  # the catalogue entry that completed the superior (check it)
    own_plan: bool  # the source is the unit's own plan: the superior is the document it implements
    basis: list[BasisCandidate]
    tasks: list[TaskProposal]
    repairs: list[Repair]
    warnings: list[str]
    is_plan: bool
    found: list[str]
    sections: list[int]  # numbered sections per level: [I., 1., a)]
    forms: Forms = DEFAULTS  # the unit's forms the targets were read with (the review reads typed ones with it)
    source: str = "txt"  # what the superior's text was read from: "txt", "docx", "pdf", "pdf-ocr"
    signature: dict[str, str] | None = None  # the PDF's digital signature (signer, organisation, email, time)
    source_kind: str = "ke_hoach"  # what the superior sent: ke_hoach | quyet_dinh_ban_hanh_ke_hoach (plan_kinds)
    source_parent: str = ""  # the superior's parent body in its header ("Bộ Y tế" over a Cục), or ""
    others: list[OtherDuty] = field(default_factory=list)  # duties of other bodies: "Việc của đơn vị khác"
    duties_at: tuple[int, ...] = ()  # the section of our lead department: where a duty taken in goes
    reporting: list[str] = field(default_factory=list)  # the superior's reporting duties: the clause, not tasks
    year_missing: bool = False  # no year read: asked (app.cascade.set_year), never the clock; plan.doc_date.year 0
    deadline_unyeared: str = ""  # a yearly deadline ("05/12") read while the year is missing
    cover: LegalRef | None = None  # the công văn that forwarded the plan, implemented with it ("…; Công văn …")
    cover_requests: list[str] = field(default_factory=list)  # its own requests, in order
    cover_deadline: date | None = None  # the deadline it sets (replacing the plan's); None: it sets none

    def missing_labels(self) -> list[str]:
        return [MISSING_LABELS.get(m, m) for m in self.missing]

    def as_dict(self) -> dict:
        """Plain data for `plan-import --json` (dates as ISO text)."""
        from dataclasses import asdict

        def conv(v):
            if isinstance(v, date):
                return v.isoformat()
            if isinstance(v, dict):
                return {k: conv(x) for k, x in v.items()}
            if isinstance(v, (list, tuple)):
                return [conv(x) for x in v]
            return v

        d = conv({k: v for k, v in asdict(self).items() if k != "forms"})
        d["missing_labels"] = self.missing_labels()
        return d


# ------------------------------------------------------------------ superior document


def _summary_from_title(title: str) -> str:
    t = clean(title)
    t = re.sub(r"^K\S{1,2}\s+ho\S{1,3}ch\s+", "", t)
    return f"về {t[0].lower()}{t[1:]}" if t else ""


def _cited(texts: list[str]) -> set[str]:
    return {
        number_key(as_ref(m).number).split("-")[0].split("/")[0] + as_ref(m).kind
        for t in texts
        for m in find_mentions(t)
    }


def _catalogue_guess(
    kind: str, issuer: str, title: str, year: int | None, catalogue: list[LegalRef]
) -> LegalRef | None:
    """The catalogue's entry for an unnumbered source: same kind, issuer and year, citing the same documents."""
    if not issuer:
        return None
    cited = _cited([title])
    best, score = None, 0.0
    for c in catalogue:
        if fold(c.kind) != fold(kind) or not same_issuer(c.issuer, issuer):
            continue
        if year and c.issued and c.issued.year != year:
            continue
        theirs = _cited([c.summary])
        overlap = len(cited & theirs) / max(len(cited | theirs), 1) if cited or theirs else 0.0
        s = 0.6 * overlap + 0.4 * SequenceMatcher(None, fold(c.summary), fold(_summary_from_title(title))).ratio()
        if s > score:
            best, score = c, s
    return best if score >= 0.6 else None


def _deadline(imported: ImportedPlan, year: int | None) -> date | None:
    """'05/12' (hàng năm) -> that day in the plan's year (None while the year is not known); '15/12/2025' as
    written."""
    if not imported.deadline or (year is None and _unyeared(imported)):
        return None
    return imported.deadline_date(year or 0)


def _unyeared(imported: ImportedPlan) -> bool:
    """The deadline is written without its year ("05/12" hàng năm): the plan's year completes it."""
    return imported.deadline.count("/") == 1


def _superior(imported: ImportedPlan, unit: Unit, catalogue: list[LegalRef], year: int | None):
    """(SuperiorDoc, missing, suggested, own_plan, superior's number key)."""
    own = bool(imported.issuer) and same_issuer(imported.issuer, unit.name)
    missing: list[str] = []
    suggested = None
    if own:
        mentions = [m for t in imported.opening for m in find_mentions(t)]
        if not mentions:
            missing = ["number", "date", "issuer", "summary"]
            ref = LegalRef("Kế hoạch", "", None, unit.parent_body, "")
        else:
            m = mentions[0]
            read = as_ref(m)
            text = next(t for t in imported.opening if find_mentions(t))
            quoted = re.match(r"\s*[“\"](.+?)[”\"]", text[m.issuer_end :])
            if quoted:
                read.summary = _summary_from_title(quoted[1])
            ref = match(read, catalogue) or read
            missing = [f for f, v in (("date", ref.issued), ("issuer", ref.issuer), ("summary", ref.summary)) if not v]
    else:
        numbered = bool(re.match(r"^\d+[/-]", imported.number))
        issued = imported.doc_date.as_date() if imported.doc_date else None
        ref = LegalRef(
            imported.doc_type,
            imported.number if numbered else "",
            issued,
            imported.issuer,
            _summary_from_title(imported.title),
        )
        missing = [
            f
            for f, v in (("number", numbered), ("date", issued), ("issuer", imported.issuer), ("summary", ref.summary))
            if not v
        ]
        found = match(ref, catalogue) if numbered else None
        if found is None and not numbered:
            found = suggested = _catalogue_guess(
                ref.kind, ref.issuer, imported.title, imported.doc_date.year if imported.doc_date else None, catalogue
            )
        if found is not None:
            ref = found
    ref = replace(ref, id=ref.id)  # a copy: repairs applied to the draft never touch the catalogue
    deadline = _deadline(imported, year)
    if deadline is None and not (year is None and _unyeared(imported)):
        missing.append("deadline")
    return SuperiorDoc(ref, addressee=ref.issuer, deadline=deadline), missing, suggested, own


# ------------------------------------------------------------------ basis


def _basis(imported: ImportedPlan, catalogue: list[LegalRef], exclude: set[str]) -> list[BasisCandidate]:
    out: list[BasisCandidate] = []
    seen: list[LegalRef] = []

    def add(mention, text, source, strict):
        read = as_ref(mention)
        written = text[mention.start : mention.issuer_end]
        known = match(read, catalogue)
        if number_key(read.number) in exclude or (known and number_key(known.number) in exclude):
            return
        ref = known or read
        dup = match(ref, seen)
        if dup is not None:
            cand = next(c for c in out if c.ref is dup)
            if written not in cand.spellings:
                cand.spellings.append(written)
            return
        if strict and known is None and not read.issued:
            return  # a document named in passing, without its date, and unknown: not a basis
        ref = replace(ref)  # a copy: what the clerk edits on the draft never touches the catalogue
        seen.append(ref)
        keep = not superiors_own(ref, text)  # its own organisation decree, its party plans: shown, unticked
        out.append(BasisCandidate(ref, written, source, known is None, keep, [written]))

    for line in imported.basis:  # every document a căn cứ cites, several in one paragraph
        for m in cited(line) or find_mentions(line)[:1]:
            add(m, line, "căn cứ", False)
    for text in imported.opening + ([imported.lead_sentence] if imported.lead_sentence else []):
        for m in find_mentions(text):
            add(m, text, "mở đầu", True)
    return out


# ------------------------------------------------------------------ tasks


def _role_of(heading: str) -> str:
    f = fold(heading)
    for role, rx in _ROLES:
        if rx.search(f):
            return role
    return ""


def _dept_names(unit: Unit, roles: dict[str, int | None] | None):
    """(folded words, department id) pairs to look for in a text, longest first."""
    pairs: list[tuple[str, int]] = []
    for d in unit.departments:
        if d.id is None:
            continue
        name = fold(d.name)
        pairs.append((name, d.id))
        core = _DEPT_PREFIX.sub("", name)
        if len(core.split()) >= 2:
            pairs.append((core, d.id))
        for words in ROLE_WORDS.values():
            if any(w in name or w == fold(d.abbr) for w in words):
                pairs.extend((w, d.id) for w in words if len(w) > 4)
    for role, dept in (roles or {}).items():
        if dept is not None:
            pairs.extend((w, dept) for w in ROLE_WORDS.get(role, ()) if len(w) > 4)
    return sorted(set(pairs), key=lambda p: -len(p[0]))


def _depts_in(text: str, unit: Unit, names) -> list[tuple[int, int, str]]:
    """(position, department id, words) of the unit's departments named in `text`."""
    f = fold(text)
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    full = {fold(d.name) for d in unit.departments}
    for words, dept in names:
        for m in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", f):
            if words not in full and not _named_as_dept(f, m.start()):
                continue  # "ứng dụng công nghệ thông tin": a topic, not the Tổ CNTT
            if not any(a <= m.start() < b for a, b in taken):
                found.append((m.start(), dept, text[m.start() : m.end()]))
                taken.append((m.start(), m.end()))
    for d in unit.departments:
        if d.id is None or not d.abbr:
            continue
        for m in re.finditer(rf"(?<![\w]){re.escape(d.abbr)}(?![\w])", text):
            if not _named_as_dept(f, m.start()):
                continue
            if not any(a <= m.start() < b for a, b in taken):
                found.append((m.start(), d.id, m.group(0)))
                taken.append((m.start(), m.end()))
    return sorted(found)


def _named_as_dept(f: str, at: int) -> bool:
    """Words of a department's name at `at` of folded `f` name it when they open the text or follow a
    department word ("Phòng", "Khoa", "Tổ", "Bộ phận", "Ban"), or "chủ trì", "phối hợp với", "giao"."""
    before = f[:at].rstrip(" -:,(")
    return not before or bool(
        re.search(
            r"(?:\b(?:phong|khoa|to|bo phan|ban|cac)|ph\S{1,2}i\s+h\S{1,2}p(?:\s+v\S{1,2}i)?|ch\S\s+tr\S|giao)$", before
        )
    )


def _assign(task: TaskProposal, texts: list[str], unit: Unit, names) -> None:
    for text in texts:
        for pos, dept, words in _depts_in(text, unit, names):
            before = fold(text[:pos]).strip(" -+")
            if task.lead_dept_id is None and re.fullmatch(
                r"ph\S{1,2}i\s+h\S{1,2}p(\s+v\S{1,2}i)?(\s+(phong|khoa|to|bo phan))?", before
            ):
                # "Phối hợp với phòng KHTH …" opening a duty: the block's subject helps, the one named leads
                task.lead_dept_id, task.lead_named = dept, words
                continue
            coord = bool(_COORD.search(fold(text[:pos]).rstrip()))
            if coord or task.lead_dept_id not in (None, dept):
                if dept != task.lead_dept_id and dept not in task.coord_dept_ids:
                    task.coord_dept_ids.append(dept)
            elif task.lead_dept_id is None:
                task.lead_dept_id, task.lead_named = dept, words
        if task.lead_dept_id is not None:
            return


def _flatten(it: PlanItem) -> list[str]:
    out = [it.text]
    for c in it.children:
        out.extend(_flatten(c))
    return out


def _tops(children: list[PlanItem], path: tuple[int, ...]):
    """(path, section, role) of the top-level sections, looking into a part that holds them."""
    for i, top in enumerate(children):
        role = _role_of(top.text) if top.kind == "section" else ""
        inner = [_role_of(c.text) for c in top.children if c.kind == "section"]
        if top.kind == "section" and (any(inner) if not role else "organization" in inner):
            # a part ("Phần thứ hai: nhiệm vụ năm 2025") holding the sections: no content section holds the
            # "Tổ chức thực hiện" one
            yield from _tops(top.children, path + (i,))
        else:
            yield path + (i,), top, role


def _tasks(items: list[PlanItem], unit: Unit, roles, forms: Forms) -> list[TaskProposal]:
    labels = {path: label for path, label, _ in item_labels(items)}
    names = _dept_names(unit, roles)
    out: list[TaskProposal] = []

    def leaves(it: PlanItem, path: tuple[int, ...]):
        subs = [(i, c) for i, c in enumerate(it.children) if c.kind == "section"]
        if not subs:
            return [(path + (i,), c) for i, c in enumerate(it.children)] if it.children else [(path, it)]
        res: list[tuple[tuple[int, ...], PlanItem]] = []
        for i, c in subs:
            res.extend(
                [(path + (i,), c)] if not any(g.kind == "section" for g in c.children) else leaves(c, path + (i,))
            )
        return res

    for tpath, top, role in _tops(items, ()):
        if role in ("content", "forms"):
            for path, it in leaves(top, tpath):
                t = TaskProposal(path, labels.get(path, ""), it.text, role)
                _assign(t, _flatten(it), unit, names)
                t.targets = [x for s in _flatten(it) for x in targets_in(s, forms)]
                out.append(t)
        elif role == "organization":
            for bi, block in enumerate(top.children):
                bpath = (*tpath, bi)
                duties = (
                    [(bpath + (i,), c) for i, c in enumerate(block.children)] if block.children else [(bpath, block)]
                )
                for path, it in duties:
                    t = TaskProposal(path, labels.get(path, ""), it.text, role)
                    _assign(t, [block.text] if block is not it else [], unit, names)
                    if t.lead_dept_id is None:
                        _assign(t, _flatten(it), unit, names)
                    t.targets = [x for s in _flatten(it) for x in targets_in(s, forms)]
                    out.append(t)
    return out


def item_at(items: list[PlanItem], path: tuple[int, ...]) -> PlanItem:
    """The item at `path` (indices from the top level down); an empty path names no item."""
    if not path:
        raise ValueError("item_at: an empty path names no item of the plan")
    it = items[path[0]]
    for i in path[1:]:
        it = it.children[i]
    return it


# ------------------------------------------------------------------ title and the whole

_SCOPE = re.compile(r"(?:\s+(?:trong|cua|tren\s+dia\s+ban))?\s+(?:(?:toan\s+)?nganh\s+y\s+t\S|linh\s+vuc\s+y\s+t\S)")
_YEAR = re.compile(r"\s+n\S{1,2}m\s+(\d{4})$")


def adapt_title(title: str, unit: Unit, year: int | None, issuer: str = "") -> str:
    """The superior's trích yếu for the unit: its scope ('ngành Y tế tỉnh …', 'của Sở Y tế …') becomes the
    unit ('… năm 2025 của Bệnh viện Phổi Bình Thuận'); a title already naming the unit is kept."""
    from .citations import fold_chars

    t = sentence_case(clean(title).rstrip("."), unit)
    if not t:
        return f"Kế hoạch của {unit.name}" + (f" năm {year}" if year else "")
    if fold(unit.name) in fold(t):
        return t
    f = fold_chars(t)
    year_m = _YEAR.search(f)
    stop = year_m.start() if year_m else len(t)
    m = next((x for x in _SCOPE.finditer(f, 0, stop)), None)
    if m is None and issuer:  # "… của Sở Y tế tỉnh Lâm Đồng" at the end: the superior's own scope (the last "của")
        m = next(
            (
                of
                for of in re.finditer(r"\s+c\S{1,2}a\s+(?=(.+)$)", f[:stop])
                if same_issuer(t[of.end() : stop], issuer)
            ),
            None,
        )
    if m is not None:
        # the place after the scope: "tỉnh Quảng Ninh", "thành phố Hải Phòng", "Hải Phòng" (capitalised words)
        rest = t[m.end() : stop].split()
        t = t[: m.start()] + t[stop:]
        if any(w[:1].islower() and fold(w) not in ("tinh", "thanh", "pho") for w in rest):
            t = t  # the scope was not at the end: keep what follows it
    if year_m and year:
        t = re.sub(r"(\s+\S{3,4}\s+)\d{4}$", rf"\g<1>{year}", t)
    return f"{t} của {unit.name}"


def propose_plan(
    imported: ImportedPlan,
    unit: Unit,
    catalogue: list[LegalRef],
    year: int | None = None,
    roles: dict[str, int | None] | None = None,
    forms: Forms = DEFAULTS,
    *,
    ask_year: bool = False,
) -> Proposal:
    """What the review screen proposes for `unit` from a superior's plan (see the module's doc).

    `year` is the plan's year (default: plan_kinds.plan_year; when the source says none, YearUnknown, or with
    `ask_year` a proposal whose year_missing the review asks for, set_year filling it); `roles` maps the preset's
    roles (lead, personnel, it, nursing, union) to the unit's departments when the window knows them; `forms` is
    the unit's catalogue of forms (app.load_forms): its own forms are proposed as targets too."""
    if year is None:
        year = plan_year(imported)
    if year is None and not ask_year:
        raise YearUnknown()
    superior, missing, suggested, own = _superior(imported, unit, catalogue, year)
    exclude = {number_key(superior.ref.number)} if superior.ref.number else set()
    if own and re.match(r"^\d+[/-]", imported.number):
        exclude.add(number_key(imported.number))
    basis = _basis(imported, catalogue, exclude)

    items = copy.deepcopy(imported.items)
    read = _tasks(items, unit, roles, forms)
    tasks = [t for t in read if not is_reporting(t.text)]  # "Báo cáo kết quả … trước ngày …": a clause, not a task
    for t in tasks:
        it = item_at(items, t.path)
        it.is_task = True
        it.lead_dept_id, it.coord_dept_ids, it.targets = t.lead_dept_id, list(t.coord_dept_ids), list(t.targets)
    unsentence(items)  # after the tasks are read: a sentence set as a numbered item is still one task
    relabelled = {path: label for path, label, _ in item_labels(items)}
    for t in tasks:
        t.where = relabelled.get(t.path, t.where)
    others: list[OtherDuty] = []
    duties_at: tuple[int, ...] = ()
    warnings = list(imported.warnings)
    if not own:  # the superior's Tổ chức thực hiện becomes the unit's, for its departments (domain/duties.py)
        org = [p for p, _, role in _tops(items, ()) if role == "organization"]
        if not org:
            items.append(PlanItem("section", "Tổ chức thực hiện"))
            org = [(len(items) - 1,)]
        to = superior.ref.issuer or unit.parent_body
        clause = reporting_clause(
            reporting_from(imported.deadline_sentence, to, imported.deadline, imported.deadline_yearly)
        )
        lead = (roles or {}).get("lead")
        asks = [("Câu kết", imported.closing), ("Công văn gửi kèm", imported.cover_requests)]  # "Đề nghị các đơn vị …"
        tasks, others, duties_at, more = localise(items, org, tasks, unit, superior.ref.issuer, lead, clause, asks)
        warnings.extend(more)

    signer = unit.signers[0].id if unit.signers else None
    title = adapt_title(imported.title, unit, year, "" if own else superior.ref.issuer)
    plan = Plan(
        title=title,
        doc_date=PartialDate(year or 0),  # 0: asked in the review (year_missing), set_year fills it
        superior=superior,
        basis=[c.ref for c in basis if c.keep],
        intro="",
        lead_sentence="",
        items=items,
        period_start=date(year, 1, 1) if year else None,
        period_end=date(year, 12, 31) if year else None,
        signer_id=signer,
        recipients=list(unit.recipients),
        archive_dept_id=(roles or {}).get("lead"),
    )

    subjects = [s for s in {imported.issuer, imported.lead_subject, superior.ref.issuer} if s and not own]
    known = list(catalogue) + [c.ref for c in basis if c.is_new]
    repairs = find_repairs(plan, imported.opening + imported.basis, known, sorted(subjects, key=len, reverse=True))
    if not own:
        repairs.extend(scope_repairs(items, unit))
        repairs.extend(channel_repairs(items, unit))  # the unit's channels for the superior's national media
    repairs.extend(repeat_repairs(plan))
    levels = [0, 0, 0]
    for path, _, it in item_labels(items):
        if it.kind == "section" and len(_section_depth(items, path)) <= 3:
            levels[len(_section_depth(items, path)) - 1] += 1
    return Proposal(
        plan,
        superior,
        missing,
        suggested,
        own,
        basis,
        tasks,
        repairs,
        warnings,
        imported.is_plan,
        list(imported.found),
        levels,
        forms,
        imported.source,
        dict(imported.signature) if imported.signature else None,
        source_kind=imported.kind,
        source_parent=imported.parent,
        others=others,
        duties_at=duties_at,
        reporting=[t.text for t in read if is_reporting(t.text)],
        year_missing=year is None,
        deadline_unyeared=imported.deadline if year is None and _unyeared(imported) else "",
        cover=cover_ref(imported),
        cover_requests=list(imported.cover_requests),
        cover_deadline=superior.deadline if imported.cover_deadline else None,
    )


def _section_depth(items: list[PlanItem], path: tuple[int, ...]) -> list[int]:
    """The section ancestors (and self) of the item at `path`."""
    out, level = [], items
    for i in path:
        it = level[i]
        if it.kind == "section":
            out.append(i)
        level = it.children
    return out


def apply_proposal(proposal: Proposal) -> Plan:
    """The plan with the accepted repairs made and the basis the clerk kept; YearUnknown while its year is
    missing (never stored as year 0)."""
    if proposal.year_missing:
        raise YearUnknown()
    plan = proposal.plan
    if proposal.cover is not None and plan.superior is not None and not plan.intro:
        plan.intro = implementing_sentence(plan.superior, [proposal.cover])  # "Thực hiện Kế hoạch …; Công văn …"
    plan.basis = [c.ref for c in proposal.basis if c.keep]
    apply_repairs(plan, proposal.repairs)
    if proposal.duties_at:
        take_in(plan.items, proposal.duties_at, proposal.others)
        proposal.others = [o for o in proposal.others if not o.take]
    return plan
