"""The body of a Kế hoạch, numbered automatically from the plan's item tree."""

from __future__ import annotations

from .blocks import Block
from .forms import DEFAULTS, Forms
from .models import Plan, PlanItem, Target, Unit
from .numbering import bullet_mark, section_label
from .references import basis_lines, cite, implementing_sentence
from .target_kinds import target_text as kind_text
from .text import clean
from .vnformat import short_date


def target_text(t: Target, forms: Forms = DEFAULTS) -> str:
    """'02 hội nghị': the quantity and its unit (typed, else its form's in the unit's catalogue `forms`); a rate
    or a reach as target_kinds says it ('tỷ lệ văn bản ký số đạt 95%', '3.000 người bệnh', '… (quý I)')."""
    return kind_text(t, forms)


def task_line(item: PlanItem, unit: Unit, forms: Forms = DEFAULTS, under: str = "") -> str:
    """The task's details as one sentence of the task, printed as a paragraph under it (not as a
    bullet, which would read as one more duty): 'Đơn vị chủ trì: …, phối hợp: …; thời gian thực
    hiện: …; chỉ tiêu: ….' (empty when nothing is set)."""
    parts = []
    lead = unit.department(item.lead_dept_id)
    coords = [d.name for d in (unit.department(i) for i in item.coord_dept_ids) if d]
    if lead and clean(lead.name) == clean(under):  # under the heading that names it: said once, there
        if coords:
            parts.append(f"Đơn vị phối hợp: {', '.join(coords)}")
    elif lead:
        parts.append(f"Đơn vị chủ trì: {lead.name}" + (f", phối hợp: {', '.join(coords)}" if coords else ""))
    elif coords:
        parts.append(f"Đơn vị phối hợp: {', '.join(coords)}")
    if item.time_frame:
        parts.append(f"thời gian thực hiện: {clean(item.time_frame).rstrip('.;')}")
    if item.targets:
        parts.append(f"chỉ tiêu: {', '.join(target_text(t, forms) for t in item.targets)}")
    if not parts:
        return ""
    s = "; ".join(parts)
    return s[0].upper() + s[1:] + "."


def number_items(items: list[PlanItem]) -> list[tuple[PlanItem, Block]]:
    """Each item with its block, labels computed from the tree (never typed by the user)."""
    out: list[tuple[PlanItem, Block]] = []

    def rec(children: list[PlanItem], depth: int, bullet_depth: int):
        index = 0
        for it in children:
            text = clean(it.text)
            if it.kind == "section":
                index += 1
                label = section_label(depth, index)
                kind = ("h1", "h2", "h3")[depth] if depth < 3 else "h4"
                if depth == 0:
                    text = text.upper()
                out.append((it, Block(kind, text, label)))
                rec(it.children, depth + 1, 0)
            elif it.kind == "bullet":
                mark = bullet_mark(bullet_depth)
                out.append((it, Block("bullet" if bullet_depth == 0 else "bullet2", text, mark)))
                rec(it.children, depth, bullet_depth + 1)
            else:
                out.append((it, Block("text", text)))
                rec(it.children, depth, bullet_depth)

    rec(items, 0, 0)
    return out


def task_labels(plan: Plan) -> dict[int, str]:
    """Task id -> its number path in the plan ('II.3', 'V.1', 'II.3 -')."""
    labels: dict[int, str] = {}

    def rec(children, path, depth):
        index = 0
        for it in children:
            if it.kind == "section":
                index += 1
                lab = section_label(depth, index).rstrip(".)")
                p = f"{path}.{lab}" if path else lab
            else:
                p = path
            if it.is_task and it.id is not None:
                labels[it.id] = p
            rec(it.children, p, depth + 1 if it.kind == "section" else depth)

    rec(plan.items, "", 0)
    return labels


def default_title_suffix(plan: Plan, unit: Unit) -> str:
    return plan.title or f"Kế hoạch của {unit.name}"


def opening_blocks(plan: Plan, unit: Unit) -> list[Block]:
    blocks = [Block("basis", line) for line in basis_lines(plan.basis)]
    intro = clean(plan.intro)
    if not intro and plan.superior:
        intro = implementing_sentence(plan.superior)
    if intro:
        blocks.append(Block("text", intro))
    lead = clean(plan.lead_sentence) or f"{unit.name} xây dựng Kế hoạch như sau:"
    blocks.append(Block("text", lead))
    return blocks


def closing_sentence(plan: Plan, unit: Unit) -> str:
    text = clean(plan.closing)
    if not text:
        text = f"Trên đây là Kế hoạch {plan.title} của {unit.name}"
        if plan.title.endswith(unit.name):
            text = f"Trên đây là Kế hoạch {plan.title}"
    return ensure_final(text)


def ensure_final(text: str) -> str:
    """The last sentence of a body ends with './.' (NĐ 30)."""
    t = text.rstrip()
    if t.endswith("./."):
        return t
    return t.rstrip(".;, ") + "./."


def plan_blocks(plan: Plan, unit: Unit, forms: Forms = DEFAULTS) -> list[Block]:
    blocks = opening_blocks(plan, unit)
    heading = ""  # the section the item is under: a lead it names is not written again under it
    for item, block in number_items(plan.items):
        blocks.append(block)
        if item.kind == "section":
            heading = item.text
        if item.is_task:
            line = task_line(item, unit, forms, "" if item.kind == "section" else heading)
            if line:
                blocks.append(Block("text", line))
    blocks.append(Block("closing", closing_sentence(plan, unit)))
    return blocks


def plan_reference(plan: Plan, unit: Unit, issuer: bool = True) -> str:
    """'Kế hoạch số 05/KH-BVPBT ngày 05/9/2025 của Bệnh viện Phổi Bình Thuận'; without the issuer
    when the unit is already the sentence's subject ('Bệnh viện … đã ban hành Kế hoạch số …')."""
    from .models import LegalRef
    from .vnformat import doc_number

    of = f" của {unit.name}" if issuer else ""
    if plan.number is None:
        return f"Kế hoạch{of} năm {plan.doc_date.year}" if issuer else "Kế hoạch"
    ref = LegalRef("Kế hoạch", doc_number(plan.number, "KH", unit.abbr), plan.doc_date.as_date(), unit.name)
    if ref.issued is None:
        return f"Kế hoạch số {ref.number}{of}"
    return cite(ref) if issuer else f"Kế hoạch số {ref.number} ngày {short_date(ref.issued)}"


def recipient_lines(recipients: list[str], archive_abbr: str = "") -> list[str]:
    """'- Sở Y tế (báo cáo);' … '- Lưu: VT, KHTH.' (NĐ 30: each ends with ';', the last with '.')."""
    lines = []
    for r in recipients:
        t = clean(r).lstrip("-+• ").rstrip(";.,")
        if t and not t.startswith("Lưu:"):
            lines.append(f"- {t};")
    archive = "Lưu: VT" + (f", {clean(archive_abbr)}" if clean(archive_abbr) else "")
    lines.append(f"- {archive}.")
    return lines
