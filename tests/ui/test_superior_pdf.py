"""The window's "Nhập kế hoạch của cấp trên…" offers PDF files and imports one (issue 22, point 1)."""

from PySide6.QtWidgets import QFileDialog

from desktop.store import plans
from desktop.ui.dialogs.cascade_dialog import CascadeDialog
from tests.docgen.test_read_pdf import needs_font, plan_pdf
from tests.ui.test_superior_menu import click_menu_item


@needs_font
def test_the_file_menu_imports_a_superior_plan_from_pdf(window, monkeypatch, tmp_path):
    path = plan_pdf(tmp_path / "ke-hoach-cap-tren.pdf", stamp=True)
    asked = []

    def choose(parent, caption, folder, filters, *a, **k):
        asked.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    monkeypatch.setattr(CascadeDialog, "exec", lambda self: self.accept() or self.result())
    before = len(plans.list_plans(window.conn))
    click_menu_item(window, window.file_menu, "Nhập kế hoạch của cấp trên…")
    assert asked and "*.pdf" in asked[0]
    assert len(plans.list_plans(window.conn)) == before + 1
