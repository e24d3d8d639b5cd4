"""`targets` and `target-result` (docs/cli.md, issue 24) on the hand-counted plan of tests/targets_plan.py, and
`render report --period q1` / `--period year` of it: the targets with ĐẠT / CHƯA ĐẠT and their values, the
year's target in Q1 as progress, an empty quarter saying nothing of targets; the .docx read back from its XML,
checked by `python -m desktop check` and against the schema."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

from desktop import cli
from desktop.store import db, target_results
from tests import targets_plan as fx


def call(capsys, *args):
    status = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def planned(tmp_path):
    path = tmp_path / "ct.db"
    p, ids = fx.make_db(path)
    return path, p.id, ids


def _body(docx) -> str:
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    paras = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    return "\n".join(re.sub(r"<[^>]+>", "", p) for p in paras)


def test_targets_lists_id_task_kind_value_unit_period(planned, capsys):
    path, plan_id, (count_id, reach_id, rate_id) = planned
    status, out, err = call(capsys, "targets", "--db", path, "--plan", plan_id)
    assert status == 0 and err == ""
    assert [line.split("\t")[:6] for line in out.splitlines()] == [
        [str(count_id), "I", "count", "12", "tin, bài", "year"],
        [str(reach_id), "I", "reach", "500", "người bệnh", "q1"],
        [str(rate_id), "I", "rate", "50%", "%", "year"],
    ]
    status, out, _ = call(capsys, "targets", "--db", path, "--plan", plan_id, "--json")
    rows = json.loads(out)
    assert [(r["id"], r["kind"], r["value"], r["unit"], r["period"]) for r in rows] == [
        (count_id, "count", 12, "tin, bài", "year"),
        (reach_id, "reach", 500, "người bệnh", "q1"),
        (rate_id, "rate", 50.0, "%", "year"),
    ]


def test_target_result_records_and_refuses_saying_what(planned, capsys):
    path, plan_id, (count_id, _, rate_id) = planned
    status, out, _ = call(
        capsys,
        "target-result",
        "--db",
        path,
        "--plan",
        plan_id,
        "--target",
        rate_id,
        "--period",
        "q1",
        "--value",
        "247/250",
    )
    assert status == 0 and out.strip() == f"Đã ghi chỉ tiêu {rate_id}, kỳ q1 năm 2025: 98,8% (247/250)"
    for target, value, said in (
        (count_id, "3", "chỉ tiêu số lượng: kết quả được đếm từ sổ hoạt động"),
        (rate_id, "120", "Tỷ lệ “120” không đọc được"),
        (999, "1", f"Kế hoạch mã {plan_id} không có chỉ tiêu mã 999"),
    ):
        status, out, err = call(
            capsys,
            "target-result",
            "--db",
            path,
            "--plan",
            plan_id,
            "--target",
            target,
            "--period",
            "q1",
            "--value",
            value,
        )
        assert status != 0 and said in err and "chưa ghi gì vào dữ liệu" in err and out == ""
    conn = db.open_db(path)
    assert len(target_results.results_of_plan(conn, plan_id)) == 1  # only the first
    conn.close()


def _record(capsys, path, plan_id, rate_id):
    for period, value, note in (("q1", "30", ""), ("year", "45", fx.NOTE)):
        assert (
            call(
                capsys,
                "target-result",
                "--db",
                path,
                "--plan",
                plan_id,
                "--target",
                rate_id,
                "--period",
                period,
                "--value",
                value,
                "--note",
                note,
            )[0]
            == 0
        )


@pytest.mark.slow
def test_render_q1_year_and_an_empty_quarter(planned, capsys, tmp_path):
    from desktop.nd30 import check_docx

    path, plan_id, (_, _, rate_id) = planned
    _record(capsys, path, plan_id, rate_id)
    texts = {}
    for period in ("q1", "year", "q3"):
        out = tmp_path / f"bc_{period}.docx"
        status, _, err = call(capsys, "render", "report", "--db", path, "--period", period, "--out", out)
        assert status == 0, err
        assert check_docx(out) == []
        texts[period] = _body(out)
    q1, year, q3 = texts["q1"], texts["year"], texts["q3"]
    assert "So với Kế hoạch: chỉ tiêu năm 12 tin, bài, thực hiện 02 tin, bài, đạt 16,7% chỉ tiêu năm." in q1
    assert "So với Kế hoạch: chỉ tiêu quý I 500 người bệnh, thực hiện 520 người bệnh (104%): ĐẠT." in q1
    assert "tỷ lệ người bệnh đăng ký qua VNeID 30% (chỉ tiêu năm 50%)." in q1
    assert "chưa đạt" not in q1.lower()
    assert "chỉ tiêu 12 tin, bài, thực hiện 10 tin, bài (83,3%): CHƯA ĐẠT." in year
    assert "chỉ tiêu quý I 500 người bệnh, thực hiện 520 người bệnh (104%): ĐẠT." in year
    assert f"tỷ lệ người bệnh đăng ký qua VNeID 45% (chỉ tiêu 50%): CHƯA ĐẠT ({fx.NOTE})." in year
    assert "So với Kế hoạch" not in q3 and "ĐẠT" not in q3
    assert (
        "Kế hoạch số 07/KH-BVP ngày 10/01/2025 của Bệnh viện Phổi Lâm Đồng về truyền thông phòng, chống bệnh lao"
        " quý I năm 2025" in q1
    )


def test_the_q1_report_is_schema_valid(planned, capsys, tmp_path):
    from tests.docgen.test_schema import schema_errors

    path, plan_id, (_, _, rate_id) = planned
    _record(capsys, path, plan_id, rate_id)
    out = tmp_path / "q1.docx"
    assert call(capsys, "render", "report", "--db", path, "--period", "q1", "--out", out)[0] == 0
    assert schema_errors(out) == []
