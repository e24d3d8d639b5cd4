"""The unit's voice in a plan made from its superior's: scope, phrases written twice, the superior's own căn cứ."""

from datetime import date

from desktop.domain.models import LegalRef, PartialDate, Plan, PlanItem, Unit
from desktop.domain.unit_voice import repeat_repairs, scope_repairs, superiors_own


def _hospital() -> Unit:
    return Unit("Bệnh viện Đa khoa tỉnh Lâm Đồng", "BVĐK", "Lâm Đồng", "Sở Y tế tỉnh Lâm Đồng")


def test_a_national_scope_becomes_the_hospitals_own_with_its_note():
    items = [PlanItem("text", "Phạm vi: Toàn quốc, các đơn vị trực thuộc Bộ Y tế.")]
    (r,) = scope_repairs(items, _hospital())
    assert (r.kind, r.before, r.path, r.target) == ("scope", "Toàn quốc, các đơn vị trực thuộc Bộ Y tế.", (0,), "item")
    assert r.after.startswith("các khoa, phòng của Bệnh viện Đa khoa tỉnh Lâm Đồng; người bệnh")
    assert r.note == "phạm vi của cấp trên: phạm vi của đơn vị"


def test_a_phrase_written_twice_is_offered_once_with_its_note():
    plan = Plan(title="Kế hoạch phòng, chống bệnh lao năm 2025", doc_date=PartialDate.of(date(2025, 3, 5)))
    plan.items = [PlanItem("bullet", "Tăng cường truyền thông truyền thông về bệnh lao.")]
    (r,) = repeat_repairs(plan)
    assert (r.kind, r.before, r.after, r.path) == ("repeat", "truyền thông truyền thông", "truyền thông", (0,))
    assert r.note == "cụm từ viết lặp lại"


def test_a_party_committees_plan_is_the_superiors_own_by_its_number_alone():
    assert superiors_own(LegalRef("Kế hoạch", "23-KH/ĐU", date(2025, 2, 10), ""))
    assert superiors_own(LegalRef("Kế hoạch", "05 - KH/BCS", None, ""))
    assert not superiors_own(LegalRef("Kế hoạch", "711/KH-UBND", date(2025, 2, 10), "Ủy ban nhân dân tỉnh Lâm Đồng"))
