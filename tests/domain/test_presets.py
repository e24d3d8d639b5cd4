"""Starting a plan from a preset: every field of the preset lands where the plan reads it, filled with
the unit's names (presets.plan_from_preset, as the first-run wizard and "Kế hoạch mới" call it)."""

from __future__ import annotations

from datetime import date

from desktop.domain.models import Department, LegalRef, PartialDate, Plan, PlanItem, Target, Unit
from desktop.domain.presets import fill, plan_from_preset

NQ57 = LegalRef("Nghị quyết", "57-NQ/TW", date(2024, 12, 22), "Bộ Chính trị", "về đột phá phát triển khoa học")


def unit() -> Unit:
    return Unit(
        "Bệnh viện Phổi Bình Thuận",
        "BVPBT",
        "Lâm Đồng",
        "Sở Y tế tỉnh Lâm Đồng",
        [Department("Phòng Kế hoạch tổng hợp", "KHTH", 1), Department("Phòng Điều dưỡng", "ĐD", 4)],
        recipients=["Sở Y tế (báo cáo)", "Lưu: VT"],
    )


PRESET = {
    "title": "về truyền thông năm {year} của {unit_name}",
    "basis": ["nq57", "missing"],
    "lead_sentence": "{unit_kind} xây dựng Kế hoạch theo {superior_short}, {superior_issuer}; báo cáo trước {deadline}:",
    "closing": "Giao {lead_dept} theo dõi; {unknown} để trống.",
    "items": [
        {
            "kind": "section",
            "text": "NỘI DUNG",
            "children": [
                {
                    "text": "Truyền thông năm {year}",
                    "task": True,
                    "lead": "lead",
                    "coord": ["nursing", "it"],
                    "time_frame": "Quý {year}",
                    "targets": [
                        {"quantity": "12", "form": "BAI_VIET", "unit": "bài"},
                        {"quantity": 3, "form": "TAP_HUAN"},
                    ],
                },
                {"kind": "bullet", "text": "Không là nhiệm vụ", "lead": "lead"},
            ],
        },
        {"kind": "section", "text": "Phòng chuyên môn", "lead": "nursing"},
        {"kind": "section", "text": "Khoa không có", "lead": "it"},
    ],
}


def test_a_preset_becomes_the_units_plan():
    roles = {"lead": 1, "nursing": 4, "it": None}
    plan = plan_from_preset(
        PRESET, unit(), {"nq57": NQ57}, roles, date(2026, 3, 5), "Sở Y tế tỉnh Lâm Đồng", "Sở Y tế", "15/12"
    )
    assert plan == Plan(
        title="về truyền thông năm 2026 của Bệnh viện Phổi Bình Thuận",
        doc_date=PartialDate(2026, 3, 5),
        basis=[NQ57],
        lead_sentence="bệnh viện xây dựng Kế hoạch theo Sở Y tế, Sở Y tế tỉnh Lâm Đồng; báo cáo trước 15/12:",
        closing="Giao Phòng Kế hoạch tổng hợp theo dõi; {unknown} để trống.",
        items=[
            PlanItem(
                "section",
                "NỘI DUNG",
                [
                    PlanItem(
                        "text",
                        "Truyền thông năm 2026",
                        is_task=True,
                        lead_dept_id=1,
                        coord_dept_ids=[4],
                        time_frame="Quý 2026",
                        targets=[Target(12, "BAI_VIET", "bài"), Target(3, "TAP_HUAN", "")],
                    ),
                    PlanItem("bullet", "Không là nhiệm vụ"),
                ],
            ),
            PlanItem("section", "Phòng Điều dưỡng"),  # a duty block takes the department's real name
            PlanItem("section", "Khoa không có"),  # no department holds that role: the preset's words stay
        ],
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        archive_dept_id=1,
        recipients=["Sở Y tế (báo cáo)", "Lưu: VT"],
    )


def test_without_a_lead_department_or_a_short_superior():
    u = unit()
    u.name = "Trạm"  # a one-word name: its kind is that word
    plan = plan_from_preset(
        {"lead_sentence": "{unit_kind}|{superior_short}|{lead_dept}|{deadline}|{superior_issuer}"},
        u,
        {},
        {},
        date(2025, 1, 2),
        superior_issuer="Sở Y tế tỉnh Lâm Đồng",
    )
    assert plan.lead_sentence == "trạm|Sở Y tế tỉnh Lâm Đồng|phòng chuyên môn||Sở Y tế tỉnh Lâm Đồng"
    assert (plan.title, plan.basis, plan.closing, plan.items, plan.archive_dept_id) == ("", [], "", [], None)
    empty = plan_from_preset({}, unit(), {}, {}, date(2025, 1, 2))
    assert empty.lead_sentence == ""


def test_unknown_placeholders_stay_visible():
    assert fill("{unit_name} – {chưa_có}", {"unit_name": "Bệnh viện"}) == "Bệnh viện – {chưa_có}"
