"""Exports never replace a file the clerk did not name: Xuất PDF converts from a temporary .docx and leaves the
.docx of the same name (hand edits made in Word) alone; Xem trước fits the screen, its buttons on it; the hồ sơ
minh chứng says what it wrote."""

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QPushButton

from desktop.docgen import pdf


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
    monkeypatch.setattr(type(window), "_exported", lambda self, paths: written.append(paths))
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
    monkeypatch.setattr(type(window), "_exported", lambda self, paths: written.append(paths))
    dlg = window.plan_page.show_preview()
    QTest.mouseClick(_button(dlg, "Xuất Word"), Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(written), timeout=60000)
    assert written == [[out]] and zipfile.is_zipfile(out)
    assert not out.with_suffix(".pdf").exists()
