"""The superior's "Tổ chức thực hiện" read for one unit, and the unit's own written for its departments.

`addressee` says whom a duty block of the superior is addressed to: units like ours (by the unit's kind and
level: "Các bệnh viện, trung tâm y tế trực thuộc", "Các đơn vị trực thuộc Sở", "Các đơn vị", the unit by name, a
department of ours), another body ("Văn phòng Bộ Y tế", "Báo Sức khỏe và Đời sống", the Sở's own Phòng, the
provincial CDC …) or the reporting paragraph. `is_reporting` tells a reporting duty ("Báo cáo kết quả … về Sở Y
tế … trước ngày …"), which is a clause of the plan, never a task. `reporting_clause` writes that clause for the
unit from the superior's sentence and deadline; `organization_items` writes the unit's Tổ chức thực hiện: the
lead department (chủ trì) with our duties and the clause, each other department leading tasks, the departments
that coordinate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Department, PlanItem, Unit
from .text import clean, fold

UNIT_KINDS = (
    ("benh_vien", "Bệnh viện"),
    ("trung_tam_y_te", "Trung tâm Y tế"),
    ("trung_tam", "Trung tâm chuyên ngành (Kiểm soát bệnh tật, Kiểm nghiệm …)"),
    ("tram_y_te", "Trạm Y tế"),
    ("so_y_te", "Sở Y tế"),
    ("khac", "Đơn vị khác"),
)
UNIT_LEVELS = (
    ("so", "Trực thuộc Sở Y tế"),
    ("bo", "Trực thuộc Bộ Y tế"),
    ("ubnd", "Trực thuộc Ủy ban nhân dân"),
    ("khac", "Khác"),
)

# what names units of a kind in a superior's heading (folded)
_KIND_WORDS = {
    "benh_vien": (r"benh vien", r"co so kham(?:,| benh)", r"co so y te"),
    "trung_tam_y_te": (r"trung tam y te(?! du phong)", r"co so y te"),
    "tram_y_te": (r"tram y te", r"y te (?:xa|phuong|co so)"),
    "so_y_te": (r"so y te cac", r"so y te tinh", r"so y te"),
}
_UNITS = re.compile(r"(?:^|\s)(?:cac\s+)?(?:co quan,?\s+)?don vi\b")
_UNDER_BO = re.compile(r"(?:truc thuoc|thuoc)\s+bo\b|thuoc bo y te")
_UNDER_SO = re.compile(r"(?:truc thuoc|thuoc)\s+so\b|thuoc so y te")
_OFFICE = ("so ", "bo ", "uy ban", "cuc ", "vu ", "ubnd")  # issuers that have Phòng / Vụ / Văn phòng of their own
_DEPTS = re.compile(r"^(?:cac\s+)?(?:khoa|phong|to|bo phan)(?:,\s*|\s+)")
_REPORT = re.compile(r"\btr\w{1,3}c\W{0,2}\s*ng\w{1,3}y\s+\d{1,2}/\d{1,2}")
_ADDRESSEE = re.compile(r"\bv\S{1,2}\s+((?:S\S|B\S)\s+Y\s+t\S[^(,;.]*?)\s*(\(qua\s+[^)]+\))?\s*tr\S{1,3}c\s+ng\S{1,2}y")


def kind_of(unit: Unit) -> str:
    """The unit's kind: its profile's, else read from its name ("Bệnh viện …", "Trung tâm Y tế …")."""
    if unit.kind:
        return unit.kind
    f = fold(unit.name)
    for kind, start in (
        ("benh_vien", "benh vien"),
        ("trung_tam_y_te", "trung tam y te"),
        ("tram_y_te", "tram y te"),
        ("so_y_te", "so y te"),
        ("trung_tam", "trung tam"),
    ):
        if f.startswith(start):
            return kind
    return "khac"


def level_of(unit: Unit) -> str:
    """Whose unit it is: its profile's, else read from its parent body ("Sở Y tế …" -> so)."""
    if unit.level:
        return unit.level
    f = fold(unit.parent_body)
    if f.startswith("so "):
        return "so"
    if f.startswith("bo "):
        return "bo"
    if f.startswith(("uy ban", "ubnd")):
        return "ubnd"
    return ""


