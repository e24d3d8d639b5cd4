"""First run: the unit, its departments and signers — or the demo data to look around."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ...domain.forms import DEFAULTS
from ...domain.models import Department, Signer, Unit
from ...domain.plan_text import target_text
from ...domain.text import clean

COMMON_DEPARTMENTS = (
    ("Phòng Kế hoạch tổng hợp", "KHTH"),
    ("Phòng Tổ chức cán bộ", "TCCB"),
    ("Phòng Tài chính kế toán", "TCKT"),
    ("Phòng Điều dưỡng", "ĐD"),
    ("Tổ Công nghệ thông tin", "CNTT"),
    ("Khoa Khám bệnh", "KB"),
)
ROWS_IN_SIGHT = 8  # a table page shows this many rows when the screen has room (1366 × 768 and up)


class _CellDelegate(QStyledItemDelegate):
    """Enter in a cell commits it and closes its editor at once. Qt's own delegate does it from the event
    queue, after the keys already typed: Enter then "Thêm dòng" (or Alt+T) committed the closed editor again into
    a table that had moved on to the new row ("commitData called with an editor that does not belong to this
    view"), and Enter went on to press "Tiếp >", leaving the page."""

    def eventFilter(self, editor, event):  # noqa: N802
        if event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.SubmitModelCache)
            return True
        return super().eventFilter(editor, event)


