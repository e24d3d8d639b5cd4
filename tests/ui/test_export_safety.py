"""Exports never replace a file the clerk did not name: Xuất PDF converts from a temporary .docx and leaves the
.docx of the same name (hand edits made in Word) alone; Xem trước fits the screen, its buttons on it; the hồ sơ
minh chứng says what it wrote."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from desktop.docgen import pdf

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fake_converter(monkeypatch):
    """Stands in for LibreOffice: copies the .docx it is given to OUTDIR/STEM.pdf; records the .docx."""
    seen = []

    def convert(cmd, timeout, cancel=None):
        src = Path(cmd[-1])
        outdir = Path(cmd[cmd.index("--outdir") + 1])
        seen.append(src)
        (outdir / (src.stem + ".pdf")).write_bytes(src.read_bytes())
        return 0

    monkeypatch.setattr(pdf, "find_soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(pdf, "run_converter", convert)
    return seen


def _button(dialog, text: str) -> QPushButton:
    (b,) = [b for b in dialog.findChildren(QPushButton) if b.text() == text]
    return b


def test_pdf_export_keeps_the_docx_of_the_same_name(window, qtbot, tmp_path, monkeypatch, fake_converter):
    docx = tmp_path / "Ke_hoach_2025.docx"
    docx.write_bytes(b"hand edits made in Word")
    out = tmp_path / "Ke_hoach_2025.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(out), "")))
    written = []
    monkeypatch.setattr(type(window.exports), "_exported", lambda self, paths: written.append(paths))
    dlg = window.plan_page.show_preview()
    QTest.mouseClick(_button(dlg, "Xuất PDF"), Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(written), timeout=60000)
    assert written == [[out]]
    assert docx.read_bytes() == b"hand edits made in Word"
    assert out.read_bytes()[:2] == b"PK"  # the converter was given a real .docx
    assert sorted(p.name for p in tmp_path.glob("*.*") if p.suffix in (".docx", ".pdf")) == [docx.name, out.name]
    (src,) = fake_converter
    assert src.parent != tmp_path and not src.parent.exists()  # converted from a temporary folder, removed after


def test_word_export_still_writes_the_named_docx(window, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "Ke_hoach_2025.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(out), "")))
    written = []
    monkeypatch.setattr(type(window.exports), "_exported", lambda self, paths: written.append(paths))
    dlg = window.plan_page.show_preview()
    QTest.mouseClick(_button(dlg, "Xuất Word"), Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(written), timeout=60000)
    assert written == [[out]] and zipfile.is_zipfile(out)
    assert not out.with_suffix(".pdf").exists()


def _inside(dlg) -> list[str]:
    """The buttons of `dlg` that are not wholly inside its screen's available area."""
    avail = dlg.screen().availableGeometry()
    out = []
    for b in dlg.findChildren(QPushButton):
        rect = QRect(b.mapToGlobal(QPoint(0, 0)), b.size())
        if not (b.isVisible() and avail.contains(rect)):
            out.append(f"{b.text()} {rect} ∉ {avail}")
    return out


def test_preview_fits_the_screen_its_buttons_on_it(window, qtbot):
    """The offscreen screen is 800 × 800: smaller than the 900 × 1000 the preview opened at."""
    for page in (window.plan_page, window.report_page):
        dlg = page.show_preview()
        qtbot.waitExposed(dlg)
        avail = dlg.screen().availableGeometry()
        assert dlg.frameGeometry().width() <= avail.width() and dlg.frameGeometry().height() <= avail.height()
        assert _inside(dlg) == []
        QTest.mouseClick(_button(dlg, "Đóng"), Qt.LeftButton)
        assert not dlg.isVisible()


_SCREEN_PROBE = """
import json, sys
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton
from desktop.ui.dialogs.preview_dialog import PreviewDialog

app = QApplication([])
main = QMainWindow()
main.resize(1280, 680)
main.show()
dlg = PreviewDialog("<p>" + "Dòng văn bản rất dài. " * 4000 + "</p>", "Xem trước", main)
dlg.show()
QTest.qWaitForWindowExposed(dlg)
avail = dlg.screen().availableGeometry()
out = {"avail": [avail.width(), avail.height()], "frame": [dlg.frameGeometry().width(), dlg.frameGeometry().height()]}
out["outside"] = [
    b.text() for b in dlg.findChildren(QPushButton)
    if not avail.contains(QRect(b.mapToGlobal(QPoint(0, 0)), b.size()))
]
close = next(b for b in dlg.findChildren(QPushButton) if b.text() == "Đóng")
QTest.mouseClick(close, Qt.LeftButton)
out["closed"] = not dlg.isVisible()
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    "screen, scale, avail",
    [((1366, 768), "1", [1366, 768]), ((1920, 1080), "1.5", [1280, 720])],
    ids=["1366x768", "1920x1080-150%"],
)
def test_preview_buttons_on_a_laptop_screen_and_at_150_percent(tmp_path, screen, scale, avail):
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": screen[0], "height": screen[1], "dpr": 1}]})
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale}
    res = subprocess.run(
        [sys.executable, "-c", _SCREEN_PROBE], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert res.returncode == 0, res.stderr
    got = json.loads(res.stdout.strip().splitlines()[-1])
    assert got["avail"] == avail
    assert got["frame"][0] <= avail[0] and got["frame"][1] <= avail[1]
    assert got["outside"] == [] and got["closed"]


def test_the_dossier_export_says_what_it_wrote(window, qtbot, tmp_path, monkeypatch, fake_converter):
    """Báo cáo › Xuất hồ sơ minh chứng…: a message like the other exports', naming the zip and its files."""
    ledger = window.ledger_page
    ledger.table.selectRow(0)
    (tmp_path / "Biên bản.pdf").write_bytes(b"%PDF bien ban")
    ledger.form.files.add_files([str(tmp_path / "Biên bản.pdf")])
    report = window.report_page
    window.tabs.setCurrentWidget(report)
    out = tmp_path / "Ho_so.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(out), "")))
    said = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()) or 0)
    QTest.mouseClick(report.dossier_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(said), timeout=60000)
    assert zipfile.is_zipfile(out)
    assert str(out) in said[0] and "1 tệp minh chứng" in said[0]
    assert str(out) in window.statusBar().currentMessage()