def _ours(f: str, unit: Unit) -> bool:
    """A department of ours named at the start of the folded heading `f`."""
    for d in unit.departments:
        name = fold(d.name)
        if f.startswith(name) or (
            d.abbr and re.match(rf"^(?:phong|khoa|to|bo phan)?\s*{re.escape(fold(d.abbr))}\b", f)
        ):
            return True
    return False


def addressee(heading: str, unit: Unit, issuer: str) -> str:
    """'us', 'other' or 'report' for a duty block headed `heading` in the plan of `issuer` (see the module's doc)."""
    f = fold(clean(heading)).rstrip(" :")
    f = re.sub(r"^(?:de nghi|yeu cau)\s+", "", f)
    office = fold(issuer).startswith(_OFFICE)
    if f.startswith(("bao cao", "che do bao cao")):
        return "report"
    if fold(unit.name) in f:
        return "us"
    kind, level = kind_of(unit), level_of(unit)
    if _DEPTS.match(f):
        if office:  # "Phòng Tổ chức - Hành chính", "Các phòng chức năng" of the Sở: its own
            return "us" if _UNITS.search(f) and _for_our_level(f, issuer, level) else "other"
        return "us" if _ours(f, unit) or f.startswith(("cac khoa", "khoa, phong", "cac phong, khoa")) else "other"
    if any(re.search(rf"(?:^|\s){w}", f) for w in _KIND_WORDS.get(kind, ())):
        if kind == "so_y_te" or not f.startswith("so y te"):
            return "us" if _for_our_level(f, issuer, level) else "other"
    if _UNITS.search(f) and re.match(r"^(?:cac\s+)?(?:co quan,?\s+)?(?:phong,?\s+)?don vi", f):
        return "us" if _for_our_level(f, issuer, level) else "other"
    return "other"


def _for_our_level(f: str, issuer: str, level: str) -> bool:
    """Units "trực thuộc" the issuer (or a body the heading names) are ours only when we are under it."""
    if _UNDER_BO.search(f):
        return level in ("bo", "")
    if _UNDER_SO.search(f):
        return level in ("so", "")
    if "truc thuoc" in f or re.search(r"\bthuoc\b", f):
        i = fold(issuer)
        if i.startswith("bo "):
            return level in ("bo", "")
        if i.startswith("so "):
            return level in ("so", "")
    return True


def is_reporting(text: str) -> bool:
    """'Báo cáo kết quả … về Sở Y tế … trước ngày 20/11/2025': a reporting duty (a clause, not a task)."""
    f = fold(text)
    first = f.split(";")[0]  # "Triển khai Kế hoạch tại địa phương; báo cáo kết quả …": a duty first
    return bool(re.search(r"\bbao\s+cao\b|\bb/c\b", first)) and bool(_REPORT.search(f))


@dataclass
class Reporting:
    addressee: str  # "Sở Y tế tỉnh Khánh Hòa"
    via: str  # "(qua Phòng Nghiệp vụ Y)" or ""
    deadline: str  # "20/11/2025", "05/12 hằng năm", or "" (not read)


def reporting_from(sentence: str, issuer: str, deadline: str, yearly: bool) -> Reporting:
    """Whom and by when the superior asks the units to report, from its sentence (read when its text is clean,
    that is written with its diacritics; else the superior itself)."""
    from .citations import same_issuer

    to, via = issuer, ""
    m = _ADDRESSEE.search(clean(sentence)) if fold(sentence) != sentence else None
    if m:
        said = clean(m[1])
        to = issuer if not issuer or same_issuer(said, issuer) or fold(issuer).startswith(fold(said)) else said
        via = clean(m[2] or "")
    return Reporting(to, via, f"{deadline} hằng năm" if deadline and yearly else deadline)


def reporting_clause(r: Reporting) -> str:
    """'Tổng hợp kết quả thực hiện, báo cáo Sở Y tế tỉnh … (qua …) trước ngày 20/11/2025.'"""
    when = f" trước ngày {r.deadline}" if r.deadline else " theo quy định"
    via = f" {r.via}" if r.via else ""
    return f"Tổng hợp kết quả thực hiện, báo cáo {r.addressee or 'cấp trên'}{via}{when}."


LEAD_BLANK = "Khoa, phòng chủ trì: ……"  # the heading left for the clerk when no lead department is known


def _head_of(unit: Unit) -> str:
    """'Giám đốc' from the first signer's authority line ('KT. GIÁM ĐỐC'), else 'Thủ trưởng đơn vị'."""
    if unit.signers:
        words = re.sub(r"^(?:KT|TM|TL|TUQ)\.\s*", "", clean(unit.signers[0].authority)).strip()
        if words:
            return words[:1].upper() + words[1:].lower()
    return "Thủ trưởng đơn vị"


