"""What the window used to take from the store itself, as services (issue 21: ui imports app and domain only):
the backups (app/backups.py), how a form is used (app.forms.uses), the activities under a plan's tasks."""

from __future__ import annotations

from datetime import date

import pytest

from desktop import app
from desktop.domain.errors import UserError


@pytest.fixture
def session(demo_copy):
    with app.Session.open(demo_copy) as s:
        yield s


def test_an_automatic_backup_rotates_the_older_ones_and_keeps_the_clerks(session):
    s = session
    mine = app.backups.by_hand(s.conn, s.path)
    made = [app.backups.automatic(s.conn, s.path, app.backups.START, keep=2) for _ in range(4)]
    kept = app.backups.list_backups(s.path)
    automatic = [b.path for b in kept if b.automatic]
    assert made[-1] in automatic and len(automatic) < len(made)  # rotated (the newest sound one stays too)
    assert mine in [b.path for b in kept]  # a backup made by hand is not rotated with them
    assert all(b.path.parent == app.backups.folder(s.path) for b in kept)
    assert not app.backups.due(s.path, date.today()) and app.backups.due(s.path, date(2000, 1, 1))


def test_a_restore_puts_back_the_backup_and_keeps_the_state_before(session):
    s = session
    n = app.activities.count(s.conn)
    backup = app.backups.by_hand(s.conn, s.path)
    app.activities.delete(s.conn, app.activities.load(s.conn)[:3])
    assert app.activities.count(s.conn) == n - 3
    before = app.backups.restore(s.conn, s.path, backup)
    assert app.activities.count(s.conn) == n
    assert app.backups.inspect(before)[1] == n - 3  # the state before the restore, kept as a backup


def test_a_backup_that_is_not_one_is_refused_and_the_data_kept(session, tmp_path):
    s = session
    junk = tmp_path / "20250101-080000-sao-luu-ngay.db"
    junk.write_bytes(b"not a database" * 100)
    n = app.activities.count(s.conn)
    with pytest.raises(UserError):
        app.backups.restore(s.conn, s.path, junk)
    assert app.activities.count(s.conn) == n


def test_how_a_form_is_used_activities_and_targets_apart(session):
    s = session
    acts = app.activities.load(s.conn)
    code = acts[0].form_code
    n_acts = sum(a.form_code == code for a in acts)
    used_acts, used_targets = app.forms.uses(s.conn, code)
    assert used_acts == n_acts
    plans = [app.plans.load_plan(s.conn, pid) for pid, _, _ in app.plans.list_plans(s.conn)]
    targets = sum(t.form_code == code for p in plans for i in _items(p.items) for t in i.targets)
    assert used_targets == targets
    new = app.add_form(s.conn, "Khám sàng lọc", "lượt", "Tổ chức")
    assert app.forms.uses(s.conn, new.code) == (0, 0)


def test_the_activities_under_a_plans_tasks(session):
    s = session
    acts = [a for a in app.activities.load(s.conn) if a.task_id is not None]
    task = acts[0].task_id
    under = app.plans.activities_under(s.conn, [task, -1])
    assert under == {task: sorted(a.id for a in acts if a.task_id == task)}


def _items(items):
    for i in items:
        yield i
        yield from _items(i.children)
