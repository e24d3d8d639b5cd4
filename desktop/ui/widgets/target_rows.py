"""Kế hoạch › the target table of a task (issue 24): one row per chỉ tiêu, its columns what it counts (a form of
activity, the group reached, what a rate measures), its value (a quantity, people or places, a percentage), its
kind and its period. A row carries the target it was filled from, id included: an edited row is that target
edited, so the values recorded for it stay (app.plans.set_item_details keeps an id only when given it back)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain.forms import Forms
from ...domain.models import Target
from ...domain.periods import PERIOD_KEYS, PERIOD_LABELS
from ...domain.target_kinds import COUNT, KIND_LABELS, KINDS, RATE, REACH, REACH_GROUPS, percent_text, period_words
from ...domain.vnformat import number
from .fields import VI, NumberBox

WHAT, VALUE, KIND, PERIOD = range(4)
# the period column's words, short enough for the panel
PERIOD_CHOICES = tuple(
    (k, {"year": "Cả năm", "h1": "6 tháng", "9m": "9 tháng"}.get(k, PERIOD_LABELS[k])) for k in PERIOD_KEYS
)
_ORIGINAL = Qt.UserRole  # the Target a row was filled from (its id, a count's own unit)
MAX_COUNT, MAX_REACH = 1_000_000, 100_000_000


def setup(table: QTableWidget) -> None:
    table.setColumnCount(4)
    table.setHorizontalHeaderLabels(["Hình thức, nhóm", "Chỉ tiêu", "Loại", "Kỳ"])
    table.verticalHeader().hide()  # row numbers: the width goes to the four columns
    head = table.horizontalHeader()
    head.setSectionResizeMode(WHAT, QHeaderView.Stretch)  # the form's name, the group
    for col, width in ((VALUE, 92), (KIND, 100), (PERIOD, 82)):
        head.setSectionResizeMode(col, QHeaderView.Fixed)
        head.resizeSection(col, width)
    table.setMinimumWidth(112 + 92 + 100 + 82 + 2 * table.frameWidth())


def _combo(choices, current: str) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)  # never wider than its column
    combo.setMinimumContentsLength(4)
    for code, label in choices:
        combo.addItem(label, code)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def add_row(table: QTableWidget, t: Target, forms: Forms, edited: Callable[[], None]) -> None:
    """A row for `t` at the end of the table; `edited` is called on every change the clerk makes in it."""
    r = table.rowCount()
    table.insertRow(r)
    keep = QTableWidgetItem()
    keep.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)  # under the cell's widget: never an editor of its own
    keep.setData(_ORIGINAL, t)
    table.setItem(r, WHAT, keep)
    kind = _combo([(k, KIND_LABELS[k]) for k in KINDS], t.kind)
    period = _combo(PERIOD_CHOICES, t.period)
    table.setCellWidget(r, KIND, kind)
    table.setCellWidget(r, PERIOD, period)
    _kind_widgets(table, r, t, forms, edited)

    def kind_changed(_i: int) -> None:
        row = next((i for i in range(table.rowCount()) if table.cellWidget(i, KIND) is kind), None)
        if row is None:
            return
        was = read_row(table, row)
        new = kind.currentData()
        quantity = was.quantity if was.kind != RATE and was.quantity > 0 else 1
        shaped = {
            COUNT: Target(quantity, forms.visible()[0].code if forms.visible() else "khac", kind=COUNT),
            REACH: Target(quantity, "", kind=REACH, group=REACH_GROUPS[0]),
            RATE: Target(0, "", kind=RATE, percent=100.0),
        }[new]
        _kind_widgets(table, row, replace(shaped, period=was.period), forms, edited)
        chain(table)
        edited()

    kind.currentIndexChanged.connect(kind_changed)
    period.currentIndexChanged.connect(lambda _i: edited())
    chain(table)


def _kind_widgets(table: QTableWidget, r: int, t: Target, forms: Forms, edited: Callable[[], None]) -> None:
    """The row's first two cells as the kind needs them: a form and a quantity, a group and a number of people
    or places, what a rate measures and its percentage."""
    what: QWidget
    value: QWidget
    if t.kind == RATE:
        what = QLineEdit(t.group, placeholderText="VD: văn bản ký số")
        what.setToolTip("Tỷ lệ của cái gì: VD “văn bản ký số”, “người bệnh đăng ký qua VNeID”")
        what.textEdited.connect(lambda _s: edited())
        value = QDoubleSpinBox(decimals=1, minimum=0.1, maximum=100.0, suffix=" %")
        value.setLocale(VI)
        value.setValue(t.percent or 100.0)
        value.valueChanged.connect(lambda _v: edited())
    else:
        if t.kind == REACH:
            choices = [(g, g) for g in REACH_GROUPS]
            if t.group and t.group not in REACH_GROUPS:  # a group typed elsewhere (a command, a workbook): kept
                choices.append((t.group, t.group))
            what = _combo(choices, t.group or REACH_GROUPS[0])
            what.setToolTip("Nhóm người hoặc địa bàn được bao phủ")
        else:
            choices = [(f.code, f"{f.label} ({f.unit})") for f in forms.visible()]
            if t.form_code not in {c for c, _ in choices} and t.form_code in forms.by_code:  # hidden since: kept
                f = forms.form(t.form_code)
                choices.append((t.form_code, f"{f.label} ({f.unit}) (đã ẩn)"))
            what = _combo(choices, t.form_code)
        what.currentIndexChanged.connect(lambda _i: edited())
        most = MAX_REACH if t.kind == REACH else MAX_COUNT
        value = NumberBox(minimum=1, maximum=most, value=min(max(t.quantity, 1), most))
        value.valueChanged.connect(lambda _v: edited())
    for col, w in ((WHAT, what), (VALUE, value)):
        old = table.cellWidget(r, col)
        table.setCellWidget(r, col, w)  # the table deletes the widget it held
        del old


def chain(table: QTableWidget) -> None:
    """Tab goes through the rows' cells in the order they are shown (a row's cells are made anew with its kind)."""
    cells = [table.cellWidget(r, c) for r in range(table.rowCount()) for c in range(4)]
    cells = [w for w in cells if w is not None]
    for a, b in zip(cells, cells[1:]):
        QWidget.setTabOrder(a, b)


def read_row(table: QTableWidget, r: int) -> Target:
    """The target a row shows: the one it was filled from, edited (its id kept)."""
    original: Target = table.item(r, WHAT).data(_ORIGINAL)
    kind = table.cellWidget(r, KIND).currentData()
    period = table.cellWidget(r, PERIOD).currentData()
    what, value = table.cellWidget(r, WHAT), table.cellWidget(r, VALUE)
    if isinstance(what, QLineEdit):
        return replace(
            original,
            kind=RATE,
            period=period,
            group=what.text().strip(),
            percent=round(value.value(), 1),
            quantity=0,
            form_code="",
            unit_label="",
        )
    if kind == REACH:
        return replace(
            original,
            kind=REACH,
            period=period,
            group=what.currentData(),
            quantity=value.value(),
            percent=0.0,
            form_code="",
            unit_label="",
        )
    code = what.currentData()
    unit = original.unit_label if original.kind == COUNT and original.form_code == code else ""
    return replace(
        original,
        kind=COUNT,
        period=period,
        form_code=code,
        quantity=value.value(),
        unit_label=unit,
        group="",
        percent=0.0,
    )


def read(table: QTableWidget) -> list[Target]:
    return [read_row(table, r) for r in range(table.rowCount())]


def keep_ids(table: QTableWidget, saved: list[Target]) -> None:
    """After a save: each row carries the target saved from it (a new row's fresh id), in the table's order."""
    for r, t in enumerate(saved[: table.rowCount()]):
        table.item(r, WHAT).setData(_ORIGINAL, t)


def summary(targets: list[Target], forms: Forms) -> str:
    """The tree's Chỉ tiêu column: '12 tin, bài, 3.000 người nhà (quý I), tỷ lệ văn bản ký số 98,8%'."""
    out = []
    for t in targets:
        if t.kind == RATE:
            text = f"tỷ lệ {t.group} {percent_text(t.percent)}" if t.group else f"tỷ lệ {percent_text(t.percent)}"
        elif t.kind == REACH:
            text = f"{number(t.quantity)} {t.group or 'người'}"
        else:
            text = f"{number(t.quantity)} {forms.unit_of(t.form_code, t.unit_label)}"
        out.append(text if t.period == "year" else f"{text} ({period_words(t.period)})")
    return ", ".join(out)
