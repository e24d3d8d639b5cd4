"""Issue 22, point 6 in the window: the plan's year is read from the superior's document, never from the clock; a
document whose year cannot be read asks for it in the review ("Năm", tinted, "Tạo kế hoạch" held back with a red
line), and a date of issue the clerk types there gives the year at once. Driven with key events."""

from datetime import date

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.store import plans
from desktop.ui.dialogs.cascade_dialog import MISSING_BG, CascadeDialog
from tests.app.test_cascade_year import UNDATED


def play(monkeypatch, act):
    """The review opens; `act(dialog)` plays the clerk (clicking “Tạo kế hoạch” itself)."""

    def run(self):
        self.show()
        QApplication.processEvents()
        act(self)
        return self.result()

    monkeypatch.setattr(CascadeDialog, "exec", run)


def undated(tmp_path):
    src = tmp_path / "kh_khong_nam.txt"
    src.write_text(UNDATED, encoding="utf-8")
    return str(src)


def test_a_document_without_a_year_asks_and_the_typed_year_is_the_plans(window, tmp_path, monkeypatch):
    before = plans.list_plans(window.conn)
    seen = {}

    def clerk(d):
        assert d.year.text() == "" and MISSING_BG.name() in d.year.styleSheet()
        assert "Năm" in d.sup_hint.text()
        assert (
            d.problem.isVisible() and "năm của kế hoạch" in d.problem.text() and "Chưa tạo kế hoạch" in d.problem.text()
        )
        assert d.deadline.text() == "05/12"  # read, waiting for the plan's year
        d.ok.click()  # held back: nothing is created without a year
        assert not d.isHidden() and d.result() == 0
        seen["before"] = plans.list_plans(window.conn)
        d.year.setFocus()
        QTest.keyClicks(d.year, "2024")
        assert d.problem.isHidden() and d.ok.isEnabled()
        assert d.deadline.text() == "05/12/2024"  # the yearly deadline follows the typed year
        d.ok.click()

    play(monkeypatch, clerk)
    pid = window.plan_page.import_superior(undated(tmp_path))
    assert seen["before"] == before
    assert pid is not None
    plan = plans.load_plan(window.conn, pid)
    assert plan.doc_date.year == 2024
    assert (plan.period_start, plan.period_end) == (date(2024, 1, 1), date(2024, 12, 31))
    assert plan.superior.deadline == date(2024, 12, 5)


def test_the_year_follows_the_date_of_issue_the_clerk_types(window, tmp_path, monkeypatch):
    def clerk(d):
        assert d.year.text() == "" and not d.ok.isEnabled()
        d.issued.setFocus()
        QTest.keyClicks(d.issued, "20/8/2023")
        assert d.year.text() == "2023" and d.problem.isHidden() and d.ok.isEnabled()
        assert d.deadline.text() == "05/12/2023"
        d.ok.click()

    play(monkeypatch, clerk)
    pid = window.plan_page.import_superior(undated(tmp_path))
    plan = plans.load_plan(window.conn, pid)
    assert plan.doc_date.year == 2023 and plan.superior.ref.issued == date(2023, 8, 20)
    assert plan.superior.deadline == date(2023, 12, 5)


def test_a_year_read_from_the_document_is_filled_and_not_asked(window, tmp_path, monkeypatch):
    def clerk(d):
        assert d.year.text() == "2025" and "background" not in d.year.styleSheet()
        assert d.problem.isHidden() and d.ok.isEnabled()
        d.ok.click()

    play(monkeypatch, clerk)
    src = tmp_path / "kh_2025.txt"
    src.write_text(UNDATED.replace("bệnh lao\nI.", "bệnh lao năm 2025\nI."), encoding="utf-8")
    pid = window.plan_page.import_superior(str(src))
    assert plans.load_plan(window.conn, pid).doc_date.year == 2025


def test_a_year_the_clerk_cannot_mean_is_refused_in_red(window, tmp_path, monkeypatch):
    def clerk(d):
        d.year.setFocus()
        QTest.keyClicks(d.year, "1990")
        assert not d.ok.isEnabled() and "1990" in d.problem.text() and "2000 đến 2100" in d.problem.text()
        d.reject()

    play(monkeypatch, clerk)
    before = plans.list_plans(window.conn)
    assert window.plan_page.import_superior(undated(tmp_path)) is None
    assert plans.list_plans(window.conn) == before


def test_the_letter_that_forwards_the_plan_is_shown_and_kept(window, tmp_path, monkeypatch):
    from tests.domain.test_cover_letter import LETTER_AND_PLAN

    def clerk(d):
        shown = d.cover.title() + "\n" + d.cover_text.text()
        assert "Công văn số 1205/VPB-TT ngày 22/8/2025 của Văn phòng Bộ" in shown
        assert "về việc triển khai Kế hoạch truyền thông về Nghị quyết số 57-NQ/TW" in shown
        assert "Hạn báo cáo theo công văn: 10/12/2025" in shown
        assert "- Triển khai theo phân công nhiệm vụ được giao trong Kế hoạch." in shown
        assert "- Cung cấp thông tin, kết quả các hoạt động nổi bật của đơn vị gửi Văn phòng Bộ." in shown
        assert d.deadline.text() == "10/12/2025"  # the letter's deadline, not the plan's 15/12/2025
        d.ok.click()

    play(monkeypatch, clerk)
    src = tmp_path / "cong_van_1205.txt"
    src.write_text(LETTER_AND_PLAN, encoding="utf-8")
    pid = window.plan_page.import_superior(str(src))
    plan = plans.load_plan(window.conn, pid)
    assert plan.intro.startswith("Thực hiện Kế hoạch số 1138/KH-BYT ngày 19/8/2025 của Bộ Y tế")
    assert plan.intro.endswith(
        "; Công văn số 1205/VPB-TT ngày 22/8/2025 của Văn phòng Bộ về việc triển khai Kế "
        "hoạch truyền thông về Nghị quyết số 57-NQ/TW."
    )
    assert plan.superior.deadline == date(2025, 12, 10)


def test_a_plan_sent_alone_shows_no_letter(window, tmp_path, monkeypatch):
    def clerk(d):
        assert d.cover.isHidden()
        d.reject()

    play(monkeypatch, clerk)
    window.plan_page.import_superior(undated(tmp_path))