class _Choice(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("Chào mừng đến với Văn bản Y tế")
        self.setSubTitle("Phần mềm soạn Kế hoạch và Báo cáo đúng thể thức Nghị định 30/2020/NĐ-CP.")
        lay = QVBoxLayout(self)
        self.own = QRadioButton("Nhập thông tin đơn vị của tôi (khoảng 2 phút)")
        self.demo = QRadioButton("Dùng dữ liệu mẫu để xem thử (một bệnh viện với các hoạt động trong năm)")
        self.own.setChecked(True)
        lay.addWidget(self.own)
        lay.addWidget(self.demo)
        lay.addWidget(QLabel("Có thể sửa mọi thông tin sau này ở trang “Đơn vị”."))

    def nextId(self):  # noqa: N802
        return -1 if self.demo.isChecked() else super().nextId()


class _UnitPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("Đơn vị")
        self.setSubTitle("Thông tin in ở góc trái phần đầu văn bản và ở dòng ngày tháng.")
        f = QFormLayout(self)
        self.parent_body = QLineEdit(placeholderText="VD: Sở Y tế tỉnh Lâm Đồng (để trống nếu không có)")
        self.name = QLineEdit(placeholderText="VD: Bệnh viện Phổi Bình Thuận")
        self.abbr = QLineEdit(placeholderText="VD: BVPBT")
        self.place = QLineEdit(placeholderText="VD: Lâm Đồng")
        f.addRow("Cơ quan chủ quản", self.parent_body)
        f.addRow("Tên đơn vị *", self.name)
        f.addRow("Chữ viết tắt *", self.abbr)
        f.addRow("Địa danh *", self.place)
        from ..widgets.unit_kind import kind_combos, show_kind

        # which duties of a superior's plan are the unit's: read from the name and parent body until chosen
        self.kind, self.level = kind_combos()
        self.kind_chosen = False
        f.addRow("Loại đơn vị", self.kind)
        f.addRow("Trực thuộc", self.level)
        for combo in (self.kind, self.level):
            combo.activated.connect(lambda *_: setattr(self, "kind_chosen", True))
        for w in (self.name, self.parent_body):
            w.textChanged.connect(
                lambda *_: (
                    self.kind_chosen
                    or show_kind(self.kind, self.level, Unit(self.name.text(), "", "", self.parent_body.text()))
                )
            )
        self.error = QLabel(styleSheet="color: #b00020")
        f.addRow(self.error)
        for w in (self.name, self.abbr, self.place):
            w.textChanged.connect(self.completeChanged)

    def isComplete(self):  # noqa: N802
        return all(clean(w.text()) for w in (self.name, self.abbr, self.place))


class _TablePage(QWizardPage):
    """Rows the clerk edits, adds (Thêm dòng, or Enter on the last row) and removes (Xóa dòng, Del)."""

    def __init__(self, title, subtitle, headers, rows):
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        lay = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setItemDelegate(_CellDelegate(self.table))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        for r, values in enumerate(rows):
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
        lay.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Thêm dòng")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton("&Xóa dòng")
        self.remove_button.clicked.connect(self.remove_rows)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        lay.addLayout(buttons)
        QShortcut(QKeySequence.Delete, self.table, activated=self.remove_rows, context=Qt.WidgetShortcut)

    def finish_edit(self) -> None:
        """The cell being typed in, committed and closed: before rows are added or removed, or the page left."""
        editor = QApplication.focusWidget()
        if self.table.state() == QAbstractItemView.EditingState and self.table.viewport().isAncestorOf(editor):
            delegate = self.table.itemDelegate()
            delegate.commitData.emit(editor)
            delegate.closeEditor.emit(editor, QAbstractItemDelegate.NoHint)

    def validatePage(self) -> bool:  # noqa: N802
        self.finish_edit()
        return super().validatePage()

    def add_row(self) -> None:
        self.finish_edit()
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setCurrentCell(r, 0)
        self.table.setFocus()
        self.table.editItem(self.table.item(r, 0) or self._blank(r))

    def _blank(self, r: int) -> QTableWidgetItem:
        item = QTableWidgetItem("")
        self.table.setItem(r, 0, item)
        return item

    def remove_rows(self) -> None:
        self.finish_edit()
        rows = sorted(
            {i.row() for i in self.table.selectedIndexes()}
            or ({self.table.currentRow()} if self.table.currentRow() >= 0 else set()),
            reverse=True,
        )
        for r in rows:
            self.table.removeRow(r)

    def values(self) -> list[list[str]]:
        out = []
        for r in range(self.table.rowCount()):
            vals = [
                clean(self.table.item(r, c).text()) if self.table.item(r, c) else ""
                for c in range(self.table.columnCount())
            ]
            if any(vals):
                out.append(vals)
        return out


class _PlanPage(QWizardPage):
    """The first plan: the preset shown with its tasks and targets (each can be left out), or none at all."""

    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle("Kế hoạch đầu tiên")
        self.setSubTitle(
            # two lines: QWizard cuts a longer subtitle (how to import is said by the first choice below)
            "Kế hoạch của đơn vị thường lập từ kế hoạch của cấp trên. Kế hoạch mẫu (truyền thông Nghị quyết "
            "57-NQ/TW) chỉ dùng khi đơn vị thực hiện đúng kế hoạch đó."
        )
        lay = QVBoxLayout(self)
        self.no_plan = QRadioButton(
            "Chưa tạo kế hoạch: nhập kế hoạch của cấp trên (Tệp › Nhập kế hoạch của cấp trên…) hoặc tự lập sau"
        )
        self.use_preset = QRadioButton(
            "Tạo kế hoạch từ mẫu Nghị quyết 57-NQ/TW, với các chỉ tiêu được đánh dấu dưới đây"
        )
        self.no_plan.setChecked(True)  # a unit gets the preset only when its clerk chooses it
        lay.addWidget(self.no_plan)
        lay.addWidget(self.use_preset)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Nhiệm vụ của kế hoạch mẫu / chỉ tiêu"])
        lay.addWidget(self.tree, 1)
        self.count = QLabel()
        lay.addWidget(self.count)
        self.tree.setEnabled(False)
        self.use_preset.toggled.connect(self.tree.setEnabled)
        self.tree.itemChanged.connect(self._count)
        self._filled = False

    def initializePage(self):  # noqa: N802
        self.fill(self.wiz.unit())

    def fill(self, unit: Unit) -> None:
        from ...app.setup import preset_preview

        self.tree.blockSignals(True)
        self.tree.clear()
        plan = preset_preview(unit)
        for i, task in enumerate(plan.tasks()):
            node = QTreeWidgetItem([task.text])
            node.setToolTip(0, task.text)
            for j, t in enumerate(task.targets):
                # a new unit: its forms are the defaults
                child = QTreeWidgetItem(node, [f"{DEFAULTS.form(t.form_code).label}: {target_text(t, DEFAULTS)}"])
                child.setData(0, Qt.UserRole, (i, j))
                child.setFlags(child.flags() | Qt.ItemIsUserCheckable)
                child.setCheckState(0, Qt.Checked)
            self.tree.addTopLevelItem(node)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._filled = True
        self._count()

    def _count(self, *_):
        kept = self.kept()
        total = len(self._targets())
        self.count.setText(f"Giữ {len(kept or [])}/{total} chỉ tiêu; sửa, thêm chỉ tiêu ở trang Kế hoạch.")

    def _targets(self) -> list[QTreeWidgetItem]:
        return [
            self.tree.topLevelItem(i).child(k)
            for i in range(self.tree.topLevelItemCount())
            for k in range(self.tree.topLevelItem(i).childCount())
        ]

    def kept(self) -> set[tuple[int, int]] | None:
        """The targets kept (None: the page was never shown, so the preset's own)."""
        if not self._filled:
            return None
        return {tuple(c.data(0, Qt.UserRole)) for c in self._targets() if c.checkState(0) == Qt.Checked}


class FirstRunWizard(QWizard):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Văn bản Y tế — bắt đầu")
        self.setButtonText(QWizard.NextButton, "Tiếp >")
        self.setButtonText(QWizard.BackButton, "< Quay lại")
        self.setButtonText(QWizard.FinishButton, "Hoàn tất")
        self.setButtonText(QWizard.CancelButton, "Hủy")
        self.choice = _Choice()
        self.unit_page = _UnitPage()
        self.dept_page = _TablePage(
            "Khoa, phòng",
            "Các khoa, phòng thực hiện hoạt động: sửa tên, thêm dòng, xóa dòng không có ở đơn vị (Del).",
            ["Tên khoa, phòng", "Viết tắt"],
            COMMON_DEPARTMENTS,
        )
        self.signer_page = _TablePage(
            "Người ký",
            "Thẩm quyền ký viết hoa; cấp phó ký thay ghi “KT. GIÁM ĐỐC” và chức vụ “PHÓ GIÁM ĐỐC”.",
            ["Thẩm quyền ký", "Chức vụ", "Họ và tên"],
            [("GIÁM ĐỐC", "", "")],
        )
        self.recipient_page = _TablePage(
            "Nơi nhận", "Nơi nhận mặc định của văn bản (dòng “Lưu: VT, …” được thêm tự động).", ["Nơi nhận"], []
        )
        self.plan_page = _PlanPage(self)
        for page in (
            self.choice,
            self.unit_page,
            self.dept_page,
            self.signer_page,
            self.recipient_page,
            self.plan_page,
        ):
            self.addPage(page)
        self.currentIdChanged.connect(self._entered)
        for page in self._table_pages():  # QWizard grows to a page's minimum when it is shown
            t = page.table
            t.setMinimumHeight(
                ROWS_IN_SIGHT * t.verticalHeader().defaultSectionSize() + t.horizontalHeader().sizeHint().height() + 4
            )
        area, room = self._room()
        size = self.sizeHint().expandedTo(QSize(680, 0)).boundedTo(room)
        self.resize(size)
        self.move(
            area.x() + (area.width() - size.width()) // 2, area.y() + max(0, (area.height() - size.height()) // 2)
        )

    def _table_pages(self) -> tuple[_TablePage, ...]:
        return (self.dept_page, self.signer_page, self.recipient_page)

    def _room(self) -> tuple[QRect, QSize]:
        """The screen's available area, and the size the wizard may take in it (its title bar and frame left out)."""
        area = self.screen().availableGeometry()
        title = self.style().pixelMetric(QStyle.PM_TitleBarHeight) + 8
        return area, QSize(area.width() - 16, area.height() - title - 8)

    def _fit_screen(self) -> None:
        """Never past the screen's available area: on a short screen the tables give up rows (at least 3 stay,
        the rest scroll) until the wizard fits, and it is moved back inside the area."""
        area, room = self._room()
        excess = self.height() - room.height()
        if excess > 0:
            for page in self._table_pages():
                t = page.table
                least = 3 * t.verticalHeader().defaultSectionSize() + t.horizontalHeader().sizeHint().height() + 4
                t.setMinimumHeight(max(least, t.minimumHeight() - excess))
            self.setMinimumHeight(max(0, self.minimumHeight() - excess))
            self.resize(self.width(), max(self.minimumHeight(), room.height()))
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
        y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
        if (x, y) != (frame.x(), frame.y()):
            self.move(max(area.x(), x), max(area.y(), y))

    def _entered(self, _id: int) -> None:
        self._fit_screen()
        if self.currentPage() is self.recipient_page and not self.recipient_page.values():
            t = self.recipient_page.table
            t.setRowCount(0)
            for r in self._default_recipients():
                t.insertRow(t.rowCount())
                t.setItem(t.rowCount() - 1, 0, QTableWidgetItem(r))

    def wants_demo(self) -> bool:
        return self.choice.demo.isChecked()

    def wants_plan(self) -> bool:
        return self.plan_page.use_preset.isChecked()

    def kept_targets(self) -> set[tuple[int, int]] | None:
        return self.plan_page.kept()

    def _default_recipients(self) -> list[str]:
        parent = clean(self.unit_page.parent_body.text())
        return ([f"{parent} (báo cáo)"] if parent else []) + ["Ban Giám đốc (chỉ đạo)", "Các khoa, phòng"]

    def unit(self) -> Unit:
        p = self.unit_page
        depts = [Department(v[0], v[1] or v[0][:4].upper()) for v in self.dept_page.values() if v[0]]
        signers = [Signer(v[0] or "GIÁM ĐỐC", v[2], v[1]) for v in self.signer_page.values() if v[2] or v[0]]
        parent = clean(p.parent_body.text())
        recipients = [v[0] for v in self.recipient_page.values()] or self._default_recipients()
        return Unit(
            clean(p.name.text()),
            clean(p.abbr.text()).upper(),
            clean(p.place.text()),
            parent,
            departments=depts,
            signers=signers or [Signer("GIÁM ĐỐC", "")],
            recipients=recipients,
            # chosen: kept; else left empty, read from the name and parent body (which the clerk may edit later)
            kind=p.kind.currentData() if p.kind_chosen else "",
            level=p.level.currentData() if p.kind_chosen else "",
        )
