"""Small rules of reading a superior's plan: a preset item without text, a close OCR symbol, a text to retype."""

from datetime import date

from desktop.domain.citations import match
from desktop.domain.models import LegalRef, PartialDate, Plan, PlanItem, Unit
from desktop.domain.presets import plan_from_preset
from desktop.domain.repairs import find_repairs


def test_a_preset_item_without_text_is_an_empty_heading_to_fill():
    unit = Unit("Bệnh viện Đa khoa tỉnh Lâm Đồng", "BVĐK", "Lâm Đồng")
    preset = {"title": "Kế hoạch phòng, chống bệnh lao năm {year}", "items": [{"kind": "section"}]}
    plan = plan_from_preset(preset, unit, {}, {}, date(2025, 3, 5))
    assert plan.title == "Kế hoạch phòng, chống bệnh lao năm 2025"
    assert [(it.kind, it.text) for it in plan.items] == [("section", "")]


_PLAN = LegalRef("Kế hoạch", "12/KH-UBNDLĐ", date(2025, 1, 5), "Ủy ban nhân dân tỉnh Lâm Đồng")


def test_an_ocr_symbol_seven_tenths_alike_is_the_catalogues_plan():
    # '/KH-UBNTTT' against '/KH-UBNDLD': 7 of 10 characters alike, ratio exactly 0,7
    assert match(LegalRef("Kế hoạch", "12/KH-UBNTTT", None, ""), [_PLAN]) is _PLAN
    assert match(LegalRef("Kế hoạch", "12/KH-UBTTTT", None, ""), [_PLAN]) is None


def test_a_text_that_lost_its_marks_and_cannot_be_restored_is_to_retype():
    plan = Plan(title="Kế hoạch năm 2025", doc_date=PartialDate.of(date(2025, 3, 5)))
    plan.items = [PlanItem("text", "Kế hoạch năm 2025.")]
    reps = [r for r in find_repairs(plan, [], [], [], lost=lambda t: t.endswith(".")) if r.kind == "diacritics"]
    assert [(r.where, r.before, r.after, r.path, r.target) for r in reps] == [
        ("-1", "Kế hoạch năm 2025.", None, (0,), "item")
    ]
    assert reps[0].note == "đoạn bị mất dấu tiếng Việt: hãy gõ lại theo bản gốc"
