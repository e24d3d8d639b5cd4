"""The unit's forms are a value passed to what names a form (issue 21): no catalogue "in use" kept by
domain.forms that a worker thread could replace under another; the cascade proposes the unit's own forms."""

from __future__ import annotations

import ast
import threading
from datetime import date
from pathlib import Path

from desktop.domain import forms as forms_module
from desktop.domain.cascade import propose_plan
from desktop.domain.forms import DEFAULT_FORMS, DEFAULTS, Form, Forms
from desktop.domain.models import Activity, PartialDate, Plan, PlanItem, Target
from desktop.domain.plan_import import parse_plan_text
from desktop.domain.plan_text import plan_blocks, target_text
from desktop.domain.report import appendix_rows, compile_report, drafts
from desktop.domain.targets import read_typed, targets_in

from .test_cascade import hospital

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
SCREENING = Form("kham_sang_loc", "Khám sàng lọc", "lượt", "Tổ chức", " khám sàng lọc")


def own_forms(*extra: Form) -> Forms:
    """The defaults with the unit's own forms before "Khác" (as store/forms.py keeps them)."""
    return Forms(DEFAULT_FORMS[:-1] + (SCREENING, *extra) + DEFAULT_FORMS[-1:])


SUPERIOR = """SỞ Y TẾ TỈNH LÂM ĐỒNG
Số: 357/KH-SYT
KẾ HOẠCH
Truyền thông phòng, chống bệnh lao năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của người dân về bệnh lao.
II. NỘI DUNG
1. Khám sàng lọc bệnh lao
Các bệnh viện tổ chức ít nhất 200 lượt khám sàng lọc cho người cao tuổi và 02 hội nghị.
2. Truyền thông trên mạng xã hội
Đăng 24 bài trên trang mạng xã hội.
"""


def test_cascade_proposes_the_units_own_form_as_a_target():
    p = propose_plan(parse_plan_text(SUPERIOR), hospital(), [], 2026, forms=own_forms())
    screening = next(t for t in p.tasks if t.text.startswith("Khám sàng lọc"))
    assert screening.targets == [Target(200, "kham_sang_loc"), Target(2, "hoi_nghi")]
    assert p.forms.form("kham_sang_loc") == SCREENING  # the review reads typed targets with the same forms
    # the default forms alone: "200 lượt" names no form, it is prose
    p = propose_plan(parse_plan_text(SUPERIOR), hospital(), [], 2026)
    assert next(t for t in p.tasks if t.text.startswith("Khám sàng lọc")).targets == [Target(2, "hoi_nghi")]


def test_own_forms_read_with_their_label_never_by_a_bare_unit():
    campaign = Form("chien_dich", "Chiến dịch truyền thông", "chiến dịch", "Tổ chức")
    forms = own_forms(campaign)
    text = "Tổ chức 1.500 lượt khám sàng lọc, 03 chiến dịch truyền thông và 12 tin, bài; 500 lượt người tham dự."
    assert targets_in(text, forms) == [
        Target(1500, "kham_sang_loc"),
        Target(3, "chien_dich"),
        Target(12, "tin_bai"),
    ]
    hidden = Forms([*DEFAULT_FORMS, Form("an", "Khám sàng lọc", "lượt", "Tổ chức", hidden=True)])
    assert targets_in("200 lượt khám sàng lọc", hidden) == []  # a hidden form is no longer proposed
    # typed in the review: "lượt" is the unit of the unit's form only
    assert read_typed("200 lượt", "", forms) == ([Target(200, "kham_sang_loc")], [])
    assert read_typed("200 lượt", "") == ([Target(200, "khac", "lượt")], [])


def _plan() -> Plan:
    task = PlanItem("section", "Khám sàng lọc bệnh lao", id=10, is_task=True, targets=[Target(300, "kham_sang_loc")])
    return Plan(
        title="Kế hoạch truyền thông",
        doc_date=PartialDate(2025),
        items=[PlanItem("section", "NỘI DUNG", id=1, children=[task])],
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        id=1,
    )


def _acts() -> list[Activity]:
    return [Activity(date(2025, 3, 2), 1, "kham_sang_loc", "Khám sàng lọc tại xã A", 10, quantity=120, id=1)]


def test_report_and_appendix_read_the_catalogue_they_are_given():
    unit, plan = hospital(), _plan()
    c = compile_report(plan, unit, _acts(), date(2025, 1, 1), date(2025, 12, 31), own_forms())
    assert c.catalogue.form("kham_sang_loc") == SCREENING
    [row] = appendix_rows(c, unit)
    assert row[3] == "Khám sàng lọc" and row[5] == "120 lượt"
    task = next(s for s in drafts(plan, unit, c) if s.key == "task.10")
    assert task.text.startswith("Tổ chức 120 lượt khám sàng lọc.")
    assert "chỉ tiêu 300 lượt, thực hiện 120 lượt (40%): CHƯA ĐẠT" in task.text
    # the same figures with the defaults: an unknown code reads as "Khác"
    c = compile_report(plan, unit, _acts(), date(2025, 1, 1), date(2025, 12, 31))
    assert appendix_rows(c, unit)[0][3] == "Khác"


def test_two_catalogues_at_once_each_answers_its_own():
    """Two exports of two databases on two threads: neither sees the other's forms (forms.use was a global)."""
    unit, plan = hospital(), _plan()
    renamed = own_forms()
    renamed = Forms(
        [Form(f.code, "Sàng lọc lao", f.unit, f.verb, f.tail) if f.code == SCREENING.code else f for f in renamed.forms]
    )
    seen: dict[str, set[str]] = {"a": set(), "b": set()}
    go = threading.Barrier(2)

    def run(key: str, forms: Forms):
        go.wait()
        for _ in range(200):
            c = compile_report(plan, unit, _acts(), date(2025, 1, 1), date(2025, 12, 31), forms)
            seen[key].add(appendix_rows(c, unit)[0][3])

    threads = [threading.Thread(target=run, args=a) for a in (("a", own_forms()), ("b", renamed))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == {"a": {"Khám sàng lọc"}, "b": {"Sàng lọc lao"}}


def test_plan_text_names_targets_in_the_units_units():
    forms = own_forms()
    assert target_text(Target(300, "kham_sang_loc"), forms) == "300 lượt"
    lines = [b.text for b in plan_blocks(_plan(), hospital(), forms)]
    assert "Chỉ tiêu: 300 lượt." in lines


def test_domain_forms_keeps_no_catalogue_in_use():
    assert not hasattr(forms_module, "use") and not hasattr(forms_module, "catalogue")
    assert not hasattr(forms_module, "form") and not hasattr(forms_module, "choices")
    assert DEFAULTS.forms == DEFAULT_FORMS


# the functions that name forms: every call in desktop/ passes the unit's catalogue (positional or forms=)
NEEDS_FORMS = {
    "compile_report": 6,
    "plan_blocks": 3,
    "plan_context": 3,
    "render_plan": 5,
    "propose_plan": 6,
    "targets_in": 2,
    "read_typed": 3,
    "target_text": 2,
    "task_line": 3,
}


def test_every_call_in_the_app_passes_the_catalogue():
    missing = []
    for path in DESKTOP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in NEEDS_FORMS and len(node.args) < NEEDS_FORMS[name]:
                if not any(k.arg == "forms" for k in node.keywords):
                    missing.append(f"{path.relative_to(DESKTOP)}:{node.lineno} {name}")
    assert missing == []
