"""Hoạt động › Tệp minh chứng: a big file is copied on a window job (progress bar, Dừng), a link or a file
over the limit is refused next to the list, a hostile row is never opened."""

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from desktop.app import evidence
from desktop.ui.pages.ledger_model import COLUMNS

FILES_COL = COLUMNS.index("Tệp")


def _select_first(page):
    page.table.selectRow(0)
    a = page.model.activity(0)
    assert page.form.current.id == a.id
    return a


def _pick(monkeypatch, paths):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_: ([str(p) for p in paths], "")))


def test_a_big_file_is_copied_off_the_gui_thread_with_progress(window, qtbot, tmp_path, monkeypatch):
    page = window.ledger_page
    window.tabs.setCurrentWidget(page)
    box = page.form.files
    a = _select_first(page)
    big = tmp_path / "Video hội nghị.mp4"
    big.write_bytes(b"\x00\x01" * (3 * evidence.CHUNK))
    monkeypatch.setattr(type(box), "BACKGROUND_BYTES", evidence.CHUNK)
    threads, values = [], []
    real = evidence.copy_pending

    def copy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(evidence, "copy_pending", copy)
    box.progress.valueChanged.connect(lambda v: values.append(v))
    _pick(monkeypatch, [big])
    qtbot.mouseClick(box.add_button, Qt.LeftButton)
    assert box.progress.isVisible() and box.stop_button.isVisible() and not box.add_button.isEnabled()
    assert "Đang chép 1 tệp (6 MB)" in box.note.text()
    qtbot.waitUntil(lambda: box.list.count() == 1, timeout=30000)
    assert threads and threads[0] is not threading.main_thread()
    assert values and values[-1] == 1000
    assert not box.progress.isVisible() and not box.stop_button.isVisible() and box.add_button.isEnabled()
    (f,) = evidence.list_files(window.conn, a.id)
    assert evidence.path_of(window.conn, f).read_bytes() == big.read_bytes()
    row = next(r for r in range(page.model.rowCount()) if page.model.activity(r).id == a.id)
    assert page.model.data(page.model.index(row, FILES_COL)) == "1"


def test_dung_stops_the_copy_and_nothing_is_added(window, qtbot, tmp_path, monkeypatch):
    page = window.ledger_page
    box = page.form.files
    a = _select_first(page)
    big = tmp_path / "lon.bin"
    big.write_bytes(b"x" * (4 * evidence.CHUNK))
    monkeypatch.setattr(type(box), "BACKGROUND_BYTES", evidence.CHUNK)
    gate = threading.Event()
    real = evidence.copy_pending

    def slow(pending, progress=None, cancel=None):
        gate.wait(30)  # until Dừng was clicked
        return real(pending, progress, cancel)

    monkeypatch.setattr(evidence, "copy_pending", slow)
    _pick(monkeypatch, [big])
    qtbot.mouseClick(box.add_button, Qt.LeftButton)
    qtbot.mouseClick(box.stop_button, Qt.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: "Đã dừng" in box.note.text(), timeout=30000)
    assert evidence.list_files(window.conn, a.id) == []
    folder = Path(window.db_path).parent / "minh_chung" / str(a.id)
    assert not folder.exists() or not any(folder.iterdir())
    assert not box.progress.isVisible() and box.add_button.isEnabled()


def test_a_link_is_refused_next_to_the_list(window, qtbot, tmp_path, monkeypatch):
    page = window.ledger_page
    box = page.form.files
    a = _select_first(page)
    link = tmp_path / "bien_ban.pdf"
    link.symlink_to(window.db_path)
    _pick(monkeypatch, [link])
    qtbot.mouseClick(box.add_button, Qt.LeftButton)
    assert "liên kết" in box.note.text() and "Chưa có tệp nào được thêm" in box.note.text()
    assert evidence.list_files(window.conn, a.id) == []


def test_a_hostile_row_is_shown_cleaned_and_never_opened(window, qtbot, tmp_path, monkeypatch):
    page = window.ledger_page
    box = page.form.files
    a = page.model.activity(0)
    c = sqlite3.connect(window.db_path)
    c.execute(
        "INSERT INTO evidence (activity_id, name, stored, size, sha256) VALUES (?, ?, '../demo.db', 1, 'x')",
        (a.id, "bien_ban\u202efdp.exe"),
    )
    c.commit()
    c.close()
    _select_first(page)
    assert box.list.item(0).text().startswith("bien_banfdp.exe")
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    box.list.setCurrentRow(0)
    qtbot.mouseClick(box.open_button, Qt.LeftButton)
    assert opened == [] and "ngoài thư mục minh chứng" in box.note.text()
