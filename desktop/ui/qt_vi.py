"""Vietnamese for Qt's own strings: the buttons of message boxes and dialogs, the context menus
of text fields and scroll bars, Qt's file dialog. Qt ships no Vietnamese translation (no qtbase_vi.qm in Qt 6),
so without this a clerk would see "Yes", "No", "Cancel" and "Copy"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

# Qt's source text → Vietnamese, whatever the context (QPlatformTheme, QWindowsTheme,
# QGnomeTheme, QMessageBox, QLineEdit, QWidgetTextControl, QAbstractSpinBox, QScrollBar).
TEXTS = {
    "OK": "Đồng ý",
    "&OK": "Đồ&ng ý",
    "Save": "Lưu",
    "&Save": "&Lưu",
    "Save All": "Lưu tất cả",
    "Open": "Mở",
    "&Yes": "&Có",
    "Yes to &All": "Có với &tất cả",
    "&No": "&Không",
    "N&o to All": "K&hông với tất cả",
    "Abort": "Dừng",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Close": "Đóng",
    "&Close": "Đó&ng",
    "Cancel": "Hủy",
    "&Cancel": "&Hủy",
    "Discard": "Bỏ",
    "Close without Saving": "Đóng không lưu",
    "Help": "Trợ giúp",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định",
    "Show Details...": "Xem chi tiết...",
    "Hide Details...": "Ẩn chi tiết...",
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "&Cắt",
    "&Copy": "&Sao chép",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
    "&Select All": "&Chọn tất cả",
    "Copy &Link Location": "Sao chép địa chỉ &liên kết",
    "&Step up": "&Tăng",
    "Step &down": "&Giảm",
    "Scroll here": "Cuộn đến đây",
    "Left edge": "Mép trái",
    "Top": "Đầu",
    "Right edge": "Mép phải",
    "Bottom": "Cuối",
    "Page left": "Trang trái",
    "Page up": "Trang trên",
    "Page right": "Trang phải",
    "Page down": "Trang dưới",
    "Scroll left": "Cuộn trái",
    "Scroll up": "Cuộn lên",
    "Scroll right": "Cuộn phải",
    "Scroll down": "Cuộn xuống",
}


# Qt's own file dialog (used on Linux without a desktop portal, and wherever Qt draws it): the strings of
# qfiledialog.ui and qfiledialog.cpp (context QFileDialog) and of the file model and icon provider.
# Key names such as "Alt+Left" are left alone.
FILE_DIALOG = {
    "&Look in:": "&Tìm trong:",
    "Look in:": "Tìm trong:",
    "Back": "Lùi",
    "Go back": "Quay lại thư mục trước",
    "Forward": "Tiến",
    "Go forward": "Sang thư mục sau",
    "Parent Directory": "Thư mục cha",
    "Go to the parent directory": "Lên thư mục cha",
    "Create New Folder": "Tạo thư mục mới",
    "Create a New Folder": "Tạo một thư mục mới",
    "List View": "Xem dạng danh sách",
    "Change to list view mode": "Chuyển sang xem dạng danh sách",
    "Detail View": "Xem chi tiết",
    "Change to detail view mode": "Chuyển sang xem chi tiết",
    "Sidebar": "Thanh bên",
    "List of places and bookmarks": "Các nơi và dấu trang",
    "Files": "Tệp",
    "Files of &type:": "&Loại tệp:",
    "Files of type:": "Loại tệp:",
    "File &name:": "&Tên tệp:",
    "File name:": "Tên tệp:",
    "&Open": "&Mở",
    "Open": "Mở",
    "&Save": "&Lưu",
    "Save As": "Lưu thành",
    "&Choose": "&Chọn",
    "All Files (*)": "Mọi tệp (*)",
    "Show ": "Hiện ",
    "&Rename": "Đổi &tên",
    "&Delete": "&Xóa",
    "Show &hidden files": "Hiện tệp ẩ&n",
    "&New Folder": "Thư mục &mới",
    "New Folder": "Thư mục mới",
    "Find Directory": "Chọn thư mục",
    "Directories": "Thư mục",
    "Directory:": "Thư mục:",
    "Recent Places": "Nơi mở gần đây",
    "My Computer": "Máy tính",
    "Computer": "Máy tính",
    "Drive": "Ổ đĩa",
    "Folder": "Thư mục",
    "File": "Tệp",
    "Name": "Tên",
    "Size": "Cỡ",
    "Type": "Loại",
    "Date Modified": "Ngày sửa",
    "Kind": "Loại",
    "Unknown": "Không rõ",
    "Are you sure you want to delete '%1'?": "Xóa “%1”?",
    "'%1' is write protected.\nDo you want to delete it anyway?": "“%1” đang được bảo vệ chống ghi.\nVẫn xóa?",
    "Could not delete directory.": "Không xóa được thư mục.",
    "%1 already exists.\nDo you want to replace it?": "%1 đã có.\nGhi đè lên tệp đó?",
    "%1\nFile not found.\nPlease verify the correct file name was given.": "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp.",
    "%1\nDirectory not found.\nPlease verify the correct directory name was given.": "%1\nKhông tìm thấy thư mục.\nHãy kiểm tra lại tên thư mục.",
}
FILE_CONTEXTS = {
    "QFileDialog",
    "QFileSystemModel",
    "QAbstractFileIconProvider",
    "QFileIconProvider",
    "QFileDialogPrivate",
    "QSideBar",
}


class QtVietnamese(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ARG002
        if context in FILE_CONTEXTS and source_text in FILE_DIALOG:
            return FILE_DIALOG[source_text]
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
