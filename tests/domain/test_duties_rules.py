"""Duties of a superior's Tổ chức thực hiện read for the unit: whose they are, and the unit's own section."""

from desktop.domain.duties import OtherDuty, addressee, level_of, organization_items, take_in
from desktop.domain.models import Department, PlanItem, Signer, Unit


def test_a_unit_under_the_communes_people_committee_is_of_its_level():
    assert level_of(Unit("Trạm Y tế xã Tân Hà", "TYT", "Lâm Đồng", "Ủy ban nhân dân xã Tân Hà")) == "ubnd"
    assert level_of(Unit("Trạm Y tế xã Tân Hà", "TYT", "Lâm Đồng", "UBND xã Tân Hà")) == "ubnd"
    assert level_of(Unit("Trạm Y tế xã Tân Hà", "TYT", "Lâm Đồng", "Trung tâm Y tế huyện Lâm Hà")) == ""


def test_units_under_the_so_are_not_a_hospital_under_the_bo():
    hospital = Unit("Bệnh viện Đa khoa Trung ương Huế", "BVTWH", "Thừa Thiên Huế", "Bộ Y tế")
    assert addressee("Các đơn vị trực thuộc", hospital, "Sở Y tế tỉnh Lâm Đồng") == "other"
    assert addressee("Các đơn vị trực thuộc", hospital, "Bộ Y tế") == "us"


def _unit() -> Unit:
    unit = Unit("Bệnh viện Đa khoa tỉnh Lâm Đồng", "BVĐK", "Lâm Đồng", "Sở Y tế tỉnh Lâm Đồng")
    unit.departments = [
        Department("Phòng Kế hoạch tổng hợp", "KHTH", 1),
        Department("Khoa Kiểm soát nhiễm khuẩn", "KSNK", 2),
    ]
    unit.signers = [Signer("KT. GIÁM ĐỐC", "Nguyễn Văn An", "PHÓ GIÁM ĐỐC", 1)]
    return unit


def test_the_lead_advises_the_head_named_by_the_first_signer():
    unit = _unit()
    out = organization_items(unit, unit.departments[0], [], {2: ["II.1"]}, {}, "Báo cáo kết quả về Sở Y tế.")
    assert out[0].children[0].text.startswith("Chủ trì, tham mưu Giám đốc triển khai Kế hoạch;")
    assert [(it.kind, it.text) for it in out] == [
        ("section", "Phòng Kế hoạch tổng hợp"),
        ("section", "Khoa Kiểm soát nhiễm khuẩn"),
        ("section", "Các khoa, phòng"),
    ]
    assert out[1].children[0].text == "Chủ trì thực hiện nhiệm vụ tại mục II.1 của Kế hoạch."
    assert out[1].children[0].kind == "bullet"


class _Task:  # the cascade's TaskProposal, as take_in reads it
    lead_dept_id = 2
    coord_dept_ids = [1]
    targets = []


def test_a_duty_taken_in_keeps_its_lead_and_coordinating_departments():
    section = PlanItem("section", "Phòng Kế hoạch tổng hợp", [PlanItem("bullet", "Báo cáo kết quả về Sở Y tế.")])
    duty = OtherDuty("Các bệnh viện", "Tổ chức giám sát nhiễm khuẩn bệnh viện.", "V.2, -1", True, _Task())
    take_in([section], (0,), [duty])
    taken = section.children[0]
    assert (taken.text, taken.is_task, taken.lead_dept_id, taken.coord_dept_ids) == (
        "Tổ chức giám sát nhiễm khuẩn bệnh viện.",
        True,
        2,
        [1],
    )
    assert section.children[-1].text == "Báo cáo kết quả về Sở Y tế."