def organization_items(
    unit: Unit,
    lead: Department | None,
    duties: list[PlanItem],
    led: dict[int, list[str]],
    coordinating: dict[int, list[str]],
    clause: str,
    every: list[PlanItem] | None = None,
) -> list[PlanItem]:
    """The unit's Tổ chức thực hiện: `duties` (our tasks from the superior) under the lead department with the
    reporting `clause`; each other department with the labels of the tasks it leads (`led`) or coordinates
    (`coordinating`, by department id); then the departments as a whole coordinating with the lead, with the
    duties the superior gave them (`every`)."""
    head = _head_of(unit)
    first = [
        PlanItem(
            "bullet",
            f"Chủ trì, tham mưu {head} triển khai Kế hoạch; hướng dẫn, theo dõi, đôn đốc các khoa, phòng thực hiện.",
        ),
        *duties,
        PlanItem("bullet", clause),
    ]
    out = [PlanItem("section", lead.name if lead else LEAD_BLANK, first)]
    for dept in unit.departments:
        if dept.id is None or (lead is not None and dept.id == lead.id):
            continue
        lines = []
        if dept.id in led:
            lines.append(f"Chủ trì thực hiện nhiệm vụ tại mục {', '.join(led[dept.id])} của Kế hoạch.")
        if dept.id in coordinating:
            lines.append(f"Phối hợp thực hiện nhiệm vụ tại mục {', '.join(coordinating[dept.id])} của Kế hoạch.")
        if lines:
            out.append(PlanItem("section", dept.name, [PlanItem("bullet", t) for t in lines]))
    with_lead = f"Phối hợp với {lead.name}" if lead else "Phối hợp với khoa, phòng chủ trì"
    out.append(
        PlanItem(
            "section",
            "Các khoa, phòng",
            [
                PlanItem(
                    "bullet",
                    f"{with_lead} triển khai các nội dung của Kế hoạch tại khoa, phòng; gửi kết quả thực hiện về "
                    f"{'khoa, phòng chủ trì' if lead is None else lead.name} để tổng hợp.",
                ),
                *(every or []),
            ],
        )
    )
    return out


@dataclass
class OtherDuty:
    """A duty of the superior's Tổ chức thực hiện addressed to another body: shown in the review as "Việc của
    đơn vị khác", out of the plan unless the clerk takes it in (`take`)."""

    addressee: str  # the block's heading: "Văn phòng Bộ Y tế"
    text: str
    where: str  # its place in the superior's plan: "V.1, -2"
    take: bool = False
    task: object = None  # the cascade's TaskProposal (lead, coordinating departments, targets) when taken
    lead_dept_id: int | None = None  # our lead department (chủ trì), who leads it when taken in and none is named


def _paths(items: list[PlanItem]) -> dict[int, tuple[int, ...]]:
    out: dict[int, tuple[int, ...]] = {}

    def rec(children, path):
        for i, it in enumerate(children):
            out[id(it)] = path + (i,)
            rec(it.children, path + (i,))

    rec(items, ())
    return out


def lead_with_evidence(unit: Unit, proposed: int | None, headings: list[str]) -> Department | None:
    """The lead department when something says so: a department of ours heading a block addressed to us, else
    the proposed one, else any, when its name or abbreviation is the lead role's (Kế hoạch tổng hợp, KHTH); else
    None (the clerk chooses: nothing is guessed from the first department of the list)."""
    for h in headings:
        f = fold(clean(h))
        for d in unit.departments:
            if d.id is not None and _ours(f, unit) and (f.startswith(fold(d.name)) or fold(d.abbr) in f.split()[:3]):
                return d
    chosen = unit.department(proposed)
    for d in ([chosen] if chosen else []) + list(unit.departments):
        if d.id is not None:
            name, abbr = fold(d.name), fold(d.abbr)
            if "ke hoach tong hop" in name or abbr.startswith("khth") or "khth" in name:
                return d
    return None


