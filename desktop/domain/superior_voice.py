"""What is still the superior's voice in the unit's plan (issue 23, point 6): the passages the review flagged as
"wording" (the superior's units "trực thuộc", its scope "ngành Y tế tỉnh …", a duty whose subject is the superior)
and the clerk has not yet rewritten. Read from the plan's text as it is now, so that a passage rewritten on the
Kế hoạch screen is no longer listed; the screen colours them and the export lists them first."""

from __future__ import annotations

from dataclasses import dataclass

from .duties import kind_of
from .models import Plan, PlanItem, Unit
from .repairs import item_labels, superior_wording


@dataclass
class Voiced:
    item: PlanItem
    label: str  # where the plan prints it: "II.1, -2"
    phrase: str  # the superior's words: "các đơn vị trực thuộc Sở Y tế"
    note: str  # what to do: "… hãy đổi thành khoa, phòng"


def superior_voice(plan: Plan, unit: Unit) -> list[Voiced]:
    """One entry per item still in the superior's voice (its first such phrase), in document order. A Sở's own
    plan speaks of its units "trực thuộc" in its own voice: nothing of that is listed for a Sở."""
    sup = plan.superior
    subjects = sorted({s for s in ((sup.ref.issuer, sup.addressee) if sup else ()) if s}, key=len, reverse=True)
    own_units = kind_of(unit) == "so_y_te"
    out = []
    for _, label, it in item_labels(plan.items):
        found = [(p, n) for p, n in superior_wording(it.text, subjects) if not (own_units and "trực thuộc" in p)]
        if found:
            out.append(Voiced(it, label, found[0][0], found[0][1]))
    return out


def voice_summary(found: list[Voiced], at_most: int = 5) -> str:
    """'3 đoạn còn lời của cấp trên: II.1 “các đơn vị trực thuộc Sở Y tế”, IV.3, -1 “Sở Y tế”, …'."""
    shown = "; ".join(f"{v.label} “{v.phrase}”" for v in found[:at_most])
    more = f"; và {len(found) - at_most} đoạn khác" if len(found) > at_most else ""
    return f"{len(found)} đoạn còn lời của cấp trên: {shown}{more}"
