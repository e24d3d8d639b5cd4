"""Kế hoạch screen: a new plan from the superior's document, and the superior's citation row."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from desktop.domain.references import cite
from desktop.store import plans

SUPERIOR = """\
UBND TỈNH LÂM ĐỒNG                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ Y TẾ                                      Độc lập - Tự do - Hạnh phúc
Số: 357/KH-SYT                          Lâm Đồng, ngày 04 tháng 9 năm 2025
KẾ HOẠCH
Truyền thông về chuyển đổi số ngành Y tế năm 2025
Sở Y tế tỉnh Lâm Đồng xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
- Tuyen truyen sau rong muc tieu, quan diem, noi dung, nhiem vu va giai phap cua ke hoach.
II. NỘI DUNG
1. Truyền thông trên Trang thông tin điện tử
III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả về Sở Y tế trước ngày 05/12 hàng năm.
Trên đây là Kế hoạch của Sở Y tế./.
"""


def accept_review(monkeypatch, seen=None, act=None):
    """The review dialog opens, `act(dialog)` plays the clerk, who clicks “Tạo kế hoạch” (a real button click)."""
    from desktop.ui.dialogs.cascade_dialog import CascadeDialog

    def run(self):
        if seen is not None:
            seen.append(self)
        if act is not None:
            act(self)
        self.ok.click()
        return self.result()

    monkeypatch.setattr(CascadeDialog, "exec", run)


def keep_as_written(d):
    """The clerk leaves the line that lost its marks as it is (Sửa lỗi › “Không sửa”, a mouse click): offered a
    restored text, not taking it."""
    d.show()
    d.tabs.setCurrentIndex(3)  # Sửa lỗi
    kinds = [d.repairs.item(r, 1).text() for r in range(d.repairs.rowCount())]
    row = kinds.index("Đoạn bị mất dấu")
    assert d.repairs.item(row, 3).text().startswith("Tuyen truyen") and "Tuyên truyền" in d.repairs.item(row, 4).text()
    (none,) = [b for b in d.tabs.currentWidget().findChildren(QPushButton) if b.text() == "Không sửa"]
    QTest.mouseClick(none, Qt.LeftButton)
    assert d.repairs.item(row, 0).checkState() == Qt.Unchecked


def test_plan_from_superior_text(window, tmp_path, monkeypatch):
    seen = []
    accept_review(monkeypatch, seen, keep_as_written)
    src = tmp_path / "kh_357.txt"
    src.write_text(SUPERIOR, encoding="utf-8")
    page = window.plan_page
    pid = page.import_superior(str(src))
    plan = plans.load_plan(window.conn, pid)
    # the superior's trích yếu adapted to the unit (its year, its name)
    assert plan.title == "Truyền thông về chuyển đổi số năm 2025 của Bệnh viện Phổi Bình Thuận"
    assert [it.text for it in plan.items] == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN"]
    assert cite(plan.superior.ref) == "Kế hoạch số 357/KH-SYT ngày 04/9/2025 của Sở Y tế tỉnh Lâm Đồng"
    assert plan.superior.addressee == "Sở Y tế tỉnh Lâm Đồng"
    assert plan.superior.deadline == date(2025, 12, 5)  # "05/12 hàng năm" in the plan's year
    assert page.sup_cite.text() == cite(plan.superior.ref)
    assert "mất dấu" in page.warning.text()  # the OCR-looking line is highlighted in the tree
    assert "mất dấu" in seen[0].notes.text()  # and named in the review before anything is created


def test_unreadable_superior_file_changes_nothing(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.ui.dialogs.cascade_dialog.warn", lambda parent, text, *a: shown.append(text))
    before = plans.list_plans(window.conn)
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    assert window.plan_page.import_superior(str(bad)) is None
    assert plans.list_plans(window.conn) == before
    assert "hong.docx" in shown[0] and "bị hỏng" in shown[0]


def test_superior_citation_is_typed_in_one_line(window):
    page = window.plan_page
    old_ref_id = page.plan.superior.ref.id
    page.sup_cite.setText("Kế hoạch số 99/KH-SYT ngày 01/10/2025 của Sở Y tế tỉnh Lâm Đồng")
    page.sup_deadline.setText("10/12/2025")
    page.sup_cite.editingFinished.emit()
    plan = plans.load_plan(window.conn, page.plan.id)
    assert cite(plan.superior.ref) == "Kế hoạch số 99/KH-SYT ngày 01/10/2025 của Sở Y tế tỉnh Lâm Đồng"
    assert plan.superior.deadline == date(2025, 12, 10)
    assert plan.superior.ref.id != old_ref_id  # the catalogue entry it pointed at is left as it was
    page.sup_cite.setText("Kế hoạch 357")
    page.sup_cite.editingFinished.emit()
    assert "Chưa đọc được" in page.sup_state.text()
    assert cite(plans.load_plan(window.conn, page.plan.id).superior.ref).startswith("Kế hoạch số 99/KH-SYT")
    page.sup_deadline.setText("31/02/2025")
    page.sup_cite.setText("Kế hoạch số 99/KH-SYT ngày 01/10/2025 của Sở Y tế tỉnh Lâm Đồng")
    page.sup_cite.editingFinished.emit()
    assert "Hạn báo cáo" in page.sup_state.text()


def test_new_basis_typed_goes_to_the_catalogue(window, typer):
    page = window.plan_page
    before = len(page.plan.basis)
    page.catalogue.setCurrentIndex(-1)
    typer(
        page.catalogue.lineEdit(),
        "Căn cứ Quyết định số 12/QĐ-SYT ngày 05/01/2025 của Sở Y tế tỉnh Lâm Đồng "
        "về việc ban hành quy chế thông tin nội bộ;",
    )
    page.add_basis()
    plan = plans.load_plan(window.conn, page.plan.id)
    assert len(plan.basis) == before + 1
    new = plan.basis[-1]
    assert (new.number, new.issuer, new.summary) == (
        "12/QĐ-SYT",
        "Sở Y tế tỉnh Lâm Đồng",
        "về việc ban hành quy chế thông tin nội bộ",
    )
    assert page.catalogue.findData(new.id) >= 0  # offered for the next plan too
    assert page.basis.item(page.basis.count() - 1).text().startswith("Quyết định số 12/QĐ-SYT ngày 05/01/2025")


def test_unreadable_basis_is_refused(window, monkeypatch, typer):
    shown = []
    monkeypatch.setattr("desktop.ui.pages.plan_page.warn", lambda parent, text, *a: shown.append(text))
    page = window.plan_page
    before = len(page.plan.basis)
    page.catalogue.setCurrentIndex(-1)
    typer(page.catalogue.lineEdit(), "Quyết định của giám đốc")
    page.add_basis()
    assert len(plans.load_plan(window.conn, page.plan.id).basis) == before
    assert "Chưa đọc được căn cứ" in shown[0]
