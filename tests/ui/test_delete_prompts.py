"""Prompts that delete name what and how much (issue 20, point 10): the plan by its title and year, with its
items, tasks and activities; an item of the plan with its sub-items and activities. Real clicks and keys."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.domain.vnformat import number
from desktop.store import activities, plans


def _walk(items):
    for it in items:
        yield it
        yield from _walk(it.children)


def _button(page, text):
    return next(b for b in page.findChildren(QPushButton) if b.text() == text)


def test_the_delete_plan_prompt_names_title_year_items_tasks_and_activities(window, monkeypatch):
    window.tabs.setCurrentWidget(window.plan_page)
    page = window.plan_page
    plan = plans.load_plan(window.conn, page.current_plan_id())
    items = list(_walk(plan.items))
    tasks = [i for i in items if i.is_task]
    acts = activities.count_for_plan(window.conn, plan.id)
    assert tasks and acts
    asked = []
    monkeypatch.setattr("desktop.ui.pages.plan_page.ask", lambda parent, text: asked.append(text) or False)
    QTest.mouseClick(_button(page, "Xóa kế hoạch"), Qt.LeftButton)
    assert len(asked) == 1
    text = asked[0]
    assert plan.title[:60] in text and f"năm {plan.doc_date.year}" in text
    assert f"{number(len(items))} mục" in text and f"{number(len(tasks))} nhiệm vụ" in text
    assert f"{number(acts)} hoạt động" in text
    assert "không hoàn tác" in text
    assert plans.load_plan(window.conn, plan.id).title == plan.title  # answered No: nothing deleted


def test_the_delete_item_prompt_names_the_item_its_sub_items_and_activities(window, monkeypatch):
    window.tabs.setCurrentWidget(window.plan_page)
    page = window.plan_page
    plan = plans.load_plan(window.conn, page.current_plan_id())
    under = activities.ids_for_tasks

    def acts_under(it):
        return sum(len(v) for v in under(window.conn, [x.id for x in _walk([it])]).values())

    # an item with sub-items, some of them tasks with activities under them
    item = next(i for i in _walk(plan.items) if i.children and acts_under(i))
    subs = len(list(_walk(item.children)))
    asked = []
    monkeypatch.setattr("desktop.ui.pages.plan_items.ask", lambda parent, text: asked.append(text) or False)
    page.select_item(item.id)
    page.tree.setFocus()
    QTest.keyClick(page.tree, Qt.Key_Delete)
    QApplication.processEvents()
    assert len(asked) == 1
    text = asked[0]
    assert item.text[:40] in text
    assert f"{number(subs)} mục con" in text and f"{number(acts_under(item))} hoạt động" in text
    assert any(i.id == item.id for i in _walk(plans.load_plan(window.conn, plan.id).items))  # No: kept
