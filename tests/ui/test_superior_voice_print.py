"""Printing the plan asks what exporting it asks (issue 23, point 6): the passages still in the superior's voice
listed, “Sửa” (back to the Kế hoạch screen, nothing printed) or “Vẫn in”. The print job is patched: nothing reaches
a printer and nothing waits."""

from __future__ import annotations

from tests.ui.test_superior_voice_ui import _answer, _import_003


def test_printing_the_plan_lists_the_superiors_voice_first(window, monkeypatch, typer):
    page = window.plan_page
    _import_003(window, monkeypatch, typer)
    started, seen = [], []
    monkeypatch.setattr(window.exports, "template_for", lambda what: None)
    monkeypatch.setattr(window.jobs, "start", lambda name, fn, *args, **kw: started.append(args[1]))
    window.tabs.setCurrentWidget(window.report_page)
    _answer(monkeypatch, "Sửa", seen)
    window.exports.print_document("plan")
    assert started == []  # nothing printed
    assert seen[0].startswith("3 đoạn còn lời của cấp trên: I.1, -1 “ngành Y tế Hải Phòng”")
    assert window.tabs.currentWidget() is page
    assert window.statusBar().currentMessage().startswith("Chưa in kế hoạch: 3 đoạn còn lời của cấp trên")
    _answer(monkeypatch, "Vẫn in", seen)
    window.exports.print_document("plan")
    assert len(seen) == 2 and started == ["plan"]  # the clerk chose to print it as it is
