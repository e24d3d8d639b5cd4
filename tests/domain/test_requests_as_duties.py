"""'Đề nghị các đơn vị …' passages (issue 23, point 1): a sentence in a superior plan's closing or in a covering
công văn's requests that asks units like ours to do something becomes our task, like a duty block addressed to us;
one asked of another body goes to the proposal's others ("Việc của đơn vị khác")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop.domain.cascade import propose_plan
from desktop.domain.plan_import import parse_plan_text
from tests.domain.test_cascade import hospital

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"

PLAN = """SỞ Y TẾ TỈNH LÂM ĐỒNG
Số: 357/KH-SYT                       Lâm Đồng, ngày 19 tháng 8 năm 2025
KẾ HOẠCH
Truyền thông phòng, chống sốt xuất huyết năm 2025
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức.
II. NỘI DUNG
1. Truyền thông về phòng bệnh.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Nghiệp vụ Y
- Theo dõi, đôn đốc các đơn vị.
2. Trung tâm Kiểm soát bệnh tật tỉnh
- Cung cấp tài liệu truyền thông.
Đề nghị các bệnh viện, trung tâm y tế trực thuộc triển khai thực hiện Kế hoạch tại đơn vị.
Đề nghị Báo Lâm Đồng phối hợp đưa tin về các hoạt động. Yêu cầu các đơn vị nghiêm túc triển khai thực hiện Kế
hoạch này./.
"""


def _tasks(items) -> list[str]:
    out = []
    for it in items:
        if it.is_task:
            out.append(it.text)
        out.extend(_tasks(it.children))
    return out


def test_closing_requests_to_units_like_ours_are_our_tasks_others_go_to_others():
    p = propose_plan(parse_plan_text(PLAN), hospital(), [])
    ours = _tasks(p.plan.items)
    assert "Đề nghị các bệnh viện, trung tâm y tế trực thuộc triển khai thực hiện Kế hoạch tại đơn vị." in ours
    assert "Yêu cầu các đơn vị nghiêm túc triển khai thực hiện Kế hoạch này." in ours
    others = {(o.addressee, o.text) for o in p.others}
    assert ("Báo Lâm Đồng", "Đề nghị Báo Lâm Đồng phối hợp đưa tin về các hoạt động.") in others
    assert not any("bệnh viện, trung tâm y tế" in o.text for o in p.others)
    assert not any("Báo Lâm Đồng" in t for t in ours)


def test_a_covering_cong_vans_requests_asked_of_us_and_of_others_real_23():
    text = (REAL / "23_ubnd-huyen-chau-thanh-cv476-2017.full.txt").read_text(encoding="utf-8")
    imported = parse_plan_text(text)
    assert len(imported.cover_requests) == 3
    centre = replace(
        hospital(),
        name="Trung tâm Y tế huyện Châu Thành",
        parent_body="Ủy ban nhân dân huyện Châu Thành",
        kind="trung_tam_y_te",
        level="ubnd",
    )
    p = propose_plan(imported, centre, [])
    ours = _tasks(p.plan.items)
    assert any(t.startswith("Giao Trung tâm Y tế huyện") for t in ours)
    others = {o.addressee: o.text for o in p.others}
    assert others["thành viên Ban Chỉ đạo Chăm sóc sức khỏe nhân dân huyện"].startswith("Đề nghị thành viên")
    assert others["Ủy ban nhân dân các xã, thị trấn"].startswith("Ủy ban nhân dân các xã, thị trấn quán triệt")
    assert not any("Ủy ban nhân dân các xã" in t for t in ours)
