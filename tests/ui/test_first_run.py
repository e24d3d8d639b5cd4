"""From an empty data folder: the wizard, a plan, activities typed in, an exported report that passes check."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.nd30 import check_docx
from desktop.store import activities, db, units


def test_wizard_to_exported_report(qtbot, tmp_path, settings, monkeypatch, typer):
    from desktop.ui.dialogs.wizard import FirstRunWizard
    from desktop.ui.main import MainWindow, create_from_wizard

    wiz = FirstRunWizard()
    qtbot.addWidget(wiz)
    page = wiz.unit_page
    assert not page.isComplete()
    typer(page.parent_body, "Sở Y tế tỉnh Lâm Đồng")
    typer(page.name, "Trung tâm Y tế huyện Thử")
    qtbot.keyClicks(page.abbr, "ttyt")
    typer(page.place, "Lâm Đồng")
    assert page.isComplete()
    wiz.signer_page.table.item(0, 2).setText("Trần Văn Bình")
    QTest.mouseClick(wiz.plan_page.use_preset, Qt.LeftButton)  # the preset only when the clerk chooses it
    assert wiz.wants_plan()
    path = tmp_path / "Tài liệu Kế hoạch" / "data.db"
    create_from_wizard(path, wiz)
    conn = db.open_db(path)
    unit = units.load_unit(conn)
    assert (unit.name, unit.abbr, unit.signers[0].full_name) == ("Trung tâm Y tế huyện Thử", "TTYT", "Trần Văn Bình")
    assert len(unit.departments) == 6
    conn.close()

    win = MainWindow(path, settings)
    qtbot.addWidget(win)
    win.show()
    assert win.plan_page.plan is not None and win.plan_page.plan.tasks()
    ledger = win.ledger_page
    win.tabs.setCurrentWidget(ledger)
    for title, form_code in (("Bài viết về bệnh án điện tử", "tin_bai"), ("Hội nghị chuyển đổi số", "hoi_nghi")):
        ledger.new()
        ledger.form.form.setCurrentIndex(ledger.form.form.findData(form_code))
        ledger.form.task.setCurrentIndex(1)
        typer(ledger.form.title, title)
        ledger.form.save()
    assert activities.count_activities(win.conn) == 2
    out = tmp_path / "Tài liệu Kế hoạch" / "Báo cáo.docx"
    done = []
    monkeypatch.setattr(win.exports, "ask_output", lambda what, pdf: out)
    monkeypatch.setattr(win.exports, "_exported", lambda paths: done.append(paths))
    win.tabs.setCurrentWidget(win.report_page)
    win.exports.export("report")
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    assert check_docx(out) == []
    win.close()


def test_wizard_demo_choice(qtbot, tmp_path):
    from desktop.ui.dialogs.wizard import FirstRunWizard
    from desktop.ui.main import create_from_wizard

    wiz = FirstRunWizard()
    qtbot.addWidget(wiz)
    wiz.choice.demo.setChecked(True)
    path = tmp_path / "demo.db"
    create_from_wizard(path, wiz)
    assert activities.count_activities(db.open_db(path)) == 150
