"""A Quyết định read as the clerk reads it: one that issues a plan is the plan (its căn cứ, its title, its
items, numbered as the decision), one that issues none is said not to be a plan, in those words
(plan_import.parse_plan_text → plan_kinds.read_decision)."""

from __future__ import annotations

from desktop.domain.plan_import import parse_plan_text

HEADER = """SỞ Y TẾ TỈNH LÂM ĐỒNG
BỆNH VIỆN PHỔI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/QĐ-BVP
Lâm Đồng, ngày 05 tháng 3 năm 2026
"""
BASIS = "Căn cứ Quyết định số 100/QĐ-SYT ngày 01/01/2020 của Sở Y tế tỉnh Lâm Đồng;"
ISSUING = (
    HEADER
    + f"""QUYẾT ĐỊNH
Về việc ban hành Kế hoạch truyền thông năm 2026
GIÁM ĐỐC BỆNH VIỆN PHỔI
{BASIS}
Xét đề nghị của Trưởng phòng Kế hoạch tổng hợp,
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch truyền thông năm 2026.
Điều 2. Quyết định có hiệu lực kể từ ngày ký.
GIÁM ĐỐC
KẾ HOẠCH
Truyền thông năm 2026
(Ban hành kèm theo Quyết định số 12/QĐ-BVP ngày 05/3/2026 của Giám đốc Bệnh viện Phổi)
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức.
II. NỘI DUNG
1. Tổ chức 02 hội nghị.
"""
)
NOT_A_PLAN = (
    HEADER
    + f"""QUYẾT ĐỊNH
Về việc thành lập Tổ truyền thông
GIÁM ĐỐC BỆNH VIỆN PHỔI
{BASIS}
Xét đề nghị của Trưởng phòng Tổ chức cán bộ,
QUYẾT ĐỊNH:
Điều 1. Thành lập Tổ truyền thông của Bệnh viện.
Điều 2. Quyết định có hiệu lực kể từ ngày ký.
GIÁM ĐỐC
"""
)


def test_a_decision_issuing_a_plan_is_read_as_that_plan():
    for text in (ISSUING, ISSUING.replace("QUYẾT ĐỊNH\nVề việc", "QUYẾT ĐỊNH Về việc")):
        r = parse_plan_text(text)
        assert (r.kind, r.is_plan, r.found, r.warnings) == ("quyet_dinh_ban_hanh_ke_hoach", True, [], [])
        assert (r.issuer, r.issuer_from, r.number, r.doc_type) == ("Bệnh viện Phổi", "header", "12/QĐ-BVP", "Kế hoạch")
        assert r.title == "Truyền thông năm 2026"
        assert r.basis == [BASIS]
        assert [it.text for it in r.items] == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG"]


def test_a_decision_issuing_no_plan_says_so():
    r = parse_plan_text(NOT_A_PLAN)
    assert (r.kind, r.is_plan) == ("other", False)
    assert r.found == ["đây là một quyết định, không ban hành kế hoạch nào"]
    assert r.warnings == [
        "Văn bản này có vẻ không phải là kế hoạch: đây là một quyết định, không ban hành kế hoạch nào."
    ]
    assert (r.issuer, r.issuer_from, r.number) == ("Bệnh viện Phổi", "header", "12/QĐ-BVP")
    assert r.basis == [BASIS]


def test_a_decision_without_its_header_has_no_issuer_and_says_where_none_was_read():
    r = parse_plan_text(NOT_A_PLAN.replace("SỞ Y TẾ TỈNH LÂM ĐỒNG\nBỆNH VIỆN PHỔI\n", ""))
    assert (r.issuer, r.issuer_from, r.kind) == ("", "", "other")
    r = parse_plan_text(ISSUING.replace("SỞ Y TẾ TỈNH LÂM ĐỒNG\nBỆNH VIỆN PHỔI\n", ""))
    assert (r.issuer, r.issuer_from, r.kind, r.title) == (
        "",
        "",
        "quyet_dinh_ban_hanh_ke_hoach",
        "Truyền thông năm 2026",
    )
