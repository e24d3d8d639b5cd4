"""Hoạt động › Tệp minh chứng: add files through the (patched) file dialog, open, remove; the Tệp column;
deleting the activity and undoing it; Báo cáo › Xuất hồ sơ minh chứng."""

import os
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from desktop.app import evidence
from desktop.ui.pages.ledger_model import COLUMNS

FILES_COL = COLUMNS.index("Tệp")


def _sources(tmp_path):
    src = tmp_path / "nguon"
    (src / "khac").mkdir(parents=True)
    (src / "Ảnh hội nghị.jpg").write_bytes(b"\xff\xd8 anh" * 200)
    (src / "khac" / "Ảnh hội nghị.jpg").write_bytes(b"\xff\xd8 khac" * 100)
    (src / "Biên bản.pdf").write_bytes(b"%PDF bien ban")
    return src


def _select_first(page, qtbot):
    page.table.selectRow(0)
    a = page.model.activity(0)
    assert page.form.current.id == a.id
    return a


def test_add_open_remove_through_the_minh_chung_area(window, qtbot, tmp_path, monkeypatch):
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    box = page.form.files
    page.new()
    assert not box.add_button.isEnabled() and "Lưu hoạt động" in box.note.text()
    a = _select_first(page, qtbot)
    assert box.add_button.isEnabled()
    src = _sources(tmp_path)
    picked = [str(src / "Ảnh hội nghị.jpg"), str(src / "khac" / "Ảnh hội nghị.jpg"), str(src / "Biên bản.pdf")]
    asked = []

    def dialog(parent, title, folder, kinds):
        asked.append(title)
        return picked, kinds

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(dialog))
    qtbot.mouseClick(box.add_button, Qt.LeftButton)
    assert asked == ["Chọn tệp minh chứng"]
    assert [box.list.item(i).text().split("  (")[0] for i in range(box.list.count())] == [
        "Ảnh hội nghị.jpg",
        "Ảnh hội nghị.jpg",
        "Biên bản.pdf",
    ]
    row = next(r for r in range(page.model.rowCount()) if page.model.activity(r).id == a.id)
    assert page.model.data(page.model.index(row, FILES_COL)) == "3"
    stored = [evidence.path_of(window.conn, f) for f in evidence.list_files(window.conn, a.id)]
    assert [p.name for p in stored] == ["Ảnh hội nghị.jpg", "Ảnh hội nghị (2).jpg", "Biên bản.pdf"]
    assert stored[1].read_bytes() == (src / "khac" / "Ảnh hội nghị.jpg").read_bytes()

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    box.list.setCurrentRow(1)
    qtbot.mouseClick(box.open_button, Qt.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [stored[1]]

    box.list.setCurrentRow(2)
    qtbot.mouseClick(box.remove_button, Qt.LeftButton)
    assert box.list.count() == 2
    assert not stored[2].exists()
    assert (stored[2].parent.parent / "_da_xoa" / str(a.id) / "Biên bản.pdf").read_bytes() == b"%PDF bien ban"
    assert page.model.data(page.model.index(row, FILES_COL)) == "2"


def test_a_failed_copy_is_said_next_to_the_list(window, qtbot, tmp_path, monkeypatch):
    page = window.ledger_page
    box = page.form.files
    a = _select_first(page, qtbot)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_: ([str(tmp_path / "không có.pdf")], ""))
    )
    qtbot.mouseClick(box.add_button, Qt.LeftButton)
    assert "Không thêm được “không có.pdf”" in box.note.text()
    assert box.list.count() == 0 and evidence.list_files(window.conn, a.id) == []


def test_delete_then_undo_brings_the_files_back(window, qtbot, tmp_path):
    page = window.ledger_page
    box = page.form.files
    a = _select_first(page, qtbot)
    src = _sources(tmp_path)
    box.add_files([str(src / "Biên bản.pdf")])
    path = evidence.path_of(window.conn, evidence.list_files(window.conn, a.id)[0])
    page.delete_selected()
    assert not path.exists() and not page.model.has(a.id)
    page.undo.undo()
    assert path.read_bytes() == b"%PDF bien ban"
    assert [f.name for f in evidence.list_files(window.conn, a.id)] == ["Biên bản.pdf"]
    row = next(r for r in range(page.model.rowCount()) if page.model.activity(r).id == a.id)
    assert page.model.data(page.model.index(row, FILES_COL)) == "1"


@pytest.mark.slow
def test_the_report_screen_exports_the_dossier(window, qtbot, tmp_path, monkeypatch):
    page = window.ledger_page
    _select_first(page, qtbot)
    src = _sources(tmp_path)
    page.form.files.add_files([str(src / "Biên bản.pdf")])
    report = window.report_page
    window.tabs.setCurrentWidget(report)
    out = tmp_path / "hồ sơ"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_: (str(out), "")))
    qtbot.mouseClick(report.dossier_button, Qt.LeftButton)
    window.jobs.wait()
    qtbot.waitUntil(lambda: bool(report.dossier_status), timeout=60000)
    z = zipfile.ZipFile(out.with_suffix(".zip"))
    names = z.namelist()
    assert "Báo cáo.docx" in names and "Phụ lục.xlsx" in names
    assert [n for n in names if n.endswith("/Biên bản.pdf")]
    assert "hồ sơ minh chứng" in report.dossier_status.lower()


def test_the_minh_chung_area_at_1280_by_680(window, qtbot, tmp_path):
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    window.resize(1280, 680)
    _select_first(page, qtbot)
    src = _sources(tmp_path)
    page.form.files.add_files([str(src / "Ảnh hội nghị.jpg"), str(src / "Biên bản.pdf")])
    qtbot.wait(50)
    shot = window.grab()
    assert shot.width() == 1280
    shot.save(str(tmp_path / "minh_chung.png"))
    if os.environ.get("VBYT_SHOTS"):
        shot.save(os.path.join(os.environ["VBYT_SHOTS"], "minh_chung.png"))
    box = page.form.files
    assert box.isVisible() and box.list.height() >= 40
    assert box.add_button.width() >= box.add_button.sizeHint().width()
