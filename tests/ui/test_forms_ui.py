"""Hình thức hoạt động: the unit's forms added, edited and hidden in the window; the ledger offers them."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from desktop import app
from desktop.store import forms as store_forms
from desktop.ui.dialogs import forms_dialog

from .test_office_year_ui import shot


def test_forms_added_edited_hidden_and_offered_in_the_ledger(window, monkeypatch, typer):
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    seen = {}

    def run(dlg):
        dlg.show()
        typer(dlg.new_label, "Khám sàng lọc")
        typer(dlg.new_unit, "lượt")
        typer(dlg.new_verb, "Tổ chức")
        QTest.keyClick(dlg.new_verb, Qt.Key_Return)
        r = next(i for i, f in enumerate(dlg.forms) if f.code == "kham_sang_loc")
        seen["sentence"] = dlg.table.item(r, forms_dialog.SENTENCE).text()
        assert dlg.forms[-1].code == "khac"  # "Khác" stays last
        dlg.table.item(r, 1).setText("lượt người")  # edited in place
        assert app.load_forms(window.conn).form("kham_sang_loc").unit == "lượt người"
        # "Tờ rơi" is used by the demo's activities: hidden, not deleted
        dlg.table.setCurrentCell(next(i for i, f in enumerate(dlg.forms) if f.code == "to_roi"), 0)
        dlg.remove_button.click()
        shot(dlg, "forms_dialog")
        return 0

    monkeypatch.setattr(forms_dialog.FormsDialog, "exec", run)
    next(b for b in page.findChildren(QPushButton) if b.text() == "Hình thức hoạt động…").click()
    assert seen["sentence"] == "Tổ chức 03 lượt khám sàng lọc"
    stored = {f.code: f for f in store_forms.load_forms(window.conn)}
    assert stored["to_roi"].hidden and stored["kham_sang_loc"].unit == "lượt người"
    offered = [page.form.form.itemData(i) for i in range(page.form.form.count())]
    assert "kham_sang_loc" in offered and "to_roi" not in offered
    # the filter still lists the hidden form: old activities have it
    assert page.f_form.findData("to_roi") >= 0
    # an activity of the hidden form shows it in its form, marked
    a = next(x for x in page.model.activities() if x.form_code == "to_roi")
    page.form.load(a)
    assert page.form.form.currentData() == "to_roi" and "(đã ẩn)" in page.form.form.currentText()