def localise(items, org_paths, tasks, unit: Unit, issuer: str, proposed_lead: int | None, clause: str, asks=()):
    """The superior's Tổ chức thực hiện at `org_paths` rewritten as the unit's (in place in `items`): its blocks
    addressed to us give their duties (the ticked items of `tasks`, TaskProposals) to our lead department; those
    addressed to other bodies become OtherDuty; the reporting paragraph becomes `clause`; the sentences of `asks`
    ((where, paragraphs): the closing, a covering công văn's requests; see `requests`) asked of us are our duties too. Returns (tasks still in
    the plan, with their new paths and labels, others, the path of our lead's section, warnings)."""
    from .repairs import item_labels

    others: list[OtherDuty] = []
    warnings: list[str] = []
    duties_at: tuple[int, ...] = ()
    objs = {id(t): _item(items, t.path) for t in tasks}  # each task's item, before the rewrite moves them
    labels = {id(it): lab for _, lab, it in item_labels(items)}
    in_org = [t for t in tasks if t.section == "organization"]
    for opath in org_paths:
        top = _item(items, opath)
        ours: list[PlanItem] = []  # the duties of units like ours: our lead department's
        all_depts: list[PlanItem] = []  # those the superior gave "các khoa, phòng": ours as a whole
        headings: list[str] = []
        for bi, block in enumerate(top.children):
            bpath = (*opath, bi)
            who = (
                "report"
                if block.kind != "section" and is_reporting(block.text)
                else addressee(block.text, unit, issuer)
            )
            block_tasks = [t for t in in_org if t.path[: len(bpath)] == bpath]
            if who == "other" and not fold(issuer).startswith(_OFFICE) and _heads(block.text, block_tasks):
                who = "us"  # "Bộ phận Công nghệ thông tin", "Công đoàn": a department of ours by its role's words
            asking = [t for t in block_tasks if objs[id(t)] is not block and asked_of(t.text)]
            for t in asking:  # "Đề nghị các bệnh viện … triển khai …" below a block: asks whom it names
                block_tasks.remove(t)
                said = asked_of(t.text) or ""
                if addressee(said, unit, issuer) == "us":
                    ours.append(objs[id(t)])
                else:
                    others.append(OtherDuty(said, t.text, t.where, False, t))
            if who == "us":
                headings.append(block.text)
                every = re.match(r"^(?:cac\s+)?khoa,?\s+phong\b|^cac\s+phong,?\s+khoa\b", fold(block.text))
                for t in block_tasks:
                    it = objs[id(t)]
                    if it.kind == "text" or it is block:  # a duty stays a bullet; a headed block's own text too
                        it = PlanItem(
                            "bullet",
                            it.text,
                            [] if it is block else it.children,
                            True,
                            it.lead_dept_id,
                            list(it.coord_dept_ids),
                            it.time_frame,
                            list(it.targets),
                        )
                        objs[id(t)] = it
                    (all_depts if every else ours).append(it)
            elif who == "other":
                others.extend(OtherDuty(clean(block.text), t.text, t.where, False, t) for t in block_tasks)
        if opath == org_paths[-1]:
            for where, paras in asks:
                mine, theirs = requests(paras, unit, issuer)
                ours.extend(PlanItem("bullet", t, is_task=True) for t in mine)
                others.extend(OtherDuty(who, t, where) for who, t in theirs)
        lead = lead_with_evidence(unit, proposed_lead, headings)
        for o in others:
            if o.lead_dept_id is None and lead is not None:
                o.lead_dept_id = lead.id
        if lead is None:
            warnings.append(
                "Chưa rõ khoa, phòng chủ trì kế hoạch: mục “Tổ chức thực hiện” để trống tên khoa, phòng chủ trì "
                "(“……”) cho văn thư ghi."
            )
        for it in ours:
            if lead is not None and it.lead_dept_id is None:
                it.lead_dept_id = lead.id
        led: dict[int, list[str]] = {}
        coord: dict[int, list[str]] = {}
        for t in tasks:
            if t.section == "organization":
                continue
            lab = labels.get(id(objs[id(t)]), t.where)
            if t.lead_dept_id is not None and (lead is None or t.lead_dept_id != lead.id):
                led.setdefault(t.lead_dept_id, []).append(lab)
            for c in t.coord_dept_ids:
                coord.setdefault(c, []).append(lab)
        top.children = organization_items(unit, lead, ours, led, coord, clause, all_depts)
        duties_at = (*opath, 0)
    where = _paths(items)
    new_labels = {path: lab for path, lab, _ in item_labels(items)}
    kept = []
    for t in tasks:
        path = where.get(id(objs[id(t)]))
        if path is not None:  # a duty of another body left the plan
            t.path, t.where = path, new_labels.get(path, t.where)
            kept.append(t)
    return kept, others, duties_at, warnings


