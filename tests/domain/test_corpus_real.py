"""Every document of the real corpus (tests/fixtures/real) read as a clerk reads it, as its .txt and as a
clerk-style Word file (tests/fixtures/clerk_docx): kind, issuer, parent, number, date, year, each cited
document of the căn cứ, deadline; a công văn that forwards no plan refused as a công văn; for a whole plan
(NN_name.full.txt: the real opening completed for testing) its tasks, and the công văn that forwards it (issue 22)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.docgen.read_text import import_plan_file, read_source
from desktop.domain.cascade import propose_plan
from desktop.domain.citations import number_key
from desktop.domain.plan_header import PLACE_DATE
from desktop.domain.plan_import import ImportedPlan, parse_plan_text
from desktop.domain.plan_kinds import plan_year
from tests.domain.test_cascade import hospital
from tests.fixtures.clerk_docx import build_docx

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "real"
DOCS = sorted(p.stem for p in CORPUS.glob("*.txt"))
# Facts not read yet, with the reason (each one a known gap, reported by bench/corpus_import.py too).
GAPS: dict[tuple[str, str], str] = {}


def expected(stem: str) -> dict:
    return json.loads((CORPUS / f"{stem}.json").read_text(encoding="utf-8"))


def clerk_file(txt: Path, dest: Path, kind: str, cover: bool = False) -> Path:
    """The clerk's Word file of a corpus text: a plan built from its reading; a công văn keeps its own kind and text
    (its header, then its lines after the place and date), not a KẾ HOẠCH."""
    text = read_source(txt)
    imported = parse_plan_text(text)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if cover:  # a công văn and the plan it forwards, one after the other in one file
        return build_docx(ImportedPlan(), dest, title="", lines=lines)  # no header table: the lines carry both
    if kind != "cong_van":
        return build_docx(imported, dest, plus="list")
    dated = next((k for k, ln in enumerate(lines) if PLACE_DATE.search(ln)), 0) if imported.number else -1
    return build_docx(imported, dest, title="", lines=lines[dated + 1 :])  # the header table, else its lines


def read(stem: str, fmt: str, tmp_path: Path):
    txt = CORPUS / f"{stem}.txt"
    if fmt == "txt":
        return import_plan_file(txt)
    exp = expected(stem)
    return import_plan_file(clerk_file(txt, tmp_path / f"{stem}.docx", exp["kind"], "cover" in exp))


def check(stem: str, fact: str, ok: bool, detail) -> None:
    gap = GAPS.get((stem[:2], fact))
    if gap and not ok:
        pytest.xfail(gap)
    assert ok, (fact, detail)


@pytest.mark.parametrize("fmt", ["txt", "docx"])
@pytest.mark.parametrize("stem", DOCS)
def test_corpus_document_read_as_the_clerk_reads_it(stem, fmt, tmp_path):
    check_facts(stem, fmt, read(stem, fmt, tmp_path))


def check_facts(stem: str, fmt: str, imported) -> None:
    """Every fact of the document's JSON asserted on what was read from it in format `fmt` (also the PDF leg,
    tests/docgen/test_corpus_pdf.py)."""
    exp = expected(stem)
    if exp["kind"] == "cong_van":
        assert not imported.is_plan and imported.kind == "cong_van"
        assert any(f.startswith("đây là một công văn") for f in imported.found), imported.found
        return
    assert imported.is_plan, imported.found
    if fmt == "txt":
        assert imported.kind == exp["kind"]
        assert imported.parent == (exp["parent"] or "")
    p = propose_plan(imported, hospital(), [], None)
    ref = p.superior.ref
    check(stem, "issuer", ref.issuer == exp["issuer"], ref.issuer)
    check(stem, "number", ref.number == exp["number"], ref.number)
    check(stem, "date", (ref.issued.isoformat() if ref.issued else None) == exp["date"], ref.issued)
    assert ref.kind == "Kế hoạch"
    assert plan_year(imported) == exp["year"]
    deadline = p.superior.deadline.isoformat() if p.superior.deadline else None
    check(stem, "deadline", deadline == exp["deadline"], deadline)
    if "tasks" in exp:  # a whole plan (NN_name.full.txt): its tasks, counted by hand, and its công văn
        # every duty read is the unit's task, another body's (issue 23: "Việc của đơn vị khác") or a reporting
        # duty (the plan's reporting clause, never a task)
        # (the requests of a closing or a covering công văn asked of other bodies are others too, out of the count)
        plan_others = [o for o in p.others if o.where not in ("Câu kết", "Công văn gửi kèm")]
        assert len(p.tasks) + len(plan_others) + len(p.reporting) == exp["tasks"], [t.text for t in p.tasks]
    if "cover" in exp:
        cover = exp["cover"]
        assert (imported.cover["number"], imported.cover["date"]) == (cover["number"], cover["date"])
        assert len(imported.cover_requests) == cover["requests"], imported.cover_requests
        asked = [o for o in p.others if o.where == "Công văn gửi kèm"]  # none asked of a hospital here: all others'
        assert len(asked) == cover["requests"], [o.text for o in p.others]
    got = [number_key(c.ref.number) for c in p.basis]
    want = [number_key(b["number"] or "") for b in exp["basis"]]
    check(stem, "basis", len(got) == len(want) and set(got) == set(want), (got, want))


# ------------------------------------------------------------------ header shapes, one by one


@pytest.mark.parametrize(
    "upper, name",
    [
        ("UBND TỈNH ĐỒNG THÁP", "Ủy ban nhân dân tỉnh Đồng Tháp"),
        ("ỦY BAN NHÂN DÂN HUYỆN NHÀ BÈ", "Ủy ban nhân dân huyện Nhà Bè"),
        ("UỶ BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
        ("ĐẢNG UỶ TRƯỜNG ĐẠI HỌC VINH", "Đảng ủy Trường Đại học Vinh"),
        ("TTYT HUYỆN NHÀ BÈ", "Trung tâm Y tế huyện Nhà Bè"),
        ("SỞ Y TẾ TỈNH LÂM ĐỒNG", "Sở Y tế tỉnh Lâm Đồng"),
        ("BỆNH VIỆN PHỔI BÌNH THUẬN", "Bệnh viện Phổi Bình Thuận"),
        (
            "BAN CHỈ ĐẠO CHƯƠNG TRÌNH PHÒNG CHỐNG TÁC HẠI THUỐC LÁ",
            "Ban Chỉ đạo Chương trình phòng chống tác hại thuốc lá",
        ),
    ],
)
def test_issuer_names_written_out(upper, name):
    from desktop.domain.issuers import issuer_name

    assert issuer_name(upper) == name


@pytest.mark.parametrize(
    "header, issuer, parent",
    [
        ("BỘ Y TẾ\nCỤC QUẢN LÝ KHÁM, CHỮA BỆNH", "Cục Quản lý khám, chữa bệnh", "Bộ Y tế"),
        (
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN CHÂU THÀNH Độc lập - Tự do - Hạnh phúc",
            "Ủy ban nhân dân huyện Châu Thành",
            "",
        ),
        (
            "ỦY\nBAN NHÂN DÂN\nTỈNH BẮC KẠN\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Ủy ban nhân dân tỉnh Bắc Kạn",
            "",
        ),
        (
            "UBND TỈNH AN GIANG                 CỘNG HÒA XÃ HỘI\nSỞ Y TẾ                      CHỦ NGHĨA VIỆT NAM",
            "Sở Y tế tỉnh An Giang",
            "Ủy ban nhân dân tỉnh An Giang",
        ),
    ],
)
def test_header_shapes_give_issuer_and_parent(header, issuer, parent):
    text = (
        f"{header}\nSố: 12/KH-UBND\nAn Giang, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nPHÒNG CHỐNG DỊCH\nI. MỤC ĐÍCH\n- Một."
    )
    r = parse_plan_text(text)
    assert (r.issuer, r.parent) == (issuer, parent)
    assert (r.number, r.doc_date.as_date().isoformat()) == ("12/KH-UBND", "2024-03-05")


def test_text_broken_by_copying_is_repaired():
    text = (
        "\\r\\n ỦY BAN NHÂN DÂN | \\r\\n CỘNG\\r\\n HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTỈNH LẠNG SƠN\nSố:\n54/KH-UBND\n|\n"
        "Lạng\nSơn, ngày 27\ntháng 3 năm 2020\nKẾ HOẠCH : CHĂM SÓC DINH DƯỠNG\nI. MỤC TIÊU\n- Một."
    )
    r = parse_plan_text(text)
    assert (r.issuer, r.number, r.place) == ("Ủy ban nhân dân tỉnh Lạng Sơn", "54/KH-UBND", "Lạng Sơn")
    assert r.doc_date.as_date().isoformat() == "2020-03-27" and r.title == "CHĂM SÓC DINH DƯỠNG"


def test_a_decision_issuing_a_plan_is_cited_through_the_decision():
    from desktop.domain.references import cite

    r = import_plan_file(CORPUS / "01_byt-qd288-2025.txt")
    assert r.kind == "quyet_dinh_ban_hanh_ke_hoach" and r.is_plan
    ref = propose_plan(r, hospital(), [], None).superior.ref
    assert cite(ref) == "Kế hoạch ban hành kèm theo Quyết định số 288/QĐ-BYT ngày 23/01/2025 của Bộ Y tế"


def test_the_year_is_read_never_taken_from_the_clock():
    from desktop.domain.plan_kinds import YearUnknown

    r = import_plan_file(CORPUS / "28_ubnd-quang-binh-kh2254-2017.txt")
    assert plan_year(r) == 2018  # issued 29/11/2017 for 2018
    undated = parse_plan_text("KẾ HOẠCH\nPHÒNG CHỐNG DỊCH\nI. MỤC ĐÍCH\n- Một.\nII. NỘI DUNG\n- Hai.")
    with pytest.raises(YearUnknown, match="Không đọc được năm của kế hoạch"):
        propose_plan(undated, hospital(), [], None)
