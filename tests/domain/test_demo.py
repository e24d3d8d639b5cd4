"""The demo a clerk tries the app with ("Dùng thử"): the unit, its superior's plan and a year of activities
that look like a hospital's (domain/demo.py; store/demo.py writes them)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from desktop.domain.demo import DEPARTMENTS, PROFILE, demo_activities, demo_superior, demo_unit
from desktop.domain.models import Department, LegalRef, PartialDate, Plan, PlanItem, Signer, SuperiorDoc, Target, Unit


def test_the_demo_unit_and_its_roles():
    unit, roles = demo_unit()
    assert unit == Unit(
        name="Bệnh viện Phổi Bình Thuận",
        abbr="BVPBT",
        place="Lâm Đồng",
        parent_body="Sở Y tế tỉnh Lâm Đồng",
        departments=[Department(n, a) for n, a, _ in DEPARTMENTS],
        signers=[Signer("GIÁM ĐỐC", "Lê Hồng Vũ"), Signer("KT. GIÁM ĐỐC", "Nguyễn Thị Minh Hạnh", "PHÓ GIÁM ĐỐC")],
        recipients=[
            "Sở Y tế (báo cáo)",
            "Ban Giám đốc (chỉ đạo)",
            "Các khoa, phòng thuộc Bệnh viện",
            "Trang TTĐT Bệnh viện (đăng tải)",
        ],
    )
    assert roles == {"lead": 0, "personnel": 1, "nursing": 3, "it": 4, "union": 10}
    assert unit.departments[0].name.startswith("Phòng Kế hoạch tổng hợp") and unit.departments[10].abbr == "CĐ"


def test_the_demo_superior():
    assert demo_superior() == SuperiorDoc(
        LegalRef(
            "Kế hoạch",
            "357/KH-SYT",
            date(2025, 9, 4),
            "Sở Y tế tỉnh Lâm Đồng",
            "về truyền thông Nghị quyết số 57-NQ/TW, Kế hoạch số 02-KH/BCĐTW, Nghị quyết số 71/NQ-CP"
            " về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số ngành Y tế năm 2025",
        ),
        addressee="Sở Y tế tỉnh Lâm Đồng",
        deadline=date(2025, 12, 10),
    )


def plan() -> Plan:
    tasks = [
        PlanItem("text", "Tin, bài", is_task=True, targets=[Target(20, "tin_bai")], id=101),
        PlanItem("text", "Hội nghị", is_task=True, targets=[Target(2, "hoi_nghi")], id=102),
        PlanItem("text", "Khác", is_task=True, id=103),
    ]
    return Plan("truyền thông", PartialDate(2026), items=[PlanItem("section", "NỘI DUNG", tasks)], id=9)


DEPTS = {1: "Phòng Kế hoạch tổng hợp", 2: "Khoa Lao", 3: "Khoa Dược"}
TITLES = {"tin_bai": ["Tin về {dept} tháng {month}"], "hoi_nghi": ["Hội nghị của {dept}"]}


def test_a_year_of_activities_the_same_for_the_same_seed():
    acts = demo_activities(600, 7, plan(), DEPTS, TITLES, ["Ghi chú A", "Ghi chú B"], ["https://bv.vn/tin"], year=2026)
    assert acts == demo_activities(
        600, 7, plan(), DEPTS, TITLES, ["Ghi chú A", "Ghi chú B"], ["https://bv.vn/tin"], year=2026
    )
    assert acts != demo_activities(600, 8, plan(), DEPTS, TITLES, ["Ghi chú A"], ["https://bv.vn/tin"], year=2026)
    assert len(acts) == 600
    assert [a.start for a in acts] == sorted(a.start for a in acts)
    assert acts[0].start >= date(2026, 1, 1) and acts[-1].start <= date(2026, 12, 31)
    assert {a.start.month for a in acts} == set(range(1, 13))
    assert {a.dept_id for a in acts} == {1, 2, 3} and {a.plan_id for a in acts} == {9}
    forms = Counter(a.form_code for a in acts)
    assert set(forms) == set(PROFILE)
    assert forms["tin_bai"] > forms["thi_dua"]  # weighted: news far more often than contests
    for a in acts:
        (qlo, qhi), part, (clo, chi), _ = PROFILE[a.form_code]
        assert qlo <= a.quantity <= qhi, a
        if part is None:
            assert a.participants is None, a
        else:
            assert part[0] <= a.participants <= part[1], a
        assert a.cost % 10000 == 0 and a.cost <= chi * 1000, a
        assert chi or a.cost == 0
        assert (a.evidence == "https://bv.vn/tin") == (a.form_code in ("tin_bai", "mang_xa_hoi")), a
        assert a.notes in ("", "Ghi chú A", "Ghi chú B")
        assert a.end is None or (a.form_code in ("hoi_nghi", "tap_huan") and 1 <= (a.end - a.start).days <= 2), a
    assert any(a.end for a in acts)
    assert 0.08 < sum(1 for a in acts if a.notes) / len(acts) < 0.25  # about one in seven carries a note
    assert any(a.cost for a in acts if a.form_code == "hoi_nghi")
    # the targets get results: most news goes to the task with a news target
    news = [a.task_id for a in acts if a.form_code == "tin_bai"]
    assert news.count(101) / len(news) > 0.6
    others = [a.task_id for a in acts if a.form_code not in ("tin_bai", "hoi_nghi")]
    assert 103 in others and None in others and others.count(None) / len(others) < 0.15
    # titles from the form's list, the department and month filled in; others fall back to one title
    assert all(
        a.title.startswith(f"Tin về {DEPTS[a.dept_id]} tháng {a.start.month}") for a in acts if a.form_code == "tin_bai"
    )
    pano = {a.title.split(" (lần ")[0] for a in acts if a.form_code == "pano"}
    assert pano == {"Hoạt động truyền thông"}


def test_the_same_activity_twice_in_a_day_is_numbered():
    acts = demo_activities(400, 3, plan(), {1: "Khoa Lao"}, {}, [], [], year=2026)
    seen = Counter((a.start, a.dept_id, a.title.split(" (lần ")[0]) for a in acts)
    twice = [k for k, n in seen.items() if n > 1]
    assert twice, "400 activities on 365 days of one department repeat a day"
    day, dept, title = twice[0]
    same = sorted(a.title for a in acts if (a.start, a.dept_id) == (day, dept) and a.title.startswith(title))
    assert same[:2] == [title, f"{title} (lần 2)"]
    assert all(not a.notes and not a.evidence for a in acts)  # none given: none made up


def test_without_tasks_nothing_is_assigned():
    acts = demo_activities(50, 1, Plan("x", PartialDate(2025)), DEPTS, {}, [], [])
    assert {a.task_id for a in acts} == {None} and {a.plan_id for a in acts} == {None}
    assert all(a.start.year == 2025 for a in acts)
