"""The activity ledger as a Qt table model."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ..domain.forms import form
from ..domain.models import Activity, Unit
from ..domain.text import fold
from ..domain.vnformat import number, short_date

COLUMNS = ("Ngày", "Khoa, phòng", "Nội dung", "Hình thức", "Số lượng", "Số người tham dự", "Kinh phí")


class LedgerModel(QAbstractTableModel):
    def __init__(self, acts: list[Activity], unit: Unit, parent=None):
        super().__init__(parent)
        self._acts = acts
        self._dept = {d.id: d.name for d in unit.departments}
        self._search = [fold(" ".join((a.title, self._dept.get(a.dept_id, ""), form(a.form_code).label, a.notes)))
                        for a in acts]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._acts)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        a = self._acts[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            f = form(a.form_code)
            return (short_date(a.start), self._dept.get(a.dept_id, ""), a.title, f.label,
                    f"{number(a.quantity)} {a.unit_label or f.unit}",
                    number(a.participants) if a.participants else "", number(a.cost) if a.cost else "")[col]
        if role == Qt.UserRole:  # sort keys
            return (a.start.isoformat(), self._dept.get(a.dept_id, ""), fold(a.title), a.form_code, a.quantity,
                    a.participants or 0, a.cost)[col]
        if role == Qt.TextAlignmentRole and col >= 4:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def activity(self, row: int) -> Activity:
        return self._acts[row]

    def search_text(self, row: int) -> str:
        return self._search[row]
