"""The unit's plan made from each seed (and a Sở's Word plan made here) read as the Sở would read it.

For each source the hospital's plan is proposed, its accepted repairs made, rendered to .docx and read back;
`defects` lists what a Sở would send back: a duty addressed to another body, no reporting clause with the
superior's deadline, a reporting duty ticked as a task, no department of ours in Tổ chức thực hiện, a phrase
repeated back to back, the superior's scope, a wrong title (two "của", ALL CAPS, a doubled year), a sentence
set as a heading, a lead department printed again under the heading that names it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from desktop.docgen.read_text import import_plan_file
from desktop.docgen.render import render_plan
from desktop.domain.cascade import apply_proposal, propose_plan
from desktop.domain.models import Department, Plan, Signer, Unit
from desktop.domain.plan_import import parse_plan_text
from desktop.domain.plan_text import plan_blocks
from desktop.domain.text import fold
from tests.domain.test_cascade import catalogue, seed
from tests.fixtures.clerk_docx import build_docx

KHTH = 1

# A Sở's plan as a clerk of a Sở types it (made for this test, not a real document): a)/b) under 1., duties for
# the Sở's own Phòng, for its CDC and for "các bệnh viện, trung tâm y tế trực thuộc", quantities, a deadline.
SO_PLAN = """UỶ BAN NHÂN DÂN TỈNH KHÁNH HÒA
SỞ Y TẾ
Số: 245/KH-SYT
Khánh Hòa, ngày 12 tháng 3 năm 2025
KẾ HOẠCH
Truyền thông phòng, chống bệnh lao trong ngành Y tế tỉnh Khánh Hòa năm 2025
Căn cứ Quyết định số 1234/QĐ-UBND ngày 05/5/2024 của Ủy ban nhân dân tỉnh Khánh Hòa quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Y tế tỉnh Khánh Hòa;
Căn cứ Kế hoạch số 1138/KH-BYT ngày 19/8/2025 của Bộ Y tế về truyền thông Nghị quyết số 57-NQ/TW;
Sở Y tế xây dựng Kế hoạch truyền thông phòng, chống bệnh lao năm 2025 như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao nhận thức của người dân về phòng, chống bệnh lao.
2. Yêu cầu
- Bảo đảm kịp thời, đúng đối tượng.
II. NỘI DUNG VÀ HÌNH THỨC
1. Nội dung truyền thông
a) Truyền thông về phát hiện sớm bệnh lao
- Phổ biến các dấu hiệu nghi lao và nơi khám, điều trị miễn phí.
b) Truyền thông về tuân thủ điều trị
- Hướng dẫn người bệnh và người nhà tuân thủ phác đồ điều trị.
2. Hình thức truyền thông
- Tổ chức ít nhất 02 buổi truyền thông trực tiếp tại đơn vị.
- Đăng tải tin, bài trên Trang thông tin điện tử của đơn vị.
III. THỜI GIAN, PHẠM VI
1. Thời gian: Quý III, quý IV/2025 và đến hết ngày 31/12/2025.
2. Phạm vi: Toàn tỉnh.
IV. TỔ CHỨC THỰC HIỆN
1. Phòng Nghiệp vụ Y
- Chủ trì, hướng dẫn, theo dõi việc triển khai Kế hoạch; tổng hợp kết quả, báo cáo Giám đốc Sở.
2. Trung tâm Kiểm soát bệnh tật tỉnh
- Cung cấp tài liệu truyền thông về phòng, chống bệnh lao cho các đơn vị.
3. Các bệnh viện, trung tâm y tế trực thuộc
- Xây dựng kế hoạch truyền thông của đơn vị, gửi về Sở Y tế trước ngày 24/3/2025.
- Truyền thông cho 100 % khoa, phòng và 2.000 lượt người bệnh và người nhà.
- Báo cáo kết quả thực hiện về Sở Y tế (qua Phòng Nghiệp vụ Y) trước ngày 20/11/2025.
Trên đây là Kế hoạch truyền thông phòng, chống bệnh lao năm 2025 của Sở Y tế./.
"""

DEADLINES = {"000": "15/12/2025", "001": "10/12", "002": "30/11/2025", "003": "05/12", "so": "20/11/2025"}
OTHERS = (  # the first words of bodies that are not the hospital nor one of its departments
    "văn phòng",
    "báo ",
    "các vụ",
    "sở y tế",
    "trung tâm",
    "phòng tổ chức - hành chính",
    "phòng nghiệp vụ",
    "các phòng",
    "các đơn vị",
    "các bệnh viện",
    "cac phong",
    "van phong",
)


def hospital() -> Unit:
    names = [
        ("Phòng Kế hoạch tổng hợp - Chỉ đạo tuyến - Quản lý chất lượng", "KHTH"),
        ("Phòng Tổ chức cán bộ", "TCCB"),
        ("Phòng Điều dưỡng", "ĐD"),
        ("Tổ Công nghệ thông tin", "CNTT"),
        ("Khoa Khám bệnh", "KB"),
        ("Khoa Lao", "LAO"),
    ]
    unit = Unit(
        "Bệnh viện Phổi Khánh Hòa",
        "BVPKH",
        "Khánh Hòa",
        "Sở Y tế tỉnh Khánh Hòa",
        [Department(n, a, i + 1) for i, (n, a) in enumerate(names)],
        [Signer("GIÁM ĐỐC", "Nguyễn Văn An", id=7)],
        ["Sở Y tế (báo cáo)"],
    )
    unit.kind, unit.level = "benh_vien", "so"  # a hospital under the Sở
    return unit


def imported(name: str, tmp_path: Path):
    if name == "so":
        path = build_docx(parse_plan_text(SO_PLAN), tmp_path / "so.docx")
        return import_plan_file(path)
    return parse_plan_text(seed(name))


def unit_plan(name: str, tmp_path: Path) -> tuple[Plan, Unit]:
    unit = hospital()
    proposal = propose_plan(imported(name, tmp_path), unit, catalogue(), 2025, {"lead": KHTH})
    return apply_proposal(proposal), unit


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return "\n".join(re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<w:p[ >].*?</w:p>", xml))


def _organization(blocks):
    """The blocks of Tổ chức thực hiện (its h1 up to the next h1 or the closing)."""
    out, inside = [], False
    for b in blocks:
        if b.kind == "h1":
            inside = "to chuc thuc hien" in fold(b.text)
            continue
        if b.kind == "closing":
            break
        if inside:
            out.append(b)
    return out


def defects(plan: Plan, unit: Unit, deadline: str, text: str) -> list[str]:
    blocks = plan_blocks(plan, unit)
    found: list[str] = []
    org = _organization(blocks)
    ours = [fold(d.name) for d in unit.departments]
    for b in org:
        f = fold(b.text)
        if b.kind in ("h2", "h3") and f.startswith(tuple(fold(o) for o in OTHERS)) and not f.startswith(tuple(ours)):
            found.append(f"việc của đơn vị khác: {b.text[:60]}")
    clause = [b for b in org if "bao cao" in fold(b.text) and deadline in b.text]
    if not clause:
        found.append(f"không có câu báo cáo với hạn {deadline}")
    for task in plan.tasks():
        if re.search(r"b\S{1,2}o\s+c\S{1,2}o\b.*tr\S{1,3}c\s+ng\S{1,2}y\s+\d", task.text, re.I):
            found.append(f"báo cáo thành nhiệm vụ: {task.text[:60]}")
    if not any(d.name in b.text for b in org for d in unit.departments):
        found.append("Tổ chức thực hiện không nêu khoa, phòng nào của đơn vị")
    for m in re.finditer(r"(?i)\b(\w+(?:\s+\w+){1,6})\s+\1\b", text):
        found.append(f"lặp: {m.group(0)}")
    for b in blocks:
        f = fold(b.text)
        if f.startswith("pham vi") and fold(unit.name) not in f:
            found.append(f"phạm vi của cấp trên: {b.text}")
        if b.kind in ("h2", "h3", "h4") and (b.text.rstrip().endswith((".", ";")) or len(b.text.split()) > 25):
            found.append(f"câu thành đề mục: {b.text[:60]}")
    title = plan.title
    if title.count(f"của {unit.name}") != 1 or not title.endswith(unit.name):
        found.append(f"trích yếu: {title}")
    if len(re.findall(r"(?i)\bcủa\s+(?:Bệnh viện|Trung tâm|Sở)\b", title)) > 1 or title == title.upper():
        found.append(f"trích yếu: {title}")
    if re.search(r"năm \d{4} năm \d{4}", title):
        found.append(f"trích yếu lặp năm: {title}")
    last = None
    for b in blocks:
        if b.kind in ("h2", "h3"):
            last = b.text
        elif (
            b.text.startswith("Đơn vị chủ trì: ")
            and last
            and b.text[16:].split(",")[0].split(";")[0].rstrip(".") == last
        ):
            found.append(f"chủ trì viết lại dưới đề mục: {b.text[:60]}")
    return found


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "so"])
def test_the_hospitals_plan_is_its_own(name, tmp_path):
    plan, unit = unit_plan(name, tmp_path)
    out = render_plan(plan, unit, tmp_path / f"{name}.docx")
    text = docx_text(out)
    assert defects(plan, unit, DEADLINES[name], text) == []
    assert "Phạm vi: Toàn quốc" not in text and "Phạm vi: Toàn tỉnh" not in text
    assert unit.departments[0].name in text  # our lead department in Tổ chức thực hiện


def test_the_reporting_duty_is_a_clause_not_a_task(tmp_path):
    plan, unit = unit_plan("so", tmp_path)
    assert not [t.text for t in plan.tasks() if "20/11/2025" in t.text]
    text = "\n".join(b.text for b in plan_blocks(plan, unit))
    assert "báo cáo Sở Y tế tỉnh Khánh Hòa (qua Phòng Nghiệp vụ Y) trước ngày 20/11/2025" in text
    # the duties addressed to "Các bệnh viện, trung tâm y tế trực thuộc" are the hospital's tasks
    tasks = [t.text for t in plan.tasks()]
    assert any(t.startswith("Xây dựng kế hoạch truyền thông của đơn vị") for t in tasks)
    assert not any("Giám đốc Sở" in t or "Cung cấp tài liệu" in t for t in tasks)
