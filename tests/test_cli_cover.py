"""A công văn that forwards a plan (issue 22, point 3): `plan-import --json` prints the letter ("cover") with its
requests and the deadline it sets, and the plan made from it says "Thực hiện Kế hoạch số … ; Công văn số … về việc
…" in its opening (the letter also kept in the catalogue of căn cứ)."""

import json

from desktop import cli
from desktop.domain.plan_text import plan_blocks
from desktop.store import db, plans, refs, units
from tests.domain.test_cover_letter import LETTER_AND_PLAN

LETTER = (
    "Công văn số 1205/VPB-TT ngày 22/8/2025 của Văn phòng Bộ về việc triển khai Kế hoạch truyền thông về Nghị quyết "
    "số 57-NQ/TW"
)


def run_json(capsys, db_path, src):
    assert cli.main(["plan-import", "--db", str(db_path), str(src), "--json"]) == 0
    out, err = capsys.readouterr()
    return json.loads(out)


def test_the_letter_is_printed_with_its_requests_and_deadline(demo_copy, tmp_path, capsys):
    src = tmp_path / "cong_van_1205.txt"
    src.write_text(LETTER_AND_PLAN, encoding="utf-8")
    got = run_json(capsys, demo_copy, src)
    assert got["superior"]["number"] == "1138/KH-BYT" and got["superior"]["deadline"] == "2025-12-10"
    assert got["cover"] == {
        "citation": LETTER,
        "kind": "Công văn",
        "number": "1205/VPB-TT",
        "date": "2025-08-22",
        "issuer": "Văn phòng Bộ",
        "summary": "về việc triển khai Kế hoạch truyền thông về Nghị quyết số 57-NQ/TW",
        "deadline": "2025-12-10",
        "requests": [
            "Triển khai theo phân công nhiệm vụ được giao trong Kế hoạch.",
            "Cung cấp thông tin, kết quả các hoạt động nổi bật của đơn vị gửi Văn phòng Bộ.",
        ],
    }


def test_a_plan_sent_alone_has_no_cover(demo_copy, tmp_path, capsys):
    src = tmp_path / "kh_1138.txt"
    src.write_text(LETTER_AND_PLAN[LETTER_AND_PLAN.index("BỘ Y TẾ", 10) :], encoding="utf-8")
    got = run_json(capsys, demo_copy, src)
    assert got["superior"]["number"] == "1138/KH-BYT" and got["cover"] is None


def test_the_plan_implements_the_plan_and_the_letter(demo_copy, tmp_path, capsys):
    src = tmp_path / "cong_van_1205.txt"
    src.write_text(LETTER_AND_PLAN, encoding="utf-8")
    pid = run_json(capsys, demo_copy, src)["plan_id"]
    conn = db.open_db(demo_copy)
    try:
        plan = plans.load_plan(conn, pid)
        opening = [b.text for b in plan_blocks(plan, units.load_unit(conn)) if b.kind == "text"][0]
        assert opening.startswith("Thực hiện Kế hoạch số 1138/KH-BYT ngày 19/8/2025 của Bộ Y tế")
        assert opening.endswith(f"; {LETTER}.")
        assert any(r.number == "1205/VPB-TT" and r.kind == "Công văn" for r in refs.list_refs(conn))
    finally:
        conn.close()
