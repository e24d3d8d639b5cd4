"""The unit's kind and level as two combo boxes, shared by the first-run wizard and the Đơn vị page (which
duties of a superior's plan are the unit's: domain/duties.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from ...domain.duties import UNIT_KINDS, UNIT_LEVELS, kind_of, level_of
from ...domain.models import Unit


def kind_combos() -> tuple[QComboBox, QComboBox]:
    """The unit's kind (Bệnh viện, Trung tâm Y tế …) and whose unit it is (Trực thuộc Sở Y tế …), in Vietnamese."""
    kind, level = QComboBox(), QComboBox()
    for label_code in UNIT_KINDS:
        kind.addItem(label_code[1], label_code[0])
    level.addItem("Chưa rõ cấp trên trực tiếp", "")
    for label_code in UNIT_LEVELS:
        level.addItem(label_code[1], label_code[0])
    kind.setToolTip("Loại đơn vị: các việc kế hoạch cấp trên giao cho loại đơn vị này là việc của đơn vị")
    level.setToolTip("Đơn vị trực thuộc cơ quan nào: việc giao “các đơn vị trực thuộc” cơ quan đó là việc của đơn vị")
    return kind, level


def show_kind(kind: QComboBox, level: QComboBox, unit: Unit) -> None:
    """The unit's kind and level, or those read from its name and parent body when none was chosen."""
    kind.setCurrentIndex(max(0, kind.findData(kind_of(unit))))
    level.setCurrentIndex(max(0, level.findData(level_of(unit))))
