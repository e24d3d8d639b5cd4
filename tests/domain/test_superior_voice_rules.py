"""What is still the superior's voice in a unit's plan (superior_voice.py): a hospital is told of every
passage, a Sở of its own units "trực thuộc" is not."""

from datetime import date

from desktop.domain.models import LegalRef, PartialDate, Plan, PlanItem, SuperiorDoc, Unit
from desktop.domain.superior_voice import superior_voice

UNITS = "Các đơn vị trực thuộc Sở Y tế tổ chức truyền thông."
DUTY = "Sở Y tế tỉnh Lâm Đồng chỉ đạo triển khai."


def _plan():
    ref = LegalRef("Kế hoạch", "15/KH-SYT", date(2025, 1, 2), "Sở Y tế tỉnh Lâm Đồng")
    body = PlanItem("section", "TỔ CHỨC THỰC HIỆN", children=[PlanItem("bullet", UNITS), PlanItem("bullet", DUTY)])
    return Plan("Truyền thông năm 2025", PartialDate(2025, 1, 10), superior=SuperiorDoc(ref), items=[body])


def test_a_hospital_is_told_of_the_units_and_of_the_superior_as_subject():
    found = superior_voice(_plan(), Unit("Bệnh viện Đa khoa tỉnh", "BVĐK", "Lâm Đồng"))
    assert [(v.label, v.phrase) for v in found] == [
        ("I, -1", "Các đơn vị trực thuộc Sở Y tế"),
        ("I, -2", "Sở Y tế tỉnh Lâm Đồng"),
    ]


def test_a_so_speaks_of_its_own_units_in_its_own_voice():
    found = superior_voice(_plan(), Unit("Sở Y tế tỉnh Lâm Đồng", "SYT", "Lâm Đồng"))
    assert [v.phrase for v in found] == ["Sở Y tế tỉnh Lâm Đồng"]
