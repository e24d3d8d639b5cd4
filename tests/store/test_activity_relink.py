"""Putting activities back under a task (the window's undo of deleting a task)."""

from desktop.store import activities, db, plans


def test_ids_for_tasks_and_set_task_restore_the_link(demo_copy):
    conn = db.open_db(demo_copy)
    plan = plans.load_plan(conn, plans.latest_plan_id(conn))
    task = next(t for t in plan.tasks() if activities.count_for_task(conn, t.id))
    linked = activities.ids_for_tasks(conn, [task.id, 999_999])
    assert list(linked) == [task.id] and len(linked[task.id]) == activities.count_for_task(conn, task.id)
    with db.transaction(conn):
        activities.set_task(conn, linked[task.id], None)
    assert activities.count_for_task(conn, task.id) == 0
    with db.transaction(conn):
        activities.set_task(conn, linked[task.id], task.id)
    assert activities.ids_for_tasks(conn, [task.id]) == linked
    assert {a.plan_id for a in activities.load_activities(conn) if a.id in linked[task.id]} == {plan.id}
    conn.close()
