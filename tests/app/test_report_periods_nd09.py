"""Issue 24 point 4: a month's report, the NĐ 09/2019 cut-off (the command's --cutoff, else the plan's own
setting, taken from the superior's text when it names it), and a period outside the plan refused."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from docx import Document

from desktop import app, cli
from desktop.store import db, plans, units

DEMO_PLAN_PERIOD = "(từ ngày 01/01/2025 đến ngày 31/12/2025)"


def _title(docx) -> str:
    paras = [p.text for p in Document(docx).paragraphs if p.text.strip()]
    return paras[paras.index("BÁO CÁO") + 1]


def _overview(docx) -> str:
    return next(p.text for p in Document(docx).paragraphs if p.text.startswith("Trong kỳ báo cáo"))


def test_year_with_the_nd09_cutoff_covers_15_12_to_14_12(demo_copy, tmp_path, capsys):
    out = tmp_path / "nam.docx"
    args = ["render", "report", "--db", str(demo_copy), "--out", str(out), "--period", "year", "--cutoff", "nd09"]
    assert cli.main(args) == 0
    assert "(từ ngày 15/12/2024 đến ngày 14/12/2025)" in _overview(out)
    assert _title(out).endswith("năm 2025")
    conn = db.open_db(demo_copy)
    _, _, _, compiled, _ = app.compile_for(conn, None, date(2024, 12, 15), date(2025, 12, 14))
    assert all(date(2024, 12, 15) <= a.start <= date(2025, 12, 14) for a in compiled.activities)
    assert not any(a.start > date(2025, 12, 14) for a in compiled.activities)


@pytest.mark.parametrize(
    "period, cutoff, dates, phrase",
    [
        ("m1", "calendar", "(từ ngày 01/01/2025 đến ngày 31/01/2025)", "tháng 1 năm 2025"),
        ("m12", "calendar", "(từ ngày 01/12/2025 đến ngày 31/12/2025)", "tháng 12 năm 2025"),
        ("m1", "nd09", "(từ ngày 15/12/2024 đến ngày 14/01/2025)", "tháng 1 năm 2025"),
        ("m12", "nd09", "(từ ngày 15/11/2025 đến ngày 14/12/2025)", "tháng 12 năm 2025"),
        ("q1", "nd09", "(từ ngày 15/12/2024 đến ngày 14/3/2025)", "quý I năm 2025"),
    ],
)
def test_a_months_report(demo_copy, tmp_path, period, cutoff, dates, phrase):
    out = tmp_path / f"{period}.docx"
    args = ["render", "report", "--db", str(demo_copy), "--out", str(out), "--period", period, "--cutoff", cutoff]
    assert cli.main(args) == 0
    assert dates in _overview(out)
    assert _title(out).endswith(phrase)


def test_the_plans_own_cutoff_is_the_default(demo_copy, tmp_path):
    conn = db.open_db(demo_copy)
    pid = plans.latest_plan_id(conn)
    assert plans.load_plan(conn, pid).cutoff == "calendar"
    app.set_cutoff(conn, pid, "nd09")
    assert plans.load_plan(conn, pid).cutoff == "nd09"
    assert app.period_of_plan(conn, pid, "h1") == (date(2024, 12, 15), date(2025, 6, 14))
    assert app.period_of_plan(conn, pid, "h1", "calendar") == (date(2025, 1, 1), date(2025, 6, 30))
    conn.close()
    out = tmp_path / "h1.docx"
    assert cli.main(["render", "report", "--db", str(demo_copy), "--out", str(out), "--period", "h1"]) == 0
    assert "(từ ngày 15/12/2024 đến ngày 14/6/2025)" in _overview(out)


def test_a_period_outside_the_plan_is_refused_naming_both(demo_copy, tmp_path, capsys):
    out = tmp_path / "q1-2026.docx"
    args = ["render", "report", "--db", str(demo_copy), "--out", str(out), "--from", "2026-01-01", "--to", "2026-03-31"]
    assert cli.main(args) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Kỳ báo cáo quý I năm 2026 (từ ngày 01/01/2026 đến ngày 31/3/2026) nằm ngoài thời gian của")
    assert "Kế hoạch số 05/KH-BVPBT" in err and DEMO_PLAN_PERIOD in err and "Chưa ghi tệp nào." in err
    assert not out.exists()


def test_cutoff_without_period_is_refused(demo_copy, tmp_path, capsys):
    out = tmp_path / "x.docx"
    assert cli.main(["render", "report", "--db", str(demo_copy), "--out", str(out), "--cutoff", "nd09"]) == 1
    assert "--cutoff chỉ dùng cùng --period" in capsys.readouterr().err
    assert not out.exists()


def test_upgrade_gives_every_plan_the_calendar_cutoff(tmp_path):
    path = tmp_path / "cu.db"
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    db.migrate(conn, path, upto=8)
    conn.execute("INSERT INTO plans (id, title, doc_year) VALUES (1, 'truyền thông 2025', 2025)")
    conn.close()
    conn = db.open_db(path)
    assert plans.load_plan(conn, 1).cutoff == "calendar"
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE plans SET cutoff = 'lunar' WHERE id = 1")


SUPERIOR_ND09 = """SỞ Y TẾ TỈNH LÂM ĐỒNG
Số: 357/KH-SYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày 04 tháng 9 năm 2025
KẾ HOẠCH
Truyền thông về chuyển đổi số y tế năm 2025
Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước;
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức về chuyển đổi số.
II. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả về Sở Y tế trước ngày 15/12/2025.
"""


def test_the_superiors_text_sets_the_plans_cutoff(demo_copy, tmp_path):
    conn = db.open_db(demo_copy)
    src = tmp_path / "ke_hoach_so.txt"
    src.write_text(SUPERIOR_ND09, encoding="utf-8")
    unit = units.load_unit(conn)
    proposal = app.cascade.propose(conn, unit, src, 2025)
    assert proposal.plan.cutoff == "nd09"
    pid = app.cascade.create(conn, proposal)
    assert plans.load_plan(conn, pid).cutoff == "nd09"
    src.write_text(SUPERIOR_ND09.replace("Nghị định số 09/2019/NĐ-CP", "Nghị định số 30/2020/NĐ-CP"), encoding="utf-8")
    assert app.cascade.propose(conn, unit, src, 2025).plan.cutoff == "calendar"
