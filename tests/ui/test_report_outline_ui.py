"""Báo cáo screen: "Theo đề cương của cấp trên…" (the outline kept with the plan) and the evaluation of an
earlier period offered for a blank part (issue 24, points 2 and 3), with real clicks and keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.ui.widgets import report_outline_bar

OUTLINE = """ĐỀ CƯƠNG BÁO CÁO
I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI
II. KẾT QUẢ THỰC HIỆN
1. Truyền thông về Nghị quyết số 57-NQ/TW của Bộ Chính trị
2. Kết quả của từng khoa, phòng
III. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN
IV. ĐỀ XUẤT, KIẾN NGHỊ
"""


def _labels(page) -> list[str]:
    return [page.list.item(i).text().strip() for i in range(page.list.count())]


def _choose(page, key):
    page.period.setFocus()
    QTest.keyClick(page.period, Qt.Key_Home)
    for _ in range(page.period.count()):
        if page.period_key() == key:
            return
        QTest.keyClick(page.period, Qt.Key_Down)
    raise AssertionError(key)


def test_the_superiors_outline_is_chosen_kept_with_the_plan_and_dropped(window, tmp_path, monkeypatch):
    page = window.report_page
    window.tabs.setCurrentWidget(page)
    path = tmp_path / "de_cuong.txt"
    path.write_text(OUTLINE, encoding="utf-8")
    monkeypatch.setattr(report_outline_bar.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    assert page.outline_bar.choose.text() == "Theo đề cương của cấp trên…"
    QTest.mouseClick(page.outline_bar.choose, Qt.LeftButton)
    want = [line for line in OUTLINE.splitlines()[1:] if line]
    assert _labels(page)[: len(want)] == want and _labels(page)[len(want)] == "Câu kết thúc"
    assert page.outline_bar.label.text() == "Báo cáo theo đề cương: de_cuong.txt (6 đề mục)"
    page.load(page.plan_id)  # kept with the plan: a reload follows it still
    assert _labels(page)[: len(want)] == want
    assert page.outline_bar.clear.isVisible()
    QTest.mouseClick(page.outline_bar.clear, Qt.LeftButton)
    assert _labels(page)[0] == "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI" and "III. ĐÁNH GIÁ CHUNG" in _labels(page)
    assert not page.outline_bar.clear.isVisible()


def test_an_outline_without_headings_is_refused_and_nothing_changes(window, tmp_path, monkeypatch):
    page = window.report_page
    window.tabs.setCurrentWidget(page)
    path = tmp_path / "thu.txt"
    path.write_text("Đề nghị các đơn vị báo cáo đúng hạn.", encoding="utf-8")
    monkeypatch.setattr(report_outline_bar.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    said = []
    monkeypatch.setattr("desktop.ui.common.warn", lambda parent, text, title="": said.append((title, text)))
    before = _labels(page)
    QTest.mouseClick(page.outline_bar.choose, Qt.LeftButton)
    assert said and said[0][0] == "Không dùng được đề cương"
    assert said[0][1].startswith("Không tìm thấy đề mục đánh số nào (I., 1., a)…) trong thu.txt")
    assert said[0][1].endswith("báo cáo không thay đổi.")
    assert _labels(page) == before


def test_the_earlier_periods_evaluation_is_offered_greyed_and_taken_by_a_click(window, typer):
    page = window.report_page
    window.tabs.setCurrentWidget(page)
    _choose(page, "q1")
    row = next(i for i, s in enumerate(page.sections) if s.key == "nguyen_nhan")
    page.list.setCurrentRow(row)
    assert page.editor.toPlainText() == "" and not page.offer.isVisible()  # nothing written before: no offer
    page.editor.setFocus()
    typer(page.editor, "Nhân lực quý I còn thiếu.")
    page.flush()
    _choose(page, "q2")
    page.list.setCurrentRow(next(i for i, s in enumerate(page.sections) if s.key == "nguyen_nhan"))
    assert page.editor.toPlainText() == ""  # never printed until taken
    assert page.editor.placeholderText() == "Nhân lực quý I còn thiếu."  # the greyed suggestion
    assert page.offer.isVisible() and page.offer.note.text().startswith("Nội dung đã viết ở kỳ quý I năm 2025")
    QTest.mouseClick(page.offer.button, Qt.LeftButton)
    page.flush()
    assert page.editor.toPlainText() == "Nhân lực quý I còn thiếu." and not page.offer.isVisible()
    assert page.report.texts["nguyen_nhan"] == "Nhân lực quý I còn thiếu."
    assert (page.report.period_start.month, page.report.period_end.month) == (4, 6)
