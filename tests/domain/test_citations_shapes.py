"""Citation shapes met in the real corpus (tests/fixtures/real) that were read wrong, one by one (issue 22)."""

from __future__ import annotations

from desktop.domain.cascade import propose_plan
from desktop.domain.citations import cited, clean_number, find_mentions
from desktop.domain.plan_import import parse_plan_text
from tests.domain.test_cascade import hospital


def numbers(mentions) -> list[str]:
    return [clean_number(m.number) for m in mentions]


def test_a_report_and_a_guidance_are_kinds_of_document():
    (m,) = cited("Căn cứ Báo cáo số 1748/BC-BYT ngày 18/12/2024 của Bộ Y tế về việc tổng kết công tác y tế năm 2024;")
    assert (m.kind, m.number, m.issuer) == ("Báo cáo", "1748/BC-BYT", "Bộ Y tế")
    (m,) = find_mentions("theo Hướng dẫn số 12/HD-SYT ngày 02/3/2025 của Sở Y tế")
    assert (m.kind, m.number) == ("Hướng dẫn", "12/HD-SYT")


def test_a_number_in_parentheses_after_the_documents_name():
    text = (
        "Để triển khai theo Hướng dẫn triển khai hoạt động truyền thông giáo dục sức khỏe năm 2014 "
        "(số 1018/BYT-TT-KT ngày 10/3/2014, gửi kèm), Bộ Y tế ban hành Kế hoạch"
    )
    (m,) = find_mentions(text)
    assert (m.kind, m.number, m.issued.isoformat()) == ("Hướng dẫn", "1018/BYT-TT-KT", "2014-03-10")
    assert not find_mentions("trong năm (số 12 xã đạt chuẩn)")  # no kind named before it: no document


def test_a_bare_number_after_a_date_shares_the_kind():
    got = cited(
        "Thực hiện các chỉ thị số 31-CT/TU ngày 22/01/2020 số 32-CT/TU ngày 29/01/2020 của Ban Thường vụ Tỉnh ủy;"
    )
    assert [(m.kind, clean_number(m.number)) for m in got] == [("Chỉ thị", "31-CT/TU"), ("Chỉ thị", "32-CT/TU")]


def test_a_party_symbol_typed_with_a_dash_is_its_slash():
    assert numbers(find_mentions("thông báo số 1691- TB-TU ngày 04/3/2020 của Thường trực Tỉnh ủy")) == ["1691-TB/TU"]
    assert clean_number("4396/BYT-KH-TC") == "4396/BYT-KH-TC"  # a ministry's symbol keeps its dashes


PLAN = """ỦY BAN NHÂN DÂN
TỈNH NINH AN
Số: 12/KH-UBND
Ninh An, ngày 05 tháng 3 năm 2024
KẾ HOẠCH
PHÒNG CHỐNG DỊCH NĂM 2024
Căn cứ Quyết định số
1679/QĐ-TTg ngày 22/11/2019 của Thủ tướng Chính phủ phê duyệt Chiến lược Dân số Việt Nam đến năm 2030;
Căn cứ Nghị quyết số 139/NQ-CP ngày
31/12/2017 của Chính phủ về việc ban hành Chương trình hành động thực hiện Nghị quyết số 20-NQ/TW ngày 25/10/2017
của Ban Chấp hành Trung ương Đảng khóa XII,
Ủy ban nhân dân tỉnh xây dựng Kế hoạch triển khai thực hiện Nghị quyết số 139/NQ-CP ngày
31/12/2017 của Chính phủ và Kế hoạch số 93-KH/TU ngày
21/02/2018 của Tỉnh ủy như sau:
I. MỤC ĐÍCH
- Một.
"""


def test_numbers_on_the_next_line_and_the_lead_sentence_after_a_basis():
    r = parse_plan_text(PLAN)
    assert r.basis[0].endswith(
        "1679/QĐ-TTg ngày 22/11/2019 của Thủ tướng Chính phủ phê duyệt Chiến lược Dân số Việt Nam đến năm 2030;"
    )
    assert r.lead_sentence.startswith("Ủy ban nhân dân tỉnh xây dựng Kế hoạch")
    p = propose_plan(r, hospital(), [], None)
    # 20-NQ/TW is named inside the citation of 139/NQ-CP; 139/NQ-CP named again in the lead sentence is one document
    assert [c.ref.number for c in p.basis] == ["1679/QĐ-TTg", "139/NQ-CP", "93-KH/TU"]


def test_a_party_plan_numbered_with_a_dash_is_the_superior_document():
    r = parse_plan_text(PLAN.replace("Số: 12/KH-UBND", "Số 05-KH/ĐU"))
    assert propose_plan(r, hospital(), [], None).superior.ref.number == "05-KH/ĐU"
