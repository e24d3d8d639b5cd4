"""First run: the unit, its departments and signers — or the demo data to look around."""
from __future__ import annotations

from PySide6.QtWidgets import (QFormLayout, QHeaderView, QLabel, QLineEdit, QRadioButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWizard, QWizardPage)

from ..domain.models import Department, Signer, Unit
from ..domain.text import clean

COMMON_DEPARTMENTS = (
    ("Phòng Kế hoạch tổng hợp", "KHTH"), ("Phòng Tổ chức cán bộ", "TCCB"), ("Phòng Tài chính kế toán", "TCKT"),
    ("Phòng Điều dưỡng", "ĐD"), ("Tổ Công nghệ thông tin", "CNTT"), ("Khoa Khám bệnh", "KB"),
)


class _Choice(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("Chào mừng đến với Văn bản Y tế")
        self.setSubTitle("Phần mềm soạn Kế hoạch và Báo cáo đúng thể thức Nghị định 30/2020/NĐ-CP.")
        lay = QVBoxLayout(self)
        self.own = QRadioButton("Nhập thông tin đơn vị của tôi (khoảng 2 phút)")
        self.demo = QRadioButton("Dùng dữ liệu mẫu để xem thử (một bệnh viện với các hoạt động trong năm)")
        self.own.setChecked(True)
        lay.addWidget(self.own)
        lay.addWidget(self.demo)
        lay.addWidget(QLabel("Có thể sửa mọi thông tin sau này ở trang “Đơn vị”."))

    def nextId(self):  # noqa: N802
        return -1 if self.demo.isChecked() else super().nextId()


class _UnitPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("Đơn vị")
        self.setSubTitle("Thông tin in ở góc trái phần đầu văn bản và ở dòng ngày tháng.")
        f = QFormLayout(self)
        self.parent_body = QLineEdit(placeholderText="VD: Sở Y tế tỉnh Lâm Đồng (để trống nếu không có)")
        self.name = QLineEdit(placeholderText="VD: Bệnh viện Phổi Bình Thuận")
        self.abbr = QLineEdit(placeholderText="VD: BVPBT")
        self.place = QLineEdit(placeholderText="VD: Lâm Đồng")
        f.addRow("Cơ quan chủ quản", self.parent_body)
        f.addRow("Tên đơn vị *", self.name)
        f.addRow("Chữ viết tắt *", self.abbr)
        f.addRow("Địa danh *", self.place)
        self.error = QLabel(styleSheet="color: #b00020")
        f.addRow(self.error)
        for w in (self.name, self.abbr, self.place):
            w.textChanged.connect(self.completeChanged)

    def isComplete(self):  # noqa: N802
        return all(clean(w.text()) for w in (self.name, self.abbr, self.place))


class _TablePage(QWizardPage):
    def __init__(self, title, subtitle, headers, rows):
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        lay = QVBoxLayout(self)
        self.table = QTableWidget(max(len(rows), 1) + 4, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        for r, values in enumerate(rows):
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
        lay.addWidget(self.table)

    def values(self) -> list[list[str]]:
        out = []
        for r in range(self.table.rowCount()):
            vals = [clean(self.table.item(r, c).text()) if self.table.item(r, c) else ""
                    for c in range(self.table.columnCount())]
            if any(vals):
                out.append(vals)
        return out


class FirstRunWizard(QWizard):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Văn bản Y tế — bắt đầu")
        self.setButtonText(QWizard.NextButton, "Tiếp >")
        self.setButtonText(QWizard.BackButton, "< Quay lại")
        self.setButtonText(QWizard.FinishButton, "Hoàn tất")
        self.setButtonText(QWizard.CancelButton, "Hủy")
        self.choice = _Choice()
        self.unit_page = _UnitPage()
        self.dept_page = _TablePage("Khoa, phòng", "Các khoa, phòng thực hiện hoạt động (sửa, thêm hoặc xóa dòng).",
                                    ["Tên khoa, phòng", "Viết tắt"], COMMON_DEPARTMENTS)
        self.signer_page = _TablePage("Người ký", "Thẩm quyền ký viết hoa; cấp phó ký thay ghi “KT. GIÁM ĐỐC” và "
                                      "chức vụ “PHÓ GIÁM ĐỐC”.", ["Thẩm quyền ký", "Chức vụ", "Họ và tên"],
                                      [("GIÁM ĐỐC", "", "")])
        for page in (self.choice, self.unit_page, self.dept_page, self.signer_page):
            self.addPage(page)

    def wants_demo(self) -> bool:
        return self.choice.demo.isChecked()

    def unit(self) -> Unit:
        p = self.unit_page
        depts = [Department(v[0], v[1] or v[0][:4].upper()) for v in self.dept_page.values() if v[0]]
        signers = [Signer(v[0] or "GIÁM ĐỐC", v[2], v[1]) for v in self.signer_page.values() if v[2] or v[0]]
        parent = clean(p.parent_body.text())
        recipients = [f"{parent} (báo cáo)"] if parent else []
        recipients += ["Ban Giám đốc (chỉ đạo)", "Các khoa, phòng"]
        return Unit(clean(p.name.text()), clean(p.abbr.text()).upper(), clean(p.place.text()), parent,
                    departments=depts, signers=signers or [Signer("GIÁM ĐỐC", "")], recipients=recipients)
