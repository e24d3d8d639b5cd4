"""Tạo từ kế hoạch cấp trên: a unit's plan from its superior's real plan.

propose() reads the file and returns what the review screen shows (domain.cascade.Proposal: the
superior document with what could not be read, căn cứ candidates matched to the catalogue, tasks with
proposed departments and targets, repairs); create() stores what the clerk accepted, in one
transaction. import_without_questions() is both at once, as `plan-import` does."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..domain.cascade import Proposal, apply_proposal, propose_plan
from ..domain.citations import number_key, same_issuer
from ..domain.errors import UserError
from ..domain.models import LegalRef, PartialDate, Unit
from ..domain.periods import cutoff_named_in
from ..domain.plan_kinds import YearUnknown
from ..domain.references import cite
from ..domain.text import fold, one_line
from ..domain.vnformat import parse_date
from ..store import catalogue, db, plans, refs
from .forms import load_forms
from .plans import guess_roles, read_superior_plan


class NotAPlan(UserError):
    """The file reads as something else than a plan (a decree, a form, a letter)."""

    def __init__(self, name: str, found: list[str]):
        self.found = found
        super().__init__(f"Tệp {name} có vẻ không phải là kế hoạch ({'; '.join(found)}), nên chưa tạo kế hoạch nào.")


def known_refs(conn: sqlite3.Connection) -> list[LegalRef]:
    """The references to match against: the database's catalogue, and the bundled one not yet in it."""
    stored = refs.list_refs(conn)
    have = {number_key(r.number) for r in stored}
    return stored + [r for _, r in catalogue.catalogue() if number_key(r.number) not in have]


def propose(
    conn: sqlite3.Connection, unit: Unit, path: str | Path, year: int | None = None, accept_non_plan: bool = False
) -> Proposal:
    """What the review screen proposes; NotAPlan unless the clerk confirmed (accept_non_plan), and a
    UserError when nothing numbered was found at all. Nothing is written."""
    path = Path(path)
    imported = read_superior_plan(path)
    if not imported.is_plan and not accept_non_plan and imported.found:
        raise NotAPlan(path.name, imported.found)
    if not imported.items and not (imported.is_plan and imported.has_title):  # a titled opening is a plan
        raise UserError(
            f"Không tìm thấy mục nào được đánh số (I., II., 1., …) trong {path.name}: chưa tạo kế hoạch nào."
        )
    proposal = propose_plan(
        imported, unit, known_refs(conn), year, guess_roles(unit), load_forms(conn), ask_year=True
    )  # a year the document does not give is asked (proposal.year_missing), never taken from the clock
    proposal.plan.cutoff = _cutoff_of(imported) or proposal.plan.cutoff
    return proposal


def set_year(proposal: Proposal, year: int) -> None:
    """The plan's year, read or asked: its date's year, its period (the calendar year) and a yearly deadline read
    without its year ("05/12" hàng năm)."""
    plan = proposal.plan
    if year != plan.doc_date.year:
        plan.doc_date = PartialDate(year)
        plan.period_start, plan.period_end = date(year, 1, 1), date(year, 12, 31)
    sup = proposal.superior
    if proposal.deadline_unyeared and sup is not None and sup.deadline is None:
        try:
            sup.deadline = parse_date(f"{proposal.deadline_unyeared}/{year}")
        except ValueError:  # 29/02 in a common year: left to the clerk
            pass
    proposal.year_missing, proposal.deadline_unyeared = False, ""


def _cutoff_of(imported) -> str:
    """The NĐ 09/2019 cut-off when the superior's text names it (its căn cứ, opening, items, closing)."""
    items = [it.text for it in _walk(imported.items)]
    texts = [*imported.basis, *imported.intro, *items, imported.deadline_sentence, *imported.closing]
    return cutoff_named_in(texts)


def _walk(items):
    for it in items:
        yield it
        yield from _walk(it.children)


def _stored(conn: sqlite3.Connection, ref: LegalRef) -> int:
    """The id of `ref` in the catalogue: its own, the entry of the same number, or a new entry."""
    if ref.id is not None:
        return ref.id
    if ref.number:
        key = number_key(ref.number)
        for r in refs.list_refs(conn):
            if number_key(r.number) == key and r.id is not None:  # a listed entry always has its id
                ref.id = r.id
                return r.id
    return refs.save_ref(conn, ref)


