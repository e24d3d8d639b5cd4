"""The office year: next year's plan from this one, any reporting period, last year's figures."""

from datetime import date

import pytest

from desktop import app, cli
from desktop.domain.models import Activity, Department, PartialDate, Plan, PlanItem, Signer, Target, Unit
from desktop.domain.report import report_title
from desktop.store import activities, db, plans, units


def test_plan_copy_keeps_structure_moves_years_carries_no_activity(demo_copy, capsys):
    assert cli.main(["plan-copy", "--db", str(demo_copy), "--plan", "1", "--year", "2026"]) == 0
    new_id = int(capsys.readouterr().out.splitlines()[-1])
    conn = db.open_db(demo_copy)
    old, new = plans.load_plan(conn, 1), plans.load_plan(conn, new_id)

    def shape(p):
        return [
            (
                it.kind,
                it.is_task,
                it.lead_dept_id,
                sorted(it.coord_dept_ids),
                [(t.quantity, t.form_code) for t in it.targets],
            )
            for it, _ in p.walk()
        ]

    assert shape(new) == shape(old)
    assert new.number is None and new.superior is None and new.copied_from == 1
    assert (new.period_start, new.period_end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert "năm 2026" in new.title and "năm 2025" not in new.title
    assert "ngày 22/12/2024" in new.title  # a cited document's date is not moved
    assert activities.count_for_plan(conn, new_id) == 0 and activities.count_for_plan(conn, 1) == 150


@pytest.mark.parametrize(
    "period, start, end, phrase",
    [
        ("year", date(2025, 1, 1), date(2025, 12, 31), "năm 2025"),
        ("h1", date(2025, 1, 1), date(2025, 6, 30), "6 tháng đầu năm 2025"),
        ("9m", date(2025, 1, 1), date(2025, 9, 30), "9 tháng đầu năm 2025"),
        ("q1", date(2025, 1, 1), date(2025, 3, 31), "quý I năm 2025"),
        ("q2", date(2025, 4, 1), date(2025, 6, 30), "quý II năm 2025"),
        ("q3", date(2025, 7, 1), date(2025, 9, 30), "quý III năm 2025"),
        ("q4", date(2025, 10, 1), date(2025, 12, 31), "quý IV năm 2025"),
    ],
)
def test_each_period_has_its_title_and_its_figures(demo_db, period, start, end, phrase):
    conn = db.open_db(demo_db)
    assert app.period_of_plan(conn, 1, period) == (start, end)
    plan, unit, _, compiled, sections = app.compile_for(conn, 1, start, end)
    # counted by hand from the ledger: the plan's activities that start within the period
    mine = [a for a in activities.load_activities(conn, plan_id=1) if start <= a.start <= end]
    assert compiled.total == len(mine)
    assert compiled.cost == sum(a.cost for a in mine)
    assert report_title(plan, unit, compiled).endswith(phrase)
    assert {s.key: s.text for s in sections}["ket_thuc"].endswith(f"{phrase}./.")
    conn.close()


def test_render_report_period_on_the_command_line(demo_copy, tmp_path, capsys):
    out = tmp_path / "q3.docx"
    assert cli.main(["render", "report", "--db", str(demo_copy), "--period", "q3", "--out", str(out)]) == 0
    assert out.is_file()
    assert (
        cli.main(
            [
                "render",
                "report",
                "--db",
                str(demo_copy),
                "--period",
                "q3",
                "--from",
                "2025-01-01",
                "--to",
                "2025-02-01",
                "--out",
                str(out),
            ]
        )
        == 1
    )
    assert "không dùng cả hai" in capsys.readouterr().err


def _two_year_ledger(tmp_path):
    """A hand-made ledger: 2025 — 4 tin, bài and 2 hội nghị; 2026 (the copied plan) — 6 tin, bài,
    1 hội nghị, 1 tờ rơi; and one 2025 activity after 30/6, outside the half-year compared."""
    conn = db.create(tmp_path / "hai_nam.db")
    task = PlanItem("section", "Truyền thông năm 2025", is_task=True, targets=[Target(10, "tin_bai")])
    with db.transaction(conn):
        units.save_unit(
            conn,
            Unit(
                "Bệnh viện A",
                "BVA",
                "Hà Nội",
                "Sở Y tế thành phố Hà Nội",
                departments=[Department("Khoa Lao", "LAO")],
                signers=[Signer("GIÁM ĐỐC", "Nguyễn Văn A")],
            ),
        )
        p25 = plans.insert_plan(
            conn,
            Plan(
                "truyền thông năm 2025",
                PartialDate(2025, 1, 5),
                items=[task],
                period_start=date(2025, 1, 1),
                period_end=date(2025, 12, 31),
            ),
        )
    p26 = app.copy_plan_to_year(conn, p25, 2026, date(2025, 12, 20))
    t26 = plans.load_plan(conn, p26).tasks()[0].id

    def acts(year, tid, pid, forms):
        return [
            Activity(date(year, 2, 1 + i), None, f, f"Hoạt động {year} {i}", task_id=tid, plan_id=pid)
            for i, f in enumerate(forms)
        ]

    with db.transaction(conn):
        activities.insert_activities(conn, acts(2025, task.id, p25, ["tin_bai"] * 4 + ["hoi_nghi"] * 2))
        activities.insert_activities(conn, [Activity(date(2025, 8, 1), None, "tin_bai", "Sau kỳ", plan_id=p25)])
        activities.insert_activities(conn, acts(2026, t26, p26, ["tin_bai"] * 6 + ["hoi_nghi", "to_roi"]))
    return conn, p25, p26


def test_comparison_with_the_same_period_last_year(tmp_path):
    conn, p25, p26 = _two_year_ledger(tmp_path)
    *_, compiled, sections = app.compile_for(conn, p26, date(2026, 1, 1), date(2026, 6, 30))
    texts = {s.key: s.text for s in sections}
    assert compiled.total == 8
    assert "So với cùng kỳ năm 2025, số hoạt động tăng 33,3% (từ 6 lên 8 hoạt động)." in texts["ket_qua"]
    assert texts["so_sanh"] == (
        "So với cùng kỳ năm 2025: Tin, bài trên Trang TTĐT: tăng 50% (từ 4 lên 6 hoạt "
        "động); Hội nghị, hội thảo: giảm 50% (từ 2 xuống 1 hoạt động); Tờ rơi: tăng từ 0 lên "
        "1 hoạt động."
    )
    # the first year has nothing to compare with
    *_, sections = app.compile_for(conn, p25, date(2025, 1, 1), date(2025, 6, 30))
    assert "so_sanh" not in {s.key for s in sections}
    conn.close()


def test_plan_copy_to_a_year_that_already_has_that_plan_is_refused(demo_copy, capsys):
    """Twice the same copy, or a copy into the plan's own year: refused with the plan already there named,
    nothing written; --force makes the second copy on purpose."""
    assert cli.main(["plan-copy", "--db", str(demo_copy), "--plan", "1", "--year", "2026"]) == 0
    first = int(capsys.readouterr().out.splitlines()[-1])
    conn = db.open_db(demo_copy)
    before = plans.list_plans(conn)
    conn.close()
    for year in ("2026", "2025"):
        assert cli.main(["plan-copy", "--db", str(demo_copy), "--plan", "1", "--year", year]) == 1
        out = capsys.readouterr()
        assert out.out == "" and len(out.err.strip().splitlines()) == 1, out
        assert f"Năm {year} đã có kế hoạch" in out.err and "--force" in out.err and "không thay đổi" in out.err
    assert f"mã số {first}" not in out.err and "mã số 1" in out.err  # 2025: the plan itself
    conn = db.open_db(demo_copy)
    assert plans.list_plans(conn) == before
    conn.close()
    assert cli.main(["plan-copy", "--db", str(demo_copy), "--plan", "1", "--year", "2026", "--force"]) == 0
    conn = db.open_db(demo_copy)
    assert len(plans.list_plans(conn)) == len(before) + 1
    conn.close()


def test_next_years_plan_written_this_year_is_listed_and_picked_under_its_own_year(demo_copy):
    """A 2026 plan copied in December 2025 is dated 2025 but is the plan for 2026: the plan list shows 2026
    and it is the latest plan (the walk-through found it listed as a second plan of the old year)."""
    conn = db.open_db(demo_copy)
    old = plans.latest_plan_id(conn)
    year = plans.load_plan(conn, old).period_start.year
    new = app.copy_plan_to_year(conn, old, year + 1, date(year, 12, 20))
    assert plans.load_plan(conn, new).doc_date.year == year  # written this year …
    listed = {pid: y for pid, _, y in plans.list_plans(conn)}
    assert listed[new] == year + 1 and listed[old] == year  # … listed under the year it is for
    assert plans.list_plans(conn)[0][0] == new and plans.latest_plan_id(conn) == new
