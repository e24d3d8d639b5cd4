"""The activity ledger as a Qt table model that filters and sorts itself.

Filtering 20 000 rows through a QSortFilterProxyModel costs one Python call per row and
keystroke; here a keystroke is one list comprehension over pre-folded strings (and only over
the rows still visible when the query grows), then one model reset.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.forms import DEFAULTS, Forms
from ...domain.models import Activity, Unit
from ...domain.text import fold
from ...domain.vnformat import field_date, number, short_date

COLUMNS = ("Ngày", "Khoa, phòng", "Nội dung", "Hình thức", "Nhiệm vụ", "Số lượng", "Người dự", "Kinh phí", "Tệp")
NUMERIC = {5, 6, 7, 8}
GUESSED = QBrush(QColor("#fff3cd"))
GUESSED_TIP = (
    "Kế hoạch của hoạt động này do bản nâng cấp dữ liệu tự đoán: hãy kiểm tra (xác nhận "
    "hoặc chuyển sang kế hoạch đúng)."
)


class LedgerModel(QAbstractTableModel):
    def __init__(self, acts: list[Activity], unit: Unit, task_labels: dict[int, str] | None = None, parent=None):
        super().__init__(parent)
        self._all: list[Activity] = []
        self._fold: list[str] = []
        self._order: list[int] = []  # every index of _all, in the sort order
        self._rows: list[int] = []  # the visible ones, in the sort order
        self._words: list[str] = []
        self._query = ""
        self.dept_id = self.task_id = self.form_code = self.month = None
        self.guessed = False
        self._files: dict[int, int] = {}  # {activity id: evidence files}
        self._sort = (0, Qt.DescendingOrder)
        self.forms: Forms = DEFAULTS  # the unit's forms (set_unit)
        self.set_unit(unit, task_labels or {})
        self.reset(acts)

    def set_unit(
        self,
        unit: Unit,
        task_labels: dict[int, str],
        task_texts: dict[int, str] | None = None,
        forms: Forms | None = None,
    ) -> None:
        """task_labels: what the Nhiệm vụ column shows (label and the start of the text); task_texts: its tooltip;
        forms: the unit's catalogue (the Hình thức column)."""
        if forms is not None:
            self.forms = forms
        self._dept = {d.id: d.name for d in unit.departments}
        self._tasks = task_labels
        self._task_texts = task_texts or {}

    def set_file_counts(self, counts: dict[int, int]) -> None:
        self._files = dict(counts)

    def set_file_count(self, activity_id: int, n: int) -> None:
        """An activity's evidence files changed: its Tệp cell repaints."""
        self._files[activity_id] = n
        col = len(COLUMNS) - 1
        for row, i in enumerate(self._rows):
            if self._all[i].id == activity_id:
                self.dataChanged.emit(self.index(row, col), self.index(row, col))
                break

    def _folded(self, a: Activity) -> str:
        return fold(
            " ".join(
                (
                    a.title,
                    self._dept.get(a.dept_id, ""),
                    self.forms.form(a.form_code).label,
                    a.notes,
                    a.evidence,
                    short_date(a.start),
                    field_date(a.start),
                )
            )
        )

    def reset(self, acts: list[Activity]) -> None:
        self._all = list(acts)
        self._fold = [self._folded(a) for a in self._all]
        self._resort()

    # ---------------------------------------------------------------- filter and sort
    def _accepts(self, i: int) -> bool:
        a = self._all[i]
        return (
            (self.dept_id is None or a.dept_id == self.dept_id)
            and (self.task_id is None or a.task_id == self.task_id)
            and (self.form_code is None or a.form_code == self.form_code)
            and (self.month is None or a.start.month == self.month)
            and (not self.guessed or a.plan_guessed)
        )

    def _refilter(self, candidates: list[int] | None = None) -> None:
        cand = self._order if candidates is None else candidates
        words, folded = self._words, self._fold
        if (
            self.dept_id is not None
            or self.task_id is not None
            or self.form_code is not None
            or self.month
            or self.guessed
        ):
            cand = [i for i in cand if self._accepts(i)]
        if words:
            if len(words) == 1:
                w = words[0]
                cand = [i for i in cand if w in folded[i]]
            else:
                cand = [i for i in cand if all(w in folded[i] for w in words)]
        self.beginResetModel()
        self._rows = list(cand)
        self.endResetModel()

    def set_query(self, text: str) -> None:
        query = fold(text)
        # a query that extends the last one can only match fewer rows: filter the visible ones
        narrowing = bool(self._query) and query.startswith(self._query)
        self._query, self._words = query, query.split()
        self._refilter(self._rows if narrowing else None)

    def set_filters(self, dept_id=None, task_id=None, form_code=None, month=None, guessed: bool = False) -> None:
        self.dept_id, self.task_id, self.form_code, self.month = dept_id, task_id, form_code, month
        self.guessed = guessed
        self._refilter()

    def _key(self, column: int):
        a, d, t = self._all, self._dept, self._tasks
        return (
            lambda i: a[i].start.isoformat(),
            lambda i: d.get(a[i].dept_id, ""),
            lambda i: self._fold[i],
            lambda i: a[i].form_code,
            lambda i: t.get(a[i].task_id, ""),
            lambda i: a[i].quantity,
            lambda i: a[i].participants or 0,
            lambda i: a[i].cost,
            lambda i: self._files.get(a[i].id, 0),
        )[column]

    def _resort(self) -> None:
        column, order = self._sort
        self._order = sorted(range(len(self._all)), key=self._key(column), reverse=order == Qt.DescendingOrder)
        self._refilter()

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self._sort = (column, order)
        self._resort()

    # ---------------------------------------------------------------- Qt API
    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        a = self._all[self._rows[index.row()]]
        col = index.column()
        if role == Qt.DisplayRole:
            f = self.forms.form(a.form_code)
            day = field_date(a.start) + (f" - {field_date(a.end)}" if a.end and a.end != a.start else "")
            return (
                day,
                self._dept.get(a.dept_id, ""),
                a.title,
                f.label,
                self._tasks.get(a.task_id, ""),
                f"{number(a.quantity)} {a.unit_label or f.unit}",
                number(a.participants) if a.participants else "",
                number(a.cost) if a.cost else "",
                number(self._files[a.id]) if self._files.get(a.id) else "",
            )[col]
        if role == Qt.TextAlignmentRole and col in NUMERIC:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole:
            if a.plan_guessed:
                return GUESSED_TIP
            if col == 2:
                return a.title
            if col == 4:
                return self._task_texts.get(a.task_id)
            if col == 8 and self._files.get(a.id):
                return f"{number(self._files[a.id])} tệp minh chứng"
            if col == 1 and a.source_unit:
                return f"{a.source_unit} · {a.source_dept}".strip(" ·")
        if role == Qt.BackgroundRole and a.plan_guessed:
            return GUESSED
        return None

    # ---------------------------------------------------------------- rows
    def activity(self, row: int) -> Activity:
        """The activity shown at a row."""
        return self._all[self._rows[row]]

    def search_text(self, row: int) -> str:
        return self._fold[self._rows[row]]

    def visible(self) -> list[Activity]:
        return [self._all[i] for i in self._rows]

    def activities(self) -> list[Activity]:
        return list(self._all)

    def has(self, activity_id: int | None) -> bool:
        return any(a.id == activity_id for a in self._all)

    def total(self) -> int:
        return len(self._all)

    def add(self, acts: list[Activity]) -> None:
        self._all.extend(acts)
        self._fold.extend(self._folded(a) for a in acts)
        self._resort()

    def replace(self, a: Activity) -> None:
        i = next((k for k, x in enumerate(self._all) if x.id == a.id), -1)
        if i < 0:
            return
        self._all[i] = a
        self._fold[i] = self._folded(a)
        if i in self._rows:
            row = self._rows.index(i)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove(self, ids: set[int]) -> None:
        keep = [k for k, a in enumerate(self._all) if a.id not in ids]
        self._all = [self._all[k] for k in keep]
        self._fold = [self._fold[k] for k in keep]
        self._resort()
