"""The activity ledger as a Qt table model, and the proxy that filters it."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from ..domain.forms import form
from ..domain.models import Activity, Unit
from ..domain.text import fold
from ..domain.vnformat import number, short_date

COLUMNS = ("Ngày", "Khoa, phòng", "Nội dung", "Hình thức", "Nhiệm vụ", "Số lượng", "Số người tham dự", "Kinh phí")
NUMERIC = {5, 6, 7}


class LedgerModel(QAbstractTableModel):
    def __init__(self, acts: list[Activity], unit: Unit, task_labels: dict[int, str] | None = None, parent=None):
        super().__init__(parent)
        self._acts: list[Activity] = []
        self._search: list[str] = []
        self.set_unit(unit, task_labels or {})
        self.reset(acts)

    def set_unit(self, unit: Unit, task_labels: dict[int, str]) -> None:
        self._dept = {d.id: d.name for d in unit.departments}
        self._tasks = task_labels

    def reset(self, acts: list[Activity]) -> None:
        self.beginResetModel()
        self._acts = list(acts)
        self._search = [self._fold(a) for a in self._acts]
        self.endResetModel()

    def _fold(self, a: Activity) -> str:
        return fold(" ".join((a.title, self._dept.get(a.dept_id, ""), form(a.form_code).label, a.notes,
                              a.evidence, short_date(a.start))))

    # ---------------------------------------------------------------- Qt API
    def rowCount(self, parent=QModelIndex()):  # noqa: N802
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
            day = short_date(a.start) + (f" - {short_date(a.end)}" if a.end and a.end != a.start else "")
            return (day, self._dept.get(a.dept_id, ""), a.title, f.label, self._tasks.get(a.task_id, ""),
                    f"{number(a.quantity)} {a.unit_label or f.unit}",
                    number(a.participants) if a.participants else "", number(a.cost) if a.cost else "")[col]
        if role == Qt.UserRole:  # sort keys
            return (a.start.isoformat(), self._dept.get(a.dept_id, ""), fold(a.title), a.form_code,
                    self._tasks.get(a.task_id, ""), a.quantity, a.participants or 0, a.cost)[col]
        if role == Qt.TextAlignmentRole and col in NUMERIC:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and col == 2:
            return a.title
        return None

    # ---------------------------------------------------------------- rows
    def activity(self, row: int) -> Activity:
        return self._acts[row]

    def activities(self) -> list[Activity]:
        return list(self._acts)

    def search_text(self, row: int) -> str:
        return self._search[row]

    def row_of(self, act_id: int) -> int:
        return next((i for i, a in enumerate(self._acts) if a.id == act_id), -1)

    def add(self, acts: list[Activity]) -> None:
        n = len(self._acts)
        self.beginInsertRows(QModelIndex(), n, n + len(acts) - 1)
        self._acts.extend(acts)
        self._search.extend(self._fold(a) for a in acts)
        self.endInsertRows()

    def replace(self, a: Activity) -> None:
        row = self.row_of(a.id)
        if row < 0:
            return
        self._acts[row] = a
        self._search[row] = self._fold(a)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove(self, ids: set[int]) -> None:
        for row in sorted((i for i, a in enumerate(self._acts) if a.id in ids), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._acts[row]
            del self._search[row]
            self.endRemoveRows()


class LedgerFilter(QSortFilterProxyModel):
    """Rows matching every typed word (with or without diacritics) and the chosen filters."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self.dept_id = self.task_id = self.form_code = self.month = None
        self.setSortRole(Qt.UserRole)

    def set_query(self, text: str) -> None:
        self._words = fold(text).split()
        self.invalidateRowsFilter()

    def set_filters(self, dept_id=None, task_id=None, form_code=None, month=None) -> None:
        self.dept_id, self.task_id, self.form_code, self.month = dept_id, task_id, form_code, month
        self.invalidateRowsFilter()

    def filterAcceptsRow(self, row, parent):  # noqa: N802
        src = self.sourceModel()
        a = src.activity(row)
        if self.dept_id is not None and a.dept_id != self.dept_id:
            return False
        if self.task_id is not None and a.task_id != self.task_id:
            return False
        if self.form_code is not None and a.form_code != self.form_code:
            return False
        if self.month is not None and a.start.month != self.month:
            return False
        if self._words:
            hay = src.search_text(row)
            return all(w in hay for w in self._words)
        return True

    def visible(self) -> list[Activity]:
        src = self.sourceModel()
        return [src.activity(self.mapToSource(self.index(r, 0)).row()) for r in range(self.rowCount())]
