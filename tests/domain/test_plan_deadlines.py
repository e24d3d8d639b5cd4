"""The report deadline read from a superior's plan: of several dates set "trước ngày …", the one of a
sentence about reporting; else the first; the signer read after the closing (plan_import.parse_plan_text)."""

from __future__ import annotations

from desktop.domain.plan_import import parse_plan_text

PLAN = """SỞ Y TẾ TỈNH LÂM ĐỒNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 357/KH-SYT
Lâm Đồng, ngày 04 tháng 9 năm 2025
KẾ HOẠCH
Truyền thông năm 2025
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức.
II. TỔ CHỨC THỰC HIỆN
1. Các đơn vị hoàn thành việc tập huấn trước ngày 30/6/2025.
2. Các đơn vị báo cáo kết quả về Sở Y tế trước ngày 05/12 hàng năm.
Trên đây là Kế hoạch truyền thông năm 2025./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn A
"""
REPORTING = "2. Các đơn vị báo cáo kết quả về Sở Y tế trước ngày 05/12 hàng năm.\n"


def test_the_deadline_is_the_one_of_the_reporting_sentence():
    r = parse_plan_text(PLAN)
    assert (r.deadline, r.deadline_yearly) == ("05/12", True)
    assert r.deadline_sentence == "Các đơn vị báo cáo kết quả về Sở Y tế trước ngày 05/12 hàng năm."
    assert r.closing == ["Trên đây là Kế hoạch truyền thông năm 2025./."]
    assert r.signer == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


def test_without_a_reporting_sentence_the_first_date_set_is_taken():
    r = parse_plan_text(PLAN.replace(REPORTING, ""))
    assert (r.deadline, r.deadline_yearly) == ("30/6/2025", False)
    assert r.deadline_sentence == "Các đơn vị hoàn thành việc tập huấn trước ngày 30/6/2025."


def test_without_dates_there_is_no_deadline():
    r = parse_plan_text(PLAN.replace(REPORTING, "").replace(" trước ngày 30/6/2025", ""))
    assert (r.deadline, r.deadline_yearly, r.deadline_sentence) == ("", False, "")
