"""Targets of three kinds and their recorded values in the store (migration 0010, issue 24)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from desktop.domain.models import Activity, Target, TargetResult
from desktop.store import activities, db, plans, target_results
from tests import targets_plan as fx


def test_a_version_9_database_keeps_its_targets_as_year_counts(tmp_path):
    path = tmp_path / "cu.db"
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    db.migrate(conn, path, upto=9)
    conn.executescript("""
        INSERT INTO unit (id, name, abbr, place) VALUES (1, 'Bệnh viện A', 'BVA', 'Hà Nội');
        INSERT INTO plans (id, title, doc_year, period_start, period_end)
             VALUES (1, 'truyền thông 2025', 2025, '2025-01-01', '2025-12-31');
        INSERT INTO plan_items (id, plan_id, position, kind, text, is_task) VALUES (10, 1, 0, 'section', 'Tin bài', 1);
        INSERT INTO item_targets (id, item_id, form_code, quantity, unit_label) VALUES (5, 10, 'tin_bai', 12, '');
        INSERT INTO activities (id, start_date, task_id, form_code, title, plan_id)
             VALUES (1, '2025-03-05', 10, 'tin_bai', 'Bài', 1);
    """)
    conn.close()
    conn = db.open_db(path)
    [task] = plans.load_plan(conn, 1).tasks()
    assert task.targets == [Target(12, "tin_bai", kind="count", period="year", group="", percent=0.0)]
    assert task.targets[0].id == 5
    assert activities.load_activities(conn)[0].reach == {}
    conn.close()


def test_kinds_round_trip_and_a_kept_target_keeps_its_results(tmp_path):
    p, (count_id, reach_id, rate_id) = fx.make_db(tmp_path / "d.db")
    conn = db.open_db(tmp_path / "d.db")
    loaded = plans.load_plan(conn, p.id)
    assert [t for task in loaded.tasks() for t in task.targets] == [
        t for task in fx.plan().tasks() for t in task.targets
    ]
    with db.transaction(conn):
        target_results.save_result(conn, TargetResult(rate_id, "q1", 2025, 98.8, 247, 250, "  ghi chú "))
        target_results.save_result(conn, TargetResult(reach_id, "q1", 2025, 600))
    vneid = loaded.tasks()[2]
    with db.transaction(conn):  # the rate raised to 60%: same target, its results stay
        plans.set_item_details(conn, vneid.id, [], [replace(vneid.targets[0], percent=60.0)])
    got = target_results.results_of_plan(conn, p.id)
    assert got[(rate_id, "q1", 2025)] == TargetResult(rate_id, "q1", 2025, 98.8, 247, 250, "ghi chú")
    assert plans.load_plan(conn, p.id).tasks()[2].targets[0].percent == 60.0
    talks = loaded.tasks()[1]
    with db.transaction(conn):  # the reach target removed: its results go with it
        plans.set_item_details(conn, talks.id, [], [])
    assert set(target_results.results_of_plan(conn, p.id)) == {(rate_id, "q1", 2025)}
    assert target_results.target_plan(conn, rate_id) == p.id and target_results.target_plan(conn, reach_id) is None
    acts = activities.load_activities(conn)
    assert [a.reach for a in acts if a.reach] == [{"người bệnh": 320, "người nhà": 150}, {"người bệnh": 200}]
    conn.close()


def test_reach_columns_hold_each_group(tmp_path):
    conn = db.open_db(tmp_path / "r.db", create_missing=True)
    reach = {"người bệnh": 1, "người nhà": 2, "nhân viên y tế": 3, "cộng đồng": 4}
    from datetime import date

    with db.transaction(conn):
        activities.insert_activities(conn, [Activity(date(2025, 1, 2), None, "khac", "Việc", reach=reach)])
    assert activities.load_activities(conn)[0].reach == reach
    conn.close()
