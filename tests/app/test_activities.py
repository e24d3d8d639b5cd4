"""The ledger's writes as services (app.activities, issue 21): each one transaction, the plan of a task's
activity decided by the store, evidence set aside on delete and brought back on restore."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date

import pytest

from desktop import app
from desktop.domain.errors import UserError
from desktop.domain.models import Activity
from desktop.store import activities as rows
from desktop.store import db, plans


@pytest.fixture
def conn(demo_copy):
    c = db.open_db(demo_copy)
    yield c
    c.close()


@pytest.fixture
def two_plans(conn):
    """The demo's plan (1) and its copy for 2026 (its tasks have other ids)."""
    new = app.copy_plan_to_year(conn, 1, 2026)
    return plans.load_plan(conn, 1), plans.load_plan(conn, new)


def _new(**kw) -> Activity:
    fields = dict(start=date(2025, 5, 6), dept_id=1, form_code="tin_bai", title="Bài viết về phòng lao", plan_id=1)
    return Activity(**{**fields, **kw})


def test_add_returns_the_activities_as_stored_under_their_tasks_plan(conn, two_plans):
    old, new = two_plans
    task = new.tasks()[0]
    [a, b] = app.activities.add(conn, [_new(task_id=task.id, plan_id=old.id), _new(title="Không nhiệm vụ")])
    assert a.id and b.id and a.id != b.id
    assert (a.plan_id, a.task_id, a.plan_guessed) == (new.id, task.id, False)  # the task's plan, not the one given
    assert b.plan_id == old.id and b.task_id is None
    assert rows.activities_by_id(conn, [a.id, b.id]) == [a, b]


def test_add_is_one_transaction(conn, monkeypatch):
    before = rows.count_activities(conn)
    real, calls = rows.insert_activities, []

    def second_fails(c, acts):
        calls.append(acts)
        if len(calls) == 2:
            raise sqlite3.OperationalError("database or disk is full")
        real(c, acts)

    monkeypatch.setattr(rows, "insert_activities", second_fails)
    with pytest.raises(UserError) as e:
        app.activities.add(conn, [_new(), _new(title="Thứ hai")])
    assert "Dữ liệu không thay đổi" in str(e.value)
    assert rows.count_activities(conn) == before  # the first is not left behind


def test_edit_moves_an_activity_with_its_task_and_undo_puts_it_back(conn, two_plans):
    old, new = two_plans
    a = rows.load_activities(conn, plan_id=old.id)[0]
    task = new.tasks()[1]
    [edited] = app.activities.edit(conn, [dataclasses.replace(a, task_id=task.id, title="Đã sửa")])
    assert (edited.plan_id, edited.task_id, edited.title) == (new.id, task.id, "Đã sửa")
    assert app.activities.edit(conn, [a]) == [a]  # the undo saves the former one: plan and task back


def test_move_to_plan_keeps_only_a_task_of_that_plan(conn, two_plans):
    old, new = two_plans
    a, b = rows.load_activities(conn, plan_id=old.id)[:2]
    b = app.activities.edit(conn, [dataclasses.replace(b, task_id=None, plan_guessed=True)])[0]
    moved = app.activities.move_to_plan(conn, [a, b], new.id)
    assert [(m.plan_id, m.task_id, m.plan_guessed) for m in moved] == [(new.id, None, False), (new.id, None, False)]
    back = app.activities.move_to_plan(conn, [dataclasses.replace(moved[0], task_id=a.task_id)], old.id)
    assert (back[0].plan_id, back[0].task_id) == (old.id, a.task_id)  # a task of the plan moved to: kept


def test_confirm_guessed(conn):
    a = rows.load_activities(conn, plan_id=1)[0]
    guessed = app.activities.edit(conn, [dataclasses.replace(a, task_id=None, plan_guessed=True)])[0]
    assert guessed.plan_guessed and rows.guessed_for_plan(conn, 1) == 1
    [ok] = app.activities.confirm_guessed(conn, [guessed])
    assert not ok.plan_guessed and ok.plan_id == 1 and rows.guessed_for_plan(conn, 1) == 0


def test_delete_sets_the_evidence_aside_and_restore_brings_it_back(conn, tmp_path):
    a = rows.load_activities(conn, plan_id=1)[0]
    src = tmp_path / "bien_ban.pdf"
    src.write_bytes(b"%PDF-1.4 minh chung")
    [f] = app.evidence.attach(conn, a.id, [src])
    stored = app.evidence.path_of(conn, f)
    assert stored.is_file()

    deleted = app.activities.delete(conn, [a])
    assert rows.activities_by_id(conn, [a.id]) == []
    assert not stored.exists() and app.evidence.counts(conn).get(a.id, 0) == 0
    assert deleted.files(a.id) == 1

    assert app.activities.restore(conn, deleted) == [a]  # the same id, the same fields
    assert stored.read_bytes() == b"%PDF-1.4 minh chung"
    assert [x.id for x in app.evidence.list_files(conn, a.id)] == [f.id]


def test_a_copy_is_a_new_activity(conn):
    a = rows.load_activities(conn, plan_id=1)[0]
    [copy] = app.activities.add(conn, [a])
    assert copy.id != a.id and dataclasses.replace(copy, id=a.id) == a
