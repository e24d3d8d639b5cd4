"""Numbers on the command line out of any sensible range (issue 25, point 8): a year 0 or 10000, a plan id
of 23 digits. Each is one Vietnamese line naming the option and the range, never "Lỗi không mong đợi",
and the database is unchanged."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop import cli

HUGE = "99999999999999999999999"


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def refused(capsys, argv: list[str]) -> str:
    assert cli.main(argv) != 0
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in err and "không mong đợi" not in err, err
    return lines[0]


@pytest.mark.parametrize("year", ["0", "10000", "1999", "2101"])
def test_plan_copy_to_a_year_out_of_range(demo_copy, capsys, year):
    before = digest(demo_copy)
    msg = refused(capsys, ["plan-copy", "--db", str(demo_copy), "--plan", "1", "--year", year])
    assert "--year" in msg and f"“{year}”" in msg and "2000" in msg and "2100" in msg, msg
    assert digest(demo_copy) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["plan-copy", "--plan", HUGE, "--year", "2026"],
        ["render", "report", "--out", "{tmp}/bc.docx", "--plan", HUGE],
        ["render", "plan", "--out", "{tmp}/kh.docx", "--plan", HUGE],
        ["export", "--out", "{tmp}/hd.xlsx", "--plan", HUGE],
        ["xlsx-template", "--out", "{tmp}/mau.xlsx", "--plan", HUGE],
        ["evidence-zip", "--out", "{tmp}/hs.zip", "--plan", HUGE],
        ["import", "--plan", HUGE, "{tmp}/khong_co.xlsx"],
    ],
    ids=lambda a: a[0] + (f" {a[1]}" if a[0] == "render" else ""),
)
def test_a_plan_id_no_plan_can_have(demo_copy, tmp_path, capsys, argv):
    before = digest(demo_copy)
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    msg = refused(capsys, [*argv, "--db", str(demo_copy)])
    assert "--plan" in msg and HUGE in msg, msg
    assert digest(demo_copy) == before


@pytest.mark.parametrize("year", ["0", "10000"])
def test_plan_import_into_a_year_out_of_range(demo_copy, tmp_path, capsys, year):
    src = tmp_path / "kh.txt"
    src.write_text(
        "SỞ Y TẾ TỈNH LÂM ĐỒNG\nKẾ HOẠCH\nTruyền thông giáo dục sức khỏe năm 2026\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức của người dân.\n"
        "II. NỘI DUNG\n1. Tổ chức tập huấn\n- Tập huấn cho cán bộ y tế cơ sở.\n",
        encoding="utf-8",
    )
    before = digest(demo_copy)
    msg = refused(capsys, ["plan-import", "--db", str(demo_copy), str(src), "--year", year])
    assert "--year" in msg and f"“{year}”" in msg, msg
    assert digest(demo_copy) == before


@pytest.mark.parametrize("year", [0, 10000])
def test_the_service_refuses_a_year_out_of_range_too(demo_copy, year):
    from desktop import app
    from desktop.domain.errors import UserError
    from desktop.store import db

    conn = db.open_db(demo_copy)
    try:
        with pytest.raises(UserError, match=f"năm {year}.*2000.*2100"):
            app.copy_plan_to_year(conn, 1, year)
    finally:
        conn.close()


def test_demo_of_a_huge_number_of_activities_is_refused_at_once(tmp_path, capsys):
    """It used to run without end; nothing is created."""
    target = tmp_path / "mau.db"
    msg = refused(capsys, ["demo", "--db", str(target), "--activities", HUGE])
    assert "100.000" in msg and "99.999.999" in msg and "chưa tạo tệp nào" in msg, msg
    assert list(tmp_path.iterdir()) == []
