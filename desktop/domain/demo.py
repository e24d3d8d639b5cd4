"""A realistic demo: a provincial lung hospital under a Sở Y tế, and a year of activities."""

from __future__ import annotations

import random
from datetime import date, timedelta

from .forms import FORMS
from .models import Activity, Department, LegalRef, Plan, Signer, SuperiorDoc, Unit

DEPARTMENTS = (  # (name, abbr, role)
    ("Phòng Kế hoạch tổng hợp - Chỉ đạo tuyến - Quản lý chất lượng", "KHTH", "lead"),
    ("Phòng Tổ chức cán bộ", "TCCB", "personnel"),
    ("Phòng Tài chính kế toán", "TCKT", None),
    ("Phòng Điều dưỡng", "ĐD", "nursing"),
    ("Tổ Công nghệ thông tin", "CNTT", "it"),
    ("Khoa Khám bệnh", "KB", None),
    ("Khoa Lao", "LAO", None),
    ("Khoa Bệnh phổi", "BP", None),
    ("Khoa Cận lâm sàng", "CLS", None),
    ("Khoa Dược", "DUOC", None),
    ("Công đoàn Bệnh viện", "CĐ", "union"),
)


def demo_unit() -> tuple[Unit, dict[str, int]]:
    """The unit and, for each department role, the index of its department."""
    unit = Unit(
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
    roles = {role: i for i, (_, _, role) in enumerate(DEPARTMENTS) if role}
    return unit, roles


def demo_superior() -> SuperiorDoc:
    ref = LegalRef(
        "Kế hoạch",
        "357/KH-SYT",
        date(2025, 9, 4),
        "Sở Y tế tỉnh Lâm Đồng",
        "về truyền thông Nghị quyết số 57-NQ/TW, Kế hoạch số 02-KH/BCĐTW, Nghị quyết số 71/NQ-CP"
        " về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số ngành Y tế năm 2025",
    )
    return SuperiorDoc(ref, addressee="Sở Y tế tỉnh Lâm Đồng", deadline=date(2025, 12, 10))


# quantity range, participants range (None: not counted), cost range in thousand VND, weight
PROFILE = {
    "tin_bai": ((1, 2), None, (0, 0), 22),
    "mang_xa_hoi": ((1, 3), None, (0, 0), 18),
    "hoi_nghi": ((1, 1), (40, 180), (2000, 15000), 5),
    "tap_huan": ((1, 1), (20, 80), (3000, 20000), 6),
    "sinh_hoat": ((1, 1), (15, 60), (0, 1500), 10),
    "pano": ((1, 8), None, (500, 5000), 5),
    "to_roi": ((100, 500), None, (800, 4000), 5),
    "phat_thanh": ((1, 4), None, (0, 0), 14),
    "thi_dua": ((1, 1), (30, 300), (0, 5000), 3),
    "khac": ((1, 1), None, (0, 2000), 4),
}


def demo_activities(
    n: int,
    seed: int,
    plan: Plan,
    depts: dict[int, str],
    titles: dict[str, list[str]],
    notes: list[str],
    evidence: list[str],
    year: int = 2025,
) -> list[Activity]:
    """n activities over the year, the same for the same seed. Activities of a form go to the
    task that has a target of that form when there is one, so targets get results."""
    rng = random.Random(seed)
    tasks = plan.tasks()
    by_form: dict[str, list[int | None]] = {}  # a task's id: None while the plan is not stored
    for t in tasks:
        for tg in t.targets:
            by_form.setdefault(tg.form_code, []).append(t.id)
    codes = [f.code for f in FORMS]
    weights = [PROFILE[c][3] for c in codes]
    start = date(year, 1, 1)
    days = (date(year, 12, 31) - start).days
    dept_ids = sorted(depts)
    out = []
    taken: dict[tuple, int] = {}  # (day, dept, title): the same activity twice reads as a duplicate on import
    for _ in range(n):
        code = rng.choices(codes, weights)[0]
        qty_r, part_r, cost_r, _w = PROFILE[code]
        day = start + timedelta(days=rng.randint(0, days))
        dept = rng.choice(dept_ids)
        r = rng.random()
        task: int | None
        if code in by_form and r < 0.75:
            task = rng.choice(by_form[code])
        elif r < 0.95 and tasks:
            task = rng.choice(tasks).id
        else:
            task = None
        template = rng.choice(titles.get(code) or ["Hoạt động truyền thông"])
        title = template.format(dept=depts[dept], month=day.month)
        times = taken[(day, dept, title)] = taken.get((day, dept, title), 0) + 1
        if times > 1:
            title = f"{title} (lần {times})"
        end = (
            day + timedelta(days=rng.randint(1, 2)) if code in ("hoi_nghi", "tap_huan") and rng.random() < 0.3 else None
        )
        cost = rng.randint(*cost_r) * 1000 if cost_r[1] else 0
        out.append(
            Activity(
                start=day,
                end=end,
                dept_id=dept,
                task_id=task,
                form_code=code,
                title=title,
                plan_id=plan.id,
                quantity=rng.randint(*qty_r),
                participants=rng.randint(*part_r) if part_r else None,
                cost=cost - cost % 10000,
                evidence=rng.choice(evidence) if evidence and code in ("tin_bai", "mang_xa_hoi") else "",
                notes=rng.choice(notes) if notes and rng.random() < 0.15 else "",
            )
        )
    out.sort(key=lambda a: a.start)
    return out
