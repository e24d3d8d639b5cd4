"""Documents: the plan and the report, compiled from the store and rendered (Word, PDF)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from ..domain import essentials
from ..domain.errors import UserError
from ..domain.forms import Forms
from ..domain.models import PartialDate
from ..domain.periods import outside_plan, same_period_last_year
from ..domain.plan_text import plan_reference
from ..domain.report import Compiled, Section, apply_edits, compile_report, default_report, drafts
from ..domain.report_outline import outline_sections, parse_outline
from ..store import activities, outlines, plans, reports, target_results, units
from .forms import load_forms


def resolve_plan_id(conn: sqlite3.Connection, plan_id: int | None) -> int:
    return plans.latest_plan_id(conn) if plan_id is None else plan_id


def write_plan(
    conn: sqlite3.Connection,
    out: str | Path,
    plan_id: int | None = None,
    pdf: bool = False,
    template: Path | None = None,
    cancel=None,
) -> list[Path]:
    """The Kế hoạch as .docx (and PDF; `out` ending in .pdf: the PDF only); `cancel` (a threading.Event) stops
    the PDF conversion."""
    from ..docgen.render import render_plan  # docx/docxtpl/Jinja load on first use, not at start-up

    plan = plans.load_plan(conn, resolve_plan_id(conn, plan_id))
    unit = units.load_unit(conn)
    forms = load_forms(conn)
    essentials.require(unit, plan.title, plan.signer_id, "Kế hoạch", "Kế hoạch › Trích yếu")
    return _written(lambda path: render_plan(plan, unit, path, template, forms), out, pdf, cancel)


def _written(render, out: str | Path, pdf: bool, cancel) -> list[Path]:
    """render(path) writes the .docx. `out` ending in .pdf: the PDF only, converted from a .docx in a temporary
    folder (removed after), so a .docx of the same name beside it, maybe edited by hand in Word, is never
    touched. Else the .docx at `out`, and with `pdf` its PDF beside it (same name, .pdf)."""
    import tempfile

    from ..docgen.pdf import to_pdf

    out = Path(out)
    if out.suffix.lower() == ".pdf":
        with tempfile.TemporaryDirectory(prefix="vbyt-xuat-") as work:
            docx = render(Path(work) / (out.stem + ".docx"))
            return [to_pdf(docx, out, cancel=cancel)]
    written = [render(out)]
    if pdf:
        written.append(to_pdf(out, cancel=cancel))
    return written


def compile_for(
    conn: sqlite3.Connection,
    plan_id: int | None,
    start: date | None = None,
    end: date | None = None,
    outline: str | None = None,
):
    """The plan, unit, report record (stored or default), compiled figures and sections. The sections follow
    the superior's outline: `outline` (its text), else the one kept with the plan, else the app's own parts."""
    pid = resolve_plan_id(conn, plan_id)
    plan = plans.load_plan(conn, pid)
    unit = units.load_unit(conn)
    forms = load_forms(conn)  # the unit's forms: the report's sentences and the appendix name them
    p_start, p_end = plans.plan_period(plan)
    given = start is not None or end is not None
    start, end = start or p_start, end or p_end
    if start > end:
        raise UserError(f"Kỳ báo cáo không hợp lệ: ngày bắt đầu {start:%d/%m/%Y} sau ngày kết thúc {end:%d/%m/%Y}.")
    outside = outside_plan(start, end, p_start, p_end, plan_reference(plan, unit))
    if outside:
        raise UserError(outside)
    report = report_for(conn, plan, start, end, period_given=given)
    acts = activities.load_activities(conn, start, end, plan.id)
    recorded = target_results.results_of_plan(conn, pid)  # rate and reach targets' values, per period
    compiled: Compiled = compile_report(plan, unit, acts, start, end, forms, recorded)
    compiled.previous = previous_for(conn, plan, unit, start, end, forms)
    sections: list[Section] = apply_edits(drafts(plan, unit, compiled, compiled.previous), report.texts)
    if outline is None:
        kept = outlines.load_outline(conn, pid)
        outline = kept[1] if kept else ""
    heads = parse_outline(outline)
    if heads:
        sections = apply_edits(outline_sections(heads, sections, compiled), report.texts)
    return plan, unit, report, compiled, sections


def report_for(conn: sqlite3.Connection, plan, start: date, end: date, period_given: bool = True):
    """The report of (plan, period) with the clerk's edits of that period: the stored one, else a new one (not
    stored) with the addressee, signer and recipients of the plan's latest report and no edits. A caller that
    gave no period gets the plan's latest report when none is stored for the plan's period (one report per
    plan, as before periods kept their own edits)."""
    report = reports.report_for_period(conn, plan.id, start, end)
    if report is None:
        latest = reports.latest_report(conn, plan.id)
        if latest is not None and not period_given:
            report = latest
        else:
            today = date.today()
            report = default_report(plan, start, end)
            report.doc_date = PartialDate(today.year, today.month)
            if latest is not None:
                report.addressee, report.signer_id = latest.addressee, latest.signer_id
                report.recipients = list(latest.recipients)
    report.period_start, report.period_end = start, end
    return report


def period_of_plan(
    conn: sqlite3.Connection, plan_id: int | None, key: str, cutoff: str | None = None
) -> tuple[date, date]:
    """A named period (year, h1, 9m, q1–q4, m1–m12) of the plan's year, its data cut off by `cutoff`
    ('calendar' or 'nd09'; None: the plan's own setting)."""
    from ..domain.periods import period_range

    plan = plans.load_plan(conn, resolve_plan_id(conn, plan_id))
    return period_range(key, plan_year(plan), cutoff or plan.cutoff)


def plan_year(plan) -> int:
    """The year a plan's named periods belong to: the year its period starts in."""
    return plans.plan_period(plan)[0].year


def set_cutoff(conn: sqlite3.Connection, plan_id: int, cutoff: str) -> None:
    """The plan's cut-off of report data: 'calendar' or 'nd09' (NĐ 09/2019); one transaction."""
    from ..domain.periods import CUTOFFS
    from ..store import db

    if cutoff not in CUTOFFS:
        raise ValueError(cutoff)
    with db.transaction(conn):
        plans.update_plan(conn, plan_id, cutoff=cutoff)


def previous_plan(conn: sqlite3.Connection, plan) -> int | None:
    """The plan of the year before: the one this plan was copied from, else the only plan of the previous
    year that implements a document of the same issuer."""
    if plan.copied_from is not None:
        return plan.copied_from
    if plan.superior is None:
        return None
    year = (plan.period_start or date(plan.doc_date.year, 1, 1)).year
    same = []
    for pid, _, _ in plans.list_plans(conn):
        if pid == plan.id:
            continue
        other = plans.load_plan(conn, pid)
        other_year = (other.period_start or date(other.doc_date.year, 1, 1)).year
        if other_year == year - 1 and other.superior and other.superior.ref.issuer == plan.superior.ref.issuer:
            same.append(pid)
    return same[0] if len(same) == 1 else None


def previous_for(
    conn: sqlite3.Connection, plan, unit, start: date, end: date, forms: Forms | None = None
) -> Compiled | None:
    """The same period of the previous year, for the plan of the year before (None when there is none or
    it recorded nothing then)."""
    prev_id = previous_plan(conn, plan)
    if prev_id is None:
        return None
    p_start, p_end = same_period_last_year(start, end)
    acts = activities.load_activities(conn, p_start, p_end, prev_id)
    if not acts:
        return None
    forms = forms if forms is not None else load_forms(conn)
    return compile_report(plans.load_plan(conn, prev_id), unit, acts, p_start, p_end, forms)


def write_report(
    conn: sqlite3.Connection,
    out: str | Path,
    plan_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
    pdf: bool = False,
    template: Path | None = None,
    cancel=None,
    outline: str | None = None,
    gaps: list[str] | None = None,
) -> list[Path]:
    """The Báo cáo (as write_plan); `outline`: the superior's outline's text to follow (None: the plan's own, if
    any). The parts printed as a dotted line to fill by hand are appended to `gaps`, named."""
    from ..docgen.render import render_report
    from ..domain.report_sections import gaps as dotted

    plan, unit, report, compiled, sections = compile_for(conn, plan_id, start, end, outline)
    if gaps is not None:
        gaps.extend(dotted(sections))
    # the report's title is made from its plan's: a plan without trích yếu cannot be reported on
    essentials.require(unit, plan.title, report.signer_id or plan.signer_id, "Báo cáo", "Kế hoạch › Trích yếu")
    return _written(
        lambda path: render_report(plan, unit, report, sections, compiled, path, template), out, pdf, cancel
    )


def guessed_count(conn: sqlite3.Connection, plan_id: int | None) -> int:
    """The plan's activities whose plan the upgrade guessed (for the clerk to check); 0 without a plan."""
    return 0 if plan_id is None else activities.guessed_for_plan(conn, plan_id)
