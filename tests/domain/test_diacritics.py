"""Diacritics restored in text that lost them (issue 22, point 5): phrases of the held-out documents (seeds 000,
001, 003 and tests/fixtures/real/, never training text) stripped of their marks and restored; the repair offered
on the OCR'd seed 002 (its title and a heading), before and after, that the clerk keeps or drops; and a text
with its diacritics is never changed. The whole-text figures are bench/diacritics.py's."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.cascade import apply_proposal, propose_plan
from desktop.domain.diacritics import restore, strip
from desktop.domain.models import Plan, PlanItem
from desktop.domain.plan_import import parse_plan_text
from desktop.domain.repairs import diacritics_model, find_repairs
from tests.domain.test_cascade import catalogue, hospital, seed

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"

# Phrases as the held-out documents write them (the file each is in): restored from their text without marks.
PHRASES = [
    "Căn cứ Luật Tổ chức chính quyền địa phương",  # 000 and most of the corpus
    "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",  # 000
    "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",  # 000
    "Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương",  # 000
    "I. MỤC ĐÍCH, YÊU CẦU",  # 000, 001, 003
    "II. NỘI DUNG",  # 000
    "TỔ CHỨC THỰC HIỆN",  # 000, 003
    "Nâng cao nhận thức, tạo sự đồng thuận và thống nhất hành động",  # 000
    "Bảo đảm tính chính xác, thống nhất, kịp thời, có trọng tâm",  # 000
    "Sở Y tế",  # 003
    "Thời gian thực hiện",  # 000
    "Kinh phí thực hiện",  # 000
    "Các phòng, đơn vị trực thuộc báo cáo kết quả",  # 003
    "phòng, chống dịch bệnh",  # real 05
    "Ủy ban nhân dân tỉnh Bắc Kạn",  # real 05
    "Cộng hòa xã hội chủ nghĩa Việt Nam",  # real
    "Độc lập - Tự do - Hạnh phúc",  # real
    "trên địa bàn tỉnh",  # real
    "Giám đốc Sở Y tế",  # real 09
    "các cơ quan, đơn vị có liên quan",  # real
    "chịu trách nhiệm thi hành Quyết định này",  # real 09
    "Ban hành kèm theo Quyết định này",  # real 10
    "chăm sóc sức khỏe nhân dân",  # real
    "tiêm chủng, khám chữa bệnh từ xa",  # 000
    "cơ sở khám bệnh, chữa bệnh",  # real
    "đẩy mạnh hoạt động giáo dục, chăm sóc, bảo vệ và quản lý sức khỏe",  # real
    "công nghệ thông tin và kỹ năng số cho toàn bộ đội ngũ y tế",  # 000
    "Nghị định số 42/2025/NĐ-CP ngày 27/02/2025 của Chính phủ",  # 000
    "Chánh Văn phòng Bộ Y tế",  # real 01
    "Chủ tịch Ủy ban nhân dân huyện có ý kiến như sau",  # real 23
    "Nơi nhận",  # real
    "Các sở, ban, ngành",  # real
]


@pytest.fixture(scope="module")
def model():
    return diacritics_model()


@pytest.mark.parametrize("phrase", PHRASES)
def test_held_out_phrase_restored(phrase, model):
    assert restore(strip(phrase), model) == phrase


def test_phrases_are_from_the_held_out_texts():
    held = [seed(p) for p in ("000", "001", "003")] + [p.read_text(encoding="utf-8") for p in REAL.glob("*.txt")]
    folded = " ".join(" ".join(t.split()) for t in held).lower()
    for phrase in PHRASES:
        assert phrase.lower() in folded, phrase


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_text_with_diacritics_never_changed(prefix, model):
    for line in seed(prefix).splitlines():
        assert restore(line, model) == line or not any(ord(c) > 127 for c in line)


def test_clean_paragraph_gets_no_diacritics_repair():
    plan = Plan("truyền thông năm 2025", None, items=[PlanItem("section", "MỤC ĐÍCH, YÊU CẦU")])
    assert [r for r in find_repairs(plan, [], [], []) if r.kind == "diacritics"] == []


def test_ocr_confusions_read():
    model = diacritics_model()
    ocr = "Truyén thong vé Nghi quyét s6 57-NQ/TW ngay 22/12/2024 ciia Bo Chinh tri"
    assert restore(ocr, model) == "Truyền thông về Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"


# ------------------------------------------------------------------ the repair on seed 002


@pytest.fixture(scope="module")
def proposal_002():
    return propose_plan(parse_plan_text(seed("002")), hospital(), catalogue(), 2025)


def test_002_title_restored_as_a_repair(proposal_002):
    title = [r for r in proposal_002.repairs if r.kind == "diacritics" and r.target == "title"]
    assert len(title) == 1
    r = title[0]
    assert r.before.startswith("Truyén thong vé Nghi quyét s6 57-NQ/TW")
    assert r.after.startswith("Truyền thông về Nghị quyết số 57-NQ/TW ngày 22/12/2024 của B")
    assert "Chỉ đạo Trung ương" in r.after
    assert r.accepted and "mất dấu" in r.note


def test_002_heading_restored_as_a_repair(proposal_002):
    heads = {r.before: r.after for r in proposal_002.repairs if r.kind == "diacritics" and r.target == "item"}
    assert heads["MUC PICH, YEU CAU"] == "MỤC ĐÍCH, YÊU CẦU"


def test_002_accepted_restorations_made_dropped_ones_left():
    p = propose_plan(parse_plan_text(seed("002")), hospital(), catalogue(), 2025)
    restored = [r for r in p.repairs if r.kind == "diacritics"]
    assert restored and all(r.after for r in restored)
    dropped = next(r for r in restored if r.before == "MUC PICH, YEU CAU")
    dropped.accepted = False
    plan = apply_proposal(p)
    assert plan.items[0].text == "MUC PICH, YEU CAU"
    assert plan.title.startswith("Truyền thông về Nghị quyết số 57-NQ/TW")
    kept = next(r for r in restored if r.target == "item" and r.before != "MUC PICH, YEU CAU")
    texts = [it.text for it in plan.items] + [c.text for it in plan.items for c in it.children]
    texts += [g.text for it in plan.items for c in it.children for g in c.children]
    assert kept.after in texts
