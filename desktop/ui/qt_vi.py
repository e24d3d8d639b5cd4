"""Vietnamese for Qt's own strings: the buttons of message boxes and dialogs, the context menus
of text fields and scroll bars. Qt ships no Vietnamese translation (no qtbase_vi.qm in Qt 6),
so without this a clerk would see "Yes", "No", "Cancel" and "Copy"."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

# Qt's source text → Vietnamese, whatever the context (QPlatformTheme, QWindowsTheme,
# QGnomeTheme, QMessageBox, QLineEdit, QWidgetTextControl, QAbstractSpinBox, QScrollBar).
TEXTS = {
    "OK": "Đồng ý", "&OK": "Đồ&ng ý", "Save": "Lưu", "&Save": "&Lưu", "Save All": "Lưu tất cả",
    "Open": "Mở", "&Yes": "&Có", "Yes to &All": "Có với &tất cả", "&No": "&Không",
    "N&o to All": "K&hông với tất cả", "Abort": "Dừng", "Retry": "Thử lại", "Ignore": "Bỏ qua",
    "Close": "Đóng", "&Close": "Đó&ng", "Cancel": "Hủy", "&Cancel": "&Hủy", "Discard": "Bỏ",
    "Close without Saving": "Đóng không lưu", "Help": "Trợ giúp", "Apply": "Áp dụng",
    "Reset": "Đặt lại", "Restore Defaults": "Khôi phục mặc định",
    "Show Details...": "Xem chi tiết...", "Hide Details...": "Ẩn chi tiết...",
    "&Undo": "&Hoàn tác", "&Redo": "&Làm lại", "Cu&t": "&Cắt", "&Copy": "&Sao chép", "&Paste": "&Dán",
    "Delete": "Xóa", "Select All": "Chọn tất cả", "&Select All": "&Chọn tất cả",
    "Copy &Link Location": "Sao chép địa chỉ &liên kết", "&Step up": "&Tăng", "Step &down": "&Giảm",
    "Scroll here": "Cuộn đến đây", "Left edge": "Mép trái", "Top": "Đầu", "Right edge": "Mép phải",
    "Bottom": "Cuối", "Page left": "Trang trái", "Page up": "Trang trên", "Page right": "Trang phải",
    "Page down": "Trang dưới", "Scroll left": "Cuộn trái", "Scroll up": "Cuộn lên",
    "Scroll right": "Cuộn phải", "Scroll down": "Cuộn xuống",
}


class QtVietnamese(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ARG002
        return TEXTS.get(source_text)  # None (a null QString) = untranslated: Qt keeps its own text

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def install(app: QCoreApplication) -> QtVietnamese:
    """Once per application (the window's main() may run more than once in a process)."""
    translator = app.findChild(QtVietnamese)
    if translator is None:
        translator = QtVietnamese(app)
        app.installTranslator(translator)
    return translator
