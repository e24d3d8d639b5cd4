"""The kind of a superior document: the công văn that forwards a plan, a decision naming one, a lost title."""

from datetime import date

from desktop.domain.models import LegalRef
from desktop.domain.plan_import import ImportedPlan, parse_plan_text
from desktop.domain.plan_kinds import cover_json, cover_ref, looks_like, untitled_plan

_LETTER = LegalRef("Công văn", "1234/SYT-NVY", date(2025, 3, 5), "Sở Y tế tỉnh Lâm Đồng", "về việc triển khai kế hoạch")


def test_cover_json_gives_the_letter_field_by_field():
    assert cover_json(_LETTER, ["Báo cáo kết quả trước ngày 10/12/2025"], date(2025, 12, 10)) == {
        "citation": "Công văn số 1234/SYT-NVY ngày 05/3/2025 của Sở Y tế tỉnh Lâm Đồng về việc triển khai kế hoạch",
        "kind": "Công văn",
        "number": "1234/SYT-NVY",
        "date": "2025-03-05",
        "issuer": "Sở Y tế tỉnh Lâm Đồng",
        "summary": "về việc triển khai kế hoạch",
        "deadline": "2025-12-10",
        "requests": ["Báo cáo kết quả trước ngày 10/12/2025"],
    }


def test_cover_json_of_an_undated_letter_has_no_date():
    undated = LegalRef("Công văn", "88/SYT-NVY", None, "Sở Y tế tỉnh Lâm Đồng")
    out = cover_json(undated, [], None)
    assert out["date"] is None and out["deadline"] is None and out["requests"] == []
    assert cover_json(None, [], None) is None


def test_a_cover_without_a_kind_is_a_cong_van():
    plan = ImportedPlan()
    plan.cover = {"kind": "", "number": "12/SYT-NVY", "date": "2025-03-05", "summary": "triển khai kế hoạch"}
    ref = cover_ref(plan)
    assert ref.kind == "Công văn"
    assert ref.issued == date(2025, 3, 5)
    assert ref.summary == "về việc triển khai kế hoạch"
    plan.cover["kind"] = "Thông báo"
    assert cover_ref(plan).kind == "Thông báo"


def test_a_letter_without_a_plan_is_named_with_and_without_its_number():
    numbered = ["SỞ Y TẾ", "Số: 12/SYT-NVY", "V/v triển khai", "Kính gửi: Các đơn vị trực thuộc"]
    assert looks_like(numbered) == "đây là một công văn (số 12/SYT-NVY), không kèm kế hoạch"
    assert looks_like(["SỞ Y TẾ", "V/v triển khai"]) == "đây là một công văn, không kèm kế hoạch"


def test_a_plan_that_lost_its_title_line_starts_after_the_number_or_the_date():
    dated = [
        (1, "SỞ Y TẾ LÂM ĐỒNG", False),
        (2, "Số: 12/KH-SYT", False),
        (3, "Lâm Đồng, ngày 5 tháng 3 năm 2025", False),
        (4, "PHÒNG CHỐNG DỊCH", False),
    ]
    assert untitled_plan(dated) == 3
    undated = [(1, "SỞ Y TẾ LÂM ĐỒNG", False), (2, "Số: 12/KH-SYT", False), (3, "PHÒNG CHỐNG DỊCH", False)]
    assert untitled_plan(undated) == 2
    assert untitled_plan([(1, "SỞ Y TẾ", False), (2, "Số: 12/SYT-NVY", False)]) is None


_DECISION = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 1456/QĐ-UBND
Lâm Đồng, ngày 05 tháng 3 năm 2025
QUYẾT ĐỊNH
VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH PHÒNG, CHỐNG SỐT XUẤT HUYẾT NĂM 2025
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Giám đốc Sở Y tế.
QUYẾT ĐỊNH:
Điều 1. Phê duyệt kế hoạch nêu trên.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký."""


def test_a_decision_without_its_plan_takes_the_plan_title_from_its_own_title():
    plan = parse_plan_text(_DECISION)
    assert plan.kind == "quyet_dinh_ban_hanh_ke_hoach"
    assert plan.title == "PHÒNG, CHỐNG SỐT XUẤT HUYẾT NĂM 2025"
    assert plan.has_title is True
    assert plan.issuer == "Ủy ban nhân dân tỉnh Lâm Đồng"
