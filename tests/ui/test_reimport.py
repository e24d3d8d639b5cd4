"""Importing the same superior plan twice asks first (issue 20, point 10)."""

from pathlib import Path

from PySide6.QtTest import QTest

from desktop.store import plans
from desktop.ui.dialogs.cascade_dialog import CascadeDialog

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def seed(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return str(path)


def test_a_second_import_of_the_same_superior_plan_is_asked_first(window, monkeypatch):
    monkeypatch.setattr(CascadeDialog, "exec", lambda self: self.accept() or self.result())
    asked = []
    monkeypatch.setattr("desktop.ui.dialogs.cascade_dialog.ask", lambda parent, text: asked.append(text) or False)
    first = window.import_superior(seed("002"))
    assert first is not None and asked == []  # nothing like it yet: no question
    count = len(plans.list_plans(window.conn))
    assert window.import_superior(seed("002")) is None
    assert len(plans.list_plans(window.conn)) == count  # the clerk said no: nothing created
    title = plans.load_plan(window.conn, first).title
    assert len(asked) == 1 and title[:40] in asked[0] and "Đã có" in asked[0]
    assert "chưa tạo" in asked[0].lower() or "Tạo thêm" in asked[0]
    monkeypatch.setattr("desktop.ui.dialogs.cascade_dialog.ask", lambda parent, text: asked.append(text) or True)
    assert window.import_superior(seed("002")) is not None  # asked again, and this time yes
    assert len(plans.list_plans(window.conn)) == count + 1


def test_another_superior_plan_is_not_asked_about(window, monkeypatch):
    monkeypatch.setattr(CascadeDialog, "exec", lambda self: self.accept() or self.result())
    asked = []
    monkeypatch.setattr("desktop.ui.dialogs.cascade_dialog.ask", lambda parent, text: asked.append(text) or False)
    assert window.import_superior(seed("002")) is not None
    assert window.import_superior(seed("000")) is not None
    assert asked == []


def test_a_superior_read_without_number_or_date_is_matched_by_issuer_and_summary(window, monkeypatch):
    def typed_year_then_accept(self):  # seed 003 gives no year: the clerk types it (issue 22, point 6)
        QTest.keyClicks(self.year, "2025")
        self.accept()
        return self.result()

    monkeypatch.setattr(CascadeDialog, "exec", typed_year_then_accept)
    asked = []
    monkeypatch.setattr("desktop.ui.dialogs.cascade_dialog.ask", lambda parent, text: asked.append(text) or False)
    assert window.import_superior(seed("003")) is not None and asked == []
    assert window.import_superior(seed("003")) is None and len(asked) == 1


def test_the_demo_plan_is_found_as_made_from_its_superior(window, monkeypatch):
    asked = []
    monkeypatch.setattr("desktop.ui.dialogs.cascade_dialog.ask", lambda parent, text: asked.append(text) or False)
    monkeypatch.setattr(CascadeDialog, "exec", lambda self: self.accept() or self.result())
    before = len(plans.list_plans(window.conn))
    assert window.import_superior(seed("001")) is None and len(plans.list_plans(window.conn)) == before
    assert "357/KH-SYT" in asked[0] and "năm 2025" in asked[0]
