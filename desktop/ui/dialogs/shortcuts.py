"""Trợ giúp › Phím tắt: every key the window answers, by screen."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

SHORTCUTS = (
    (
        "Cả cửa sổ",
        "Ctrl+Z",
        "Hoàn tác thay đổi cuối cùng của sổ hoạt động hoặc kế hoạch (trong ô chữ đang gõ: hoàn tác chữ vừa gõ trước)",
    ),
    ("Cả cửa sổ", "Ctrl+Y hoặc Ctrl+Shift+Z", "Làm lại"),
    ("Cả cửa sổ", "Ctrl+PgDown / Ctrl+PgUp", "Sang trang (thẻ) sau / trước"),
    ("Cả cửa sổ", "Alt+1 … Alt+5", "Tổng quan, Đơn vị, Kế hoạch, Hoạt động, Báo cáo"),
    ("Cả cửa sổ", "Ctrl+I", "Nhập hoạt động từ Excel"),
    ("Cả cửa sổ", "F1", "Bảng phím tắt này"),
    ("Cả cửa sổ", "Alt + chữ gạch chân", "Đến ô có nhãn đó (VD: Alt+K: Kế hoạch)"),
    ("Ô ngày", "Alt+↓ hoặc F4", "Mở lịch; gõ ngày dạng 5/3/2026, 05/03/2026, 5-3-2026, 05032026, 5/3/26"),
    ("Kế hoạch", "Ctrl+Shift+M / Ctrl+Shift+Y / Ctrl+Shift+D", "Thêm mục / ý gạch đầu dòng / đoạn văn"),
    ("Kế hoạch", "Alt+Shift+↑ / ↓ / → / ←", "Chuyển mục lên / xuống, thụt vào / lùi ra"),
    ("Kế hoạch", "Del (trong cây)", "Xóa mục đang chọn"),
    ("Kế hoạch", "Alt+C", "Thêm chỉ tiêu cho nhiệm vụ đang chọn"),
    ("Kế hoạch, Báo cáo", "Ctrl+P", "Xem trước"),
    ("Kế hoạch, Báo cáo", "Ctrl+E / Ctrl+Shift+E", "Xuất Word / Xuất PDF"),
    ("Hoạt động", "Ctrl+N", "Hoạt động mới"),
    ("Hoạt động", "Enter", "Sang ô sau; ở ô cuối (hoặc Ctrl+Enter ở bất kỳ ô nào): lưu"),
    ("Hoạt động", "Ctrl+D", "Nhân bản các dòng đang chọn"),
    ("Hoạt động", "Del", "Xóa các dòng đang chọn (Ctrl+Z để khôi phục)"),
    ("Hoạt động", "Ctrl+F / Ctrl+L", "Đến ô tìm kiếm / đến bảng hoạt động"),
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Phím tắt")
        self.resize(760, 520)
        lay = QVBoxLayout(self)
        self.table = QTableWidget(len(SHORTCUTS), 3)
        self.table.setHorizontalHeaderLabels(["Màn hình", "Phím", "Việc"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        for r, row in enumerate(SHORTCUTS):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        lay.addWidget(self.table)
        buttons = QDialogButtonBox()
        buttons.addButton("Đóng", QDialogButtonBox.RejectRole)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
