"""The ledger's filters read whole at 1280 × 680 (issue 20, docs/walk.py's 03-hoat-dong): "Tất cả khoa, phòng"
was cut to "Tất cả khoa, phò" in a combo sized for 10 characters."""

from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionComboBox


def test_each_filter_shows_its_all_choice_whole(window):
    window.resize(1280, 680)
    window.tabs.setCurrentWidget(window.ledger_page)
    QApplication.processEvents()
    page = window.ledger_page
    for combo in (page.f_dept, page.f_task, page.f_form, page.f_month):
        combo.setCurrentIndex(0)
        opt = QStyleOptionComboBox()
        combo.initStyleOption(opt)
        field = combo.style().subControlRect(QStyle.CC_ComboBox, opt, QStyle.SC_ComboBoxEditField, combo)
        text = combo.currentText()
        assert combo.fontMetrics().horizontalAdvance(text) <= field.width(), (text, field.width())
