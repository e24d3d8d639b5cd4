"""Issuers read as a clerk reads a header: left column, running-text names, flattened pages broken again."""

from desktop.domain.issuers import header_columns, issuer_name, repair_copy, starts_body


def test_a_school_of_medicine_keeps_its_proper_name_capitalised():
    assert issuer_name("TRƯỜNG ĐẠI HỌC Y DƯỢC HUẾ") == "Trường Đại học Y Dược Huế"


def test_a_health_college_writes_y_te_as_a_common_noun():
    assert issuer_name("TRƯỜNG CAO ĐẲNG Y TẾ LÂM ĐỒNG") == "Trường Cao đẳng Y tế Lâm Đồng"


def test_a_party_committee_keeps_its_proper_name_capitalised():
    assert issuer_name("ĐẢNG BỘ Y TẾ LÂM ĐỒNG") == "Đảng bộ Y tế Lâm Đồng"


def test_a_party_bloc_is_a_common_noun_phrase():
    assert issuer_name("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH") == "Đảng ủy Khối các cơ quan tỉnh"


def test_the_left_column_stops_at_three_spaces_or_a_bar():
    lines = ["UBND TỈNH LÂM ĐỒNG     SỐ HỒ SƠ", "SỞ Y TẾ | PHÒNG HÀNH CHÍNH"]
    assert header_columns(lines) == ["UBND TỈNH LÂM ĐỒNG", "SỞ Y TẾ"]


def test_a_lone_piece_of_the_quoc_hieu_is_not_a_body():
    assert header_columns(["SỞ Y TẾ", "CỘNG"]) == ["SỞ Y TẾ"]
    assert header_columns(["SỞ Y TẾ", "HÒA"]) == ["SỞ Y TẾ"]


def test_a_short_head_alone_on_its_line_starts_a_body():
    assert starts_body("BV")
    assert starts_body("SỞ")
    assert not starts_body("TỈNH LÂM ĐỒNG")


def test_a_flattened_page_is_broken_before_the_place_and_date():
    line = (
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "Số: 1456/QĐ-UBND Lâm Đồng, ngày 05 tháng 3 năm 2025 QUYẾT ĐỊNH Về việc ban hành Kế hoạch phòng, "
        "chống dịch bệnh truyền nhiễm trên địa bàn tỉnh năm 2025 CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG "
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; QUYẾT ĐỊNH: Điều 1. Ban hành "
        "kèm theo Quyết định này Kế hoạch phòng, chống dịch bệnh truyền nhiễm năm 2025."
    )
    lines = [ln.strip() for ln in repair_copy(line).split("\n")]
    assert "Số: 1456/QĐ-UBND" in lines
    assert any(ln.startswith("Lâm Đồng, ngày 05") for ln in lines)
