"""Đơn vị, Kế hoạch, Báo cáo, Tổng quan: each screen's main flow, checked in the database and the window."""

from pathlib import Path

from docx import Document
from PySide6.QtWidgets import QPushButton

from desktop.nd30 import check_docx
from desktop.store import plans, reports, units


def test_unit_profile_is_saved_as_edited(window, qtbot, typer):
    page = window.unit_page
    window.tabs.setCurrentWidget(page)
    page.name.clear()
    typer(page.name, "Bệnh viện Đa khoa Thử nghiệm")
    page.name.editingFinished.emit()
    assert units.load_unit(window.conn).name == "Bệnh viện Đa khoa Thử nghiệm"
    assert "Bệnh viện Đa khoa Thử nghiệm" in window.windowTitle()
    n = len(units.load_unit(window.conn).departments)
    page.add_department()
    assert len(units.load_unit(window.conn).departments) == n + 1
    item = page.depts.item(page.depts.rowCount() - 1, 0)
    item.setText("Khoa Hồi sức")
    assert units.load_unit(window.conn).departments[-1].name == "Khoa Hồi sức"
    page.recipients.setPlainText("Sở Y tế (báo cáo)\nLưu trữ")
    page.flush()
    assert units.load_unit(window.conn).recipients == ["Sở Y tế (báo cáo)", "Lưu trữ"]


def _labels(page):
    out = []

    def rec(node):
        out.append(node.text(0))
        for i in range(node.childCount()):
            rec(node.child(i))

    for i in range(page.tree.topLevelItemCount()):
        rec(page.tree.topLevelItem(i))
    return out


def test_plan_tree_numbering_is_automatic(window):
    page = window.plan_page
    window.tabs.setCurrentWidget(page)
    page.tree.setCurrentItem(page.tree.topLevelItem(1))  # II. NỘI DUNG
    page.add_item("section")  # a new top-level section after II
    labels = _labels(page)
    assert [x.split(" ")[0] for x in labels if x[:1] in "IVX" and x.split(" ")[0].endswith(".")][:6] == [
        "I.",
        "II.",
        "III.",
        "IV.",
        "V.",
        "VI.",
    ]
    new_id = page.selected_id()
    page.move(-1)  # moving it up renumbers everything after it
    assert page.tree.currentItem().text(0).startswith("II. ")
    page.indent()  # under I.: becomes "3." there
    assert page.tree.currentItem().text(0).startswith("3. ")
    page.text.setPlainText("Nhiệm vụ bổ sung")
    page.is_task.setChecked(True)
    page.add_target()
    page.flush()
    plan = plans.load_plan(window.conn, page.plan.id)
    task = next(t for t in plan.tasks() if t.id == new_id)
    assert task.text == "Nhiệm vụ bổ sung" and task.targets[0].form_code == "tin_bai"
    page.delete_item()
    assert all(t.id != new_id for t in plans.load_plan(window.conn, page.plan.id).tasks())


def test_plan_from_preset_and_basis(window):
    page = window.plan_page
    before = len(plans.list_plans(window.conn))
    pid = page.new_from_preset()
    assert len(plans.list_plans(window.conn)) == before + 1
    plan = plans.load_plan(window.conn, pid)
    assert [it.text for it in plan.items][:2] == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG"]
    assert plan.basis and plan.doc_date.day is None
    page.catalogue.setCurrentIndex(0)
    page.add_basis()
    assert len(plans.load_plan(window.conn, pid).basis) == len(plan.basis) + 1


def test_report_edits_are_saved_as_typed_and_kept(window, qtbot):
    page = window.report_page
    window.tabs.setCurrentWidget(page)
    row = next(i for i, s in enumerate(page.sections) if s.key == "uu_diem")
    page.list.setCurrentRow(row)
    page.editor.setPlainText("Ưu điểm do văn thư viết lại.")
    qtbot.waitUntil(lambda: "uu_diem" in reports.latest_report(window.conn, page.plan_id).texts, timeout=3000)
    page.recompile()
    assert next(s for s in page.sections if s.key == "uu_diem").text == "Ưu điểm do văn thư viết lại."
    page.number.setValue(7)
    assert reports.latest_report(window.conn, page.plan_id).number == 7


def test_export_report_runs_in_background_and_passes_check(window, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "Tài liệu Kế hoạch" / "Báo cáo 2025.docx"
    out.parent.mkdir()
    done = []
    monkeypatch.setattr(window.exports, "ask_output", lambda what, pdf: out)
    monkeypatch.setattr(window.exports, "_exported", lambda paths: done.append(paths))
    page = window.report_page
    page.list.setCurrentRow(next(i for i, s in enumerate(page.sections) if s.key == "kien_nghi"))
    page.editor.setPlainText("Kiến nghị A & B <C>.")
    job = window.exports.export("report")
    assert job is not None
    assert window.exports.export("report") is None  # can't be started twice
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    assert check_docx(out) == []
    assert any(p.text == "Kiến nghị A & B <C>." for p in Document(out).paragraphs)


def test_locked_target_gets_a_new_name(window, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "Ke_hoach.docx"
    out.write_bytes(b"open in Word")
    (tmp_path / "~$_hoach.docx").write_text("owner")
    done = []
    monkeypatch.setattr(window.exports, "ask_output", lambda what, pdf: out)
    monkeypatch.setattr(window.exports, "_exported", lambda paths: done.append(paths))
    window.exports.export("plan")
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    assert done[0][0] == tmp_path / "Ke_hoach (2).docx"
    assert out.read_bytes() == b"open in Word"


def test_dashboard_shows_each_target(window):
    window.tabs.setCurrentWidget(window.dashboard)
    n = sum(len(t.targets) for t in window.plan_page.plan.tasks())
    assert len(window.dashboard.bars) == n > 0
    assert "hoạt động" in window.dashboard.headline.text()
    assert sum(window.dashboard.chart.counts) == 150


def test_window_state_is_remembered(window, settings, demo_copy, qtbot):
    from desktop.ui.main import MainWindow

    window.tabs.setCurrentIndex(3)
    window.close()
    again = MainWindow(Path(demo_copy), settings)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 3
    again.close()


def test_previews_show_the_document_and_export_from_there(window, qtbot):
    exported = []
    window.plan_page.export_requested.disconnect()
    window.plan_page.export_requested.connect(lambda what, pdf: exported.append((what, pdf)))
    dlg = window.plan_page.show_preview()
    text = dlg.browser.toPlainText()
    assert "KẾ HOẠCH" in text and "I. MỤC ĐÍCH, YÊU CẦU" in text and "Nơi nhận:" in text
    assert "Số: 05/KH-BVPBT" in text and "Lê Hồng Vũ" in text
    buttons = {b.text(): b for b in dlg.findChildren(QPushButton)}
    buttons["Xuất PDF"].click()
    assert exported == [("plan", True)]
    rdlg = window.report_page.show_preview()
    rtext = rdlg.browser.toPlainText()
    assert "BÁO CÁO" in rtext and "Kính gửi: Sở Y tế tỉnh Lâm Đồng" in rtext and "PHỤ LỤC" in rtext
    assert "Tổng cộng: 150 hoạt động" in rtext
    rdlg.close()
