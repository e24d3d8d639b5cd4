"""The plan's item changes as services (app.plans, issue 21): an item deleted and put back with everything
under it and the activities of its tasks, in one transaction; moved in one transaction."""

from __future__ import annotations

import pytest

from desktop import app
from desktop.store import activities as rows
from desktop.store import db, plans


@pytest.fixture
def conn(demo_copy):
    c = db.open_db(demo_copy)
    yield c
    c.close()


def _task_with_activities(conn):
    plan = plans.load_plan(conn, 1)
    for t in plan.tasks():
        ids = rows.ids_for_tasks(conn, [t.id]).get(t.id)
        if ids:
            return plan, t, ids
    raise AssertionError("the demo has activities under its tasks")


def test_a_deleted_task_comes_back_with_its_activities(conn):
    plan, task, ids = _task_with_activities(conn)
    copy = app.plans.item_copy(conn, task)
    assert copy.activity_ids == ids and copy.old_id == task.id
    parent_id = conn.execute("SELECT parent_id FROM plan_items WHERE id = ?", (task.id,)).fetchone()[0]
    app.delete_item(conn, task.id)
    assert all(a.task_id is None for a in rows.activities_by_id(conn, ids))

    ids_now = app.plans.recreate_item(conn, plan.id, copy, parent_id, 0)
    new_id = ids_now[task.id]
    back = plans.load_plan(conn, plan.id)
    again = next(t for t in back.tasks() if t.id == new_id)
    assert (again.text, again.targets, again.lead_dept_id) == (task.text, task.targets, task.lead_dept_id)
    assert {a.task_id for a in rows.activities_by_id(conn, ids)} == {new_id}


def test_move_item_is_one_write(conn):
    plan = plans.load_plan(conn, 1)
    first, second = plan.items[0], plan.items[1]
    app.plans.move_item(conn, second.id, None, 0)
    assert [it.id for it in plans.load_plan(conn, 1).items[:2]] == [second.id, first.id]
