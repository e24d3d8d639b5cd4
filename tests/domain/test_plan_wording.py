"""A task's details read as a sentence of the task (a paragraph under it), not as one more bullet."""

from desktop.domain.plan_text import plan_blocks
from desktop.store import db, plans, units


def test_task_details_are_a_paragraph_of_the_task(demo_db):
    conn = db.open_db(demo_db)
    plan, unit = plans.load_plan(conn, plans.latest_plan_id(conn)), units.load_unit(conn)
    conn.close()
    blocks = plan_blocks(plan, unit)
    details = [b for b in blocks if b.text.startswith(("Đơn vị chủ trì:", "Đơn vị phối hợp:", "Chủ trì:"))]
    assert details and all(b.kind == "text" for b in details)
    assert details[0].text.endswith(".") and "; chỉ tiêu: " in details[0].text
