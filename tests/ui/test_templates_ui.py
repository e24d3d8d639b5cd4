"""Tệp › Mẫu văn bản của đơn vị: save the built-in template, edit it, choose it (checked first),
and every export uses it; a broken or vanished template is refused with a message."""

from pathlib import Path

from docx import Document

from desktop.paths import template
from desktop.ui.dialogs.templates_dialog import TemplatesDialog, chosen_template


def _with_paragraph(src: Path, dest: Path, text: str) -> Path:
    doc = Document(str(src))
    doc.add_paragraph(text)
    doc.save(str(dest))
    return dest


def test_unit_template_is_checked_kept_and_used_by_exports(window, qtbot, tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr("desktop.ui.dialogs.templates_dialog.warn", lambda parent, text, *a: warned.append(text))
    dlg = TemplatesDialog(window.settings, str(tmp_path), window)
    qtbot.addWidget(dlg)
    saved = dlg.save_built_in("plan", str(tmp_path / "Mẫu Kế hoạch.docx"))
    assert saved.read_bytes() == template("ke_hoach.docx").read_bytes()

    broken = _with_paragraph(saved, tmp_path / "hỏng.docx", "Tên đơn vị: {{ ten_don_vi }}")
    assert dlg.choose("plan", str(broken)) is False
    assert "ten_don_vi" in warned[0] and "mẫu đang dùng giữ nguyên" in warned[0]
    assert chosen_template(window.settings, "plan") is None

    own = _with_paragraph(saved, tmp_path / "Mẫu riêng.docx", "MẪU RIÊNG CỦA ĐƠN VỊ")
    assert dlg.choose("plan", str(own)) is True
    assert chosen_template(window.settings, "plan") == own
    assert dlg.labels["plan"].text() == f"Mẫu của đơn vị: {own}" and dlg.labels["report"].text() == "Mẫu có sẵn"

    out = tmp_path / "Kế hoạch.docx"
    done = []
    monkeypatch.setattr(window.exports, "ask_output", lambda what, pdf: out)
    monkeypatch.setattr(window.exports, "_exported", lambda paths: done.append(paths))
    window.exports.export("plan")
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    text = [p.text for p in Document(str(out)).paragraphs]
    assert "MẪU RIÊNG CỦA ĐƠN VỊ" in text and any("KẾ HOẠCH" in t for t in text)

    dlg.use_built_in("plan")
    assert chosen_template(window.settings, "plan") is None


def test_a_chosen_template_that_vanished_stops_the_export_with_a_message(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.ui.actions.warn", lambda parent, text, *a: shown.append(text))
    monkeypatch.setattr(window.exports, "ask_output", lambda what, pdf: shown.append("asked") or tmp_path / "x.docx")
    window.settings.setValue("templates/report", str(tmp_path / "đã xoá.docx"))
    assert window.exports.export("report") is None
    assert shown == [
        f"Không tìm thấy mẫu Báo cáo của đơn vị: {tmp_path / 'đã xoá.docx'}. Hãy chọn lại tệp mẫu "
        f"hoặc dùng mẫu có sẵn (Tệp › Mẫu văn bản của đơn vị…)."
    ]