_ASK = re.compile(r"^(?:dong thoi,?\s+)?(?:de nghi|yeu cau|giao)\s+")
_VERBS = (
    r"(?:trien khai|chu tri|tham gia|quan triet|thuc hien|to chuc|phoi hop|xay dung|bao cao|tuyen truyen|"
    r"can cu|khan truong|nghiem tuc|chu dong|tang cuong|huong dan|ra soat|gui|co trach nhiem|theo doi|dam bao|"
    r"dua tin|cung cap|nghien cuu|bo tri)\b"
)
_VERB = re.compile(r"\s" + _VERBS)


def asked_of(sentence: str, ask: bool = True) -> str | None:
    """Whom a sentence asks: "Đề nghị các bệnh viện, trung tâm y tế … triển khai …" -> "các bệnh viện, trung tâm y
    tế …" (as written); None when it asks no one by name. With `ask` False (a công văn's numbered request) the
    words before the verb name it without "Đề nghị" ("Ủy ban nhân dân các xã … quán triệt …")."""
    text = clean(sentence)
    f = fold(text)
    if len(f) != len(text):  # the folded form lines up with the text (NFC, single spaces)
        return None
    m = _ASK.match(f)
    if m is None and (ask or re.match(_VERBS, f)):  # "Cung cấp thông tin …": asks the letter's addressees
        return None
    start = m.end() if m else 0
    v = _VERB.search(re.sub(r"\([^)]*\)", lambda b: " " * len(b[0]), f), start)  # not in "(Cơ quan …)"
    if v is None:
        return None
    said = re.sub(r"\s*\([^)]*\)\s*$", "", text[start : v.start()]).strip(" ,:")
    return said or None


def requests(sentences, unit: Unit, issuer: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The requests in `sentences` (a closing paragraph, a công văn's numbered requests) as (ours, others): a
    sentence asked of units like ours (see `addressee`), or of no one by name in a công văn's request, is ours; one
    asked of another body is (its addressee, the sentence). Sentences that ask nothing and reporting ones (a
    clause of the plan) are left out."""
    ours: list[str] = []
    theirs: list[tuple[str, str]] = []
    for para in sentences:
        text = clean(para)
        closing = text.endswith("./.")
        for s in re.split(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])", text.removesuffix("/.")):
            s = s.strip()
            if not s or is_reporting(s):
                continue
            said = asked_of(s, ask=closing or bool(_ASK.match(fold(s))))
            if said is None:
                if not closing and not fold(s).startswith("tren day"):
                    ours.append(s)
                continue
            if addressee(said, unit, issuer) == "us":
                ours.append(s)
            else:
                theirs.append((said, s))
    return ours, theirs


def _heads(heading: str, tasks) -> bool:
    """The block's heading is the department the cascade read as its duties' lead."""
    f = fold(clean(heading))
    core = re.sub(r"^(?:cac\s+)?(?:phong|khoa|to|bo phan|ban)\s+", "", f)
    return any(
        t.lead_named and (f.startswith(fold(t.lead_named)) or core.startswith(fold(t.lead_named))) for t in tasks
    )


def _item(items: list[PlanItem], path: tuple[int, ...]) -> PlanItem:
    it = items[path[0]]
    for i in path[1:]:
        it = it.children[i]
    return it


def take_in(items: list[PlanItem], duties_at: tuple[int, ...], others: list[OtherDuty]) -> None:
    """The duties of other bodies the clerk took in (`take`), as tasks of our lead section at `duties_at`, before
    its last line (the reporting clause); led by the department the duty names, else by the section's lead (a task
    of it, else our lead department read for the section)."""
    section = _item(items, duties_at)
    lead = next((c.lead_dept_id for c in section.children if c.is_task and c.lead_dept_id is not None), None)
    for o in others:
        if not o.take:
            continue
        t = o.task
        named = getattr(t, "lead_dept_id", None)
        section.children.insert(
            max(len(section.children) - 1, 0),
            PlanItem(
                "bullet",
                o.text,
                is_task=True,
                lead_dept_id=named if named is not None else lead if lead is not None else o.lead_dept_id,
                coord_dept_ids=list(getattr(t, "coord_dept_ids", [])),
                targets=list(getattr(t, "targets", [])),
            ),
        )
