"""Input fields shared by the screens: a date typed as the clerk writes it (with a calendar), and numbers
and money grouped the Vietnamese way (15.000.000)."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...domain.vnformat import DATE_HINT, field_date, number, parse_count, parse_date, parse_money

VI = QLocale(QLocale.Vietnamese, QLocale.Vietnam)
ERROR_STYLE = "QLineEdit { border: 1px solid #b00020; background: #fff4f4; }"


class NumberBox(QSpinBox):
    """A whole number shown and typed with dots between thousands (15.000.000), read by the one reader of
    counts (`vnformat.parse_count`, or `parse_money` for a sum): "1.500" is fifteen hundred and "1,5" is one
    and a half, so it is refused (the box keeps its value, turns red and says why), never read as 15."""

    def __init__(self, parent=None, *, what: str = "số", money: bool = False, **kw):
        super().__init__(parent)
        self.what, self.money = what, money
        self.problem = ""  # why the last text typed was not taken ('' when it was)
        self._before = 0  # the value before the clerk's typing (typing moves value() on every keystroke)
        self.setLocale(VI)
        self.setGroupSeparatorShown(True)
        self.setMaximum(kw.pop("maximum", 1_000_000))
        for key, value in kw.items():
            getattr(self, "set" + key[0].upper() + key[1:])(value)
        self._before = self.value()
        self.editingFinished.connect(self._show_problem)
        self.lineEdit().textEdited.connect(lambda _t: self._set_problem(""))

    def _read(self, text: str) -> int:
        t = text
        if self.prefix() and t.startswith(self.prefix()):
            t = t[len(self.prefix()) :]
        if self.suffix() and t.endswith(self.suffix()):
            t = t[: -len(self.suffix())]
        n = (parse_money if self.money else parse_count)(t.strip(), self.what)
        if not self.minimum() <= n <= self.maximum():
            raise ValueError(f"{self.what} cần từ {number(self.minimum())} đến {number(self.maximum())}")
        return n

    def validate(self, text: str, pos: int):  # noqa: D102 — Qt's: every keystroke
        if self.specialValueText() and text == self.specialValueText():
            return QValidator.Acceptable, text, pos
        try:
            self._read(text)
        except ValueError:
            bare = text.removeprefix(self.prefix()).removesuffix(self.suffix())
            typing = re.fullmatch(r"[-−0-9.,\s]*", bare) is not None
            return (QValidator.Intermediate if typing else QValidator.Invalid), text, pos
        return QValidator.Acceptable, text, pos

    def valueFromText(self, text: str) -> int:  # noqa: N802
        if self.specialValueText() and text == self.specialValueText():
            return self.minimum()
        try:
            return self._read(text)
        except ValueError:
            return self.value()

    def fixup(self, text: str) -> str:
        """Text that is not a number of this box when the clerk leaves it: the reason is kept (shown at
        `editingFinished`), the box goes back to its value."""
        try:
            self._read(text)
        except ValueError as e:
            self._set_problem(str(e)[:1].upper() + str(e)[1:] + f"; giữ nguyên {self.textFromValue(self._before)}.")
        return text

    def _set_problem(self, problem: str) -> None:
        self.problem = problem
        self.setStyleSheet("QSpinBox { border: 1px solid #b00020; background: #fff4f4; }" if problem else "")
        self.setToolTip(problem)

    def setValue(self, value: int) -> None:  # noqa: N802 — the program's (a record loaded), not typing's
        super().setValue(value)
        self._before = self.value()

    def _show_problem(self) -> None:
        """At Enter or leaving the box: a refused text leaves the value the box had before the typing (not the
        "1" read on the way to "1,5"), and says why."""
        if self.problem:
            if self.value() != self._before:
                self.setValue(self._before)
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), self.problem, self)
        else:
            self._before = self.value()


def money_box(parent=None) -> NumberBox:
    """Kinh phí: up to 2 tỷ đồng, in steps of 100.000; "—" for none."""
    return NumberBox(
        parent,
        what="kinh phí",
        money=True,
        maximum=2_000_000_000,
        singleStep=100_000,
        suffix=" đồng",
        specialValueText="—",
    )


class _Popup(QFrame):
    def __init__(self, owner: DateField):
        super().__init__(owner, Qt.Popup)
        self.setFrameShape(QFrame.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget()
        self.calendar.setLocale(VI)
        self.calendar.setFirstDayOfWeek(Qt.Monday)
        self.calendar.setGridVisible(True)
        lay.addWidget(self.calendar)


class DateField(QWidget):
    """A date typed as 2/6/2026, 02/06/2026, 2-6-2026, 2.6.2026, 02062026 or 2/6/26, or picked in a calendar
    (the button, or Alt+↓ / F4). Shown as dd/mm/yyyy. Text that is no date, or a day that does not exist
    (31/02/2026), is kept as typed with a red hint under it: it never becomes another date.
    `dateChanged` carries the new date once a valid one is entered (Enter, leaving the field, the calendar)."""

    dateChanged = Signal(object)

    def __init__(self, value: date | None = None, parent=None, optional: bool = False):
        super().__init__(parent)
        self.optional = optional  # an empty field is a valid "no date"
        self._value: date | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        row = QHBoxLayout()
        row.setSpacing(2)
        self.edit = QLineEdit(placeholderText="ngày/tháng/năm")
        self.edit.setToolTip("Gõ " + DATE_HINT + "; Alt+↓ mở lịch.")
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("00/00/0000") * 2)
        self.button = QToolButton(text="▾", focusPolicy=Qt.NoFocus, toolTip="Chọn trong lịch (Alt+↓)")
        self.button.clicked.connect(self.open_calendar)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        lay.addLayout(row)
        self.hint = QLabel(styleSheet="color: #b00020")
        self.hint.setWordWrap(True)
        self.hint.hide()
        lay.addWidget(self.hint)
        self.setFocusProxy(self.edit)
        # a label's mnemonic (&Ngày) focuses its buddy only when the buddy takes focus; Tab skips a widget
        # with a focus proxy, so the chain still goes through the line edit alone
        self.setFocusPolicy(Qt.StrongFocus)
        self.edit.editingFinished.connect(self.commit)
        self.edit.textEdited.connect(self._typing)
        self.edit.installEventFilter(self)
        self._popup: _Popup | None = None
        if value is not None:
            self.setDate(value)

    # ---------------------------------------------------------------- value
    def date(self) -> date | None:
        """The date in the field now (what is typed, read), or None when it is empty or not a date."""
        try:
            return parse_date(self.edit.text())
        except ValueError:
            return None

    def problem(self) -> str:
        """Why the text is not a date ('' when it is one, or is empty in an optional field)."""
        if self.optional and not self.edit.text().strip():
            return ""
        try:
            parse_date(self.edit.text())
        except ValueError as e:
            msg = str(e)
            return msg[:1].upper() + msg[1:] + "."
        return ""

    def is_valid(self) -> bool:
        return not self.problem()

    def setDate(self, d: date | None) -> None:  # noqa: N802
        self._value = d
        self.edit.setText(field_date(d))
        self._show_problem("")

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 — as if typed (read at the next commit)
        self.edit.setText(text)

    # ---------------------------------------------------------------- reacting
    def commit(self) -> bool:
        """Read what is typed: a valid date is written back as dd/mm/yyyy (and announced when it changed);
        anything else stays as typed, with the red hint. True when the field holds a valid value."""
        problem = self.problem()
        self._show_problem(problem)
        if problem:
            return False
        d = self.date()
        if d is not None:
            self.edit.setText(field_date(d))
        if d != self._value:
            self._value = d
            self.dateChanged.emit(d)
        return True

    def _typing(self, _text: str) -> None:
        if not self.hint.isHidden() and self.is_valid():
            self._show_problem("")

    def _show_problem(self, problem: str) -> None:
        """The problem in red under the field, whole (as many lines as it takes at the field's width);
        how to type a date in its tooltip, where its length cuts nothing."""
        self.hint.setText(problem)
        self.hint.setToolTip("Gõ " + DATE_HINT + "." if problem else "")
        width = max(self.width(), self.edit.width() + self.button.width())
        self.hint.setMinimumHeight(self.hint.heightForWidth(width) if problem else 0)
        self.hint.setVisible(bool(problem))
        self.edit.setStyleSheet(ERROR_STYLE if problem else "")

    def eventFilter(self, obj, event):  # noqa: N802
        if obj is self.edit and event.type() == QEvent.KeyPress:
            if event.key() == Qt.Key_F4 or (event.key() == Qt.Key_Down and event.modifiers() & Qt.AltModifier):
                self.open_calendar()
                return True
        return False

    def open_calendar(self) -> QCalendarWidget:
        if self._popup is None:
            self._popup = _Popup(self)
            self._popup.calendar.clicked.connect(self._picked)
            self._popup.calendar.activated.connect(self._picked)
        d = self.date() or self._value or date.today()
        self._popup.calendar.setSelectedDate(QDate(d.year, d.month, d.day))
        self._popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self._popup.show()
        self._popup.calendar.setFocus()
        return self._popup.calendar

    def _picked(self, q: QDate) -> None:
        self._popup.hide()
        self.edit.setText(field_date(date(q.year(), q.month(), q.day())))
        self.edit.setFocus()
        self.commit()
