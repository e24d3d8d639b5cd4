"""Qt's own strings (message box buttons, context menus) are Vietnamese: Qt ships no qtbase_vi.qm."""

from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit

from desktop.ui import qt_vi


def test_message_box_buttons_and_text_menus_are_vietnamese(qapp, qtbot):
    qt_vi.install(qapp)
    box = QMessageBox(
        QMessageBox.Question, "t", "x", QMessageBox.Yes | QMessageBox.No | QMessageBox.Ok | QMessageBox.Cancel
    )
    qtbot.addWidget(box)
    texts = {box.button(b).text() for b in (QMessageBox.Yes, QMessageBox.No, QMessageBox.Ok, QMessageBox.Cancel)}
    assert texts == {"&Có", "&Không", "Đồng ý", "Hủy"}
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = [a.text() for a in edit.createStandardContextMenu().actions() if a.text()]
    assert "&Sao chép\tCtrl+C" in menu and "&Dán\tCtrl+V" in menu  # shortcuts keep Qt's own names
    plain = QPlainTextEdit()
    qtbot.addWidget(plain)
    assert any(a.text().startswith("&Hoàn tác") for a in plain.createStandardContextMenu().actions())


def test_installed_once(qapp):
    qt_vi.install(qapp)
    qt_vi.install(qapp)
    assert len(qapp.findChildren(qt_vi.QtVietnamese)) == 1