def create(conn: sqlite3.Connection, proposal: Proposal) -> int:
    """The plan the clerk accepted: repairs made, kept căn cứ (new ones added to the catalogue), the
    superior document, the tasks. One transaction; the new plan's id."""
    plan = apply_proposal(proposal)
    with db.transaction(conn):
        catalogue.install_catalogue(conn)
        for r in plan.basis:
            _stored(conn, r)
        if plan.superior is not None:
            _stored(conn, plan.superior.ref)
            refs.save_superior(conn, plan.superior)
        if proposal.cover is not None and proposal.cover.number:  # the công văn, citable later as a căn cứ
            _stored(conn, proposal.cover)
        return plans.insert_plan(conn, plan)


def _same_document(a: LegalRef, b: LegalRef) -> bool:
    """One superior document: same number (when both have one), same date and issuer (when both are
    known); without numbers the trích yếu must match too."""
    if a.number and b.number and number_key(a.number) != number_key(b.number):
        return False
    if a.issued and b.issued and a.issued != b.issued:
        return False
    if a.issuer and b.issuer and not same_issuer(a.issuer, b.issuer):
        return False
    if not (a.number and b.number) and fold(a.summary) != fold(b.summary):
        return False
    return bool((a.number and b.number) or a.issued or a.summary)


def plans_from_same_superior(conn: sqlite3.Connection, proposal: Proposal) -> list[tuple[int, str, int]]:
    """The plans already made from the superior document the proposal implements: (id, title, year)."""
    sup = proposal.superior
    if sup is None:
        return []
    out = []
    for pid, title, year in plans.list_plans(conn):
        have = plans.load_plan(conn, pid).superior
        if have is not None and _same_document(have.ref, sup.ref):
            out.append((pid, title, year))
    return out


class AlreadyImported(UserError):
    """The superior document was already made into a plan (the same issuer, number and date)."""

    def __init__(self, citation: str, same: list[tuple[int, str, int]]):
        self.same = same
        pid, title, year = same[0]
        title = one_line(title)
        title = title if len(title) <= 120 else title[:119].rstrip() + "…"
        more = f" (và {len(same) - 1} kế hoạch khác)" if len(same) > 1 else ""
        super().__init__(
            f"Đã có kế hoạch “{title}” (mã số {pid}, năm {year}){more} tạo từ {citation}, nên "
            "không tạo thêm một kế hoạch trùng; dữ liệu không thay đổi."
        )


@dataclass
class Imported:
    plan_id: int
    proposal: Proposal
    notes: list[str] = field(default_factory=list)
    source_kind: str = "ke_hoach"  # ke_hoach | quyet_dinh_ban_hanh_ke_hoach (plan_kinds)
    source_parent: str = ""  # the superior's parent body in its header ("Bộ Y tế" over a Cục), or ""


def import_without_questions(
    conn: sqlite3.Connection, unit: Unit, path: str | Path, year: int | None = None, *, again: bool = False
) -> Imported:
    """`plan-import`: the proposal taken as it is (what cannot be read stays blank). AlreadyImported when a
    plan was already made from the same superior document (unless `again`: a second plan on purpose)."""
    proposal = propose(conn, unit, path, year)
    if proposal.year_missing:
        raise YearUnknown()  # the command line asks with --year
    sup = proposal.superior  # plans_from_same_superior finds none when the proposal has no superior
    if not again and sup is not None and (same := plans_from_same_superior(conn, proposal)):
        raise AlreadyImported(cite(sup.ref), same)
    pid = create(conn, proposal)
    notes = list(proposal.warnings)
    if proposal.missing:
        notes.append(
            "Chưa đọc được của văn bản cấp trên: "
            + ", ".join(proposal.missing_labels())
            + " — hãy điền ở mục “Thực hiện” của kế hoạch."
        )
    return Imported(pid, proposal, notes, proposal.source_kind, proposal.source_parent)
