"""A công văn that forwards a plan (seed 004's shape, corpus 23.full): the forwarded plan is read as the plan, the
công văn's own requests and deadline are kept with it (issue 22, point 3). The text is seed 004's shape written
clean (the seed itself is an OCR too damaged to read and stays refused: tests/app/test_cascade_flow.py)."""

from __future__ import annotations

from datetime import date

from desktop.domain.cascade import propose_plan
from desktop.domain.plan_import import parse_plan_text
from tests.domain.test_cascade import hospital

LETTER_AND_PLAN = """BỘ Y TẾ                              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VĂN PHÒNG BỘ                          Độc lập - Tự do - Hạnh phúc
Số: 1205/VPB-TT                       Hà Nội, ngày 22 tháng 8 năm 2025
V/v triển khai Kế hoạch truyền thông về Nghị quyết số 57-NQ/TW
Kính gửi:
- Các Vụ, Cục, Văn phòng Bộ;
- Sở Y tế các tỉnh, thành phố trực thuộc Trung ương.
Ngày 19/8/2025, Bộ Y tế đã ban hành Kế hoạch số 1138/KH-BYT truyền thông về Nghị quyết số 57-NQ/TW (Kế hoạch xin
gửi kèm theo). Văn phòng Bộ đề nghị các Đơn vị:
1. Triển khai theo phân công nhiệm vụ được giao trong Kế hoạch.
2. Cung cấp thông tin, kết quả các hoạt động nổi bật của đơn vị gửi Văn phòng Bộ.
Đồng thời, đề nghị các Đơn vị gửi báo cáo kết quả triển khai thực hiện về Bộ Y tế (qua Văn phòng Bộ) trước ngày
10/12/2025.
Trân trọng cảm ơn./.
Nơi nhận:
- Như trên;
- Lưu: VT, VPB.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
BỘ Y TẾ                              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 1138/KH-BYT                       Hà Nội, ngày 19 tháng 8 năm 2025
KẾ HOẠCH
Truyền thông về Nghị quyết số 57-NQ/TW năm 2025
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức.
II. NỘI DUNG
1. Truyền thông về chuyển đổi số ngành Y tế.
2. Truyền thông về đổi mới sáng tạo.
III. TỔ CHỨC THỰC HIỆN
1. Sở Y tế các tỉnh, thành phố
- Triển khai Kế hoạch tại địa phương; báo cáo kết quả về Bộ Y tế trước ngày 15/12/2025.
"""


def test_the_forwarded_plan_is_the_plan_with_the_letters_requests_and_deadline():
    r = parse_plan_text(LETTER_AND_PLAN)
    assert r.is_plan and r.kind == "ke_hoach"
    assert (r.number, r.issuer, r.title) == (
        "1138/KH-BYT",
        "Bộ Y tế",
        "Truyền thông về Nghị quyết số 57-NQ/TW năm 2025",
    )
    assert [it.text for it in r.items] == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN"]
    assert r.cover == {
        "kind": "Công văn",
        "number": "1205/VPB-TT",
        "date": "2025-08-22",
        "issuer": "Văn phòng Bộ",
        "summary": "triển khai Kế hoạch truyền thông về Nghị quyết số 57-NQ/TW",
    }
    assert r.cover_requests == [
        "Triển khai theo phân công nhiệm vụ được giao trong Kế hoạch.",
        "Cung cấp thông tin, kết quả các hoạt động nổi bật của đơn vị gửi Văn phòng Bộ.",
    ]
    assert r.warnings[0] == (
        "Văn bản là công văn số 1205/VPB-TT gửi kèm kế hoạch: đã đọc kế hoạch gửi kèm; giữ 2 yêu cầu của công văn."
    )
    p = propose_plan(r, hospital(), [], None)
    assert (p.superior.ref.number, p.superior.ref.issuer) == ("1138/KH-BYT", "Bộ Y tế")  # the plan, not the letter
    assert p.superior.deadline == date(2025, 12, 10)  # the letter's deadline is the one the unit must meet
    assert [t.text for t in p.tasks] == [
        "Truyền thông về chuyển đổi số ngành Y tế.",
        "Truyền thông về đổi mới sáng tạo.",
    ]
    # the Sở's duty is another body's for a hospital (issue 23): shown, out of the plan unless taken in
    assert [(o.addressee, o.text) for o in p.others] == [
        (
            "Sở Y tế các tỉnh, thành phố",
            "Triển khai Kế hoạch tại địa phương; báo cáo kết quả về Bộ Y tế trước ngày 15/12/2025.",
        )
    ]


def test_without_a_deadline_of_its_own_the_letter_keeps_the_plans():
    text = LETTER_AND_PLAN.replace(
        "Đồng thời, đề nghị các Đơn vị gửi báo cáo kết quả triển khai thực hiện về Bộ Y tế (qua Văn phòng Bộ) trước ngày\n"
        "10/12/2025.\n",
        "",
    )
    r = parse_plan_text(text)
    assert r.deadline == "15/12/2025" and r.cover["number"] == "1205/VPB-TT"


def test_a_letter_forwarding_no_plan_is_still_refused_as_a_letter():
    letter = LETTER_AND_PLAN.split("BỘ Y TẾ                              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1138")[
        0
    ]
    r = parse_plan_text(letter)
    assert not r.is_plan and r.kind == "cong_van" and r.cover is None
